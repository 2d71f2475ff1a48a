"""The mentors list: a table model over RelationshipRow values and its filter proxy."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush

from mentordesk.domain.cadence import Overdue
from mentordesk.domain.enums import FocusArea, RelStatus
from mentordesk.services.people import RelationshipRow
from mentordesk.ui.theme import AMBER, RED

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the RelationshipRow itself
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a value that sorts right (dates, numbers)
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3  # text the filter box searches

Index = QModelIndex | QPersistentModelIndex


def _focus_label(value: str) -> str:
    try:
        return FocusArea(value).label
    except ValueError:
        return value


def _date_text(value: date | None) -> str:
    return value.isoformat() if value else "—"


class RelationshipTableModel(QAbstractTableModel):
    COLUMNS = (
        ("name", "Name"),
        ("organization", "Organization"),
        ("role", "My role"),
        ("kind", "Kind"),
        ("status", "Status"),
        ("focus", "Focus areas"),
        ("last", "Last meeting"),
        ("next", "Next check-in"),
        ("actions", "Open actions"),
        ("goals", "Goals"),
    )
    NAME, ORG, ROLE, KIND, STATUS, FOCUS, LAST, NEXT, ACTIONS, GOALS = range(len(COLUMNS))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[RelationshipRow] = []

    def set_rows(self, rows: list[RelationshipRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> RelationshipRow:
        return self._rows[row]

    def row_of(self, relationship_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.id == relationship_id:
                return i
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section][1]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == SORT_ROLE:
            return self._sort_key(r, col)
        if role == ROW_ROLE:
            return r
        if role == SEARCH_ROLE:
            return " ".join((r.name, r.organization, r.email, " ".join(r.tags), r.notes)).lower()
        if role == Qt.ItemDataRole.ForegroundRole and col == self.NEXT:
            if r.level == Overdue.OVERDUE:
                return QBrush(RED)
            if r.level == Overdue.DUE_SOON:
                return QBrush(AMBER)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.NEXT:
            if r.status == RelStatus.PAUSED:
                return "Paused: no check-ins expected until resumed"
            if r.level == Overdue.OVERDUE:
                return "Overdue: the agreed cadence has passed since the last meeting"
            if r.level == Overdue.DUE_SOON:
                return "Due within 7 days"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.COLUMNS[col][1]}: {self._display(r, col)}"
        return None

    def _display(self, r: RelationshipRow, col: int) -> str:
        if col == self.NAME:
            return r.name
        if col == self.ORG:
            return r.organization
        if col == self.ROLE:
            return r.role.label
        if col == self.KIND:
            return r.kind.label
        if col == self.STATUS:
            return r.status.label
        if col == self.FOCUS:
            return ", ".join(_focus_label(f) for f in r.focus_areas)
        if col == self.LAST:
            return _date_text(r.last_meeting)
        if col == self.NEXT:
            if r.status == RelStatus.PAUSED:
                return "paused"
            text = _date_text(r.next_due)
            if r.level == Overdue.OVERDUE:
                text += " (overdue)"
            return text
        if col == self.ACTIONS:
            return str(r.open_actions) if r.open_actions else ""
        if col == self.GOALS:
            return ", ".join(r.goals)
        return ""

    def _sort_key(self, r: RelationshipRow, col: int) -> Any:
        if col == self.LAST:
            return r.last_meeting.toordinal() if r.last_meeting else 0
        if col == self.NEXT:
            return r.next_due.toordinal() if r.next_due else 10**7
        if col == self.ACTIONS:
            return r.open_actions
        if col == self.GOALS:
            return len(r.goals)
        return self._display(r, col).casefold()


class RelationshipFilterProxy(QSortFilterProxyModel):
    """Text filter (name, organization, email, tags, notes) plus quick filters."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._text = ""
        self._status: set[str] | None = None
        self._kind: str | None = None
        self._role: str | None = None

    def set_text(self, text: str) -> None:
        self._text = text.strip().lower()
        self.invalidateFilter()

    def set_status(self, statuses: set[str] | None) -> None:
        self._status = statuses
        self.invalidateFilter()

    def set_kind(self, kind: str | None) -> None:
        self._kind = kind
        self.invalidateFilter()

    def set_role(self, role: str | None) -> None:
        self._role = role
        self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        assert isinstance(model, RelationshipTableModel)
        r = model.row_at(source_row)
        if self._status is not None and r.status.value not in self._status:
            return False
        if self._kind and r.kind.value != self._kind:
            return False
        if self._role and r.role.value != self._role:
            return False
        if self._text:
            hay = model.data(model.index(source_row, 0), SEARCH_ROLE)
            return all(word in hay for word in self._text.split())
        return True
