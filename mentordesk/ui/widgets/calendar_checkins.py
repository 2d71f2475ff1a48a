"""Who is due for a check-in (amber) or overdue (red), with Schedule and Log at hand."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.cadence import Overdue
from mentordesk.services.meetings import CheckInRow
from mentordesk.ui.models.meetings import colour_icon, day_text
from mentordesk.ui.theme import AMBER, RED

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class CheckInsPanel(QWidget):
    scheduleRequested = Signal(int)  # noqa: N815 (relationship id)
    logRequested = Signal(int)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("Check-ins"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setEnabled(False)

        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Check-ins"))
        self.tree.setHeaderLabels([self.tr("Person"), self.tr("Check-in"), self.tr("Planned")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemDoubleClicked.connect(lambda _item, _col: self._emit(self.scheduleRequested))
        self.tree.currentItemChanged.connect(lambda *_a: self._update_buttons())

        self.empty = QLabel(self.tr("Everyone is on track: nobody is due for a check-in in the next 7 days."))
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tree)
        self.stack.addWidget(self.empty)

        self.schedule_button = QPushButton(self.tr("&Schedule…"))
        self.schedule_button.setToolTip(self.tr("Plan the next meeting at a time the cadence suggests"))
        self.schedule_button.clicked.connect(lambda: self._emit(self.scheduleRequested))
        self.log_button = QPushButton(self.tr("Lo&g…"))
        self.log_button.setToolTip(self.tr("Log a meeting you held with this person"))
        self.log_button.clicked.connect(lambda: self._emit(self.logRequested))

        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.summary, 1)
        head.addWidget(self.schedule_button)
        head.addWidget(self.log_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.stack)
        self._update_buttons()

    def set_rows(self, rows: list[CheckInRow], today: date) -> None:
        current = self.current_relationship()
        self.tree.clear()
        for r in rows:
            planned = day_text(r.next_planned.astimezone().date()) if r.next_planned else "—"
            item = QTreeWidgetItem([r.person, r.describe(today), planned])
            item.setData(0, ID_ROLE, r.relationship_id)
            item.setIcon(0, colour_icon(r.relationship_id))
            colour = RED if r.level == Overdue.OVERDUE else AMBER
            item.setForeground(1, QBrush(colour))
            last = r.last_held.isoformat() if r.last_held else self.tr("never")
            item.setToolTip(
                1,
                self.tr("Due {date} (every {days} days; last held meeting: {last})").format(
                    date=r.due.isoformat(), days=r.cadence_days, last=last
                ),
            )
            if r.next_planned:
                item.setToolTip(2, self.tr("A meeting is already planned"))
            self.tree.addTopLevelItem(item)
            if r.relationship_id == current:
                self.tree.setCurrentItem(item)
        overdue = sum(1 for r in rows if r.level == Overdue.OVERDUE)
        soon = len(rows) - overdue
        parts = [self.tr("{count} overdue").format(count=overdue)] if overdue else []
        if soon:
            parts.append(self.tr("{count} due this week").format(count=soon))
        self.summary.setText(" · ".join(parts))
        self.stack.setCurrentWidget(self.tree if rows else self.empty)
        first = self.tree.topLevelItem(0)
        if first is not None and self.tree.currentItem() is None:
            self.tree.setCurrentItem(first)
        self._update_buttons()

    def rows_shown(self) -> list[tuple[str, str, str]]:
        """What the list shows, row by row (person, check-in, planned)."""
        items = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        return [(it.text(0), it.text(1), it.text(2)) for it in items if it is not None]

    def select_relationship(self, relationship_id: int) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.data(0, ID_ROLE) == relationship_id:
                self.tree.setCurrentItem(item)

    def current_relationship(self) -> int | None:
        item = self.tree.currentItem()
        return int(item.data(0, ID_ROLE)) if item is not None else None

    def _emit(self, signal: SignalInstance) -> None:
        rid = self.current_relationship()
        if rid is not None:
            signal.emit(rid)

    def _update_buttons(self) -> None:
        has = self.current_relationship() is not None and self.stack.currentWidget() is self.tree
        self.schedule_button.setEnabled(has)
        self.log_button.setEnabled(has)
