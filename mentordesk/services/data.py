"""Data safety: full JSON export and import, backups, restore.

The JSON document (``format_version`` 1)::

    {"format": "mentordesk-export", "format_version": 1, "schema_revision": "0001",
     "exported_at": "2026-11-25T10:00:00Z", "schema": {table: {key: kind}},
     "tables": {table: [record, ...]}}

Exporting, importing into an empty database and exporting again gives the same bytes apart
from ``exported_at``.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mentordesk.domain.text import translate
from mentordesk.services.base import Service
from mentordesk.services.errors import DatabaseError, ImportFormatError, MentorDeskError
from mentordesk.store.backup import Retention

FORMAT = "mentordesk-export"
FORMAT_VERSION = 1
MAX_IMPORT_BYTES = 512 * 1024 * 1024


def write_private(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (temp file + rename), readable only by the owner."""
    path = Path(path)
    if path.is_dir():
        raise MentorDeskError(translate("Errors", "{path} is a folder; give a file name").format(path=path))
    if not path.parent.exists():
        raise MentorDeskError(translate("Errors", "{parent} does not exist").format(parent=path.parent))
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def read_input(path: Path, *, limit: int = MAX_IMPORT_BYTES) -> bytes:
    """The bytes of a file to import, with errors a person understands."""
    path = Path(path)
    if not path.exists():
        raise MentorDeskError(translate("Errors", "{path}: no such file").format(path=path))
    if path.is_dir():
        raise MentorDeskError(translate("Errors", "{path} is a folder, not a file").format(path=path))
    size = path.stat().st_size
    if size > limit:
        raise ImportFormatError(
            translate("Errors", "{name} is too large to import ({megabytes} MB)").format(
                name=path.name, megabytes=size // (1024 * 1024)
            )
        )
    return path.read_bytes()


@dataclass(frozen=True)
class ImportResult:
    summary: str
    added: int
    updated: int
    backup: Path | None


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str
    size: int
    people: int | None
    meetings: int | None
    goals: int | None
    revision: str | None


class DataService(Service):
    # -- JSON ------------------------------------------------------------------------------------
    def export_document(self) -> dict[str, Any]:
        from mentordesk.store.migrate import HEAD_REVISION
        from mentordesk.store.portable import describe_schema, dump

        with self.db.reader() as s:
            tables = dump(s)
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "schema_revision": HEAD_REVISION,
            "exported_at": datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
            "schema": describe_schema(),
            "tables": tables,
        }

    @staticmethod
    def encode(document: dict[str, Any]) -> bytes:
        """Stable JSON with one record per line (readable, diff-friendly, and fast to write).

        The records are written by orjson, keys sorted: several times quicker than the
        standard library's encoder, and the same JSON but for spaces after the separators."""
        import orjson

        head = {k: v for k, v in document.items() if k != "tables"}
        parts = [
            json.dumps(head, ensure_ascii=False, sort_keys=True, indent=1)[:-2].encode(),
            b',\n "tables": {',
        ]
        sort_keys = orjson.OPT_SORT_KEYS
        dumps = orjson.dumps
        names = sorted(document["tables"])
        for n, name in enumerate(names):
            rows = document["tables"][name]
            parts.append(f"\n  {json.dumps(name)}: [".encode())
            parts.append(b",".join([b"\n   " + dumps(r, option=sort_keys) for r in rows]))
            parts.append(b"\n  ]" if rows else b"]")
            parts.append(b"," if n < len(names) - 1 else b"")
        parts.append(b"\n }\n}\n")
        return b"".join(parts)

    def export_json(self, path: Path) -> dict[str, int]:
        """Write everything to ``path``; returns the number of records per table."""
        document = self.export_document()
        write_private(Path(path), self.encode(document))
        return {name: len(rows) for name, rows in document["tables"].items()}

    @staticmethod
    def parse_json(data: bytes, filename: str) -> dict[str, Any]:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ImportFormatError(
                translate(
                    "Errors", "{filename} is not a MentorDesk JSON export: not UTF-8 text (byte {start})"
                ).format(filename=filename, start=exc.start)
            ) from None
        import orjson  # parses several times quicker than the standard library, to the same values

        try:
            document = orjson.loads(text)
        except json.JSONDecodeError as exc:  # orjson's error is a JSONDecodeError, with line and column
            raise ImportFormatError(
                translate("Errors", "{filename}: line {lineno} column {colno}: {msg}").format(
                    filename=filename, lineno=exc.lineno, colno=exc.colno, msg=exc.msg
                )
            ) from None
        except RecursionError:
            raise ImportFormatError(
                translate("Errors", "{filename}: the JSON is nested too deeply").format(filename=filename)
            ) from None
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise ImportFormatError(
                translate(
                    "Errors", '{filename} is not a MentorDesk JSON export (no "format": "{format}")'
                ).format(filename=filename, format=FORMAT)
            )
        version = document.get("format_version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise ImportFormatError(
                translate("Errors", "{filename}: format_version is missing").format(filename=filename)
            )
        if version > FORMAT_VERSION:
            raise ImportFormatError(
                translate(
                    "Errors",
                    "{filename} uses export format {version}, newer than this MentorDesk reads ({format_version})",
                ).format(filename=filename, version=version, format_version=FORMAT_VERSION)
            )
        return document

    def import_json(self, path: Path, *, dry_run: bool = False) -> ImportResult:
        """Import an export: into an empty database it restores exactly; otherwise merges by UUID.

        The import is one transaction; a backup is taken first (not for a dry run).
        """
        from mentordesk.store.portable import load

        path = Path(path)
        document = self.parse_json(read_input(path), path.name)
        saved = None if dry_run else self.backup_before("before-import")
        with self.db.session() as s:
            report = load(s, document, filename=path.name)
            if dry_run:
                s.rollback()
        return ImportResult(
            summary=("would have " if dry_run else "") + report.summary(),
            added=sum(report.added.values()),
            updated=sum(report.updated.values()),
            backup=saved,
        )

    # -- backups ---------------------------------------------------------------------------------
    def _require_file(self) -> Path:
        if self.db.path is None:
            raise MentorDeskError(translate("Errors", "this database lives in memory and has no backups"))
        return self.db.path

    def backup(self, out: Path | None = None, reason: str = "manual") -> Path:
        from mentordesk.store.backup import backup_database

        if out is not None:
            out = Path(out)
            if out.is_dir():
                raise MentorDeskError(
                    translate("Errors", "{out} is a folder; give a file name for the backup").format(out=out)
                )
            if not out.parent.exists():
                raise MentorDeskError(
                    translate("Errors", "{parent} does not exist").format(parent=out.parent)
                )
        return backup_database(self._require_file(), reason=reason, out=out)

    def auto_backup(self, retention: Retention | None = None) -> Path | None:
        """The start-up backup: when the last one is over a day old and the data changed since."""
        from mentordesk.store.backup import backup_database, needs_auto_backup

        path = self.db.path
        if path is None or not needs_auto_backup(path):
            return None
        return backup_database(path, reason="daily", retention=retention)

    def backups(self) -> list[BackupInfo]:
        from mentordesk.store.backup import list_backups

        return [
            describe_backup(b.path, b.taken_at, b.reason, b.size) for b in list_backups(self._require_file())
        ]


def describe_backup(path: Path, taken_at: datetime, reason: str, size: int) -> BackupInfo:
    people = meetings = goals = None
    revision = None
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            people = con.execute("SELECT count(*) FROM person").fetchone()[0]
            meetings = con.execute("SELECT count(*) FROM meeting").fetchone()[0]
            goals = con.execute("SELECT count(*) FROM goal").fetchone()[0]
            revision = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError:
        pass
    return BackupInfo(path, taken_at, reason, size, people, meetings, goals, revision)


def restore_database(db_path: Path, backup: Path) -> Path | None:
    """Replace the database at ``db_path`` with ``backup`` (no open connection may remain).

    The backup must be a MentorDesk database of a known revision; the current state is saved as
    a backup first (returned). An older backup is migrated when the database is next opened.
    """
    from mentordesk.store.backup import backup_database, integrity_ok, restore_file
    from mentordesk.store.migrate import check_revision, read_revision

    backup = Path(backup)
    if not backup.exists():
        raise MentorDeskError(translate("Errors", "{backup}: no such file").format(backup=backup))
    with backup.open("rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise DatabaseError(
                translate("Errors", "{backup} is not a MentorDesk database (not an SQLite file)").format(
                    backup=backup
                )
            )
    if not integrity_ok(backup):
        raise DatabaseError(
            translate("Errors", "{backup} is damaged (integrity check failed); nothing was restored").format(
                backup=backup
            )
        )
    revision = read_revision(backup)
    if revision is None:
        raise DatabaseError(
            translate("Errors", "{backup} is empty; nothing was restored").format(backup=backup)
        )
    check_revision(backup, revision)
    saved = None
    if db_path.exists() and db_path.stat().st_size > 0:
        try:
            saved = backup_database(db_path, reason="before-restore")
        except (sqlite3.DatabaseError, DatabaseError):
            saved = None  # the current file is damaged: restoring is the way out
    else:
        from mentordesk.paths import ensure_private_dir
        from mentordesk.store.db import create_file

        ensure_private_dir(db_path.parent)
        create_file(db_path)
    restore_file(backup, db_path)
    return saved
