"""The relationship lifecycle: prospect -> asked -> active <-> paused -> ended; asked -> declined.

Every change is recorded as a :class:`StatusChange` with its date, so the detail panel can show
when each step happened. A change returns a :class:`StatusUndo` that puts everything back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete

from mentordesk.domain.enums import STATUS_TRANSITIONS, RelStatus
from mentordesk.domain.text import QT_TRANSLATE_NOOP, translate
from mentordesk.services import validate
from mentordesk.services.base import Service
from mentordesk.services.errors import NotFoundError, ValidationError
from mentordesk.services.people_read import allowed_next
from mentordesk.store.models import Relationship, StatusChange


@dataclass(frozen=True)
class StatusUndo:
    """What a status change altered, so that it can be reverted exactly."""

    relationship_id: int
    change_id: int
    status: RelStatus  # the status before the change
    status_changed_on: date | None
    started_on: date | None
    ended_on: date | None
    request_sent_on: date | None
    new_status: RelStatus
    on: date
    note: str = ""


class StatusMixin(Service):
    def change_status(
        self, relationship_id: int, status: RelStatus | str, *, on: date | None = None, note: str = ""
    ) -> StatusUndo:
        """Move a relationship along its lifecycle on ``on`` (default today)."""
        new = validate.enum_value(RelStatus, status, "status", QT_TRANSLATE_NOOP("Field", "Status"))
        today = self.today()
        when = on or today
        text = validate.optional_text(note, "note", QT_TRANSLATE_NOOP("Field", "Note"), max_len=2000)
        if when > today:
            raise ValidationError(
                translate("Errors", "The date of a status change cannot be in the future ({when})").format(
                    when=when.isoformat()
                ),
                field="changed_on",
            )
        with self.db.session() as s:
            rel = s.get(Relationship, relationship_id)
            if rel is None:
                raise NotFoundError(translate("Errors", "That relationship no longer exists"))
            old = RelStatus(rel.status)
            if new == old:
                raise ValidationError(
                    translate("Errors", "The relationship is already {status}").format(
                        status=translate("Enum", old.label).lower()
                    ),
                    field="status",
                )
            if new not in STATUS_TRANSITIONS[old]:
                options = ", ".join(translate("Enum", s.label).lower() for s in allowed_next(old))
                raise ValidationError(
                    translate(
                        "Errors",
                        "A relationship that is {status} cannot become {new_status} (it can become: {options})",
                    ).format(
                        status=translate("Enum", old.label).lower(),
                        new_status=translate("Enum", new.label).lower(),
                        options=options,
                    ),
                    field="status",
                )
            if rel.status_changed_on is not None and when < rel.status_changed_on:
                raise ValidationError(
                    translate(
                        "Errors", "The date {when} is before the previous change ({status_changed_on})"
                    ).format(when=when.isoformat(), status_changed_on=rel.status_changed_on.isoformat()),
                    field="changed_on",
                )
            undo = dict(
                status=old,
                status_changed_on=rel.status_changed_on,
                started_on=rel.started_on,
                ended_on=rel.ended_on,
                request_sent_on=rel.request_sent_on,
            )
            rel.status = new
            rel.status_changed_on = when
            if new == RelStatus.ACTIVE:
                if rel.started_on is None:
                    rel.started_on = when
                rel.ended_on = None
            elif new == RelStatus.ENDED:
                rel.ended_on = when
            elif new == RelStatus.ASKED:
                rel.request_sent_on = when
            change = StatusChange(relationship_id=rel.id, status=new, changed_on=when, note=text)
            s.add(change)
            s.flush()
            return StatusUndo(
                relationship_id=rel.id,
                change_id=change.id,
                new_status=new,
                on=when,
                note=text,
                **undo,  # type: ignore[arg-type]
            )

    def revert_status(self, undo: StatusUndo) -> None:
        """Undo a :meth:`change_status`: the previous status, dates and history come back."""
        with self.db.session() as s:
            rel = s.get(Relationship, undo.relationship_id)
            if rel is None:
                raise NotFoundError(translate("Errors", "That relationship no longer exists"))
            rel.status = undo.status
            rel.status_changed_on = undo.status_changed_on
            rel.started_on = undo.started_on
            rel.ended_on = undo.ended_on
            rel.request_sent_on = undo.request_sent_on
            s.execute(delete(StatusChange).where(StatusChange.id == undo.change_id))

    def redo_status(self, undo: StatusUndo) -> StatusUndo:
        """Apply a reverted change again (same status, date and note)."""
        return self.change_status(undo.relationship_id, undo.new_status, on=undo.on, note=undo.note)

    # The lifecycle's named steps.
    def pause(self, relationship_id: int, on: date | None = None) -> StatusUndo:
        return self.change_status(relationship_id, RelStatus.PAUSED, on=on)

    def resume(self, relationship_id: int, on: date | None = None) -> StatusUndo:
        return self.change_status(relationship_id, RelStatus.ACTIVE, on=on)

    def end(self, relationship_id: int, on: date | None = None) -> StatusUndo:
        return self.change_status(relationship_id, RelStatus.ENDED, on=on)

    def mark_asked(self, relationship_id: int, on: date | None = None) -> StatusUndo:
        """The request was sent: status asked, with the date it was sent."""
        return self.change_status(relationship_id, RelStatus.ASKED, on=on)

    def accept(self, relationship_id: int, on: date | None = None) -> StatusUndo:
        """They said yes: the relationship becomes active."""
        return self.change_status(relationship_id, RelStatus.ACTIVE, on=on)

    def decline(self, relationship_id: int, on: date | None = None) -> StatusUndo:
        """They said no (or not now)."""
        return self.change_status(relationship_id, RelStatus.DECLINED, on=on)
