"""File > Import / Export of the full JSON export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from mentordesk.paths import data_dir

if TYPE_CHECKING:
    from mentordesk.ui.main_window import MainWindow

JSON_FILTER = "MentorDesk export (*.json)"


class _Busy:
    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()


def export_json(window: MainWindow) -> Path | None:
    default = str(Path.home() / "mentordesk-export.json")
    name, _ = QFileDialog.getSaveFileName(window, "Export everything as JSON", default, JSON_FILTER)
    if not name:
        return None
    path = Path(name)
    with _Busy():
        counts = window.ctx.services.data.export_json(path)
    window.ctx.status(f"Exported {sum(counts.values())} records to {path}")
    return path


def import_json(window: MainWindow) -> str | None:
    name, _ = QFileDialog.getOpenFileName(
        window, "Import a MentorDesk JSON export", str(data_dir()), JSON_FILTER
    )
    if not name:
        return None
    services = window.ctx.services
    with _Busy():
        preview = services.data.import_json(Path(name), dry_run=True)
    answer = QMessageBox.question(
        window,
        "Import JSON export",
        f"This import {preview.summary.removeprefix('would have ')}.\n\n"
        "Records are matched by their identity: existing ones are updated, new ones added. "
        "A backup is taken first. Go ahead?",
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    with _Busy():
        result = services.data.import_json(Path(name))
    window.undo_stack.clear()  # earlier undo steps may no longer match the data
    window.ctx.notify("all")
    window.ctx.status(f"Imported {Path(name).name}: {result.summary}")
    return result.summary
