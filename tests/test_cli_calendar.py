"""The calendar commands: export ics, import ics, overdue."""

from __future__ import annotations

import stat
from datetime import date, timedelta

import icalendar
import pytest

from mentordesk.cli import main

EVENTS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Test//EN\r\n"
    "BEGIN:VEVENT\r\nUID:one@example.org\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:{d1}T090000Z\r\n"
    "DTEND:{d1}T100000Z\r\nSUMMARY:Coffee with Ana Ruiz\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:two@example.org\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:{d2}T090000Z\r\n"
    "SUMMARY:Team offsite\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:three@example.org\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:bad\r\n"
    "SUMMARY:Unreadable\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)


@pytest.fixture
def demo_db(tmp_path, capsys):
    db = str(tmp_path / "m.db")
    assert main(["--db", db, "demo"]) == 0
    capsys.readouterr()
    return db


def calendar_file(tmp_path, days_ahead=(3, 4)):
    today = date.today()
    d1, d2 = ((today + timedelta(days=n)).strftime("%Y%m%d") for n in days_ahead)
    path = tmp_path / "work calendar.ics"
    path.write_text(EVENTS.format(d1=d1, d2=d2), encoding="utf-8")
    return path


def test_overdue_prints_one_line_per_relationship(demo_db, capsys):
    assert main(["--db", demo_db, "overdue"]) == 0
    today = date.today()
    assert capsys.readouterr().out.splitlines() == [
        f"Priya Natarajan\t{(today - timedelta(days=11)).isoformat()}\toverdue by 11 days",
        f"David Chen\t{(today + timedelta(days=5)).isoformat()}\tdue in 5 days",
    ]


def test_overdue_on_an_empty_database_says_so(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "e.db"), "overdue"]) == 0
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err.strip() == "no check-in is overdue or due in the next 7 days"


def test_export_writes_an_owner_only_calendar(demo_db, tmp_path, capsys):
    out = tmp_path / "meetings.ics"
    assert main(["--db", demo_db, "export", "ics", str(out)]) == 0
    printed = capsys.readouterr().out.strip()
    assert printed.startswith("exported ") and printed.endswith(f"meetings to {out}")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == int(printed.split()[1])
    assert all(str(e["UID"]).endswith("@mentordesk") for e in events)


def test_export_for_one_relationship_and_period(demo_db, tmp_path, capsys):
    out = tmp_path / "ana.ics"
    today = date.today()
    args = [
        "--from",
        (today - timedelta(days=60)).isoformat(),
        "--to",
        (today + timedelta(days=60)).isoformat(),
    ]
    assert main(["--db", demo_db, "export", "ics", str(out), "--relationship", "Ana Ruiz", *args]) == 0
    capsys.readouterr()
    events = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert events and {str(e["SUMMARY"]) for e in events} == {"Mentoring meeting with Ana Ruiz"}
    assert main(["--db", demo_db, "export", "ics", str(out), "--relationship", "Nobody"]) == 1
    assert capsys.readouterr().err.strip() == "error: no relationship with a person named 'Nobody'"


def test_import_matches_reports_skips_and_adds_nothing_the_second_time(demo_db, tmp_path, capsys):
    path = calendar_file(tmp_path)
    assert main(["--db", demo_db, "import", "ics", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "work calendar.ics: would import 2 meetings (1 matched to a relationship, 1 unassigned)"
    assert out[-1] == "dry run: nothing was changed"
    assert main(["--db", demo_db, "import", "ics", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "work calendar.ics: imported 2 meetings (1 matched to a relationship, 1 unassigned)"
    assert out[1].startswith("skipped event 3 (UID three@example.org")
    assert main(["--db", demo_db, "import", "ics", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [
        "work calendar.ics: imported 0 meetings (0 matched to a relationship, 0 unassigned)",
        "2 already imported before, left as they are",
    ]


def test_import_puts_unmatched_events_with_the_named_relationship(demo_db, tmp_path, capsys):
    path = calendar_file(tmp_path)
    assert main(["--db", demo_db, "import", "ics", str(path), "--relationship", "Sam Okafor"]) == 0
    assert capsys.readouterr().out.splitlines()[0].endswith("(2 matched to a relationship, 0 unassigned)")


def test_import_outside_the_window_adds_nothing(demo_db, tmp_path, capsys):
    path = calendar_file(tmp_path, days_ahead=(500, 501))
    assert main(["--db", demo_db, "import", "ics", str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("work calendar.ics: imported 0 meetings")
    far = (date.today() + timedelta(days=600)).isoformat()
    assert main(["--db", demo_db, "import", "ics", str(path), "--to", far]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("work calendar.ics: imported 2 meetings")


def test_a_malformed_file_is_one_error_line_and_changes_nothing(demo_db, tmp_path, capsys):
    before = (tmp_path / "before.ics", tmp_path / "after.ics")
    assert main(["--db", demo_db, "export", "ics", str(before[0])]) == 0
    bad = tmp_path / "bad.ics"
    bad.write_text("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART:20260101T000000Z\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", demo_db, "import", "ics", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: bad.ics") and err.count("\n") == 1
    assert main(["--db", demo_db, "import", "ics", str(tmp_path / "missing.ics")]) == 1
    assert "missing.ics: no such file" in capsys.readouterr().err
    assert main(["--db", demo_db, "export", "ics", str(before[1])]) == 0
    count = [len(icalendar.Calendar.from_ical(p.read_bytes()).walk("VEVENT")) for p in before]
    assert count[0] == count[1]


def test_dates_are_checked(demo_db, tmp_path, capsys):
    path = calendar_file(tmp_path)
    with pytest.raises(SystemExit) as info:
        main(["--db", demo_db, "import", "ics", str(path), "--from", "June"])
    assert info.value.code == 2
    assert "is not a date" in capsys.readouterr().err
    assert (
        main(["--db", demo_db, "import", "ics", str(path), "--from", "2026-06-10", "--to", "2026-06-01"]) == 1
    )
    assert capsys.readouterr().err.strip() == "error: --to 2026-06-01 is before --from 2026-06-10"
