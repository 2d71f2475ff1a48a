"""SQL behind the progress report's pages: the summary numbers, the goals table and the meeting log."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mentordesk.domain.enums import GoalStatus, MeetingStatus
from mentordesk.domain.progress import MilestoneState, current_progress, is_open
from mentordesk.domain.series import GoalTableRow, MeetingLogRow, MilestoneMark, ReportSummary
from mentordesk.domain.text import QT_TRANSLATE_NOOP, translate
from mentordesk.services.insights_goals import goal_order, goal_rows, history_of, milestones_of
from mentordesk.services.insights_query import (
    HELD,
    expected_meetings,
    in_period,
    meeting_day,
    relationship_rows,
    status_history,
)
from mentordesk.services.insights_types import InsightsFilter, Period, status_on
from mentordesk.store.models import ActionItem, Meeting, Person, Relationship

NOTES_CHARS = 320
LOGGED = (MeetingStatus.HELD.value, MeetingStatus.CANCELLED.value, MeetingStatus.MISSED.value)
"""Meetings that belong in the log: what happened, not what is still planned."""

GOAL_STATUS_TEXT = {
    GoalStatus.PLANNED.value: QT_TRANSLATE_NOOP("Report", "Planned"),
    GoalStatus.ACTIVE.value: QT_TRANSLATE_NOOP("Report", "In progress"),
    GoalStatus.ACHIEVED.value: QT_TRANSLATE_NOOP("Report", "Achieved"),
    GoalStatus.ON_HOLD.value: QT_TRANSLATE_NOOP("Report", "On hold"),
    GoalStatus.DROPPED.value: QT_TRANSLATE_NOOP("Report", "Dropped"),
}


def notes_summary(text: str, limit: int = NOTES_CHARS) -> str:
    """Meeting notes as one plain line, cut at a word boundary with an ellipsis after ``limit`` characters."""
    clean = " ".join(str(text).split())
    if len(clean) <= limit:
        return clean
    cut = clean[:limit].rsplit(" ", 1)[0] if " " in clean[:limit] else clean[:limit]
    return cut.rstrip(" ,;:.") + "\u2026"


def summary(
    session: Session, flt: InsightsFilter, today: date, goal_statuses: Sequence[str]
) -> ReportSummary:
    """The headline numbers: relationships as they stood at the period's end, meetings, goals."""
    rels = relationship_rows(session, flt.relationship_ids)
    history = status_history(session, [r.id for r in rels])
    states = [status_on(str(r.status), history.get(r.id, []), flt.period.end) for r in rels]
    stmt = select(func.count(Meeting.id)).where(Meeting.status == HELD)
    held = session.scalar(in_period(stmt, flt.period)) or 0
    return ReportSummary(
        relationships_active=states.count("active"),
        relationships_paused=states.count("paused"),
        relationships_ended=states.count("ended"),
        meetings_held=int(held),
        meetings_expected=expected_meetings(session, flt, today),
        goals_achieved=sum(1 for s in goal_statuses if s == GoalStatus.ACHIEVED.value),
        goals_in_progress=sum(1 for s in goal_statuses if s == GoalStatus.ACTIVE.value),
    )


def _in_table(goal: Any, points: Sequence[tuple[date, float]], marks: Sequence[Any], period: Period) -> bool:
    """A goal belongs in the report when something happened to it in the period, or it was open then."""
    if any(period.contains(day) for day, _ in points):
        return True
    if any(m.done_on is not None and period.contains(m.done_on) for m in marks):
        return True
    started = goal.start_on or (points[0][0] if points else None)
    if is_open(str(goal.status)):
        return started is None or started <= period.end
    return goal.target_on is not None and period.contains(goal.target_on)


def goals_table(session: Session, flt: InsightsFilter) -> tuple[tuple[GoalTableRow, ...], list[str]]:
    """Goals worked on in the period with their current progress and milestones (three statements).

    Also returns each listed goal's status value, for the summary's counts.
    """
    goals = sorted(goal_rows(session, flt.relationship_ids, flt.goal_ids), key=goal_order)
    ids = [g.id for g in goals]
    history = history_of(session, ids, date.max)
    milestones = milestones_of(session, ids)
    rows: list[GoalTableRow] = []
    statuses: list[str] = []
    for g in goals:
        points = history.get(g.id, [])
        marks = milestones.get(g.id, [])
        if not _in_table(g, points, marks, flt.period):
            continue
        statuses.append(str(g.status))
        progress = current_progress(
            str(g.progress_mode), points, (MilestoneState(m.weight, m.done_on is not None) for m in marks)
        )
        rows.append(
            GoalTableRow(
                title=g.title,
                status=translate("Report", GOAL_STATUS_TEXT[str(g.status)])
                if str(g.status) in GOAL_STATUS_TEXT
                else str(g.status),
                progress=float(progress),
                target=g.target_on,
                milestones=tuple(MilestoneMark(m.title, m.due_on, m.done_on) for m in marks),
            )
        )
    return tuple(rows), statuses


def meeting_log(session: Session, flt: InsightsFilter) -> tuple[MeetingLogRow, ...]:
    """Held, cancelled and missed meetings in the period with notes, rating and closed action items.

    Two statements: the meetings, then the closed action items of the same meetings.
    """
    day = meeting_day()
    stmt = (
        select(Meeting.id, day, Person.name, Meeting.title, Meeting.status, Meeting.rating, Meeting.notes)
        .outerjoin(Relationship, Relationship.id == Meeting.relationship_id)
        .outerjoin(Person, Person.id == Relationship.person_id)
        .where(Meeting.status.in_(LOGGED))
        .order_by(day, Meeting.start, Meeting.id)
    )
    action_stmt = (
        select(ActionItem.meeting_id, ActionItem.text)
        .join(Meeting, Meeting.id == ActionItem.meeting_id)
        .where(ActionItem.done.is_(True), Meeting.status.in_(LOGGED))
        .order_by(ActionItem.meeting_id, ActionItem.done_on, ActionItem.id)
    )
    if flt.relationship_ids is not None:
        stmt = stmt.where(Meeting.relationship_id.in_(list(flt.relationship_ids)))
        action_stmt = action_stmt.where(Meeting.relationship_id.in_(list(flt.relationship_ids)))
    meetings = list(session.execute(in_period(stmt, flt.period)))
    closed: dict[int, list[str]] = defaultdict(list)
    for meeting_id, text in session.execute(in_period(action_stmt, flt.period)):
        if meeting_id is not None:
            closed[meeting_id].append(" ".join(str(text).split()))
    rows: list[MeetingLogRow] = []
    for m in meetings:
        status = translate("Enum", MeetingStatus(m.status).label) if m.status in LOGGED else str(m.status)
        rows.append(
            MeetingLogRow(
                held_on=date.fromisoformat(m[1]),
                person=m.name or m.title or "(no relationship)",
                status=status,
                rating=m.rating,
                notes_summary=notes_summary(m.notes or ""),
                closed_actions=tuple(closed.get(m.id, ())),
            )
        )
    return tuple(rows)
