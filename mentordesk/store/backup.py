"""Copies of the database taken with SQLite's online backup API, verified before they count."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from mentordesk.paths import backups_dir, ensure_private_dir
from mentordesk.services.errors import DatabaseError

BACKUP_SUFFIX = ".sqlite"


def _integrity_ok(path: Path) -> bool:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()


def copy_database(src: Path, dest: Path) -> Path:
    """Copy the live database ``src`` to ``dest`` (owner-only) and verify the copy."""
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
    os.close(fd)
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    target = sqlite3.connect(tmp)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
        source.close()
    if not _integrity_ok(tmp):
        tmp.unlink(missing_ok=True)
        raise DatabaseError(f"the backup of {src.name} failed its integrity check and was discarded")
    os.replace(tmp, dest)
    return dest


def backup_database(db_path: Path, reason: str = "manual", *, out: Path | None = None) -> Path:
    """Back up ``db_path`` into its backups folder (or to ``out``) and return the new file."""
    if out is None:
        folder = ensure_private_dir(backups_dir(db_path))
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        out = folder / f"{db_path.stem}-{stamp}-{reason}{BACKUP_SUFFIX}"
    return copy_database(db_path, out)


def restore_file(backup: Path, db_path: Path) -> None:
    """Write the contents of ``backup`` over ``db_path`` with the backup API (keeps the file's mode)."""
    source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    target = sqlite3.connect(db_path)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
