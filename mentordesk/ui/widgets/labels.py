"""Plain-text labels: a value, a quieter caption, a web address that opens only when clicked.

Apart from the form fields in :mod:`mentordesk.ui.widgets.mentor_fields`, so that the detail panel
of the first screen loads no spin box or date editor.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPalette
from PySide6.QtWidgets import QLabel, QWidget

_PLAIN_TEXT = Qt.TextFormat.PlainText  # read once: each read of a Qt enum member is a Python call
_QUIET = QPalette.ColorRole.PlaceholderText
_SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse


def plain(text: str = "", *, wrap: bool = False, selectable: bool = False) -> QLabel:
    """A label that shows ``text`` as plain text, never as rich text."""
    label = QLabel()
    label.setTextFormat(_PLAIN_TEXT)
    label.setText(text)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(_SELECTABLE)
    return label


def muted(label: QLabel) -> QLabel:
    """Secondary text (captions, hints) in the palette's quieter colour; still readable and enabled."""
    label.setForegroundRole(_QUIET)
    return label


class LinkLabel(QLabel):
    """A web address shown as plain text in the link colour; ``clicked`` only on a click (or
    Enter / Space when focused), never on hover or selection."""

    clicked = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)
        self.setForegroundRole(QPalette.ColorRole.Link)
        font = self.font()
        font.setUnderline(True)
        self.setFont(font)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleDescription(self.tr("Opens in your web browser"))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


__all__ = ["LinkLabel", "muted", "plain"]
