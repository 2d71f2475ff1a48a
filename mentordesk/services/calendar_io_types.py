"""What an iCalendar import reads and does, and the file helpers the import and export share."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from mentordesk.domain.text import translate
from mentordesk.services.errors import ImportFormatError

if TYPE_CHECKING:
    from mentordesk.formats.ics import IcsEvent

MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class PlannedEvent:
    """One event of a file and what importing it would do."""

    key: tuple[str, str]  # (UID, occurrence): what makes a re-import add nothing
    summary: str
    start: datetime
    all_day: bool
    relationship_id: int | None  # matched by email or name; None when nobody matched
    person: str
    matched_by: str  # "email", "name" or ""
    duplicate: bool  # already in the database (or earlier in the same file)
    event: IcsEvent


@dataclass
class ImportPlan:
    filename: str
    events: list[PlannedEvent]
    skipped: list[tuple[str, str]]  # (where, reason)
    cancelled: int

    def unmatched(self) -> list[PlannedEvent]:
        return [e for e in self.events if not e.duplicate and e.relationship_id is None]


@dataclass(frozen=True)
class ImportSummary:
    filename: str
    added: int
    already: int
    assigned: int
    unassigned: int
    cancelled: int
    skipped: tuple[tuple[str, str], ...]
    dry_run: bool
    meeting_ids: tuple[int, ...] = field(default=())

    def lines(self) -> list[str]:
        if self.dry_run and self.added == 1:
            first = translate(
                "CalendarImport",
                "{file}: would import 1 meeting ({assigned} matched to a relationship, {unassigned} unassigned)",
            )
        elif self.dry_run:
            first = translate(
                "CalendarImport",
                "{file}: would import {count} meetings ({assigned} matched to a relationship, {unassigned} unassigned)",
            )
        elif self.added == 1:
            first = translate(
                "CalendarImport",
                "{file}: imported 1 meeting ({assigned} matched to a relationship, {unassigned} unassigned)",
            )
        else:
            first = translate(
                "CalendarImport",
                "{file}: imported {count} meetings ({assigned} matched to a relationship, {unassigned} unassigned)",
            )
        out = [
            first.format(
                file=self.filename, count=self.added, assigned=self.assigned, unassigned=self.unassigned
            )
        ]
        if self.already:
            out.append(
                translate("CalendarImport", "{count} already imported before, left as they are").format(
                    count=self.already
                )
            )
        if self.cancelled == 1:
            out.append(translate("CalendarImport", "1 cancelled event left out"))
        elif self.cancelled:
            out.append(
                translate("CalendarImport", "{count} cancelled events left out").format(count=self.cancelled)
            )
        for where, reason in self.skipped:
            out.append(
                translate("CalendarImport", "skipped {where}: {reason}").format(where=where, reason=reason)
            )
        if self.dry_run:
            out.append(translate("CalendarImport", "dry run: nothing was changed"))
        return out


def write_private_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` owner-only (0600), whole or not at all (temporary file, then rename)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def read_calendar_file(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ImportFormatError(
                translate("Errors", "{name} is larger than {megabytes} MB").format(
                    name=path.name, megabytes=MAX_FILE_BYTES // (1024 * 1024)
                )
            )
        return path.read_bytes()
    except IsADirectoryError:
        raise ImportFormatError(
            translate("Errors", "{path} is a folder, not an iCalendar file").format(path=path)
        ) from None
    except FileNotFoundError:
        raise ImportFormatError(translate("Errors", "{path}: no such file").format(path=path)) from None
    except OSError as exc:
        raise ImportFormatError(
            translate("Errors", "{path}: cannot be read ({reason})").format(
                path=path, reason=exc.strerror or exc
            )
        ) from None
