"""Taking and restoring a goal as stored, children and links included (for undo).

Rows are copied column by column through SQLAlchemy Core, so a restored goal gets back the
same ids, uuids and creation times; links to relationships or meetings deleted since are skipped.
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.orm import Session

from mentordesk.domain.text import translate
from mentordesk.services.errors import NotFoundError
from mentordesk.services.goals_types import GoalSnapshot, Record
from mentordesk.store.models import (
    Goal,
    GoalReview,
    Meeting,
    Milestone,
    ProgressEntry,
    Relationship,
    goal_relationship,
    meeting_goal,
)

GOAL_TABLE = cast(Table, Goal.__table__)
CHILD_TABLES: tuple[Table, ...] = tuple(
    cast(Table, m.__table__) for m in (Milestone, ProgressEntry, GoalReview)
)


def _records(session: Session, table: Table, goal_id: int) -> tuple[Record, ...]:
    rows = session.execute(select(table).where(table.c.goal_id == goal_id).order_by(table.c.id)).mappings()
    return tuple(tuple(dict(row).items()) for row in rows)


def take(session: Session, goal_id: int) -> GoalSnapshot:
    row = session.execute(select(GOAL_TABLE).where(GOAL_TABLE.c.id == goal_id)).mappings().first()
    if row is None:
        raise NotFoundError(translate("Errors", "This goal no longer exists (it may have been deleted)"))
    milestones, progress, reviews = (_records(session, t, goal_id) for t in CHILD_TABLES)
    rel_ids = session.scalars(
        select(goal_relationship.c.relationship_id)
        .where(goal_relationship.c.goal_id == goal_id)
        .order_by(goal_relationship.c.relationship_id)
    )
    meeting_ids = session.scalars(
        select(meeting_goal.c.meeting_id)
        .where(meeting_goal.c.goal_id == goal_id)
        .order_by(meeting_goal.c.meeting_id)
    )
    return GoalSnapshot(
        goal=tuple(dict(row).items()),
        milestones=milestones,
        progress=progress,
        reviews=reviews,
        relationship_ids=tuple(rel_ids),
        meeting_ids=tuple(meeting_ids),
    )


def restore(session: Session, snap: GoalSnapshot) -> None:
    """Make the stored goal exactly ``snap``: insert it if it is gone, replace it otherwise."""
    goal_id = snap.id
    values: dict[str, Any] = dict(snap.goal)
    if session.scalar(select(GOAL_TABLE.c.id).where(GOAL_TABLE.c.id == goal_id)) is None:
        session.execute(insert(GOAL_TABLE).values(**values))
    else:
        values.pop("id")
        session.execute(update(GOAL_TABLE).where(GOAL_TABLE.c.id == goal_id).values(**values))
    for table, records in zip(CHILD_TABLES, (snap.milestones, snap.progress, snap.reviews), strict=True):
        session.execute(delete(table).where(table.c.goal_id == goal_id))
        if records:
            session.execute(insert(table), [dict(r) for r in records])
    _relink(session, goal_relationship, "relationship_id", Relationship, goal_id, snap.relationship_ids)
    _relink(session, meeting_goal, "meeting_id", Meeting, goal_id, snap.meeting_ids)


def _relink(
    session: Session, link: Table, column: str, target: type[Any], goal_id: int, ids: tuple[int, ...]
) -> None:
    session.execute(delete(link).where(link.c.goal_id == goal_id))
    if not ids:
        return
    alive = session.scalars(select(target.id).where(target.id.in_(ids))).all()
    if alive:
        session.execute(insert(link), [{"goal_id": goal_id, column: i} for i in alive])
