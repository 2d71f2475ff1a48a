"""Column types: UTC timestamps and enums stored as their string values."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import DateTime, TypeDecorator


def stored_moment(value: datetime) -> str:
    """An aware datetime as the text a :class:`UTCDateTime` column holds: naive UTC,
    ``YYYY-MM-DD HH:MM:SS.ffffff`` (for the SQL that skips the ORM)."""
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


class UTCDateTime(TypeDecorator[datetime]):
    """Stores an aware datetime as naive UTC; gives back an aware UTC datetime."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where a UTC time is stored")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class StrEnumType(TypeDecorator[Any]):
    """A StrEnum kept as its plain value in a VARCHAR column (no CHECK constraint, easy to migrate)."""

    impl = String(24)
    cache_ok = True

    def __init__(self, enum_cls: type[StrEnum], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.enum_cls = enum_cls

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return self.enum_cls(value).value

    def process_result_value(self, value: str | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        try:
            return self.enum_cls(value)
        except ValueError:
            return value  # left for `mentordesk check` to report
