"""Engine and sessions: SQLite in WAL mode, foreign keys on, full sync, real transactions.

Two ways in, over the same file:

- :meth:`Database.session` / :meth:`Database.reader`: SQLAlchemy ORM sessions, for every write
  and most reads. SQLAlchemy is imported and the engine made the first time one is asked for.
- :meth:`Database.raw`: a plain ``sqlite3`` connection in a read transaction, for the few hot
  reads written in SQL (the first screen's list and detail panel), so the window can show its
  first frame before the ORM is loaded.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker


def configure_connection(dbapi_connection: sqlite3.Connection, _record: Any = None) -> None:
    """The settings of every connection MentorDesk opens on a database file."""
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
    from sqlalchemy import create_engine, event

    if str(path) == ":memory:":
        from sqlalchemy.pool import StaticPool

        engine = create_engine("sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
    else:
        engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", configure_connection)
    event.listen(engine, "begin", _on_begin)
    return engine


class Database:
    """The open database: an engine and a session factory, made on first use. Only services use it.

    ``engine`` may be given (a database in memory, or one just migrated); otherwise it is made
    from ``path`` the first time a session is asked for.
    """

    def __init__(self, engine: Engine | None = None, path: Path | None = None) -> None:
        if engine is None and path is None:
            raise ValueError("a database needs an engine or a file")
        self._engine = engine
        self.path = path
        self._sessions: sessionmaker[Session] | None = None
        self._raw: sqlite3.Connection | None = None
        self._raw_lock = threading.RLock()
        self._tracers: list[Any] = []
        self._listeners: dict[int, Any] = {}

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            assert self.path is not None
            self._engine = make_engine(self.path)
            for tracer in self._tracers:
                self._listen(tracer)
        return self._engine

    def _factory(self) -> sessionmaker[Session]:
        if self._sessions is None:
            from sqlalchemy.orm import sessionmaker

            self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        return self._sessions

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on any error."""
        with self._factory()() as session, session.begin():
            yield session

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A session for reads (still one transaction, for a consistent view)."""
        with self._factory()() as session, session.begin():
            yield session

    @contextmanager
    def raw(self) -> Iterator[sqlite3.Connection]:
        """A plain sqlite3 connection inside one read transaction (a consistent view).

        For a file, MentorDesk's own connection to it (opened on first use, set up like the
        engine's); for a database in memory, the engine's single connection.
        """
        with self._raw_lock:
            if self.path is None:
                with self.engine.connect() as conn:
                    shared = conn.connection.dbapi_connection
                    assert isinstance(shared, sqlite3.Connection)
                    shared.set_trace_callback(self._trace if self._tracers else None)
                    try:
                        yield shared
                    finally:
                        shared.set_trace_callback(None)  # the engine's own statements are traced there
                return
            con = self._raw
            if con is None:
                con = sqlite3.connect(self.path, check_same_thread=False)
                configure_connection(con)
                if self._tracers:
                    con.set_trace_callback(self._trace)
                self._raw = con
            con.execute("BEGIN")
            try:
                yield con
            finally:
                con.execute("COMMIT")

    @contextmanager
    def statements(self) -> Iterator[list[str]]:
        """Collect every SQL statement run while the block runs, by either way in (for tests)."""
        seen: list[str] = []
        tracer = seen.append
        self._tracers.append(tracer)
        if self._engine is not None:
            self._listen(tracer)
        if self._raw is not None:
            self._raw.set_trace_callback(self._trace)
        try:
            yield seen
        finally:
            self._tracers.remove(tracer)
            if self._raw is not None and not self._tracers:
                self._raw.set_trace_callback(None)
            if self._engine is not None:
                from sqlalchemy import event

                listener = self._listeners.pop(id(tracer))
                event.remove(self._engine, "before_cursor_execute", listener)

    def _trace(self, statement: str) -> None:
        for tracer in self._tracers:
            tracer(statement)

    def _listen(self, tracer: Any) -> None:
        from sqlalchemy import event

        def listener(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            tracer(statement)

        self._listeners[id(tracer)] = listener
        event.listen(self.engine, "before_cursor_execute", listener)

    def close(self) -> None:
        with self._raw_lock:
            if self._raw is not None:
                self._raw.close()
                self._raw = None
        if self._engine is not None:
            self._engine.dispose()
