"""A table view that draws its cells' text from kept layouts.

Qt's item painting lays out every visible cell's text afresh on every paint: it itemizes, shapes
and elides each string, which is most of the time a repaint of the mentors list takes (about 250
cells after every keystroke in its filter box). :class:`CellTable` lets the style draw each cell
without its text (background, selection, icon, grid) and then draws the texts itself from
:class:`QStaticText` layouts kept per text and width, at the place, in the colour and elided as
Qt's own painting would (a test compares the two pictures pixel for pixel).

It takes this way only where it can match Qt exactly: a model with ``cell_at`` (see
:mod:`mentordesk.ui.models.cell_delegate`), whole rows selected, single-line text elided on the
right, left-to-right. Otherwise it is a plain ``QTableView``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QIcon, QPainter, QPaintEvent, QPalette, QStaticText
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyleOptionViewItem, QTableView, QWidget

from mentordesk.ui.models.cell_delegate import CachedCellDelegate

_DISPLAY = Qt.ItemDataRole.DisplayRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
MAX_KEPT_TEXTS = 20_000  # laid-out texts kept before starting afresh


class CellTable(QTableView):
    """A ``QTableView`` over a model with ``cell_at``; see the module's description."""

    def __init__(self, model: Any, parent: Any = None) -> None:
        super().__init__(parent)
        # The viewport is made here rather than by Qt, as Qt makes it. The first time a widget
        # that Python has not seen comes back from Qt, PySide loads every widget class to find
        # its type (15-25 ms, which fell on the first paint of the window).
        viewport = QWidget()
        viewport.setObjectName("qt_scrollarea_viewport")
        viewport.setBackgroundRole(QPalette.ColorRole.Base)
        viewport.setAutoFillBackground(True)
        self.setViewport(viewport)
        self.setModel(model)
        self._cells = model
        self.cell_delegate = CachedCellDelegate(model, self)
        self.setItemDelegate(self.cell_delegate)
        self._texts: dict[tuple[str, int], QStaticText] = {}
        self._boxes: dict[tuple[int, int, int], tuple[int, int, int]] = {}
        # The font and style the kept layouts and boxes were made with. Checked at each paint
        # rather than in changeEvent: the first QEvent that reaches Python makes PySide load
        # every event class to find its type (some 2.5 ms on the first frame).
        self._made_with: tuple[str, str] | None = None

    def draws_own_text(self) -> bool:
        """Whether this paint takes the kept-layout way (else Qt's own painting draws the text)."""
        return (
            self.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
            and not self.wordWrap()
            and self.textElideMode() == Qt.TextElideMode.ElideRight
            and self.layoutDirection() == Qt.LayoutDirection.LeftToRight
            and self.itemDelegate() is self.cell_delegate
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        if not self.draws_own_text():
            super().paintEvent(event)
            return
        self.cell_delegate.blank_text = True
        try:
            super().paintEvent(event)
        finally:
            self.cell_delegate.blank_text = False
        self._draw_texts(event.rect())

    # -- drawing ------------------------------------------------------------------------------------
    def _draw_texts(self, area: QRect) -> None:
        model = self._cells
        rows = model.rowCount()
        first = self.rowAt(area.top()) if rows else -1
        if first < 0:
            return
        last = self.rowAt(area.bottom())
        last = rows - 1 if last < 0 else last
        columns = []
        for col in range(model.columnCount()):
            x, width = self.columnViewportPosition(col), self.columnWidth(col)
            if not self.isColumnHidden(col) and width > 0 and x <= area.right() and x + width >= area.left():
                columns.append((col, x, width))
        if not columns:
            return
        font = self.font()
        made_with = (font.key(), self.style().name())
        if made_with != self._made_with or len(self._texts) > MAX_KEPT_TEXTS:
            self._texts.clear()
            self._boxes.clear()
            self._made_with = made_with
        metrics = QFontMetrics(font)
        line = metrics.height()
        palette = self.palette()
        if not self.isEnabled():
            group = QPalette.ColorGroup.Disabled
        elif self.isActiveWindow():
            group = QPalette.ColorGroup.Active
        else:
            group = QPalette.ColorGroup.Inactive
        plain = palette.color(group, QPalette.ColorRole.Text)
        highlighted = palette.color(group, QPalette.ColorRole.HighlightedText)
        selection = self.selectionModel()
        painter = QPainter(self.viewport())
        pen = None
        # This paint's text boxes by icon and cell size; each entry holds its icon, so that no id
        # is reused by another icon while the paint lasts.
        boxes: dict[tuple[int, int, int], tuple[Any, tuple[int, int, int]]] = {}
        for row in range(first, last + 1):
            if self.isRowHidden(row):
                continue
            y, height = self.rowViewportPosition(row), self.rowHeight(row)
            selected = selection is not None and selection.isRowSelected(row)
            for col, x, width in columns:
                cell = model.cell_at(row, col)
                text = cell.get(_DISPLAY) if cell is not None else None
                if not text:
                    continue
                icon = cell.get(_DECORATION)
                key = (id(icon), width, height)
                found = boxes.get(key)
                if found is None:
                    found = boxes[key] = (icon, self._box(icon, width, height, line))
                left, top, room = found[1]
                if room <= 0:
                    continue
                if selected:
                    colour = highlighted
                else:
                    foreground = cell.get(_FOREGROUND)
                    if foreground is None:
                        colour = plain
                    else:  # a colour or a brush, as Qt takes either
                        colour = foreground if isinstance(foreground, QColor) else foreground.color()
                if colour is not pen:
                    painter.setPen(colour)
                    pen = colour
                painter.drawStaticText(x + left, y + top, self._layout(str(text), room, metrics, font))
        painter.end()

    def _layout(self, text: str, room: int, metrics: QFontMetrics, font: Any) -> QStaticText:
        key = (text, room)
        static = self._texts.get(key)
        if static is None:
            static = QStaticText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, room))
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(font=font)
            self._texts[key] = static
        return static

    def _box(self, icon: Any, width: int, height: int, line: int) -> tuple[int, int, int]:
        """Where a cell's text goes, as Qt lays it out: left and top offsets in the cell and the
        width it is elided to (the same for every cell of a size with the same icon size)."""
        decoration = QSize()
        if isinstance(icon, QIcon) and not icon.isNull():
            wanted = self.iconSize()
            if not wanted.isValid():
                side = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self)
                wanted = QSize(side, side)
            decoration = self.cell_delegate.decoration_size(icon, wanted)
        key = (decoration.width(), width, height)
        box = self._boxes.get(key)
        if box is None:
            grid = 1 if self.showGrid() else 0
            option = QStyleOptionViewItem()
            option.initFrom(self.viewport())
            option.rect = QRect(0, 0, width - grid, height - grid)
            option.text = "x"
            option.font = self.font()
            option.displayAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            features = QStyleOptionViewItem.ViewItemFeature.HasDisplay
            if decoration.isValid():
                features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
                option.decorationSize = decoration
            option.features = features
            style = self.style()
            area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, self)
            margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1
            top = area.y() + (area.height() - line) // 2
            box = self._boxes[key] = (area.x() + margin, top, area.width() - 2 * margin)
        return box
