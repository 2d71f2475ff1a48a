"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "goal",
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=24), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=True),
        sa.Column("target_on", sa.Date(), nullable=True),
        sa.Column("success_criteria", sa.Text(), nullable=False),
        sa.Column("progress_mode", sa.String(length=24), nullable=False),
        sa.Column("review_every_days", sa.Integer(), nullable=False),
        sa.Column("last_review_on", sa.Date(), nullable=True),
        sa.Column("next_review_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal")),
        sa.UniqueConstraint("uuid", name=op.f("uq_goal_uuid")),
    )
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goal_next_review_on"), ["next_review_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_goal_start_on"), ["start_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_goal_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_goal_target_on"), ["target_on"], unique=False)

    op.create_table(
        "person",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("phone", sa.String(length=64), nullable=False),
        sa.Column("other_contacts", sa.JSON(), nullable=False),
        sa.Column("organization", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("profile_url", sa.String(length=500), nullable=False),
        sa.Column("how_met", sa.Text(), nullable=False),
        sa.Column("where_met", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=24), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("connected_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
        sa.UniqueConstraint("uuid", name=op.f("uq_person_uuid")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_email"), ["email"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_name"), ["name"], unique=False)

    op.create_table(
        "tag",
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tag")),
        sa.UniqueConstraint("name", name=op.f("uq_tag_name")),
        sa.UniqueConstraint("uuid", name=op.f("uq_tag_uuid")),
    )
    op.create_table(
        "goal_review",
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("reviewed_on", sa.Date(), nullable=False),
        sa.Column("percent", sa.Float(), nullable=True),
        sa.Column("what_changed", sa.Text(), nullable=False),
        sa.Column("target_holds", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_goal_review_goal_id_goal"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal_review")),
        sa.UniqueConstraint("uuid", name=op.f("uq_goal_review_uuid")),
    )
    with op.batch_alter_table("goal_review", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goal_review_goal_id"), ["goal_id"], unique=False)

    op.create_table(
        "milestone",
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_milestone_goal_id_goal"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_milestone")),
        sa.UniqueConstraint("uuid", name=op.f("uq_milestone_uuid")),
    )
    with op.batch_alter_table("milestone", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_milestone_goal_id"), ["goal_id"], unique=False)

    op.create_table(
        "person_tag",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_person_tag_person_id_person"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tag.id"], name=op.f("fk_person_tag_tag_id_tag"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("person_id", "tag_id", name=op.f("pk_person_tag")),
    )
    op.create_table(
        "progress_entry",
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("percent", sa.Float(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_progress_entry_goal_id_goal"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_progress_entry")),
        sa.UniqueConstraint("uuid", name=op.f("uq_progress_entry_uuid")),
    )
    with op.batch_alter_table("progress_entry", schema=None) as batch_op:
        batch_op.create_index("ix_progress_entry_goal_id_on", ["goal_id", "on"], unique=False)

    op.create_table(
        "relationship",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=24), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("status_changed_on", sa.Date(), nullable=True),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("cadence_days", sa.Integer(), nullable=False),
        sa.Column("focus_areas", sa.JSON(), nullable=False),
        sa.Column("hopes", sa.Text(), nullable=False),
        sa.Column("agreed_topics", sa.Text(), nullable=False),
        sa.Column("boundaries", sa.Text(), nullable=False),
        sa.Column("time_budget", sa.String(length=200), nullable=False),
        sa.Column("preferred_channel", sa.String(length=24), nullable=True),
        sa.Column("review_on", sa.Date(), nullable=True),
        sa.Column("request_sent_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_relationship_person_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_relationship")),
        sa.UniqueConstraint("uuid", name=op.f("uq_relationship_uuid")),
    )
    with op.batch_alter_table("relationship", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_relationship_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_relationship_status"), ["status"], unique=False)

    op.create_table(
        "appreciation",
        sa.Column("relationship_id", sa.Integer(), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["relationship_id"],
            ["relationship.id"],
            name=op.f("fk_appreciation_relationship_id_relationship"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appreciation")),
        sa.UniqueConstraint("uuid", name=op.f("uq_appreciation_uuid")),
    )
    with op.batch_alter_table("appreciation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_appreciation_relationship_id"), ["relationship_id"], unique=False
        )

    op.create_table(
        "goal_relationship",
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("relationship_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_goal_relationship_goal_id_goal"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["relationship_id"],
            ["relationship.id"],
            name=op.f("fk_goal_relationship_relationship_id_relationship"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("goal_id", "relationship_id", name=op.f("pk_goal_relationship")),
    )
    with op.batch_alter_table("goal_relationship", schema=None) as batch_op:
        batch_op.create_index("ix_goal_relationship_relationship_id", ["relationship_id"], unique=False)

    op.create_table(
        "meeting",
        sa.Column("relationship_id", sa.Integer(), nullable=True),
        sa.Column("start", sa.DateTime(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("all_day", sa.Boolean(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("channel", sa.String(length=24), nullable=True),
        sa.Column("location", sa.String(length=500), nullable=False),
        sa.Column("agenda", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("held_prompted", sa.Boolean(), nullable=False),
        sa.Column("ical_uid", sa.String(length=500), nullable=False),
        sa.Column("ical_occurrence", sa.String(length=40), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["relationship_id"],
            ["relationship.id"],
            name=op.f("fk_meeting_relationship_id_relationship"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting")),
        sa.UniqueConstraint("uuid", name=op.f("uq_meeting_uuid")),
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.create_index(
            "ix_meeting_ical_uid_ical_occurrence", ["ical_uid", "ical_occurrence"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_meeting_relationship_id"), ["relationship_id"], unique=False)
        batch_op.create_index("ix_meeting_relationship_id_start", ["relationship_id", "start"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_start"), ["start"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_status"), ["status"], unique=False)

    op.create_table(
        "status_change",
        sa.Column("relationship_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("changed_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["relationship_id"],
            ["relationship.id"],
            name=op.f("fk_status_change_relationship_id_relationship"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_change")),
        sa.UniqueConstraint("uuid", name=op.f("uq_status_change_uuid")),
    )
    with op.batch_alter_table("status_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_status_change_relationship_id"), ["relationship_id"], unique=False
        )

    op.create_table(
        "action_item",
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("relationship_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=24), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_action_item_meeting_id_meeting"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["relationship_id"],
            ["relationship.id"],
            name=op.f("fk_action_item_relationship_id_relationship"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_item")),
        sa.UniqueConstraint("uuid", name=op.f("uq_action_item_uuid")),
    )
    with op.batch_alter_table("action_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_action_item_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_action_item_relationship_id"), ["relationship_id"], unique=False)

    op.create_table(
        "meeting_goal",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_meeting_goal_goal_id_goal"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_goal_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("meeting_id", "goal_id", name=op.f("pk_meeting_goal")),
    )
    with op.batch_alter_table("meeting_goal", schema=None) as batch_op:
        batch_op.create_index("ix_meeting_goal_goal_id", ["goal_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("meeting_goal", schema=None) as batch_op:
        batch_op.drop_index("ix_meeting_goal_goal_id")

    op.drop_table("meeting_goal")
    with op.batch_alter_table("action_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_item_relationship_id"))
        batch_op.drop_index(batch_op.f("ix_action_item_meeting_id"))

    op.drop_table("action_item")
    with op.batch_alter_table("status_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_status_change_relationship_id"))

    op.drop_table("status_change")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_status"))
        batch_op.drop_index(batch_op.f("ix_meeting_start"))
        batch_op.drop_index("ix_meeting_relationship_id_start")
        batch_op.drop_index(batch_op.f("ix_meeting_relationship_id"))
        batch_op.drop_index("ix_meeting_ical_uid_ical_occurrence")

    op.drop_table("meeting")
    with op.batch_alter_table("goal_relationship", schema=None) as batch_op:
        batch_op.drop_index("ix_goal_relationship_relationship_id")

    op.drop_table("goal_relationship")
    with op.batch_alter_table("appreciation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_appreciation_relationship_id"))

    op.drop_table("appreciation")
    with op.batch_alter_table("relationship", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_relationship_status"))
        batch_op.drop_index(batch_op.f("ix_relationship_person_id"))

    op.drop_table("relationship")
    with op.batch_alter_table("progress_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_progress_entry_goal_id_on")

    op.drop_table("progress_entry")
    op.drop_table("person_tag")
    with op.batch_alter_table("milestone", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_milestone_goal_id"))

    op.drop_table("milestone")
    with op.batch_alter_table("goal_review", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_review_goal_id"))

    op.drop_table("goal_review")
    op.drop_table("tag")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_name"))
        batch_op.drop_index(batch_op.f("ix_person_email"))

    op.drop_table("person")
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_target_on"))
        batch_op.drop_index(batch_op.f("ix_goal_status"))
        batch_op.drop_index(batch_op.f("ix_goal_start_on"))
        batch_op.drop_index(batch_op.f("ix_goal_next_review_on"))

    op.drop_table("goal")
