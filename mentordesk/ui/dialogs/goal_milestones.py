"""The milestones table of the goal editor: title, due date, done date, weight."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.errors import ValidationError
from mentordesk.services.goals_types import MilestoneInput, MilestoneRow

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class MilestoneTable(QWidget):
    """Editable rows; dates are typed as YYYY-MM-DD (an empty "Done on" means still open)."""

    TITLE, DUE, DONE, WEIGHT = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Milestone"), self.tr("Due"), self.tr("Done on"), self.tr("Weight")]
        )
        self.table.setAccessibleName(self.tr("Milestones"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells, F2 edits
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.TITLE, QHeaderView.ResizeMode.Stretch)
        for col, width in ((self.DUE, 104), (self.DONE, 104), (self.WEIGHT, 64)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(col, width)
        self.table.setToolTip(
            self.tr('Dates as YYYY-MM-DD. Leave "Done on" empty while the milestone is open.')
        )
        self.add_button = QPushButton(self.tr("Add milestone"))
        self.add_button.clicked.connect(lambda: self.add_row(MilestoneInput(self.tr("New milestone"))))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def set_milestones(self, rows: tuple[MilestoneRow, ...] | list[MilestoneRow]) -> None:
        self.table.setRowCount(0)
        for m in rows:
            self.add_row(MilestoneInput(m.title, m.due_on, m.done_on, m.weight, id=m.id), edit=False)

    def add_row(self, m: MilestoneInput, *, edit: bool = True) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        title = QTableWidgetItem(m.title)
        title.setData(ID_ROLE, m.id)
        self.table.setItem(row, self.TITLE, title)
        self.table.setItem(row, self.DUE, QTableWidgetItem(m.due_on.isoformat() if m.due_on else ""))
        self.table.setItem(row, self.DONE, QTableWidgetItem(m.done_on.isoformat() if m.done_on else ""))
        self.table.setItem(row, self.WEIGHT, QTableWidgetItem(f"{m.weight:g}"))
        if edit:
            self.table.setCurrentCell(row, self.TITLE)
            self.table.editItem(title)
        return row

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)

    def set_cell(self, row: int, col: int, text: str) -> None:
        item = self.table.item(row, col)
        if item is None:
            self.table.setItem(row, col, QTableWidgetItem(text))
        else:
            item.setText(text)

    def milestones(self) -> list[MilestoneInput]:
        """The rows as input; a date or weight that cannot be read is refused in words."""
        out: list[MilestoneInput] = []
        for row in range(self.table.rowCount()):
            title_item = self.table.item(row, self.TITLE)
            title = title_item.text() if title_item else ""
            mid = title_item.data(ID_ROLE) if title_item else None
            if title.strip():
                what = self.tr("Milestone {number} ('{title}')").format(number=row + 1, title=title.strip())
            else:
                what = self.tr("Milestone {number}").format(number=row + 1)
            due = self._date(row, self.DUE, what)
            done = self._date(row, self.DONE, what)
            weight_text = self._text(row, self.WEIGHT) or "1"
            try:
                weight = float(weight_text.replace(",", "."))
            except ValueError:
                raise ValidationError(
                    self.tr("{milestone}: weight '{weight}' is not a number").format(
                        milestone=what, weight=weight_text
                    ),
                    field="milestones",
                ) from None
            out.append(MilestoneInput(title, due, done, weight, id=int(mid) if mid else None))
        return out

    def _text(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text().strip() if item else ""

    def _date(self, row: int, col: int, what: str) -> date | None:
        text = self._text(row, col)
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ValidationError(
                self.tr("{milestone}: '{text}' is not a date (expected YYYY-MM-DD)").format(
                    milestone=what, text=text
                ),
                field="milestones",
            ) from None
