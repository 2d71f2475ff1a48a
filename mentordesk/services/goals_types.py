"""The values the goal service hands out and takes in: frozen rows for the screens, inputs for forms."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from mentordesk.domain.enums import GoalCategory, GoalStatus, ProgressMode
from mentordesk.domain.progress import is_open
from mentordesk.services.errors import MentorDeskError


class ConfirmationNeeded(MentorDeskError):
    """A write that is allowed but unusual (a milestone outside its goal's dates).

    Not an error: the caller asks the person and repeats the call with ``confirm=True``.
    """


@dataclass(frozen=True)
class MilestoneRow:
    id: int
    uuid: str
    goal_id: int
    title: str
    due_on: date | None
    done_on: date | None
    weight: float
    overdue: bool

    @property
    def done(self) -> bool:
        return self.done_on is not None


@dataclass(frozen=True)
class Helper:
    """A relationship helping with a goal, named by the other person."""

    relationship_id: int
    name: str


@dataclass(frozen=True)
class GoalRow:
    """One goal with everything the timeline draws."""

    id: int
    uuid: str
    title: str
    description: str
    category: GoalCategory
    status: GoalStatus
    start_on: date | None
    target_on: date | None
    success_criteria: str
    progress_mode: ProgressMode
    review_every_days: int
    last_review_on: date | None
    next_review_on: date | None
    progress: float
    progress_on: date | None
    milestones: tuple[MilestoneRow, ...]
    helpers: tuple[Helper, ...]
    overdue: bool
    review_due: bool
    stalled: bool

    @property
    def helper_names(self) -> tuple[str, ...]:
        return tuple(h.name for h in self.helpers)

    @property
    def relationship_ids(self) -> tuple[int, ...]:
        return tuple(h.relationship_id for h in self.helpers)

    @property
    def is_open(self) -> bool:
        return is_open(self.status)

    def milestone(self, milestone_id: int) -> MilestoneRow | None:
        for m in self.milestones:
            if m.id == milestone_id:
                return m
        return None


@dataclass(frozen=True)
class ProgressPoint:
    id: int
    on: date
    percent: float
    note: str


@dataclass(frozen=True)
class ReviewRow:
    id: int
    reviewed_on: date
    percent: float | None
    what_changed: str
    target_holds: bool


@dataclass(frozen=True)
class GoalMeeting:
    """A meeting that discussed a goal."""

    id: int
    on: date
    title: str
    with_name: str
    status: str


@dataclass(frozen=True)
class GoalDetail:
    goal: GoalRow
    history: tuple[ProgressPoint, ...]
    reviews: tuple[ReviewRow, ...]
    meetings: tuple[GoalMeeting, ...]


@dataclass(frozen=True)
class RelationshipOption:
    """A relationship the goal editor and the filters offer, named by the other person."""

    id: int
    name: str
    role: str
    status: str


@dataclass(frozen=True)
class ProgressSince:
    """A goal's progress then and now (meeting prep: progress since the last meeting)."""

    goal_id: int
    title: str
    then: float | None
    now: float


@dataclass
class MilestoneInput:
    """A milestone as a form gives it; ``id`` names an existing milestone when editing."""

    title: str
    due_on: date | None = None
    done_on: date | None = None
    weight: float = 1.0
    id: int | None = None


@dataclass
class GoalInput:
    """What the goal form provides. ``milestones=None`` leaves the goal's milestones untouched."""

    title: str
    description: str = ""
    category: GoalCategory | str = GoalCategory.OTHER
    status: GoalStatus | str = GoalStatus.ACTIVE
    start_on: date | None = None
    target_on: date | None = None
    success_criteria: str = ""
    progress_mode: ProgressMode | str = ProgressMode.MANUAL
    review_every_days: int = 30
    relationship_ids: list[int] = field(default_factory=list)
    milestones: list[MilestoneInput] | None = None


@dataclass
class ReviewInput:
    """A periodic review. ``percent=None`` keeps the current progress; ``reviewed_on=None`` is today.

    When the target no longer holds, ``new_target_on`` (optional) moves it.
    """

    reviewed_on: date | None = None
    percent: float | None = None
    what_changed: str = ""
    target_holds: bool = True
    new_target_on: date | None = None


Record = tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class GoalSnapshot:
    """A goal and everything that belongs to it, as stored: restoring it gives back the same ids,
    uuids and times (undo of a delete, or of any edit)."""

    goal: Record
    milestones: tuple[Record, ...]
    progress: tuple[Record, ...]
    reviews: tuple[Record, ...]
    relationship_ids: tuple[int, ...]
    meeting_ids: tuple[int, ...]

    @property
    def id(self) -> int:
        return int(dict(self.goal)["id"])

    @property
    def uuid(self) -> str:
        return str(dict(self.goal)["uuid"])

    @property
    def title(self) -> str:
        return str(dict(self.goal)["title"])
