"""indexes the mentors list reads through

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26

The mentors list shows each relationship's last held meeting and its open action items. With
these two indexes SQLite answers both from the index alone (the last held meeting is one step
down ``(relationship_id, status, start)``), instead of reading every meeting and action item.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_meeting_relationship_id_status_start", "meeting", ["relationship_id", "status", "start"]
    )
    op.create_index("ix_action_item_relationship_id_done", "action_item", ["relationship_id", "done"])


def downgrade() -> None:
    op.drop_index("ix_action_item_relationship_id_done", table_name="action_item")
    op.drop_index("ix_meeting_relationship_id_status_start", table_name="meeting")
