"""Cadence rules: when the next check-in is due and how late it is. Pure functions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import IntEnum

from mentordesk.domain.enums import RelStatus

DUE_SOON_DAYS = 7


class Overdue(IntEnum):
    """How urgent a check-in is; ordered so that max() is the most urgent."""

    NONE = 0  # not tracked (paused, ended, prospect...) or comfortably ahead
    DUE_SOON = 1  # due within DUE_SOON_DAYS (amber)
    OVERDUE = 2  # past due (red)


TRACKED_STATUSES = frozenset({RelStatus.ACTIVE})


def next_check_in(
    status: RelStatus | str,
    cadence_days: int,
    last_held: date | None,
    started_on: date | None = None,
) -> date | None:
    """The date the next check-in is due: last held meeting + cadence.

    With no meeting held yet, the cadence counts from the start of the relationship.
    Relationships that are not active (paused, ended, prospects) have no due date.
    """
    if RelStatus(status) not in TRACKED_STATUSES or cadence_days < 1:
        return None
    anchor = last_held or started_on
    if anchor is None:
        return None
    return anchor + timedelta(days=cadence_days)


def overdue_level(due: date | None, today: date) -> Overdue:
    if due is None:
        return Overdue.NONE
    if due < today:
        return Overdue.OVERDUE
    if (due - today).days <= DUE_SOON_DAYS:
        return Overdue.DUE_SOON
    return Overdue.NONE


@dataclass(frozen=True)
class CheckIn:
    due: date | None
    level: Overdue
    days_late: int = 0


def check_in(
    status: RelStatus | str, cadence_days: int, last_held: date | None, started_on: date | None, today: date
) -> CheckIn:
    due = next_check_in(status, cadence_days, last_held, started_on)
    level = overdue_level(due, today)
    late = (today - due).days if due is not None and level == Overdue.OVERDUE else 0
    return CheckIn(due, level, late)


def periods_met(held_dates: list[date], cadence_days: int, start: date, end: date) -> tuple[int, int, int]:
    """Cadence adherence over [start, end]: (periods, periods with a held meeting, longest gap in days).

    The span is cut into consecutive windows of ``cadence_days``; a period counts as met when a
    held meeting falls inside it. The longest gap counts the days between consecutive held
    meetings, and from the start / to the end of the span.
    """
    if cadence_days < 1 or end < start:
        return (0, 0, 0)
    span = (end - start).days + 1
    periods = max(1, -(-span // cadence_days))
    met_idx = {(d - start).days // cadence_days for d in held_dates if start <= d <= end}
    points = [start, *sorted(d for d in held_dates if start <= d <= end), end]
    gap = max((b - a).days for a, b in zip(points, points[1:], strict=False)) if len(points) > 1 else 0
    return (periods, len(met_idx), gap)
