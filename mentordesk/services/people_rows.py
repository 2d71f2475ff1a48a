"""The values the mentors list and its detail panel show: plain named tuples.

They are read by :mod:`mentordesk.services.people_read` in SQL and shown by the interface; this
module imports nothing heavy, so the first screen can use them before the ORM is loaded. (Named
tuples rather than frozen dataclasses: ten dataclasses cost some 15 ms to create at start.) The
annotations are evaluated as the classes are made, not postponed: a named tuple compiles each
postponed annotation, some 90 of them here.
"""

from datetime import date, datetime
from typing import NamedTuple

from mentordesk.domain.cadence import Overdue
from mentordesk.domain.enums import (
    AppreciationKind,
    Channel,
    GoalStatus,
    Kind,
    ProgressMode,
    RelStatus,
    Role,
    Source,
)
from mentordesk.services.raw import as_local_date  # noqa: F401 (re-exported)


class RelationshipRow(NamedTuple):
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


class ContactRow(NamedTuple):
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


class Pipeline(NamedTuple):
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


class OtherContact(NamedTuple):
    kind: str  # "email", "phone" or "url"
    value: str
    label: str = ""


class PersonDetail(NamedTuple):
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


class StatusStep(NamedTuple):
    status: RelStatus
    on: date
    note: str = ""


class AppreciationEntry(NamedTuple):
    id: int
    on: date
    kind: AppreciationKind
    text: str


class GoalProgress(NamedTuple):
    id: int
    title: str
    status: GoalStatus
    mode: ProgressMode
    percent: float | None  # None: no progress recorded yet
    target_on: date | None


class Summary(NamedTuple):
    """The summary strip."""

    held_this_year: int
    last_meeting: date | None
    next_meeting: datetime | None  # the next planned meeting (UTC)
    next_due: date | None  # when the cadence says the next check-in is due
    level: Overdue
    open_actions: int
    goals: tuple[GoalProgress, ...]


class RelationshipDetail(NamedTuple):
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
