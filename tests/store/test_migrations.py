"""Schema ownership: Alembic revisions match the models; unknown revisions are refused untouched."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from mentordesk.services.errors import DatabaseError
from mentordesk.store import migrate
from mentordesk.store.models import Base, Goal, Meeting, Person

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "db"


def test_known_revisions_match_the_scripts():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    chain = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert tuple(chain) == migrate.KNOWN_REVISIONS
    assert script.get_current_head() == migrate.HEAD_REVISION


def test_models_and_migrations_agree(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    db = migrate.open_database(tmp_path / "m.db")
    with db.engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"include_name": migrate.include_name}), Base.metadata
        )
    db.close()
    assert diff == []


def test_new_database_is_private_and_durable(tmp_path):
    path = tmp_path / "data" / "new.db"
    db = migrate.open_database(path)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    db.close()
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700


def _set_revision(path: Path, revision: str) -> None:
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    con.commit()
    con.close()


def test_unknown_revision_is_refused_and_file_untouched(tmp_path):
    path = tmp_path / "future.db"
    migrate.open_database(path).close()
    _set_revision(path, "9999_from_the_future")
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="9999_from_the_future"):
        migrate.open_database(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "argv",
    [["check"], ["demo"], ["gui", "--screenshot", "shot.png"]],
)
def test_every_command_refuses_an_unknown_revision(tmp_path, argv):
    path = tmp_path / "future.db"
    migrate.open_database(path).close()
    _set_revision(path, "abc123unknown")
    before = path.read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "mentordesk", "--db", str(path), *argv],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and "abc123unknown" in lines[0]
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("just some text\n")
    with pytest.raises(DatabaseError, match="not a MentorDesk database"):
        migrate.open_database(path)
    assert path.read_text() == "just some text\n"


def test_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE things (id INTEGER)")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="no schema revision"):
        migrate.open_database(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize("fixture", sorted(p.name for p in FIXTURES.glob("rev*.db")))
def test_released_revision_fixture_upgrades_with_data_intact(tmp_path, fixture):
    path = tmp_path / fixture
    shutil.copy(FIXTURES / fixture, path)
    con = sqlite3.connect(path)
    people = con.execute("SELECT name FROM person ORDER BY id").fetchall()
    meetings = con.execute("SELECT count(*), max(notes) FROM meeting").fetchone()
    goals = con.execute("SELECT count(*) FROM goal").fetchone()[0]
    con.close()
    assert len(people) >= 8 and meetings[0] > 50

    db = migrate.open_database(path)
    with db.reader() as s:
        assert [(n,) for n in s.scalars(select(Person.name).order_by(Person.id))] == people
        assert s.scalar(select(func.count()).select_from(Meeting)) == meetings[0]
        assert s.scalar(select(func.max(Meeting.notes))) == meetings[1]
        assert s.scalar(select(func.count()).select_from(Goal)) == goals
    with db.engine.connect() as conn:
        assert (
            conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == migrate.HEAD_REVISION
        )
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    db.close()


def test_failed_upgrade_restores_the_file(tmp_path, monkeypatch):
    fixture = sorted(FIXTURES.glob("rev*.db"))[0]
    path = tmp_path / "old.db"
    shutil.copy(fixture, path)
    monkeypatch.setattr(migrate, "KNOWN_REVISIONS", ("0000", *migrate.KNOWN_REVISIONS))
    monkeypatch.setattr(migrate, "HEAD_REVISION", "not-this-one")
    before_rev = migrate.read_revision(path)

    def boom(connection):
        connection.exec_driver_sql("DELETE FROM person")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(migrate, "_upgrade", boom)
    with pytest.raises(DatabaseError, match="restored"):
        migrate.open_database(path)
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM person").fetchone()[0] >= 8
    con.close()
    assert migrate.read_revision(path) == before_rev
    assert list((tmp_path / "backups").glob("old-*-before-upgrade-from-*.sqlite"))
