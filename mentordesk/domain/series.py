"""Plain data behind the insight charts and the PDF progress report.

The service layer fills these from SQL aggregates; :mod:`mentordesk.charts` draws them.
Everything here is immutable and uses tuples, so a value can be cached, compared in
tests and handed to a worker thread without copying. Nothing in this module touches the
database, Qt or matplotlib.

Percentages are floats from 0 to 100; counts are non-negative ints; every date is a
:class:`datetime.date` (no times, no time zones).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

__all__ = [
    "AdherenceRow",
    "FocusRow",
    "GoalProgressSeries",
    "GoalTableRow",
    "MeetingFrequency",
    "MeetingLogRow",
    "MilestoneMark",
    "ReportData",
    "ReportSummary",
]


@dataclass(frozen=True, slots=True)
class MilestoneMark:
    """One milestone of a goal.

    ``due`` is the planned date (``None`` when the milestone has none); ``done_on`` is the
    day it was completed, ``None`` while it is open.
    """

    title: str
    due: date | None = None
    done_on: date | None = None

    @property
    def done(self) -> bool:
        """True once the milestone has a completion date."""
        return self.done_on is not None

    @property
    def when(self) -> date | None:
        """The date the milestone is drawn at: completion day if done, else the due date."""
        return self.done_on if self.done_on is not None else self.due


@dataclass(frozen=True, slots=True)
class GoalProgressSeries:
    """The progress history of one goal.

    ``points`` are ``(day, percent)`` pairs in ascending date order, one per recorded
    progress change; the value holds until the next point. ``target`` is the goal's
    target date and ``start`` the day work on it began (both optional).
    """

    title: str
    points: tuple[tuple[date, float], ...] = ()
    milestones: tuple[MilestoneMark, ...] = ()
    target: date | None = None
    start: date | None = None

    def value_on(self, day: date) -> float | None:
        """Progress in percent on ``day`` (last point on or before it), ``None`` before the first point."""
        value: float | None = None
        for when, percent in self.points:
            if when > day:
                break
            value = percent
        return value


@dataclass(frozen=True, slots=True)
class MeetingFrequency:
    """Held meetings per calendar month, split by relationship.

    ``months`` are the first day of each month in ascending order. ``by_relationship``
    holds ``(name, counts)`` pairs where ``counts[i]`` is the number of meetings held with
    that person in ``months[i]``; every ``counts`` tuple has ``len(months)`` entries.
    ``target_per_month`` is the number of meetings per month the mentoring agreements ask
    for in total (``None`` when no agreement states a cadence).
    """

    months: tuple[date, ...]
    by_relationship: tuple[tuple[str, tuple[int, ...]], ...]
    target_per_month: float | None = None

    def __post_init__(self) -> None:
        for name, counts in self.by_relationship:
            if len(counts) != len(self.months):
                raise ValueError(
                    f"meeting counts for {name!r} cover {len(counts)} months, expected {len(self.months)}"
                )

    @property
    def totals(self) -> tuple[int, ...]:
        """Meetings held per month over all relationships."""
        return tuple(sum(counts[i] for _, counts in self.by_relationship) for i in range(len(self.months)))

    @property
    def total(self) -> int:
        """All meetings held in the period."""
        return sum(self.totals)


@dataclass(frozen=True, slots=True)
class AdherenceRow:
    """How well one relationship kept its agreed cadence.

    The period is cut into ``periods`` consecutive windows of ``cadence_days`` days;
    ``periods_met`` of them contain at least one held meeting. ``longest_gap_days`` is the
    longest stretch without a held meeting, in days.
    """

    name: str
    periods: int
    periods_met: int
    longest_gap_days: int
    cadence_days: int

    @property
    def share(self) -> float:
        """Fraction (0.0 to 1.0) of cadence periods with a held meeting; 0.0 when there are none."""
        if self.periods <= 0:
            return 0.0
        return min(1.0, max(0.0, self.periods_met / self.periods))


@dataclass(frozen=True, slots=True)
class FocusRow:
    """Meetings held and hours spent on one focus area (career, technical skills, ...)."""

    area: str
    meetings: int
    hours: float


@dataclass(frozen=True, slots=True)
class ReportSummary:
    """The headline numbers on the first page of the progress report.

    Relationship counts are the state at the end of the period. ``meetings_expected`` is
    what the agreed cadences ask for over the period (rounded down to whole meetings).
    """

    relationships_active: int = 0
    relationships_paused: int = 0
    relationships_ended: int = 0
    meetings_held: int = 0
    meetings_expected: int = 0
    goals_achieved: int = 0
    goals_in_progress: int = 0


@dataclass(frozen=True, slots=True)
class GoalTableRow:
    """One goal in the report's goals table.

    ``status`` is the display text of the goal's status (e.g. "In progress"),
    ``progress`` its current progress in percent, ``target`` its target date and
    ``milestones`` its milestones in display order.
    """

    title: str
    status: str
    progress: float
    target: date | None = None
    milestones: tuple[MilestoneMark, ...] = ()


@dataclass(frozen=True, slots=True)
class MeetingLogRow:
    """One meeting in the report's meeting log.

    ``person`` is the other party of the relationship, ``status`` the display text of the
    meeting status ("Held", "Cancelled", ...), ``rating`` the 1-5 rating if one was given,
    ``notes_summary`` a short plain-text summary of the notes and ``closed_actions`` the
    texts of action items from this meeting that were closed.
    """

    held_on: date
    person: str
    status: str
    rating: int | None = None
    notes_summary: str = ""
    closed_actions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReportData:
    """Everything the PDF progress report shows, for the period ``period_start``..``period_end`` (inclusive).

    ``generated_on`` is printed on the report and used as "today" in the progress chart.
    ``author`` is the name written to the PDF metadata (the app name when empty).
    """

    period_start: date
    period_end: date
    generated_on: date
    summary: ReportSummary
    progress: tuple[GoalProgressSeries, ...] = ()
    meetings: MeetingFrequency = MeetingFrequency((), ())
    adherence: tuple[AdherenceRow, ...] = ()
    focus: tuple[FocusRow, ...] = ()
    goals: tuple[GoalTableRow, ...] = ()
    meeting_log: tuple[MeetingLogRow, ...] = ()
    author: str = ""
