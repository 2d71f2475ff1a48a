"""Validation helpers shared by the services: each raises ValidationError naming the field.

``label`` / ``what`` arguments are the field's English name, marked by the caller with
``QT_TRANSLATE_NOOP("Field", ...)``; the message shows it translated."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import TypeVar

from mentordesk.domain.text import QT_TRANSLATE_NOOP, translate
from mentordesk.services.errors import ValidationError

E = TypeVar("E", bound=StrEnum)

_EMAIL = re.compile(r"^[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[^@\s<>(),;:\"\[\]]+$")


def required_text(value: str | None, field: str, label: str, *, max_len: int = 300) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(
            translate("Errors", "{label} cannot be empty").format(label=translate("Field", label)),
            field=field,
        )
    if len(text) > max_len:
        raise ValidationError(
            translate("Errors", "{label} is too long ({count} characters; at most {max_len})").format(
                label=translate("Field", label), count=len(text), max_len=max_len
            ),
            field=field,
        )
    return text


def optional_text(value: str | None, field: str, label: str, *, max_len: int = 100_000) -> str:
    text = (value or "").strip()
    if len(text) > max_len:
        raise ValidationError(
            translate("Errors", "{label} is too long ({count} characters; at most {max_len})").format(
                label=translate("Field", label), count=len(text), max_len=max_len
            ),
            field=field,
        )
    return text


def email(value: str | None, field: str = "email") -> str:
    text = (value or "").strip()
    if text and not _EMAIL.match(text):
        raise ValidationError(
            translate("Errors", "'{text}' is not an email address (expected name@example.org)").format(
                text=text
            ),
            field=field,
        )
    return text.lower()


def url(value: str | None, field: str = "profile_url") -> str:
    text = (value or "").strip()
    if text and not re.match(r"^(https?://)?[\w.-]+\.[a-z]{2,}(/\S*)?$", text, re.IGNORECASE):
        raise ValidationError(
            translate("Errors", "'{text}' is not a web address").format(text=text), field=field
        )
    if text and not re.match(r"^https?://", text, re.IGNORECASE):
        text = "https://" + text
    return text


def cadence(days: int | None, field: str = "cadence_days") -> int:
    if days is None or days < 1:
        raise ValidationError(translate("Errors", "Cadence must be at least one day"), field=field)
    if days > 3660:
        raise ValidationError(
            translate("Errors", "Cadence must be at most ten years (3660 days)"), field=field
        )
    return int(days)


def percent(value: float | None, field: str = "percent") -> float:
    if value is None or not (0 <= value <= 100):
        raise ValidationError(
            translate("Errors", "Progress must be between 0 and 100 (got {value})").format(value=value),
            field=field,
        )
    return float(value)


def date_order(
    start: date | None, end: date | None, field: str, what: str = QT_TRANSLATE_NOOP("Field", "End")
) -> None:
    if start is not None and end is not None and end < start:
        raise ValidationError(
            translate("Errors", "{what} date {end} is before the start date {start}").format(
                what=translate("Field", what), end=end.isoformat(), start=start.isoformat()
            ),
            field=field,
        )


def enum_value(cls: type[E], value: str | E, field: str, label: str) -> E:
    try:
        return cls(value)
    except ValueError:
        try:
            return cls.parse(str(value))  # type: ignore[attr-defined, no-any-return]
        except (ValueError, AttributeError):
            options = ", ".join(m.value for m in cls)
            raise ValidationError(
                translate("Errors", "{label} '{value}' is not one of: {options}").format(
                    label=translate("Field", label), value=value, options=options
                ),
                field=field,
            ) from None


def parse_date(text: str, field: str = "date") -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            translate("Errors", "'{text}' is not a date (expected YYYY-MM-DD)").format(text=text), field=field
        ) from None
