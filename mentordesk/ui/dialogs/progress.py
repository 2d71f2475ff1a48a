"""Recording a goal's progress by hand: percent (0-100), date and a note."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.errors import ValidationError
from mentordesk.services.goals_types import GoalRow
from mentordesk.ui.a11y import label_fields
from mentordesk.ui.dialogs.goal_form import (
    ErrorLabel,
    FieldErrors,
    date_edit,
    from_qdate,
    parse_percent,
    submit_confirmed,
    with_error,
)

Submit = Callable[[float, date, str], object]


class ProgressDialog(QDialog):
    """``submit(percent, on, note)`` records the entry; refusals show under the field."""

    def __init__(self, goal: GoalRow, today: date, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record progress"))
        self.setObjectName("progressDialog")
        self._submit = submit
        self.result_value: object = None
        self.errors = FieldErrors(ErrorLabel())

        heading = QLabel(goal.title)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        if goal.progress_on:
            current_text = self.tr("Now at {percent}% (recorded {date})").format(
                percent=f"{goal.progress:.0f}", date=goal.progress_on.isoformat()
            )
        else:
            current_text = self.tr("Now at {percent}% (nothing recorded yet)").format(
                percent=f"{goal.progress:.0f}"
            )
        current = QLabel(current_text)
        current.setTextFormat(Qt.TextFormat.PlainText)

        self.percent_edit = QLineEdit(f"{goal.progress:g}")
        self.percent_edit.setAccessibleName(self.tr("Progress in percent"))
        self.percent_edit.setMaximumWidth(90)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 100)
        self.slider.setValue(round(goal.progress))
        self.slider.setAccessibleName(self.tr("Progress slider"))
        self.slider.valueChanged.connect(lambda v: self.percent_edit.setText(str(v)))
        self.percent_edit.textEdited.connect(self._sync_slider)
        self.date_edit = date_edit(today, self.tr("Date"))
        self.date_edit.setMaximumDate(self.date_edit.date())
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("What moved it (optional)"))
        self.note_edit.setAccessibleName(self.tr("Note"))

        row = QHBoxLayout()
        row.addWidget(self.percent_edit)
        row.addWidget(QLabel("%"))
        row.addWidget(self.slider, 1)
        form = QFormLayout()
        form.addRow(self.tr("&Progress"), with_error(row, self.errors.label("percent")))
        form.addRow(self.tr("&Date"), with_error(self.date_edit, self.errors.label("on")))
        form.addRow(self.tr("&Note"), with_error(self.note_edit, self.errors.label("note")))
        label_fields(form)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(current)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self.resize(460, 0)

    def _sync_slider(self, text: str) -> None:
        try:
            value = parse_percent(text)
        except ValidationError:
            return
        self.slider.blockSignals(True)
        self.slider.setValue(round(max(0.0, min(100.0, value))))
        self.slider.blockSignals(False)

    def accept(self) -> None:
        self.errors.clear()
        try:
            percent = parse_percent(self.percent_edit.text())
        except ValidationError as exc:
            self.errors.show(exc)
            return
        on, note = from_qdate(self.date_edit.date()), self.note_edit.text()
        done, result = submit_confirmed(self, lambda _confirm: self._submit(percent, on, note), self.errors)
        if done:
            self.result_value = result
            super().accept()
