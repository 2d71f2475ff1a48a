"""Reading meetings: the month view, agendas, check-ins, clashes and proposals."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from sqlalchemy import Select, func, select

from mentordesk.domain.cadence import TRACKED_STATUSES, Overdue, check_in, next_check_in
from mentordesk.domain.enums import MeetingStatus, RelStatus
from mentordesk.domain.text import translate
from mentordesk.services.base import Service, local_date
from mentordesk.services.errors import NotFoundError
from mentordesk.services.meetings_schedule import at_local, overlaps, propose_slot
from mentordesk.services.meetings_types import (
    MAX_DURATION_MINUTES,
    ActionItemRow,
    CheckInRow,
    DaySummary,
    Dot,
    GoalRef,
    MeetingDetail,
    MeetingRow,
    RelationshipChoice,
    meeting_day,
)
from mentordesk.store.models import (
    ActionItem,
    Goal,
    Meeting,
    Person,
    Relationship,
    goal_relationship,
    meeting_goal,
)


def as_utc(value: datetime | str | None) -> datetime | None:
    """An aggregate's datetime (SQLite hands those back as text) as an aware UTC value."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utc_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """UTC moments that enclose the local days first..last and the stored dates of all-day meetings."""
    lo = min(at_local(first, time(0)), datetime.combine(first, time(0), UTC))
    hi = max(
        at_local(last + timedelta(days=1), time(0)), datetime.combine(last + timedelta(days=1), time(0), UTC)
    )
    return lo, hi


def row_statement() -> Select[*tuple[Any, ...]]:
    open_actions = (
        select(func.count(ActionItem.id))
        .where(ActionItem.meeting_id == Meeting.id, ActionItem.done.is_(False))
        .correlate(Meeting)
        .scalar_subquery()
    )
    return (
        select(
            Meeting.id,
            Meeting.uuid,
            Meeting.relationship_id,
            Person.name,
            Meeting.title,
            Meeting.start,
            Meeting.duration_minutes,
            Meeting.all_day,
            Meeting.channel,
            Meeting.location,
            Meeting.status,
            Meeting.rating,
            Meeting.agenda,
            Meeting.notes,
            open_actions,
        )
        .outerjoin(Relationship, Relationship.id == Meeting.relationship_id)
        .outerjoin(Person, Person.id == Relationship.person_id)
    )


def to_row(r: Any) -> MeetingRow:
    return MeetingRow(
        id=r[0],
        uuid=r[1],
        relationship_id=r[2],
        person=r[3] or "",
        title=r[4] or "",
        start=r[5],
        duration_minutes=r[6],
        all_day=bool(r[7]),
        channel=r[8],
        location=r[9] or "",
        status=r[10],
        rating=r[11],
        agenda=r[12] or "",
        notes=r[13] or "",
        open_actions=r[14] or 0,
    )


def to_action(a: ActionItem) -> ActionItemRow:
    return ActionItemRow(a.id, a.meeting_id, a.relationship_id, a.text, a.owner, a.due_on, a.done, a.done_on)


def _sort_key(row: MeetingRow) -> tuple[date, int, datetime, str]:
    return (row.day, 0 if row.all_day else 1, row.start, row.label.casefold())


class MeetingReads(Service):
    def current_time(self) -> datetime:
        """Now, as an aware UTC time, on the service's calendar day (a fixed 'today' in tests)."""
        real = datetime.now().astimezone()
        if real.date() == self.today():
            return real.astimezone(UTC)
        return datetime.combine(self.today(), real.time().replace(tzinfo=None)).astimezone().astimezone(UTC)

    # -- lists --------------------------------------------------------------------------------
    def days(self, first: date, last: date) -> dict[date, DaySummary]:
        """Per-day meeting counts and dots for the days first..last, in one statement."""
        lo, hi = utc_bounds(first, last)
        stmt = (
            select(
                Meeting.id,
                Meeting.relationship_id,
                Person.name,
                Meeting.start,
                Meeting.all_day,
                Meeting.status,
                Meeting.title,
            )
            .outerjoin(Relationship, Relationship.id == Meeting.relationship_id)
            .outerjoin(Person, Person.id == Relationship.person_id)
            .where(Meeting.start >= lo, Meeting.start < hi)
            .order_by(Meeting.start, Meeting.id)
        )
        grouped: dict[date, list[tuple[bool, datetime, Dot]]] = defaultdict(list)
        with self.db.reader() as s:
            for mid, rid, name, start, all_day, status, title in s.execute(stmt):
                day = meeting_day(start, bool(all_day))
                if first <= day <= last:
                    dot = Dot(mid, rid, name or "", status, start, bool(all_day), title or "")
                    grouped[day].append((not all_day, start, dot))
        result: dict[date, DaySummary] = {}
        for day, entries in sorted(grouped.items()):
            dots = tuple(e[2] for e in sorted(entries, key=lambda e: (e[0], e[1])))
            result[day] = DaySummary(day, sum(1 for d in dots if d.status != MeetingStatus.CANCELLED), dots)
        return result

    def agenda(self, first: date, last: date) -> list[MeetingRow]:
        """Every meeting on the local days first..last, all-day ones first in each day."""
        lo, hi = utc_bounds(first, last)
        stmt = row_statement().where(Meeting.start >= lo, Meeting.start < hi)
        with self.db.reader() as s:
            rows = [to_row(r) for r in s.execute(stmt)]
        return sorted((r for r in rows if first <= r.day <= last), key=_sort_key)

    def meetings_of(self, relationship_id: int) -> list[MeetingRow]:
        """A relationship's meetings, newest first."""
        stmt = (
            row_statement().where(Meeting.relationship_id == relationship_id).order_by(Meeting.start.desc())
        )
        with self.db.reader() as s:
            return [to_row(r) for r in s.execute(stmt)]

    def get(self, meeting_id: int) -> MeetingDetail:
        with self.db.reader() as s:
            r = s.execute(row_statement().where(Meeting.id == meeting_id)).first()
            if r is None:
                raise NotFoundError(
                    translate("Errors", "This meeting no longer exists (it may have been deleted)")
                )
            actions = s.scalars(
                select(ActionItem).where(ActionItem.meeting_id == meeting_id).order_by(ActionItem.id)
            ).all()
            goals = s.execute(
                select(Goal.id, Goal.title)
                .join(meeting_goal, meeting_goal.c.goal_id == Goal.id)
                .where(meeting_goal.c.meeting_id == meeting_id)
                .order_by(Goal.title)
            ).all()
            prompted = s.scalar(select(Meeting.held_prompted).where(Meeting.id == meeting_id))
            return MeetingDetail(
                to_row(r),
                tuple(to_action(a) for a in actions),
                tuple(GoalRef(g[0], g[1]) for g in goals),
                bool(prompted),
            )

    def open_actions(self, relationship_id: int) -> list[ActionItemRow]:
        """Open action items of a relationship, those with the earliest due date first."""
        stmt = (
            select(ActionItem)
            .where(ActionItem.relationship_id == relationship_id, ActionItem.done.is_(False))
            .order_by(ActionItem.due_on.is_(None), ActionItem.due_on, ActionItem.id)
        )
        with self.db.reader() as s:
            return [to_action(a) for a in s.scalars(stmt)]

    def relationship_choices(self, *, include_inactive: bool = True) -> list[RelationshipChoice]:
        """Relationships a meeting can be with, by name (current ones first when asked)."""
        stmt = select(
            Relationship.id, Person.name, Person.email, Relationship.status, Relationship.cadence_days
        ).join(Person, Person.id == Relationship.person_id)
        with self.db.reader() as s:
            rows = [RelationshipChoice(*r) for r in s.execute(stmt)]
        current = {RelStatus.ACTIVE, RelStatus.PAUSED}
        if not include_inactive:
            rows = [r for r in rows if r.status in current]
        return sorted(rows, key=lambda r: (r.status not in current, r.person.casefold(), r.id))

    def linked_goals(self, relationship_id: int | None) -> list[GoalRef]:
        if relationship_id is None:
            return []
        stmt = (
            select(Goal.id, Goal.title)
            .join(goal_relationship, goal_relationship.c.goal_id == Goal.id)
            .where(goal_relationship.c.relationship_id == relationship_id)
            .order_by(Goal.title)
        )
        with self.db.reader() as s:
            return [GoalRef(i, t) for i, t in s.execute(stmt)]

    # -- cadence ------------------------------------------------------------------------------
    def check_ins(self) -> list[CheckInRow]:
        """Active relationships overdue or due within 7 days, most urgent first (one statement)."""
        now = self.current_time()
        last_held = (
            select(func.max(Meeting.start))
            .where(Meeting.relationship_id == Relationship.id, Meeting.status == MeetingStatus.HELD.value)
            .correlate(Relationship)
            .scalar_subquery()
        )
        next_planned = (
            select(func.min(Meeting.start))
            .where(
                Meeting.relationship_id == Relationship.id,
                Meeting.status == MeetingStatus.PLANNED.value,
                Meeting.start >= now,
            )
            .correlate(Relationship)
            .scalar_subquery()
        )
        stmt = (
            select(
                Relationship.id,
                Person.name,
                Person.email,
                Relationship.status,
                Relationship.cadence_days,
                Relationship.started_on,
                last_held,
                next_planned,
            )
            .join(Person, Person.id == Relationship.person_id)
            .where(Relationship.status.in_([st.value for st in TRACKED_STATUSES]))
        )
        today = self.today()
        rows: list[CheckInRow] = []
        with self.db.reader() as s:
            for rid, name, email, status, cadence, started, held, planned in s.execute(stmt):
                held_at = as_utc(held)
                last = local_date(held_at) if held_at else None
                ci = check_in(status, cadence, last, started, today)
                if ci.level == Overdue.NONE or ci.due is None:
                    continue
                rows.append(
                    CheckInRow(
                        rid, name, email, cadence, last, ci.due, ci.level, ci.days_late, as_utc(planned)
                    )
                )
        return sorted(rows, key=lambda r: (-int(r.level), r.due, r.person.casefold()))

    def find_overlaps(
        self, start: datetime, duration_minutes: int, *, exclude_id: int | None = None, all_day: bool = False
    ) -> list[MeetingRow]:
        """Timed meetings (not cancelled) that share time with the given one. All-day ones never clash."""
        if all_day:
            return []
        start = start.astimezone(UTC)
        end = start + timedelta(minutes=max(duration_minutes, 1))
        stmt = row_statement().where(
            Meeting.start > start - timedelta(minutes=MAX_DURATION_MINUTES),
            Meeting.start < end,
            Meeting.all_day.is_(False),
            Meeting.status != MeetingStatus.CANCELLED.value,
        )
        if exclude_id is not None:
            stmt = stmt.where(Meeting.id != exclude_id)
        with self.db.reader() as s:
            rows = [to_row(r) for r in s.execute(stmt.order_by(Meeting.start))]
        return [r for r in rows if overlaps(start, end, r.start, r.end)]

    def propose_next(
        self, relationship_id: int, *, duration_minutes: int | None = None, tz: tzinfo | None = None
    ) -> datetime:
        """A start time for the next meeting: due by the cadence, at the usual time, free of clashes."""
        today = self.today()
        with self.db.reader() as s:
            rel = s.get(Relationship, relationship_id)
            if rel is None:
                raise NotFoundError(translate("Errors", "That relationship no longer exists"))
            last = s.execute(
                select(Meeting.start, Meeting.duration_minutes)
                .where(
                    Meeting.relationship_id == relationship_id,
                    Meeting.status == MeetingStatus.HELD.value,
                    Meeting.all_day.is_(False),
                )
                .order_by(Meeting.start.desc())
                .limit(1)
            ).first()
            status, cadence, started = rel.status, rel.cadence_days, rel.started_on
        last_start: datetime | None = last[0] if last else None
        last_day = local_date(last_start) if last_start else None
        due = next_check_in(status, cadence, last_day, started) or today + timedelta(days=max(cadence, 1))
        earliest = max(due, today + timedelta(days=1))
        minutes = duration_minutes or (last[1] if last else 60)
        preferred = (
            (last_start.astimezone(tz) if tz else last_start.astimezone()).time() if last_start else time(10)
        )
        preferred = preferred.replace(second=0, microsecond=0, tzinfo=None)
        lo = at_local(earliest, time(0), tz)
        hi = lo + timedelta(days=70)
        busy_stmt = select(Meeting.start, Meeting.duration_minutes).where(
            Meeting.start >= lo - timedelta(days=1),
            Meeting.start < hi,
            Meeting.all_day.is_(False),
            Meeting.status != MeetingStatus.CANCELLED.value,
        )
        with self.db.reader() as s:
            busy = [(st, st + timedelta(minutes=d)) for st, d in s.execute(busy_stmt)]
        return propose_slot(
            earliest=earliest, duration=timedelta(minutes=minutes), busy=busy, preferred=preferred, tz=tz
        )

    # -- what the running app asks about --------------------------------------------------------
    def pending_held_prompts(self, now: datetime | None = None) -> list[MeetingRow]:
        """Planned meetings that have ended and were not yet asked about: were they held?"""
        now = (now or self.current_time()).astimezone(UTC)
        stmt = row_statement().where(
            Meeting.status == MeetingStatus.PLANNED.value,
            Meeting.held_prompted.is_(False),
            Meeting.relationship_id.is_not(None),
            Meeting.start <= now,
        )
        with self.db.reader() as s:
            rows = [to_row(r) for r in s.execute(stmt.order_by(Meeting.start))]
        return [r for r in rows if r.end <= now]

    def upcoming(self, start: datetime, end: datetime) -> list[MeetingRow]:
        """Planned timed meetings starting in [start, end), in time order (for reminders)."""
        stmt = row_statement().where(
            Meeting.status == MeetingStatus.PLANNED.value,
            Meeting.all_day.is_(False),
            Meeting.start >= start.astimezone(UTC),
            Meeting.start < end.astimezone(UTC),
        )
        with self.db.reader() as s:
            return [to_row(r) for r in s.execute(stmt.order_by(Meeting.start))]
