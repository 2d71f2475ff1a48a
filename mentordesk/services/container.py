"""The composition root's product: one object holding every service, built over one database."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from mentordesk.services.demo import DemoService
from mentordesk.services.maintenance import MaintenanceService
from mentordesk.services.people import PeopleService
from mentordesk.store.db import Database


@dataclass
class Services:
    db: Database
    people: PeopleService
    demo: DemoService
    maintenance: MaintenanceService

    @classmethod
    def over(cls, db: Database, *, today: Callable[[], date] | None = None) -> Services:
        return cls(
            db=db,
            people=PeopleService(db, today=today),
            demo=DemoService(db, today=today),
            maintenance=MaintenanceService(db, today=today),
        )

    @classmethod
    def open(cls, path: Path | str, *, today: Callable[[], date] | None = None) -> Services:
        """Open (create or migrate) the database at ``path`` and build the services over it."""
        from mentordesk.store.migrate import open_database

        return cls.over(open_database(path), today=today)

    @property
    def db_path(self) -> Path | None:
        return self.db.path

    def close(self) -> None:
        self.db.close()
