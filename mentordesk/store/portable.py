"""Every table as plain, portable records (for the JSON export) and back.

Rows are keyed by their UUID; a foreign key ``person_id`` is written as ``"person": <uuid>``;
link tables (no UUID of their own) as pairs of UUIDs. Dates are ISO dates, times ISO 8601 in
UTC, enums their string value. Records are sorted by UUID so the same data always gives the
same document.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, Float, Integer, String, Table, Text, func, select
from sqlalchemy.orm import Session

from mentordesk.services.errors import ImportFormatError
from mentordesk.store.models import Base
from mentordesk.store.types import StrEnumType, UTCDateTime


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


def dump(session: Session) -> dict[str, list[dict[str, Any]]]:
    """All rows of all tables as portable records."""
    uuid_of: dict[str, dict[int, str]] = {}
    for table in tables():
        if "uuid" in table.c:
            uuid_of[table.name] = dict(session.execute(select(table.c.id, table.c.uuid)).all())
    out: dict[str, list[dict[str, Any]]] = {}
    for table in tables():
        records = []
        for row in session.execute(select(table)).mappings():
            rec: dict[str, Any] = {}
            for c in table.columns:
                if c.name == "id":
                    continue
                value = row[c.name]
                target = _fk_target(c)
                if target and value is not None:
                    value = uuid_of[target][value]
                rec[_key(c)] = _encode(value)
            records.append(rec)
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


class _Decoder:
    def __init__(self, filename: str) -> None:
        self.filename = filename

    def fail(self, where: str, message: str) -> ImportFormatError:
        return ImportFormatError(f"{self.filename}: {where}: {message}")

    def value(self, c: Column[Any], raw: Any, where: str) -> Any:
        if raw is None:
            if not c.nullable:
                raise self.fail(where, f"field '{_key(c)}' is missing or empty")
            return None
        t = c.type
        try:
            if isinstance(t, StrEnumType):
                if not isinstance(raw, str):
                    raise ValueError
                return t.enum_cls(raw)
            if isinstance(t, UTCDateTime):
                moment = datetime.fromisoformat(str(raw).replace("Z", "+00:00"))
                if moment.tzinfo is None:
                    raise ValueError
                return moment
            if isinstance(t, Date):
                return date.fromisoformat(str(raw))
            if isinstance(t, Boolean):
                if not isinstance(raw, bool):
                    raise ValueError
                return raw
            if isinstance(t, Integer):
                if isinstance(raw, bool) or not isinstance(raw, int):
                    raise ValueError
                return raw
            if isinstance(t, Float):
                if isinstance(raw, bool) or not isinstance(raw, int | float):
                    raise ValueError
                return float(raw)
            if isinstance(t, JSON):
                if not isinstance(raw, list | dict):
                    raise ValueError
                return raw
            if isinstance(t, String | Text):
                if not isinstance(raw, str):
                    raise ValueError
                return raw
        except (ValueError, TypeError, OverflowError):
            raise self.fail(where, f"field '{_key(c)}' should be {_kind(c)}, not {raw!r:.60}") from None
        return raw


def load(session: Session, document: dict[str, Any], *, filename: str = "file") -> LoadReport:
    """Insert or update (by UUID) every record of ``document['tables']`` inside the caller's transaction."""
    decoder = _Decoder(filename)
    data = document.get("tables")
    if not isinstance(data, dict):
        raise ImportFormatError(f"{filename}: no 'tables' object found")
    known = {t.name for t in tables()}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ImportFormatError(f"{filename}: unknown table '{unknown[0]}' (written by a newer MentorDesk?)")
    report = LoadReport()
    id_of: dict[str, dict[str, int]] = {}
    for table in tables():
        if "uuid" in table.c:
            id_of[table.name] = dict(session.execute(select(table.c.uuid, table.c.id)).all())
    for table in tables():
        records = data.get(table.name, [])
        if not isinstance(records, list):
            raise ImportFormatError(f"{filename}: '{table.name}' should be a list of records")
        _load_table(session, table, records, id_of, report, decoder)
    return report


def _load_table(
    session: Session,
    table: Table,
    records: Iterable[Any],
    id_of: dict[str, dict[str, int]],
    report: LoadReport,
    decoder: _Decoder,
) -> None:
    columns = [c for c in table.columns if c.name != "id"]
    keyed = "uuid" in table.c
    existing_links: set[tuple[Any, ...]] = set()
    next_id = (
        int(session.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()) + 1 if keyed else 0
    )
    if not keyed:
        existing_links = {tuple(r) for r in session.execute(select(*columns)).all()}
    inserts: list[dict[str, Any]] = []
    for n, rec in enumerate(records, start=1):
        where = f"{table.name} record {n}"
        if not isinstance(rec, dict):
            raise decoder.fail(where, "is not an object")
        if keyed and isinstance(rec.get("uuid"), str):
            where += f" ({rec['uuid']})"
        values: dict[str, Any] = {}
        for c in columns:
            key = _key(c)
            if key not in rec and (c.default is not None or c.nullable) and key != "uuid":
                continue
            raw = rec.get(key)
            target = _fk_target(c)
            if target and raw is not None:
                if not isinstance(raw, str) or raw not in id_of[target]:
                    raise decoder.fail(
                        where, f"'{key}' points at {target} {raw!r:.60}, which is not in the file"
                    )
                values[c.name] = id_of[target][raw]
            else:
                values[c.name] = decoder.value(c, raw, where)
        if keyed:
            uid = values["uuid"]
            if uid in id_of[table.name]:
                row_id = id_of[table.name][uid]
                current = session.execute(select(*columns).where(table.c.id == row_id)).mappings().one()
                if all(current[k] == v for k, v in values.items()):
                    report.count(report.unchanged, table.name)
                else:
                    session.execute(table.update().where(table.c.id == row_id).values(**values))
                    report.count(report.updated, table.name)
                continue
            values["id"] = next_id
            id_of[table.name][uid] = next_id
            next_id += 1
            inserts.append(values)
            report.count(report.added, table.name)
        else:
            link = tuple(values.get(c.name) for c in columns)
            if link in existing_links:
                report.count(report.unchanged, table.name)
                continue
            existing_links.add(link)
            inserts.append(values)
            report.count(report.added, table.name)
    # Rows inserted together share one column set (SQLAlchemy batches executemany by keys).
    by_keys: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for values in inserts:
        by_keys.setdefault(tuple(sorted(values)), []).append(values)
    for batch in by_keys.values():
        session.execute(table.insert(), batch)
