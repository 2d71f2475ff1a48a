"""Alembic environment. MentorDesk runs migrations itself (store/migrate.py) on a connection
it passes in ``config.attributes["connection"]``, inside a transaction it owns."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import create_engine

from mentordesk.store.migrate import include_name
from mentordesk.store.models import Base

config = context.config
target_metadata = Base.metadata


def render_item(type_: str, obj: Any, autogen_context: Any) -> Any:
    """Write the project's column types as their plain SQL types, so revisions stand alone."""
    from mentordesk.store.types import StrEnumType, UTCDateTime

    if type_ == "type" and isinstance(obj, StrEnumType):
        return "sa.String(length=24)"
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    return False


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        # Command-line alembic (e.g. autogenerate during development): use the configured URL.
        url = config.get_main_option("sqlalchemy.url") or "sqlite:///mentordesk-dev.db"
        engine = create_engine(url)
        with engine.begin() as conn:
            context.configure(
                connection=conn,
                target_metadata=target_metadata,
                render_as_batch=True,
                render_item=render_item,
                include_name=include_name,
            )
            context.run_migrations()
        return
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        transaction_per_migration=False,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
