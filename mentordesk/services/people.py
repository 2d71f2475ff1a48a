"""People and relationships: the list behind the mentors tab, adding, editing and reading them.

Contacts: a person without any relationship (typically an imported address-book or LinkedIn
contact) is a *contact*. Contacts are not prospects yet: they do not crowd the pipeline. The
mentors list shows them as :class:`ContactRow` values (status column "Contact", the "Contacts"
quick filter), and :meth:`PeopleService.make_prospect` turns one into a relationship in status
prospect.

The larger pieces live beside this module: the lifecycle (``people_status``), the detail
panel's query (``people_detail``), delete and undo (``people_snapshot``) and the request draft
(``people_request``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from mentordesk.domain.cadence import Overdue, check_in
from mentordesk.domain.enums import (
    Kind,
    MeetingStatus,
    RelStatus,
    Role,
    Source,
)
from mentordesk.domain.text import QT_TRANSLATE_NOOP, translate
from mentordesk.services import validate
from mentordesk.services.errors import NotFoundError
from mentordesk.services.people_detail import DetailMixin, as_local_date
from mentordesk.services.people_forms import (
    NewRelationship,
    apply_person,
    person_form,
    person_values,
    relationship_values,
    tags_named,
)
from mentordesk.services.people_request import draft_request
from mentordesk.services.people_snapshot import SnapshotMixin
from mentordesk.services.people_status import StatusMixin
from mentordesk.store.models import (
    ActionItem,
    Goal,
    Meeting,
    Person,
    Relationship,
    StatusChange,
    Tag,
    goal_relationship,
    person_tag,
)

_SEP = "\x1f"


@dataclass(frozen=True)
class RelationshipRow:
    """One row of the mentors list."""

    id: int
    person_id: int
    name: str
    organization: str
    email: str
    role: Role
    kind: Kind
    status: RelStatus
    focus_areas: tuple[str, ...]
    cadence_days: int
    last_meeting: date | None
    next_due: date | None
    level: Overdue
    open_actions: int
    goals: tuple[str, ...]
    tags: tuple[str, ...]
    notes: str
    source: Source
    title: str = ""
    status_changed_on: date | None = None
    request_sent_on: date | None = None


@dataclass(frozen=True)
class ContactRow:
    """A person with no relationship yet (an imported contact): a row of the mentors list."""

    person_id: int
    name: str
    organization: str
    email: str
    title: str
    source: Source
    tags: tuple[str, ...]
    notes: str
    connected_on: date | None = None


ListRow = RelationshipRow | ContactRow


@dataclass(frozen=True)
class Pipeline:
    """Finding a mentor: prospects and the requests waiting for an answer."""

    prospects: tuple[RelationshipRow, ...]
    asked: tuple[RelationshipRow, ...]


def pipeline_of(rows: list[RelationshipRow] | list[ListRow]) -> Pipeline:
    """The pipeline from already loaded list rows (contact rows are left out)."""
    rels = [r for r in rows if isinstance(r, RelationshipRow)]
    prospects = tuple(r for r in rels if r.status == RelStatus.PROSPECT)
    asked = sorted(
        (r for r in rels if r.status == RelStatus.ASKED),
        key=lambda r: (r.request_sent_on or r.status_changed_on or date.max, r.name.casefold()),
    )
    return Pipeline(prospects=prospects, asked=tuple(asked))


class PeopleService(StatusMixin, DetailMixin, SnapshotMixin):
    def count_relationships(self) -> int:
        with self.db.reader() as s:
            return int(s.scalar(select(func.count()).select_from(Relationship)) or 0)

    # -- the list ---------------------------------------------------------------------------
    def list_rows(self) -> list[RelationshipRow]:
        """Every relationship with its aggregates, in one SQL statement."""
        return [r for r in self._rows(include_contacts=False) if isinstance(r, RelationshipRow)]

    def list_entries(self) -> list[ListRow]:
        """Every relationship and every contact (person without a relationship), in one statement."""
        return self._rows(include_contacts=True)

    def pipeline(self) -> Pipeline:
        """Prospects and pending requests (status prospect or asked), oldest request first."""
        return pipeline_of(self.list_rows())

    def request_draft(self, relationship_id: int, *, sender: str = "") -> str:
        """An editable request message: why this person, the hope, a small ask, an easy no."""
        detail = self.detail(relationship_id)
        goals = tuple(g.title for g in detail.summary.goals)
        return draft_request(detail, goals=goals, sender=sender)

    def _rows(self, *, include_contacts: bool) -> list[ListRow]:
        last_held = (
            select(func.max(Meeting.start))
            .where(Meeting.relationship_id == Relationship.id, Meeting.status == MeetingStatus.HELD.value)
            .correlate(Relationship)
            .scalar_subquery()
        )
        open_actions = (
            select(func.count(ActionItem.id))
            .where(ActionItem.relationship_id == Relationship.id, ActionItem.done.is_(False))
            .correlate(Relationship)
            .scalar_subquery()
        )
        goals = (
            select(func.group_concat(Goal.title, _SEP))
            .join(goal_relationship, goal_relationship.c.goal_id == Goal.id)
            .where(goal_relationship.c.relationship_id == Relationship.id)
            .correlate(Relationship)
            .scalar_subquery()
        )
        tags = (
            select(func.group_concat(Tag.name, _SEP))
            .join(person_tag, person_tag.c.tag_id == Tag.id)
            .where(person_tag.c.person_id == Person.id)
            .correlate(Person)
            .scalar_subquery()
        )
        columns = (
            Relationship.id,
            Person.id,
            Person.name,
            Person.organization,
            Person.email,
            Relationship.role,
            Relationship.kind,
            Relationship.status,
            Relationship.focus_areas,
            Relationship.cadence_days,
            Relationship.started_on,
            last_held,
            open_actions,
            goals,
            tags,
            Person.notes,
            Person.source,
            Person.title,
            Relationship.status_changed_on,
            Relationship.request_sent_on,
            Person.connected_on,
        )
        if include_contacts:
            stmt = (
                select(*columns)
                .select_from(Person)
                .outerjoin(Relationship, Relationship.person_id == Person.id)
            )
        else:
            stmt = select(*columns).join(Person, Person.id == Relationship.person_id)
        stmt = stmt.order_by(Person.name, Relationship.id)
        today = self.today()
        rows: list[ListRow] = []
        with self.db.reader() as s:
            for r in s.execute(stmt):
                tag_names = tuple(sorted(r[14].split(_SEP))) if r[14] else ()
                if r[0] is None:
                    rows.append(ContactRow(r[1], r[2], r[3], r[4], r[17], r[16], tag_names, r[15], r[20]))
                    continue
                last = as_local_date(r[11])
                ci = check_in(r[7], r[9], last, r[10], today)
                rows.append(
                    RelationshipRow(
                        id=r[0],
                        person_id=r[1],
                        name=r[2],
                        organization=r[3],
                        email=r[4],
                        role=r[5],
                        kind=r[6],
                        status=r[7],
                        focus_areas=tuple(r[8] or ()),
                        cadence_days=r[9],
                        last_meeting=last,
                        next_due=ci.due,
                        level=ci.level,
                        open_actions=r[12] or 0,
                        goals=tuple(sorted(r[13].split(_SEP), key=str.casefold)) if r[13] else (),
                        tags=tag_names,
                        notes=r[15],
                        source=r[16],
                        title=r[17],
                        status_changed_on=r[18],
                        request_sent_on=r[19],
                    )
                )
        return rows

    # -- adding and editing -----------------------------------------------------------------
    def add_relationship(self, new: NewRelationship) -> int:
        """Create a person and a relationship with them; returns the relationship id."""
        person_cols = person_values(new)
        rel_values = relationship_values(new)
        status = validate.enum_value(RelStatus, new.status, "status", QT_TRANSLATE_NOOP("Field", "Status"))
        today = self.today()
        if status == RelStatus.ACTIVE and rel_values["started_on"] is None:
            rel_values["started_on"] = today
        if status == RelStatus.ENDED and rel_values["ended_on"] is None:
            rel_values["ended_on"] = today
        validate.date_order(rel_values["started_on"], rel_values["ended_on"], "ended_on")
        since = rel_values["started_on"] if status == RelStatus.ACTIVE and rel_values["started_on"] else today
        since = min(since, today)
        with self.db.session() as s:
            tags = tags_named(s, person_cols.pop("tags"))
            person = Person(**person_cols, tags=tags)
            rel = Relationship(person=person, status=status, status_changed_on=since, **rel_values)
            if status == RelStatus.ASKED:
                rel.request_sent_on = since
            rel.status_changes.append(StatusChange(status=status, changed_on=since))
            s.add(rel)
            s.flush()
            return rel.id

    def add_contact(self, new: NewRelationship) -> int:
        """Create a person with no relationship (a contact); returns the person id."""
        values = person_values(new)
        with self.db.session() as s:
            tags = tags_named(s, values.pop("tags"))
            person = Person(**values, tags=tags)
            s.add(person)
            s.flush()
            return person.id

    def make_prospect(self, person_id: int) -> int:
        """Turn a contact into a prospect: a relationship in status prospect. Returns its id."""
        today = self.today()
        with self.db.session() as s:
            person = s.get(Person, person_id)
            if person is None:
                raise NotFoundError(translate("Errors", "That person no longer exists"))
            rel = Relationship(
                person=person, role=Role.MENTORS_ME, kind=Kind.INFORMAL, status=RelStatus.PROSPECT
            )
            rel.status_changed_on = today
            rel.status_changes.append(StatusChange(status=RelStatus.PROSPECT, changed_on=today))
            s.add(rel)
            s.flush()
            return rel.id

    def edit_values(self, relationship_id: int) -> NewRelationship:
        """The current values of a relationship and its person, as the edit form shows them."""
        with self.db.reader() as s:
            rel = s.get(Relationship, relationship_id)
            if rel is None:
                raise NotFoundError(translate("Errors", "That relationship no longer exists"))
            values = person_form(rel.person)
            values.update(
                role=rel.role,
                kind=rel.kind,
                status=rel.status,
                cadence_days=rel.cadence_days,
                focus_areas=list(rel.focus_areas or []),
                started_on=rel.started_on,
                ended_on=rel.ended_on,
                hopes=rel.hopes,
                agreed_topics=rel.agreed_topics,
                boundaries=rel.boundaries,
                time_budget=rel.time_budget,
                preferred_channel=rel.preferred_channel,
                review_on=rel.review_on,
            )
            return NewRelationship(**values)

    def contact_values(self, person_id: int) -> NewRelationship:
        """The current values of a person (for editing a contact)."""
        with self.db.reader() as s:
            person = s.get(Person, person_id)
            if person is None:
                raise NotFoundError(translate("Errors", "That person no longer exists"))
            return NewRelationship(**person_form(person))

    def update_relationship(self, relationship_id: int, values: NewRelationship) -> None:
        """Save the edit form: the person and the relationship, in one transaction.

        The status is not changed here (see :meth:`change_status`).
        """
        person_cols = person_values(values)
        rel_values = relationship_values(values)
        validate.date_order(rel_values["started_on"], rel_values["ended_on"], "ended_on")
        with self.db.session() as s:
            rel = s.get(Relationship, relationship_id)
            if rel is None:
                raise NotFoundError(translate("Errors", "That relationship no longer exists"))
            apply_person(s, rel.person, person_cols)
            for key, value in rel_values.items():
                setattr(rel, key, value)

    def update_contact(self, person_id: int, values: NewRelationship) -> None:
        """Save a person's details (a contact, or the person side of a relationship)."""
        person_cols = person_values(values)
        with self.db.session() as s:
            person = s.get(Person, person_id)
            if person is None:
                raise NotFoundError(translate("Errors", "That person no longer exists"))
            apply_person(s, person, person_cols)
