"""File › Export › Tables as CSV: every table as a CSV file in a new folder the user places.

The files are readable by the owner only; cells a spreadsheet would run as formulas
(starting with ``=``, ``+``, ``-`` or ``@``) are written as plain text.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

if TYPE_CHECKING:
    from mentordesk.ui.main_window import MainWindow

SETTINGS_FOLDER = "csv_export/folder"


def folder_name(today: date) -> str:
    return f"MentorDesk tables {today.isoformat()}"


def export_csv(window: MainWindow) -> Path | None:
    """Ask for a place, then write the tables into a new "MentorDesk tables <date>" folder there.

    Returns the folder written, or ``None`` when the person cancelled. A problem raises
    :class:`MentorDeskError`, which the window shows in a message box.
    """
    from mentordesk.charts.export import write_csv_tables

    ctx = window.ctx
    start = str(ctx.settings.value(SETTINGS_FOLDER, "") or Path.home())
    chosen = QFileDialog.getExistingDirectory(
        window, QCoreApplication.translate("CsvExport", "Choose where to save the CSV tables"), start
    )
    if not chosen:
        return None
    base = Path(chosen)
    today = ctx.services.insights.today()
    folder = base / folder_name(today)
    number = 2
    while folder.exists():
        folder = base / f"{folder_name(today)} ({number})"
        number += 1
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        tables = ctx.services.insights.csv_tables()
        paths = write_csv_tables(folder, tables)
    finally:
        QGuiApplication.restoreOverrideCursor()
    ctx.settings.setValue(SETTINGS_FOLDER, str(base))
    ctx.status(
        QCoreApplication.translate("CsvExport", "{count} tables saved as CSV in {folder}").format(
            count=len(paths), folder=folder
        )
    )
    return folder
