"""iCalendar export and import of meetings, on the database side.

Export: the meetings of a period (or of one relationship) as an RFC 5545 file whose UIDs are
the meetings' UUIDs. Import: each event becomes a meeting, matched to a relationship by an
attendee's email, then by the person's full name in the summary; the rest stay unassigned (or
go to the relationship the user names). An event already imported (same UID and occurrence,
or a meeting with the UUID in the UID) is not added again. One import is one transaction,
which adds the meetings with one bulk INSERT (the search index follows by trigger).
The file formats themselves live in :mod:`mentordesk.formats.ics` (imported when used).
"""

from __future__ import annotations

import uuid as uuidlib
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select

from mentordesk.domain.enums import MeetingStatus, Owner, RelStatus
from mentordesk.domain.text import translate
from mentordesk.services.base import Service
from mentordesk.services.calendar_io_text import (
    event_description,
    event_summary,
    local_zone_name,
    name_finder,
    parse_description,
    title_from_summary,
)
from mentordesk.services.calendar_io_types import (
    ImportPlan,
    ImportSummary,
    PlannedEvent,
    read_calendar_file,
    write_private_bytes,
)
from mentordesk.services.errors import ValidationError
from mentordesk.services.meetings_read import utc_bounds
from mentordesk.services.meetings_types import MAX_DURATION_MINUTES, meeting_day
from mentordesk.store.models import ActionItem, Meeting, Person, Relationship

if TYPE_CHECKING:
    from mentordesk.formats.ics import IcsEvent


class CalendarIOService(Service):
    # -- relationships by name ------------------------------------------------------------------
    def resolve_relationship(self, name: str) -> int:
        """The relationship with a person of this name (current ones preferred when there are several)."""
        wanted = " ".join(name.split()).casefold()
        stmt = select(Relationship.id, Person.name, Relationship.status).join(Person)
        with self.db.reader() as s:
            rows = [r for r in s.execute(stmt) if " ".join(r[1].split()).casefold() == wanted]
        current = [r for r in rows if r[2] in (RelStatus.ACTIVE, RelStatus.PAUSED)]
        pick = current or rows
        if not pick:
            raise ValidationError(
                translate("Errors", "no relationship with a person named '{name}'").format(name=name),
                field="relationship",
            )
        if len(pick) > 1:
            raise ValidationError(
                translate("Errors", "more than one current relationship with '{name}'").format(name=name),
                field="relationship",
            )
        return int(pick[0][0])

    # -- export -------------------------------------------------------------------------------
    def export_ics(
        self, *, start: date | None = None, end: date | None = None, relationship_id: int | None = None
    ) -> tuple[bytes, int]:
        """The meetings of the local days start..end (all when not given) as iCalendar bytes, and their count."""
        from mentordesk.formats.ics import IcsMeeting, write_ics

        stmt = (
            select(Meeting, Person.name, Person.email)
            .outerjoin(Relationship, Relationship.id == Meeting.relationship_id)
            .outerjoin(Person, Person.id == Relationship.person_id)
            .order_by(Meeting.start, Meeting.id)
        )
        if start is not None or end is not None:
            lo, hi = utc_bounds(start or date(1900, 1, 1), end or date(9998, 12, 31))
            stmt = stmt.where(Meeting.start >= lo, Meeting.start < hi)
        if relationship_id is not None:
            stmt = stmt.where(Meeting.relationship_id == relationship_id)
        actions = select(ActionItem.meeting_id, ActionItem.text, ActionItem.owner, ActionItem.due_on).where(
            ActionItem.done.is_(False), ActionItem.meeting_id.is_not(None)
        )
        zone = local_zone_name()
        meetings: list[IcsMeeting] = []
        with self.db.reader() as s:
            open_items: dict[int, list[str]] = {}
            for mid, text, owner, due in s.execute(actions.order_by(ActionItem.id)):
                who = "me" if owner == Owner.ME else "them"
                if mid is None:
                    continue
                open_items.setdefault(mid, []).append(
                    f"{text} ({who}" + (f", due {due.isoformat()})" if due else ")")
                )
            for m, name, email in s.execute(stmt):
                if not (start is None or end is None) and not (
                    start <= meeting_day(m.start, m.all_day) <= end
                ):
                    continue
                meetings.append(
                    IcsMeeting(
                        uid=m.uuid,
                        start=m.start,
                        duration_minutes=m.duration_minutes,
                        all_day=m.all_day,
                        summary=event_summary(name or "", m.title),
                        description=event_description(
                            channel=m.channel,
                            rating=m.rating,
                            agenda=m.agenda,
                            notes=m.notes,
                            actions=open_items.get(m.id, []),
                        ),
                        location=m.location,
                        status=m.status.value,
                        attendee_email=email or "",
                        attendee_name=name or "",
                        tzid=zone,
                    )
                )
        return write_ics(meetings, now=self.now()), len(meetings)

    def export_to_file(
        self,
        path: Path,
        *,
        start: date | None = None,
        end: date | None = None,
        relationship: str | None = None,
    ) -> int:
        rid = self.resolve_relationship(relationship) if relationship else None
        data, count = self.export_ics(start=start, end=end, relationship_id=rid)
        write_private_bytes(path, data)
        return count

    # -- import -------------------------------------------------------------------------------
    def plan_import(self, data: bytes, *, filename: str, start: date, end: date) -> ImportPlan:
        """Read a file and work out what importing it would do; nothing is written."""
        from mentordesk.formats.ics import parse_ics

        if end < start:
            raise ValidationError(
                translate("Errors", "the period ends ({end}) before it starts ({start})").format(
                    end=end, start=start
                ),
                field="to",
            )
        result = parse_ics(data, window_start=start, window_end=end, filename=filename)
        by_email: dict[str, list[tuple[int, str, RelStatus]]] = {}
        by_name: dict[str, list[int]] = {}
        names: dict[int, str] = {}
        stmt = select(
            Relationship.id, Relationship.status, Person.name, Person.email, Person.other_contacts
        ).join(Person)
        with self.db.reader() as s:
            for rid, status, name, email, others in s.execute(stmt):
                names[rid] = name
                by_name.setdefault(" ".join(name.split()).casefold(), []).append(rid)
                addresses = {email.lower()} | {
                    str(c.get("value", "")).strip().lower()
                    for c in (others or [])
                    if isinstance(c, dict) and c.get("kind") == "email"
                }
                for address in addresses - {""}:
                    by_email.setdefault(address, []).append((rid, name, status))
            known = set(
                s.execute(select(Meeting.ical_uid, Meeting.ical_occurrence).where(Meeting.ical_uid != ""))
            )
            uuids = set(s.scalars(select(Meeting.uuid)))
        find_names = name_finder(by_name)
        planned: list[PlannedEvent] = []
        seen: set[tuple[str, str]] = set()
        for ev in result.events:
            key = (ev.uid, ev.occurrence)
            own = _own_uuid(ev)
            duplicate = (
                key in known or key in seen or (own is not None and own in uuids and not ev.occurrence)
            )
            seen.add(key)
            rid, how = _match(ev, by_email, find_names)
            planned.append(
                PlannedEvent(
                    key,
                    ev.summary,
                    ev.start,
                    ev.all_day,
                    rid,
                    names.get(rid, "") if rid else "",
                    how,
                    duplicate,
                    ev,
                )
            )
        return ImportPlan(filename, planned, [(x.where, x.reason) for x in result.skipped], result.cancelled)

    def apply_import(
        self,
        plan: ImportPlan,
        *,
        default_relationship_id: int | None = None,
        assignments: Mapping[tuple[str, str], int | None] | None = None,
        dry_run: bool = False,
    ) -> ImportSummary:
        """Add the plan's new events as meetings in one transaction.

        An unmatched event goes to ``assignments[key]`` when given (None: unassigned), else to
        ``default_relationship_id``.
        """
        chosen = dict(assignments or {})
        today = self.today()
        fresh = [e for e in plan.events if not e.duplicate]
        resolved = [
            replace(
                e,
                relationship_id=chosen.get(e.key, default_relationship_id)
                if e.relationship_id is None
                else e.relationship_id,
            )
            for e in fresh
        ]
        assigned = sum(1 for e in resolved if e.relationship_id is not None)
        ids: list[int] = []
        if not dry_run and resolved:
            self.backup_before("before-import")
            with self.db.session() as s:
                wanted = {e.relationship_id for e in resolved if e.relationship_id is not None}
                found = set(s.scalars(select(Relationship.id).where(Relationship.id.in_(wanted))))
                if wanted - found:
                    raise ValidationError(
                        translate("Errors", "a relationship chosen for the import no longer exists"),
                        field="relationship",
                    )
                taken = set(s.scalars(select(Meeting.uuid)))
                now = self.now()
                rows: list[dict[str, Any]] = []
                for e in resolved:
                    row = _meeting_from(e, today, taken, now)
                    taken.add(row["uuid"])
                    rows.append(row)
                # One Core INSERT for all rows (sent as multi-row batches); the ids come back by
                # UUID, as SQLite does not promise RETURNING in the order of the rows.
                stmt = insert(Meeting).returning(Meeting.uuid, Meeting.id)
                id_of = {uuid: id_ for uuid, id_ in s.connection().execute(stmt, rows)}
                ids = [id_of[row["uuid"]] for row in rows]
        return ImportSummary(
            filename=plan.filename,
            added=len(resolved),
            already=len(plan.events) - len(fresh),
            assigned=assigned,
            unassigned=len(resolved) - assigned,
            cancelled=plan.cancelled,
            skipped=tuple(plan.skipped),
            dry_run=dry_run,
            meeting_ids=tuple(ids),
        )

    def import_bytes(
        self,
        data: bytes,
        *,
        filename: str,
        start: date,
        end: date,
        relationship: str | int | None = None,
        dry_run: bool = False,
    ) -> ImportSummary:
        rid = self.resolve_relationship(relationship) if isinstance(relationship, str) else relationship
        plan = self.plan_import(data, filename=filename, start=start, end=end)
        return self.apply_import(plan, default_relationship_id=rid, dry_run=dry_run)

    def import_file(
        self, path: Path, *, start: date, end: date, relationship: str | None = None, dry_run: bool = False
    ) -> ImportSummary:
        return self.import_bytes(
            read_calendar_file(path),
            filename=path.name,
            start=start,
            end=end,
            relationship=relationship,
            dry_run=dry_run,
        )

    def default_window(self) -> tuple[date, date]:
        today = self.today()
        return today - timedelta(days=365), today + timedelta(days=365)


def _own_uuid(ev: IcsEvent) -> str | None:
    from mentordesk.formats.ics import meeting_uuid_from_uid

    value = meeting_uuid_from_uid(ev.uid)
    if value is None:
        return None
    try:
        return str(uuidlib.UUID(value))
    except ValueError:
        return None


def _match(
    ev: IcsEvent,
    by_email: dict[str, list[tuple[int, str, RelStatus]]],
    find_names: Callable[[str], list[int]],
) -> tuple[int | None, str]:
    """The relationship an event is with: one attendee email, else one person's name in the summary."""
    for address in ev.attendees:
        candidates = by_email.get(address, [])
        current = [c for c in candidates if c[2] in (RelStatus.ACTIVE, RelStatus.PAUSED)] or candidates
        if len({c[0] for c in current}) == 1:
            return current[0][0], "email"
    ids = find_names(ev.summary)
    if len(ids) == 1:
        return ids[0], "name"
    return None, ""


def _meeting_from(e: PlannedEvent, today: date, taken: set[str], now: datetime) -> dict[str, Any]:
    """The meeting table's row for a planned event (every column but the id)."""
    from mentordesk.formats.ics import ics_status_to_meeting_status

    ev = e.event
    minutes = int((ev.end - ev.start).total_seconds() // 60)
    if ev.all_day:
        minutes = max(1440, -(-minutes // 1440) * 1440)
    minutes = max(1, min(minutes, MAX_DURATION_MINUTES))
    day = meeting_day(ev.start, ev.all_day)
    status_text = ics_status_to_meeting_status(ev)
    if status_text is None:
        status = MeetingStatus.HELD if day < today else MeetingStatus.PLANNED
    else:
        status = MeetingStatus(status_text)
    own = _own_uuid(ev)
    if own is not None:
        parts = parse_description(ev.description)
        title = title_from_summary(ev.summary, e.person)
        channel, rating, agenda, notes = parts.channel, parts.rating, parts.agenda, parts.notes
    else:
        title, channel, rating, agenda, notes = ev.summary.strip(), None, None, ev.description.strip(), ""
    return {
        "uuid": own if own is not None and not ev.occurrence and own not in taken else str(uuidlib.uuid4()),
        "created_at": now,
        "updated_at": now,
        "relationship_id": e.relationship_id,
        "start": ev.start,
        "duration_minutes": minutes,
        "all_day": ev.all_day,
        "title": title[:300],
        "channel": channel,
        "location": ev.location.strip()[:500],
        "agenda": agenda,
        "notes": notes,
        "rating": rating,
        "status": status,
        "held_prompted": status != MeetingStatus.PLANNED,
        "ical_uid": ev.uid[:500],
        "ical_occurrence": ev.occurrence[:40],
    }


__all__ = [
    "CalendarIOService",
    "ImportPlan",
    "ImportSummary",
    "PlannedEvent",
    "read_calendar_file",
    "write_private_bytes",
]
