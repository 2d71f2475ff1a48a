"""Every table as plain, portable records (for the JSON export) and back.

Rows are keyed by their UUID; a foreign key ``person_id`` is written as ``"person": <uuid>``;
link tables (no UUID of their own) as pairs of UUIDs. Dates are ISO dates, times ISO 8601 in
UTC, enums their string value. Records are sorted by UUID so the same data always gives the
same document.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from functools import partial
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, Float, Integer, Table
from sqlalchemy.orm import Session

from mentordesk.services.errors import ImportFormatError
from mentordesk.store.models import Base
from mentordesk.store.types import StrEnumType, UTCDateTime, stored_moment


def tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def _fk_target(column: Column[Any]) -> str | None:
    for fk in column.foreign_keys:
        return fk.column.table.name
    return None


def _key(column: Column[Any]) -> str:
    """The record key for a column: ``person_id`` -> ``person`` for foreign keys."""
    return column.name[:-3] if _fk_target(column) and column.name.endswith("_id") else column.name


def _encode(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    return value


def describe_schema() -> dict[str, dict[str, str]]:
    """Each table's record keys and their kinds (written into the export for readers)."""
    out: dict[str, dict[str, str]] = {}
    for table in tables():
        cols: dict[str, str] = {}
        for c in table.columns:
            if c.name == "id":
                continue
            target = _fk_target(c)
            cols[_key(c)] = f"uuid of {target}" if target else _kind(c)
        out[table.name] = cols
    return out


def _kind(c: Column[Any]) -> str:
    t = c.type
    if isinstance(t, StrEnumType):
        return "one of: " + ", ".join(m.value for m in t.enum_cls)
    if isinstance(t, UTCDateTime):
        return "UTC time (ISO 8601)"
    if isinstance(t, Date):
        return "date (YYYY-MM-DD)"
    if isinstance(t, Boolean):
        return "true/false"
    if isinstance(t, Integer):
        return "integer"
    if isinstance(t, Float):
        return "number"
    if isinstance(t, JSON):
        return "list"
    return "text"


def _encoder_for(c: Column[Any], uuid_of: dict[str, dict[int, str]]) -> Any:
    """How a raw stored value of ``c`` becomes its portable form (None: as it is)."""
    target = _fk_target(c)
    if target:
        ids = uuid_of[target]
        return lambda v: None if v is None else ids[v]
    t = c.type
    if isinstance(t, UTCDateTime):  # stored "YYYY-MM-DD HH:MM:SS.ffffff", naive UTC
        return lambda v: None if v is None else v.replace(" ", "T") + "Z"
    if isinstance(t, Boolean):
        return lambda v: None if v is None else bool(v)
    if isinstance(t, JSON):
        return lambda v: None if v is None else json.loads(v)
    if isinstance(t, Float):
        return lambda v: None if v is None else float(v)
    return None  # text, enums, integers and ISO dates are stored as they are written


def dump(session: Session) -> dict[str, list[dict[str, Any]]]:
    """All rows of all tables as portable records (read raw, for speed on large journals)."""
    conn = session.connection()
    uuid_of: dict[str, dict[int, str]] = {}
    for table in tables():
        if "uuid" in table.c:
            uuid_of[table.name] = dict(conn.exec_driver_sql(f'SELECT id, uuid FROM "{table.name}"').all())
    out: dict[str, list[dict[str, Any]]] = {}
    for table in tables():
        columns = [c for c in table.columns if c.name != "id"]
        keys = [_key(c) for c in columns]
        encoders = [_encoder_for(c, uuid_of) for c in columns]
        sql = "SELECT " + ", ".join(f'"{c.name}"' for c in columns) + f' FROM "{table.name}"'
        records = [
            {k: (v if enc is None else enc(v)) for k, enc, v in zip(keys, encoders, row, strict=True)}
            for row in conn.exec_driver_sql(sql)
        ]
        if "uuid" in table.c:
            records.sort(key=lambda r: r["uuid"])
        else:
            records.sort(key=lambda r: tuple(str(v) for v in r.values()))
        out[table.name] = records
    return out


@dataclass
class LoadReport:
    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)

    def count(self, bucket: dict[str, int], table: str) -> None:
        bucket[table] = bucket.get(table, 0) + 1

    def summary(self) -> str:
        def fmt(bucket: dict[str, int]) -> str:
            return ", ".join(f"{n} {t}" for t, n in sorted(bucket.items()) if n) or "nothing"

        return f"added {fmt(self.added)}; updated {fmt(self.updated)}; unchanged {fmt(self.unchanged)}"


def _storage_value(c: Column[Any], value: Any) -> Any:
    """A Python value (e.g. a column default) in the form SQLite stores it."""
    if value is None:
        return None
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return stored_moment(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if isinstance(c.type, JSON):
        return json.dumps(value)
    return value


class _Refused(Exception):
    """A field value that cannot be stored; the caller adds which record it is in."""


def _stored_moment(raw: str) -> str:
    """An ISO 8601 time with its offset as the naive UTC text SQLAlchemy stores
    (``YYYY-MM-DD HH:MM:SS.ffffff``); ValueError for a time without an offset."""
    if len(raw) == 27 and raw[10] == "T" and raw[26] == "Z":  # as the export writes them
        datetime.fromisoformat(raw[:26])  # a real time, or ValueError
        return f"{raw[:10]} {raw[11:26]}"
    moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError
    return stored_moment(moment)


class _Decoder:
    """Turns portable values into stored values, naming the record and field on any error."""

    def __init__(self, filename: str, id_of: dict[str, dict[str, int]]) -> None:
        self.filename = filename
        self.id_of = id_of

    def fail(self, where: str, message: str) -> ImportFormatError:
        return ImportFormatError(f"{self.filename}: {where}: {message}")

    def for_column(self, c: Column[Any]) -> Any:
        """A function raw value -> stored value for column ``c``, raising _Refused with the reason.

        Each column gets a function for its own type, decided once: a file of 250,000 records
        has over a million values to check."""
        key = _key(c)
        target = _fk_target(c)
        t = c.type
        nullable = c.nullable

        def missing() -> None:
            if not nullable:
                raise _Refused(f"field '{key}' is missing or empty")

        def bad(raw: Any) -> _Refused:
            return _Refused(f"field '{key}' should be {_kind(c)}, not {raw!r:.60}")

        if target:
            ids = self.id_of[target]

            def reference(raw: Any) -> Any:
                if raw is None:
                    return missing()
                if isinstance(raw, str):
                    found = ids.get(raw)
                    if found is not None:
                        return found
                raise _Refused(f"'{key}' points at {target} {raw!r:.60}, which is not in the file")

            return reference
        check: Any
        if isinstance(t, StrEnumType):
            allowed = {m.value for m in t.enum_cls}

            def check(raw: Any) -> Any:
                if isinstance(raw, str) and raw in allowed:
                    return raw
                raise ValueError

        elif isinstance(t, UTCDateTime):
            check = _stored_moment
        elif isinstance(t, Date):

            def check(raw: Any) -> Any:
                return date.fromisoformat(raw).isoformat()

        elif isinstance(t, Boolean):

            def check(raw: Any) -> Any:
                if not isinstance(raw, bool):
                    raise ValueError
                return int(raw)

        elif isinstance(t, Integer):

            def check(raw: Any) -> Any:
                if isinstance(raw, bool) or not isinstance(raw, int) or abs(raw) > 2**62:
                    raise ValueError
                return raw

        elif isinstance(t, Float):

            def check(raw: Any) -> Any:
                if isinstance(raw, bool) or not isinstance(raw, int | float) or raw != raw:
                    raise ValueError
                return float(raw)

        elif isinstance(t, JSON):

            def check(raw: Any) -> Any:
                if not isinstance(raw, list | dict):
                    raise ValueError
                return json.dumps(raw)

        else:

            def text(raw: Any) -> Any:
                if isinstance(raw, str):
                    return raw
                if raw is None:
                    return missing()
                raise bad(raw)

            return text

        def convert(raw: Any) -> Any:
            if raw is None:
                return missing()
            try:
                return check(raw)
            except (ValueError, TypeError, AttributeError, OverflowError):
                raise bad(raw) from None

        return convert

    def for_column_bulk(self, c: Column[Any]) -> Any:
        """A function list of raw values -> list of stored values for column ``c``, at C speed
        where it can be, or None when any value is not what an export writes (then the record
        by record path finds the first bad one and names it). The values it accepts give the
        same stored values as :meth:`for_column`'s function."""
        target = _fk_target(c)
        t = c.type
        nullable = c.nullable

        def fits(values: list[Any], kinds: tuple[type, ...]) -> bool:
            """Every value is of one of ``kinds``, or None where the column allows it."""
            return set(map(type, values)).issubset((*kinds, type(None)) if nullable else kinds)

        def each(values: list[Any], convert: Any) -> list[Any] | None:
            try:
                if nullable:
                    return [None if v is None else convert(v) for v in values]
                return [convert(v) for v in values]
            except (KeyError, ValueError, TypeError, AttributeError, IndexError, OverflowError):
                return None

        if target:
            return partial(each, convert=self.id_of[target].__getitem__)
        if isinstance(t, StrEnumType):
            allowed = {m.value for m in t.enum_cls} | ({None} if nullable else set())

            def enum(values: list[Any]) -> list[Any] | None:
                try:
                    return values if allowed.issuperset(values) else None
                except TypeError:  # an unhashable value
                    return None

            return enum
        if isinstance(t, UTCDateTime):
            return partial(each, convert=_stored_moment)
        if isinstance(t, Date):
            return partial(each, convert=lambda raw: date.fromisoformat(raw).isoformat())
        if isinstance(t, Boolean):
            return lambda values: (
                [None if v is None else int(v) for v in values] if fits(values, (bool,)) else None
            )
        if isinstance(t, Integer):

            def integer(values: list[Any]) -> list[Any] | None:
                if not fits(values, (int,)):
                    return None
                present = [v for v in values if v is not None]
                if present and (max(present) > 2**62 or min(present) < -(2**62)):
                    return None
                return values

            return integer
        if isinstance(t, Float):

            def real(values: list[Any]) -> list[Any] | None:
                if not fits(values, (int, float)) or any(v != v for v in values if v is not None):
                    return None
                return [None if v is None else float(v) for v in values]

            return real
        if isinstance(t, JSON):
            return lambda values: (
                [None if v is None else json.dumps(v) for v in values] if fits(values, (list, dict)) else None
            )
        return lambda values: values if fits(values, (str,)) else None


def load(session: Session, document: dict[str, Any], *, filename: str = "file") -> LoadReport:
    """Insert or update (by UUID) every record of ``document['tables']`` inside the caller's transaction.

    The full-text index triggers are set aside while rows go in, and the index is rebuilt once
    at the end: much faster for large files, and the same result.
    """
    from mentordesk.store import search_index

    data = document.get("tables")
    if not isinstance(data, dict):
        raise ImportFormatError(f"{filename}: no 'tables' object found")
    known = {t.name for t in tables()}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ImportFormatError(f"{filename}: unknown table '{unknown[0]}' (written by a newer MentorDesk?)")
    conn = session.connection()
    report = LoadReport()
    id_of: dict[str, dict[str, int]] = {}
    for table in tables():
        if "uuid" in table.c:
            id_of[table.name] = dict(conn.exec_driver_sql(f'SELECT uuid, id FROM "{table.name}"').all())
    decoder = _Decoder(filename, id_of)
    search_index.drop_triggers(conn)
    for table in tables():
        records = data.get(table.name, [])
        if not isinstance(records, list):
            raise ImportFormatError(f"{filename}: '{table.name}' should be a list of records")
        _load_table(conn, table, records, report, decoder)
    search_index.rebuild(conn)
    search_index.create_triggers(conn)
    return report


def _load_table(
    conn: Any, table: Table, records: Iterable[Any], report: LoadReport, decoder: _Decoder
) -> None:
    columns = [c for c in table.columns if c.name != "id"]
    keys = [_key(c) for c in columns]
    converters = [decoder.for_column(c) for c in columns]
    defaults = [_default(c) for c in columns]
    names = ", ".join(f'"{c.name}"' for c in columns)
    keyed = "uuid" in table.c
    uuid_at = keys.index("uuid") if keyed else -1
    ids = decoder.id_of.get(table.name, {})
    existing: dict[Any, tuple[Any, ...]] = {}
    if keyed and ids:
        for row in conn.exec_driver_sql(f'SELECT id, {names} FROM "{table.name}"'):
            existing[row[0]] = tuple(row[1:])
    links: set[tuple[Any, ...]] = set()
    if not keyed:
        links = {tuple(r) for r in conn.exec_driver_sql(f'SELECT {names} FROM "{table.name}"')}
    next_id = (
        conn.exec_driver_sql(f'SELECT coalesce(max(id), 0) + 1 FROM "{table.name}"').scalar() if keyed else 0
    )
    inserts: list[tuple[Any, ...]] = []
    updates: list[tuple[Any, ...]] = []
    fields = list(zip(keys, converters, defaults, strict=True))
    rows = _bulk_rows(records, keys, [decoder.for_column_bulk(c) for c in columns])
    if rows is None:
        rows = []
        for n, rec in enumerate(records, start=1):
            if not isinstance(rec, dict):
                raise decoder.fail(f"{table.name} record {n}", "is not an object")
            get = rec.get
            try:
                rows.append(
                    tuple(
                        [
                            conv(get(key)) if default is _NO_DEFAULT or key in rec else default()
                            for key, conv, default in fields
                        ]
                    )
                )
            except _Refused as refused:
                where = f"{table.name} record {n}"
                if keyed and isinstance(rec.get("uuid"), str):
                    where += f" ({rec['uuid']})"
                raise decoder.fail(where, str(refused)) from None
    for values in rows:
        if keyed:
            uid = values[uuid_at]
            if uid in ids:
                row_id = ids[uid]
                if existing.get(row_id) == values:
                    report.count(report.unchanged, table.name)
                else:
                    updates.append((*values, row_id))
                    report.count(report.updated, table.name)
                continue
            ids[uid] = next_id
            inserts.append((next_id, *values))
            next_id += 1
        else:
            if values in links:
                report.count(report.unchanged, table.name)
                continue
            links.add(values)
            inserts.append(values)
        report.count(report.added, table.name)
    marks = ", ".join("?" for _ in columns)
    if inserts and keyed:
        conn.exec_driver_sql(f'INSERT INTO "{table.name}" (id, {names}) VALUES (?, {marks})', inserts)
    elif inserts:
        conn.exec_driver_sql(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', inserts)
    if updates:
        sets = ", ".join(f'"{c.name}" = ?' for c in columns)
        conn.exec_driver_sql(f'UPDATE "{table.name}" SET {sets} WHERE id = ?', updates)


_NO_DEFAULT: Any = object()
_MISSING: Any = object()


def _bulk_rows(records: Any, keys: list[str], bulks: list[Any]) -> list[tuple[Any, ...]] | None:
    """The records' stored values, converted column by column, or None when the record by record
    path has to decide (a record that is not an object, leaves a field out, or holds a value
    that an export does not write)."""
    if not isinstance(records, list) or not all(type(r) is dict for r in records):
        return None
    columns: list[list[Any]] = []
    for key, bulk in zip(keys, bulks, strict=True):
        raw = [r.get(key, _MISSING) for r in records]
        if _MISSING in raw:
            return None
        converted = bulk(raw)
        if converted is None:
            return None
        columns.append(converted)
    return list(zip(*columns, strict=True))


def _default(c: Column[Any]) -> Any:
    """A function giving the stored default of a field a record leaves out (or _NO_DEFAULT)."""
    if c.name == "uuid" or c.default is None:
        return (lambda: None) if c.nullable and c.name != "uuid" else _NO_DEFAULT
    arg = c.default.arg  # type: ignore[attr-defined]
    if callable(arg):
        return lambda: _storage_value(c, arg(None))
    return lambda: _storage_value(c, arg)
