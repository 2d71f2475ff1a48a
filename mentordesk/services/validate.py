"""Validation helpers shared by the services: each raises ValidationError naming the field."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import TypeVar

from mentordesk.services.errors import ValidationError

E = TypeVar("E", bound=StrEnum)

_EMAIL = re.compile(r"^[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[^@\s<>(),;:\"\[\]]+$")


def required_text(value: str | None, field: str, label: str, *, max_len: int = 300) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(f"{label} cannot be empty", field=field)
    if len(text) > max_len:
        raise ValidationError(f"{label} is too long ({len(text)} characters; at most {max_len})", field=field)
    return text


def optional_text(value: str | None, field: str, label: str, *, max_len: int = 100_000) -> str:
    text = (value or "").strip()
    if len(text) > max_len:
        raise ValidationError(f"{label} is too long ({len(text)} characters; at most {max_len})", field=field)
    return text


def email(value: str | None, field: str = "email") -> str:
    text = (value or "").strip()
    if text and not _EMAIL.match(text):
        raise ValidationError(f"'{text}' is not an email address (expected name@example.org)", field=field)
    return text.lower()


def url(value: str | None, field: str = "profile_url") -> str:
    text = (value or "").strip()
    if text and not re.match(r"^(https?://)?[\w.-]+\.[a-z]{2,}(/\S*)?$", text, re.IGNORECASE):
        raise ValidationError(f"'{text}' is not a web address", field=field)
    if text and not re.match(r"^https?://", text, re.IGNORECASE):
        text = "https://" + text
    return text


def cadence(days: int | None, field: str = "cadence_days") -> int:
    if days is None or days < 1:
        raise ValidationError("Cadence must be at least one day", field=field)
    if days > 3660:
        raise ValidationError("Cadence must be at most ten years (3660 days)", field=field)
    return int(days)


def percent(value: float | None, field: str = "percent") -> float:
    if value is None or not (0 <= value <= 100):
        raise ValidationError(f"Progress must be between 0 and 100 (got {value})", field=field)
    return float(value)


def date_order(start: date | None, end: date | None, field: str, what: str = "End") -> None:
    if start is not None and end is not None and end < start:
        raise ValidationError(
            f"{what} date {end.isoformat()} is before the start date {start.isoformat()}", field=field
        )


def enum_value(cls: type[E], value: str | E, field: str, label: str) -> E:
    try:
        return cls(value)
    except ValueError:
        try:
            return cls.parse(str(value))  # type: ignore[attr-defined, no-any-return]
        except (ValueError, AttributeError):
            options = ", ".join(m.value for m in cls)
            raise ValidationError(f"{label} '{value}' is not one of: {options}", field=field) from None


def parse_date(text: str, field: str = "date") -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(f"'{text}' is not a date (expected YYYY-MM-DD)", field=field) from None
