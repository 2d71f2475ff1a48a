"""Read LinkedIn's ``Connections.csv`` export into :class:`ContactRecord` values.

Layouts seen in the wild:

* current: a notes preamble ("Notes:", a quoted sentence about e-mail addresses, a blank
  line), then ``First Name,Last Name,URL,Email Address,Company,Position,Connected On`` with
  dates like ``15 Mar 2024``;
* older: no preamble, no URL column, dates like ``1/8/18, 6:14 PM`` (month/day/year).

The header row is found by its column names, in any case and order. A file re-saved by a
spreadsheet may use semicolons or tabs between columns, or Windows-1252 instead of UTF-8;
both are accepted.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date

from mentordesk.formats.contacts import (
    ContactParseResult,
    ContactRecord,
    SkippedRecord,
    clean_name,
    excerpt,
    format_error,
    no_records_error,
    one_line,
)

_NOT_LINKEDIN = "is not a LinkedIn connections export"
_HEADER_SEARCH_LINES = 100  # the preamble is a few lines; the header is never far down
_DELIMITERS = (",", ";", "\t")

# Header names (lower case, single spaces) to the field they fill.
_COLUMNS = {
    "first name": "first",
    "last name": "last",
    "url": "url",
    "profile url": "url",
    "email address": "email",
    "e-mail address": "email",
    "email": "email",
    "company": "company",
    "position": "position",
    "connected on": "connected_on",
}

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        1,
    )
    for name in names
}
_TIME = r"(?:,?\s*(?:T|\s)?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,5}|Z)?)?"
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[\s-]+([A-Za-z]+)\.?,?[\s-]+(\d{4})" + _TIME)
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})" + _TIME)
_NUMERIC_US = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})" + _TIME)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})" + _TIME)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def parse_linkedin(data: bytes, filename: str = "file") -> ContactParseResult:
    """Read every connection in ``data``.

    Raises :class:`ImportFormatError` when the file is not a connections export or no
    connection in it can be read; otherwise returns at least one record.
    """
    text = _decode(bytes(data))
    if not text.strip():
        raise format_error(filename, f"{_NOT_LINKEDIN}: the file is empty")
    lines = _LINE_BREAK.split(text)
    found = _find_header(lines)
    if found is None:
        raise format_error(filename, f"{_NOT_LINKEDIN}: no 'First Name' column found")
    header_index, delimiter = found

    records: list[ContactRecord] = []
    skipped: list[SkippedRecord] = []
    warnings: list[str] = []
    body = "\n".join(lines[header_index:])
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=delimiter)
    columns: dict[str, int] = {}
    while True:
        row_line = header_index + 1 + reader.line_num  # 1-based line the next row starts on
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            skipped.append(
                SkippedRecord(f"line {row_line}", f"the row could not be read ({one_line(str(err))})")
            )
            continue
        if not columns:
            columns = _column_map(row)
            continue
        if not any(cell.strip() for cell in row):
            continue
        record, problem, warning = _read_row(row, columns, f"line {row_line}")
        if record is not None:
            records.append(record)
        else:
            skipped.append(SkippedRecord(f"line {row_line}", problem))
        if warning:
            warnings.append(warning)
    if not records:
        raise no_records_error(filename, "connections", skipped)
    return ContactParseResult(records=records, skipped=skipped, warnings=warnings)


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace").lstrip("\ufeff")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _normalise(cell: str) -> str:
    return " ".join(cell.replace("\ufeff", "").split()).lower()


def _find_header(lines: list[str]) -> tuple[int, str] | None:
    """Index of the header line and its delimiter, or None."""
    for index, line in enumerate(lines[:_HEADER_SEARCH_LINES]):
        if "first name" not in _normalise(line):
            continue
        for delimiter in _DELIMITERS:
            try:
                cells = next(csv.reader([line], delimiter=delimiter), [])
            except csv.Error:
                continue
            if "first name" in {_normalise(cell) for cell in cells}:
                return index, delimiter
    return None


def _column_map(header: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = _COLUMNS.get(_normalise(cell))
        if key and key not in columns:
            columns[key] = index
    return columns


def _read_row(row: list[str], columns: dict[str, int], where: str) -> tuple[ContactRecord | None, str, str]:
    """The record for ``row`` or why it was skipped, and a warning (or "")."""

    def cell(key: str) -> str:
        index = columns.get(key)
        return row[index].strip() if index is not None and index < len(row) else ""

    name = clean_name(f"{clean_name(cell('first'))} {clean_name(cell('last'))}")
    if not name:
        return None, "the row has neither a first nor a last name", ""
    warning = ""
    raw_date = cell("connected_on")
    connected_on = parse_connected_on(raw_date) if raw_date else None
    if raw_date and connected_on is None:
        warning = (
            f"{where}: the 'Connected On' date {excerpt(raw_date)} could not be read, "
            f"so {name} was imported without it"
        )
    email = cell("email")
    record = ContactRecord(
        name=name,
        emails=(email,) if email else (),
        organization=clean_name(cell("company")),
        title=clean_name(cell("position")),
        url=cell("url"),
        connected_on=connected_on,
        source="linkedin",
        where=where,
    )
    return record, "", warning


def parse_connected_on(text: str) -> date | None:
    """A "Connected On" value as a date, or None if it cannot be read.

    Accepts ``15 Mar 2024``, ``Mar 15, 2024``, ``1/8/18, 6:14 PM`` (month/day/year, as in
    older exports) and ``2024-03-15``.
    """
    text = text.strip()
    try:
        if match := _DAY_MONTH_YEAR.fullmatch(text):
            day, month_name, year = match.groups()
            month = _MONTHS.get(month_name.lower())
            return date(int(year), month, int(day)) if month else None
        if match := _MONTH_DAY_YEAR.fullmatch(text):
            month_name, day, year = match.groups()
            month = _MONTHS.get(month_name.lower())
            return date(int(year), month, int(day)) if month else None
        if match := _NUMERIC_US.fullmatch(text):
            month_text, day, year_text = match.groups()
            year = int(year_text)
            if len(year_text) == 2:
                year += 2000 if year < 70 else 1900
            return date(year, int(month_text), int(day))
        if match := _ISO.fullmatch(text):
            year, month_text, day = match.groups()
            return date(int(year), int(month_text), int(day))
    except ValueError:  # a day or month out of range, such as 31 Feb
        return None
    return None
