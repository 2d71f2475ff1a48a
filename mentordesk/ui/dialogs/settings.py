"""Edit > Preferences: data location, reminders, calendar, defaults, backups, theme."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.errors import MentorDeskError
from mentordesk.store.backup import Retention
from mentordesk.ui.i18n import QT_TRANSLATE_NOOP
from mentordesk.ui.preferences import Preferences
from mentordesk.ui.theme import apply_theme

if TYPE_CHECKING:
    from mentordesk.ui.main_window import MainWindow

WEEK_DAYS = (
    QT_TRANSLATE_NOOP("SettingsDialog", "Follow the language setting"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Monday"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Tuesday"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Wednesday"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Thursday"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Friday"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Saturday"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Sunday"),
)


def _spin(low: int, high: int, suffix: str, name: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    spin.setAccessibleName(name)
    return spin


class SettingsDialog(QDialog):
    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.window_ = window
        self.setWindowTitle(self.tr("Preferences"))
        self.prefs = Preferences.load(window.settings)

        db = window.ctx.services.db_path
        self.db_label = QLabel(str(db) if db else self.tr("in memory"))
        self.db_label.setTextFormat(Qt.TextFormat.PlainText)
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.db_label.setWordWrap(True)
        open_folder = QPushButton(self.tr("Open data &folder"))
        open_folder.clicked.connect(self.open_data_folder)
        self.move_button = QPushButton(self.tr("&Move database…"))
        self.move_button.clicked.connect(self.choose_move_target)
        use_other = QPushButton(self.tr("&Use another database…"))
        use_other.clicked.connect(window.open_database)
        buttons = QHBoxLayout()
        for b in (open_folder, self.move_button, use_other):
            buttons.addWidget(b)
        buttons.addStretch(1)
        data_box = QGroupBox(self.tr("Data"))
        data_layout = QVBoxLayout(data_box)
        data_layout.addWidget(self.db_label)
        data_layout.addLayout(buttons)

        self.reminder = _spin(0, 24 * 60, self.tr(" minutes before"), self.tr("Reminder lead time"))
        self.reminder.setSpecialValueText(self.tr("No reminders"))
        self.reminder.setValue(self.prefs.reminder_minutes)
        self.digest = QCheckBox(self.tr("Once a day, tell me whose check-in is due"))
        self.digest.setChecked(self.prefs.daily_digest)
        self.week_start = QComboBox()
        self.week_start.addItems([self.tr(day) for day in WEEK_DAYS])
        self.week_start.setCurrentIndex(self.prefs.week_start)
        self.week_start.setAccessibleName(self.tr("First day of the week"))
        self.cadence = _spin(1, 3660, self.tr(" days"), self.tr("Default cadence for new relationships"))
        self.cadence.setValue(self.prefs.default_cadence)
        self.theme = QComboBox()
        for value, label in (
            ("system", self.tr("Follow the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.theme.addItem(label, value)
        self.theme.setCurrentIndex(self.theme.findData(self.prefs.theme))
        self.theme.setAccessibleName(self.tr("Colour theme"))
        general = QGroupBox(self.tr("Working"))
        form = QFormLayout(general)
        form.addRow(self.tr("&Reminders:"), self.reminder)
        form.addRow("", self.digest)
        form.addRow(self.tr("&Week starts on:"), self.week_start)
        form.addRow(self.tr("New relationships meet &every:"), self.cadence)
        form.addRow(self.tr("&Theme:"), self.theme)

        self.keep_daily = _spin(1, 365, self.tr(" daily"), self.tr("Daily backups kept"))
        self.keep_weekly = _spin(0, 520, self.tr(" weekly"), self.tr("Weekly backups kept"))
        self.keep_monthly = _spin(0, 240, self.tr(" monthly"), self.tr("Monthly backups kept"))
        self.keep_daily.setValue(self.prefs.keep_daily)
        self.keep_weekly.setValue(self.prefs.keep_weekly)
        self.keep_monthly.setValue(self.prefs.keep_monthly)
        keep_row = QHBoxLayout()
        for spin in (self.keep_daily, self.keep_weekly, self.keep_monthly):
            keep_row.addWidget(spin)
        keep_row.addStretch(1)
        backups = QGroupBox(self.tr("Backups"))
        backups_form = QFormLayout(backups)
        backups_form.addRow(self.tr("Keep:"), keep_row)
        note = QLabel(self.tr("Every backup from the last 24 hours is kept as well."))
        note.setTextFormat(Qt.TextFormat.PlainText)
        backups_form.addRow("", note)

        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (data_box, general, backups, box):
            layout.addWidget(widget)

    def values(self) -> Preferences:
        return Preferences(
            theme=str(self.theme.currentData()),
            reminder_minutes=self.reminder.value(),
            daily_digest=self.digest.isChecked(),
            week_start=self.week_start.currentIndex(),
            default_cadence=self.cadence.value(),
            keep_daily=self.keep_daily.value(),
            keep_weekly=self.keep_weekly.value(),
            keep_monthly=self.keep_monthly.value(),
            db_path=self.prefs.db_path,
        )

    def accept(self) -> None:
        prefs = self.values()
        prefs.save(self.window_.settings)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, prefs.theme)
        self.window_.apply_preferences(prefs)
        super().accept()

    def open_data_folder(self) -> None:
        db = self.window_.ctx.services.db_path
        if db is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(db.parent)))

    def choose_move_target(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Move the database to"))
        if folder:
            self.move_to(Path(folder))

    def move_to(self, folder: Path) -> Path | None:
        """Copy the database into ``folder`` (verified), switch to it, remember it. The old file stays."""
        from mentordesk.store.backup import copy_database

        source = self.window_.ctx.services.db_path
        if source is None:
            return None
        target = folder / source.name
        if target.exists():
            QMessageBox.warning(
                self,
                self.tr("Move database"),
                self.tr("{path} already exists; choose another folder.").format(path=target),
            )
            return None
        try:
            copy_database(source, target)
        except (MentorDeskError, OSError) as exc:
            QMessageBox.warning(
                self,
                self.tr("Move database"),
                self.tr("The database could not be copied: {error}").format(error=exc),
            )
            return None
        if not self.window_.switch_database(target):
            return None
        self.prefs.db_path = str(target)
        self.prefs.save(self.window_.settings)
        self.db_label.setText(str(target))
        QMessageBox.information(
            self,
            self.tr("Database moved"),
            self.tr(
                "MentorDesk now uses {path}.\n\nThe old file is still at {old}; delete it when you are sure."
            ).format(path=target, old=source),
        )
        return target


def show_settings(window: MainWindow) -> None:
    SettingsDialog(window).exec()


def retention(prefs: Preferences) -> Retention:
    return Retention(prefs.keep_daily, prefs.keep_weekly, prefs.keep_monthly)
