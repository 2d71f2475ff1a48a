"""Action items: what was agreed at a meeting, whose it is, when it is due, whether it is done."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mentordesk.domain.enums import Owner
from mentordesk.domain.text import QT_TRANSLATE_NOOP, translate
from mentordesk.services import validate
from mentordesk.services.base import Service
from mentordesk.services.errors import NotFoundError, ValidationError
from mentordesk.services.meetings_read import to_action
from mentordesk.services.meetings_types import ActionItemRow, ActionSnapshot
from mentordesk.services.meetings_write import _ACTION_COLUMNS, values_of
from mentordesk.store.models import ActionItem, Meeting, Relationship


def _get_action(s: Session, action_id: int) -> ActionItem:
    item = s.get(ActionItem, action_id)
    if item is None:
        raise NotFoundError(translate("Errors", "This action item no longer exists"))
    return item


class MeetingActions(Service):
    def add_action(
        self,
        *,
        text: str,
        meeting_id: int | None = None,
        relationship_id: int | None = None,
        owner: Owner | str = Owner.ME,
        due_on: date | None = None,
    ) -> int:
        """Add an action item to a meeting (and so to its relationship) or to a relationship alone."""
        clean = validate.required_text(
            text, "text", QT_TRANSLATE_NOOP("Field", "The action item"), max_len=2000
        )
        who = validate.enum_value(Owner, owner, "owner", QT_TRANSLATE_NOOP("Field", "Owner"))
        with self.db.session() as s:
            if meeting_id is not None:
                m = s.get(Meeting, meeting_id)
                if m is None:
                    raise NotFoundError(
                        translate("Errors", "This meeting no longer exists (it may have been deleted)")
                    )
                relationship_id = m.relationship_id if relationship_id is None else relationship_id
            if relationship_id is not None and s.get(Relationship, relationship_id) is None:
                raise ValidationError(
                    translate("Errors", "That relationship no longer exists"), field="relationship"
                )
            if meeting_id is None and relationship_id is None:
                raise ValidationError(
                    translate("Errors", "An action item belongs to a meeting or a relationship"),
                    field="meeting",
                )
            item = ActionItem(
                meeting_id=meeting_id, relationship_id=relationship_id, text=clean, owner=who, due_on=due_on
            )
            s.add(item)
            s.flush()
            return item.id

    def update_action(self, action_id: int, *, text: str, owner: Owner | str, due_on: date | None) -> None:
        clean = validate.required_text(
            text, "text", QT_TRANSLATE_NOOP("Field", "The action item"), max_len=2000
        )
        who = validate.enum_value(Owner, owner, "owner", QT_TRANSLATE_NOOP("Field", "Owner"))
        with self.db.session() as s:
            item = _get_action(s, action_id)
            item.text, item.owner, item.due_on = clean, who, due_on

    def set_action_done(self, action_id: int, done: bool) -> None:
        with self.db.session() as s:
            item = _get_action(s, action_id)
            if item.done != done:
                item.done = done
                item.done_on = self.today() if done else None

    def action(self, action_id: int) -> ActionItemRow:
        with self.db.reader() as s:
            return to_action(_get_action(s, action_id))

    def action_snapshot(self, action_id: int) -> ActionSnapshot:
        with self.db.reader() as s:
            return ActionSnapshot(values_of(_get_action(s, action_id), _ACTION_COLUMNS))

    def delete_action(self, action_id: int) -> ActionSnapshot:
        with self.db.session() as s:
            snap = ActionSnapshot(values_of(_get_action(s, action_id), _ACTION_COLUMNS))
            s.execute(delete(ActionItem).where(ActionItem.id == action_id))
            return snap

    def restore_action(self, snapshot: ActionSnapshot) -> int:
        """Put an action item back as it was in ``snapshot``, replacing its current state."""
        values = dict(snapshot.values)
        try:
            with self.db.session() as s:
                s.execute(delete(ActionItem).where(ActionItem.id == values["id"]))
                s.execute(insert(ActionItem).values(**values))
        except IntegrityError:
            raise NotFoundError(
                translate("Errors", "The action item cannot be put back: its meeting no longer exists")
            ) from None
        return int(values["id"])

    def actions_of_meeting(self, meeting_id: int) -> list[ActionItemRow]:
        stmt = select(ActionItem).where(ActionItem.meeting_id == meeting_id).order_by(ActionItem.id)
        with self.db.reader() as s:
            return [to_action(a) for a in s.scalars(stmt)]
