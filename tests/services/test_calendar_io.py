"""CalendarIOService: export to RFC 5545, import with matching, re-import, rejection, round trip."""

from __future__ import annotations

import stat
from datetime import UTC, date, datetime

import icalendar
import pytest
from sqlalchemy import func, select

from mentordesk.domain.enums import Channel, MeetingStatus, Owner
from mentordesk.services import calendar_io as calendar_io_module
from mentordesk.services.errors import ImportFormatError, ValidationError
from mentordesk.services.meetings import MeetingInput
from mentordesk.services.people import NewRelationship
from mentordesk.store.models import Meeting, Person

WINDOW = {"start": date(2025, 6, 15), "end": date(2027, 6, 15)}


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def ics(*events: str, extra: str = "") -> bytes:
    body = "".join(f"BEGIN:VEVENT\r\n{e.strip()}\r\nEND:VEVENT\r\n" for e in events)
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Test//EN\r\n" + extra + body + "END:VCALENDAR\r\n"
    ).encode()


def event(uid: str, start: str, summary: str, *more: str) -> str:
    return "\r\n".join(
        (f"UID:{uid}", "DTSTAMP:20260101T000000Z", f"DTSTART:{start}", f"SUMMARY:{summary}", *more)
    )


def count_meetings(services) -> int:
    with services.db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(Meeting)) or 0)


@pytest.fixture
def people(services):
    add = services.people.add_relationship
    ana = add(NewRelationship(name="Ana Ruiz", email="ana@example.org"))
    sam = add(NewRelationship(name="Sam Okafor", email="sam@example.org"))
    return {"ana": ana, "sam": sam}


@pytest.fixture
def journal(services, people):
    m = services.meetings
    held = m.create(
        MeetingInput(
            relationship_id=people["ana"],
            start=utc(2026, 6, 1, 9, 30),
            duration_minutes=45,
            status="held",
            channel="video",
            location="https://meet.example/ana",
            agenda="Promotion case; risks, next steps\nline two",
            notes="Lead with the story 😀",
            rating=4,
        )
    )
    m.add_action(meeting_id=held, text="Send the doc", due_on=date(2026, 6, 20))
    done = m.add_action(meeting_id=held, text="Already done")
    m.set_action_done(done, True)
    planned = m.create(
        MeetingInput(relationship_id=people["sam"], start=utc(2026, 6, 20, 14), title="Quarterly review")
    )
    cancelled = m.create(
        MeetingInput(relationship_id=people["sam"], start=utc(2026, 6, 5, 8), status="cancelled")
    )
    day = m.create(
        MeetingInput(relationship_id=None, title="Mentoring fair", start=utc(2026, 7, 3), all_day=True)
    )
    return {"held": held, "planned": planned, "cancelled": cancelled, "day": day}


def test_export_is_rfc_5545_that_icalendar_reads(services, journal):
    data, count = services.calendar_io.export_ics()
    assert count == 4
    calendar = icalendar.Calendar.from_ical(data)
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    held = services.meetings.get(journal["held"]).row
    e = events[f"{held.uuid}@mentordesk"]
    assert e["DTSTART"].dt == utc(2026, 6, 1, 9, 30)
    assert e["DTEND"].dt == utc(2026, 6, 1, 10, 15)
    assert "DTSTAMP" in e
    assert str(e["SUMMARY"]) == "Mentoring meeting with Ana Ruiz"
    assert str(e["DESCRIPTION"]) == (
        "Channel: Video\nRating: 4/5\n\nAgenda:\nPromotion case; risks, next steps\nline two\n\n"
        "Notes:\nLead with the story 😀\n\nOpen action items:\n- Send the doc (me, due 2026-06-20)"
    )
    assert str(e["STATUS"]) == "CONFIRMED"
    assert str(e["ATTENDEE"]) == "mailto:ana@example.org"
    sam = events[f"{services.meetings.get(journal['planned']).row.uuid}@mentordesk"]
    assert str(sam["SUMMARY"]) == "Quarterly review — Sam Okafor"
    cancelled = events[f"{services.meetings.get(journal['cancelled']).row.uuid}@mentordesk"]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    fair = events[f"{services.meetings.get(journal['day']).row.uuid}@mentordesk"]
    assert fair["DTSTART"].dt == date(2026, 7, 3)
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))


def test_export_by_period_and_relationship(services, people, journal):
    _data, count = services.calendar_io.export_ics(start=date(2026, 6, 2), end=date(2026, 6, 30))
    assert count == 2  # the planned and the cancelled meeting with Sam
    data, count = services.calendar_io.export_ics(relationship_id=people["ana"])
    assert count == 1 and b"Ana Ruiz" in data and b"Sam Okafor" not in data


def test_export_to_file_is_owner_only_and_whole(services, journal, tmp_path):
    out = tmp_path / "meetings.ics"
    assert services.calendar_io.export_to_file(out, relationship="sam okafor") == 2
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert [p.name for p in tmp_path.iterdir()] == ["meetings.ics"]


def test_export_then_import_into_a_database_with_the_same_people(services, journal, db, tmp_path):
    from mentordesk.services.container import Services
    from mentordesk.store.migrate import open_database

    data, _count = services.calendar_io.export_ics()
    fresh_db = open_database(":memory:")
    try:
        fresh = Services.over(fresh_db, today=lambda: date(2026, 6, 15))
        fresh.people.add_relationship(NewRelationship(name="Ana Ruiz", email="ana@example.org"))
        fresh.people.add_relationship(NewRelationship(name="Sam Okafor", email="sam@example.org"))
        summary = fresh.calendar_io.import_bytes(data, filename="meetings.ics", **WINDOW)
        assert (summary.added, summary.assigned, summary.unassigned, summary.skipped) == (3, 2, 1, ())
        assert (
            summary.cancelled == 1
        )  # a cancelled meeting is exported as STATUS:CANCELLED, which imports skip

        def rows(svc):
            return [
                (r.uuid, r.person, r.title, r.start, r.duration_minutes, r.all_day, r.channel, r.location)
                + (r.agenda, r.notes, r.rating, r.status)
                for r in svc.meetings.agenda(date(2026, 1, 1), date(2026, 12, 31))
                if r.status != MeetingStatus.CANCELLED
            ]

        assert rows(fresh) == rows(services)
        assert rows(fresh)[0][1:] == (
            "Ana Ruiz",
            "",
            utc(2026, 6, 1, 9, 30),
            45,
            False,
            Channel.VIDEO,
            "https://meet.example/ana",
            "Promotion case; risks, next steps\nline two",
            "Lead with the story 😀",
            4,
            MeetingStatus.HELD,
        )
        again = fresh.calendar_io.import_bytes(data, filename="meetings.ics", **WINDOW)
        assert (again.added, again.already) == (0, 3)
    finally:
        fresh_db.close()


def test_export_then_import_into_an_empty_database_keeps_everything_unassigned(services, journal):
    from mentordesk.services.container import Services
    from mentordesk.store.migrate import open_database

    data, _count = services.calendar_io.export_ics()
    empty_db = open_database(":memory:")
    try:
        empty = Services.over(empty_db, today=lambda: date(2026, 6, 15))
        summary = empty.calendar_io.import_bytes(data, filename="meetings.ics", **WINDOW)
        assert (summary.added, summary.unassigned) == (3, 3)
        rows = empty.meetings.agenda(date(2026, 1, 1), date(2026, 12, 31))
        assert [(r.title, r.start, r.status) for r in rows] == [
            ("Mentoring meeting with Ana Ruiz", utc(2026, 6, 1, 9, 30), MeetingStatus.HELD),
            ("Quarterly review — Sam Okafor", utc(2026, 6, 20, 14), MeetingStatus.PLANNED),
            ("Mentoring fair", utc(2026, 7, 3), MeetingStatus.PLANNED),
        ]
    finally:
        empty_db.close()


def test_matching_by_email_then_name_else_unassigned(services, people):
    with services.db.session() as s:
        sam = s.scalar(select(Person).where(Person.name == "Sam Okafor"))
        sam.other_contacts = [{"kind": "email", "value": "sam.private@example.net"}]
    data = ics(
        event("a", "20260610T090000Z", "Coffee", "ATTENDEE;CN=Someone:mailto:ANA@example.org"),
        event("b", "20260611T090000Z", "Lunch", "ATTENDEE:mailto:sam.private@example.net"),
        event("c", "20260612T090000Z", "1:1 with sam okafor about the roadmap"),
        event("d", "20260613T090000Z", "Dentist"),
        event("e", "20260614T090000Z", "Samantha Okafora party"),
    )
    summary = services.calendar_io.import_bytes(data, filename="work.ics", **WINDOW)
    assert (summary.added, summary.assigned, summary.unassigned) == (5, 3, 2)
    rows = services.meetings.agenda(date(2026, 6, 10), date(2026, 6, 14))
    assert [(r.person, r.title, r.status) for r in rows] == [
        ("Ana Ruiz", "Coffee", MeetingStatus.HELD),
        ("Sam Okafor", "Lunch", MeetingStatus.HELD),
        ("Sam Okafor", "1:1 with sam okafor about the roadmap", MeetingStatus.HELD),
        ("", "Dentist", MeetingStatus.HELD),
        ("", "Samantha Okafora party", MeetingStatus.HELD),
    ]


def test_unmatched_events_go_to_the_named_relationship(services, people):
    data = ics(event("x", "20260620T090000Z", "Walk"), event("y", "20260621T090000Z", "Call Ana Ruiz"))
    summary = services.calendar_io.import_bytes(data, filename="f.ics", relationship="Sam Okafor", **WINDOW)
    assert summary.assigned == 2
    rows = services.meetings.agenda(date(2026, 6, 20), date(2026, 6, 21))
    assert [(r.person, r.status) for r in rows] == [
        ("Sam Okafor", MeetingStatus.PLANNED),
        ("Ana Ruiz", MeetingStatus.PLANNED),
    ]
    with pytest.raises(ValidationError, match="no relationship with a person named 'Nobody'"):
        services.calendar_io.import_bytes(data, filename="f.ics", relationship="Nobody", **WINDOW)


def test_recurring_events_expand_in_the_window_and_reimport_adds_nothing(services, people):
    data = ics(
        event(
            "weekly@example.org",
            "20260601T160000",
            "Ana Ruiz weekly",
            "RRULE:FREQ=WEEKLY;COUNT=6",
            "EXDATE;TZID=Europe/Berlin:20260608T180000",
        ).replace("DTSTART:20260601T160000", "DTSTART;TZID=Europe/Berlin:20260601T180000"),
        event(
            "weekly@example.org",
            "20260615T170000Z",
            "Ana Ruiz weekly (moved)",
            "RECURRENCE-ID:20260615T160000Z",
        ),
    )
    first = services.calendar_io.import_bytes(
        data, filename="r.ics", start=date(2026, 6, 1), end=date(2026, 6, 30)
    )
    # Six weekly dates from 1 June; 8 June is excluded, 15 June moved, 6 July is after the window.
    assert first.added == 4
    rows = services.meetings.agenda(date(2026, 6, 1), date(2026, 6, 30))
    assert [r.start for r in rows] == [
        utc(2026, 6, 1, 16),
        utc(2026, 6, 15, 17),
        utc(2026, 6, 22, 16),
        utc(2026, 6, 29, 16),
    ]
    assert {r.person for r in rows} == {"Ana Ruiz"}
    again = services.calendar_io.import_bytes(
        data, filename="r.ics", start=date(2026, 6, 1), end=date(2026, 6, 30)
    )
    assert (again.added, again.already) == (0, 4)
    wider = services.calendar_io.import_bytes(
        data, filename="r.ics", start=date(2026, 6, 1), end=date(2026, 7, 31)
    )
    assert (wider.added, wider.already) == (1, 4)


def test_all_day_time_zones_and_non_ascii(services):
    data = ics(
        event("d1", "20260704", "Konferenz: Ärger & 学习").replace(
            "DTSTART:20260704", "DTSTART;VALUE=DATE:20260704"
        ),
        event("t1", "x", "New York breakfast").replace(
            "DTSTART:x", "DTSTART;TZID=America/New_York:20260706T080000"
        ),
    )
    summary = services.calendar_io.import_bytes(b"\xef\xbb\xbf" + data, filename="u.ics", **WINDOW)
    assert summary.added == 2
    rows = services.meetings.agenda(date(2026, 7, 4), date(2026, 7, 6))
    assert [(r.title, r.all_day, r.start, r.duration_minutes) for r in rows][0] == (
        "Konferenz: Ärger & 学习",
        True,
        utc(2026, 7, 4),
        1440,
    )
    assert rows[-1].start == utc(2026, 7, 6, 12, 0)


def test_cancelled_events_are_left_out_and_counted(services):
    data = ics(
        event("c", "20260620T090000Z", "Off", "STATUS:CANCELLED"), event("k", "20260621T090000Z", "On")
    )
    summary = services.calendar_io.import_bytes(data, filename="c.ics", **WINDOW)
    assert (summary.added, summary.cancelled) == (1, 1)
    assert "1 cancelled event left out" in summary.lines()


def test_an_unreadable_event_is_skipped_with_its_reason(services):
    data = ics(event("bad", "2026-06-20", "Broken"), event("good", "20260621T090000Z", "Fine"))
    summary = services.calendar_io.import_bytes(data, filename="s.ics", **WINDOW)
    assert summary.added == 1
    [(where, reason)] = summary.skipped
    assert "bad" in where and reason
    assert any(line.startswith("skipped event 1") for line in summary.lines())


def test_a_malformed_file_is_refused_and_nothing_changes(services, journal):
    before = count_meetings(services)
    for data in (b"", b"hello", b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nEND:VCALENDAR\r\n"):
        with pytest.raises(ImportFormatError, match="broken.ics"):
            services.calendar_io.import_bytes(data, filename="broken.ics", **WINDOW)
    assert count_meetings(services) == before


def test_the_import_commits_whole_or_not_at_all(services, monkeypatch):
    data = ics(*(event(f"u{i}", f"2026062{i}T090000Z", f"Event {i}") for i in range(5)))
    real = calendar_io_module._meeting_from
    calls = {"n": 0}

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 4:
            raise ValidationError("disk trouble")
        return real(*args, **kwargs)

    monkeypatch.setattr(calendar_io_module, "_meeting_from", failing)
    with pytest.raises(ValidationError):
        services.calendar_io.import_bytes(data, filename="t.ics", **WINDOW)
    assert count_meetings(services) == 0


def test_dry_run_changes_nothing(services, people):
    data = ics(event("a", "20260620T090000Z", "Ana Ruiz check-in"))
    summary = services.calendar_io.import_bytes(data, filename="d.ics", dry_run=True, **WINDOW)
    assert (summary.added, summary.assigned, summary.dry_run) == (1, 1, True)
    assert summary.lines() == [
        "d.ics: would import 1 meeting (1 matched to a relationship, 0 unassigned)",
        "dry run: nothing was changed",
    ]
    assert count_meetings(services) == 0


def test_plan_then_apply_with_chosen_relationships(services, people):
    data = ics(event("a", "20260620T090000Z", "Walk in the park"), event("b", "20260621T090000Z", "Dentist"))
    plan = services.calendar_io.plan_import(data, filename="p.ics", **WINDOW)
    assert [e.summary for e in plan.unmatched()] == ["Walk in the park", "Dentist"]
    walk = plan.unmatched()[0]
    summary = services.calendar_io.apply_import(plan, assignments={walk.key: people["sam"]})
    assert (summary.assigned, summary.unassigned, len(summary.meeting_ids)) == (1, 1, 2)
    rows = services.meetings.agenda(date(2026, 6, 20), date(2026, 6, 21))
    assert [r.person for r in rows] == ["Sam Okafor", ""]


def test_open_action_items_are_named_in_the_description(services, people):
    mid = services.meetings.create(MeetingInput(relationship_id=people["sam"], start=utc(2026, 6, 18, 9)))
    services.meetings.add_action(meeting_id=mid, text="Bring the draft", owner=Owner.THEM)
    data, _n = services.calendar_io.export_ics(relationship_id=people["sam"])
    [e] = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert str(e["DESCRIPTION"]) == "Open action items:\n- Bring the draft (them)"
