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
