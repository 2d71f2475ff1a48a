"""The agenda list: a table model over MeetingRow values, its filter, and the calendar's colours."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTime,
)
from PySide6.QtGui import QBrush, QColor, QIcon

from mentordesk.domain.enums import MeetingStatus
from mentordesk.services.meetings import MeetingRow
from mentordesk.services.meetings_schedule import overlaps
from mentordesk.ui import i18n
from mentordesk.ui.i18n import QT_TRANSLATE_NOOP
from mentordesk.ui.theme import AMBER, BLUE, GREEN, GREY, RED, SERIES, dot_icon

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex

STATUS_COLOURS = {
    MeetingStatus.PLANNED: BLUE,
    MeetingStatus.HELD: GREEN,
    MeetingStatus.MISSED: RED,
    MeetingStatus.CANCELLED: GREY,
}


def relationship_colour(relationship_id: int | None) -> QColor:
    """The colour of a relationship in every calendar view (grey for unassigned events)."""
    if relationship_id is None:
        return QColor(GREY)
    return QColor(SERIES[(relationship_id - 1) % len(SERIES)])


def colour_icon(relationship_id: int | None) -> QIcon:
    return dot_icon(relationship_colour(relationship_id))  # sharp on high-DPI screens


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def time_text(moment: datetime) -> str:
    """A UTC moment as local wall-clock time in the user's locale (e.g. 14:30)."""
    local = moment.astimezone()
    return QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)


def day_text(day: date, *, long: bool = False) -> str:
    return QLocale().toString(qdate(day), "dddd d MMMM yyyy" if long else "ddd d MMM")


def when_text(row: MeetingRow, *, with_day: bool) -> str:
    prefix = f"{day_text(row.day)}  " if with_day else ""
    if row.all_day:
        return prefix + QCoreApplication.translate("Meetings", "all day")
    return f"{prefix}{time_text(row.start)}–{time_text(row.end)}"


def overlapping_ids(rows: list[MeetingRow]) -> set[int]:
    """Meetings in the list that share time with another one (cancelled and all-day ones never do)."""
    timed = [r for r in rows if not r.all_day and r.status != MeetingStatus.CANCELLED]
    found: set[int] = set()
    for i, a in enumerate(timed):
        for b in timed[i + 1 :]:
            if overlaps(a.start, a.end, b.start, b.end):
                found.update((a.id, b.id))
    return found


class AgendaModel(QAbstractTableModel):
    COLUMNS = (
        QT_TRANSLATE_NOOP("AgendaModel", "When"),
        QT_TRANSLATE_NOOP("AgendaModel", "With"),
        QT_TRANSLATE_NOOP("AgendaModel", "Status"),
    )
    WHEN, WITH, STATUS = range(3)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[MeetingRow] = []
        self._clashes: set[int] = set()
        self.with_day = False

    def set_rows(self, rows: list[MeetingRow], *, with_day: bool) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._clashes = overlapping_ids(self._rows)
        self.with_day = with_day
        self.endResetModel()

    def rows(self) -> list[MeetingRow]:
        return list(self._rows)

    def row_at(self, row: int) -> MeetingRow:
        return self._rows[row]

    def row_of(self, meeting_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == meeting_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(r, col)
        if role == ROW_ROLE:
            return r
        if role == SEARCH_ROLE:
            return " ".join((r.person, r.title, r.agenda, r.notes, r.location)).lower()
        if role == Qt.ItemDataRole.DecorationRole and col == self.WITH:
            return colour_icon(r.relationship_id)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == self.STATUS:
                return QBrush(STATUS_COLOURS.get(r.status, GREY))
            if col == self.WHEN and r.id in self._clashes:
                return QBrush(AMBER)
            if r.status == MeetingStatus.CANCELLED:
                return QBrush(GREY)
        if role == Qt.ItemDataRole.FontRole and r.status == MeetingStatus.CANCELLED:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(r)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.tr(self.COLUMNS[col])}: {self.display(r, col)}"
        return None

    def display(self, r: MeetingRow, col: int) -> str:
        if col == self.WHEN:
            text = when_text(r, with_day=self.with_day)
            return f"{text}  ⚠" if r.id in self._clashes else text
        if col == self.WITH:
            who = r.person or self.tr("{title} (not assigned)").format(title=r.title or self.tr("Meeting"))
            return (
                self.tr("{who} · {count} open").format(who=who, count=r.open_actions)
                if r.open_actions
                else who
            )
        if col == self.STATUS:
            return i18n.label(r.status)
        return ""

    def tooltip(self, r: MeetingRow) -> str:
        lines = [r.label, when_text(r, with_day=True)]
        if r.id in self._clashes:
            lines.append(self.tr("Overlaps another meeting"))
        if r.channel:
            lines.append(i18n.label(r.channel) + (f": {r.location}" if r.location else ""))
        elif r.location:
            lines.append(r.location)
        if r.agenda:
            lines.append(self.tr("Agenda: {agenda}").format(agenda=r.agenda))
        return "\n".join(lines)


class AgendaFilterProxy(QSortFilterProxyModel):
    """Keeps the rows whose person, title, agenda, notes or place contain every typed word."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.lower().split()
        self.endFilterChange()

    def active(self) -> bool:
        return bool(self._words)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        if not self._words:
            return True
        model = self.sourceModel()
        hay = model.data(model.index(source_row, 0), SEARCH_ROLE) or ""
        return all(w in hay for w in self._words)
