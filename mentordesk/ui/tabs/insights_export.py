"""Taking a chart out of the app: PNG at a chosen resolution, SVG, PDF, the clipboard and CSV.

Exports are drawn afresh in the light theme at the chosen size (slide, document, square, or
as shown on screen), so they print well and paste cleanly into documents and slides.
Files are written owner-only by :mod:`mentordesk.charts.export`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QImage
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QPushButton, QWidget

from mentordesk.services.errors import MentorDeskError

EXPORT_THEME = "light"
SIZES: tuple[tuple[str, str], ...] = (
    ("document", "Document (6.5 \u00d7 4 in)"),
    ("slide", "Slide, 16:9 (13.3 \u00d7 7.5 in)"),
    ("square", "Square (6 \u00d7 6 in)"),
    ("screen", "As shown on screen"),
)
PNG_DPIS: tuple[tuple[int, str], ...] = (
    (100, "PNG image, 100 dpi (web)\u2026"),
    (150, "PNG image, 150 dpi (screen)\u2026"),
    (300, "PNG image, 300 dpi (print)\u2026"),
)
CLIPBOARD_DPI = 150
SETTINGS_SIZE = "insights/export_size"
SETTINGS_FOLDER = "insights/export_folder"


@dataclass(frozen=True)
class ChartSnapshot:
    """The chart on screen: what it is, its data and period, and its size on screen in inches."""

    kind: str
    title: str
    data: Any
    start: date
    end: date
    today: date
    screen_size: tuple[float, float]


class ChartExporter:
    """The "Export" menu of the insights tab. ``current`` gives the chart on screen."""

    def __init__(self, parent: QWidget, settings: QSettings, current: Callable[[], ChartSnapshot]) -> None:
        self.parent = parent
        self.settings = settings
        self.current = current
        self.status: Callable[[str], None] = lambda _message: None
        self.button = QPushButton("&Export", parent)
        self.button.setToolTip("Save the chart as an image or PDF, copy it, or save its data as CSV")
        menu = QMenu(self.button)
        self.button.setMenu(menu)

        size_menu = menu.addMenu("Image &size")
        self.size_group = QActionGroup(parent)
        self.size_actions: dict[str, QAction] = {}
        wanted = str(settings.value(SETTINGS_SIZE, "document"))
        for key, label in SIZES:
            action = QAction(label, parent)
            action.setCheckable(True)
            action.setData(key)
            action.setChecked(key == wanted)
            self.size_group.addAction(action)
            size_menu.addAction(action)
            self.size_actions[key] = action
        if self.size_group.checkedAction() is None:
            self.size_actions["document"].setChecked(True)
        self.size_group.triggered.connect(lambda a: settings.setValue(SETTINGS_SIZE, a.data()))
        menu.addSeparator()
        self.png_actions: dict[int, QAction] = {}
        for dpi, label in PNG_DPIS:
            action = menu.addAction(label)
            action.triggered.connect(lambda _c=False, d=dpi: self.save_image("png", d))
            self.png_actions[dpi] = action
        self.svg_action = menu.addAction("SVG image (scalable)\u2026")
        self.svg_action.triggered.connect(lambda _c=False: self.save_image("svg"))
        self.pdf_action = menu.addAction("PDF document\u2026")
        self.pdf_action.triggered.connect(lambda _c=False: self.save_image("pdf"))
        menu.addSeparator()
        self.copy_action = menu.addAction("&Copy image to clipboard")
        self.copy_action.triggered.connect(lambda _c=False: self.copy_image())
        self.csv_action = menu.addAction("Save chart &data as CSV\u2026")
        self.csv_action.triggered.connect(lambda _c=False: self.save_csv())

    # -- choices -----------------------------------------------------------------------------------
    def size_key(self) -> str:
        action = self.size_group.checkedAction()
        return str(action.data()) if action is not None else "document"

    def set_size(self, key: str) -> None:
        self.size_actions[key].trigger()

    def _size(self, shot: ChartSnapshot) -> tuple[float, float]:
        from mentordesk.charts.export import SIZE_PRESETS

        key = self.size_key()
        if key == "screen":
            width, height = shot.screen_size
            return (min(60.0, max(2.0, width)), min(60.0, max(2.0, height)))
        return SIZE_PRESETS[key]

    def _figure(self, shot: ChartSnapshot) -> Any:
        from mentordesk.charts.figures import chart_figure

        return chart_figure(
            shot.kind, shot.data, theme=EXPORT_THEME, start=shot.start, end=shot.end, today=shot.today
        )

    def _ask_path(self, title: str, name: str, suffix: str, file_filter: str) -> Path | None:
        folder = Path(str(self.settings.value(SETTINGS_FOLDER, "") or Path.home()))
        chosen, _ = QFileDialog.getSaveFileName(
            self.parent, title, str(folder / f"{name}.{suffix}"), file_filter
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != f".{suffix}":
            path = path.with_name(path.name + f".{suffix}")
        self.settings.setValue(SETTINGS_FOLDER, str(path.parent))
        return path

    @staticmethod
    def file_name(shot: ChartSnapshot) -> str:
        return f"{shot.title} {shot.start.isoformat()} to {shot.end.isoformat()}"

    def _fail(self, what: str, err: Exception) -> None:
        QMessageBox.warning(self.parent, what, str(err))

    # -- actions ---------------------------------------------------------------------------------
    def save_image(self, fmt: str, dpi: int = 150) -> Path | None:
        """Ask for a file and save the chart as ``fmt`` ("png", "svg" or "pdf")."""
        from mentordesk.charts.export import export_figure

        shot = self.current()
        filters = {"png": "PNG image (*.png)", "svg": "SVG image (*.svg)", "pdf": "PDF document (*.pdf)"}
        path = self._ask_path(f"Save chart as {fmt.upper()}", self.file_name(shot), fmt, filters[fmt])
        if path is None:
            return None
        try:
            export_figure(self._figure(shot), path, dpi=dpi, size=self._size(shot))
        except MentorDeskError as err:
            self._fail("Cannot save the chart", err)
            return None
        self.status(f"Chart saved to {path}")
        return path

    def copy_image(self) -> bool:
        """Put the chart on the clipboard as an image (PNG at 150 dpi, at the chosen size)."""
        from mentordesk.charts.export import figure_png_bytes

        shot = self.current()
        fig = self._figure(shot)
        fig.set_size_inches(self._size(shot), forward=False)
        image = QImage.fromData(figure_png_bytes(fig, dpi=CLIPBOARD_DPI))
        if image.isNull():
            return False
        QGuiApplication.clipboard().setImage(image)
        self.status("Chart copied to the clipboard")
        return True

    def save_csv(self) -> Path | None:
        """Ask for a file and save the data behind the chart as CSV."""
        from mentordesk.charts.export import write_csv
        from mentordesk.charts.figures import chart_table

        shot = self.current()
        path = self._ask_path("Save chart data as CSV", self.file_name(shot), "csv", "CSV table (*.csv)")
        if path is None:
            return None
        try:
            write_csv(path, chart_table(shot.kind, shot.data))
        except MentorDeskError as err:
            self._fail("Cannot save the data", err)
            return None
        self.status(f"Chart data saved to {path}")
        return path
