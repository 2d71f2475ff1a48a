"""A table view that draws its cells itself, their text from kept layouts.

Qt's item painting lays out every visible cell's text afresh on every paint: it itemizes, shapes
and elides each string, which is most of the time a repaint of the mentors list takes (about 250
cells after every keystroke in its filter box), and it calls the delegate, in Python, for every
cell. :class:`CellTable` draws the rows itself: the highlight or alternate base across a row's
cells, each cell's icon, its text from :class:`QStaticText` layouts kept per text and width (at
the place, in the colour and elided as Qt's own painting would), then the grid. Tests compare the
pictures with Qt's own pixel for pixel.

It takes this way only where it can match Qt exactly: a model with ``cell_at`` (see
:mod:`mentordesk.ui.models.cell_delegate`), whole rows selected, single-line text elided on the
right, left-to-right, enabled, a solid grid. With the focus in the list (Qt marks the current
cell) Qt paints the cells and the view their texts; otherwise it is a plain ``QTableView``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLineF, QRect, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QIcon,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QStaticText,
)
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyleOptionViewItem, QTableView, QWidget

from mentordesk.ui.models.cell_delegate import CachedCellDelegate

_DISPLAY = Qt.ItemDataRole.DisplayRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_ACTIVE = QStyle.StateFlag.State_Active
_SHOW_DECORATION_SELECTED = QStyle.StyleHint.SH_ItemView_ShowDecorationSelected
_GRID_LINE_COLOR = QStyle.StyleHint.SH_Table_GridLineColor
_NORMAL_ICON, _SELECTED_ICON, _ICON_OFF = QIcon.Mode.Normal, QIcon.Mode.Selected, QIcon.State.Off
MAX_KEPT_TEXTS = 20_000  # laid-out texts kept before starting afresh


def _fill(painter: QPainter, x: int, y: int, width: int, height: int, brush: QBrush) -> None:
    """Fill the rectangle with ``brush`` and leave the painter's pen off. Not ``fillRect``: to
    choose among its overloads, PySide creates every enum of ``QGradient`` (one of them takes a
    gradient preset), some 3 ms on the window's first frame."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(brush)
    painter.drawRect(x, y, width, height)


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
        self._boxes: dict[tuple[int, int, int], tuple[int, int, int, QRect | None]] = {}
        # The font, style and grid the kept layouts and boxes were made with. Checked at each paint
        # rather than in changeEvent: the first QEvent that reaches Python makes PySide load
        # every event class to find its type (some 2.5 ms on the first frame).
        self._made_with: tuple[str, str, bool] | None = None

    def draws_own_text(self) -> bool:
        """Whether this paint takes the kept-layout way (else Qt's own painting draws the text)."""
        return (
            self.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
            and not self.wordWrap()
            and self.textElideMode() == Qt.TextElideMode.ElideRight
            and self.layoutDirection() == Qt.LayoutDirection.LeftToRight
            and self.itemDelegate() is self.cell_delegate
        )

    def paints_cells_itself(self, option: QStyleOptionViewItem) -> bool:
        """Whether this paint draws the cells' backgrounds, icons and grid too, as Qt's own
        painting would (``option``: the view's item option): only where nothing differs from
        cell to cell but text, icon and selection. With the focus in the list, Qt paints the
        cells (it marks the current one), and the texts are still drawn from kept layouts."""
        return (
            self.isEnabled()
            and self.gridStyle() == Qt.PenStyle.SolidLine
            and not self.hasFocus()
            and not self.viewport().hasFocus()
            and bool(self.style().styleHint(_SHOW_DECORATION_SELECTED, option, self))
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        if not self.draws_own_text():
            super().paintEvent(event)
            return
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        if self.paints_cells_itself(option):
            self._draw(event.rect(), option)
            return
        self.cell_delegate.blank_text = True
        try:
            super().paintEvent(event)
        finally:
            self.cell_delegate.blank_text = False
        self._draw(event.rect(), option, texts_only=True)

    # -- drawing ------------------------------------------------------------------------------------
    def _draw(self, area: QRect, option: QStyleOptionViewItem, *, texts_only: bool = False) -> None:
        """Draw the cells in ``area``: with ``texts_only``, their texts over what Qt painted;
        otherwise everything, as QTableView and the style would (a row's cells filled with the
        highlight or the alternate base, the icons, the texts, then the grid lines)."""
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
        made_with = (font.key(), self.style().name(), self.showGrid())
        if made_with != self._made_with or len(self._texts) > MAX_KEPT_TEXTS:
            self._texts.clear()
            self._boxes.clear()
            self._made_with = made_with
        metrics = QFontMetrics(font)
        line = metrics.height()
        palette = self.palette()
        if not self.isEnabled():
            group = QPalette.ColorGroup.Disabled
        elif option.state & _ACTIVE:
            group = QPalette.ColorGroup.Active
        else:
            group = QPalette.ColorGroup.Inactive
        plain = palette.color(group, QPalette.ColorRole.Text)
        highlighted = palette.color(group, QPalette.ColorRole.HighlightedText)
        selection = self.selectionModel()
        grid = 1 if self.showGrid() else 0
        fills = not texts_only
        if fills:
            highlight = palette.brush(group, QPalette.ColorRole.Highlight)
            alternate = (
                palette.brush(group, QPalette.ColorRole.AlternateBase)
                if self.alternatingRowColors()
                else None
            )
            band_left = columns[0][1]
            band_width = columns[-1][1] + columns[-1][2] - grid - band_left
            header = self.verticalHeader()
            alignment = option.decorationAlignment
        # With the focus in the list, Qt draws the current cell's text, under its focus frame.
        skip = (-1, -1)
        if texts_only and (self.hasFocus() or self.viewport().hasFocus()):
            current = self.currentIndex()
            skip = (current.row(), current.column())
        painter = QPainter(self.viewport())
        pen = None
        # This paint's boxes by icon and cell size; each entry holds its icon, so that no id is
        # reused by another icon while the paint lasts.
        boxes: dict[tuple[int, int, int], tuple[Any, tuple[int, int, int, QRect | None]]] = {}
        drawn_rows = []
        for row in range(first, last + 1):
            if self.isRowHidden(row):
                continue
            y, height = self.rowViewportPosition(row), self.rowHeight(row)
            drawn_rows.append((y, height))
            selected = selection is not None and selection.isRowSelected(row)
            if fills:
                # PE_PanelItemViewRow and PE_PanelItemViewItem: a selected row's cells take the
                # highlight (the style shows it across the decoration), every other row's the
                # alternate base. A cell leaves out its grid line, which the grid draws.
                if selected:
                    _fill(painter, band_left, y, band_width, height - grid, highlight)
                    pen = None
                elif alternate is not None and header.visualIndex(row) & 1:
                    _fill(painter, band_left, y, band_width, height - grid, alternate)
                    pen = None
            for col, x, width in columns:
                cell = model.cell_at(row, col)
                if cell is None:
                    continue
                icon = cell.get(_DECORATION)
                key = (id(icon), width, height)
                found = boxes.get(key)
                if found is None:
                    found = boxes[key] = (icon, self._box(icon, width, height, line))
                left, top, room, decoration = found[1]
                if fills and decoration is not None:
                    mode = _SELECTED_ICON if selected else _NORMAL_ICON
                    icon.paint(painter, decoration.translated(x, y), alignment, mode, _ICON_OFF)
                text = cell.get(_DISPLAY)
                if not text or room <= 0 or (row, col) == skip:
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
        if fills and grid:
            self._draw_grid(painter, area, option, columns, drawn_rows)
        painter.end()

    def _draw_grid(
        self,
        painter: QPainter,
        area: QRect,
        option: QStyleOptionViewItem,
        columns: list[tuple[int, int, int]],
        rows: list[tuple[int, int]],
    ) -> None:
        """QTableView's grid: a line under every row across the area and one after every column
        down it, in the style's grid colour."""
        colour = QColor.fromRgba(self.style().styleHint(_GRID_LINE_COLOR, option, self) & 0xFFFFFFFF)
        painter.setPen(QPen(colour, 1, self.gridStyle()))
        # Not past the last row and column (the area is cut there, as QTableView cuts it).
        rows_end = self.verticalHeader().length() - self.verticalHeader().offset() - 1
        columns_end = self.horizontalHeader().length() - self.horizontalHeader().offset() - 1
        left, top = area.left() + 0.5, area.top() + 0.5
        right, bottom = min(area.right(), columns_end) + 0.5, min(area.bottom(), rows_end) + 0.5
        for y, height in rows:
            at = y + height - 1 + 0.5
            painter.drawLine(QLineF(left, at, right, at))
        for _col, x, width in columns:
            at = x + width - 1 + 0.5
            painter.drawLine(QLineF(at, top, at, bottom))

    def _layout(self, text: str, room: int, metrics: QFontMetrics, font: Any) -> QStaticText:
        key = (text, room)
        static = self._texts.get(key)
        if static is None:
            static = QStaticText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, room))
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(font=font)
            self._texts[key] = static
        return static

    def _box(self, icon: Any, width: int, height: int, line: int) -> tuple[int, int, int, QRect | None]:
        """Where a cell's text goes, as Qt lays it out: left and top offsets in the cell and the
        width it is elided to, and where its icon goes (the same for every cell of a size with the
        same icon size)."""
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
            self.initViewItemOption(option)  # as the view gives it to the delegate
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
            icon_area = None
            if decoration.isValid():
                icon_area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemDecoration, option, self)
            box = self._boxes[key] = (area.x() + margin, top, area.width() - 2 * margin, icon_area)
        return box
