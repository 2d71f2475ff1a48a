"""The filters of the insight charts and the progress report: periods, presets and choices.

Pure values and date arithmetic; nothing here reads the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from mentordesk.domain.text import QT_TRANSLATE_NOOP, translate
from mentordesk.services.errors import ValidationError


class RangePreset(StrEnum):
    """The date ranges offered above the charts."""

    THIS_QUARTER = "this_quarter"
    THIS_YEAR = "this_year"
    LAST_12_MONTHS = "last_12_months"
    ALL = "all"
    CUSTOM = "custom"

    @property
    def label(self) -> str:
        return PRESET_LABELS[self]


PRESET_LABELS: dict[RangePreset, str] = {
    RangePreset.THIS_QUARTER: QT_TRANSLATE_NOOP("Enum", "This quarter"),
    RangePreset.THIS_YEAR: QT_TRANSLATE_NOOP("Enum", "This year"),
    RangePreset.LAST_12_MONTHS: QT_TRANSLATE_NOOP("Enum", "Last 12 months"),
    RangePreset.ALL: QT_TRANSLATE_NOOP("Enum", "All time"),
    RangePreset.CUSTOM: QT_TRANSLATE_NOOP("Enum", "Custom…"),
}


class ChartKind(StrEnum):
    """The four insight charts, by the name the command line uses."""

    PROGRESS = "progress"
    MEETINGS = "meetings"
    ADHERENCE = "adherence"
    FOCUS = "focus"

    @property
    def label(self) -> str:
        return CHART_LABELS[self]


CHART_LABELS: dict[ChartKind, str] = {
    ChartKind.PROGRESS: QT_TRANSLATE_NOOP("Enum", "Goal progress"),
    ChartKind.MEETINGS: QT_TRANSLATE_NOOP("Enum", "Meetings per month"),
    ChartKind.ADHERENCE: QT_TRANSLATE_NOOP("Enum", "Cadence kept"),
    ChartKind.FOCUS: QT_TRANSLATE_NOOP("Enum", "Focus areas"),
}


@dataclass(frozen=True, slots=True)
class Period:
    """A closed date range ``start``..``end`` (both days included)."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError(
                translate("Errors", "The period ends on {end}, before it starts on {start}").format(
                    end=self.end.isoformat(), start=self.start.isoformat()
                ),
                field="period",
            )

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True, slots=True)
class InsightsFilter:
    """What the charts show: a period and, optionally, only some relationships or goals.

    ``relationship_ids`` / ``goal_ids`` of ``None`` mean "all"; an empty tuple means none.
    The relationship filter applies to every chart (goals: those worked on with one of the
    chosen relationships); the goal filter applies to the progress chart.
    """

    period: Period
    relationship_ids: tuple[int, ...] | None = None
    goal_ids: tuple[int, ...] | None = None


@dataclass(frozen=True, slots=True)
class ChartView:
    """A chart's series as shown: ``data`` may be a readable subset of everything, which ``note`` then explains."""

    kind: ChartKind
    data: Any
    note: str = ""


@dataclass(frozen=True, slots=True)
class RelationshipChoice:
    """A relationship the charts can be limited to."""

    id: int
    name: str
    status: str
    cadence_days: int


@dataclass(frozen=True, slots=True)
class GoalChoice:
    """A goal the progress chart can be limited to."""

    id: int
    title: str
    status: str


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    """The first of the month ``months`` after ``day``'s month (negative: before)."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month_starts(start: date, end: date) -> tuple[date, ...]:
    """The first day of every calendar month from ``start``'s month to ``end``'s month."""
    months: list[date] = []
    month = first_of_month(start)
    while month <= end:
        months.append(month)
        month = add_months(month, 1)
    return tuple(months)


def preset_period(
    preset: RangePreset | str,
    today: date,
    *,
    first_day: date | None = None,
    start: date | None = None,
    end: date | None = None,
) -> Period:
    """The period a preset means on ``today``. Every preset ends today (no empty months ahead).

    ``first_day`` is the earliest day with data (for "all time"); ``start``/``end`` are the
    chosen days of a custom period.
    """
    try:
        preset = RangePreset(preset)
    except ValueError:
        options = ", ".join(p.value for p in RangePreset)
        raise ValidationError(
            translate("Errors", "Unknown period {preset!r}; use one of: {options}").format(
                preset=preset, options=options
            ),
            field="period",
        ) from None
    if preset == RangePreset.THIS_QUARTER:
        return Period(date(today.year, 3 * ((today.month - 1) // 3) + 1, 1), today)
    if preset == RangePreset.THIS_YEAR:
        return Period(date(today.year, 1, 1), today)
    if preset == RangePreset.LAST_12_MONTHS:
        return Period(add_months(today, -11), today)
    if preset == RangePreset.ALL:
        first = min(first_day, today) if first_day is not None else first_of_month(today)
        return Period(first, today)
    if start is None or end is None:
        raise ValidationError(
            translate("Errors", "A custom period needs a start and an end date"), field="period"
        )
    return Period(start, end)


def period_between(start: date | None, end: date | None, today: date) -> Period:
    """The period of ``--from`` / ``--to``: the last 12 months up to ``end`` (or today) when ``start`` is missing."""
    if end is None:
        if start is not None and start > today:
            raise ValidationError(
                f"--from {start.isoformat()} is after today; give --to as well", field="period"
            )
        end = today
    if start is None:
        start = add_months(end, -11)
    if end < start:
        raise ValidationError(
            f"--to {end.isoformat()} is before --from {start.isoformat()}; the period must end after it starts",
            field="period",
        )
    return Period(start, end)


def clip(span: tuple[date, date], period: Period) -> tuple[date, date] | None:
    """The part of ``span`` inside ``period``, or ``None`` when they do not overlap."""
    lo, hi = max(span[0], period.start), min(span[1], period.end)
    return (lo, hi) if lo <= hi else None


def active_spans(
    status: str,
    started_on: date | None,
    ended_on: date | None,
    changes: list[tuple[date, str]],
    until: date,
) -> list[tuple[date, date]]:
    """The stretches of time a relationship was active, up to ``until`` (inclusive).

    ``changes`` is its status history in date order. Without a history, an active
    relationship counts from ``started_on``; an ended or paused one from ``started_on``
    to ``ended_on`` when both are known.
    """
    spans: list[tuple[date, date]] = []
    opened: date | None = None
    for day, new_status in changes:
        if new_status == "active":
            if opened is None:
                opened = day
        elif opened is not None:
            if day - timedelta(days=1) >= opened:
                spans.append((opened, day - timedelta(days=1)))
            opened = None
    if changes:
        if opened is not None and opened <= until:
            spans.append((opened, until))
    elif started_on is not None:
        if status == "active":
            spans.append((started_on, until))
        elif status in ("paused", "ended") and ended_on is not None:
            spans.append((started_on, min(ended_on, until)))
    if not spans and started_on is not None and status == "active" and started_on <= until:
        spans.append((started_on, until))
    return [(a, min(b, until)) for a, b in spans if a <= until]


def status_on(status: str, changes: list[tuple[date, str]], day: date) -> str:
    """A relationship's status on ``day``: the last change on or before it (the current status without history)."""
    if not changes:
        return status
    current: str | None = None
    for when, new_status in changes:
        if when > day:
            break
        current = new_status
    return current if current is not None else "prospect"
