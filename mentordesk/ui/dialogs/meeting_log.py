"""Log a held meeting in a few seconds: a name (with completion), Enter, done."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.errors import MentorDeskError
from mentordesk.services.meetings import LogInput, LogResult, parse_action_lines
from mentordesk.ui.context import AppContext
from mentordesk.ui.dialogs.meeting_commands import log_meeting
from mentordesk.ui.dialogs.meeting_fields import (
    FormErrors,
    PersonPicker,
    channel_combo,
    date_edit,
    error_label,
    local_datetime,
    rating_combo,
    to_qdate,
    to_qtime,
)


def just_ended(now: datetime, minutes: int = 60) -> datetime:
    """The start of a meeting of ``minutes`` that ended at the last quarter hour before ``now``,
    kept on today's date (just after midnight the form proposes today, from midnight)."""
    local = now.astimezone().replace(second=0, microsecond=0)
    midnight = local.replace(hour=0, minute=0)
    local -= timedelta(minutes=local.minute % 15)
    return max(local - timedelta(minutes=minutes), midnight)


class LogMeetingDialog(QDialog):
    """Enter saves from the name field; notes and action items are optional."""

    def __init__(
        self,
        ctx: AppContext,
        *,
        relationship_id: int | None = None,
        start: datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_value: LogResult | None = None
        self.setWindowTitle(self.tr("Log a meeting"))
        self.setMinimumWidth(460)
        self.errors = FormErrors(error_label())
        self.person = PersonPicker(ctx.services.meetings.relationship_choices(include_inactive=False))
        self.person.set_relationship(relationship_id)
        first = start or just_ended(ctx.services.meetings.current_time())
        self.date_edit = date_edit(to_qdate(first.astimezone().date()), self.tr("Date"))
        self.time_edit = QTimeEdit(to_qtime(first))
        self.time_edit.setAccessibleName(self.tr("Start time"))
        self.duration = QSpinBox()
        self.duration.setRange(5, 24 * 60)
        self.duration.setSingleStep(15)
        self.duration.setValue(60)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setAccessibleName(self.tr("Duration"))
        self.channel = channel_combo()
        self.rating = rating_combo()
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("What was said, what you learned"))
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(80)
        self.action_items = QPlainTextEdit()
        self.action_items.setPlaceholderText(
            self.tr("Action items, one per line; start a line with “them:” for theirs")
        )
        self.action_items.setTabChangesFocus(True)
        self.action_items.setMinimumHeight(60)
        hint = QLabel(
            self.tr("Enter saves. A meeting already planned with this person that day is marked held.")
        )
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setWordWrap(True)
        hint.setEnabled(False)

        when = QHBoxLayout()
        when.addWidget(self.date_edit)
        when.addWidget(self.time_edit)
        when.addWidget(self.duration)
        when.addStretch(1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&With:"), self.person)
        form.addRow("", self.errors.add("relationship"))
        when_label = QLabel(self.tr("&When:"))
        when_label.setBuddy(self.date_edit)
        form.addRow(when_label, when)
        form.addRow("", self.errors.add("status"))
        form.addRow("", self.errors.add("start"))
        form.addRow(self.tr("&Channel:"), self.channel)
        form.addRow(self.tr("&Rating:"), self.rating)
        form.addRow("", self.errors.add("rating"))
        form.addRow(self.tr("&Notes:"), self.notes)
        form.addRow("", self.errors.add("notes"))
        form.addRow(self.tr("&Action items:"), self.action_items)
        form.addRow("", self.errors.add("action_items"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        (self.notes if relationship_id is not None else self.person).setFocus()

    def log_input(self) -> LogInput:
        rid = self.person.relationship_id()
        return LogInput(
            relationship_id=rid,
            start=local_datetime(self.date_edit.date(), self.time_edit.time()),
            duration_minutes=self.duration.value(),
            channel=self.channel.currentData(),
            notes=self.notes.toPlainText(),
            rating=self.rating.currentData(),
            action_items=parse_action_lines(self.action_items.toPlainText()),
        )

    def accept(self) -> None:
        try:
            self.result_value = log_meeting(self.ctx, self.log_input())
        except MentorDeskError as exc:
            self.errors.show(exc)
            return
        super().accept()
