"""Goal progress rules. Pure functions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class MilestoneState:
    weight: float
    done: bool


def progress_from_milestones(milestones: Iterable[MilestoneState]) -> float:
    """Percent of the total milestone weight that is done (0 with no milestones)."""
    items = list(milestones)
    total = sum(max(m.weight, 0.0) for m in items)
    if total <= 0:
        return 0.0
    done = sum(max(m.weight, 0.0) for m in items if m.done)
    return round(100.0 * done / total, 1)


def next_review(last_review: date | None, start: date | None, every_days: int) -> date | None:
    """The next review date: last review (or the goal's start) + the review cadence."""
    anchor = last_review or start
    if anchor is None or every_days < 1:
        return None
    return anchor + timedelta(days=every_days)


def is_stalled(history: Sequence[tuple[date, float]], every_days: int, today: date) -> bool:
    """A goal is stalled when its progress has not moved in two review periods."""
    if every_days < 1 or not history:
        return False
    window_start = today - timedelta(days=2 * every_days)
    points = sorted(history)
    before = [p for d, p in points if d <= window_start]
    if not before:
        # Younger than two periods: stalled only if nothing was ever recorded after the start.
        return False
    baseline = before[-1]
    recent = [p for d, p in points if d > window_start]
    return all(abs(p - baseline) < 0.5 for p in recent)


# -- goal rules used by the goals tab and its service ------------------------------------------

OPEN_GOAL_STATUSES = frozenset({"planned", "active", "on_hold"})
"""Goals still being worked towards: they have reviews, can be overdue, can stall (when active)."""


def is_open(status: str) -> bool:
    """Planned, active and on-hold goals are open; achieved and dropped goals are closed."""
    return str(status) in OPEN_GOAL_STATUSES


def goal_overdue(target: date | None, status: str, today: date) -> bool:
    """An open goal whose target date has passed."""
    return target is not None and target < today and is_open(status)


def milestone_overdue(due: date | None, done_on: date | None, today: date) -> bool:
    """A milestone not done by its due date."""
    return due is not None and done_on is None and due < today


def review_due(next_review_on: date | None, status: str, today: date) -> bool:
    """An open goal whose next review date has come."""
    return next_review_on is not None and next_review_on <= today and is_open(status)


def outside_goal_dates(day: date | None, start: date | None, target: date | None) -> bool:
    """True when ``day`` falls before the goal's start or after its target."""
    if day is None:
        return False
    return (start is not None and day < start) or (target is not None and day > target)


def current_progress(
    mode: str, history: Sequence[tuple[date, float]], milestones: Iterable[MilestoneState]
) -> float:
    """The goal's progress now: derived from milestone weights, or the last recorded value.

    ``history`` is in the order it was recorded (date, then entry), so its last point is the latest.
    """
    if str(mode) == "milestones":
        return progress_from_milestones(milestones)
    if not history:
        return 0.0
    return float(history[-1][1])


def progress_on(history: Sequence[tuple[date, float]], day: date) -> float | None:
    """The recorded progress on ``day`` (last point on or before it); ``None`` before the first."""
    value: float | None = None
    for when, percent in sorted(history, key=lambda point: point[0]):
        if when > day:
            break
        value = percent
    return value


def days_since_review_due(next_review_on: date | None, today: date) -> int:
    """How many days a review is late (0 when not due yet or not scheduled)."""
    if next_review_on is None or next_review_on >= today:
        return 0
    return (today - next_review_on).days


def goal_stalled(
    history: Sequence[tuple[date, float]], every_days: int, start: date | None, today: date
) -> bool:
    """:func:`is_stalled` for a goal, counting its start as a 0 % point when nothing came before it.

    So a goal started three review periods ago with no progress recorded since is stalled too.
    """
    points = list(history)
    if start is not None and start <= today and (not points or min(d for d, _ in points) > start):
        points.insert(0, (start, 0.0))
    return is_stalled(points, every_days, today)
