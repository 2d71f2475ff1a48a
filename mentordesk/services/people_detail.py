"""The appreciation log's writes (the detail panel's reads are in ``people_read``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Table, delete, insert, select

from mentordesk.domain.enums import AppreciationKind
from mentordesk.domain.text import QT_TRANSLATE_NOOP, translate
from mentordesk.services import validate
from mentordesk.services.base import Service
from mentordesk.services.errors import NotFoundError, ValidationError
from mentordesk.services.people_rows import (  # noqa: F401 (the values the panel shows, re-exported)
    AppreciationEntry,
    GoalProgress,
    OtherContact,
    PersonDetail,
    RelationshipDetail,
    StatusStep,
    Summary,
    as_local_date,
)
from mentordesk.store.models import Appreciation, Relationship

_APPRECIATION: Table = Appreciation.__table__  # type: ignore[assignment]


@dataclass(frozen=True)
class RemovedAppreciation:
    """An appreciation entry as it was, to put it back with the same id and uuid."""

    row: dict[str, Any]


class DetailMixin(Service):
    # -- the appreciation log ---------------------------------------------------------------
    def add_appreciation(
        self,
        relationship_id: int,
        *,
        on: date | None = None,
        kind: AppreciationKind | str = AppreciationKind.THANK_YOU,
        text: str = "",
    ) -> int:
        """Log a thank-you note or gesture; returns the entry's id."""
        when = on or self.today()
        if when > self.today():
            raise ValidationError(translate("Errors", "The date cannot be in the future"), field="on")
        what = validate.enum_value(AppreciationKind, kind, "kind", QT_TRANSLATE_NOOP("Field", "Kind"))
        words = validate.required_text(text, "text", QT_TRANSLATE_NOOP("Field", "What you did"), max_len=2000)
        with self.db.session() as s:
            if s.get(Relationship, relationship_id) is None:
                raise NotFoundError(translate("Errors", "That relationship no longer exists"))
            entry = Appreciation(relationship_id=relationship_id, on=when, kind=what, text=words)
            s.add(entry)
            s.flush()
            return entry.id

    def remove_appreciation(self, appreciation_id: int) -> RemovedAppreciation:
        """Remove an entry; the returned value puts it back (:meth:`restore_appreciation`)."""
        table = _APPRECIATION
        with self.db.session() as s:
            row = s.execute(select(table).where(table.c.id == appreciation_id)).mappings().first()
            if row is None:
                raise NotFoundError(translate("Errors", "That appreciation entry no longer exists"))
            s.execute(delete(table).where(table.c.id == appreciation_id))
            return RemovedAppreciation(dict(row))

    def restore_appreciation(self, removed: RemovedAppreciation) -> None:
        with self.db.session() as s:
            s.execute(insert(_APPRECIATION), [removed.row])
