from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from mentordesk.services.container import Services
from mentordesk.services.data import restore_database
from mentordesk.services.errors import DamagedDatabaseError, DatabaseError
from mentordesk.services.people import NewRelationship
from mentordesk.store.backup import BackupFile, backups_to_keep, list_backups, needs_auto_backup
from mentordesk.store.migrate import open_database


@pytest.fixture
def dbfile(tmp_path):
    path = tmp_path / "data" / "mentordesk.db"
    services = Services.open(path)
    services.people.add_relationship(NewRelationship(name="Ana Ruiz"))
    services.close()
    return path


def names(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT name FROM person ORDER BY name")]
    finally:
        con.close()


def test_backup_change_restore_returns_the_old_state(dbfile):
    services = Services.open(dbfile)
    backup = services.data.backup()
    services.people.add_relationship(NewRelationship(name="Ben Ode"))
    services.close()
    assert names(dbfile) == ["Ana Ruiz", "Ben Ode"]
    assert backup.stat().st_mode & 0o777 == 0o600

    saved = restore_database(dbfile, backup)
    assert names(dbfile) == ["Ana Ruiz"]
    assert saved is not None and names(saved) == ["Ana Ruiz", "Ben Ode"]
    again = Services.open(dbfile)
    assert [r.name for r in again.people.list_rows()] == ["Ana Ruiz"]
    again.close()


def test_restore_refuses_foreign_and_future_files(dbfile, tmp_path):
    text = tmp_path / "notes.sqlite"
    text.write_text("hello")
    with pytest.raises(DatabaseError, match="not a MentorDesk database"):
        restore_database(dbfile, text)
    future = tmp_path / "future.sqlite"
    future.write_bytes(dbfile.read_bytes())
    con = sqlite3.connect(future)
    con.execute("UPDATE alembic_version SET version_num='zz99'")
    con.commit()
    con.close()
    before = dbfile.read_bytes()
    with pytest.raises(DatabaseError, match="zz99"):
        restore_database(dbfile, future)
    assert dbfile.read_bytes() == before


def test_damaged_database_is_renamed_never_overwritten(dbfile):
    services = Services.open(dbfile)
    good = services.data.backup(reason="daily")
    services.close()
    for side in ("-wal", "-shm"):
        Path(str(dbfile) + side).unlink(missing_ok=True)
    data = bytearray(dbfile.read_bytes())
    for page_start in range(4096, len(data), 4096):  # scribble over every page but the header
        data[page_start + 8 : page_start + 64] = os.urandom(56)
    dbfile.write_bytes(bytes(data))
    damaged_bytes = bytes(data)

    with pytest.raises(DamagedDatabaseError) as info:
        open_database(dbfile)
    message = str(info.value)
    assert "damaged" in message and str(good) in message
    assert not dbfile.exists()
    aside = info.value.renamed_to
    assert aside.name.startswith("mentordesk.db.damaged-") and aside.read_bytes() == damaged_bytes
    assert info.value.backup == good


def test_cli_reports_a_damaged_database_in_one_line(dbfile, capsys):
    from mentordesk.cli import main

    dbfile.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8192)
    assert main(["--db", str(dbfile), "check"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error:") and "renamed to" in err[0]
    assert not dbfile.exists()


def _b(name: str, taken: datetime) -> BackupFile:
    return BackupFile(Path(name), taken, "daily", 1)


def test_rota_keeps_7_daily_4_weekly_6_monthly():
    now = datetime(2026, 11, 25, 12, 0)
    # one backup a day for 400 days, plus two more today
    backups = [_b(f"d{i}", now - timedelta(days=i, hours=1)) for i in range(400)]
    backups += [_b("today1", now - timedelta(minutes=5)), _b("today2", now - timedelta(minutes=1))]
    keep = backups_to_keep(backups, now)
    assert {Path("today1"), Path("today2"), Path("d0")} <= keep  # everything from the last day
    days = {b.taken_at.date() for b in backups if b.path in keep}
    assert len(keep) <= 2 + 1 + 7 + 4 + 6
    assert (now - timedelta(days=6, hours=1)).date() in days  # 7th daily
    oldest = min(b.taken_at for b in backups if b.path in keep)
    assert now - oldest > timedelta(days=140)  # the sixth month back (June) is kept
    assert now - oldest < timedelta(days=200)


def test_auto_backup_only_when_old_and_changed(dbfile):
    assert needs_auto_backup(dbfile)  # no backup yet
    services = Services.open(dbfile)
    first = services.data.auto_backup()
    assert first is not None
    assert services.data.auto_backup() is None  # just taken
    later = datetime.now() + timedelta(days=2)
    assert not needs_auto_backup(dbfile, later)  # old, but nothing changed since
    services.people.add_relationship(NewRelationship(name="Cleo Park"))
    services.close()
    os.utime(dbfile)
    assert needs_auto_backup(dbfile, later)
    assert [b.reason for b in list_backups(dbfile)] == ["daily"]


def test_every_import_backs_up_first(dbfile, tmp_path):
    from mentordesk.cli import main

    vcard = tmp_path / "c.vcf"
    vcard.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Byron\r\nEND:VCARD\r\n")
    services = Services.open(dbfile)
    services.data.export_json(tmp_path / "all.json")
    services.close()
    assert main(["--db", str(dbfile), "export", "ics", str(tmp_path / "m.ics")]) == 0
    for argv in (["import", "vcard", str(vcard)], ["import", "json", str(tmp_path / "all.json")]):
        before = len(list_backups(dbfile))
        assert main(["--db", str(dbfile), *argv]) == 0
        assert [b.reason for b in list_backups(dbfile)][0] == "before-import"
        assert len(list_backups(dbfile)) == before + 1
