"""Calendar import at scale: matching by name, ids and search after the bulk insert, all or nothing."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from mentordesk.domain.enums import MeetingStatus
from mentordesk.services import calendar_io as calendar_io_module
from mentordesk.services.people import NewRelationship
from mentordesk.store.models import Meeting

WINDOW = {"start": date(2025, 6, 15), "end": date(2027, 6, 15)}


def ics(*events: tuple[str, str, str]) -> bytes:
    body = "".join(
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART:{start}\r\nSUMMARY:{summary}\r\nEND:VEVENT\r\n"
        for uid, start, summary in events
    )
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Test//EN\r\n" + body + "END:VCALENDAR\r\n"
    ).encode()


def count_meetings(services) -> int:
    with services.db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(Meeting)) or 0)


def test_the_longest_name_in_a_summary_wins_and_overlapping_names_of_one_length_are_ambiguous(services):
    add = services.people.add_relationship
    ana = add(NewRelationship(name="Ana"))
    ana_ruiz = add(NewRelationship(name="Ana Ruiz"))
    add(NewRelationship(name="Ann Lee"))
    add(NewRelationship(name="Lee Ann"))
    data = ics(
        ("a", "20260610T090000Z", "Coffee with Ana Ruiz"),
        ("b", "20260611T090000Z", "Ana's farewell"),
        ("c", "20260612T090000Z", "ann lee ann"),  # both "ann lee" and "lee ann", overlapping
        ("d", "20260613T090000Z", "Banana bread"),  # "ana" inside a word is no name
    )
    plan = services.calendar_io.plan_import(data, filename="n.ics", **WINDOW)
    assert [(e.summary, e.relationship_id, e.matched_by) for e in plan.events] == [
        ("Coffee with Ana Ruiz", ana_ruiz, "name"),
        ("Ana's farewell", ana, "name"),
        ("ann lee ann", None, ""),
        ("Banana bread", None, ""),
    ]


def test_imported_meetings_come_back_in_file_order_and_are_found_by_search(services):
    data = ics(
        ("u1", "20260620T090000Z", "Roadmap walkthrough"),
        ("u2", "20260601T090000Z", "Portfolio review"),
        ("u3", "20260625T090000Z", "Roadmap retro"),
    )
    summary = services.calendar_io.import_bytes(data, filename="s.ics", **WINDOW)
    assert summary.added == 3
    # The file is read in time order: the 1 June event comes first.
    details = [services.meetings.get(i) for i in summary.meeting_ids]
    assert [(d.row.title, d.row.status) for d in details] == [
        ("Portfolio review", MeetingStatus.HELD),
        ("Roadmap walkthrough", MeetingStatus.PLANNED),
        ("Roadmap retro", MeetingStatus.PLANNED),
    ]
    hits = services.search.search("roadmap", kind="meeting")
    assert sorted(h.id for h in hits) == sorted(summary.meeting_ids[1:])


def test_a_failing_insert_leaves_no_meeting_behind(services, monkeypatch):
    data = ics(*((f"u{i}", f"2026062{i}T090000Z", f"Planning {i}") for i in range(5)))
    real = calendar_io_module._meeting_from
    rows: list[dict] = []

    def clashing(*args, **kwargs):
        row = real(*args, **kwargs)
        if len(rows) == 3:
            row = {**row, "uuid": rows[1]["uuid"]}  # the database refuses a second row with this UUID
        rows.append(row)
        return row

    monkeypatch.setattr(calendar_io_module, "_meeting_from", clashing)
    with pytest.raises(IntegrityError):
        services.calendar_io.import_bytes(data, filename="t.ics", **WINDOW)
    assert count_meetings(services) == 0
    assert services.search.search("planning") == []
