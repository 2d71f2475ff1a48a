"""Log a thank-you note or gesture in a relationship's appreciation log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from mentordesk.domain.enums import AppreciationKind
from mentordesk.services.errors import ValidationError
from mentordesk.ui import i18n
from mentordesk.ui.a11y import label_fields
from mentordesk.ui.widgets.mentor_fields import ErrorLabel, FieldBox, pydate, qdate

Submit = Callable[[date, str, str], object]  # (on, kind, text)


class AppreciationDialog(QDialog):
    def __init__(self, parent: QWidget | None, *, name: str, today: date, submit: Submit) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Appreciation for {name}").format(name=name))
        self._submit = submit
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(qdate(today))
        self.date_edit.setMinimumDate(QDate(1970, 1, 1))
        self.date_edit.setDate(qdate(today))
        self.kind_combo = QComboBox()
        for kind in AppreciationKind:
            self.kind_combo.addItem(i18n.label(kind), kind.value)
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText(self.tr("e.g. Sent a thank-you note after the review"))
        self.boxes = {
            "on": FieldBox(self.date_edit),
            "kind": FieldBox(self.kind_combo),
            "text": FieldBox(self.text_edit),
        }
        self.general_error = ErrorLabel()
        form = QFormLayout(self)
        form.addRow(self.general_error)
        form.addRow(self.tr("&Date"), self.boxes["on"])
        form.addRow(self.tr("&Kind"), self.boxes["kind"])
        form.addRow(self.tr("&What you did"), self.boxes["text"])
        label_fields(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.text_edit.setFocus()
        self.resize(440, self.sizeHint().height())

    def accept(self) -> None:
        for box in self.boxes.values():
            box.error.show_message("")
        self.general_error.show_message("")
        try:
            self._submit(
                pydate(self.date_edit.date()), str(self.kind_combo.currentData()), self.text_edit.text()
            )
        except ValidationError as exc:
            target = self.boxes.get(exc.field or "")
            (target.error if target else self.general_error).show_message(exc.message)
            return
        super().accept()
