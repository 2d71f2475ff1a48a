"""SQL behind the goal progress chart and the report's goals table: three statements for any number of goals."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.domain.progress import is_open
from mentordesk.domain.series import GoalProgressSeries, MilestoneMark
from mentordesk.services.insights_types import InsightsFilter, Period
from mentordesk.store.models import Goal, Milestone, ProgressEntry, goal_relationship


def goal_rows(
    session: Session, relationship_ids: Sequence[int] | None, goal_ids: Sequence[int] | None
) -> list[Any]:
    """Goals chosen by the filter: those in ``goal_ids``, worked on with one of ``relationship_ids``."""
    stmt = select(
        Goal.id,
        Goal.title,
        Goal.status,
        Goal.start_on,
        Goal.target_on,
        Goal.progress_mode,
    )
    if goal_ids is not None:
        stmt = stmt.where(Goal.id.in_(list(goal_ids)))
    if relationship_ids is not None:
        linked = select(goal_relationship.c.goal_id).where(
            goal_relationship.c.relationship_id.in_(list(relationship_ids))
        )
        stmt = stmt.where(Goal.id.in_(linked))
    return list(session.execute(stmt))


def milestones_of(session: Session, ids: Sequence[int]) -> dict[int, list[Any]]:
    found: dict[int, list[Any]] = defaultdict(list)
    if not ids:
        return found
    stmt = (
        select(Milestone.goal_id, Milestone.title, Milestone.due_on, Milestone.done_on, Milestone.weight)
        .where(Milestone.goal_id.in_(list(ids)))
        .order_by(Milestone.goal_id, Milestone.due_on.is_(None), Milestone.due_on, Milestone.id)
    )
    for row in session.execute(stmt):
        found[row.goal_id].append(row)
    return found


def history_of(session: Session, ids: Sequence[int], until: date) -> dict[int, list[tuple[date, float]]]:
    found: dict[int, list[tuple[date, float]]] = defaultdict(list)
    if not ids:
        return found
    stmt = (
        select(ProgressEntry.goal_id, ProgressEntry.on, ProgressEntry.percent)
        .where(ProgressEntry.goal_id.in_(list(ids)), ProgressEntry.on <= until)
        .order_by(ProgressEntry.goal_id, ProgressEntry.on, ProgressEntry.id)
    )
    for goal_id, day, percent in session.execute(stmt):
        points = found[goal_id]
        if points and points[-1][0] == day:
            points[-1] = (day, float(percent))  # the last entry of a day is that day's value
        else:
            points.append((day, float(percent)))
    return found


def relevant(status: str, points: Sequence[tuple[date, float]], period: Period) -> bool:
    """A goal belongs in the period when progress was recorded in it, or it was still open during it."""
    if any(period.contains(day) for day, _ in points):
        return True
    return bool(points) and is_open(status) and points[0][0] <= period.end


def goal_order(row: Any) -> tuple[int, int, str, int]:
    """Open goals first, then by start date and title (a stable colour per goal)."""
    return (
        0 if is_open(str(row.status)) else 1,
        row.start_on.toordinal() if row.start_on else 10**7,
        row.title.casefold(),
        row.id,
    )


def goal_progress(session: Session, flt: InsightsFilter) -> tuple[GoalProgressSeries, ...]:
    """One series per goal with progress history in (or reaching into) the period (three statements).

    Points after the period end are left out; the last point before the period start is kept
    so the line enters the period at the value that held then.
    """
    goals = sorted(goal_rows(session, flt.relationship_ids, flt.goal_ids), key=goal_order)
    ids = [g.id for g in goals]
    history = history_of(session, ids, flt.period.end)
    milestones = milestones_of(session, ids)
    series: list[GoalProgressSeries] = []
    for g in goals:
        points = history.get(g.id, [])
        if not relevant(str(g.status), points, flt.period):
            continue
        before = [i for i, (day, _) in enumerate(points) if day < flt.period.start]
        if before:
            points = points[before[-1] :]
        marks = tuple(MilestoneMark(m.title, m.due_on, m.done_on) for m in milestones.get(g.id, []))
        series.append(GoalProgressSeries(g.title, tuple(points), marks, g.target_on, g.start_on))
    return tuple(series)
