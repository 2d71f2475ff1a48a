"""The key under the goals timeline: category colours, milestone markers, overdue and today."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from mentordesk.domain.enums import GoalCategory
from mentordesk.ui import i18n, theme
from mentordesk.ui.widgets.timeline_paint import category_colour


def _diamond(centre: QPointF, r: float) -> QPolygonF:
    x, y = centre.x(), centre.y()
    return QPolygonF([QPointF(x, y - r), QPointF(x + r, y), QPointF(x, y + r), QPointF(x - r, y)])


class TimelineLegend(QWidget):
    """One line; entries that do not fit are left out from the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Timeline legend"))
        self.setAccessibleDescription(", ".join(label for _kind, label, _colour in self.entries()))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(600, QFontMetrics(self.font()).height() + 8)

    def entries(self) -> list[tuple[str, str, QColor]]:
        """(kind, label, colour) in drawing order."""
        out = [("dot", i18n.label(c), category_colour(c)) for c in GoalCategory]
        grey = self.palette().color(QPalette.ColorRole.PlaceholderText)
        out += [
            ("done", self.tr("Milestone done"), grey),
            ("open", self.tr("Milestone open"), grey),
            ("overdue", self.tr("Overdue"), QColor(theme.RED)),
            ("today", self.tr("Today"), self.palette().color(QPalette.ColorRole.Highlight)),
        ]
        return out

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        fm = QFontMetrics(self.font())
        text = self.palette().color(QPalette.ColorRole.PlaceholderText)
        base = self.palette().color(QPalette.ColorRole.Base)
        cy = self.height() / 2
        x = 4.0
        for kind, label, colour in self.entries():
            needed = 18 + fm.horizontalAdvance(label) + 16
            if x + needed > self.width():
                break
            centre = QPointF(x + 6, cy)
            if kind == "dot":
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(colour)
                p.drawEllipse(centre, 4.5, 4.5)
            elif kind in ("done", "open"):
                p.setPen(QPen(colour.darker(110), 2))
                p.setBrush(colour.darker(110) if kind == "done" else base)
                p.drawPolygon(_diamond(centre, 5))
            elif kind == "overdue":
                p.setPen(QPen(colour, 2))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRoundedRect(QRectF(x, cy - 5, 13, 10), 3, 3)
            else:
                p.setPen(QPen(colour, 2))
                p.drawLine(QPointF(x + 6, cy - 7), QPointF(x + 6, cy + 7))
            p.setPen(text)
            p.drawText(
                QRectF(x + 18, 0, fm.horizontalAdvance(label) + 2, self.height()),
                Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            x += needed
        p.end()
