"""The mentors tab: every relationship and contact, filterable, a pipeline for finding a mentor,
and a detail panel. Edits go through :mod:`mentordesk.ui.dialogs.relationship_actions`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.enums import Kind, RelStatus, Role
from mentordesk.services.errors import NotFoundError
from mentordesk.services.people_rows import ContactRow, ListRow, RelationshipRow, pipeline_of
from mentordesk.ui import i18n
from mentordesk.ui.context import AppContext
from mentordesk.ui.i18n import QT_TRANSLATE_NOOP
from mentordesk.ui.models.relationships import (
    CONTACT,
    ROW_ROLE,
    RelationshipTableModel,
)
from mentordesk.ui.widgets.cell_table import CellTable
from mentordesk.ui.widgets.mentor_detail import MentorDetail

if TYPE_CHECKING:
    from datetime import date

    from mentordesk.services.people_rows import Pipeline
    from mentordesk.ui.dialogs.relationship_actions import RelationshipActions
    from mentordesk.ui.widgets.mentor_pipeline import MentorPipeline

# Width of each column on first use (the user's own widths are remembered after that).
COLUMN_WIDTHS = (130, 110, 84, 62, 68, 96, 92, 150, 56, 80)
# Labels are translated where the combo box is filled (MentorsTab context; statuses: their label).
STATUS_FILTERS: list[tuple[str | RelStatus, set[str] | None]] = [
    (QT_TRANSLATE_NOOP("MentorsTab", "All relationships"), None),
    (QT_TRANSLATE_NOOP("MentorsTab", "Current (active and paused)"), {"active", "paused"}),
    (QT_TRANSLATE_NOOP("MentorsTab", "Prospects (prospect and asked)"), {"prospect", "asked"}),
    *((st, {st.value}) for st in RelStatus),
    (QT_TRANSLATE_NOOP("MentorsTab", "Contacts (not yet a relationship)"), {CONTACT}),
    (
        QT_TRANSLATE_NOOP("MentorsTab", "Everyone, contacts included"),
        {CONTACT, *(st.value for st in RelStatus)},
    ),
]
CONTACTS_FILTER = len(STATUS_FILTERS) - 2


class EmptyState(QWidget):
    """Shown while there is nobody at all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        title = QLabel(self.tr("Welcome to MentorDesk"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            self.tr(
                "Keep every mentoring relationship in one place: who helps you with what, when you last met,\n"
                "and what you agreed. Start with one person, or look around with sample data first."
            )
        )
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.add_button = QPushButton(self.tr("Add your first mentor"))
        self.add_button.setDefault(True)
        self.demo_button = QPushButton(self.tr("Explore with sample data"))
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
    @cached_property
    def ops(self) -> RelationshipActions:
        """What the tab's buttons and keys do: its dialogs load when first used, not at start."""
        from mentordesk.ui.dialogs.relationship_actions import RelationshipActions

        return RelationshipActions(self)

    @cached_property
    def pipeline(self) -> MentorPipeline:
        """Prospects and requests waiting for an answer: built when first shown, as the list
        shows first."""
        from mentordesk.ui.widgets.mentor_pipeline import MentorPipeline

        pipeline = MentorPipeline()
        pipeline.relationshipSelected.connect(lambda rid: self._show_item("relationship", rid))
        self.views.addWidget(pipeline)
        self._item_keys(pipeline.prospects)
        self._item_keys(pipeline.asked)
        if self._pipeline is not None:
            pipeline.set_pipeline(*self._pipeline)
        return pipeline

    @cached_property
    def empty(self) -> EmptyState:
        """What shows while there is nobody at all: built the first time that happens."""
        empty = EmptyState()
        empty.add_button.clicked.connect(lambda *_: self.ops.new_relationship())
        empty.demo_button.clicked.connect(self.load_sample_data)
        self.stack.addWidget(empty)
        return empty

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.model = RelationshipTableModel(self)
        self.model.modelReset.connect(self._filtered)
        self._refreshing = False
        self._selected: tuple[str, int] | None = None
        self._shown: tuple[str, int] | None = None  # what the detail panel shows since the last refresh
        self._sized = False
        self._pipeline: tuple[Pipeline, date] | None = None  # what the pipeline shows once built

        self.new_button = QPushButton(self.tr("&New…"))
        self.new_button.setToolTip(self.tr("Add a relationship (Ctrl+N)"))
        self.new_button.clicked.connect(lambda *_: self.ops.new_relationship())
        self.list_button = QPushButton(self.tr("List"))
        self.pipeline_button = QPushButton(self.tr("Find a mentor"))
        self.pipeline_button.setToolTip(self.tr("Prospects and requests waiting for an answer"))
        self.view_group = QButtonGroup(self)
        for i, button in enumerate((self.list_button, self.pipeline_button)):
            button.setCheckable(True)
            self.view_group.addButton(button, i)
        self.list_button.setChecked(True)
        self.view_group.idClicked.connect(self.show_view)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter by name, organization, tag or notes (Ctrl+F)"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filter relationships"))
        self.filter_edit.textChanged.connect(self.model.set_text)
        self.status_filter = self._combo(
            self.tr("Status filter"),
            [
                (i18n.label(text) if isinstance(text, RelStatus) else self.tr(text), value)
                for text, value in STATUS_FILTERS
            ],
            self.model.set_status,
        )
        self.kind_filter = self._combo(
            self.tr("Kind filter"),
            [(self.tr("All kinds"), None), *((i18n.label(k), k.value) for k in Kind)],
            self.model.set_kind,
        )
        self.role_filter = self._combo(
            self.tr("Role filter"),
            [(self.tr("All roles"), None), *((i18n.label(r), r.value) for r in Role)],
            self.model.set_role,
        )

        self.table = CellTable(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(RelationshipTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(48)
        self.table.setAccessibleName(self.tr("Relationships"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; arrows move within it
        self.table.selectionModel().currentRowChanged.connect(lambda _cur, _prev: self._table_picked())
        self.table.doubleClicked.connect(lambda _index: self.ops.edit_current())

        self.detail = MentorDetail()
        self.detail.actionRequested.connect(lambda action: self.ops.run(action))
        self.detail.removeAppreciationRequested.connect(lambda entry: self.ops.remove_appreciation(entry))

        self.filters = QWidget()
        self.filters.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        filters = QHBoxLayout(self.filters)
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.filter_edit, 3)
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.kind_filter, 1)
        filters.addWidget(self.role_filter, 1)
        self.bar_spacer = QWidget()  # takes the filters' room while the pipeline shows
        self.bar_spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.bar_spacer.hide()
        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addSpacing(8)
        bar.addWidget(self.list_button)
        bar.addWidget(self.pipeline_button)
        bar.addSpacing(8)
        bar.addWidget(self.filters, 1)
        bar.addWidget(self.bar_spacer, 1)

        self.views = QStackedWidget()
        self.views.addWidget(self.table)  # the pipeline joins it when first shown
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.views)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(bar)
        list_layout.addWidget(self.splitter, 1)

        self.list_page = list_page
        self.stack = QStackedWidget()
        self.stack.addWidget(list_page)  # the empty state joins it when first needed
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

        self._shortcuts()
        self._restore_state()
        ctx.refresh_on_change(self, lambda _what: self.refresh())
        self.refresh()

    def _combo(
        self, name: str, items: Sequence[tuple[str, object]], apply: Callable[[Any], None]
    ) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(5)
        for label, value in items:
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(lambda _i: apply(combo.currentData()))
        return combo

    def _shortcuts(self) -> None:
        new = QShortcut(QKeySequence("Ctrl+N"), self)
        new.setContext(Qt.ShortcutContext.WindowShortcut)  # active while this tab is showing
        new.activated.connect(lambda: self.ops.new_relationship())
        self.new_shortcut = new
        self._item_keys(self.table)

    def _item_keys(self, widget: QWidget) -> None:
        """Enter edits and Delete deletes the item selected in ``widget`` while it has the focus."""
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            edit = QShortcut(QKeySequence(key), widget)
            edit.setContext(Qt.ShortcutContext.WidgetShortcut)
            edit.activated.connect(lambda: self.ops.edit_current())
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), widget)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(lambda: self.ops.delete_current())

    # -- data ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._shown = None
        rows = self.ctx.services.people_read.list_entries()
        today = self.ctx.services.people_read.today()
        self._refreshing = True
        try:
            self.model.set_rows(rows, today)
        finally:
            self._refreshing = False
        self._pipeline = (pipeline_of(rows), today)
        if "pipeline" in self.__dict__:
            self.pipeline.set_pipeline(*self._pipeline)
        self.stack.setCurrentWidget(self.list_page if rows else self.empty)
        if not rows:
            self._selected = None
            return
        if not self._sized:
            self._sized = True
            for col, width in enumerate(COLUMN_WIDTHS):
                self.table.setColumnWidth(col, width)
        if self.status_filter.currentIndex() == 0 and not any(isinstance(r, RelationshipRow) for r in rows):
            self.status_filter.setCurrentIndex(CONTACTS_FILTER)  # only contacts so far: show them
        if self._selected is not None and self.model.find(*self._selected) is not None:
            self.select_item(*self._selected)
        else:
            self._filtered()

    def _filtered(self) -> None:
        """The shown rows changed (filters, order): keep the selected item when it is still shown,
        else select the first row, else say that nobody matches."""
        if self._refreshing or self.views.currentIndex() != 0:
            return
        row = self._find(*self._selected) if self._selected is not None else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.table.selectRow(row)
            self._table_picked()  # reads nothing again when the selection did not change
            return
        self._show_item(None, 0)
        self.detail.clear(
            self.tr("Nobody matches the filter. Clear the filter box or choose another status.")
        )

    def _find(self, kind: str, item_id: int) -> int:
        """The shown row of an item, -1 when it is filtered out or gone."""
        return self.model.row_of(item_id) if kind == "relationship" else self.model.row_of_person(item_id)

    def current_row(self) -> ListRow | None:
        """The selected row of the list (whichever view is showing)."""
        if self._selected is None:
            return None
        return self.model.find(*self._selected)

    def select_item(self, kind: str, item_id: int) -> None:
        """Show a relationship ("relationship") or a person ("person") in the list and the panel."""
        if kind not in ("relationship", "person"):
            return
        row = self.model.find(kind, item_id)
        if row is None:
            return
        if (
            self.views.currentIndex() == 1
            and isinstance(row, RelationshipRow)
            and self.pipeline.select(row.id)
        ):
            self._show_item(kind, item_id)
            return
        self._selected = (kind, item_id)
        if self._find(kind, item_id) < 0:  # hidden by a filter: clear the filters so it can be shown
            self.filter_edit.clear()
            self.status_filter.setCurrentIndex(CONTACTS_FILTER if isinstance(row, ContactRow) else 0)
            self.kind_filter.setCurrentIndex(0)
            self.role_filter.setCurrentIndex(0)
        self.show_view(0)
        index = self.model.index(self._find(kind, item_id), 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self._show_item(kind, item_id)

    def _table_picked(self) -> None:
        index = self.table.currentIndex()
        row = self.model.data(index, ROW_ROLE) if index.isValid() else None
        if isinstance(row, RelationshipRow):
            self._show_item("relationship", row.id)
        elif isinstance(row, ContactRow):
            self._show_item("person", row.person_id)
        else:
            self._show_item(None, 0)

    def _show_item(self, kind: str | None, item_id: int) -> None:
        self._selected = (kind, item_id) if kind else None
        if self._selected is not None and self._selected == self._shown:
            return  # already showing (selecting a row and then showing it would read it twice)
        self._shown = self._selected
        try:
            if kind == "relationship":
                self.detail.show_relationship(self.ctx.services.people_read.detail(item_id))
            elif kind == "person":
                self.detail.show_contact(self.ctx.services.people_read.person_detail(item_id))
            else:
                self.detail.clear()
        except NotFoundError:
            self._selected = self._shown = None
            self.detail.clear()

    def show_view(self, which: int) -> None:
        """0: the list, 1: the pipeline of prospects and requests."""
        self.views.setCurrentWidget(self.pipeline if which == 1 else self.table)
        self.view_group.button(which).setChecked(True)
        self.filters.setVisible(which == 0)
        self.bar_spacer.setVisible(which == 1)
        if which == 0:
            self._table_picked()
        else:
            current = self.pipeline.prospects.currentItem() or self.pipeline.asked.currentItem()
            if current is None and self.pipeline.prospects.count():
                self.pipeline.prospects.setCurrentRow(0)
            elif current is None and self.pipeline.asked.count():
                self.pipeline.asked.setCurrentRow(0)
            elif current is None:
                self.detail.clear(
                    self.tr("No prospects yet. Add someone you might ask with New, status Prospect.")
                )

    def show_contacts(self) -> None:
        """Show the contacts (after an import)."""
        self.show_view(0)
        self.status_filter.setCurrentIndex(CONTACTS_FILTER)

    def load_sample_data(self) -> None:
        self.ctx.services.demo.generate(seed=1)
        self.ctx.notify("all")
        self.ctx.status(
            self.tr("Sample data loaded: explore, then start your own database from File > New database")
        )

    # -- window hooks ---------------------------------------------------------------------------
    def after_first_frame(self) -> None:
        """The window is on screen: the values the panel showed in it can now be selected."""
        self.detail.allow_selection()

    def focus_filter(self) -> None:
        self.show_view(0)
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def _restore_state(self) -> None:
        settings = self.ctx.settings
        splitter = settings.value("mentors/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)  # type: ignore[arg-type]
        else:
            self.splitter.setSizes([940, 440])
        header = settings.value("mentors/header")
        if header is not None and self.table.horizontalHeader().restoreState(header):  # type: ignore[arg-type]
            self._sized = True

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("mentors/splitter", self.splitter.saveState())
        settings.setValue("mentors/header", self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        splitter, header = settings.value("mentors/splitter"), settings.value("mentors/header")
        if splitter is not None:
            self.splitter.restoreState(splitter)  # type: ignore[arg-type]
        if header is not None:
            self.table.horizontalHeader().restoreState(header)  # type: ignore[arg-type]
