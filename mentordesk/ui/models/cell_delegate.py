"""A delegate that fills each cell's style option from the model's per-cell cache.

Qt's :class:`QStyledItemDelegate` asks the model for seven roles of every cell it paints (font,
alignment, colour, check state, icon, text, background): seven calls from C++ into Python per
cell, some 1,750 for a screenful of the mentors list, after every keystroke in its filter box.
This delegate asks once per cell and sets the same fields ``QStyledItemDelegate.initStyleOption``
would set from those roles, for a model that offers ``cell_at(row, column)``: a dict of
role -> value, or ``None`` for a cell to take the usual way.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

_DISPLAY = Qt.ItemDataRole.DisplayRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus
_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay
_HAS_DECORATION = QStyleOptionViewItem.ViewItemFeature.HasDecoration
# The roles painting reads that this delegate sets from the cache. A model taking the quick path
# gives its cells no other role the view reads to paint (font, alignment, check state,
# background); tests hold the mentors model to that.
HANDLED_ROLES = frozenset({_DISPLAY, _DECORATION, _FOREGROUND})


class CachedCellDelegate(QStyledItemDelegate):
    def __init__(self, model: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self._model = model
        self._decoration_sizes: dict[tuple[int, int, int], QSize] = {}
        self._features: dict[tuple[Any, bool, bool], Any] = {}
        # Set by CellTable while it paints: the style draws the cells and the view their text.
        self.blank_text = False

    def initStyleOption(  # noqa: N802 (Qt override)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        cell = self._model.cell_at(index.row(), index.column())
        if cell is None:
            super().initStyleOption(option, index)
            return
        foreground = cell.get(_FOREGROUND)
        if isinstance(foreground, QColor):
            palette = option.palette
            palette.setColor(QPalette.ColorRole.Text, foreground)
            option.palette = palette
        elif isinstance(foreground, QBrush):
            palette = option.palette
            palette.setBrush(QPalette.ColorRole.Text, foreground)
            option.palette = palette
        option.index = index  # type: ignore[assignment]  # a persistent index converts
        icon = cell.get(_DECORATION)
        has_icon = isinstance(icon, QIcon) and not icon.isNull()
        if has_icon:
            option.icon = icon
            option.decorationSize = self.decoration_size(icon, option.decorationSize)
        text = cell.get(_DISPLAY)
        if text is not None:
            # The view draws the texts, but for the cell with the focus (the style draws its
            # focus frame over its text).
            blank = self.blank_text and not option.state & _HAS_FOCUS
            option.text = "" if blank else str(text)
        if has_icon or text is not None:
            # The features with HasDecoration / HasDisplay added, worked out once per combination
            # (each | on a flag is a Python call).
            key = (option.features, has_icon, text is not None)
            features = self._features.get(key)
            if features is None:
                features = key[0]
                if has_icon:
                    features |= _HAS_DECORATION
                if text is not None:
                    features |= _HAS_DISPLAY
                self._features[key] = features
            option.features = features
        option.styleObject = None  # type: ignore[assignment]  # as Qt's own: no style animations inside item views

    def decoration_size(self, icon: QIcon, wanted: QSize) -> QSize:
        """The icon's size within ``wanted`` (never larger), as Qt's initStyleOption computes it."""
        key = (icon.cacheKey(), wanted.width(), wanted.height())
        size = self._decoration_sizes.get(key)
        if size is None:
            actual = icon.actualSize(wanted)
            size = self._decoration_sizes[key] = QSize(
                min(wanted.width(), actual.width()), min(wanted.height(), actual.height())
            )
        return size
