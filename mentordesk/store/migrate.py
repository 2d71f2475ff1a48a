"""Opening a database file safely: create, check the schema revision, migrate with a backup.

- a new or empty file is created owner-only and migrated to the head revision;
- a file at an unknown (newer) revision, or one that is not a MentorDesk database, is refused
  with a :class:`DatabaseError` and left byte-for-byte untouched;
- an older file is backed up first, migrated in one transaction with foreign keys off, checked
  (``integrity_check``, ``foreign_key_check``) and restored from the backup on any failure.

Alembic is imported only when a migration actually runs, so opening a current database is fast.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from mentordesk.paths import ensure_private_dir
from mentordesk.services.errors import DatabaseError
from mentordesk.store.db import Database, create_file, make_engine

if TYPE_CHECKING:
    from sqlalchemy import Connection

# Every released schema revision, oldest first. A test keeps this equal to the Alembic scripts.
KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003")
HEAD_REVISION = KNOWN_REVISIONS[-1]

SQLITE_HEADER = b"SQLite format 3\x00"


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Objects Alembic's autogenerate compares: not the full-text index (a virtual table)."""
    return not (type_ == "table" and name is not None and name.startswith("search_index"))


def migrations_dir() -> Path:
    return Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def set_damaged_aside(path: Path, reason: str) -> NoReturn:
    """Rename a damaged database out of the way (with its -wal/-shm) and raise DamagedDatabaseError.

    A new empty database is never created over a damaged one: the user's data stays on disk.
    """
    from datetime import datetime

    from mentordesk.services.errors import DamagedDatabaseError
    from mentordesk.store.backup import integrity_ok, list_backups

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    path.rename(aside)
    for extra in ("-wal", "-shm"):
        side = path.with_name(path.name + extra)
        if side.exists():
            side.rename(aside.with_name(aside.name + extra))
    good = next((b for b in list_backups(path) if integrity_ok(b.path, quick=True)), None)
    if good is not None:
        offer = (
            f"the newest good backup is from {good.taken_at:%Y-%m-%d %H:%M}: "
            f"restore it with 'mentordesk restore {good.path}'"
        )
    else:
        offer = "no good backup was found"
    raise DamagedDatabaseError(
        f"{path} is damaged ({reason}); it was renamed to {aside.name} and nothing was overwritten; {offer}",
        renamed_to=aside,
        backup=good.path if good else None,
    )


def _looks_like_ours(path: Path) -> bool:
    from mentordesk.store.backup import list_backups

    return bool(list_backups(path))


def quick_check(path: Path) -> str:
    """SQLite's quick check of the file at ``path``: ``"ok"`` or what is wrong (read-only)."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        verdict = str(con.execute("PRAGMA quick_check").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        con.close()
    # SQLite reports a damaged page over several lines ("*** in database main ***\nPage 43: ...").
    lines = [line.strip() for line in verdict.splitlines() if line.strip() and not line.startswith("***")]
    return "; ".join(lines) or verdict


def read_revision(path: Path, *, check: bool = True) -> str | None:
    """The schema revision of the file at ``path`` without changing it.

    ``None`` for a new or empty database. Raises DatabaseError for a file that is not a
    MentorDesk database or cannot be read, and (after setting the file aside) DamagedDatabaseError
    when SQLite's quick check fails; ``check=False`` leaves that check to the caller, who may run
    :func:`quick_check` alongside other work.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    with path.open("rb") as fh:
        header = fh.read(16)
    if header != SQLITE_HEADER:
        if _looks_like_ours(path):
            set_damaged_aside(path, "its file header is not SQLite's")
        raise DatabaseError(f"{path} is not a MentorDesk database (not an SQLite file)")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseError(f"{path} cannot be opened: {exc}") from None
    if check:
        status = quick_check(path)
        if status != "ok":
            con.close()
            set_damaged_aside(path, f"quick check: {status}")
    try:
        tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return None
        if "alembic_version" not in tables:
            raise DatabaseError(f"{path} is not a MentorDesk database (it has no schema revision)")
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        con.close()
        set_damaged_aside(path, str(exc))
    finally:
        con.close()
    if row is None:
        raise DatabaseError(f"{path} is not a MentorDesk database (its schema revision is empty)")
    return str(row[0])


def check_revision(path: Path, revision: str | None) -> None:
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise DatabaseError(
            f"{path} has schema revision {revision!r}, which this version of MentorDesk does not know "
            "(it may come from a newer version); the file was not changed"
        )


def _upgrade(connection: Connection) -> None:
    from alembic import command

    command.upgrade(alembic_config(connection), "head")


def _run_migration(engine: Any) -> None:
    """Upgrade to head in one transaction with foreign keys off, then check before committing."""
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                _upgrade(conn)
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise DatabaseError(f"after migration {len(problems)} rows point at missing records")
                status = conn.exec_driver_sql("PRAGMA integrity_check").fetchone()[0]
                if status != "ok":
                    raise DatabaseError(f"after migration the integrity check failed: {status}")
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def open_database(path: Path | str, *, backup: bool = True, check: bool = True) -> Database:
    """Open (creating or migrating as needed) the database at ``path``; ``":memory:"`` for tests.

    ``check=False`` skips SQLite's quick check of a current file (see :func:`read_revision`).
    """
    if str(path) == ":memory:":
        engine = make_engine(":memory:")
        _run_migration(engine)
        return Database(engine, None)

    path = Path(path)
    revision = read_revision(path, check=check)
    check_revision(path, revision)
    if revision is None:
        ensure_private_dir(path.parent)
        create_file(path)
        engine = make_engine(path)
        _run_migration(engine)
        return Database(engine, path)
    if revision == HEAD_REVISION:
        return Database(path=path)  # the engine is made on first use

    from mentordesk.store.backup import backup_database, restore_file

    saved = backup_database(path, reason=f"before-upgrade-from-{revision}") if backup else None
    engine = make_engine(path)
    try:
        _run_migration(engine)
    except Exception as exc:
        engine.dispose()
        if saved is not None:
            restore_file(saved, path)
        if isinstance(exc, DatabaseError):
            raise
        raise DatabaseError(f"upgrading {path} failed and the file was restored: {exc}") from exc
    return Database(engine, path)
