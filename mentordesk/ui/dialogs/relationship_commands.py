"""Undo steps for the mentors tab. Each one calls the people service and tells the tabs.

Every action runs once *before* its step is pushed, so a refused value surfaces as a
ValidationError in the form instead of a half-pushed undo step. The step's first ``redo``
(which QUndoStack.push calls) therefore does nothing; later redos and undos call the service.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from mentordesk.services.errors import MentorDeskError
from mentordesk.services.people_forms import NewRelationship
from mentordesk.ui.context import AppContext

if TYPE_CHECKING:
    from mentordesk.services.people_status import StatusUndo


class ServiceStep(QUndoCommand):
    """An undo step over two callables; ``state`` carries what each returns to the other."""

    def __init__(
        self,
        ctx: AppContext,
        text: str,
        redo: Callable[[Any], Any],
        undo: Callable[[Any], Any],
        state: Any,
        *,
        after: Callable[[bool], None] | None = None,
    ) -> None:
        super().__init__(text.replace("&", "&&"))  # shown in the Edit menu: "&" is not a mnemonic
        self.ctx = ctx
        self._redo = redo
        self._undo = undo
        self.state = state
        self._after = after
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self._redo, redone=True)

    def undo(self) -> None:
        self._run(self._undo, redone=False)

    def _run(self, fn: Callable[[Any], Any], *, redone: bool) -> None:
        try:
            self.state = fn(self.state)
        except MentorDeskError as exc:
            if redone:
                message = QCoreApplication.translate("ServiceStep", "Could not redo “{step}”: {error}")
            else:
                message = QCoreApplication.translate("ServiceStep", "Could not undo “{step}”: {error}")
            self.ctx.status(message.format(step=self.text(), error=exc))
            self.setObsolete(True)
            return
        self.ctx.notify("people")
        if self._after is not None:
            self._after(redone)


def _then(first: Callable[..., object], value: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A step that calls ``first(state)`` and then hands on ``value(state)`` as the new state."""

    def run(state: Any) -> Any:
        first(state)
        return value(state)

    return run


def _same(state: Any) -> Any:
    return state


def push(ctx: AppContext, step: ServiceStep) -> None:
    """Record an action that has just been done, and tell the tabs."""
    ctx.undo_stack.push(step)
    ctx.notify("people")


def added(
    ctx: AppContext, name: str, relationship_id: int, *, after: Callable[[bool], None] | None = None
) -> None:
    people = ctx.services.people
    push(
        ctx,
        ServiceStep(
            ctx,
            QCoreApplication.translate("RelationshipCommands", "Add {name}").format(name=name),
            redo=_then(people.restore, lambda _snap: relationship_id),
            undo=lambda _rid: people.delete_relationship(relationship_id),
            state=relationship_id,
            after=after,
        ),
    )


def _edit_step(
    ctx: AppContext,
    name: str,
    write: Callable[[NewRelationship], object],
    old: NewRelationship,
    new: NewRelationship,
) -> None:
    push(
        ctx,
        ServiceStep(
            ctx,
            QCoreApplication.translate("RelationshipCommands", "Edit {name}").format(name=name),
            redo=lambda _s: write(new),
            undo=lambda _s: write(old),
            state=None,
        ),
    )


def edited(ctx: AppContext, relationship_id: int, old: NewRelationship, new: NewRelationship) -> None:
    people = ctx.services.people
    _edit_step(ctx, new.name.strip(), lambda v: people.update_relationship(relationship_id, v), old, new)


def contact_edited(ctx: AppContext, person_id: int, old: NewRelationship, new: NewRelationship) -> None:
    people = ctx.services.people
    _edit_step(ctx, new.name.strip(), lambda v: people.update_contact(person_id, v), old, new)


def status_changed(ctx: AppContext, name: str, change: StatusUndo) -> None:
    people = ctx.services.people
    verb = {
        "paused": QCoreApplication.translate("RelationshipCommands", "Pause"),
        "ended": QCoreApplication.translate("RelationshipCommands", "End"),
        "asked": QCoreApplication.translate("RelationshipCommands", "Mark as asked"),
        "declined": QCoreApplication.translate("RelationshipCommands", "Mark as declined"),
        "prospect": QCoreApplication.translate("RelationshipCommands", "Back to prospect"),
    }.get(change.new_status.value) or QCoreApplication.translate("RelationshipCommands", "Mark as active")
    push(
        ctx,
        ServiceStep(
            ctx,
            QCoreApplication.translate("RelationshipCommands", "{verb}: {name}").format(verb=verb, name=name),
            redo=people.redo_status,
            undo=_then(people.revert_status, _same),
            state=change,
        ),
    )


def deleted(
    ctx: AppContext,
    name: str,
    snapshot: Any,
    *,
    relationship_id: int | None,
    person_id: int,
    after: Callable[[bool], None] | None = None,
) -> None:
    """A relationship (``relationship_id``) or a whole person (None) was deleted."""
    people = ctx.services.people

    def again(_snap: Any) -> Any:
        if relationship_id is None:
            return people.delete_person(person_id)
        return people.delete_relationship(relationship_id)

    push(
        ctx,
        ServiceStep(
            ctx,
            QCoreApplication.translate("RelationshipCommands", "Delete {name}").format(name=name),
            redo=again,
            undo=_then(people.restore, _same),
            state=snapshot,
            after=after,
        ),
    )


def made_prospect(ctx: AppContext, name: str, relationship_id: int) -> None:
    people = ctx.services.people
    push(
        ctx,
        ServiceStep(
            ctx,
            QCoreApplication.translate("RelationshipCommands", "Make {name} a prospect").format(name=name),
            redo=_then(people.restore, _same),
            undo=lambda _s: people.delete_relationship(relationship_id, keep_person=True),
            state=None,
        ),
    )


def appreciation_added(ctx: AppContext, appreciation_id: int) -> None:
    people = ctx.services.people
    push(
        ctx,
        ServiceStep(
            ctx,
            QCoreApplication.translate("RelationshipCommands", "Log appreciation"),
            redo=_then(people.restore_appreciation, _same),
            undo=lambda _s: people.remove_appreciation(appreciation_id),
            state=None,
        ),
    )


def appreciation_removed(ctx: AppContext, removed: Any) -> None:
    people = ctx.services.people
    push(
        ctx,
        ServiceStep(
            ctx,
            QCoreApplication.translate("RelationshipCommands", "Remove appreciation"),
            redo=_then(lambda r: people.remove_appreciation(r.row["id"]), _same),
            undo=_then(people.restore_appreciation, _same),
            state=removed,
        ),
    )
