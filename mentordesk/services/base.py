"""What every service shares: the database and a clock (replaceable in tests)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from mentordesk.store.db import Database


def local_date(moment: datetime) -> date:
    """The calendar date of a stored UTC moment in the machine's local time zone."""
    return moment.astimezone().date()


class Service:
    def __init__(self, db: Database, *, today: Callable[[], date] | None = None) -> None:
        self.db = db
        self._today = today or date.today

    def today(self) -> date:
        return self._today()

    @staticmethod
    def now() -> datetime:
        return datetime.now(UTC)

    def backup_before(self, reason: str) -> Path | None:
        """A verified backup before a bulk change (an import, a repair); none for a database in memory."""
        if self.db.path is None:
            return None
        from mentordesk.store.backup import backup_database

        return backup_database(self.db.path, reason=reason)
