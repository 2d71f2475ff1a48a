"""SQL behind the insight charts: each chart reads a constant number of statements.

Meetings are counted by their calendar day as the user sees it: the local date of the
stored UTC start (SQLite's ``localtime``, the same zone Python's ``astimezone()`` uses), or
the UTC date of an all-day meeting. Counting and summing happens in SQL (``GROUP BY``);
Python only arranges the grouped rows into the chart series.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, case, func, select
from sqlalchemy.orm import Session

from mentordesk.domain.cadence import periods_met
from mentordesk.domain.enums import FocusArea, MeetingStatus, RelStatus
from mentordesk.domain.series import (
    AdherenceRow,
    FocusRow,
    MeetingFrequency,
)
from mentordesk.domain.text import translate
from mentordesk.services.insights_types import (
    InsightsFilter,
    Period,
    active_spans,
    clip,
    month_starts,
)
from mentordesk.services.raw import placeholders
from mentordesk.store.models import (
    Goal,
    Meeting,
    Person,
    ProgressEntry,
    Relationship,
    StatusChange,
)
from mentordesk.store.types import stored_moment

DAYS_PER_MONTH = 30.44
"""The average length of a month, to turn a cadence in days into meetings per month."""

MAX_STACKED = 8
"""At most this many stacks in the meetings chart (the palette's colours); the rest are merged."""

HELD = MeetingStatus.HELD.value
TRACKED = (RelStatus.ACTIVE.value, RelStatus.PAUSED.value, RelStatus.ENDED.value)
"""Relationships that have (had) meetings: the others are still being asked or were declined."""


def meeting_day() -> ColumnElement[Any]:
    """The calendar day of a meeting (``YYYY-MM-DD`` text), as the user sees it."""
    return case(
        (Meeting.all_day.is_(True), func.date(Meeting.start)),
        else_=func.date(Meeting.start, "localtime"),
    )


S = TypeVar("S", bound=Select)  # type: ignore[type-arg]


def in_period(stmt: S, period: Period) -> S:
    """Only meetings whose day falls in ``period``.

    A coarse bound on the stored start (a day either side covers every time zone) lets
    SQLite use the start index; the exact test is on the local day.
    """
    lo = datetime.combine(period.start - timedelta(days=1), time.min, tzinfo=UTC)
    hi = datetime.combine(period.end + timedelta(days=2), time.min, tzinfo=UTC)
    day = meeting_day()
    return stmt.where(
        Meeting.start >= lo,
        Meeting.start < hi,
        day >= period.start.isoformat(),
        day <= period.end.isoformat(),
    )


def only_relationships(stmt: S, column: Any, ids: Sequence[int] | None) -> S:
    return stmt if ids is None else stmt.where(column.in_(list(ids)))


def _day(text: str | date | None) -> date | None:
    if text is None or isinstance(text, date):
        return text
    return date.fromisoformat(str(text)[:10])


def display_names(rows: Sequence[tuple[int, str]]) -> dict[int, str]:
    """Relationship id -> the person's name; a repeated name gets a number so legends stay apart."""
    seen: dict[str, int] = defaultdict(int)
    names: dict[int, str] = {}
    for rel_id, name in rows:
        seen[name] += 1
        names[rel_id] = name if seen[name] == 1 else f"{name} ({seen[name]})"
    return names


# --------------------------------------------------------------------------- first day with data


def first_data_day(session: Session) -> date | None:
    """The earliest day anything happened: a meeting, a relationship start, a goal start or progress."""
    candidates = [
        session.scalar(select(func.min(meeting_day())).where(Meeting.status == HELD)),
        session.scalar(select(func.min(Relationship.started_on))),
        session.scalar(select(func.min(Goal.start_on))),
        session.scalar(select(func.min(ProgressEntry.on))),
    ]
    days = [d for d in (_day(c) for c in candidates) if d is not None]
    return min(days) if days else None


# --------------------------------------------------------------------------- relationships


def relationship_rows(session: Session, ids: Sequence[int] | None) -> list[Any]:
    """Tracked relationships (or those in ``ids``) with the person's name, in name order."""
    stmt = (
        select(
            Relationship.id,
            Person.name,
            Relationship.status,
            Relationship.cadence_days,
            Relationship.started_on,
            Relationship.ended_on,
        )
        .join(Person, Person.id == Relationship.person_id)
        .order_by(func.lower(Person.name), Relationship.id)
    )
    if ids is None:
        stmt = stmt.where(Relationship.status.in_(TRACKED))
    else:
        stmt = stmt.where(Relationship.id.in_(list(ids)))
    return list(session.execute(stmt))


def status_history(session: Session, ids: Sequence[int]) -> dict[int, list[tuple[date, str]]]:
    """Relationship id -> its status changes in date order, for the given relationships."""
    history: dict[int, list[tuple[date, str]]] = defaultdict(list)
    if not ids:
        return history
    stmt = (
        select(StatusChange.relationship_id, StatusChange.changed_on, StatusChange.status)
        .where(StatusChange.relationship_id.in_(list(ids)))
        .order_by(StatusChange.relationship_id, StatusChange.changed_on, StatusChange.id)
    )
    for rel_id, day, status in session.execute(stmt):
        history[rel_id].append((day, str(status)))
    return history


def spans_by_relationship(
    session: Session, rels: Sequence[Any], until: date
) -> dict[int, list[tuple[date, date]]]:
    """Relationship id -> the stretches it was active up to ``until`` (one statement for all)."""
    history = status_history(session, [r.id for r in rels])
    return {
        r.id: active_spans(str(r.status), r.started_on, r.ended_on, history.get(r.id, []), until)
        for r in rels
    }


# --------------------------------------------------------------------------- meetings per month


# The local calendar day of a meeting (``YYYY-MM-DD``), as :func:`meeting_day` gives it, in SQL.
_MEETING_DAY_SQL = "CASE WHEN m.all_day IS 1 THEN date(m.start) ELSE date(m.start, 'localtime') END"

# Its month (``YYYY-MM``). No time zone is more than 14 hours from UTC, so a meeting on the 2nd
# to the 27th of a month, in UTC, falls in that month wherever the user is: only the others
# need SQLite's slower conversion to local time.
_MEETING_MONTH_SQL = f"""CASE WHEN m.all_day IS 1 OR substr(m.start, 9, 2) BETWEEN '02' AND '27'
  THEN substr(m.start, 1, 7) ELSE substr({_MEETING_DAY_SQL}, 1, 7) END"""

# Meetings are counted per relationship and month first; the names join the few grouped rows,
# not every meeting. Within the period's inner days (the second ? pair) a meeting is in the
# period in any time zone; only those near its ends have their local day worked out.
_FREQUENCY_SQL = f"""
SELECT g.relationship_id, p.name, g.month, g.meetings
FROM (
  SELECT m.relationship_id, {_MEETING_MONTH_SQL} AS month, count(*) AS meetings
  FROM meeting AS m
  WHERE {{status}} = '{HELD}' AND {{start}} >= ? AND {{start}} < ?
    AND (+m.start >= ? AND +m.start < ? OR {_MEETING_DAY_SQL} BETWEEN ? AND ?) {{only}}
  GROUP BY m.relationship_id, month
) AS g
JOIN relationship AS r ON r.id = g.relationship_id
JOIN person AS p ON p.id = r.person_id
"""
# Over a short period SQLite should find the meetings by their start, not by their status (most
# meetings are held, and each one found by status is then read to test its start): "+" keeps
# the status column out of the index choice. Over many years the status index is the quicker.
# A start tested row by row is written "+m.start" too: the column's numeric affinity would
# otherwise have SQLite try to read the text bound beside it as a number at every row.
_BY_START_UP_TO = timedelta(days=2 * 366)

_TARGET_SQL = f"""
SELECT sum({DAYS_PER_MONTH} / (r.cadence_days + 0.0)) FROM relationship AS r
WHERE r.status = '{RelStatus.ACTIVE.value}' AND r.cadence_days > 0 {{only}}
"""


def meeting_frequency(con: sqlite3.Connection, flt: InsightsFilter) -> MeetingFrequency:
    """Held meetings per month and relationship in the period (one grouped statement, one for the target).

    Read in SQL over the plain connection (:meth:`Database.raw`): the insights tab draws this
    chart first, and it should not wait for SQLAlchemy to compile a statement.

    Relationships are ordered by meetings held, most first; beyond :data:`MAX_STACKED` the
    people with the fewest meetings are merged into one "Everyone else" stack. The target is
    the sum, over the relationships in the filter that are active now, of
    :data:`DAYS_PER_MONTH` / cadence in days.
    """
    period = flt.period
    months = month_starts(period.start, period.end)

    def utc_midnight(day: date) -> str:
        return stored_moment(datetime.combine(day, time.min, tzinfo=UTC))

    ids = None if flt.relationship_ids is None else list(flt.relationship_ids)
    only = "" if ids is None else f"AND m.relationship_id IN ({placeholders(ids)})"
    one_day = timedelta(days=1)
    params: list[Any] = [
        utc_midnight(period.start - one_day),  # a day either side covers every time zone
        utc_midnight(period.end + 2 * one_day),
        utc_midnight(period.start + one_day),  # a day inside covers every time zone
        utc_midnight(period.end),
        period.start.isoformat(),
        period.end.isoformat(),
    ]
    index = {f"{m:%Y-%m}": i for i, m in enumerate(months)}
    counts: dict[int, list[int]] = {}
    names: list[tuple[int, str]] = []
    if period.end - period.start <= _BY_START_UP_TO:
        status, start = "+m.status", "m.start"
    else:
        status, start = "m.status", "+m.start"
    statement = _FREQUENCY_SQL.format(only=only, status=status, start=start)
    for rel_id, name, key, count in con.execute(statement, params + (ids or [])):
        if rel_id not in counts:
            counts[rel_id] = [0] * len(months)
            names.append((rel_id, name))
        if key in index:
            counts[rel_id][index[key]] += int(count)
    names.sort(key=lambda item: (-sum(counts[item[0]]), item[1].casefold(), item[0]))
    shown = display_names(names)
    series = [(shown[rel_id], tuple(counts[rel_id])) for rel_id, _ in names]
    if len(series) > MAX_STACKED:
        # Beyond what colours can tell apart: the people with fewer meetings share one stack.
        rest = series[MAX_STACKED - 1 :]
        merged = tuple(sum(c[i] for _, c in rest) for i in range(len(months)))
        series = [
            *series[: MAX_STACKED - 1],
            (translate("Charts", "Everyone else ({count} people)").format(count=len(rest)), merged),
        ]
    only = "" if ids is None else f"AND r.id IN ({placeholders(ids)})"
    target = con.execute(_TARGET_SQL.format(only=only), ids or []).fetchone()[0]
    return MeetingFrequency(months, tuple(series), round(float(target), 2) if target else None)


# --------------------------------------------------------------------------- cadence adherence


def held_days(session: Session, period: Period, ids: Sequence[int]) -> dict[int, list[date]]:
    """Relationship id -> the distinct days with a held meeting in the period (grouped in SQL)."""
    found: dict[int, list[date]] = defaultdict(list)
    if not ids:
        return found
    day = meeting_day()
    stmt = (
        select(Meeting.relationship_id, day)
        .where(Meeting.status == HELD, Meeting.relationship_id.in_(list(ids)))
        .group_by(Meeting.relationship_id, day)
        .order_by(Meeting.relationship_id, day)
    )
    for rel_id, text in session.execute(in_period(stmt, period)):
        found[rel_id].append(date.fromisoformat(text))
    return found


def adherence(session: Session, flt: InsightsFilter, today: date) -> tuple[AdherenceRow, ...]:
    """Cadence kept per relationship over the time it was active within the period (three statements).

    Each active stretch is cut into cadence periods by :func:`periods_met`; a relationship's
    row adds up its stretches and keeps the longest gap. Paused time does not count.
    """
    rels = relationship_rows(session, flt.relationship_ids)
    until = min(flt.period.end, today)
    spans = spans_by_relationship(session, rels, until)
    clipped = {
        r.id: [c for c in (clip(s, flt.period) for s in spans[r.id]) if c is not None]
        for r in rels
        if r.cadence_days and r.cadence_days > 0
    }
    rels = [r for r in rels if clipped.get(r.id)]
    held = held_days(session, flt.period, [r.id for r in rels])
    names = display_names([(r.id, r.name) for r in rels])
    rows: list[AdherenceRow] = []
    for r in rels:
        periods = met = gap = 0
        for lo, hi in clipped[r.id]:
            p, m, g = periods_met(held.get(r.id, []), r.cadence_days, lo, hi)
            periods, met, gap = periods + p, met + m, max(gap, g)
        rows.append(AdherenceRow(names[r.id], periods, met, gap, r.cadence_days))
    return tuple(rows)


def expected_meetings(session: Session, flt: InsightsFilter, today: date) -> int:
    """What the agreed cadences ask for over the period (up to today), rounded down."""
    rels = relationship_rows(session, flt.relationship_ids)
    spans = spans_by_relationship(session, rels, min(flt.period.end, today))
    total = 0.0
    for r in rels:
        if not r.cadence_days or r.cadence_days < 1:
            continue
        for span in spans[r.id]:
            part = clip(span, flt.period)
            if part is not None:
                total += ((part[1] - part[0]).days + 1) / r.cadence_days
    return int(total + 1e-9)


# --------------------------------------------------------------------------- focus areas


def focus_label(value: str) -> str:
    try:
        return translate("Enum", FocusArea(value).label)
    except ValueError:
        return str(value).replace("_", " ").capitalize()


def focus(session: Session, flt: InsightsFilter) -> tuple[FocusRow, ...]:
    """Held meetings and hours per focus area, grouped in SQL over ``json_each`` (one statement).

    A meeting counts toward every focus area of its relationship, so the areas add up to
    more meetings than were held when a relationship has several areas.
    """
    areas = func.json_each(Relationship.focus_areas).table_valued("value").alias("area")
    stmt = (
        select(areas.c.value, func.count(Meeting.id), func.coalesce(func.sum(Meeting.duration_minutes), 0))
        .select_from(Meeting)
        .join(Relationship, Relationship.id == Meeting.relationship_id)
        .join(areas, areas.c.value.is_not(None))
        .where(Meeting.status == HELD)
        .group_by(areas.c.value)
    )
    stmt = only_relationships(in_period(stmt, flt.period), Meeting.relationship_id, flt.relationship_ids)
    merged: dict[str, list[float]] = {}
    for value, count, minutes in session.execute(stmt):
        label = focus_label(str(value))
        entry = merged.setdefault(label, [0, 0.0])
        entry[0] += int(count)
        entry[1] += float(minutes) / 60.0
    rows = [FocusRow(label, int(n), round(hours, 2)) for label, (n, hours) in merged.items()]
    rows.sort(key=lambda row: (-row.meetings, -row.hours, row.area.casefold()))
    return tuple(rows)
