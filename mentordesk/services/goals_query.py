"""Reading goals: the timeline's list in four statements whatever the number of goals, and details.

Goals, their milestones, the people helping, and the progress history are each read in one
statement and joined in Python; nothing is queried per goal.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from datetime import date

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from mentordesk.domain.enums import GoalStatus
from mentordesk.domain.progress import (
    MilestoneState,
    current_progress,
    goal_overdue,
    goal_stalled,
    milestone_overdue,
    progress_on,
    review_due,
)
from mentordesk.services.base import local_date
from mentordesk.services.goals_types import (
    GoalMeeting,
    GoalRow,
    Helper,
    MilestoneRow,
    ProgressPoint,
    ProgressSince,
    RelationshipOption,
    ReviewRow,
)
from mentordesk.store.models import (
    Goal,
    GoalReview,
    Meeting,
    Milestone,
    Person,
    ProgressEntry,
    Relationship,
    goal_relationship,
    meeting_goal,
)


def timeline_order(row: GoalRow) -> tuple[int, int, int, str, int]:
    """Open goals first, then by start date (undated last), target date and title."""
    return (
        0 if row.is_open else 1,
        row.start_on.toordinal() if row.start_on else 10**7,
        row.target_on.toordinal() if row.target_on else 10**7,
        row.title.casefold(),
        row.id,
    )


def _only(stmt: Select, column: object, ids: Collection[int] | None) -> Select:  # type: ignore[type-arg]
    return stmt if ids is None else stmt.where(column.in_(list(ids)))  # type: ignore[attr-defined]


def load_rows(session: Session, today: date, ids: Collection[int] | None = None) -> list[GoalRow]:
    """Every goal (or those in ``ids``) with milestones, helpers and progress, in timeline order."""
    conn = session.connection()  # Core rows: no ORM loading step for thousands of plain tuples
    goals = conn.execute(
        _only(
            select(
                Goal.id,
                Goal.uuid,
                Goal.title,
                Goal.description,
                Goal.category,
                Goal.status,
                Goal.start_on,
                Goal.target_on,
                Goal.success_criteria,
                Goal.progress_mode,
                Goal.review_every_days,
                Goal.last_review_on,
                Goal.next_review_on,
            ),
            Goal.id,
            ids,
        )
    ).all()
    milestones: dict[int, list[MilestoneRow]] = defaultdict(list)
    ms_stmt = select(
        Milestone.id,
        Milestone.uuid,
        Milestone.goal_id,
        Milestone.title,
        Milestone.due_on,
        Milestone.done_on,
        Milestone.weight,
    ).order_by(Milestone.goal_id, Milestone.due_on.is_(None), Milestone.due_on, Milestone.id)
    for m in conn.execute(_only(ms_stmt, Milestone.goal_id, ids)).all():
        milestones[m.goal_id].append(
            MilestoneRow(
                id=m.id,
                uuid=m.uuid,
                goal_id=m.goal_id,
                title=m.title,
                due_on=m.due_on,
                done_on=m.done_on,
                weight=m.weight,
                overdue=milestone_overdue(m.due_on, m.done_on, today),
            )
        )
    helpers: dict[int, list[Helper]] = defaultdict(list)
    helper_stmt = (
        select(goal_relationship.c.goal_id, Relationship.id, Person.name)
        .join(Relationship, Relationship.id == goal_relationship.c.relationship_id)
        .join(Person, Person.id == Relationship.person_id)
        .order_by(goal_relationship.c.goal_id, Person.name, Relationship.id)
    )
    for goal_id, rel_id, name in conn.execute(_only(helper_stmt, goal_relationship.c.goal_id, ids)).all():
        helpers[goal_id].append(Helper(rel_id, name))
    history: dict[int, list[tuple[date, float]]] = defaultdict(list)
    progress_stmt = select(ProgressEntry.goal_id, ProgressEntry.on, ProgressEntry.percent).order_by(
        ProgressEntry.goal_id, ProgressEntry.on, ProgressEntry.id
    )
    for goal_id, on, percent in conn.execute(_only(progress_stmt, ProgressEntry.goal_id, ids)).all():
        history[goal_id].append((on, percent))

    rows: list[GoalRow] = []
    for g in goals:
        ms = tuple(milestones.get(g.id, ()))
        points = history.get(g.id, [])
        progress = current_progress(g.progress_mode, points, (MilestoneState(m.weight, m.done) for m in ms))
        rows.append(
            GoalRow(
                id=g.id,
                uuid=g.uuid,
                title=g.title,
                description=g.description,
                category=g.category,
                status=g.status,
                start_on=g.start_on,
                target_on=g.target_on,
                success_criteria=g.success_criteria,
                progress_mode=g.progress_mode,
                review_every_days=g.review_every_days,
                last_review_on=g.last_review_on,
                next_review_on=g.next_review_on,
                progress=progress,
                progress_on=points[-1][0] if points else None,
                milestones=ms,
                helpers=tuple(helpers.get(g.id, ())),
                overdue=goal_overdue(g.target_on, g.status, today),
                review_due=review_due(g.next_review_on, g.status, today),
                stalled=g.status == GoalStatus.ACTIVE
                and goal_stalled(points, g.review_every_days, g.start_on, today),
            )
        )
    rows.sort(key=timeline_order)
    return rows


def progress_history(session: Session, goal_id: int) -> list[ProgressPoint]:
    rows = session.execute(
        select(ProgressEntry.id, ProgressEntry.on, ProgressEntry.percent, ProgressEntry.note)
        .where(ProgressEntry.goal_id == goal_id)
        .order_by(ProgressEntry.on, ProgressEntry.id)
    )
    return [ProgressPoint(*r) for r in rows]


def reviews(session: Session, goal_id: int) -> list[ReviewRow]:
    rows = session.execute(
        select(
            GoalReview.id,
            GoalReview.reviewed_on,
            GoalReview.percent,
            GoalReview.what_changed,
            GoalReview.target_holds,
        )
        .where(GoalReview.goal_id == goal_id)
        .order_by(GoalReview.reviewed_on.desc(), GoalReview.id.desc())
    )
    return [ReviewRow(*r) for r in rows]


def meetings_for_goal(session: Session, goal_id: int) -> list[GoalMeeting]:
    rows = session.execute(
        select(Meeting.id, Meeting.start, Meeting.title, Person.name, Meeting.status)
        .join(meeting_goal, meeting_goal.c.meeting_id == Meeting.id)
        .outerjoin(Relationship, Relationship.id == Meeting.relationship_id)
        .outerjoin(Person, Person.id == Relationship.person_id)
        .where(meeting_goal.c.goal_id == goal_id)
        .order_by(Meeting.start.desc(), Meeting.id)
    )
    return [
        GoalMeeting(mid, local_date(start), title, name or "", str(status))
        for mid, start, title, name, status in rows
    ]


def relationship_options(session: Session) -> list[RelationshipOption]:
    rows = session.execute(
        select(Relationship.id, Person.name, Relationship.role, Relationship.status)
        .join(Person, Person.id == Relationship.person_id)
        .order_by(Person.name, Relationship.id)
    )
    return [RelationshipOption(rid, name, str(role), str(status)) for rid, name, role, status in rows]


def progress_since(session: Session, relationship_id: int, since: date, today: date) -> list[ProgressSince]:
    ids = session.scalars(
        select(goal_relationship.c.goal_id).where(goal_relationship.c.relationship_id == relationship_id)
    ).all()
    if not ids:
        return []
    rows = load_rows(session, today, ids)
    history: dict[int, list[tuple[date, float]]] = defaultdict(list)
    for gid, on, pct in session.execute(
        select(ProgressEntry.goal_id, ProgressEntry.on, ProgressEntry.percent)
        .where(ProgressEntry.goal_id.in_(ids))
        .order_by(ProgressEntry.goal_id, ProgressEntry.on, ProgressEntry.id)
    ):
        history[gid].append((on, pct))
    return [ProgressSince(g.id, g.title, progress_on(history[g.id], since), g.progress) for g in rows]
