"""The full-text index's live definition: its triggers, and a bulk rebuild for large imports.

Migration 0002 created the index with this same definition (kept frozen there); a change here
needs a new migration.
"""

from __future__ import annotations

from sqlalchemy import Connection

# kind code, table, title expression, body expression ({r} is the row alias)
SOURCES: tuple[tuple[int, str, str, str], ...] = (
    (
        1,
        "person",
        "{r}.name",
        "{r}.organization || ' ' || {r}.title || ' ' || {r}.notes || ' ' || {r}.how_met "
        "|| ' ' || {r}.where_met || ' ' || {r}.email",
    ),
    (
        2,
        "relationship",
        "''",
        "{r}.hopes || ' ' || {r}.agreed_topics || ' ' || {r}.boundaries || ' ' || "
        "{r}.time_budget || ' ' || {r}.notes",
    ),
    (3, "meeting", "{r}.title", "{r}.agenda || ' ' || {r}.notes || ' ' || {r}.location"),
    (4, "action_item", "''", "{r}.text"),
    (5, "goal", "{r}.title", "{r}.description || ' ' || {r}.success_criteria"),
    (6, "milestone", "{r}.title", "''"),
    (7, "appreciation", "''", "{r}.text"),
)


def _insert(code: int, table: str, title: str, body: str, alias: str) -> str:
    return (
        f"INSERT INTO search_index(rowid, kind, title, body) VALUES ({alias}.id * 16 + {code}, '{table}', "
        f"{title.format(r=alias)}, {body.format(r=alias)});"
    )


def trigger_sql() -> list[str]:
    statements = []
    for code, table, title, body in SOURCES:
        delete = f"DELETE FROM search_index WHERE rowid = OLD.id * 16 + {code};"
        statements += [
            f"CREATE TRIGGER search_{table}_ai AFTER INSERT ON {table} BEGIN "
            f"{_insert(code, table, title, body, 'NEW')} END",
            f"CREATE TRIGGER search_{table}_ad AFTER DELETE ON {table} BEGIN {delete} END",
            f"CREATE TRIGGER search_{table}_au AFTER UPDATE ON {table} BEGIN {delete} "
            f"{_insert(code, table, title, body, 'NEW')} END",
        ]
    return statements


def drop_triggers(conn: Connection) -> None:
    for _code, table, _title, _body in SOURCES:
        for suffix in ("ai", "ad", "au"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS search_{table}_{suffix}")


def create_triggers(conn: Connection) -> None:
    for statement in trigger_sql():
        conn.exec_driver_sql(statement)


def rebuild(conn: Connection) -> None:
    """Refill the whole index from the tables (one pass per table)."""
    conn.exec_driver_sql("DELETE FROM search_index")
    for code, table, title, body in SOURCES:
        conn.exec_driver_sql(
            f"INSERT INTO search_index(rowid, kind, title, body) SELECT src.id * 16 + {code}, '{table}', "
            f"{title.format(r='src')}, {body.format(r='src')} FROM {table} AS src"
        )
