"""Move a relationship along its lifecycle on a chosen date, with an optional note
(the panel's Pause / Resume / End buttons do the same with today's date)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from mentordesk.domain.enums import RelStatus
from mentordesk.services.errors import ValidationError
from mentordesk.ui import i18n
from mentordesk.ui.a11y import label_fields
from mentordesk.ui.widgets.labels import plain
from mentordesk.ui.widgets.mentor_fields import ErrorLabel, FieldBox, pydate, qdate

Submit = Callable[[RelStatus, date, str], object]  # (status, on, note)


class StatusDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        *,
        name: str,
        current: RelStatus,
        options: tuple[RelStatus, ...],
        today: date,
        submit: Submit,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Status of {name}").format(name=name))
        self._submit = submit
        self.status_combo = QComboBox()
        for status in options:
            self.status_combo.addItem(i18n.label(status), status.value)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMinimumDate(QDate(1970, 1, 1))
        self.date_edit.setMaximumDate(qdate(today))
        self.date_edit.setDate(qdate(today))
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Optional, e.g. parental leave until spring"))
        self.boxes = {
            "status": FieldBox(self.status_combo),
            "changed_on": FieldBox(self.date_edit),
            "note": FieldBox(self.note_edit),
        }
        self.general_error = ErrorLabel()
        form = QFormLayout(self)
        form.addRow(plain(self.tr("Now: {status}").format(status=i18n.label(current))))
        form.addRow(self.general_error)
        form.addRow(self.tr("&New status"), self.boxes["status"])
        form.addRow(self.tr("&Since"), self.boxes["changed_on"])
        form.addRow(self.tr("N&ote"), self.boxes["note"])
        label_fields(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(420, self.sizeHint().height())

    def accept(self) -> None:
        for box in self.boxes.values():
            box.error.show_message("")
        self.general_error.show_message("")
        status = RelStatus(str(self.status_combo.currentData()))
        try:
            self._submit(status, pydate(self.date_edit.date()), self.note_edit.text())
        except ValidationError as exc:
            target = self.boxes.get(exc.field or "")
            (target.error if target else self.general_error).show_message(exc.message)
            return
        super().accept()
