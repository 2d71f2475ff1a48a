"""MeetingService: the calendar's use cases.

Reading (month view, agendas, check-ins, clashes, proposals) lives in ``meetings_read``,
writing (create, edit, move, cancel, delete with undo snapshots, logging a held meeting) in
``meetings_write``, action items in ``meetings_actions`` and meeting prep in ``meetings_prep``.
Every value handed out is a frozen dataclass from ``meetings_types``.
"""

from __future__ import annotations

from mentordesk.services.meetings_actions import MeetingActions
from mentordesk.services.meetings_prep import GoalProgress, MeetingPrep, MeetingPrepMixin, prep_markdown
from mentordesk.services.meetings_read import MeetingReads
from mentordesk.services.meetings_types import (
    ActionItemRow,
    ActionSnapshot,
    CheckInRow,
    DaySummary,
    Dot,
    GoalRef,
    LogInput,
    MeetingDetail,
    MeetingInput,
    MeetingRow,
    MeetingSnapshot,
    RelationshipChoice,
    parse_action_lines,
)
from mentordesk.services.meetings_write import LogResult, MeetingWrites


class MeetingService(MeetingWrites, MeetingActions, MeetingPrepMixin, MeetingReads):
    """Meetings, their action items and the cadence of check-ins."""


__all__ = [
    "ActionItemRow",
    "ActionSnapshot",
    "CheckInRow",
    "DaySummary",
    "Dot",
    "GoalProgress",
    "GoalRef",
    "LogInput",
    "LogResult",
    "MeetingDetail",
    "MeetingInput",
    "MeetingPrep",
    "MeetingRow",
    "MeetingService",
    "MeetingSnapshot",
    "RelationshipChoice",
    "parse_action_lines",
    "prep_markdown",
]
