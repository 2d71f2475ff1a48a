"""The mentors list in one SQL statement, and reading it ahead while the window's code loads.

The list is the first thing the window shows. On a large file SQLite takes 10-15 ms to produce
it at start (its pages are not yet cached), so :func:`read_ahead` can produce the same records on
a connection of its own, in another thread, before the window asks for them. It reads them as one
JSON text: one step for SQLite, during which the thread does not hold Python's lock (a row at a
time, the thread would take the lock from the window's thread 400 times). The main thread turns
the text back into the records with :func:`records_from_json`.

Only the standard library and the enums are imported here: the thread starts early.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from mentordesk.domain.enums import MeetingStatus

# Every person with their relationships (or none: a contact), one row each.
_COLUMNS = f"""r.id, p.id, p.name, p.organization, p.email, r.role, r.kind, r.status, r.focus_areas,
       r.cadence_days, r.started_on,
       (SELECT max(m.start) FROM meeting AS m
         WHERE m.relationship_id = r.id AND m.status = '{MeetingStatus.HELD.value}'),
       (SELECT count(a.id) FROM action_item AS a WHERE a.relationship_id = r.id AND a.done = 0),
       (SELECT group_concat(g.title, char(31)) FROM goal AS g
          JOIN goal_relationship AS gr ON gr.goal_id = g.id WHERE gr.relationship_id = r.id),
       (SELECT group_concat(t.name, char(31)) FROM tag AS t
          JOIN person_tag AS pt ON pt.tag_id = t.id WHERE pt.person_id = p.id),
       p.notes, p.source, p.title, r.status_changed_on, r.request_sent_on, p.connected_on"""
_FROM = "FROM person AS p {join} relationship AS r ON r.person_id = p.id"
_ORDER = "ORDER BY p.name, r.id, p.id"


def list_sql(*, include_contacts: bool) -> str:
    """The list's statement: relationships only, or with every contact too."""
    join = "LEFT JOIN" if include_contacts else "JOIN"
    return f"SELECT {_COLUMNS}\n{_FROM.format(join=join)}\n{_ORDER}"


# Everyone, contacts included, as one JSON array of rows (in no particular order). The focus
# areas, stored as a JSON list, come as that list rather than as its text (parsed at once with
# the rest, not one row at a time).
_AHEAD_SQL = "SELECT json_group_array(json_array({columns}))\n{source}".format(
    columns=_COLUMNS.replace(
        "r.focus_areas", "CASE WHEN json_valid(r.focus_areas) THEN json(r.focus_areas) END", 1
    ),
    source=_FROM.format(join="LEFT JOIN"),
)


def _order(record: list[Any]) -> tuple[str, int, int]:
    """``ORDER BY p.name, r.id, p.id``: a contact's missing relationship id sorts first, as NULL does."""
    return (record[2], -1 if record[0] is None else record[0], record[1])


def read_ahead(path: Path, revision: str) -> str | None:
    """Every person's list row, contacts included, as JSON text, read on a connection of its own;
    ``None`` when the file is not at ``revision`` (it is about to be upgraded) or cannot be read
    (the window's own reads will then say why)."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        con.execute("BEGIN")  # the revision and the rows from the same state of the file
        found = con.execute("SELECT version_num FROM alembic_version").fetchone()
        if found is None or found[0] != revision:
            return None
        text = con.execute(_AHEAD_SQL).fetchone()[0]
        return text if isinstance(text, str) else None
    except sqlite3.Error:
        return None
    finally:
        con.close()


def records_from_json(text: str) -> list[list[Any]]:
    """The records :func:`read_ahead` read, in the list statement's order."""
    records: list[list[Any]] = json.loads(text)
    records.sort(key=_order)
    return records


__all__ = ["list_sql", "read_ahead", "records_from_json"]
