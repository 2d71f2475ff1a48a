"""File > Import / Export of the full JSON export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from mentordesk.paths import data_dir

if TYPE_CHECKING:
    from mentordesk.ui.main_window import MainWindow

JSON_PATTERN = "(*.json)"


def _json_filter() -> str:
    return QCoreApplication.translate("DataIo", "MentorDesk export") + " " + JSON_PATTERN


class _Busy:
    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()


def export_json(window: MainWindow) -> Path | None:
    default = str(Path.home() / "mentordesk-export.json")
    name, _ = QFileDialog.getSaveFileName(
        window, QCoreApplication.translate("DataIo", "Export everything as JSON"), default, _json_filter()
    )
    if not name:
        return None
    path = Path(name)
    with _Busy():
        counts = window.ctx.services.data.export_json(path)
    window.ctx.status(
        QCoreApplication.translate("DataIo", "Exported {count} records to {path}").format(
            count=sum(counts.values()), path=path
        )
    )
    return path


def import_json(window: MainWindow) -> str | None:
    name, _ = QFileDialog.getOpenFileName(
        window,
        QCoreApplication.translate("DataIo", "Import a MentorDesk JSON export"),
        str(data_dir()),
        _json_filter(),
    )
    if not name:
        return None
    services = window.ctx.services
    with _Busy():
        preview = services.data.import_json(Path(name), dry_run=True)
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("DataIo", "Import JSON export"),
        QCoreApplication.translate(
            "DataIo",
            "This import {summary}.\n\n"
            "Records are matched by their identity: existing ones are updated, new ones added. "
            "A backup is taken first. Go ahead?",
        ).format(summary=preview.summary.removeprefix("would have ")),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    with _Busy():
        result = services.data.import_json(Path(name))
    window.undo_stack.clear()  # earlier undo steps may no longer match the data
    window.ctx.notify("all")
    window.ctx.status(
        QCoreApplication.translate("DataIo", "Imported {file}: {summary}").format(
            file=Path(name).name, summary=result.summary
        )
    )
    return result.summary
