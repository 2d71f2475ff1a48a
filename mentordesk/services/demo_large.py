"""The large sample data set (``mentordesk demo --scale large``): ten years of a busy journal.

300 people, 400 relationships, 25,000 meetings with notes, 40,000 action items, 2,000 goals,
8,000 milestones and 40,000 progress entries, written with bulk inserts in one transaction.
"""

from __future__ import annotations

import random
import uuid as uuidlib
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert

from mentordesk.domain.enums import (
    AppreciationKind,
    Channel,
    FocusArea,
    GoalCategory,
    GoalStatus,
    Kind,
    MeetingStatus,
    Owner,
    ProgressMode,
    RelStatus,
    Role,
    Source,
)
from mentordesk.services.demo_data import ACTIONS, AGENDAS, NOTES
from mentordesk.store.db import Database
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

PEOPLE, RELATIONSHIPS, MEETINGS, ACTION_ITEMS = 300, 400, 25_000, 40_000
GOALS, MILESTONES_PER_GOAL, PROGRESS_PER_GOAL = 2_000, 4, 20
YEARS = 10

FIRST = (
    "Ana",
    "Ben",
    "Chloé",
    "David",
    "Emeka",
    "Fatima",
    "Grace",
    "Hiro",
    "Inés",
    "Jonas",
    "Kenji",
    "Léa",
    "Mei",
    "Nikhil",
    "Olga",
    "Priya",
    "Quentin",
    "Rosa",
    "Sam",
    "Tomás",
    "Uma",
    "Viktor",
    "Wen",
    "Yara",
    "Zoë",
)
LAST = (
    "Ruiz",
    "Chen",
    "Okafor",
    "Berg",
    "Natarajan",
    "Álvarez",
    "Liu",
    "Novak",
    "Watanabe",
    "Zahra",
    "Smith",
    "García",
    "Kowalski",
    "Haddad",
    "Jensen",
    "Moreau",
    "Silva",
    "Ito",
    "Khan",
    "Olsen",
)
ORGS = (
    "Northwind Labs",
    "Contoso",
    "Fabrikam",
    "Tailspin Toys",
    "Litware",
    "Adatum",
    "Proseware",
    "Woodgrove",
    "Wingtip",
    "Coho Vineyard",
    "Lucerne Publishing",
    "Margie's Travel",
)
GOAL_WORDS = (
    "Lead",
    "Learn",
    "Ship",
    "Publish",
    "Present",
    "Grow",
    "Mentor",
    "Negotiate",
    "Design",
    "Improve",
)
GOAL_OBJECTS = (
    "the platform migration",
    "a conference talk",
    "my network in data science",
    "a team of four",
    "Rust for systems work",
    "a promotion case",
    "the on-call rota",
    "an open-source library",
    "public speaking",
    "stakeholder updates",
)


def generate_large(db: Database, *, seed: int, today: date) -> Any:
    from mentordesk.services.demo import DemoSummary

    rnd = random.Random(seed)
    now = datetime.now(UTC)
    begin = today - timedelta(days=365 * YEARS)

    def base() -> dict[str, Any]:
        return {
            "uuid": str(uuidlib.UUID(int=rnd.getrandbits(128), version=4)),
            "created_at": now,
            "updated_at": now,
        }

    people = []
    for i in range(1, PEOPLE + 1):
        first, last = rnd.choice(FIRST), rnd.choice(LAST)
        people.append(
            {
                **base(),
                "id": i,
                "name": f"{first} {last} {i:03}",
                "email": f"{first.lower()}.{i}@example.org",
                "phone": "",
                "other_contacts": [],
                "organization": rnd.choice(ORGS),
                "title": "Engineer",
                "profile_url": "",
                "how_met": "Met at a meetup",
                "where_met": "",
                "source": rnd.choice(list(Source)),
                "notes": rnd.choice(NOTES),
                "connected_on": None,
            }
        )
    rels, changes = [], []
    statuses = [RelStatus.ACTIVE] * 6 + [
        RelStatus.PAUSED,
        RelStatus.ENDED,
        RelStatus.ENDED,
        RelStatus.PROSPECT,
        RelStatus.ASKED,
        RelStatus.DECLINED,
    ]
    for i in range(1, RELATIONSHIPS + 1):
        status = rnd.choice(statuses)
        started = (
            begin + timedelta(days=rnd.randint(0, 365 * 8))
            if status not in (RelStatus.PROSPECT, RelStatus.ASKED, RelStatus.DECLINED)
            else None
        )
        rels.append(
            {
                **base(),
                "id": i,
                "person_id": (i - 1) % PEOPLE + 1,
                "role": rnd.choice(list(Role)),
                "kind": rnd.choice(list(Kind)),
                "status": status,
                "status_changed_on": started or today,
                "started_on": started,
                "ended_on": None,
                "cadence_days": rnd.choice([7, 14, 30, 30, 30, 91]),
                "focus_areas": rnd.sample([f.value for f in FocusArea], 2),
                "hopes": "Grow as a leader",
                "agreed_topics": "Career, skills",
                "boundaries": "An hour a month",
                "time_budget": "60 minutes",
                "preferred_channel": rnd.choice(list(Channel)),
                "review_on": None,
                "request_sent_on": None,
                "notes": "",
            }
        )
        changes.append(
            {**base(), "relationship_id": i, "status": status, "changed_on": started or today, "note": ""}
        )
    started_rels = [r for r in rels if r["started_on"] is not None]
    meetings, items = [], []
    per_rel = MEETINGS // len(started_rels) + 1
    mid = 0
    for r in started_rels:
        day = r["started_on"]
        for _ in range(per_rel):
            if mid >= MEETINGS:
                break
            mid += 1
            start = datetime.combine(day, time(rnd.choice([9, 10, 14, 16]), 0), tzinfo=UTC)
            held = start < now
            m_status = (
                (MeetingStatus.HELD if rnd.random() > 0.08 else MeetingStatus.MISSED)
                if held
                else MeetingStatus.PLANNED
            )
            meetings.append(
                {
                    **base(),
                    "id": mid,
                    "relationship_id": r["id"],
                    "start": start,
                    "duration_minutes": 60,
                    "all_day": False,
                    "title": "",
                    "channel": r["preferred_channel"],
                    "location": "",
                    "agenda": rnd.choice(AGENDAS),
                    "notes": rnd.choice(NOTES) if m_status == MeetingStatus.HELD else "",
                    "rating": rnd.randint(2, 5) if m_status == MeetingStatus.HELD else None,
                    "status": m_status,
                    "held_prompted": True,
                    "ical_uid": "",
                    "ical_occurrence": "",
                }
            )
            day = day + timedelta(days=max(3, r["cadence_days"] + rnd.randint(-4, 4)))
            if day > today + timedelta(days=60):
                day = r["started_on"] + timedelta(days=rnd.randint(0, 30))
    for n in range(ACTION_ITEMS):
        m = meetings[n % len(meetings)]
        text, owner = ACTIONS[n % len(ACTIONS)]
        due = m["start"].date() + timedelta(days=14)
        done = due < today - timedelta(days=30) or rnd.random() < 0.5
        items.append(
            {
                **base(),
                "meeting_id": m["id"],
                "relationship_id": m["relationship_id"],
                "text": text,
                "owner": owner if isinstance(owner, Owner) else Owner.ME,
                "due_on": due,
                "done": done,
                "done_on": due if done else None,
            }
        )
    goals, links, milestones, progress = [], [], [], []
    for g in range(1, GOALS + 1):
        g_start = begin + timedelta(days=rnd.randint(0, 365 * YEARS - 30))
        target = g_start + timedelta(days=rnd.randint(90, 720))
        g_status = GoalStatus.ACHIEVED if target < today - timedelta(days=30) else GoalStatus.ACTIVE
        goals.append(
            {
                **base(),
                "id": g,
                "title": f"{rnd.choice(GOAL_WORDS)} {rnd.choice(GOAL_OBJECTS)} ({g})",
                "description": "",
                "category": rnd.choice(list(GoalCategory)),
                "status": g_status,
                "start_on": g_start,
                "target_on": target,
                "success_criteria": "",
                "progress_mode": rnd.choice(list(ProgressMode)),
                "review_every_days": 30,
                "last_review_on": None,
                "next_review_on": target,
            }
        )
        for rid in rnd.sample(range(1, RELATIONSHIPS + 1), rnd.randint(1, 2)):
            links.append({"goal_id": g, "relationship_id": rid})
        span = (target - g_start).days
        for k in range(MILESTONES_PER_GOAL):
            due = g_start + timedelta(days=span * (k + 1) // (MILESTONES_PER_GOAL + 1))
            milestones.append(
                {
                    **base(),
                    "goal_id": g,
                    "title": f"Step {k + 1}",
                    "due_on": due,
                    "done_on": due if due < today else None,
                    "weight": 1.0,
                }
            )
        pct = 0.0
        for k in range(PROGRESS_PER_GOAL):
            pct = min(100.0, pct + rnd.uniform(0, 10))
            progress.append(
                {
                    **base(),
                    "goal_id": g,
                    "on": g_start + timedelta(days=span * k // PROGRESS_PER_GOAL),
                    "percent": round(pct, 1),
                    "note": "",
                }
            )
    thanks = [
        {
            **base(),
            "relationship_id": r["id"],
            "on": r["started_on"] + timedelta(days=90 * k),
            "kind": AppreciationKind.THANK_YOU,
            "text": "Thank-you note after the session",
        }
        for r in started_rels
        for k in range(1, 4)
        if r["started_on"] + timedelta(days=90 * k) < today
    ]
    with db.session() as s:
        for model, rows in (
            (Person, people),
            (Relationship, rels),
            (StatusChange, changes),
            (Meeting, meetings),
            (ActionItem, items),
            (Goal, goals),
            (Milestone, milestones),
            (ProgressEntry, progress),
            (Appreciation, thanks),
        ):
            s.connection().execute(insert(model), rows)
        s.connection().execute(goal_relationship.insert(), links)
    return DemoSummary(
        len(people),
        len(rels),
        len(meetings),
        len(items),
        len(goals),
        len(milestones),
        len(progress),
        len(thanks),
    )
