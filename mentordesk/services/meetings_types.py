"""The plain values the meeting service takes and gives back (no database, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from mentordesk.domain.cadence import Overdue
from mentordesk.domain.enums import Channel, MeetingStatus, Owner, RelStatus
from mentordesk.domain.text import translate
from mentordesk.services.base import local_date

MAX_DURATION_MINUTES = 31 * 24 * 60


def meeting_day(start: datetime, all_day: bool) -> date:
    """The calendar day a meeting belongs to: its local date, or the stored date of an all-day one."""
    return start.astimezone(UTC).date() if all_day else local_date(start)


@dataclass(frozen=True)
class MeetingRow:
    """One meeting as the calendar lists it."""

    id: int
    uuid: str
    relationship_id: int | None  # None: an imported event not yet assigned to anyone
    person: str  # the other person's name ("" when unassigned)
    title: str
    start: datetime  # aware UTC
    duration_minutes: int
    all_day: bool
    channel: Channel | None
    location: str
    status: MeetingStatus
    rating: int | None
    agenda: str
    notes: str
    open_actions: int = 0

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.duration_minutes)

    @property
    def day(self) -> date:
        return meeting_day(self.start, self.all_day)

    @property
    def label(self) -> str:
        """Who or what the meeting is about, for lists and summaries."""
        return self.person or self.title or translate("Meeting", "Meeting")


@dataclass(frozen=True)
class ActionItemRow:
    id: int
    meeting_id: int | None
    relationship_id: int | None
    text: str
    owner: Owner
    due_on: date | None
    done: bool
    done_on: date | None


@dataclass(frozen=True)
class GoalRef:
    id: int
    title: str


@dataclass(frozen=True)
class MeetingDetail:
    """A meeting with its action items and the goals it discussed."""

    row: MeetingRow
    action_items: tuple[ActionItemRow, ...]
    goals: tuple[GoalRef, ...]
    held_prompted: bool


@dataclass
class MeetingInput:
    """What the meeting form (or a script) provides. ``start`` is an aware datetime in any zone.

    For an all-day meeting only the date of ``start`` (as given, in its own zone) counts.
    ``goal_ids`` None leaves the goal links of an existing meeting as they are.
    """

    relationship_id: int | None
    start: datetime
    duration_minutes: int = 60
    all_day: bool = False
    title: str = ""
    channel: Channel | str | None = None
    location: str = ""
    agenda: str = ""
    notes: str = ""
    rating: int | None = None
    status: MeetingStatus | str = MeetingStatus.PLANNED
    goal_ids: list[int] | None = None


@dataclass
class LogInput:
    """A held meeting logged after the fact: who, when, and what came of it."""

    relationship_id: int | None
    start: datetime
    duration_minutes: int = 60
    channel: Channel | str | None = None
    notes: str = ""
    rating: int | None = None
    agenda: str = ""
    action_items: list[tuple[str, Owner]] = field(default_factory=list)


@dataclass(frozen=True)
class Dot:
    """One meeting on a day of the month view."""

    meeting_id: int
    relationship_id: int | None
    person: str  # "" when unassigned: ``title`` names it then
    status: MeetingStatus
    start: datetime
    all_day: bool
    title: str = ""

    @property
    def label(self) -> str:
        return self.person or self.title or translate("Meeting", "Meeting")


@dataclass(frozen=True)
class DaySummary:
    day: date
    count: int  # meetings that are not cancelled
    dots: tuple[Dot, ...]  # every meeting of the day, in time order


@dataclass(frozen=True)
class CheckInRow:
    """A relationship that is due for a check-in (or overdue)."""

    relationship_id: int
    person: str
    email: str
    cadence_days: int
    last_held: date | None
    due: date
    level: Overdue
    days_late: int
    next_planned: datetime | None  # the next planned meeting, if one is already in the calendar

    @property
    def days_until(self) -> int:
        return -self.days_late

    def describe(self, today: date) -> str:
        if self.level == Overdue.OVERDUE:
            if self.days_late == 1:
                return translate("CheckIn", "overdue by 1 day")
            return translate("CheckIn", "overdue by {days} days").format(days=self.days_late)
        days = (self.due - today).days
        if days <= 0:
            return translate("CheckIn", "due today")
        if days == 1:
            return translate("CheckIn", "due in 1 day")
        return translate("CheckIn", "due in {days} days").format(days=days)


@dataclass(frozen=True)
class RelationshipChoice:
    """A relationship a meeting can be with (for pickers and name completion)."""

    id: int
    person: str
    email: str
    status: RelStatus
    cadence_days: int


@dataclass(frozen=True)
class MeetingSnapshot:
    """Everything needed to put a deleted meeting back exactly: same ids, uuids and times."""

    meeting: tuple[tuple[str, Any], ...]
    action_items: tuple[tuple[tuple[str, Any], ...], ...]
    goal_ids: tuple[int, ...]

    @property
    def meeting_id(self) -> int:
        return int(dict(self.meeting)["id"])


@dataclass(frozen=True)
class ActionSnapshot:
    values: tuple[tuple[str, Any], ...]

    @property
    def action_id(self) -> int:
        return int(dict(self.values)["id"])


def parse_action_lines(text: str) -> list[tuple[str, Owner]]:
    """Action items typed one per line; a line starting "them:" (or "they:") is theirs.

    "me:" is accepted too; list markers ("-", "*", "[ ]") are dropped.
    """
    items: list[tuple[str, Owner]] = []
    for raw in text.splitlines():
        line = raw.strip()
        for marker in ("- [ ]", "[ ]", "-", "*", "•"):
            if line.startswith(marker):
                line = line[len(marker) :].strip()
                break
        owner = Owner.ME
        head, sep, rest = line.partition(":")
        if sep and head.strip().lower() in ("them", "they", "me", "i"):
            owner = Owner.THEM if head.strip().lower() in ("them", "they") else Owner.ME
            line = rest.strip()
        if line:
            items.append((line, owner))
    return items
