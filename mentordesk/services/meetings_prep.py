"""Meeting prep: what to bring to a planned meeting, as values and as Markdown."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from mentordesk.domain.enums import GoalStatus, MeetingStatus, Owner, ProgressMode
from mentordesk.domain.progress import MilestoneState, progress_from_milestones
from mentordesk.domain.text import translate
from mentordesk.services.base import Service
from mentordesk.services.errors import NotFoundError
from mentordesk.services.meetings_read import row_statement, to_action, to_row
from mentordesk.services.meetings_types import ActionItemRow, MeetingRow
from mentordesk.store.models import (
    ActionItem,
    Goal,
    Meeting,
    Milestone,
    ProgressEntry,
    Relationship,
    goal_relationship,
    meeting_goal,
)

OPEN_GOAL_STATUSES = (GoalStatus.ACTIVE, GoalStatus.PLANNED, GoalStatus.ON_HOLD)


@dataclass(frozen=True)
class GoalProgress:
    id: int
    title: str
    status: GoalStatus
    percent: float | None  # now (None: nothing recorded yet)
    percent_then: float | None  # at the last meeting (None: no last meeting or nothing recorded then)
    target_on: date | None
    discussed: bool  # linked to this meeting as a goal it discusses

    @property
    def change(self) -> float | None:
        if self.percent is None:
            return None
        return self.percent - (self.percent_then or 0.0)


@dataclass(frozen=True)
class MeetingPrep:
    meeting: MeetingRow
    agreed_topics: str
    open_actions: tuple[ActionItemRow, ...]
    goals: tuple[GoalProgress, ...]
    last_meeting: MeetingRow | None
    suggested_agenda: tuple[str, ...]
    today: date

    def markdown(self) -> str:
        return prep_markdown(self)


def goal_percent(
    mode: ProgressMode,
    milestones: list[tuple[float, date | None]],
    entries: list[tuple[date, float]],
    on: date,
) -> float | None:
    """A goal's progress as of ``on``: from its milestones' weights, or its latest progress entry."""
    if mode == ProgressMode.MILESTONES:
        if not milestones:
            return None
        return progress_from_milestones(MilestoneState(w, d is not None and d <= on) for w, d in milestones)
    known = [p for d, p in entries if d <= on]
    return known[-1] if known else None


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}%"


def _action_line(a: ActionItemRow, today: date) -> str:
    who = translate("Enum", Owner(a.owner).label).lower()
    if a.due_on is None:
        return translate("MeetingPrep", "{text} ({owner})").format(text=a.text, owner=who)
    if a.due_on < today:
        line = translate("MeetingPrep", "{text} ({owner}, due {due} — overdue)")
    else:
        line = translate("MeetingPrep", "{text} ({owner}, due {due})")
    return line.format(text=a.text, owner=who, due=a.due_on.isoformat())


def suggest_agenda(
    meeting: MeetingRow,
    actions: list[ActionItemRow],
    goals: list[GoalProgress],
    last: MeetingRow | None,
    today: date,
) -> list[str]:
    items: list[str] = []
    if meeting.agenda:
        items.extend(line.strip(" -*") for line in meeting.agenda.splitlines() if line.strip(" -*"))
    overdue = [a for a in actions if a.due_on is not None and a.due_on < today]
    for a in (overdue + [a for a in actions if a not in overdue])[:5]:
        items.append(translate("MeetingPrep", "Follow up: {action}").format(action=_action_line(a, today)))
    for g in goals:
        if g.status != GoalStatus.ACTIVE:
            continue
        if g.percent is None:
            items.append(
                translate("MeetingPrep", "Agree how to measure progress on “{goal}”").format(goal=g.title)
            )
        elif last is not None and g.change is not None and abs(g.change) < 0.5:
            items.append(
                translate(
                    "MeetingPrep", "What is in the way of “{goal}”? (unchanged at {percent} since {date})"
                ).format(goal=g.title, percent=_pct(g.percent), date=last.day.isoformat())
            )
        elif last is not None:
            items.append(
                translate("MeetingPrep", "Progress on “{goal}”: now {percent}, {change} since {date}").format(
                    goal=g.title, percent=_pct(g.percent), change=_delta(g), date=last.day.isoformat()
                )
            )
        else:
            items.append(
                translate("MeetingPrep", "Progress on “{goal}”: now {percent}").format(
                    goal=g.title, percent=_pct(g.percent)
                )
            )
    items.append(translate("MeetingPrep", "Agree next steps and the date of the next meeting"))
    return items


def _delta(g: GoalProgress) -> str:
    change = g.change or 0.0
    return translate("MeetingPrep", "{change} points").format(change=f"{change:+.0f}")


def prep_markdown(prep: MeetingPrep) -> str:
    m = prep.meeting
    when = m.day.strftime("%A %d %B %Y") if m.all_day else m.start.astimezone().strftime("%A %d %B %Y, %H:%M")
    out = [
        translate("MeetingPrep", "# Meeting prep: {name}").format(name=m.label),
        "",
        translate("MeetingPrep", "{when} · {minutes} minutes").format(when=when, minutes=m.duration_minutes),
    ]
    if m.location:
        out.append(translate("MeetingPrep", "Where: {location}").format(location=m.location))
    out += ["", translate("MeetingPrep", "## Suggested agenda"), ""]
    out += [f"{i}. {item}" for i, item in enumerate(prep.suggested_agenda, 1)]
    out += ["", translate("MeetingPrep", "## Open action items"), ""]
    out += [f"- [ ] {_action_line(a, prep.today)}" for a in prep.open_actions] or [
        translate("MeetingPrep", "None open.")
    ]
    out += ["", translate("MeetingPrep", "## Goals"), ""]
    for g in prep.goals:
        status = translate("Enum", g.status.label).lower()
        line = f"- {g.title} ({status}): {_pct(g.percent)}"
        if prep.last_meeting is not None:
            line += translate("MeetingPrep", ", was {percent} at the last meeting").format(
                percent=_pct(g.percent_then)
            )
        if g.target_on:
            line += translate("MeetingPrep", "; target {date}").format(date=g.target_on.isoformat())
        out.append(line)
    if not prep.goals:
        out.append(translate("MeetingPrep", "No goal linked to this relationship."))
    if prep.agreed_topics:
        out += ["", translate("MeetingPrep", "## Agreed topics"), "", prep.agreed_topics]
    out += ["", translate("MeetingPrep", "## Last meeting"), ""]
    last = prep.last_meeting
    if last is None:
        out.append(translate("MeetingPrep", "This is the first meeting."))
    elif last.rating:
        out.append(
            translate("MeetingPrep", "{date} · rated {rating}/5").format(
                date=last.day.isoformat(), rating=last.rating
            )
        )
    else:
        out.append(last.day.isoformat())
    if last is not None:
        if last.agenda:
            out += ["", translate("MeetingPrep", "Agenda: {agenda}").format(agenda=last.agenda)]
        out += ["", last.notes or translate("MeetingPrep", "No notes were written.")]
    return "\n".join(out).rstrip() + "\n"


class MeetingPrepMixin(Service):
    def prep(self, meeting_id: int) -> MeetingPrep:
        """Open actions, linked goals with progress since the last meeting, last notes, a suggested agenda."""
        today = self.today()
        with self.db.reader() as s:
            r = s.execute(row_statement().where(Meeting.id == meeting_id)).first()
            if r is None:
                raise NotFoundError(
                    translate("Errors", "This meeting no longer exists (it may have been deleted)")
                )
            meeting = to_row(r)
            rid = meeting.relationship_id
            last: MeetingRow | None = None
            actions: list[ActionItemRow] = []
            topics = ""
            goal_rows: list[tuple[int, str, GoalStatus, ProgressMode, date | None]] = []
            milestones: dict[int, list[tuple[float, date | None]]] = defaultdict(list)
            entries: dict[int, list[tuple[date, float]]] = defaultdict(list)
            discussed = set(
                s.scalars(select(meeting_goal.c.goal_id).where(meeting_goal.c.meeting_id == meeting_id))
            )
            if rid is not None:
                topics = s.scalar(select(Relationship.agreed_topics).where(Relationship.id == rid)) or ""
                prev = s.execute(
                    row_statement()
                    .where(
                        Meeting.relationship_id == rid,
                        Meeting.status == MeetingStatus.HELD.value,
                        Meeting.start < meeting.start,
                        Meeting.id != meeting_id,
                    )
                    .order_by(Meeting.start.desc())
                    .limit(1)
                ).first()
                last = to_row(prev) if prev else None
                actions = [
                    to_action(a)
                    for a in s.scalars(
                        select(ActionItem)
                        .where(ActionItem.relationship_id == rid, ActionItem.done.is_(False))
                        .order_by(ActionItem.due_on.is_(None), ActionItem.due_on, ActionItem.id)
                    )
                ]
                linked = select(goal_relationship.c.goal_id).where(goal_relationship.c.relationship_id == rid)
                goal_rows = [
                    tuple(g)  # type: ignore[misc]
                    for g in s.execute(
                        select(Goal.id, Goal.title, Goal.status, Goal.progress_mode, Goal.target_on)
                        .where(Goal.id.in_(linked) | Goal.id.in_(discussed))
                        .order_by(Goal.title)
                    )
                ]
                ids = [g[0] for g in goal_rows]
                for gid, weight, done_on in s.execute(
                    select(Milestone.goal_id, Milestone.weight, Milestone.done_on).where(
                        Milestone.goal_id.in_(ids)
                    )
                ):
                    milestones[gid].append((weight, done_on))
                for gid, on, pct in s.execute(
                    select(ProgressEntry.goal_id, ProgressEntry.on, ProgressEntry.percent)
                    .where(ProgressEntry.goal_id.in_(ids))
                    .order_by(ProgressEntry.on, ProgressEntry.id)
                ):
                    entries[gid].append((on, pct))
        goals = [
            GoalProgress(
                id=gid,
                title=title,
                status=status,
                percent=goal_percent(mode, milestones[gid], entries[gid], today),
                percent_then=goal_percent(mode, milestones[gid], entries[gid], last.day) if last else None,
                target_on=target,
                discussed=gid in discussed,
            )
            for gid, title, status, mode, target in goal_rows
            if status in OPEN_GOAL_STATUSES or gid in discussed
        ]
        agenda = suggest_agenda(meeting, actions, goals, last, today)
        return MeetingPrep(meeting, topics, tuple(actions), tuple(goals), last, tuple(agenda), today)
