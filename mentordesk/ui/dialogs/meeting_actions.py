"""What the calendar tab does with meetings: open the dialogs and run the quick undoable actions.

Dialogs open with ``open()`` (never a blocking ``exec()``) and are kept in ``self.dialog`` until
they close, so a test can fill one in and call ``accept()``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from mentordesk.domain.enums import MeetingStatus, Owner
from mentordesk.services.errors import MentorDeskError
from mentordesk.ui import i18n
from mentordesk.ui.dialogs import meeting_commands as commands
from mentordesk.ui.dialogs.meeting import MeetingDialog
from mentordesk.ui.dialogs.meeting_log import LogMeetingDialog
from mentordesk.ui.dialogs.meeting_move import MoveMeetingDialog
from mentordesk.ui.dialogs.meeting_prep import PrepDialog
from mentordesk.ui.models.meetings import day_text, time_text

if TYPE_CHECKING:
    from mentordesk.services.meetings import MeetingRow
    from mentordesk.ui.context import AppContext
    from mentordesk.ui.widgets.calendar_detail import MeetingDetailPanel
    from mentordesk.ui.widgets.calendar_month import MonthCalendar


class CalendarActions:
    if TYPE_CHECKING:
        ctx: AppContext
        dialog: QWidget | None
        detail: MeetingDetailPanel
        calendar: MonthCalendar

        def select_item(self, kind: str, item_id: int) -> None: ...
        def selected_day(self) -> date: ...
        def current_meeting(self) -> MeetingRow | None: ...

    # -- helpers ------------------------------------------------------------------------------
    def _parent(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self

    def _try(self, action: Callable[[], object]) -> bool:
        """Run a quick action; a refusal goes to the status bar, not to a traceback."""
        try:
            action()
        except MentorDeskError as exc:
            self.ctx.status(str(exc))
            return False
        return True

    def _show_dialog(self, dialog: QDialog, on_accept: Callable[[], object] | None = None) -> None:
        self.dialog = dialog

        def finished(result: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            if result == QDialog.DialogCode.Accepted and on_accept is not None:
                on_accept()

        dialog.finished.connect(finished)
        dialog.open()

    def show_detail(self, meeting_id: int | None) -> None:
        if meeting_id is None:
            self.detail.show_meeting(None)
            return
        try:
            self.detail.show_meeting(self.ctx.services.meetings.get(meeting_id))
        except MentorDeskError:
            self.detail.show_meeting(None)

    def _saved(self, meeting_id: int | None, message: str, overlaps: list[str]) -> None:
        """Say what happened; ``message`` is a translated text with {name} and {when} in it."""
        if meeting_id is None:
            return
        self.select_item("meeting", meeting_id)
        row = self.ctx.services.meetings.get(meeting_id).row
        when = day_text(row.day)
        if not row.all_day:
            when = QCoreApplication.translate("CalendarActions", "{day} at {time}").format(
                day=when, time=time_text(row.start)
            )
        message = message.format(name=row.label, when=when)
        if overlaps:
            message += QCoreApplication.translate("CalendarActions", " — it overlaps with {meetings}").format(
                meetings=", ".join(overlaps)
            )
        self.ctx.status(message)

    # -- dialogs ------------------------------------------------------------------------------
    def new_meeting(
        self, day: date | None = None, relationship_id: int | None = None, start: datetime | None = None
    ) -> MeetingDialog:
        dialog = MeetingDialog(
            self.ctx,
            day=day or self.selected_day(),
            relationship_id=relationship_id,
            start=start,
            parent=self._parent(),
        )
        self._show_dialog(
            dialog,
            lambda: self._saved(
                dialog.saved_id,
                QCoreApplication.translate("CalendarActions", "Meeting with {name} added for {when}"),
                dialog.overlap_names,
            ),
        )
        return dialog

    def schedule(self, relationship_id: int) -> MeetingDialog | None:
        """Plan the next meeting with a relationship at the time the cadence suggests."""
        try:
            start = self.ctx.services.meetings.propose_next(relationship_id)
        except MentorDeskError as exc:
            self.ctx.status(str(exc))
            return None
        return self.new_meeting(day=start.astimezone().date(), relationship_id=relationship_id, start=start)

    def open_meeting(self, meeting_id: int) -> MeetingDialog | None:
        try:
            detail = self.ctx.services.meetings.get(meeting_id)
        except MentorDeskError as exc:
            self.ctx.status(str(exc))
            return None
        dialog = MeetingDialog(self.ctx, meeting=detail, parent=self._parent())
        self._show_dialog(
            dialog,
            lambda: self._saved(
                dialog.saved_id,
                QCoreApplication.translate("CalendarActions", "Meeting with {name} saved for {when}"),
                dialog.overlap_names,
            ),
        )
        return dialog

    def _open_selected(self) -> None:
        row = self.current_meeting()
        if row is not None:
            self.open_meeting(row.id)

    def _day_activated(self, day: date) -> None:
        """Enter or double-click on a day: open its meeting (the one selected in the agenda, else
        the day's first), or plan one there when the day has none."""
        rows = self.ctx.services.meetings.agenda(day, day)
        if not rows:
            self.new_meeting(day=day)
            return
        current = self.current_meeting()
        self.open_meeting(current.id if current is not None and current.day == day else rows[0].id)

    def log_meeting(self, relationship_id: int | None = None) -> LogMeetingDialog:
        dialog = LogMeetingDialog(self.ctx, relationship_id=relationship_id, parent=self._parent())

        def done() -> None:
            result = dialog.result_value
            if result is not None:
                if result.replaced is not None:
                    message = QCoreApplication.translate(
                        "CalendarActions", "Meeting with {name} marked held for {when}"
                    )
                else:
                    message = QCoreApplication.translate(
                        "CalendarActions", "Meeting with {name} logged for {when}"
                    )
                self._saved(result.meeting_id, message, [])

        self._show_dialog(dialog, done)
        return dialog

    def move_meeting(self, meeting_id: int) -> MoveMeetingDialog | None:
        try:
            row = self.ctx.services.meetings.get(meeting_id).row
        except MentorDeskError as exc:
            self.ctx.status(str(exc))
            return None
        dialog = MoveMeetingDialog(self.ctx, row, parent=self._parent())
        self._show_dialog(
            dialog,
            lambda: self._saved(
                meeting_id,
                QCoreApplication.translate("CalendarActions", "Meeting with {name} moved for {when}"),
                [],
            ),
        )
        return dialog

    def prep(self, meeting_id: int) -> PrepDialog | None:
        try:
            prep = self.ctx.services.meetings.prep(meeting_id)
        except MentorDeskError as exc:
            self.ctx.status(str(exc))
            return None
        dialog = PrepDialog(self.ctx, prep, parent=self._parent())
        self._show_dialog(dialog)
        return dialog

    # -- quick actions --------------------------------------------------------------------------
    def set_status(self, meeting_id: int, status: MeetingStatus) -> None:
        if self._try(lambda: commands.set_status(self.ctx, meeting_id, status)):
            self.ctx.status(
                QCoreApplication.translate(
                    "CalendarActions", "Meeting marked {status} (Ctrl+Z undoes)"
                ).format(status=i18n.label(status).lower())
            )

    def delete_meeting(self, meeting_id: int) -> None:
        if self._try(lambda: commands.delete_meeting(self.ctx, meeting_id)):
            self.ctx.status(
                QCoreApplication.translate("CalendarActions", "Meeting deleted (Ctrl+Z puts it back)")
            )

    def _delete_selected(self) -> None:
        row = self.current_meeting()
        if row is not None:
            self.delete_meeting(row.id)

    def answer_prompt(self, meeting_id: int, status: MeetingStatus | None) -> None:
        self._try(lambda: commands.answer_held_prompt(self.ctx, meeting_id, status))
        if status == MeetingStatus.HELD:
            self.select_item("meeting", meeting_id)
            self.ctx.status(
                QCoreApplication.translate(
                    "CalendarActions", "Marked held. Open it (Enter) to add notes and action items."
                )
            )

    def toggle_action(self, action_id: int, done: bool) -> None:
        self._try(lambda: commands.set_action_done(self.ctx, action_id, done))

    def add_action(self, meeting_id: int, text: str, owner: Owner, due_on: date | None) -> None:
        row = self.ctx.services.meetings.get(meeting_id).row
        ok = self._try(
            lambda: commands.add_action(
                self.ctx,
                meeting_id=meeting_id,
                relationship_id=row.relationship_id,
                text=text,
                owner=owner,
                due_on=due_on,
            )
        )
        if ok:
            self.detail.action_added()

    def delete_action(self, action_id: int) -> None:
        if self._try(lambda: commands.delete_action(self.ctx, action_id)):
            self.ctx.status(
                QCoreApplication.translate("CalendarActions", "Action item deleted (Ctrl+Z puts it back)")
            )
