"""Undoable meeting edits: each user action is written once, then pushed on the shared undo stack.

A write is made before its command is pushed, so a refused value (ValidationError) reaches the
form that asked for it and nothing lands on the stack. Undo and redo put whole snapshots back
(same ids and uuids), so a meeting returns exactly as it was, with its action items and goals.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from mentordesk.domain.enums import MeetingStatus, Owner
from mentordesk.services.errors import MentorDeskError
from mentordesk.services.meetings import ActionSnapshot, LogInput, LogResult, MeetingInput, MeetingSnapshot
from mentordesk.ui import i18n
from mentordesk.ui.context import AppContext


class _Command(QUndoCommand):
    """Runs ``undo_fn`` / ``redo_fn``; the first redo is skipped because the write is already made."""

    def __init__(
        self, ctx: AppContext, text: str, redo_fn: Callable[[], object], undo_fn: Callable[[], object]
    ):
        super().__init__(text)
        self.ctx = ctx
        self._redo_fn = redo_fn
        self._undo_fn = undo_fn
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._run(self._redo_fn)

    def undo(self) -> None:
        self._run(self._undo_fn)

    def _run(self, fn: Callable[[], object]) -> None:
        try:
            fn()
        except MentorDeskError as exc:
            self.ctx.status(
                QCoreApplication.translate("_Command", "Could not {step}: {error}").format(
                    step=self.text().lower(), error=exc
                )
            )
        self.ctx.notify("meetings")


def _put(ctx: AppContext, meeting_id: int, snap: MeetingSnapshot | None) -> Callable[[], object]:
    """Bring the meeting to ``snap``, or remove it when there is no snapshot."""
    if snap is None:
        return lambda: ctx.services.meetings.delete(meeting_id)
    return lambda: ctx.services.meetings.restore(snap)


def change_meeting(
    ctx: AppContext, text: str, meeting_id: int | None, write: Callable[[], int | None]
) -> int | None:
    """Run ``write`` (which returns the meeting id, or None once deleted) as one undoable step."""
    meetings = ctx.services.meetings
    before = meetings.snapshot(meeting_id) if meeting_id is not None else None
    result = write()
    target = result if result is not None else meeting_id
    assert target is not None
    after = meetings.snapshot(result) if result is not None else None
    ctx.undo_stack.push(_Command(ctx, text, _put(ctx, target, after), _put(ctx, target, before)))
    ctx.notify("meetings")
    return result


def create_meeting(ctx: AppContext, inp: MeetingInput) -> int:
    new_id = change_meeting(
        ctx,
        QCoreApplication.translate("MeetingCommands", "Add meeting"),
        None,
        lambda: ctx.services.meetings.create(inp),
    )
    assert new_id is not None
    return new_id


def update_meeting(ctx: AppContext, meeting_id: int, inp: MeetingInput) -> None:
    def write() -> int:
        ctx.services.meetings.update(meeting_id, inp)
        return meeting_id

    change_meeting(ctx, QCoreApplication.translate("MeetingCommands", "Edit meeting"), meeting_id, write)


def move_meeting(
    ctx: AppContext, meeting_id: int, start: datetime, duration_minutes: int | None = None
) -> None:
    def write() -> int:
        ctx.services.meetings.move(meeting_id, start, duration_minutes)
        return meeting_id

    change_meeting(ctx, QCoreApplication.translate("MeetingCommands", "Move meeting"), meeting_id, write)


def set_status(ctx: AppContext, meeting_id: int, status: MeetingStatus, text: str | None = None) -> None:
    def write() -> int:
        ctx.services.meetings.set_status(meeting_id, status)
        return meeting_id

    label = text or QCoreApplication.translate("MeetingCommands", "Mark meeting {status}").format(
        status=i18n.label(status).lower()
    )
    change_meeting(ctx, label, meeting_id, write)


def answer_held_prompt(ctx: AppContext, meeting_id: int, status: MeetingStatus | None) -> None:
    def write() -> int:
        ctx.services.meetings.answer_held_prompt(meeting_id, status)
        return meeting_id

    if status:
        label = QCoreApplication.translate("MeetingCommands", "Mark meeting {status}").format(
            status=i18n.label(status).lower()
        )
    else:
        label = QCoreApplication.translate("MeetingCommands", "Leave meeting planned")
    change_meeting(ctx, label, meeting_id, write)


def delete_meeting(ctx: AppContext, meeting_id: int) -> None:
    def write() -> None:
        ctx.services.meetings.delete(meeting_id)
        return None

    change_meeting(ctx, QCoreApplication.translate("MeetingCommands", "Delete meeting"), meeting_id, write)


def log_meeting(ctx: AppContext, log: LogInput) -> LogResult:
    meetings = ctx.services.meetings
    result = meetings.log_meeting(log)
    mid = result.meeting_id
    after = meetings.snapshot(mid)
    ctx.undo_stack.push(
        _Command(
            ctx,
            QCoreApplication.translate("MeetingCommands", "Log meeting"),
            _put(ctx, mid, after),
            _put(ctx, mid, result.replaced),
        )
    )
    ctx.notify("meetings")
    return result


# -- action items -----------------------------------------------------------------------------------


def _put_action(ctx: AppContext, action_id: int, snap: ActionSnapshot | None) -> Callable[[], object]:
    if snap is None:
        return lambda: ctx.services.meetings.delete_action(action_id)
    return lambda: ctx.services.meetings.restore_action(snap)


def change_action(
    ctx: AppContext, text: str, action_id: int | None, write: Callable[[], int | None]
) -> int | None:
    meetings = ctx.services.meetings
    before = meetings.action_snapshot(action_id) if action_id is not None else None
    result = write()
    target = result if result is not None else action_id
    assert target is not None
    after = meetings.action_snapshot(result) if result is not None else None
    ctx.undo_stack.push(
        _Command(ctx, text, _put_action(ctx, target, after), _put_action(ctx, target, before))
    )
    ctx.notify("meetings")
    return result


def add_action(
    ctx: AppContext,
    *,
    meeting_id: int | None,
    relationship_id: int | None,
    text: str,
    owner: Owner,
    due_on: date | None,
) -> int:
    new_id = change_action(
        ctx,
        QCoreApplication.translate("MeetingCommands", "Add action item"),
        None,
        lambda: ctx.services.meetings.add_action(
            meeting_id=meeting_id, relationship_id=relationship_id, text=text, owner=owner, due_on=due_on
        ),
    )
    assert new_id is not None
    return new_id


def set_action_done(ctx: AppContext, action_id: int, done: bool) -> None:
    def write() -> int:
        ctx.services.meetings.set_action_done(action_id, done)
        return action_id

    text = (
        QCoreApplication.translate("MeetingCommands", "Mark action item done")
        if done
        else QCoreApplication.translate("MeetingCommands", "Reopen action item")
    )
    change_action(ctx, text, action_id, write)


def delete_action(ctx: AppContext, action_id: int) -> None:
    def write() -> None:
        ctx.services.meetings.delete_action(action_id)
        return None

    change_action(ctx, QCoreApplication.translate("MeetingCommands", "Delete action item"), action_id, write)
