"""full-text search index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

One FTS5 table over the text people search: people, relationship agreements, meetings, action
items, goals, milestones and appreciation entries. Triggers keep it current inside the same
transaction as every write. Each row's rowid is ``item id * 16 + kind code`` so a change
replaces exactly one row.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# kind code, table, title expression, body expression (over NEW./OLD. row aliases)
SOURCES = (
    (1, "person", "{r}.name", "{r}.organization || ' ' || {r}.title || ' ' || {r}.notes || ' ' || {r}.how_met "
     "|| ' ' || {r}.where_met || ' ' || {r}.email"),
    (2, "relationship", "''", "{r}.hopes || ' ' || {r}.agreed_topics || ' ' || {r}.boundaries || ' ' || "
     "{r}.time_budget || ' ' || {r}.notes"),
    (3, "meeting", "{r}.title", "{r}.agenda || ' ' || {r}.notes || ' ' || {r}.location"),
    (4, "action_item", "''", "{r}.text"),
    (5, "goal", "{r}.title", "{r}.description || ' ' || {r}.success_criteria"),
    (6, "milestone", "{r}.title", "''"),
    (7, "appreciation", "''", "{r}.text"),
)


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "kind UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )
    for code, table, title, body in SOURCES:
        row = f"{{r}}.id * 16 + {code}"
        insert = (
            "INSERT INTO search_index(rowid, kind, title, body) VALUES ("
            f"{row}, '{table}', {title}, {body});"
        )
        delete = f"DELETE FROM search_index WHERE rowid = {row};"
        op.execute(
            f"CREATE TRIGGER search_{table}_ai AFTER INSERT ON {table} BEGIN "
            + insert.format(r="NEW")
            + " END"
        )
        op.execute(
            f"CREATE TRIGGER search_{table}_ad AFTER DELETE ON {table} BEGIN " + delete.format(r="OLD") + " END"
        )
        op.execute(
            f"CREATE TRIGGER search_{table}_au AFTER UPDATE ON {table} BEGIN "
            + delete.format(r="OLD")
            + " "
            + insert.format(r="NEW")
            + " END"
        )
        op.execute(
            "INSERT INTO search_index(rowid, kind, title, body) SELECT "
            + f"{row}, '{table}', {title}, {body} FROM {table} AS src".format(r="src")
        )


def downgrade() -> None:
    for _code, table, _title, _body in SOURCES:
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS search_{table}_{suffix}")
    op.execute("DROP TABLE IF EXISTS search_index")
