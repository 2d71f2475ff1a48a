"""Small form widgets the mentors tab's dialogs share: an optional date, the cadence choice
and the red message shown under a field that was refused (and, from
:mod:`mentordesk.ui.widgets.labels`, the plain-text labels)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.enums import CADENCE_PRESETS, DEFAULT_CADENCE_DAYS
from mentordesk.ui.i18n import ENUM_CONTEXT, QT_TRANSLATE_NOOP
from mentordesk.ui.theme import RED

CUSTOM = QT_TRANSLATE_NOOP("CadenceEdit", "Every N days")


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ErrorLabel(QLabel):
    """A refused value's message, in words, in red, under its field. Hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {RED.name()};")
        self.setAccessibleName(self.tr("Error"))
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))


class FieldBox(QWidget):
    """A field with its error label underneath."""

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.error = ErrorLabel()
        # Never take a form's spare height (fields would float in the middle of tall rows).
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        layout.addWidget(self.error)


class OptionalDateEdit(QWidget):
    """A date that may be left unset: a check box turns the date on."""

    changed = Signal()

    def __init__(self, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        name = name or self.tr("Date")
        self.check = QCheckBox()
        self.check.setAccessibleName(self.tr("{name}: set").format(name=name))
        self.check.setToolTip(self.tr("Tick to set a date"))
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setDate(QDate.currentDate())
        self.edit.setEnabled(False)
        self.edit.setAccessibleName(name)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(lambda _on: self.changed.emit())
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)

    def value(self) -> date | None:
        return pydate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, value: date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(qdate(value))


class CadenceEdit(QWidget):
    """Weekly, every two weeks, monthly (the default), quarterly, or every N days."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Cadence"))
        for label, days in CADENCE_PRESETS.items():
            self.combo.addItem(QCoreApplication.translate(ENUM_CONTEXT, label), days)
        self.combo.addItem(self.tr(CUSTOM), 0)
        self.spin = QSpinBox()
        self.spin.setRange(1, 3660)
        self.spin.setSuffix(self.tr(" days"))
        self.spin.setAccessibleName(self.tr("Cadence in days"))
        self.spin.setValue(DEFAULT_CADENCE_DAYS)
        self.combo.currentIndexChanged.connect(self._sync)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.spin)
        self.set_days(DEFAULT_CADENCE_DAYS)

    def _sync(self) -> None:
        custom = self.combo.currentData() == 0
        self.spin.setVisible(custom)
        if not custom:
            self.spin.setValue(int(self.combo.currentData()))

    def days(self) -> int:
        data = self.combo.currentData()
        return int(self.spin.value() if data == 0 else data)

    def set_days(self, days: int) -> None:
        index = self.combo.findData(days)
        if index < 0:
            index = self.combo.findData(0)
            self.spin.setValue(max(1, days))
        self.combo.setCurrentIndex(index)
        self._sync()
