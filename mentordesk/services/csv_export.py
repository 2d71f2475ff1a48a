"""The data tables as rows for CSV: relationships, meetings, action items, goals, milestones, progress.

Columns are what a person reads in a spreadsheet: names instead of keys, dates as
``YYYY-MM-DD``, labels instead of stored enum values. Each table is one statement. Writing
the files (and neutralising cells a spreadsheet would run as formulas) is done by
:func:`mentordesk.charts.export.write_csv_tables`.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mentordesk.domain.enums import LabelledEnum
from mentordesk.domain.progress import MilestoneState, current_progress
from mentordesk.services.base import local_date
from mentordesk.services.insights_query import focus_label
from mentordesk.store.models import (
    ActionItem,
    Goal,
    Meeting,
    Milestone,
    Person,
    ProgressEntry,
    Relationship,
    goal_relationship,
)

Table = list[list[object]]
_SEP = "\x1f"

TABLE_NAMES = ("relationships", "meetings", "action_items", "goals", "milestones", "progress_entries")
"""The tables in export order; each is written to ``<name>.csv``."""


def _label(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, LabelledEnum):
        return value.label
    return str(value).replace("_", " ").capitalize()


def _names(text: str | None) -> str:
    return "; ".join(sorted(text.split(_SEP), key=str.casefold)) if text else ""


def relationships(session: Session) -> Table:
    stmt = (
        select(Person, Relationship)
        .join(Person, Person.id == Relationship.person_id)
        .order_by(func.lower(Person.name), Relationship.id)
    )
    table: Table = [
        [
            "Name", "Organization", "Title", "Email", "Phone", "My role", "Kind", "Status",
            "Started", "Ended", "Cadence (days)", "Focus areas", "Preferred channel", "Review date",
            "Hopes", "Agreed topics", "Boundaries", "Time budget", "Notes",
        ]
    ]  # fmt: skip
    for person, rel in session.execute(stmt):
        table.append(
            [
                person.name, person.organization, person.title, person.email, person.phone,
                _label(rel.role), _label(rel.kind), _label(rel.status), rel.started_on, rel.ended_on,
                rel.cadence_days, "; ".join(focus_label(str(f)) for f in rel.focus_areas or ()),
                _label(rel.preferred_channel), rel.review_on, rel.hopes, rel.agreed_topics,
                rel.boundaries, rel.time_budget, rel.notes,
            ]
        )  # fmt: skip
    return table


def meetings(session: Session) -> Table:
    stmt = (
        select(Meeting, Person.name)
        .outerjoin(Relationship, Relationship.id == Meeting.relationship_id)
        .outerjoin(Person, Person.id == Relationship.person_id)
        .order_by(Meeting.start, Meeting.id)
    )
    table: Table = [
        [
            "Date", "Time", "Duration (minutes)", "With", "Title", "Status", "Channel", "Location",
            "Agenda", "Notes", "Rating",
        ]
    ]  # fmt: skip
    for m, name in session.execute(stmt):
        day = m.start.astimezone(UTC).date() if m.all_day else local_date(m.start)
        clock = "all day" if m.all_day else m.start.astimezone().strftime("%H:%M")
        table.append(
            [
                day, clock, m.duration_minutes, name or "", m.title, _label(m.status), _label(m.channel),
                m.location, m.agenda, m.notes, m.rating,
            ]
        )  # fmt: skip
    return table


def action_items(session: Session) -> Table:
    meeting_rel = Relationship.__table__.alias("meeting_rel")
    stmt = (
        select(ActionItem, Person.name, Meeting.start, Meeting.all_day)
        .outerjoin(Meeting, Meeting.id == ActionItem.meeting_id)
        .outerjoin(
            meeting_rel,
            meeting_rel.c.id == func.coalesce(ActionItem.relationship_id, Meeting.relationship_id),
        )
        .outerjoin(Person, Person.id == meeting_rel.c.person_id)
        .order_by(ActionItem.due_on.is_(None), ActionItem.due_on, ActionItem.id)
    )
    table: Table = [["Action item", "Owner", "With", "Meeting date", "Due", "Done", "Done on"]]
    for item, name, start, all_day in session.execute(stmt):
        meeting_on: date | None = None
        if start is not None:
            meeting_on = start.astimezone(UTC).date() if all_day else local_date(start)
        owner = "Me" if str(item.owner) == "me" else "Them"
        table.append([item.text, owner, name or "", meeting_on, item.due_on, bool(item.done), item.done_on])
    return table


def goals(session: Session) -> Table:
    helpers = (
        select(func.group_concat(Person.name, _SEP))
        .select_from(goal_relationship)
        .join(Relationship, Relationship.id == goal_relationship.c.relationship_id)
        .join(Person, Person.id == Relationship.person_id)
        .where(goal_relationship.c.goal_id == Goal.id)
        .correlate(Goal)
        .scalar_subquery()
    )
    stmt = select(Goal, helpers).order_by(Goal.start_on.is_(None), Goal.start_on, Goal.title, Goal.id)
    rows = session.execute(stmt).all()
    # Current progress needs each goal's milestones and last recorded value: two statements for all goals.
    states: dict[int, list[MilestoneState]] = defaultdict(list)
    for goal_id, weight, done_on in session.execute(
        select(Milestone.goal_id, Milestone.weight, Milestone.done_on)
    ):
        states[goal_id].append(MilestoneState(weight, done_on is not None))
    history: dict[int, list[tuple[date, float]]] = defaultdict(list)
    for goal_id, on, percent in session.execute(
        select(ProgressEntry.goal_id, ProgressEntry.on, ProgressEntry.percent).order_by(
            ProgressEntry.goal_id, ProgressEntry.on, ProgressEntry.id
        )
    ):
        history[goal_id].append((on, percent))
    table: Table = [
        [
            "Goal", "Category", "Status", "Start", "Target", "Progress (%)", "Progress from",
            "Review every (days)", "Last review", "Next review", "Worked on with", "Description",
            "Success criteria",
        ]
    ]  # fmt: skip
    for goal, names in rows:
        progress = current_progress(
            str(goal.progress_mode), history.get(goal.id, []), states.get(goal.id, [])
        )
        source = "Milestones" if str(goal.progress_mode) == "milestones" else "Manual updates"
        table.append(
            [
                goal.title, _label(goal.category), _label(goal.status), goal.start_on, goal.target_on,
                float(progress), source, goal.review_every_days, goal.last_review_on, goal.next_review_on,
                _names(names), goal.description, goal.success_criteria,
            ]
        )  # fmt: skip
    return table


def milestones(session: Session) -> Table:
    stmt = (
        select(Goal.title, Milestone.title, Milestone.due_on, Milestone.done_on, Milestone.weight)
        .join(Goal, Goal.id == Milestone.goal_id)
        .order_by(Goal.title, Goal.id, Milestone.due_on.is_(None), Milestone.due_on, Milestone.id)
    )
    table: Table = [["Goal", "Milestone", "Due", "Done on", "Weight"]]
    for goal, title, due, done_on, weight in session.execute(stmt):
        table.append([goal, title, due, done_on, float(weight)])
    return table


def progress_entries(session: Session) -> Table:
    stmt = (
        select(Goal.title, ProgressEntry.on, ProgressEntry.percent, ProgressEntry.note)
        .join(Goal, Goal.id == ProgressEntry.goal_id)
        .order_by(Goal.title, Goal.id, ProgressEntry.on, ProgressEntry.id)
    )
    table: Table = [["Goal", "Date", "Progress (%)", "Note"]]
    for goal, on, percent, note in session.execute(stmt):
        table.append([goal, on, float(percent), note])
    return table


READERS = {
    "relationships": relationships,
    "meetings": meetings,
    "action_items": action_items,
    "goals": goals,
    "milestones": milestones,
    "progress_entries": progress_entries,
}


def all_tables(session: Session) -> dict[str, Table]:
    """Every table by name (see :data:`TABLE_NAMES`), header row first."""
    return {name: READERS[name](session) for name in TABLE_NAMES}
