"""File › Export › Progress report: choose a period, then a PDF file; the report is built there.

:func:`export_report` opens :class:`ReportDialog` window-modally and returns it, so a test
can set its fields and call ``accept()`` without a blocking ``exec()`` loop.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.errors import MentorDeskError
from mentordesk.services.insights_types import RangePreset
from mentordesk.ui.context import AppContext
from mentordesk.ui.tabs.insights_filters import PeriodPicker

if TYPE_CHECKING:
    from mentordesk.ui.main_window import MainWindow

SETTINGS_AUTHOR = "report/author"
SETTINGS_FOLDER = "report/folder"
SETTINGS_PERIOD = "report/period"


class ReportDialog(QDialog):
    """Period and author of the progress report; accepting asks for the file and writes it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Progress report"))
        self.written: Path | None = None
        self.pages = 0
        insights = ctx.services.insights
        self.period_picker = PeriodPicker(
            lambda preset, start, end: insights.period(preset, start, end), label=False
        )
        saved = str(ctx.settings.value(SETTINGS_PERIOD, RangePreset.LAST_12_MONTHS.value))
        if saved in RangePreset._value2member_map_ and saved != RangePreset.CUSTOM.value:
            self.period_picker.set_preset(saved)
        self.author_edit = QLineEdit(str(ctx.settings.value(SETTINGS_AUTHOR, "") or ""))
        self.author_edit.setPlaceholderText(self.tr("Your name (optional)"))
        self.author_edit.setMaxLength(200)
        self.author_edit.setAccessibleName(self.tr("Prepared by"))
        intro = QLabel(
            self.tr(
                "A PDF to share in a review: a summary, the four charts, your goals with their milestones, "
                "and a log of the meetings in the period with their outcomes and closed action items."
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label = QLabel()
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setStyleSheet("color: #D55E00;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Period"), self.period_picker)
        form.addRow(self.tr("Prepared &by"), self.author_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton(
            self.tr("&Save report…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def default_path(self) -> Path:
        folder = Path(str(self.ctx.settings.value(SETTINGS_FOLDER, "") or Path.home()))
        period = self.period_picker.period
        name = self.tr("Mentoring report {start} to {end}").format(
            start=period.start.isoformat(), end=period.end.isoformat()
        )
        return folder / f"{name}.pdf"

    def accept(self) -> None:
        """Ask where to save, build the report there, and close; stays open on a problem or a cancel."""
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the progress report"),
            str(self.default_path()),
            self.tr("PDF document") + " (*.pdf)",
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            self.pages = self.build(path)
        except MentorDeskError as err:
            self.error_label.setText(str(err))
            self.error_label.show()
            return
        self.written = path
        settings = self.ctx.settings
        settings.setValue(SETTINGS_FOLDER, str(path.parent))
        settings.setValue(SETTINGS_AUTHOR, self.author_edit.text().strip())
        settings.setValue(SETTINGS_PERIOD, self.period_picker.current_preset().value)
        self.ctx.status(
            self.tr("Progress report saved to {path} ({pages} pages)").format(path=path, pages=self.pages)
        )
        super().accept()

    def build(self, path: Path) -> int:
        """Write the report for the chosen period to ``path``; returns its page count."""
        from mentordesk.charts.report import build_report

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            data = self.ctx.services.insights.report_data(
                self.period_picker.period, author=self.author_edit.text().strip()
            )
            return build_report(data, path)
        finally:
            QGuiApplication.restoreOverrideCursor()


def export_report(window: MainWindow) -> ReportDialog:
    """Open the progress report dialog over ``window`` (window-modal) and return it."""
    dialog = ReportDialog(window.ctx, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    return dialog
