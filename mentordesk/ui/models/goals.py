"""The goals tab's models: the timeline's filter and the list of goals that need a review."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon

from mentordesk.domain.progress import OPEN_GOAL_STATUSES, days_since_review_due
from mentordesk.services.goals_types import GoalRow
from mentordesk.ui.i18n import QT_TRANSLATE_NOOP
from mentordesk.ui.theme import AMBER, BLUE, RED, dot_icon

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the GoalRow itself

Index = QModelIndex | QPersistentModelIndex


@dataclass
class GoalFilter:
    """What the filter bar asks for; ``None`` means any."""

    text: str = ""
    statuses: frozenset[str] | None = None
    category: str | None = None
    relationship_id: int | None = None

    def accepts(self, row: GoalRow) -> bool:
        if self.statuses is not None and row.status.value not in self.statuses:
            return False
        if self.category is not None and row.category.value != self.category:
            return False
        if self.relationship_id is not None and self.relationship_id not in row.relationship_ids:
            return False
        if self.text:
            hay = " ".join((row.title, row.description, " ".join(row.helper_names))).casefold()
            return all(word in hay for word in self.text.casefold().split())
        return True

    def apply(self, rows: list[GoalRow]) -> list[GoalRow]:
        return [r for r in rows if self.accepts(r)]

    def is_active(self) -> bool:
        return bool(self.text.strip()) or any(
            v is not None for v in (self.statuses, self.category, self.relationship_id)
        )


# The status filter's choices; labels are translated where the combo box is filled (GoalsTab).
STATUS_CHOICES: tuple[tuple[str, frozenset[str] | None], ...] = (
    (QT_TRANSLATE_NOOP("GoalsTab", "All statuses"), None),
    (QT_TRANSLATE_NOOP("GoalsTab", "Open (planned, active, on hold)"), frozenset(OPEN_GOAL_STATUSES)),
    (QT_TRANSLATE_NOOP("GoalsTab", "Planned"), frozenset({"planned"})),
    (QT_TRANSLATE_NOOP("GoalsTab", "Active"), frozenset({"active"})),
    (QT_TRANSLATE_NOOP("GoalsTab", "Achieved"), frozenset({"achieved"})),
    (QT_TRANSLATE_NOOP("GoalsTab", "On hold"), frozenset({"on_hold"})),
    (QT_TRANSLATE_NOOP("GoalsTab", "Dropped"), frozenset({"dropped"})),
)


def attention_rows(rows: list[GoalRow]) -> list[GoalRow]:
    """Goals that need a look: reviews due (the longest overdue first), then stalled goals."""
    due = sorted((r for r in rows if r.review_due), key=lambda r: (r.next_review_on or date.max, r.title))
    stalled = [r for r in rows if r.stalled and not r.review_due]
    return due + stalled


class AttentionModel(QAbstractListModel):
    """The reviews panel: one line per goal whose review is due or that has stalled."""

    def __init__(self, today: date, parent: Any = None) -> None:
        super().__init__(parent)
        self.today = today
        self._rows: list[GoalRow] = []

    def set_rows(self, rows: list[GoalRow]) -> None:
        self.beginResetModel()
        self._rows = attention_rows(rows)
        self.endResetModel()

    def row_at(self, index: int) -> GoalRow:
        return self._rows[index]

    def row_of(self, goal_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == goal_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def describe(self, row: GoalRow) -> str:
        parts: list[str] = []
        if row.overdue:
            parts.append(self.tr("target date passed"))
        if row.review_due:
            late = days_since_review_due(row.next_review_on, self.today)
            if late > 1:
                parts.append(self.tr("review {days} days late").format(days=late))
            elif late == 0:
                parts.append(self.tr("review due today"))
            else:
                parts.append(self.tr("review 1 day late"))
        if row.stalled:
            parts.append(
                self.tr("stalled: no progress in {days} days").format(days=2 * row.review_every_days)
            )
        return " · ".join(parts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.title}\n{self.describe(row)}"
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DecorationRole:
            return _dot(RED if row.overdue else AMBER if row.stalled else BLUE)
        if role == Qt.ItemDataRole.ToolTipRole:
            when = row.next_review_on or self.tr("not scheduled")
            return self.tr("Next review {date}").format(date=when) + f"\n{row.title}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.title}: {self.describe(row)}"
        return None


_DOTS: dict[str, QIcon] = {}


def _dot(colour: QColor) -> QIcon:
    """A small filled circle: red overdue, amber stalled, blue review due."""
    key = colour.name()
    if key not in _DOTS:
        _DOTS[key] = dot_icon(colour)  # sharp on high-DPI screens
    return _DOTS[key]
