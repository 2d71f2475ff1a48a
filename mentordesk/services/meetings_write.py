"""Writing meetings: create, edit, move, cancel, delete and put back, log a held meeting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import delete, insert, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mentordesk.domain.enums import Channel, MeetingStatus, Owner
from mentordesk.domain.text import QT_TRANSLATE_NOOP, translate
from mentordesk.services import validate
from mentordesk.services.base import Service
from mentordesk.services.errors import NotFoundError, ValidationError
from mentordesk.services.meetings_types import (
    MAX_DURATION_MINUTES,
    LogInput,
    MeetingInput,
    MeetingSnapshot,
    meeting_day,
)
from mentordesk.store.models import ActionItem, Goal, Meeting, Relationship, meeting_goal

_MEETING_COLUMNS = tuple(c.key for c in inspect(Meeting).column_attrs)
_ACTION_COLUMNS = tuple(c.key for c in inspect(ActionItem).column_attrs)


@dataclass(frozen=True)
class LogResult:
    """A logged meeting; ``replaced`` is the planned meeting it turned into held, as it was."""

    meeting_id: int
    replaced: MeetingSnapshot | None


def values_of(obj: Any, columns: tuple[str, ...]) -> tuple[tuple[str, Any], ...]:
    return tuple((c, getattr(obj, c)) for c in columns)


def get_meeting(s: Session, meeting_id: int) -> Meeting:
    m = s.get(Meeting, meeting_id)
    if m is None:
        raise NotFoundError(translate("Errors", "This meeting no longer exists (it may have been deleted)"))
    return m


def clean_start(start: datetime, all_day: bool) -> datetime:
    if not isinstance(start, datetime) or start.tzinfo is None or start.utcoffset() is None:
        raise ValidationError(
            translate("Errors", "The start time needs a date and a time zone"), field="start"
        )
    if all_day:
        return datetime.combine(start.date(), time(0), UTC)
    return start.astimezone(UTC).replace(microsecond=0)


def clean_duration(minutes: int | None, all_day: bool) -> int:
    if minutes is None or not (1 <= minutes <= MAX_DURATION_MINUTES):
        raise ValidationError(
            translate("Errors", "Duration must be between 1 minute and 31 days"), field="duration"
        )
    if all_day:
        return max(1, -(-minutes // 1440)) * 1440
    return int(minutes)


def clean_rating(rating: int | None) -> int | None:
    if rating is None:
        return None
    if not (1 <= int(rating) <= 5):
        raise ValidationError(translate("Errors", "Rating must be from 1 to 5"), field="rating")
    return int(rating)


def clean_channel(channel: Channel | str | None) -> Channel | None:
    if channel is None or channel == "":
        return None
    return validate.enum_value(Channel, channel, "channel", QT_TRANSLATE_NOOP("Field", "Channel"))


class MeetingWrites(Service):
    def _check_not_ahead(self, status: MeetingStatus, start: datetime, all_day: bool) -> None:
        day = meeting_day(start, all_day)
        if status in (MeetingStatus.HELD, MeetingStatus.MISSED) and day > self.today():
            raise ValidationError(
                translate(
                    "Errors",
                    "The meeting on {day} is still ahead: it can be marked {status} from that day on",
                ).format(day=day.isoformat(), status=translate("Enum", status.label).lower()),
                field="status",
            )

    def _relationship(self, s: Session, relationship_id: int | None, title: str) -> Relationship | None:
        if relationship_id is None:
            if not title:
                raise ValidationError(
                    translate("Errors", "Choose who the meeting is with"), field="relationship"
                )
            return None
        rel = s.get(Relationship, relationship_id)
        if rel is None:
            raise ValidationError(
                translate("Errors", "That relationship no longer exists"), field="relationship"
            )
        return rel

    def _apply(self, s: Session, m: Meeting, inp: MeetingInput) -> None:
        """Validate ``inp`` and write it onto ``m`` (nothing is written when a value is refused)."""
        title = validate.optional_text(inp.title, "title", QT_TRANSLATE_NOOP("Field", "Title"), max_len=300)
        rel = self._relationship(s, inp.relationship_id, title)
        start = clean_start(inp.start, inp.all_day)
        duration = clean_duration(inp.duration_minutes, inp.all_day)
        status = validate.enum_value(
            MeetingStatus, inp.status, "status", QT_TRANSLATE_NOOP("Field", "Status")
        )
        self._check_not_ahead(status, start, inp.all_day)
        values = {
            "relationship_id": rel.id if rel else None,
            "start": start,
            "duration_minutes": duration,
            "all_day": bool(inp.all_day),
            "title": title,
            "channel": clean_channel(inp.channel),
            "location": validate.optional_text(
                inp.location, "location", QT_TRANSLATE_NOOP("Field", "Location"), max_len=500
            ),
            "agenda": validate.optional_text(inp.agenda, "agenda", QT_TRANSLATE_NOOP("Field", "Agenda")),
            "notes": validate.optional_text(inp.notes, "notes", QT_TRANSLATE_NOOP("Field", "Notes")),
            "rating": clean_rating(inp.rating),
            "status": status,
        }
        goals: list[Goal] | None = None
        if inp.goal_ids is not None:
            wanted = sorted(set(inp.goal_ids))
            goals = list(s.scalars(select(Goal).where(Goal.id.in_(wanted)))) if wanted else []
            if len(goals) != len(wanted):
                raise ValidationError(
                    translate("Errors", "One of the chosen goals no longer exists"), field="goals"
                )
        moved = m.id is not None and (m.start != start or m.status != status)
        for key, value in values.items():
            setattr(m, key, value)
        if m.id is None or moved:
            m.held_prompted = status != MeetingStatus.PLANNED
        if goals is not None:
            m.goals = goals
        if m.id is not None:
            for item in m.action_items:
                item.relationship_id = m.relationship_id

    # -- meetings -----------------------------------------------------------------------------
    def create(self, inp: MeetingInput) -> int:
        """Add a meeting; returns its id. Check :meth:`find_overlaps` first to flag clashes."""
        with self.db.session() as s:
            m = Meeting()
            self._apply(s, m, inp)
            s.add(m)
            s.flush()
            return m.id

    def update(self, meeting_id: int, inp: MeetingInput) -> None:
        with self.db.session() as s:
            self._apply(s, get_meeting(s, meeting_id), inp)

    def move(self, meeting_id: int, start: datetime, duration_minutes: int | None = None) -> None:
        """Give a meeting a new start (and duration); a planned one will be asked about again."""
        with self.db.session() as s:
            m = get_meeting(s, meeting_id)
            new_start = clean_start(start, m.all_day)
            self._check_not_ahead(m.status, new_start, m.all_day)
            if duration_minutes is not None:
                m.duration_minutes = clean_duration(duration_minutes, m.all_day)
            if new_start != m.start and m.status == MeetingStatus.PLANNED:
                m.held_prompted = False
            m.start = new_start

    def set_status(self, meeting_id: int, status: MeetingStatus | str) -> None:
        """Mark a meeting planned, held, cancelled or missed (and as asked about)."""
        wanted = validate.enum_value(MeetingStatus, status, "status", QT_TRANSLATE_NOOP("Field", "Status"))
        with self.db.session() as s:
            m = get_meeting(s, meeting_id)
            self._check_not_ahead(wanted, m.start, m.all_day)
            m.status = wanted
            m.held_prompted = True

    def cancel(self, meeting_id: int) -> None:
        self.set_status(meeting_id, MeetingStatus.CANCELLED)

    def answer_held_prompt(self, meeting_id: int, status: MeetingStatus | str | None) -> None:
        """The answer to "was it held?": a status, or None to leave it planned. Asked once either way."""
        if status is not None:
            self.set_status(meeting_id, status)
            return
        with self.db.session() as s:
            get_meeting(s, meeting_id).held_prompted = True

    def snapshot(self, meeting_id: int) -> MeetingSnapshot:
        with self.db.reader() as s:
            return self._snapshot(s, get_meeting(s, meeting_id))

    @staticmethod
    def _snapshot(s: Session, m: Meeting) -> MeetingSnapshot:
        actions = s.scalars(select(ActionItem).where(ActionItem.meeting_id == m.id).order_by(ActionItem.id))
        goal_ids = s.scalars(select(meeting_goal.c.goal_id).where(meeting_goal.c.meeting_id == m.id))
        return MeetingSnapshot(
            values_of(m, _MEETING_COLUMNS),
            tuple(values_of(a, _ACTION_COLUMNS) for a in actions),
            tuple(sorted(goal_ids)),
        )

    def delete(self, meeting_id: int) -> MeetingSnapshot:
        """Delete a meeting with its action items; the snapshot puts it back with :meth:`restore`."""
        with self.db.session() as s:
            m = get_meeting(s, meeting_id)
            snap = self._snapshot(s, m)
            s.execute(delete(Meeting).where(Meeting.id == meeting_id))
            return snap

    def restore(self, snapshot: MeetingSnapshot) -> int:
        """Put a meeting back exactly as in ``snapshot`` (same id and uuid), replacing its current state."""
        values = dict(snapshot.meeting)
        try:
            with self.db.session() as s:
                s.execute(delete(Meeting).where(Meeting.id == values["id"]))
                s.execute(insert(Meeting).values(**values))
                existing = set(s.scalars(select(Goal.id).where(Goal.id.in_(snapshot.goal_ids))))
                for gid in snapshot.goal_ids:
                    if gid in existing:
                        s.execute(insert(meeting_goal).values(meeting_id=values["id"], goal_id=gid))
                for item in snapshot.action_items:
                    s.execute(insert(ActionItem).values(**dict(item)))
        except IntegrityError:
            raise NotFoundError(
                translate("Errors", "The meeting cannot be put back: its relationship no longer exists")
            ) from None
        return int(values["id"])

    def log_meeting(self, log: LogInput) -> LogResult:
        """Record a held meeting in one step.

        A planned meeting with the same person on the same day becomes this held meeting (so the
        calendar does not show it twice); otherwise a new meeting is added. Action items are added
        to it. Logging resets the check-in cadence of the relationship.
        """
        if log.relationship_id is None:
            raise ValidationError(translate("Errors", "Choose who you met"), field="relationship")
        start = clean_start(log.start, False)
        duration = clean_duration(log.duration_minutes, False)
        self._check_not_ahead(MeetingStatus.HELD, start, False)
        notes = validate.optional_text(log.notes, "notes", QT_TRANSLATE_NOOP("Field", "Notes"))
        agenda = validate.optional_text(log.agenda, "agenda", QT_TRANSLATE_NOOP("Field", "Agenda"))
        rating = clean_rating(log.rating)
        channel = clean_channel(log.channel)
        items = [
            (
                validate.required_text(
                    t, "action_items", QT_TRANSLATE_NOOP("Field", "An action item"), max_len=2000
                ),
                o,
            )
            for t, o in log.action_items
        ]
        day = meeting_day(start, False)
        with self.db.session() as s:
            rel = self._relationship(s, log.relationship_id, "")
            assert rel is not None
            candidates = s.scalars(
                select(Meeting).where(
                    Meeting.relationship_id == rel.id,
                    Meeting.status == MeetingStatus.PLANNED.value,
                    Meeting.start >= start - timedelta(days=2),
                    Meeting.start < start + timedelta(days=2),
                )
            ).all()
            same_day = [c for c in candidates if meeting_day(c.start, c.all_day) == day]
            replaced: MeetingSnapshot | None = None
            if same_day:
                m = min(same_day, key=lambda c: abs((c.start - start).total_seconds()))
                replaced = self._snapshot(s, m)
                m.agenda = agenda or m.agenda
                m.channel = channel or m.channel
                m.all_day = False
            else:
                m = Meeting(relationship_id=rel.id, agenda=agenda, channel=channel or rel.preferred_channel)
                s.add(m)
            m.start, m.duration_minutes = start, duration
            m.status, m.held_prompted = MeetingStatus.HELD, True
            m.notes = notes or m.notes
            m.rating = rating if rating is not None else m.rating
            s.flush()
            for text, owner in items:
                s.add(ActionItem(meeting_id=m.id, relationship_id=rel.id, text=text, owner=Owner(owner)))
            return LogResult(m.id, replaced)
