"""The composition root's product: one object holding every service, built over one database.

Each service is built (and its module imported) the first time it is asked for, so opening the
window costs only what the first screen uses.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from mentordesk.store.db import Database

if TYPE_CHECKING:
    from mentordesk.services.calendar_io import CalendarIOService
    from mentordesk.services.contacts_import import ContactImportService
    from mentordesk.services.data import DataService
    from mentordesk.services.demo import DemoService
    from mentordesk.services.goals import GoalService
    from mentordesk.services.insights import InsightsService
    from mentordesk.services.maintenance import MaintenanceService
    from mentordesk.services.meetings import MeetingService
    from mentordesk.services.people import PeopleService
    from mentordesk.services.people_read import PeopleReader
    from mentordesk.services.search import SearchService


class Services:
    def __init__(self, db: Database, *, today: Callable[[], date] | None = None) -> None:
        self.db = db
        self._today = today

    @classmethod
    def over(cls, db: Database, *, today: Callable[[], date] | None = None) -> Services:
        return cls(db, today=today)

    @classmethod
    def open(
        cls, path: Path | str, *, today: Callable[[], date] | None = None, check: bool = True
    ) -> Services:
        """Open (create or migrate) the database at ``path`` and build the services over it.

        ``check=False`` leaves SQLite's quick check of the file to the caller
        (:func:`mentordesk.store.migrate.quick_check`), who may run it alongside other work.
        """
        from mentordesk.store.migrate import open_database

        return cls.over(open_database(path, check=check), today=today)

    @property
    def db_path(self) -> Path | None:
        return self.db.path

    def close(self) -> None:
        self.db.close()

    def warm_up(self) -> None:
        """Load what the other screens need (the ORM, its mapped models, the engine and the
        services' modules) so that their first use does not pay for it. The window calls this
        once it has shown its first frame, while the person is still reading it."""
        from sqlalchemy.orm import configure_mappers

        import mentordesk.store.models  # noqa: F401 (maps the classes)

        configure_mappers()
        with self.db.reader() as session:
            session.connection()  # opens the engine's first connection and sets it up
        for name in ("people", "meetings", "goals"):
            getattr(self, name)

    @cached_property
    def people(self) -> PeopleService:
        from mentordesk.services.people import PeopleService

        return PeopleService(self.db, today=self._today)

    @cached_property
    def people_read(self) -> PeopleReader:
        """The mentors list and detail panel, read without the ORM (the first screen uses it)."""
        if "people" in self.__dict__:
            return self.people
        from mentordesk.services.people_read import PeopleReader

        return PeopleReader(self.db, today=self._today)

    @cached_property
    def meetings(self) -> MeetingService:
        from mentordesk.services.meetings import MeetingService

        return MeetingService(self.db, today=self._today)

    @cached_property
    def goals(self) -> GoalService:
        from mentordesk.services.goals import GoalService

        return GoalService(self.db, today=self._today)

    @cached_property
    def insights(self) -> InsightsService:
        from mentordesk.services.insights import InsightsService

        return InsightsService(self.db, today=self._today)

    @cached_property
    def contacts_import(self) -> ContactImportService:
        from mentordesk.services.contacts_import import ContactImportService

        return ContactImportService(self.db, today=self._today)

    @cached_property
    def calendar_io(self) -> CalendarIOService:
        from mentordesk.services.calendar_io import CalendarIOService

        return CalendarIOService(self.db, today=self._today)

    @cached_property
    def data(self) -> DataService:
        from mentordesk.services.data import DataService

        return DataService(self.db, today=self._today)

    @cached_property
    def search(self) -> SearchService:
        from mentordesk.services.search import SearchService

        return SearchService(self.db, today=self._today)

    @cached_property
    def demo(self) -> DemoService:
        from mentordesk.services.demo import DemoService

        return DemoService(self.db, today=self._today)

    @cached_property
    def maintenance(self) -> MaintenanceService:
        from mentordesk.services.maintenance import MaintenanceService

        return MaintenanceService(self.db, today=self._today)
