"""File > Import and Export of meetings as iCalendar, through the window."""

from __future__ import annotations

import stat
from datetime import UTC, date, datetime

import icalendar
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from mentordesk.services.meetings import MeetingInput
from mentordesk.services.people import NewRelationship

MODULE = "mentordesk.ui.dialogs.calendar_io"
CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Test//EN\r\n"
    "BEGIN:VEVENT\r\nUID:a@x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260618T090000Z\r\n"
    "SUMMARY:Lunch\r\nATTENDEE:mailto:ana@example.org\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:b@x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260619T090000Z\r\n"
    "SUMMARY:Career chat\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:c@x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260620T090000Z\r\n"
    "SUMMARY:Career chat\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:d@x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260621T090000Z\r\n"
    "SUMMARY:Dentist\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)


@pytest.fixture
def people(services):
    add = services.people.add_relationship
    return {
        "ana": add(NewRelationship(name="Ana Ruiz", email="ana@example.org")),
        "sam": add(NewRelationship(name="Sam Okafor", email="sam@example.org")),
    }


def test_menu_offers_calendar_import_and_export(window):
    assert "&Calendar (iCalendar)…" in [a.text() for a in window.import_menu.actions()]
    assert "Meetings as &iCalendar…" in [a.text() for a in window.export_menu.actions()]


def test_import_asks_who_unmatched_events_were_with(window, services, people, tmp_path, monkeypatch):
    path = tmp_path / "work.ics"
    path.write_text(CALENDAR, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    dialog = window.run_dialog(MODULE, "import_ics")
    assert dialog.counts.text() == "4 new events (1 matched to a relationship)"
    assert dialog.group_titles() == ["Career chat", "Dentist"]
    assert dialog.table.item(0, 1).text().endswith("and 1 more")
    dialog.assign(0, people["sam"])
    dialog.accept()
    rows = services.meetings.agenda(date(2026, 6, 18), date(2026, 6, 21))
    assert [(r.person, r.title) for r in rows] == [
        ("Ana Ruiz", "Lunch"),
        ("Sam Okafor", "Career chat"),
        ("Sam Okafor", "Career chat"),
        ("", "Dentist"),
    ]
    assert (
        window.statusBar().currentMessage()
        == "work.ics: imported 4 meetings (3 matched to a relationship, 1 unassigned)"
    )
    tab = window.show_tab("calendar")
    assert [d.label for d in tab.visible_dots(date(2026, 6, 19))] == ["Sam Okafor"]

    window.undo_stack.undo()
    assert services.meetings.agenda(date(2026, 6, 18), date(2026, 6, 21)) == []
    window.undo_stack.redo()
    assert len(services.meetings.agenda(date(2026, 6, 18), date(2026, 6, 21))) == 4

    again = window.run_dialog(MODULE, "import_ics")
    assert again.counts.text() == "0 new events (0 matched to a relationship) · 4 already imported"
    assert not again.buttons.button(again.buttons.StandardButton.Ok).isEnabled()
    again.reject()


def test_a_malformed_file_is_explained_and_nothing_changes(window, services, people, tmp_path, monkeypatch):
    path = tmp_path / "broken.ics"
    path.write_text("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    dialog = window.run_dialog(MODULE, "import_ics")
    assert dialog.error.text().startswith("broken.ics")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.reject()
    assert services.meetings.agenda(date(2000, 1, 1), date(2040, 1, 1)) == []

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "gone.ics"), ""))
    assert window.run_dialog(MODULE, "import_ics") is None
    assert warnings == [f"{tmp_path / 'gone.ics'}: no such file"]


def test_export_writes_the_chosen_meetings(window, services, people, tmp_path, monkeypatch):
    services.meetings.create(
        MeetingInput(relationship_id=people["ana"], start=datetime(2026, 6, 18, 9, tzinfo=UTC), agenda="Plan")
    )
    services.meetings.create(
        MeetingInput(relationship_id=people["sam"], start=datetime(2026, 6, 19, 9, tzinfo=UTC))
    )
    out = tmp_path / "mine"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog = window.run_dialog(MODULE, "export_ics")
    dialog.person.setCurrentIndex(dialog.person.findData(people["ana"]))
    dialog.accept()
    written = tmp_path / "mine.ics"
    assert dialog.written == written
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    [event] = icalendar.Calendar.from_ical(written.read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Mentoring meeting with Ana Ruiz"
    assert window.statusBar().currentMessage() == f"Exported 1 meeting to {written}"
