"""Engine and sessions: SQLite in WAL mode, foreign keys on, full sync, real transactions."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Take transaction control from the sqlite3 module so DDL and DML share one transaction
    # (SQLAlchemy's documented recipe for pysqlite).
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA synchronous=FULL")
    mode = cur.execute("PRAGMA journal_mode").fetchone()[0]
    if mode != "memory" and mode != "wal":
        cur.execute("PRAGMA journal_mode=WAL")
    cur.close()


def _on_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def create_file(path: Path) -> None:
    """Create an empty database file owner-only (SQLite gives -wal/-shm the same mode)."""
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
        os.close(fd)


def make_engine(path: Path | str) -> Engine:
    """An engine for the file at ``path`` (or ``":memory:"``)."""
    if str(path) == ":memory:":
        from sqlalchemy.pool import StaticPool

        engine = create_engine("sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
    else:
        engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


class Database:
    """The open database: an engine and a session factory. Only services use it."""

    def __init__(self, engine: Engine, path: Path | None = None) -> None:
        self.engine = engine
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on any error."""
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A session for reads (still one transaction, for a consistent view)."""
        with self._sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()
