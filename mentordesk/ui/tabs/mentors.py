"""The mentors tab: every relationship, filterable, with a first-run empty state."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.enums import Kind, RelStatus, Role
from mentordesk.services.people import RelationshipRow
from mentordesk.ui.context import AppContext
from mentordesk.ui.models.relationships import ROW_ROLE, RelationshipFilterProxy, RelationshipTableModel


class EmptyState(QWidget):
    """Shown while there is no relationship at all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        title = QLabel("Welcome to MentorDesk")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            "Keep every mentoring relationship in one place: who helps you with what, when you last met,\n"
            "and what you agreed. Start with one person, or look around with sample data first."
        )
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.add_button = QPushButton("Add your first mentor")
        self.add_button.setDefault(True)
        self.demo_button = QPushButton("Explore with sample data")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        layout.addWidget(title)
        layout.addSpacing(8)
        layout.addWidget(text)
        layout.addSpacing(16)
        layout.addLayout(buttons)
        layout.addStretch(3)


class MentorsTab(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.model = RelationshipTableModel(self)
        self.proxy = RelationshipFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter by name, organization, tag or notes (Ctrl+F)")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName("Filter relationships")
        self.filter_edit.textChanged.connect(self.proxy.set_text)

        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Status filter")
        self.status_filter.addItem("All statuses", None)
        self.status_filter.addItem("Current (active and paused)", {"active", "paused"})
        self.status_filter.addItem("Prospects (prospect and asked)", {"prospect", "asked"})
        for st in RelStatus:
            self.status_filter.addItem(st.label, {st.value})
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_status(self.status_filter.currentData())
        )
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName("Kind filter")
        self.kind_filter.addItem("All kinds", None)
        for k in Kind:
            self.kind_filter.addItem(k.label, k.value)
        self.kind_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_kind(self.kind_filter.currentData())
        )
        self.role_filter = QComboBox()
        self.role_filter.setAccessibleName("Role filter")
        self.role_filter.addItem("All roles", None)
        for r in Role:
            self.role_filter.addItem(r.label, r.value)
        self.role_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_role(self.role_filter.currentData())
        )

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(RelationshipTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName("Relationships")
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_detail())

        self.detail = QLabel()
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setWordWrap(True)
        self.detail.setMargin(12)

        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 3)
        bar.addWidget(self.status_filter, 1)
        bar.addWidget(self.kind_filter, 1)
        bar.addWidget(self.role_filter, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(bar)
        list_layout.addWidget(self.splitter)

        self.empty = EmptyState()
        self.empty.demo_button.clicked.connect(self.load_sample_data)

        self.stack = QStackedWidget()
        self.stack.addWidget(list_page)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

        ctx.dataChanged.connect(lambda _what: self.refresh())
        self.refresh()

    # -- data ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        current = self.current_row()
        rows = self.ctx.services.people.list_rows()
        self.model.set_rows(rows)
        self.stack.setCurrentIndex(1 if not rows else 0)
        if rows:
            self.table.resizeColumnsToContents()
            for col in (RelationshipTableModel.FOCUS, RelationshipTableModel.GOALS):
                self.table.setColumnWidth(col, min(self.table.columnWidth(col), 220))
            if current is not None:
                self.select_item("relationship", current.id)
            else:
                self.table.selectRow(0)

    def current_row(self) -> RelationshipRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row = self.proxy.data(index, ROW_ROLE)
        return row if isinstance(row, RelationshipRow) else None

    def select_item(self, kind: str, item_id: int) -> None:
        if kind != "relationship":
            return
        source_row = self.model.row_of(item_id)
        if source_row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():  # hidden by a filter: clear the filters so it can be shown
            self.filter_edit.clear()
            self.status_filter.setCurrentIndex(0)
            self.kind_filter.setCurrentIndex(0)
            self.role_filter.setCurrentIndex(0)
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def _show_detail(self) -> None:
        row = self.current_row()
        if row is None:
            self.detail.setText("")
            return
        lines = [row.name, f"{row.role.label} · {row.kind.label} · {row.status.label}"]
        if row.organization:
            lines.append(row.organization)
        if row.email:
            lines.append(row.email)
        lines.append("")
        lines.append(f"Cadence: every {row.cadence_days} days")
        lines.append(f"Last meeting: {row.last_meeting or '—'}")
        lines.append(f"Next check-in: {row.next_due or '—'}")
        if row.goals:
            lines.append("Goals: " + ", ".join(row.goals))
        self.detail.setText("\n".join(lines))

    def load_sample_data(self) -> None:
        self.ctx.services.demo.generate(seed=1)
        self.ctx.notify("all")
        self.ctx.status("Sample data loaded: explore, then start your own database from File > New database")

    # -- window hooks ---------------------------------------------------------------------------
    def focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("mentors/splitter", self.splitter.saveState())
        settings.setValue("mentors/header", self.table.horizontalHeader().saveState())
