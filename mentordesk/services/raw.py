"""Reading stored values from plain ``sqlite3`` rows (the SQL reads that skip the ORM).

The ORM's column types turn stored text into Python values; these helpers do the same for rows
read with :meth:`mentordesk.store.db.Database.raw`: dates are ISO text, moments naive UTC text,
enums their value, lists JSON.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from enum import StrEnum
from functools import cache
from typing import Any, TypeVar

from mentordesk.services.base import local_date

E = TypeVar("E", bound=StrEnum)


def day(value: str | None) -> date | None:
    """A stored date."""
    return date.fromisoformat(value) if value else None


def utc(value: str | None) -> datetime | None:
    """A stored moment (naive UTC text) as an aware UTC datetime."""
    return datetime.fromisoformat(value).replace(tzinfo=UTC) if value else None


def as_local_date(value: datetime | str | None) -> date | None:
    """A stored UTC moment (aggregates come back untyped from SQLite) as a local calendar date."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return local_date(value)


@cache
def _members(enum: type[E]) -> dict[str, E]:
    return {m.value: m for m in enum}


def member(enum: type[E], value: str | None) -> Any:
    """The enum member stored as ``value`` (an unknown value is given back as it is, for ``check``).
    Looked up in a table kept per enum: calling the enum is some ten times slower, and the
    mentors list reads four members a row."""
    if value is None:
        return None
    return _members(enum).get(value, value)


def json_list(value: str | list[Any] | None) -> list[Any]:
    """A stored JSON list (anything else reads as an empty list); a list already read from JSON
    is taken as it is."""
    if isinstance(value, list):
        return value
    if not value or not isinstance(value, str):
        return []
    try:
        loaded = json.loads(value)
    except ValueError:
        return []
    return loaded if isinstance(loaded, list) else []


def placeholders(values: Any) -> str:
    """``?, ?, ?`` for an ``IN (...)`` of ``values``."""
    return ", ".join("?" * len(values))
