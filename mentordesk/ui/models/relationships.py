"""The mentors list: a table model over relationship and contact rows, and its filter proxy."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap

from mentordesk.domain.cadence import Overdue
from mentordesk.domain.enums import FocusArea, RelStatus
from mentordesk.services.people import ContactRow, ListRow, RelationshipRow
from mentordesk.ui import i18n
from mentordesk.ui.i18n import QT_TRANSLATE_NOOP
from mentordesk.ui.theme import AMBER, RED

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the RelationshipRow or ContactRow itself
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a value that sorts right (dates, numbers)
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3  # text the filter box searches

CONTACT = "contact"  # the status filter's value for people without a relationship yet

Index = QModelIndex | QPersistentModelIndex


def focus_label(value: str) -> str:
    try:
        return i18n.label(FocusArea(value))
    except ValueError:
        return value


def _date_text(value: date | None) -> str:
    return value.isoformat() if value else "—"


def _dot(color: QColor) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pix)


HEADER_TIPS = {
    7: QT_TRANSLATE_NOOP(
        "RelationshipTableModel",
        "When the next check-in is due by the agreed cadence (amber: within 7 days, red: overdue)",
    ),
    8: QT_TRANSLATE_NOOP("RelationshipTableModel", "Open action items"),
    9: QT_TRANSLATE_NOOP("RelationshipTableModel", "Linked goals"),
}


class RelationshipTableModel(QAbstractTableModel):
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
        self._rows: list[ListRow] = []
        self._today = date.today()
        self._icons: dict[Overdue, QIcon] = {}
        # Per-row caches, rebuilt with the rows: filtering, sorting and painting read these
        # instead of recomputing text on every call (a keystroke filters and re-sorts every row).
        self._hay: list[str] = []
        self._keys: dict[int, list[Any]] = {}
        self._texts: dict[tuple[int, int], str] = {}

    def set_rows(self, rows: list[ListRow], today: date | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._today = today or date.today()
        self._hay = [
            " ".join((r.name, r.organization, r.email, " ".join(r.tags), r.notes)).casefold() for r in rows
        ]
        self._keys = {}
        self._texts = {}
        self.endResetModel()

    def haystack(self, row: int) -> str:
        """The lower-cased text the filter box searches in row ``row``."""
        return self._hay[row]

    def sort_key(self, row: int, col: int) -> Any:
        keys = self._keys.get(col)
        if keys is None:
            keys = self._keys[col] = [self._sort_key(r, col) for r in self._rows]
        return keys[row]

    def display_text(self, row: int, col: int) -> str:
        text = self._texts.get((row, col))
        if text is None:
            text = self._texts[(row, col)] = self._display(self._rows[row], col)
        return text

    def row_at(self, row: int) -> ListRow:
        return self._rows[row]

    def row_of(self, relationship_id: int) -> int:
        for i, r in enumerate(self._rows):
            if isinstance(r, RelationshipRow) and r.id == relationship_id:
                return i
        return -1

    def row_of_person(self, person_id: int) -> int:
        """The row of a person: their contact row, or their first relationship."""
        for i, r in enumerate(self._rows):
            if r.person_id == person_id:
                return i
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

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
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_text(index.row(), col)
        if role == SORT_ROLE:
            return self.sort_key(index.row(), col)
        if role == ROW_ROLE:
            return r
        if role == SEARCH_ROLE:
            return self._hay[index.row()]
        if role == Qt.ItemDataRole.DecorationRole and col == self.NAME:
            # Every name gets an icon (a blank one when nothing is due) so that names line up.
            level = r.level if isinstance(r, RelationshipRow) else Overdue.NONE
            if level not in self._icons:
                colour = {Overdue.OVERDUE: RED, Overdue.DUE_SOON: AMBER}.get(level, QColor(0, 0, 0, 0))
                self._icons[level] = _dot(colour)
            return self._icons[level]
        if isinstance(r, ContactRow):
            if role == Qt.ItemDataRole.ForegroundRole and col == self.STATUS:
                return QBrush(QColor("#8a8a8a"))
            if role == Qt.ItemDataRole.ToolTipRole and col == self.STATUS:
                return self.tr("A contact: not yet a relationship. Make them a prospect from the panel.")
            return None
        if role == Qt.ItemDataRole.ForegroundRole and col == self.NEXT:
            if r.level == Overdue.OVERDUE:
                return QBrush(RED)
            if r.level == Overdue.DUE_SOON:
                return QBrush(AMBER)
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.NAME, self.NEXT):
            if r.status == RelStatus.PAUSED:
                return self.tr("Paused: no check-ins expected until resumed")
            if r.level == Overdue.OVERDUE:
                return self.tr("Overdue: the agreed cadence has passed since the last meeting")
            if r.level == Overdue.DUE_SOON:
                return self.tr("Due within 7 days")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.tr(self.COLUMNS[col][1])}: {self._display(r, col)}"
        return None

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


class RelationshipFilterProxy(QSortFilterProxyModel):
    """Text filter (name, organization, email, tags, notes) plus quick filters.

    The status filter is a set of status values, where ``"contact"`` stands for people with no
    relationship yet; ``None`` means every relationship (contacts excluded).
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._text = ""
        self._words: list[str] = []
        self._status: set[str] | None = None
        self._kind: str | None = None
        self._role: str | None = None

    def _begin(self) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()

    def _end(self) -> None:
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()

    def set_text(self, text: str) -> None:
        self._begin()
        self._text = text.strip().casefold()
        self._words = self._text.split()
        self._end()

    def set_status(self, statuses: set[str] | None) -> None:
        self._begin()
        self._status = set(statuses) if statuses is not None else None
        self._end()

    def set_kind(self, kind: str | None) -> None:
        self._begin()
        self._kind = kind
        self._end()

    def set_role(self, role: str | None) -> None:
        self._begin()
        self._role = role
        self._end()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        assert isinstance(model, RelationshipTableModel)
        r = model.row_at(source_row)
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
        if self._text:
            hay = model.haystack(source_row)
            return all(word in hay for word in self._words)
        return True

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        assert isinstance(model, RelationshipTableModel)
        a, b = model.sort_key(left.row(), left.column()), model.sort_key(right.row(), right.column())
        try:
            return bool(a < b)
        except TypeError:  # a contact's placeholder key beside a relationship's value
            return str(a) < str(b)
