"""People and relationships: the list behind the mentors tab, adding and reading relationships."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select

from mentordesk.domain.cadence import Overdue, check_in
from mentordesk.domain.enums import DEFAULT_CADENCE_DAYS, Kind, MeetingStatus, RelStatus, Role, Source
from mentordesk.services import validate
from mentordesk.services.base import Service, local_date
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


@dataclass
class NewRelationship:
    """What the add form (or a script) provides."""

    name: str
    role: Role | str = Role.MENTORS_ME
    kind: Kind | str = Kind.INFORMAL
    status: RelStatus | str = RelStatus.ACTIVE
    email: str = ""
    phone: str = ""
    organization: str = ""
    title: str = ""
    profile_url: str = ""
    source: Source | str = Source.OTHER
    how_met: str = ""
    where_met: str = ""
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    cadence_days: int = DEFAULT_CADENCE_DAYS
    focus_areas: list[str] = field(default_factory=list)
    started_on: date | None = None
    hopes: str = ""
    agreed_topics: str = ""
    boundaries: str = ""
    time_budget: str = ""
    review_on: date | None = None


class PeopleService(Service):
    def count_relationships(self) -> int:
        with self.db.reader() as s:
            return int(s.scalar(select(func.count()).select_from(Relationship)) or 0)

    def list_rows(self) -> list[RelationshipRow]:
        """Every relationship with its aggregates, in one SQL statement."""
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
            select(func.group_concat(Goal.title, "\x1f"))
            .join(goal_relationship, goal_relationship.c.goal_id == Goal.id)
            .where(goal_relationship.c.relationship_id == Relationship.id)
            .correlate(Relationship)
            .scalar_subquery()
        )
        tags = (
            select(func.group_concat(Tag.name, "\x1f"))
            .join(person_tag, person_tag.c.tag_id == Tag.id)
            .where(person_tag.c.person_id == Person.id)
            .correlate(Person)
            .scalar_subquery()
        )
        stmt = (
            select(
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
            )
            .join(Person, Person.id == Relationship.person_id)
            .order_by(Person.name, Relationship.id)
        )
        today = self.today()
        rows: list[RelationshipRow] = []
        with self.db.reader() as s:
            for r in s.execute(stmt):
                last = _as_local_date(r[11])
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
                        goals=tuple(r[13].split("\x1f")) if r[13] else (),
                        tags=tuple(r[14].split("\x1f")) if r[14] else (),
                        notes=r[15],
                        source=r[16],
                    )
                )
        return rows

    def add_relationship(self, new: NewRelationship) -> int:
        """Create a person and a relationship with them; returns the relationship id."""
        name = validate.required_text(new.name, "name", "Name", max_len=200)
        role = validate.enum_value(Role, new.role, "role", "Role")
        kind = validate.enum_value(Kind, new.kind, "kind", "Kind")
        status = validate.enum_value(RelStatus, new.status, "status", "Status")
        source = validate.enum_value(Source, new.source, "source", "Source")
        cadence = validate.cadence(new.cadence_days)
        email = validate.email(new.email)
        url = validate.url(new.profile_url)
        today = self.today()
        with self.db.session() as s:
            person = Person(
                name=name,
                email=email,
                phone=new.phone.strip(),
                organization=new.organization.strip(),
                title=new.title.strip(),
                profile_url=url,
                source=source,
                how_met=new.how_met.strip(),
                where_met=new.where_met.strip(),
                notes=new.notes.strip(),
                tags=_tags(s, new.tags),
            )
            rel = Relationship(
                person=person,
                role=role,
                kind=kind,
                status=status,
                status_changed_on=today,
                started_on=new.started_on or (today if status == RelStatus.ACTIVE else None),
                cadence_days=cadence,
                focus_areas=list(new.focus_areas),
                hopes=new.hopes.strip(),
                agreed_topics=new.agreed_topics.strip(),
                boundaries=new.boundaries.strip(),
                time_budget=new.time_budget.strip(),
                review_on=new.review_on,
            )
            rel.status_changes.append(StatusChange(status=status, changed_on=today))
            s.add(rel)
            s.flush()
            return rel.id


def _as_local_date(value: datetime | str | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, str):  # aggregates come back untyped from SQLite
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        from datetime import UTC

        value = value.replace(tzinfo=UTC)
    return local_date(value)


def _tags(session: object, names: list[str]) -> list[Tag]:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    wanted = sorted({n.strip() for n in names if n.strip()})
    if not wanted:
        return []
    existing = {t.name: t for t in session.scalars(select(Tag).where(Tag.name.in_(wanted)))}
    return [existing.get(n) or Tag(name=n) for n in wanted]
