"""The vocabulary of mentoring: roles, kinds, statuses, channels, focus areas.

Values are stored in the database as the enum's ``value`` string; ``label`` is what a person reads.
"""

from __future__ import annotations

from enum import StrEnum

from mentordesk.domain.text import QT_TRANSLATE_NOOP


class LabelledEnum(StrEnum):
    """A string enum whose members carry a human label."""

    @property
    def label(self) -> str:
        return _LABELS[self.value]

    @classmethod
    def parse(cls, text: str) -> LabelledEnum:
        """Accept the value or the label, case-insensitively (for forms and the command line)."""
        wanted = text.strip().lower().replace("-", "_").replace(" ", "_")
        for member in cls:
            if wanted in (member.value, member.label.lower().replace(" ", "_").replace("-", "_")):
                return member
        raise ValueError(text)


class Role(LabelledEnum):
    """My role toward the other person."""

    MENTORS_ME = "mentors_me"
    I_MENTOR = "i_mentor"
    PEERS = "peers"


class Kind(LabelledEnum):
    FORMAL = "formal"
    INFORMAL = "informal"
    PEER = "peer"
    REVERSE = "reverse"


class RelStatus(LabelledEnum):
    PROSPECT = "prospect"
    ASKED = "asked"
    ACTIVE = "active"
    PAUSED = "paused"
    ENDED = "ended"
    DECLINED = "declined"


# Allowed lifecycle moves: prospect -> asked -> active <-> paused -> ended; asked -> declined.
STATUS_TRANSITIONS: dict[RelStatus, frozenset[RelStatus]] = {
    RelStatus.PROSPECT: frozenset({RelStatus.ASKED, RelStatus.ACTIVE, RelStatus.ENDED}),
    RelStatus.ASKED: frozenset({RelStatus.ACTIVE, RelStatus.DECLINED, RelStatus.PROSPECT}),
    RelStatus.ACTIVE: frozenset({RelStatus.PAUSED, RelStatus.ENDED}),
    RelStatus.PAUSED: frozenset({RelStatus.ACTIVE, RelStatus.ENDED}),
    RelStatus.ENDED: frozenset({RelStatus.ACTIVE}),
    RelStatus.DECLINED: frozenset({RelStatus.PROSPECT}),
}


class Source(LabelledEnum):
    """Where the contact came from."""

    MY_NETWORK = "my_network"
    PROFESSIONAL_ORG = "professional_org"
    SOCIAL = "social"
    FORMAL_PROGRAM = "formal_program"
    OTHER = "other"


class FocusArea(LabelledEnum):
    CAREER_GUIDANCE = "career_guidance"
    SKILL_DEVELOPMENT = "skill_development"
    NETWORKING = "networking"
    EMOTIONAL_SUPPORT = "emotional_support"
    ACCOUNTABILITY = "accountability"


class Channel(LabelledEnum):
    IN_PERSON = "in_person"
    VIDEO = "video"
    PHONE = "phone"
    CHAT = "chat"
    EMAIL = "email"


class MeetingStatus(LabelledEnum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"
    MISSED = "missed"


class Owner(LabelledEnum):
    ME = "me"
    THEM = "them"


class GoalCategory(LabelledEnum):
    CAREER_DIRECTION = "career_direction"
    SKILL = "skill"
    NETWORK = "network"
    WELL_BEING = "well_being"
    OTHER = "other"


class GoalStatus(LabelledEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    ACHIEVED = "achieved"
    ON_HOLD = "on_hold"
    DROPPED = "dropped"


class ProgressMode(LabelledEnum):
    MANUAL = "manual"
    MILESTONES = "milestones"


class AppreciationKind(LabelledEnum):
    THANK_YOU = "thank_you"
    GESTURE = "gesture"
    GIFT = "gift"
    SHOUT_OUT = "shout_out"
    UPDATE = "update"


# Every label, marked for the translation catalogue (the "Enum" context, see mentordesk.ui.i18n).
# A value shared by two enums ("other", "planned", "active") has one label.
_LABELS: dict[str, str] = {
    # Role
    "mentors_me": QT_TRANSLATE_NOOP("Enum", "Mentors me"),
    "i_mentor": QT_TRANSLATE_NOOP("Enum", "I mentor"),
    "peers": QT_TRANSLATE_NOOP("Enum", "Peers"),
    # Kind
    "formal": QT_TRANSLATE_NOOP("Enum", "Formal"),
    "informal": QT_TRANSLATE_NOOP("Enum", "Informal"),
    "peer": QT_TRANSLATE_NOOP("Enum", "Peer"),
    "reverse": QT_TRANSLATE_NOOP("Enum", "Reverse"),
    # RelStatus
    "prospect": QT_TRANSLATE_NOOP("Enum", "Prospect"),
    "asked": QT_TRANSLATE_NOOP("Enum", "Asked"),
    "active": QT_TRANSLATE_NOOP("Enum", "Active"),
    "paused": QT_TRANSLATE_NOOP("Enum", "Paused"),
    "ended": QT_TRANSLATE_NOOP("Enum", "Ended"),
    "declined": QT_TRANSLATE_NOOP("Enum", "Declined"),
    # Source
    "my_network": QT_TRANSLATE_NOOP("Enum", "My network"),
    "professional_org": QT_TRANSLATE_NOOP("Enum", "Professional organization"),
    "social": QT_TRANSLATE_NOOP("Enum", "LinkedIn or other social"),
    "formal_program": QT_TRANSLATE_NOOP("Enum", "Formal program"),
    "other": QT_TRANSLATE_NOOP("Enum", "Other"),
    # FocusArea
    "career_guidance": QT_TRANSLATE_NOOP("Enum", "Career guidance"),
    "skill_development": QT_TRANSLATE_NOOP("Enum", "Skill development"),
    "networking": QT_TRANSLATE_NOOP("Enum", "Networking"),
    "emotional_support": QT_TRANSLATE_NOOP("Enum", "Emotional support"),
    "accountability": QT_TRANSLATE_NOOP("Enum", "Accountability"),
    # Channel
    "in_person": QT_TRANSLATE_NOOP("Enum", "In person"),
    "video": QT_TRANSLATE_NOOP("Enum", "Video"),
    "phone": QT_TRANSLATE_NOOP("Enum", "Phone"),
    "chat": QT_TRANSLATE_NOOP("Enum", "Chat"),
    "email": QT_TRANSLATE_NOOP("Enum", "Email"),
    # MeetingStatus
    "planned": QT_TRANSLATE_NOOP("Enum", "Planned"),
    "held": QT_TRANSLATE_NOOP("Enum", "Held"),
    "cancelled": QT_TRANSLATE_NOOP("Enum", "Cancelled"),
    "missed": QT_TRANSLATE_NOOP("Enum", "Missed"),
    # Owner
    "me": QT_TRANSLATE_NOOP("Enum", "Me"),
    "them": QT_TRANSLATE_NOOP("Enum", "Them"),
    # GoalCategory
    "career_direction": QT_TRANSLATE_NOOP("Enum", "Career direction"),
    "skill": QT_TRANSLATE_NOOP("Enum", "Skill"),
    "network": QT_TRANSLATE_NOOP("Enum", "Network"),
    "well_being": QT_TRANSLATE_NOOP("Enum", "Well-being"),
    # GoalStatus
    "achieved": QT_TRANSLATE_NOOP("Enum", "Achieved"),
    "on_hold": QT_TRANSLATE_NOOP("Enum", "On hold"),
    "dropped": QT_TRANSLATE_NOOP("Enum", "Dropped"),
    # ProgressMode
    "manual": QT_TRANSLATE_NOOP("Enum", "Manual"),
    "milestones": QT_TRANSLATE_NOOP("Enum", "Milestones"),
    # AppreciationKind
    "thank_you": QT_TRANSLATE_NOOP("Enum", "Thank-you note"),
    "gesture": QT_TRANSLATE_NOOP("Enum", "Gesture"),
    "gift": QT_TRANSLATE_NOOP("Enum", "Gift"),
    "shout_out": QT_TRANSLATE_NOOP("Enum", "Public shout-out"),
    "update": QT_TRANSLATE_NOOP("Enum", "Update on progress"),
}

# Names of the usual cadences, shown through the "Enum" context like the labels above.
CADENCE_PRESETS: dict[str, int] = {
    QT_TRANSLATE_NOOP("Enum", "Weekly"): 7,
    QT_TRANSLATE_NOOP("Enum", "Every two weeks"): 14,
    QT_TRANSLATE_NOOP("Enum", "Monthly"): 30,
    QT_TRANSLATE_NOOP("Enum", "Quarterly"): 91,
}
DEFAULT_CADENCE_DAYS = 30
