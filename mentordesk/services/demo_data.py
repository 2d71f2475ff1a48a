"""The sample data set: people, agendas, notes, action items and goals for ``mentordesk demo``."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from mentordesk.domain.enums import (
    FocusArea,
    GoalCategory,
    GoalStatus,
    Kind,
    Owner,
    ProgressMode,
    RelStatus,
    Role,
    Source,
)


def slug(name: str) -> str:
    """ASCII, lower case, hyphenated: "Tomás Álvarez" -> "tomas-alvarez"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "-".join(ascii_name.lower().split())


@dataclass(frozen=True)
class PersonSpec:
    name: str
    org: str
    title: str
    email: str
    role: Role
    kind: Kind
    status: RelStatus
    cadence: int
    focus: tuple[FocusArea, ...]
    source: Source
    months_ago: int  # when the relationship started (0: not started)
    last_held_days_ago: int | None = None  # force the last held meeting (to show due/overdue)
    ended_months_ago: int = 0
    tags: tuple[str, ...] = ()
    how_met: str = ""


PEOPLE: tuple[PersonSpec, ...] = (
    PersonSpec(
        "Ana Ruiz",
        "Northwind Labs",
        "VP of Engineering",
        "ana.ruiz@northwind.example",
        Role.MENTORS_ME,
        Kind.FORMAL,
        RelStatus.ACTIVE,
        30,
        (FocusArea.CAREER_GUIDANCE, FocusArea.SKILL_DEVELOPMENT),
        Source.FORMAL_PROGRAM,
        18,
        12,
        tags=("leadership", "programme"),
        how_met="Matched through the company mentoring programme",
    ),
    PersonSpec(
        "David Chen",
        "Contoso",
        "Principal Engineer",
        "david.chen@contoso.example",
        Role.MENTORS_ME,
        Kind.INFORMAL,
        RelStatus.ACTIVE,
        14,
        (FocusArea.SKILL_DEVELOPMENT,),
        Source.MY_NETWORK,
        16,
        9,
        tags=("architecture",),
        how_met="Former team lead",
    ),
    PersonSpec(
        "Priya Natarajan",
        "Fabrikam",
        "Staff Engineer",
        "priya.n@fabrikam.example",
        Role.PEERS,
        Kind.PEER,
        RelStatus.ACTIVE,
        30,
        (FocusArea.ACCOUNTABILITY, FocusArea.EMOTIONAL_SUPPORT),
        Source.PROFESSIONAL_ORG,
        14,
        41,
        tags=("peer circle",),
        how_met="Women in Tech meetup",
    ),
    PersonSpec(
        "Tomás Álvarez",
        "Northwind Labs",
        "Software Engineer",
        "tomas.alvarez@northwind.example",
        Role.I_MENTOR,
        Kind.REVERSE,
        RelStatus.ACTIVE,
        30,
        (FocusArea.SKILL_DEVELOPMENT, FocusArea.NETWORKING),
        Source.MY_NETWORK,
        10,
        20,
        tags=("reverse",),
        how_met="He teaches me the new front-end stack",
    ),
    PersonSpec(
        "Sam Okafor",
        "Northwind Labs",
        "Junior Developer",
        "sam.okafor@northwind.example",
        Role.I_MENTOR,
        Kind.FORMAL,
        RelStatus.ACTIVE,
        14,
        (FocusArea.CAREER_GUIDANCE, FocusArea.ACCOUNTABILITY),
        Source.FORMAL_PROGRAM,
        8,
        5,
        tags=("programme",),
        how_met="Assigned through onboarding",
    ),
    PersonSpec(
        "Grace Liu",
        "Tailspin Toys",
        "Product Director",
        "grace.liu@tailspin.example",
        Role.MENTORS_ME,
        Kind.INFORMAL,
        RelStatus.PAUSED,
        91,
        (FocusArea.NETWORKING, FocusArea.CAREER_GUIDANCE),
        Source.SOCIAL,
        18,
        150,
        tags=("product",),
        how_met="Met after her conference keynote",
    ),
    PersonSpec(
        "Martin Berg",
        "Litware",
        "CTO",
        "martin.berg@litware.example",
        Role.MENTORS_ME,
        Kind.FORMAL,
        RelStatus.ENDED,
        30,
        (FocusArea.CAREER_GUIDANCE,),
        Source.FORMAL_PROGRAM,
        18,
        ended_months_ago=6,
        how_met="Industry mentoring scheme, 12-month cohort",
    ),
    PersonSpec(
        "Fatima Zahra",
        "Adatum",
        "Engineering Manager",
        "",
        Role.MENTORS_ME,
        Kind.INFORMAL,
        RelStatus.PROSPECT,
        30,
        (FocusArea.CAREER_GUIDANCE,),
        Source.PROFESSIONAL_ORG,
        0,
        how_met="Spoke at the ACM chapter evening",
    ),
    PersonSpec(
        "Kenji Watanabe",
        "Proseware",
        "Director of Platform",
        "kenji.w@proseware.example",
        Role.MENTORS_ME,
        Kind.FORMAL,
        RelStatus.ASKED,
        30,
        (FocusArea.SKILL_DEVELOPMENT,),
        Source.SOCIAL,
        0,
        how_met="Connected on LinkedIn after his article on platform teams",
    ),
    PersonSpec(
        "Léa Novak",
        "Woodgrove",
        "Head of Data",
        "lea.novak@woodgrove.example",
        Role.MENTORS_ME,
        Kind.INFORMAL,
        RelStatus.DECLINED,
        30,
        (FocusArea.NETWORKING,),
        Source.MY_NETWORK,
        0,
        how_met="Friend of a friend",
    ),
)

AGENDAS = (
    "Review progress on the staff engineer promotion case",
    "Prepare for the architecture review",
    "Talk through feedback from the last quarter",
    "Plan the conference talk outline",
    "Discuss managing up and stakeholder updates",
    "Career options: management or technical track",
    "Workload and boundaries",
)
NOTES = (
    "Suggested a book on negotiation, 'Never Split the Difference', before the salary talk.",
    "We walked through my design doc; main advice: state the trade-offs first.",
    "Discussed how to say no to side projects without hurting relationships.",
    "Good session. Agreed I will present the migration plan at the next guild meeting.",
    "Talked about delegation: write down what only I can do and hand off the rest.",
    "Reviewed my talk abstract; tighten the first paragraph and lead with the story.",
    "Brainstormed people to meet in product management; two intros promised.",
    "Short check-in; things are moving. Celebrated the shipped release.",
    "Explored what a staff engineer does day to day at their company.",
    "Feedback on my one-on-ones: ask more open questions, talk less.",
)
ACTIONS = (
    ("Send the updated promotion document", Owner.ME),
    ("Share slides from the leadership course", Owner.THEM),
    ("Read two chapters of the negotiation book", Owner.ME),
    ("Introduce me to the product lead at Tailspin", Owner.THEM),
    ("Draft the talk outline", Owner.ME),
    ("Write up the delegation list", Owner.ME),
    ("Review the pull request on caching", Owner.THEM),
)
GOALS = (
    (
        "Get promoted to staff engineer",
        GoalCategory.CAREER_DIRECTION,
        GoalStatus.ACTIVE,
        -14,
        4,
        ProgressMode.MILESTONES,
        (
            "Write the promotion document",
            "Lead a cross-team design",
            "Mentor two engineers",
            "Promotion panel",
        ),
        ("Ana Ruiz", "David Chen"),
    ),
    (
        "Give a talk at a regional conference",
        GoalCategory.SKILL,
        GoalStatus.ACTIVE,
        -9,
        3,
        ProgressMode.MANUAL,
        ("Submit the abstract", "Rehearse with the team", "Deliver the talk"),
        ("Ana Ruiz", "Priya Natarajan"),
    ),
    (
        "Grow my network in product management",
        GoalCategory.NETWORK,
        GoalStatus.ACTIVE,
        -12,
        6,
        ProgressMode.MANUAL,
        ("Meet five product leaders", "Join a product community"),
        ("Grace Liu",),
    ),
    (
        "Learn modern front-end development",
        GoalCategory.SKILL,
        GoalStatus.ACTIVE,
        -10,
        2,
        ProgressMode.MILESTONES,
        ("Finish the TypeScript course", "Build a small app", "Ship a feature at work"),
        ("Tomás Álvarez",),
    ),
    (
        "Keep a sustainable workload",
        GoalCategory.WELL_BEING,
        GoalStatus.ACHIEVED,
        -16,
        -2,
        ProgressMode.MANUAL,
        ("No meetings on Fridays", "Hand off the on-call rota"),
        ("Priya Natarajan",),
    ),
    (
        "Help Sam pass the probation review",
        GoalCategory.OTHER,
        GoalStatus.ACTIVE,
        -8,
        1,
        ProgressMode.MILESTONES,
        ("Pair on the first feature", "Sam leads a demo", "Probation review"),
        ("Sam Okafor",),
    ),
)
