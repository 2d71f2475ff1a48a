"""File > Backups: the list of backups, back up now, restore one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mentordesk.paths import backups_dir
from mentordesk.services.data import BackupInfo, restore_database
from mentordesk.services.errors import MentorDeskError
from mentordesk.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from mentordesk.ui.main_window import MainWindow

REASONS = {
    "manual": QT_TRANSLATE_NOOP("Backups", "On demand"),
    "daily": QT_TRANSLATE_NOOP("Backups", "Daily"),
    "before-import": QT_TRANSLATE_NOOP("Backups", "Before an import"),
    "before-restore": QT_TRANSLATE_NOOP("Backups", "Before a restore"),
    "before-repair": QT_TRANSLATE_NOOP("Backups", "Before a repair"),
    "before-demo": QT_TRANSLATE_NOOP("Backups", "Before sample data"),
}


def reason_text(reason: str) -> str:
    if reason.startswith("before-upgrade-from-"):
        return QCoreApplication.translate("Backups", "Before an upgrade")
    if reason in REASONS:
        return QCoreApplication.translate("Backups", REASONS[reason])
    return reason.replace("-", " ").capitalize()


class BackupsDialog(QDialog):
    COLUMNS = (
        QT_TRANSLATE_NOOP("BackupsDialog", "Taken"),
        QT_TRANSLATE_NOOP("BackupsDialog", "Why"),
        QT_TRANSLATE_NOOP("BackupsDialog", "Size"),
        QT_TRANSLATE_NOOP("BackupsDialog", "People"),
        QT_TRANSLATE_NOOP("BackupsDialog", "Meetings"),
        QT_TRANSLATE_NOOP("BackupsDialog", "Goals"),
    )

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.window_ = window
        self.setWindowTitle(self.tr("Backups"))
        self.resize(760, 420)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )  # "Why" takes the room
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; arrows move within it
        intro = QLabel(
            self.tr(
                "MentorDesk backs up your database every day you use it, before upgrades, imports and "
                "restores. It keeps everything from the last day, then one backup for each of the last "
                "7 days, 4 weeks and 6 months."
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.empty = QLabel(self.tr("No backups yet. Choose “Back up now” to make the first one."))
        self.backup_button = QPushButton(self.tr("Back up &now"))
        self.restore_button = QPushButton(self.tr("&Restore selected…"))
        self.folder_button = QPushButton(self.tr("Open backups &folder"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button.clicked.connect(self.open_folder)
        buttons = QHBoxLayout()
        for b in (self.backup_button, self.restore_button, self.folder_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()

    def refresh(self) -> None:
        self.backups: list[BackupInfo] = self.window_.ctx.services.data.backups()
        self.table.setRowCount(len(self.backups))
        for row, b in enumerate(self.backups):
            cells = (
                f"{b.taken_at:%Y-%m-%d %H:%M}",
                reason_text(b.reason),
                self.tr("{size} KB").format(size=f"{b.size / 1024:,.0f}"),
                "—" if b.people is None else str(b.people),
                "—" if b.meetings is None else str(b.meetings),
                "—" if b.goals is None else str(b.goals),
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        self.empty.setVisible(not self.backups)
        self.table.setVisible(bool(self.backups))
        if self.backups:
            self.table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def back_up_now(self) -> Path | None:
        try:
            path = self.window_.ctx.services.data.backup()
        except MentorDeskError as exc:
            QMessageBox.warning(self, self.tr("Backup failed"), str(exc))
            return None
        self.window_.ctx.status(self.tr("Backed up to {path}").format(path=path))
        self.refresh()
        return path

    def restore_selected(self, *, confirm: bool = True) -> bool:
        backup = self.selected()
        db_path = self.window_.ctx.services.db_path
        if backup is None or db_path is None:
            return False
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Restore backup"),
                self.tr(
                    "Replace your data with the backup from {taken}?\n\n"
                    "Your current data is saved as a backup first, so this can be undone by restoring that one."
                ).format(taken=f"{backup.taken_at:%Y-%m-%d %H:%M}"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.window_.ctx.services.close()
        try:
            restore_database(db_path, backup.path)
        except MentorDeskError as exc:
            QMessageBox.warning(self, self.tr("Restore failed"), str(exc))
            self.window_.switch_database(db_path)
            return False
        self.window_.switch_database(db_path)
        self.window_.ctx.status(
            self.tr("Restored the backup from {taken}").format(taken=f"{backup.taken_at:%Y-%m-%d %H:%M}")
        )
        self.refresh()
        return True

    def open_folder(self) -> None:
        db_path = self.window_.ctx.services.db_path
        if db_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(backups_dir(db_path))))


def show_backups(window: MainWindow) -> None:
    if window.ctx.services.db_path is None:
        QMessageBox.information(
            window,
            QCoreApplication.translate("Backups", "Backups"),
            QCoreApplication.translate("Backups", "This database lives in memory and has no backups."),
        )
        return
    BackupsDialog(window).exec()


def back_up_now(window: MainWindow) -> Path:
    """File > Back up now (Ctrl+S): every change is already saved; this also writes a backup copy."""
    path = window.ctx.services.data.backup()
    window.ctx.status(
        QCoreApplication.translate(
            "BackupsDialog", "Every change is saved as you make it; a backup copy is in {path}"
        ).format(path=path)
    )
    return path
