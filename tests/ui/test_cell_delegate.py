"""The mentors list's delegate fills each cell's style option from the model's cell cache; what
it fills must be what Qt's own initStyleOption fills from the model's roles, cell for cell."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from mentordesk.ui.models.cell_delegate import HANDLED_ROLES, CachedCellDelegate
from mentordesk.ui.models.relationships import ROW_ROLE, SEARCH_ROLE, SORT_ROLE

# Roles the cells carry that no view reads to paint.
NOT_PAINTED = {
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.ToolTipRole,
    SORT_ROLE,
    ROW_ROLE,
    SEARCH_ROLE,
}


def _option(view, index):  # type: ignore[no-untyped-def]
    option = QStyleOptionViewItem()
    option.initFrom(view.viewport())
    option.decorationSize = view.iconSize() if view.iconSize().isValid() else option.decorationSize
    option.rect = view.visualRect(index)
    return option


def _described(option):  # type: ignore[no-untyped-def]
    return (
        option.text,
        option.features,
        option.icon.cacheKey() if not option.icon.isNull() else None,
        option.decorationSize,
        option.palette.brush(QPalette.ColorRole.Text).color().name(),
        option.index.row(),
        option.index.column(),
    )


def test_every_shown_cell_gets_what_qt_would_give_it(demo_window):
    tab = demo_window.show_tab("mentors")
    view, model = tab.table, tab.model
    quick = view.itemDelegate()
    assert isinstance(quick, CachedCellDelegate)
    plain = QStyledItemDelegate()
    model.set_status({"active", "paused", "prospect", "asked", "ended", "contact"})
    assert model.rowCount() >= 5
    compared = 0
    coloured = 0
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            index = model.index(row, col)
            mine, theirs = _option(view, index), _option(view, index)
            quick.initStyleOption(mine, index)
            plain.initStyleOption(theirs, index)
            assert _described(mine) == _described(theirs), (row, col)
            compared += 1
            coloured += Qt.ItemDataRole.ForegroundRole in (model.cell_at(row, col) or {})
    assert compared == model.rowCount() * model.columnCount()
    assert coloured > 0  # late and due-soon check-ins are among them


def test_cells_carry_no_painted_role_the_delegate_does_not_set(demo_window):
    model = demo_window.show_tab("mentors").model
    model.set_status({"active", "paused", "prospect", "asked", "ended", "contact"})
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            cell = model.cell_at(row, col)
            assert cell is not None and set(cell) <= HANDLED_ROLES | NOT_PAINTED, (row, col, set(cell))
    assert model.cell_at(model.rowCount(), 0) is None
