"""The composition root's product: one object holding every service, built over one database."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from mentordesk.services.calendar_io import CalendarIOService
from mentordesk.services.contacts_import import ContactImportService
from mentordesk.services.data import DataService
from mentordesk.services.demo import DemoService
from mentordesk.services.goals import GoalService
from mentordesk.services.insights import InsightsService
from mentordesk.services.maintenance import MaintenanceService
from mentordesk.services.meetings import MeetingService
from mentordesk.services.people import PeopleService
from mentordesk.services.search import SearchService
from mentordesk.store.db import Database


@dataclass
class Services:
    db: Database
    people: PeopleService
    meetings: MeetingService
    goals: GoalService
    insights: InsightsService
    contacts_import: ContactImportService
    calendar_io: CalendarIOService
    data: DataService
    search: SearchService
    demo: DemoService
    maintenance: MaintenanceService

    @classmethod
    def over(cls, db: Database, *, today: Callable[[], date] | None = None) -> Services:
        return cls(
            db=db,
            people=PeopleService(db, today=today),
            meetings=MeetingService(db, today=today),
            goals=GoalService(db, today=today),
            insights=InsightsService(db, today=today),
            contacts_import=ContactImportService(db, today=today),
            calendar_io=CalendarIOService(db, today=today),
            data=DataService(db, today=today),
            search=SearchService(db, today=today),
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
