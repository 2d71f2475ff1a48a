"""The detail panel's data: a person, their relationship, the agreement and how it is going.

One call reads everything the panel shows with a fixed number of statements, whatever the
number of meetings or goals. The appreciation log's writes live here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Table, delete, func, insert, select
from sqlalchemy.orm import Session

from mentordesk.domain.cadence import Overdue, check_in
from mentordesk.domain.drift import drift_flags, needs_appreciation
from mentordesk.domain.enums import (
    AppreciationKind,
    Channel,
    GoalStatus,
    Kind,
    MeetingStatus,
    ProgressMode,
    RelStatus,
    Role,
    Source,
)
from mentordesk.domain.progress import MilestoneState, progress_from_milestones
from mentordesk.domain.text import QT_TRANSLATE_NOOP, translate
from mentordesk.services import validate
from mentordesk.services.base import Service, local_date
from mentordesk.services.errors import NotFoundError, ValidationError
from mentordesk.services.people_status import allowed_next
from mentordesk.store.models import (
    ActionItem,
    Appreciation,
    Goal,
    Meeting,
    Milestone,
    Person,
    ProgressEntry,
    Relationship,
    StatusChange,
    goal_relationship,
)

_APPRECIATION: Table = Appreciation.__table__  # type: ignore[assignment]


def as_local_date(value: datetime | str | None) -> date | None:
    """A stored UTC moment (aggregates come back untyped from SQLite) as a local calendar date."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return local_date(value)


@dataclass(frozen=True)
class OtherContact:
    kind: str  # "email", "phone" or "url"
    value: str
    label: str = ""


@dataclass(frozen=True)
class PersonDetail:
    id: int
    name: str
    email: str
    phone: str
    other_contacts: tuple[OtherContact, ...]
    organization: str
    title: str
    profile_url: str
    how_met: str
    where_met: str
    source: Source
    tags: tuple[str, ...]
    notes: str
    connected_on: date | None
    relationship_ids: tuple[int, ...]


@dataclass(frozen=True)
class StatusStep:
    status: RelStatus
    on: date
    note: str = ""


@dataclass(frozen=True)
class AppreciationEntry:
    id: int
    on: date
    kind: AppreciationKind
    text: str


@dataclass(frozen=True)
class GoalProgress:
    id: int
    title: str
    status: GoalStatus
    mode: ProgressMode
    percent: float | None  # None: no progress recorded yet
    target_on: date | None


@dataclass(frozen=True)
class Summary:
    """The summary strip."""

    held_this_year: int
    last_meeting: date | None
    next_meeting: datetime | None  # the next planned meeting (UTC)
    next_due: date | None  # when the cadence says the next check-in is due
    level: Overdue
    open_actions: int
    goals: tuple[GoalProgress, ...]


@dataclass(frozen=True)
class RelationshipDetail:
    id: int
    uuid: str
    person: PersonDetail
    role: Role
    kind: Kind
    status: RelStatus
    status_changed_on: date | None
    history: tuple[StatusStep, ...]
    next_statuses: tuple[RelStatus, ...]
    started_on: date | None
    ended_on: date | None
    cadence_days: int
    focus_areas: tuple[str, ...]
    hopes: str
    agreed_topics: str
    boundaries: str
    time_budget: str
    preferred_channel: Channel | None
    review_on: date | None
    request_sent_on: date | None
    drift: tuple[str, ...]
    appreciations: tuple[AppreciationEntry, ...]
    appreciation_nudge: bool
    summary: Summary


@dataclass(frozen=True)
class RemovedAppreciation:
    """An appreciation entry as it was, to put it back with the same id and uuid."""

    row: dict[str, Any]


class DetailMixin(Service):
    def person_detail(self, person_id: int) -> PersonDetail:
        with self.db.reader() as s:
            person = s.get(Person, person_id)
            if person is None:
                raise NotFoundError(translate("Errors", "That person no longer exists"))
            return _person(s, person)

    def detail(self, relationship_id: int) -> RelationshipDetail:
        """Everything the detail panel shows for one relationship."""
        today = self.today()
        with self.db.reader() as s:
            rel = s.get(Relationship, relationship_id)
            if rel is None:
                raise NotFoundError(translate("Errors", "That relationship no longer exists"))
            person = _person(s, rel.person)
            history = tuple(
                StatusStep(st, on, note)
                for st, on, note in s.execute(
                    select(StatusChange.status, StatusChange.changed_on, StatusChange.note)
                    .where(StatusChange.relationship_id == rel.id)
                    .order_by(StatusChange.changed_on, StatusChange.id)
                )
            )
            held: list[date] = []
            upcoming: list[datetime] = []
            for start, meeting_status in s.execute(
                select(Meeting.start, Meeting.status).where(
                    Meeting.relationship_id == rel.id,
                    Meeting.status.in_([MeetingStatus.HELD.value, MeetingStatus.PLANNED.value]),
                )
            ):
                if meeting_status == MeetingStatus.HELD:
                    held.append(local_date(start))
                elif local_date(start) >= today:
                    upcoming.append(start)
            open_actions = int(
                s.scalar(
                    select(func.count(ActionItem.id)).where(
                        ActionItem.relationship_id == rel.id, ActionItem.done.is_(False)
                    )
                )
                or 0
            )
            goals = _goals(s, rel.id)
            appreciations = tuple(
                AppreciationEntry(a.id, a.on, a.kind, a.text)
                for a in s.scalars(
                    select(Appreciation)
                    .where(Appreciation.relationship_id == rel.id)
                    .order_by(Appreciation.on.desc(), Appreciation.id.desc())
                )
            )
            status = RelStatus(rel.status)
            activations = [step.on for step in history if step.status == RelStatus.ACTIVE]
            active_since = activations[-1] if activations else rel.started_on
            last = max(held) if held else None
            ci = check_in(status, rel.cadence_days, last, rel.started_on, today)
            drift = drift_flags(
                status=status,
                cadence_days=rel.cadence_days,
                held_dates=held,
                active_since=active_since,
                review_on=rel.review_on,
                linked_goals=len(goals),
                today=today,
            )
            last_thanks = max((a.on for a in appreciations), default=None)
            return RelationshipDetail(
                id=rel.id,
                uuid=rel.uuid,
                person=person,
                role=rel.role,
                kind=rel.kind,
                status=status,
                status_changed_on=rel.status_changed_on,
                history=history,
                next_statuses=allowed_next(status),
                started_on=rel.started_on,
                ended_on=rel.ended_on,
                cadence_days=rel.cadence_days,
                focus_areas=tuple(rel.focus_areas or ()),
                hopes=rel.hopes,
                agreed_topics=rel.agreed_topics,
                boundaries=rel.boundaries,
                time_budget=rel.time_budget,
                preferred_channel=rel.preferred_channel,
                review_on=rel.review_on,
                request_sent_on=rel.request_sent_on,
                drift=tuple(drift),
                appreciations=appreciations,
                appreciation_nudge=needs_appreciation(status, last_thanks, active_since, today),
                summary=Summary(
                    held_this_year=sum(1 for d in held if d.year == today.year and d <= today),
                    last_meeting=last,
                    next_meeting=min(upcoming) if upcoming else None,
                    next_due=ci.due,
                    level=ci.level,
                    open_actions=open_actions,
                    goals=goals,
                ),
            )

    # -- the appreciation log ---------------------------------------------------------------
    def add_appreciation(
        self,
        relationship_id: int,
        *,
        on: date | None = None,
        kind: AppreciationKind | str = AppreciationKind.THANK_YOU,
        text: str = "",
    ) -> int:
        """Log a thank-you note or gesture; returns the entry's id."""
        when = on or self.today()
        if when > self.today():
            raise ValidationError(translate("Errors", "The date cannot be in the future"), field="on")
        what = validate.enum_value(AppreciationKind, kind, "kind", QT_TRANSLATE_NOOP("Field", "Kind"))
        words = validate.required_text(text, "text", QT_TRANSLATE_NOOP("Field", "What you did"), max_len=2000)
        with self.db.session() as s:
            if s.get(Relationship, relationship_id) is None:
                raise NotFoundError(translate("Errors", "That relationship no longer exists"))
            entry = Appreciation(relationship_id=relationship_id, on=when, kind=what, text=words)
            s.add(entry)
            s.flush()
            return entry.id

    def remove_appreciation(self, appreciation_id: int) -> RemovedAppreciation:
        """Remove an entry; the returned value puts it back (:meth:`restore_appreciation`)."""
        table = _APPRECIATION
        with self.db.session() as s:
            row = s.execute(select(table).where(table.c.id == appreciation_id)).mappings().first()
            if row is None:
                raise NotFoundError(translate("Errors", "That appreciation entry no longer exists"))
            s.execute(delete(table).where(table.c.id == appreciation_id))
            return RemovedAppreciation(dict(row))

    def restore_appreciation(self, removed: RemovedAppreciation) -> None:
        with self.db.session() as s:
            s.execute(insert(_APPRECIATION), [removed.row])


def _person(s: Session, person: Person) -> PersonDetail:
    others = tuple(
        OtherContact(str(o.get("kind", "")), str(o.get("value", "")), str(o.get("label", "")))
        for o in (person.other_contacts or [])
        if isinstance(o, dict) and o.get("value")
    )
    rel_ids = tuple(s.scalars(select(Relationship.id).where(Relationship.person_id == person.id)))
    return PersonDetail(
        id=person.id,
        name=person.name,
        email=person.email,
        phone=person.phone,
        other_contacts=others,
        organization=person.organization,
        title=person.title,
        profile_url=person.profile_url,
        how_met=person.how_met,
        where_met=person.where_met,
        source=person.source,
        tags=tuple(t.name for t in person.tags),
        notes=person.notes,
        connected_on=person.connected_on,
        relationship_ids=rel_ids,
    )


def _goals(s: Session, relationship_id: int) -> tuple[GoalProgress, ...]:
    """Linked goals with their progress: latest recorded percent, or milestone weights."""
    goals = list(
        s.execute(
            select(Goal.id, Goal.title, Goal.status, Goal.progress_mode, Goal.target_on)
            .join(goal_relationship, goal_relationship.c.goal_id == Goal.id)
            .where(goal_relationship.c.relationship_id == relationship_id)
            .order_by(Goal.title, Goal.id)
        )
    )
    ids = [g[0] for g in goals]
    if not ids:
        return ()
    milestones: dict[int, list[MilestoneState]] = {}
    for goal_id, weight, done_on in s.execute(
        select(Milestone.goal_id, Milestone.weight, Milestone.done_on).where(Milestone.goal_id.in_(ids))
    ):
        milestones.setdefault(goal_id, []).append(MilestoneState(weight or 0.0, done_on is not None))
    latest: dict[int, float] = {}
    for goal_id, recorded in s.execute(
        select(ProgressEntry.goal_id, ProgressEntry.percent)
        .where(ProgressEntry.goal_id.in_(ids))
        .order_by(ProgressEntry.goal_id, ProgressEntry.on, ProgressEntry.id)
    ):
        latest[goal_id] = recorded
    result = []
    for goal_id, title, status, mode, target in goals:
        percent: float | None
        if mode == ProgressMode.MILESTONES:
            states = milestones.get(goal_id, [])
            percent = progress_from_milestones(states) if states else None
        else:
            percent = latest.get(goal_id)
        result.append(GoalProgress(goal_id, title, status, mode, percent, target))
    return tuple(result)
