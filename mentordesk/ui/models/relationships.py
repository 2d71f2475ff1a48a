"""The mentors list: a table model over relationship and contact rows that filters and sorts itself.

The model keeps every row and shows the ones the filters let through, in the chosen order. It
does its own filtering and sorting in Python over cached keys (a keystroke re-filters the
cached, lower-cased text of every row, and sorting is one ``list.sort``), and it answers
``data()`` from a per-cell cache, so a keystroke costs little beyond painting the visible cells.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon

from mentordesk.domain.cadence import Overdue
from mentordesk.domain.enums import FocusArea, RelStatus
from mentordesk.services.people_rows import ContactRow, ListRow, RelationshipRow
from mentordesk.ui import i18n
from mentordesk.ui.i18n import QT_TRANSLATE_NOOP
from mentordesk.ui.theme import AMBER, GREY, RED, dot_icon

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the RelationshipRow or ContactRow itself
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a value that sorts right (dates, numbers)
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3  # text the filter box searches

CONTACT = "contact"  # the status filter's value for people without a relationship yet

# The roles a cell holds, looked up once: reading a member of a Qt enum is a Python call.
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ASKED_ROLES = frozenset({ROW_ROLE, SORT_ROLE, SEARCH_ROLE, _ACCESSIBLE})

Index = QModelIndex | QPersistentModelIndex


def focus_label(value: str) -> str:
    try:
        return i18n.label(FocusArea(value))
    except ValueError:
        return value


def _date_text(value: date | None) -> str:
    return value.isoformat() if value else "—"


def _dot(color: QColor) -> QIcon:
    return dot_icon(color)  # sharp on high-DPI screens


HEADER_TIPS = {
    7: QT_TRANSLATE_NOOP(
        "RelationshipTableModel",
        "When the next check-in is due by the agreed cadence (amber: within 7 days, red: overdue)",
    ),
    8: QT_TRANSLATE_NOOP("RelationshipTableModel", "Open action items"),
    9: QT_TRANSLATE_NOOP("RelationshipTableModel", "Linked goals"),
}


class RelationshipTableModel(QAbstractTableModel):
    """Every relationship and contact; shows those the filters accept, sorted by one column.

    Text filter (name, organization, email, tags, notes, every word must match) plus quick
    filters. The status filter is a set of status values, where ``"contact"`` stands for people
    with no relationship yet; ``None`` means every relationship (contacts excluded).

    Row numbers in this model's API are rows as shown (after filtering and sorting).
    """

    COLUMNS = (
        ("name", QT_TRANSLATE_NOOP("RelationshipTableModel", "Name")),
        ("organization", QT_TRANSLATE_NOOP("RelationshipTableModel", "Organization")),
        ("role", QT_TRANSLATE_NOOP("RelationshipTableModel", "My role")),
        ("kind", QT_TRANSLATE_NOOP("RelationshipTableModel", "Kind")),
        ("status", QT_TRANSLATE_NOOP("RelationshipTableModel", "Status")),
        ("focus", QT_TRANSLATE_NOOP("RelationshipTableModel", "Focus areas")),
        ("last", QT_TRANSLATE_NOOP("RelationshipTableModel", "Last meeting")),
        ("next", QT_TRANSLATE_NOOP("RelationshipTableModel", "Next check-in")),
        ("actions", QT_TRANSLATE_NOOP("RelationshipTableModel", "Actions")),
        ("goals", QT_TRANSLATE_NOOP("RelationshipTableModel", "Goals")),
    )
    NAME, ORG, ROLE, KIND, STATUS, FOCUS, LAST, NEXT, ACTIONS, GOALS = range(len(COLUMNS))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[ListRow] = []
        self._shown: list[int] = []  # indexes into _all: the rows that pass the filters, in order
        self._today = date.today()
        self._icons: dict[Overdue, QIcon] = {}
        self._sort_column = self.NAME
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._text = ""
        self._words: list[str] = []
        self._status: set[str] | None = None
        self._kind: str | None = None
        self._role: str | None = None
        # Caches over _all, rebuilt with the rows.
        self._hay: list[str] = []
        self._keys: dict[int, list[Any]] = {}
        self._cells: dict[tuple[int, int], dict[int, Any]] = {}

    # -- rows -----------------------------------------------------------------------------------
    def set_rows(self, rows: list[ListRow], today: date | None = None) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._today = today or date.today()
        self._hay = [
            " ".join((r.name, r.organization, r.email, " ".join(r.tags), r.notes)).casefold() for r in rows
        ]
        self._keys = {}
        self._cells = {}
        self._shown = self._filtered_sorted()
        self.endResetModel()

    def all_rows(self) -> list[ListRow]:
        """Every row, shown or not."""
        return list(self._all)

    def row_at(self, row: int) -> ListRow:
        return self._all[self._shown[row]]

    def row_of(self, relationship_id: int) -> int:
        """The shown row of a relationship, -1 when it is filtered out or gone."""
        return self._shown_row(lambda r: isinstance(r, RelationshipRow) and r.id == relationship_id)

    def row_of_person(self, person_id: int) -> int:
        """The shown row of a person: their contact row, or their first relationship shown."""
        return self._shown_row(lambda r: r.person_id == person_id)

    def find(self, kind: str, item_id: int) -> ListRow | None:
        """A relationship ("relationship") or person ("person") among every row, shown or not."""
        for r in self._all:
            if kind == "relationship" and isinstance(r, RelationshipRow) and r.id == item_id:
                return r
            if kind == "person" and r.person_id == item_id:
                return r
        return None

    def _shown_row(self, test: Any) -> int:
        rows = self._all
        for i, k in enumerate(self._shown):
            if test(rows[k]):
                return i
        return -1

    # -- filters and order ------------------------------------------------------------------------
    def set_text(self, text: str) -> None:
        self._text = text.strip().casefold()
        self._words = self._text.split()
        self._refilter()

    def set_status(self, statuses: set[str] | None) -> None:
        self._status = set(statuses) if statuses is not None else None
        self._refilter()

    def set_kind(self, kind: str | None) -> None:
        self._kind = kind
        self._refilter()

    def set_role(self, role: str | None) -> None:
        self._role = role
        self._refilter()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        self._sort_column, self._sort_order = column, order
        self._refilter()

    def _refilter(self) -> None:
        shown = self._filtered_sorted()
        if shown == self._shown:
            return
        self.beginResetModel()
        self._shown = shown
        self.endResetModel()

    def _accepts(self, i: int) -> bool:
        r = self._all[i]
        if isinstance(r, ContactRow):
            if self._status is None or CONTACT not in self._status or self._kind or self._role:
                return False
        else:
            if self._status is not None and r.status.value not in self._status:
                return False
            if self._kind and r.kind.value != self._kind:
                return False
            if self._role and r.role.value != self._role:
                return False
        if self._words:
            hay = self._hay[i]
            return all(word in hay for word in self._words)
        return True

    def _filtered_sorted(self) -> list[int]:
        shown = [i for i in range(len(self._all)) if self._accepts(i)]
        keys = self._sort_keys(self._sort_column)
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        try:
            shown.sort(key=keys.__getitem__, reverse=descending)
        except TypeError:  # a contact's placeholder key beside a relationship's value
            shown.sort(key=lambda i: str(keys[i]), reverse=descending)
        return shown

    def _sort_keys(self, col: int) -> list[Any]:
        keys = self._keys.get(col)
        if keys is None:
            keys = self._keys[col] = [self._sort_key(r, col) for r in self._all]
        return keys

    # -- Qt's model interface -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section][1])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            tip = HEADER_TIPS.get(section)
            return self.tr(tip) if tip else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row, col = index.row(), index.column()
        if role in _ASKED_ROLES:
            # Not kept per cell: the list paints without them, and a cell is made to be painted.
            if not 0 <= row < len(self._shown) or not 0 <= col < len(self.COLUMNS):
                return None
            i = self._shown[row]
            if role == ROW_ROLE:
                return self._all[i]
            if role == SEARCH_ROLE:
                return self._hay[i]
            if role == SORT_ROLE:
                keys = self._keys.get(col)
                return keys[i] if keys is not None else self._sort_key(self._all[i], col)
            return f"{self.tr(self.COLUMNS[col][1])}: {self._display(self._all[i], col)}"
        cell = self.cell_at(row, col)
        return None if cell is None else cell.get(role)

    def cell_at(self, row: int, col: int) -> dict[int, Any] | None:
        """Every role of the shown cell (see :class:`CachedCellDelegate`), ``None`` outside the table."""
        if not 0 <= row < len(self._shown) or not 0 <= col < len(self.COLUMNS):
            return None
        key = (self._shown[row], col)
        cell = self._cells.get(key)
        if cell is None:
            cell = self._cells[key] = self._cell(*key)
        return cell

    def _cell(self, i: int, col: int) -> dict[int, Any]:
        """The roles of one cell a view reads to paint or show, computed once per set of rows: text,
        icon and colour (see :data:`cell_delegate.HANDLED_ROLES`), and the tooltip. The others
        are worked out when asked for (see :meth:`data`)."""
        r = self._all[i]
        cell: dict[int, Any] = {_DISPLAY: self._display(r, col)}
        if col == self.NAME:
            # Every name gets an icon (a blank one when nothing is due) so that names line up.
            level = r.level if isinstance(r, RelationshipRow) else Overdue.NONE
            if level not in self._icons:
                colour = {Overdue.OVERDUE: RED, Overdue.DUE_SOON: AMBER}.get(level, QColor(0, 0, 0, 0))
                self._icons[level] = _dot(colour)
            cell[_DECORATION] = self._icons[level]
        if isinstance(r, ContactRow):
            if col == self.STATUS:
                cell[_FOREGROUND] = GREY
                cell[_TOOLTIP] = self.tr(
                    "A contact: not yet a relationship. Make them a prospect from the panel."
                )
            return cell
        if col == self.NEXT and r.level in (Overdue.OVERDUE, Overdue.DUE_SOON):
            cell[_FOREGROUND] = RED if r.level == Overdue.OVERDUE else AMBER
        if col in (self.NAME, self.NEXT):
            if r.status == RelStatus.PAUSED:
                cell[_TOOLTIP] = self.tr("Paused: no check-ins expected until resumed")
            elif r.level == Overdue.OVERDUE:
                cell[_TOOLTIP] = self.tr("Overdue: the agreed cadence has passed since the last meeting")
            elif r.level == Overdue.DUE_SOON:
                cell[_TOOLTIP] = self.tr("Due within 7 days")
        return cell

    def _display(self, r: ListRow, col: int) -> str:
        if col == self.NAME:
            return r.name
        if col == self.ORG:
            return r.organization
        if isinstance(r, ContactRow):
            return self.tr("Contact") if col == self.STATUS else ""
        if col == self.ROLE:
            return i18n.label(r.role)
        if col == self.KIND:
            return i18n.label(r.kind)
        if col == self.STATUS:
            return i18n.label(r.status)
        if col == self.FOCUS:
            return ", ".join(focus_label(f) for f in r.focus_areas)
        if col == self.LAST:
            return _date_text(r.last_meeting)
        if col == self.NEXT:
            return self._next_text(r)
        if col == self.ACTIONS:
            return str(r.open_actions) if r.open_actions else ""
        if col == self.GOALS:
            return ", ".join(r.goals)
        return ""

    def _next_text(self, r: RelationshipRow) -> str:
        if r.status == RelStatus.PAUSED:
            return self.tr("paused")
        if r.next_due is None:
            return "—"
        days = (r.next_due - self._today).days
        if r.level == Overdue.OVERDUE:
            return self.tr("{date} ({days} d late)").format(date=r.next_due.isoformat(), days=-days)
        if r.level == Overdue.DUE_SOON:
            if days == 0:
                return self.tr("{date} (today)").format(date=r.next_due.isoformat())
            return self.tr("{date} (in {days} d)").format(date=r.next_due.isoformat(), days=days)
        return r.next_due.isoformat()

    def _sort_key(self, r: ListRow, col: int) -> Any:
        if isinstance(r, ContactRow):
            if col in (self.NAME, self.ORG, self.STATUS):
                return self._display(r, col).casefold()
            if col == self.NEXT:
                return 10**8
            return -1 if col in (self.LAST, self.ACTIONS, self.GOALS) else "\U0010ffff"
        if col == self.LAST:
            return r.last_meeting.toordinal() if r.last_meeting else 0
        if col == self.NEXT:
            return r.next_due.toordinal() if r.next_due else 10**7
        if col == self.ACTIONS:
            return r.open_actions
        if col == self.GOALS:
            return len(r.goals)
        return self._display(r, col).casefold()
