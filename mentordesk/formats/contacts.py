"""Contact records read from address-book exports, and what could not be read.

The parsers turn a whole file (given as bytes) into :class:`ContactRecord` values without
touching the database: :func:`parse_vcard` for ``.vcf`` files and :func:`parse_linkedin` for
LinkedIn's ``Connections.csv``. A file that is not of the expected kind, or has nothing in
it that can be read, raises :class:`~mentordesk.services.errors.ImportFormatError` with a
one-line message naming the file. Within a readable file, a card or row that cannot be read
is listed in :attr:`ContactParseResult.skipped` with its reason, and smaller problems (a
damaged photo, a date that cannot be read) go to :attr:`ContactParseResult.warnings`.

The format modules are imported only when called, so that importing this module stays cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from mentordesk.services.errors import ImportFormatError


@dataclass(frozen=True)
class ContactRecord:
    """One person read from a contact file."""

    name: str  # display name, never empty (records without a name are skipped)
    emails: tuple[str, ...] = ()  # first is the preferred one (PREF / TYPE=pref honoured)
    phones: tuple[str, ...] = ()
    organization: str = ""
    title: str = ""
    url: str = ""  # profile URL
    note: str = ""  # vCard NOTE
    connected_on: date | None = None  # LinkedIn "Connected On"
    source: str = ""  # "vcard" or "linkedin"
    where: str = ""  # human location in the file, e.g. "line 12" or "card 3 (line 40)"


@dataclass(frozen=True)
class SkippedRecord:
    """A card or row that was left out, and why."""

    where: str  # e.g. "line 7" / "card 2 (line 12)"
    reason: str  # a sentence a person understands


@dataclass
class ContactParseResult:
    """Everything read from one file. ``records`` is never empty."""

    records: list[ContactRecord]
    skipped: list[SkippedRecord]
    warnings: list[str]  # e.g. "card 3 (line 40): photo could not be read and was left out"


def parse_vcard(data: bytes, filename: str = "file") -> ContactParseResult:
    """Read a vCard file (2.1, 3.0 or 4.0). See :mod:`mentordesk.formats.vcard`."""
    from mentordesk.formats.vcard import parse_vcard as _parse_vcard

    return _parse_vcard(data, filename)


def parse_linkedin(data: bytes, filename: str = "file") -> ContactParseResult:
    """Read LinkedIn's Connections.csv. See :mod:`mentordesk.formats.linkedin`."""
    from mentordesk.formats.linkedin import parse_linkedin as _parse_linkedin

    return _parse_linkedin(data, filename)


# --- helpers shared by the format modules ------------------------------------------------

_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x1c-\x1e\x85]+")
_SPACE_RUNS = re.compile(r"[ \t\r\n]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def one_line(text: str) -> str:
    """``text`` with line breaks turned into spaces, for messages shown on one line."""
    return _LINE_BREAKS.sub(" ", text).strip()


def format_error(filename: str, problem: str) -> ImportFormatError:
    """An :class:`ImportFormatError` whose message is ``"<filename> <problem>"`` on one line."""
    return ImportFormatError(one_line(f"{filename} {problem}"))


def clean_name(text: str) -> str:
    """A display name: control characters dropped, runs of ASCII white space and line breaks
    made one space. Other spaces (such as the ideographic space in Japanese names) are kept
    inside the name.
    """
    return _SPACE_RUNS.sub(" ", _CONTROL.sub("", text)).strip()


def excerpt(text: str, limit: int = 40) -> str:
    """A short quoted piece of ``text`` for messages."""
    text = one_line(text)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"


def no_records_error(filename: str, what: str, skipped: list[SkippedRecord]) -> ImportFormatError:
    """The error for a file in which nothing could be read, naming the first problem."""
    if not skipped:
        return format_error(filename, f"contains no {what}")
    first = skipped[0]
    more = f" (and {len(skipped) - 1} more)" if len(skipped) > 1 else ""
    return format_error(filename, f"has no {what} that could be read: {first.where}: {first.reason}{more}")
