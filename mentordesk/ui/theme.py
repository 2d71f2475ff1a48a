"""Light and dark palettes, the application icon and colours the views share."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from mentordesk.resources import resource

# Urgency colours readable on light and dark backgrounds (Okabe-Ito based).
AMBER = QColor("#E69F00")
RED = QColor("#D55E00")
GREEN = QColor("#009E73")
BLUE = QColor("#0072B2")
GREY = QColor("#8a8a8a")
# One colour per relationship, colour-blind safe (Okabe-Ito without black).
SERIES = [
    QColor(c)
    for c in ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")
]


def app_icon() -> QIcon:
    """The PNG renderings (16 to 512 pixels, sharp at every size a window or tray icon takes);
    the SVG where they are missing.

    The renderings are read only when a size is drawn, while the SVG loads Qt's SVG library and
    icon engine (some 2 ms at start), and an SVG icon with the renderings added reads them all at
    once (6 ms more).
    """
    icon = QIcon()
    for png in sorted(resource("icons", "hicolor").glob("mentordesk-*.png")):
        icon.addFile(str(png))
    if icon.isNull():
        path = resource("icons", "mentordesk.svg")
        if path.exists():
            icon = QIcon(str(path))
    return icon


_DOTS: dict[tuple[str, int], QIcon] = {}


def dot_icon(colour: QColor, size: int = 12) -> QIcon:
    """A filled circle ``size`` pixels wide, drawn for 1x, 2x and 3x screens so it stays round and sharp."""
    key = (colour.name(QColor.NameFormat.HexArgb), size)
    if key not in _DOTS:
        icon = QIcon()
        for scale in (1, 2, 3):
            pix = QPixmap(size * scale, size * scale)
            pix.setDevicePixelRatio(scale)
            pix.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pix)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
            painter.end()
            icon.addPixmap(pix)
        _DOTS[key] = icon
    return _DOTS[key]


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hasattr(hints, "colorScheme") else Qt.ColorScheme.Unknown
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor("#1f2326"), QColor("#2a2f33"), QColor("#e8e6e3")
    p.setColor(QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorRole.WindowText, text)
    p.setColor(QPalette.ColorRole.Base, base)
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#262b2e"))
    p.setColor(QPalette.ColorRole.ToolTipBase, window)
    p.setColor(QPalette.ColorRole.ToolTipText, text)
    p.setColor(QPalette.ColorRole.Text, text)
    p.setColor(QPalette.ColorRole.Button, window)
    p.setColor(QPalette.ColorRole.ButtonText, text)
    p.setColor(QPalette.ColorRole.Highlight, QColor("#2f7fc1"))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.Link, QColor("#56B4E9"))
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor("#9a9a9a"))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return p


def apply_theme(app: QApplication, theme: str) -> str:
    """Apply "light", "dark" or "system"; returns the theme in effect ("light" or "dark")."""
    app.setStyle("Fusion")
    dark = theme == "dark" or (theme == "system" and system_is_dark())
    app.setPalette(dark_palette() if dark else app.style().standardPalette())
    app.setProperty("mentordesk_theme", "dark" if dark else "light")
    return "dark" if dark else "light"


def current_theme() -> str:
    app = QApplication.instance()
    value = app.property("mentordesk_theme") if app is not None else None
    return str(value or "light")
