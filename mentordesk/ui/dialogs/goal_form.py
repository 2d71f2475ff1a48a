"""What the goal, progress and review dialogs share: error labels next to fields, dates, submitting.

A dialog is handed a ``submit`` callable; accepting the dialog calls it. A refused write
(:class:`ValidationError`) shows its words under the field it names and keeps the dialog open;
a write that needs confirmation (:class:`ConfirmationNeeded`) asks first and repeats with
``confirm=True``. Tests construct a dialog, set its fields and call ``accept()``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import QDateEdit, QLabel, QLayout, QMessageBox, QVBoxLayout, QWidget

from mentordesk.services.errors import MentorDeskError, ValidationError
from mentordesk.services.goals_types import ConfirmationNeeded
from mentordesk.ui.theme import RED

DATE_FORMAT = "yyyy-MM-dd"


class ErrorLabel(QLabel):
    """A red message under a field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {RED.name()};")
        self.hide()

    def set_error(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class FieldErrors:
    """Error labels by field name; messages for unknown fields go to the general label."""

    def __init__(self, general: ErrorLabel) -> None:
        self.general = general
        self._labels: dict[str, ErrorLabel] = {}

    def label(self, *fields: str) -> ErrorLabel:
        label = ErrorLabel()
        for f in fields:
            self._labels[f] = label
        return label

    def clear(self) -> None:
        self.general.set_error("")
        for label in self._labels.values():
            label.set_error("")

    def show(self, exc: MentorDeskError) -> None:
        self._labels.get(exc.field or "", self.general).set_error(str(exc))

    def text(self, field: str) -> str:
        label = self._labels.get(field, self.general)
        return label.text() if label.isVisible() or label.text() else ""


def date_edit(value: date, accessible: str) -> QDateEdit:
    edit = QDateEdit(to_qdate(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setAccessibleName(accessible)
    return edit


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def parse_percent(text: str, field: str = "percent") -> float:
    cleaned = text.strip().rstrip("%").strip().replace(",", ".")
    try:
        return float(cleaned)
    except ValueError:
        raise ValidationError(
            QCoreApplication.translate(
                "GoalForm", "'{text}' is not a number: enter progress from 0 to 100"
            ).format(text=text.strip())
            if text.strip()
            else QCoreApplication.translate("GoalForm", "Enter progress from 0 to 100"),
            field=field,
        ) from None


def confirm(parent: QWidget | None, title: str, question: str) -> bool:
    """Ask a yes/no question. ``question``'s first line is fixed text, so it is never read as markup."""
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def submit_confirmed(
    parent: QWidget | None, action: Callable[[bool], object], errors: FieldErrors | None = None
) -> tuple[bool, object]:
    """Run ``action(confirm)``; on :class:`ConfirmationNeeded` ask, then run ``action(True)``.

    Returns (done, result). Refusals are shown in ``errors`` (or a message box without one).
    """
    try:
        try:
            return True, action(False)
        except ConfirmationNeeded as question:
            title = QCoreApplication.translate("GoalForm", "Please confirm")
            text = QCoreApplication.translate("GoalForm", "Please confirm this change.\n\n{question}")
            if not confirm(parent, title, text.format(question=question)):
                return False, None
            return True, action(True)
    except MentorDeskError as exc:
        if errors is not None:
            errors.show(exc)
        else:
            QMessageBox.warning(
                parent,
                "MentorDesk",
                QCoreApplication.translate("GoalForm", "The change was not saved.\n\n{error}").format(
                    error=exc
                ),
            )
        return False, None


def with_error(field: QWidget | QLayout, error: ErrorLabel) -> QWidget:
    """A field (or a row of fields) with its error label under it."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    if isinstance(field, QLayout):
        layout.addLayout(field)
    else:
        layout.addWidget(field)
    layout.addWidget(error)
    return holder
