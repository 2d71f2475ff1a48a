"""The quick check of the database runs while the window is built and shown. A file whose damage
only the check finds (the first screen reads fine) is still set aside, never written over, and
the newest good backup is offered; a screenshot run fails with one error line and no picture."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QMessageBox
from shiboken6 import isValid

from mentordesk.services.container import Services
from mentordesk.services.start_reads import StartReads
from mentordesk.store.migrate import quick_check


def _damage_an_index(path):  # type: ignore[no-untyped-def]
    """Wipe the page of an index the first screen does not read: the window builds, the check fails."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = con.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'ix_meeting_ical_uid_ical_occurrence'"
    ).fetchone()[0]
    page = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page : root * page] = b"\xff" * page
    path.write_bytes(bytes(data))
    return bytes(data)


def _watched(path, qapp, monkeypatch):  # type: ignore[no-untyped-def]
    """The window opened on ``path`` as the app opens it, its quick check watched; app exits recorded."""
    from mentordesk.ui import app as app_module

    services, window, check = app_module._open_window(path)
    session = app_module._Session(path, services, window)
    window.show()
    exits: list[int] = []
    monkeypatch.setattr(qapp, "exit", lambda code=0: exits.append(code))
    session.watch(qapp, check)
    return session, window, check, exits


@pytest.fixture
def late_damage(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "data" / "m.db"
    services = Services.open(path)
    services.demo.generate(seed=1)
    backup = services.data.backup(reason="daily")
    services.close()
    damaged = _damage_an_index(path)
    assert quick_check(path) != "ok"
    assert len(Services.open(path, check=False).people_read.list_entries()) == 10  # reads fine
    return path, damaged, backup


def test_screenshot_of_a_damaged_file_fails_in_one_line(late_damage, tmp_path):
    path, damaged, _ = late_damage
    out = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "mentordesk", "--db", str(path), "gui", "--screenshot", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "renamed to" in errors[0] and "Page" in errors[0]
    assert not out.exists()
    assert not path.exists()
    (aside,) = (p for p in path.parent.glob("m.db.damaged-*") if not p.name.endswith(("-wal", "-shm")))
    assert aside.read_bytes() == damaged


def test_window_up_before_the_verdict_gives_way_to_the_backup(late_damage, qapp, monkeypatch, qtbot):
    path, damaged, backup = late_damage
    asked: list[str] = []

    def yes(_parent, _title, text, *a, **k):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    session, window, _check, exits = _watched(path, qapp, monkeypatch)
    assert window.tab("mentors").model.rowCount() > 0
    qtbot.waitUntil(lambda: session.window is not window, timeout=10000)

    assert "renamed to m.db.damaged-" in asked[0] and str(backup.name) in asked[0]
    assert not (isValid(window) and window.isVisible()) and session.window.isVisible()
    assert session.window.tab("mentors").model.rowCount() > 0
    assert quick_check(path) == "ok"  # the restored backup
    (aside,) = (p for p in path.parent.glob("m.db.damaged-*") if not p.name.endswith(("-wal", "-shm")))
    assert aside.read_bytes() == damaged
    assert exits == []
    session.window.close()
    session.services.close()


def test_declining_the_backup_quits(late_damage, qapp, monkeypatch, qtbot):
    path, _, _ = late_damage
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    session, window, check, exits = _watched(path, qapp, monkeypatch)
    qtbot.waitUntil(lambda: exits == [1], timeout=10000)
    assert not (isValid(window) and window.isVisible())
    assert not path.exists() and list(path.parent.glob("m.db.damaged-*"))


def test_a_sound_file_keeps_its_window(tmp_path, qapp, monkeypatch, qtbot):
    path = tmp_path / "m.db"
    seeded = Services.open(path)
    seeded.demo.generate(seed=1)
    seeded.close()
    session, window, check, exits = _watched(path, qapp, monkeypatch)
    qtbot.waitUntil(check.finished, timeout=10000)
    assert check.status() == "ok"
    assert session.window is window and window.isVisible() and exits == []
    window.close()
    session.services.close()


def test_the_check_starts_only_on_a_file_that_is_there(tmp_path):  # type: ignore[no-untyped-def]

    assert StartReads.of(tmp_path / "missing.db") is None
    (tmp_path / "empty.db").write_bytes(b"")
    assert StartReads.of(tmp_path / "empty.db") is None
    Services.open(tmp_path / "new.db").close()
    check = StartReads.of(tmp_path / "new.db")
    assert check is not None and check.status() == "ok"


def test_the_window_shows_the_list_the_check_read_ahead(tmp_path, qapp, monkeypatch):  # type: ignore[no-untyped-def]
    from mentordesk.services.people_read import PeopleReader
    from mentordesk.ui import app as app_module

    path = tmp_path / "mentors.db"
    services = Services.open(path)
    services.demo.generate(seed=1)
    expected = services.people_read.list_entries()
    services.close()

    check = StartReads.of(path)
    assert check is not None and check.status() == "ok"  # done: the list was read before the check
    assert check.list_ahead() is not None
    read: list[bool] = []
    own_read = PeopleReader._rows
    monkeypatch.setattr(PeopleReader, "_rows", lambda self, **kw: read.append(True) or own_read(self, **kw))
    services, window, _ = app_module._open_window(path, check, warm_up=False)
    mentors = window.tab("mentors")
    assert read == []  # the list shown is the one read ahead
    shown = {mentors.model.data(mentors.model.index(row, 0)) for row in range(mentors.model.rowCount())}
    assert shown and shown <= {r.name for r in expected}
    assert services.people_read.list_entries() == expected and read == [True]  # later reads read
    window.close()
    services.close()
