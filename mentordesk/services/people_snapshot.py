"""Deleting people and relationships so that undo can put them back exactly.

A delete first copies every row that goes with it (the person, the relationship, its status
changes, meetings, action items, appreciation log and goal links) into a :class:`Snapshot`,
then deletes. :meth:`SnapshotMixin.restore` re-inserts those rows with the same ids, uuids
and times, so references held elsewhere (an undo step in another tab, an iCalendar UID) still
point at the same records.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, delete, insert, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mentordesk.domain.text import translate
from mentordesk.services.base import Service
from mentordesk.services.errors import MentorDeskError, NotFoundError
from mentordesk.store.models import (
    ActionItem,
    Appreciation,
    Goal,
    Meeting,
    Person,
    Relationship,
    StatusChange,
    Tag,
    goal_relationship,
    meeting_goal,
    person_tag,
)

Rows = tuple[dict[str, Any], ...]


@dataclass(frozen=True, eq=False)
class Snapshot:
    """The rows a delete removed, per table, in the order they are re-inserted."""

    name: str  # the person's name, for messages
    tables: tuple[tuple[str, Rows], ...]

    def rows(self, table: str) -> Rows:
        return next((rows for name, rows in self.tables if name == table), ())

    @property
    def meetings(self) -> int:
        return len(self.rows("meeting"))

    @property
    def action_items(self) -> int:
        return len(self.rows("action_item"))

    @property
    def appreciations(self) -> int:
        return len(self.rows("appreciation"))

    @property
    def goal_links(self) -> int:
        return len(self.rows("goal_relationship"))

    @property
    def relationships(self) -> int:
        return len(self.rows("relationship"))

    @property
    def removes_person(self) -> bool:
        return bool(self.rows("person"))


def _table(model_or_table: Any) -> Table:
    return model_or_table if isinstance(model_or_table, Table) else model_or_table.__table__


# Re-insert order: parents before children.
_ORDER: tuple[Table, ...] = tuple(
    _table(t)
    for t in (
        Person,
        person_tag,
        Relationship,
        StatusChange,
        Meeting,
        meeting_goal,
        ActionItem,
        Appreciation,
        goal_relationship,
    )
)


def _collect(s: Session, person_ids: list[int], relationship_ids: list[int], name: str) -> Snapshot:
    def rows(table: Table, *where: Any) -> Rows:
        if not where:
            return ()
        cond = where[0] if len(where) == 1 else or_(*where)
        return tuple(dict(r) for r in s.execute(select(table).where(cond)).mappings())

    def ids(column: Any, values: list[int]) -> list[Any]:
        return [column.in_(values)] if values else []

    t = {table.name: table for table in _ORDER}
    meetings = rows(t["meeting"], *ids(t["meeting"].c.relationship_id, relationship_ids))
    meeting_ids = [m["id"] for m in meetings]
    collected = {
        "person": rows(t["person"], *ids(t["person"].c.id, person_ids)),
        "person_tag": rows(t["person_tag"], *ids(t["person_tag"].c.person_id, person_ids)),
        "relationship": rows(t["relationship"], *ids(t["relationship"].c.id, relationship_ids)),
        "status_change": rows(
            t["status_change"], *ids(t["status_change"].c.relationship_id, relationship_ids)
        ),
        "meeting": meetings,
        "meeting_goal": rows(t["meeting_goal"], *ids(t["meeting_goal"].c.meeting_id, meeting_ids)),
        "action_item": rows(
            t["action_item"],
            *ids(t["action_item"].c.relationship_id, relationship_ids),
            *ids(t["action_item"].c.meeting_id, meeting_ids),
        ),
        "appreciation": rows(t["appreciation"], *ids(t["appreciation"].c.relationship_id, relationship_ids)),
        "goal_relationship": rows(
            t["goal_relationship"], *ids(t["goal_relationship"].c.relationship_id, relationship_ids)
        ),
    }
    return Snapshot(name=name, tables=tuple((table.name, collected[table.name]) for table in _ORDER))


class SnapshotMixin(Service):
    def deletion_impact(self, relationship_id: int) -> Snapshot:
        """What :meth:`delete_relationship` would remove (nothing is deleted)."""
        with self.db.reader() as s:
            return self._relationship_snapshot(s, relationship_id, keep_person=False)

    def delete_relationship(self, relationship_id: int, *, keep_person: bool = False) -> Snapshot:
        """Delete a relationship with everything that goes with it, in one transaction.

        The person goes too unless ``keep_person`` or they have another relationship. Goals
        themselves stay; only their link to this relationship goes. Returns what was removed.
        """
        with self.db.session() as s:
            snap = self._relationship_snapshot(s, relationship_id, keep_person=keep_person)
            _remove(s, snap)
            return snap

    def delete_person(self, person_id: int) -> Snapshot:
        """Delete a person (a contact, or with all their relationships). Returns what was removed."""
        with self.db.session() as s:
            person = s.get(Person, person_id)
            if person is None:
                raise NotFoundError(translate("Errors", "That person no longer exists"))
            rel_ids = list(s.scalars(select(Relationship.id).where(Relationship.person_id == person_id)))
            snap = _collect(s, [person_id], rel_ids, person.name)
            _remove(s, snap)
            return snap

    def person_impact(self, person_id: int) -> Snapshot:
        with self.db.reader() as s:
            person = s.get(Person, person_id)
            if person is None:
                raise NotFoundError(translate("Errors", "That person no longer exists"))
            rel_ids = list(s.scalars(select(Relationship.id).where(Relationship.person_id == person_id)))
            return _collect(s, [person_id], rel_ids, person.name)

    def restore(self, snapshot: Snapshot) -> None:
        """Put back what a delete removed, with the same ids and uuids, in one transaction.

        Links to goals or tags that were deleted in the meantime are left out.
        """
        with self.db.session() as s:
            goals = _existing(s, Goal, _values(snapshot, "meeting_goal", "goal_id"))
            goals |= _existing(s, Goal, _values(snapshot, "goal_relationship", "goal_id"))
            tags = _existing(s, Tag, _values(snapshot, "person_tag", "tag_id"))
            try:
                for table in _ORDER:
                    rows = list(snapshot.rows(table.name))
                    if table.name in ("meeting_goal", "goal_relationship"):
                        rows = [r for r in rows if r["goal_id"] in goals]
                    elif table.name == "person_tag":
                        rows = [r for r in rows if r["tag_id"] in tags]
                    if rows:
                        s.execute(insert(table), rows)
            except IntegrityError as exc:
                raise MentorDeskError(
                    translate(
                        "Errors", "{name} cannot be restored: records added since then are in the way"
                    ).format(name=snapshot.name)
                ) from exc

    def _relationship_snapshot(self, s: Session, relationship_id: int, *, keep_person: bool) -> Snapshot:
        rel = s.get(Relationship, relationship_id)
        if rel is None:
            raise NotFoundError(translate("Errors", "That relationship no longer exists"))
        others = s.scalars(
            select(Relationship.id).where(
                Relationship.person_id == rel.person_id, Relationship.id != relationship_id
            )
        ).first()
        person_ids = [] if keep_person or others is not None else [rel.person_id]
        return _collect(s, person_ids, [relationship_id], rel.person.name)


def _remove(s: Session, snap: Snapshot) -> None:
    """Delete the snapshot's relationships and people; the database's cascades take the rest."""
    t = {table.name: table for table in _ORDER}
    for name in ("action_item", "meeting", "relationship", "person"):
        ids = [r["id"] for r in snap.rows(name)]
        if ids:
            s.execute(delete(t[name]).where(t[name].c.id.in_(ids)))


def _values(snapshot: Snapshot, table: str, column: str) -> set[int]:
    return {r[column] for r in snapshot.rows(table)}


def _existing(s: Session, model: Any, ids: Iterable[int]) -> set[int]:
    wanted = list(ids)
    if not wanted:
        return set()
    return set(s.scalars(select(model.id).where(model.id.in_(wanted))))
