"""Move a meeting to another day or time (keeping everything else), with a clash warning."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.errors import MentorDeskError
from mentordesk.services.meetings import MeetingRow
from mentordesk.ui.context import AppContext
from mentordesk.ui.dialogs.meeting_commands import move_meeting
from mentordesk.ui.dialogs.meeting_fields import (
    FormErrors,
    date_edit,
    error_label,
    local_datetime,
    to_qdate,
    to_qtime,
)
from mentordesk.ui.models.meetings import time_text, when_text
from mentordesk.ui.theme import AMBER


class MoveMeetingDialog(QDialog):
    def __init__(self, ctx: AppContext, row: MeetingRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.setWindowTitle(self.tr("Move meeting"))
        self.errors = FormErrors(error_label())
        current = QLabel(
            self.tr("{name}, now {when}").format(name=row.label, when=when_text(row, with_day=True))
        )
        current.setTextFormat(Qt.TextFormat.PlainText)
        self.date_edit = date_edit(to_qdate(row.day), self.tr("New date"))
        self.time_edit = QTimeEdit(QTime(0, 0) if row.all_day else to_qtime(row.start))
        self.time_edit.setAccessibleName(self.tr("New start time"))
        self.time_edit.setEnabled(not row.all_day)
        self.duration = QSpinBox()
        self.duration.setRange(5, 24 * 60)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setValue(min(row.duration_minutes, 24 * 60))
        self.duration.setEnabled(not row.all_day)
        self.suggest = QPushButton(self.tr("Suggest a time"))
        self.suggest.setEnabled(row.relationship_id is not None)
        self.suggest.clicked.connect(self.suggest_time)
        self.overlap = QLabel()
        self.overlap.setTextFormat(Qt.TextFormat.PlainText)
        self.overlap.setWordWrap(True)
        self.overlap.setStyleSheet(f"color: {AMBER.name()};")
        when = QHBoxLayout()
        when.addWidget(self.date_edit)
        when.addWidget(self.time_edit)
        when.addWidget(self.suggest)
        form = QFormLayout()
        form.addRow("", current)
        to_label = QLabel(self.tr("&To:"))
        to_label.setBuddy(self.date_edit)
        form.addRow(to_label, when)
        form.addRow("", self.errors.add("start"))
        form.addRow("", self.errors.add("status"))
        form.addRow(self.tr("&Duration:"), self.duration)
        form.addRow("", self.errors.add("duration"))
        form.addRow("", self.overlap)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Move"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        for signal in (self.date_edit.dateChanged, self.time_edit.timeChanged, self.duration.valueChanged):
            signal.connect(lambda *_a: self.check_overlaps())
        self.check_overlaps()

    def start(self) -> datetime:
        return local_datetime(self.date_edit.date(), self.time_edit.time())

    def check_overlaps(self) -> None:
        clashes = self.ctx.services.meetings.find_overlaps(
            self.start(), self.duration.value(), exclude_id=self.row.id, all_day=self.row.all_day
        )
        text = "; ".join(f"{c.label} {time_text(c.start)}–{time_text(c.end)}" for c in clashes)
        self.overlap.setText(self.tr("Overlaps with {meetings}").format(meetings=text) if clashes else "")
        self.overlap.setVisible(bool(clashes))

    def suggest_time(self) -> None:
        if self.row.relationship_id is None:
            return
        proposed = self.ctx.services.meetings.propose_next(
            self.row.relationship_id, duration_minutes=self.duration.value()
        )
        self.date_edit.setDate(to_qdate(proposed.astimezone().date()))
        self.time_edit.setTime(to_qtime(proposed))

    def accept(self) -> None:
        try:
            duration = None if self.row.all_day else self.duration.value()
            move_meeting(self.ctx, self.row.id, self.start(), duration)
        except MentorDeskError as exc:
            self.errors.show(exc)
            return
        super().accept()
