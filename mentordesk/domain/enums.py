"""The vocabulary of mentoring: roles, kinds, statuses, channels, focus areas.

Values are stored in the database as the enum's ``value`` string; ``label`` is what a person reads.
"""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum whose members carry a human label."""

    @property
    def label(self) -> str:
        return _LABELS.get(self.value, self.value.replace("_", " ").capitalize())

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


_LABELS: dict[str, str] = {
    "mentors_me": "Mentors me",
    "i_mentor": "I mentor",
    "peers": "Peers",
    "professional_org": "Professional organization",
    "social": "LinkedIn or other social",
    "formal_program": "Formal program",
    "my_network": "My network",
    "in_person": "In person",
    "on_hold": "On hold",
    "thank_you": "Thank-you note",
    "shout_out": "Public shout-out",
    "update": "Update on progress",
    "well_being": "Well-being",
    "career_direction": "Career direction",
}

CADENCE_PRESETS: dict[str, int] = {
    "Weekly": 7,
    "Every two weeks": 14,
    "Monthly": 30,
    "Quarterly": 91,
}
DEFAULT_CADENCE_DAYS = 30
