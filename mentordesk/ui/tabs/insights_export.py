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

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QImage
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QPushButton, QWidget

from mentordesk.services.errors import MentorDeskError
from mentordesk.ui.i18n import QT_TRANSLATE_NOOP

EXPORT_THEME = "light"
# Menu texts are translated when the menu is built (ChartExporter context).
SIZES: tuple[tuple[str, str], ...] = (
    ("document", QT_TRANSLATE_NOOP("ChartExporter", "Document (6.5 \u00d7 4 in)")),
    ("slide", QT_TRANSLATE_NOOP("ChartExporter", "Slide, 16:9 (13.3 \u00d7 7.5 in)")),
    ("square", QT_TRANSLATE_NOOP("ChartExporter", "Square (6 \u00d7 6 in)")),
    ("screen", QT_TRANSLATE_NOOP("ChartExporter", "As shown on screen")),
)
PNG_DPIS: tuple[tuple[int, str], ...] = (
    (100, QT_TRANSLATE_NOOP("ChartExporter", "PNG image, 100 dpi (web)\u2026")),
    (150, QT_TRANSLATE_NOOP("ChartExporter", "PNG image, 150 dpi (screen)\u2026")),
    (300, QT_TRANSLATE_NOOP("ChartExporter", "PNG image, 300 dpi (print)\u2026")),
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
        self.button = QPushButton(QCoreApplication.translate("ChartExporter", "&Export"), parent)
        self.button.setToolTip(
            QCoreApplication.translate(
                "ChartExporter", "Save the chart as an image or PDF, copy it, or save its data as CSV"
            )
        )
        menu = QMenu(self.button)
        self.button.setMenu(menu)

        size_menu = menu.addMenu(QCoreApplication.translate("ChartExporter", "Image &size"))
        self.size_group = QActionGroup(parent)
        self.size_actions: dict[str, QAction] = {}
        wanted = str(settings.value(SETTINGS_SIZE, "document"))
        for key, label in SIZES:
            action = QAction(QCoreApplication.translate("ChartExporter", label), parent)
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
            action = menu.addAction(QCoreApplication.translate("ChartExporter", label))
            action.triggered.connect(lambda _c=False, d=dpi: self.save_image("png", d))
            self.png_actions[dpi] = action
        self.svg_action = menu.addAction(
            QCoreApplication.translate("ChartExporter", "SVG image (scalable)\u2026")
        )
        self.svg_action.triggered.connect(lambda _c=False: self.save_image("svg"))
        self.pdf_action = menu.addAction(QCoreApplication.translate("ChartExporter", "PDF document\u2026"))
        self.pdf_action.triggered.connect(lambda _c=False: self.save_image("pdf"))
        menu.addSeparator()
        self.copy_action = menu.addAction(
            QCoreApplication.translate("ChartExporter", "&Copy image to clipboard")
        )
        self.copy_action.triggered.connect(lambda _c=False: self.copy_image())
        self.csv_action = menu.addAction(
            QCoreApplication.translate("ChartExporter", "Save chart &data as CSV\u2026")
        )
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
        return QCoreApplication.translate("ChartExporter", "{title} {start} to {end}").format(
            title=shot.title, start=shot.start.isoformat(), end=shot.end.isoformat()
        )

    def _fail(self, what: str, err: Exception) -> None:
        QMessageBox.warning(self.parent, what, str(err))

    # -- actions ---------------------------------------------------------------------------------
    def save_image(self, fmt: str, dpi: int = 150) -> Path | None:
        """Ask for a file and save the chart as ``fmt`` ("png", "svg" or "pdf")."""
        from mentordesk.charts.export import export_figure

        shot = self.current()
        filters = {
            "png": QCoreApplication.translate("ChartExporter", "PNG image") + " (*.png)",
            "svg": QCoreApplication.translate("ChartExporter", "SVG image") + " (*.svg)",
            "pdf": QCoreApplication.translate("ChartExporter", "PDF document") + " (*.pdf)",
        }
        title = QCoreApplication.translate("ChartExporter", "Save chart as {format}").format(
            format=fmt.upper()
        )
        path = self._ask_path(title, self.file_name(shot), fmt, filters[fmt])
        if path is None:
            return None
        try:
            export_figure(self._figure(shot), path, dpi=dpi, size=self._size(shot))
        except MentorDeskError as err:
            self._fail(QCoreApplication.translate("ChartExporter", "Cannot save the chart"), err)
            return None
        self.status(QCoreApplication.translate("ChartExporter", "Chart saved to {path}").format(path=path))
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
        self.status(QCoreApplication.translate("ChartExporter", "Chart copied to the clipboard"))
        return True

    def save_csv(self) -> Path | None:
        """Ask for a file and save the data behind the chart as CSV."""
        from mentordesk.charts.export import write_csv
        from mentordesk.charts.figures import chart_table

        shot = self.current()
        path = self._ask_path(
            QCoreApplication.translate("ChartExporter", "Save chart data as CSV"),
            self.file_name(shot),
            "csv",
            QCoreApplication.translate("ChartExporter", "CSV table") + " (*.csv)",
        )
        if path is None:
            return None
        try:
            write_csv(path, chart_table(shot.kind, shot.data))
        except MentorDeskError as err:
            self._fail(QCoreApplication.translate("ChartExporter", "Cannot save the data"), err)
            return None
        self.status(
            QCoreApplication.translate("ChartExporter", "Chart data saved to {path}").format(path=path)
        )
        return path
