"""Meeting prep: the Markdown brief for a planned meeting, to copy or save."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.meetings import MeetingPrep
from mentordesk.ui.context import AppContext


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` owner-only, replacing it whole (a temporary file, then a rename)."""
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)


class PrepDialog(QDialog):
    def __init__(self, ctx: AppContext, prep: MeetingPrep, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.prep = prep
        self.markdown = prep.markdown()
        self.setWindowTitle(self.tr("Prepare: {name}").format(name=prep.meeting.label))
        self.resize(640, 560)
        self.text = QPlainTextEdit(self.markdown)
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setAccessibleName(self.tr("Meeting prep"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.save_button = QPushButton(self.tr("&Save as Markdown…"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(lambda: self.save())
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.markdown)
        self.ctx.status(self.tr("Meeting prep copied as Markdown"))

    def save(self, path: str | None = None) -> Path | None:
        if path is None:
            name = f"prep-{self.prep.meeting.label.replace(' ', '-').lower()}-{self.prep.meeting.day.isoformat()}.md"
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save meeting prep"), name, self.tr("Markdown") + " (*.md)"
            )
        if not path:
            return None
        target = Path(path)
        try:
            write_private(target, self.markdown)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Save meeting prep"),
                self.tr("Could not write {path}: {reason}").format(path=target, reason=exc.strerror or exc),
            )
            return None
        self.ctx.status(self.tr("Meeting prep saved to {path}").format(path=target))
        return target
