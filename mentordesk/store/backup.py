"""Backups: copies taken with SQLite's online backup API, verified, kept on a rota.

Automatic backups live in ``backups/`` beside the database, named
``<stem>-<YYYYmmdd-HHMMSS-ffffff>-<reason>.sqlite``. The rota keeps the newest backup of each of
the last 7 days, 4 weeks and 6 months; older automatic backups are pruned.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from mentordesk.paths import backups_dir, ensure_private_dir
from mentordesk.services.errors import DatabaseError
from mentordesk.store.retention import KEEP_DAILY, KEEP_MONTHLY, KEEP_WEEKLY

BACKUP_SUFFIX = ".sqlite"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[\w.-]+)\.sqlite$")


@dataclass(frozen=True)
class Retention:
    """How many daily, weekly and monthly backups the rota keeps."""

    daily: int = KEEP_DAILY
    weekly: int = KEEP_WEEKLY
    monthly: int = KEEP_MONTHLY


AUTO_BACKUP_AGE = timedelta(days=1)


def integrity_ok(path: Path, *, quick: bool = False) -> bool:
    """True when ``path`` opens as SQLite and passes integrity_check (or quick_check)."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            pragma = "quick_check" if quick else "integrity_check"
            return bool(con.execute(f"PRAGMA {pragma}").fetchone()[0] == "ok")
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return False


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
    if not integrity_ok(tmp):
        tmp.unlink(missing_ok=True)
        raise DatabaseError(f"the backup of {src.name} failed its integrity check and was discarded")
    os.replace(tmp, dest)
    return dest


def backup_database(
    db_path: Path, reason: str = "manual", *, out: Path | None = None, retention: Retention | None = None
) -> Path:
    """Back up ``db_path`` into its backups folder (or to ``out``) and return the new file."""
    if out is None:
        folder = ensure_private_dir(backups_dir(db_path))
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        out = folder / f"{db_path.stem}-{stamp}-{reason}{BACKUP_SUFFIX}"
        copy_database(db_path, out)
        prune_backups(db_path, retention=retention)
        return out
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


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime
    reason: str
    size: int


def list_backups(db_path: Path) -> list[BackupFile]:
    """The automatic backups of ``db_path``, newest first."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    found: list[BackupFile] = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if not match or match["stem"] != db_path.stem:
            continue
        taken = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S-%f")
        found.append(BackupFile(path, taken, match["reason"], path.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def backups_to_keep(
    backups: list[BackupFile], now: datetime, retention: Retention | None = None
) -> set[Path]:
    """The rota: everything from the last day, then the newest of each of the last 7 days,
    4 ISO weeks and 6 months."""
    keep: set[Path] = {b.path for b in backups if now - b.taken_at < timedelta(days=1)}
    if not backups:
        return keep
    newest_first = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep.add(newest_first[0].path)
    keep_counts = retention or Retention()
    buckets = (
        (keep_counts.daily, lambda d: d.date()),
        (keep_counts.weekly, lambda d: tuple(d.isocalendar())[:2]),
        (keep_counts.monthly, lambda d: (d.year, d.month)),
    )
    for count, key in buckets:
        seen: list[object] = []
        for b in newest_first:
            k = key(b.taken_at)
            if k in seen:
                continue
            if len(seen) == count:
                break
            seen.append(k)
            keep.add(b.path)
    return keep


def prune_backups(
    db_path: Path, now: datetime | None = None, *, retention: Retention | None = None
) -> list[Path]:
    """Delete automatic backups outside the rota; returns what was deleted."""
    backups = list_backups(db_path)
    keep = backups_to_keep(backups, now or datetime.now(), retention)
    removed = []
    for b in backups:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            removed.append(b.path)
    return removed


def needs_auto_backup(db_path: Path, now: datetime | None = None) -> bool:
    """True when the newest backup is over a day old (or missing) and the data changed since."""
    if not db_path.exists():
        return False
    backups = list_backups(db_path)
    changed = max(
        (p.stat().st_mtime for p in (db_path, db_path.with_name(db_path.name + "-wal")) if p.exists()),
        default=0.0,
    )
    if not backups:
        return True
    newest = backups[0]
    age = (now or datetime.now()) - newest.taken_at
    return age > AUTO_BACKUP_AGE and changed > newest.path.stat().st_mtime
