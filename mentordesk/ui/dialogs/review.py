"""A periodic goal review: the date, the progress, what changed, whether the target still holds."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.enums import ProgressMode
from mentordesk.domain.progress import next_review
from mentordesk.services.errors import ValidationError
from mentordesk.services.goals_types import GoalRow, ReviewInput
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

Submit = Callable[[ReviewInput], object]


class ReviewDialog(QDialog):
    """``submit(review_input)`` records the review; the next review date is shown as it will be."""

    def __init__(self, goal: GoalRow, today: date, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Review goal"))
        self.setObjectName("reviewDialog")
        self.goal = goal
        self._submit = submit
        self.result_value: object = None
        self.errors = FieldErrors(ErrorLabel())
        self._derived = goal.progress_mode == ProgressMode.MILESTONES

        heading = QLabel(goal.title)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        target = goal.target_on.isoformat() if goal.target_on else self.tr("none set")
        last = goal.last_review_on.isoformat() if goal.last_review_on else self.tr("never")
        context = QLabel(
            self.tr("Target {target} · last reviewed {last} · reviewed every {days} days").format(
                target=target, last=last, days=goal.review_every_days
            )
        )
        context.setTextFormat(Qt.TextFormat.PlainText)

        self.date_edit = date_edit(today, self.tr("Review date"))
        self.date_edit.setMaximumDate(self.date_edit.date())
        self.percent_edit = QLineEdit(f"{goal.progress:g}")
        self.percent_edit.setAccessibleName(self.tr("Progress in percent"))
        self.percent_edit.setMaximumWidth(90)
        percent_row = QHBoxLayout()
        percent_row.addWidget(self.percent_edit)
        percent_row.addWidget(QLabel("%"))
        if self._derived:
            self.percent_edit.setEnabled(False)
            hint = QLabel(self.tr("follows the milestones"))
            hint.setEnabled(False)
            percent_row.addWidget(hint)
        percent_row.addStretch(1)
        self.changed_edit = QPlainTextEdit()
        self.changed_edit.setPlaceholderText(self.tr("What moved, what got in the way, what you learned"))
        self.changed_edit.setAccessibleName(self.tr("What changed"))
        self.changed_edit.setTabChangesFocus(True)
        self.holds_check = QCheckBox(self.tr("The target date still holds"))
        self.holds_check.setChecked(True)
        self.new_target_edit = date_edit(
            goal.target_on or today + timedelta(days=91), self.tr("New target date")
        )
        self.new_target_edit.setEnabled(False)
        self.holds_check.toggled.connect(lambda on: self.new_target_edit.setEnabled(not on))
        target_row = QHBoxLayout()
        target_row.addWidget(self.holds_check)
        target_row.addSpacing(12)
        target_row.addWidget(QLabel(self.tr("New target")))
        target_row.addWidget(self.new_target_edit)
        target_row.addStretch(1)
        self.next_label = QLabel()
        self.next_label.setTextFormat(Qt.TextFormat.PlainText)
        self.date_edit.dateChanged.connect(lambda _d: self._update_next())
        self._update_next()

        form = QFormLayout()
        form.addRow(self.tr("&Date"), with_error(self.date_edit, self.errors.label("reviewed_on")))
        form.addRow(self.tr("&Progress"), with_error(percent_row, self.errors.label("percent")))
        form.addRow(
            self.tr("&What changed"), with_error(self.changed_edit, self.errors.label("what_changed"))
        )
        form.addRow(
            self.tr("&Target"), with_error(target_row, self.errors.label("new_target_on", "target_on"))
        )
        form.addRow("", self.next_label)
        label_fields(form)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save review"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(context)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self.resize(560, 0)

    def _update_next(self) -> None:
        day = next_review(from_qdate(self.date_edit.date()), self.goal.start_on, self.goal.review_every_days)
        self.next_label.setText(self.tr("Next review: {date}").format(date=day.isoformat()) if day else "")

    def value(self) -> ReviewInput:
        percent = None if self._derived else parse_percent(self.percent_edit.text())
        holds = self.holds_check.isChecked()
        return ReviewInput(
            reviewed_on=from_qdate(self.date_edit.date()),
            percent=percent,
            what_changed=self.changed_edit.toPlainText(),
            target_holds=holds,
            new_target_on=None if holds else from_qdate(self.new_target_edit.date()),
        )

    def accept(self) -> None:
        self.errors.clear()
        try:
            data = self.value()
        except ValidationError as exc:
            self.errors.show(exc)
            return
        done, result = submit_confirmed(self, lambda _confirm: self._submit(data), self.errors)
        if done:
            self.result_value = result
            super().accept()
