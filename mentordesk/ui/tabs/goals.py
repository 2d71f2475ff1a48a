"""The goals tab: every goal on a timeline, the selected goal in detail, the reviews that are due."""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import QEvent, QPoint, QSettings, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.enums import GoalCategory, ProgressMode
from mentordesk.services.goals_types import GoalInput, GoalRow, ReviewInput
from mentordesk.ui import i18n
from mentordesk.ui.context import AppContext
from mentordesk.ui.dialogs.goal import GoalDialog
from mentordesk.ui.dialogs.goal_form import confirm
from mentordesk.ui.dialogs.progress import ProgressDialog
from mentordesk.ui.dialogs.review import ReviewDialog
from mentordesk.ui.models.goals import STATUS_CHOICES, GoalFilter
from mentordesk.ui.tabs.goals_commands import move_goal_dates, move_milestone, perform, tick_milestone
from mentordesk.ui.tabs.goals_panel import GoalPanel
from mentordesk.ui.widgets.timeline import TimelineView
from mentordesk.ui.widgets.timeline_legend import TimelineLegend
from mentordesk.ui.widgets.timeline_scale import Zoom

NEW_GOAL_KEY = QKeySequence("Ctrl+N")


class GoalsTab(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.today = ctx.services.goals.today()
        self.filter = GoalFilter()
        self._all: list[GoalRow] = []
        self._options_loaded = False
        self.timeline = TimelineView(self.today)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter goals by title or mentor (Ctrl+F)"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filter goals"))
        self.filter_edit.textChanged.connect(self._filters_changed)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Status filter"))
        for label, statuses in STATUS_CHOICES:
            self.status_filter.addItem(self.tr(label), statuses)
        self.category_filter = QComboBox()
        self.category_filter.setAccessibleName(self.tr("Category filter"))
        self.category_filter.addItem(self.tr("All categories"), None)
        for c in GoalCategory:
            self.category_filter.addItem(i18n.label(c), c.value)
        self.mentor_filter = QComboBox()
        self.mentor_filter.setAccessibleName(self.tr("Mentor filter"))
        self.mentor_filter.addItem(self.tr("All mentors"), None)
        for combo in (self.status_filter, self.category_filter, self.mentor_filter):
            combo.currentIndexChanged.connect(self._filters_changed)

        self.zoom_buttons = QButtonGroup(self)
        zoom_row = QHBoxLayout()
        zoom_row.setSpacing(0)
        zoom_texts = {
            Zoom.MONTH: (self.tr("Month"), self.tr("Show the timeline by month (Ctrl+wheel zooms)")),
            Zoom.QUARTER: (self.tr("Quarter"), self.tr("Show the timeline by quarter (Ctrl+wheel zooms)")),
            Zoom.YEAR: (self.tr("Year"), self.tr("Show the timeline by year (Ctrl+wheel zooms)")),
        }
        for zoom in Zoom:
            button = QToolButton()
            button.setText(zoom_texts[zoom][0])
            button.setCheckable(True)
            button.setToolTip(zoom_texts[zoom][1])
            button.setProperty("zoom", zoom.value)
            self.zoom_buttons.addButton(button)
            zoom_row.addWidget(button)
        self.zoom_buttons.buttonClicked.connect(lambda b: self.timeline.set_zoom(str(b.property("zoom"))))
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.setToolTip(self.tr("Scroll the timeline to today"))
        self.today_button.clicked.connect(lambda: self.timeline.scroll_to_date(self.today, 0.4))
        self.new_button = QPushButton(self.tr("New goal…"))
        self.new_button.setToolTip(self.tr("New goal (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_goal)

        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 3)
        bar.addWidget(self.status_filter, 1)
        bar.addWidget(self.category_filter, 1)
        bar.addWidget(self.mentor_filter, 1)
        bar.addSpacing(12)
        bar.addLayout(zoom_row)
        bar.addWidget(self.today_button)
        bar.addSpacing(12)
        bar.addWidget(self.new_button)

        self.timeline.selectionChanged.connect(self._selection_changed)
        self.timeline.editRequested.connect(self.edit_goal)
        self.timeline.deleteRequested.connect(self.delete_goal)
        self.timeline.milestoneMoved.connect(self._milestone_dragged)
        self.timeline.goalDatesMoved.connect(self._goal_dragged)
        self.timeline.zoomChanged.connect(self._sync_zoom_buttons)
        self.timeline.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.timeline.customContextMenuRequested.connect(self._context_menu)
        self.panel = GoalPanel(self.today)
        self.panel.editClicked.connect(self.edit_goal)
        self.panel.progressClicked.connect(self.record_progress)
        self.panel.reviewClicked.connect(self.review_goal)
        self.panel.deleteClicked.connect(self.delete_goal)
        self.panel.milestoneToggled.connect(self.set_milestone_done)
        self.panel.attentionChosen.connect(lambda gid: self.select_item("goal", gid))

        self.legend = TimelineLegend()
        timeline_box = QWidget()
        box_layout = QVBoxLayout(timeline_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.setSpacing(2)
        box_layout.addWidget(self.timeline, 1)
        box_layout.addWidget(self.legend)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(timeline_box)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        state = ctx.settings.value("goals/splitter")
        if state is not None:
            self.splitter.restoreState(state)  # type: ignore[arg-type]
        else:
            self.splitter.setSizes([560, 250])

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        self._sync_zoom_buttons(self.timeline.zoom().value)
        ctx.refresh_on_change(self, self._data_changed)
        self.refresh()

    # -- data ---------------------------------------------------------------------------------
    def _data_changed(self, what: str) -> None:
        if what in ("people", "all"):
            self._options_loaded = False
        self.refresh()

    def refresh(self) -> None:
        if not self._options_loaded:
            self._load_mentor_options()
        self._all = self.ctx.services.goals.list_goals()
        self._apply_filters()
        self.panel.set_rows(self._all)
        rows = self.timeline.rows()
        if not self.timeline.selected_id() and rows:
            self.timeline.select(rows[0].id, ensure_visible=False)
        self._selection_changed(self.timeline.selected_id())

    def _load_mentor_options(self) -> None:
        current = self.mentor_filter.currentData()
        self.mentor_filter.blockSignals(True)
        self.mentor_filter.clear()
        self.mentor_filter.addItem(self.tr("All mentors"), None)
        for opt in self.ctx.services.goals.relationship_options():
            self.mentor_filter.addItem(opt.name, opt.id)
        index = self.mentor_filter.findData(current) if current is not None else 0
        self.mentor_filter.setCurrentIndex(max(0, index))
        self.mentor_filter.blockSignals(False)
        self._options_loaded = True

    def _filters_changed(self, *_args: object) -> None:
        self.filter = GoalFilter(
            text=self.filter_edit.text(),
            statuses=self.status_filter.currentData(),
            category=self.category_filter.currentData(),
            relationship_id=self.mentor_filter.currentData(),
        )
        self._apply_filters()

    def _apply_filters(self) -> None:
        rows = self.filter.apply(self._all)
        if not self._all:
            self.timeline.empty_text = self.tr(
                "No goals yet.\nPress Ctrl+N or choose “New goal…” to set your first one."
            )
        else:
            self.timeline.empty_text = self.tr("No goal matches the filters.")
        self.timeline.set_rows(rows)

    def clear_filters(self) -> None:
        for w in (self.status_filter, self.category_filter, self.mentor_filter):
            w.blockSignals(True)
            w.setCurrentIndex(0)
            w.blockSignals(False)
        self.filter_edit.blockSignals(True)
        self.filter_edit.clear()
        self.filter_edit.blockSignals(False)
        self._filters_changed()

    def row(self, goal_id: int) -> GoalRow | None:
        return next((r for r in self._all if r.id == goal_id), None)

    def _selection_changed(self, goal_id: int) -> None:
        self.panel.show_detail(
            self.ctx.services.goals.detail(goal_id) if goal_id and self.row(goal_id) else None
        )

    def _sync_zoom_buttons(self, zoom: str) -> None:
        for button in self.zoom_buttons.buttons():
            button.setChecked(button.property("zoom") == zoom)

    # -- actions ------------------------------------------------------------------------------
    def _open_dialog(self, dialog: QDialog) -> int:
        """Show a dialog modally (tests replace this to fill and accept dialogs themselves)."""
        return dialog.exec()

    def goal_dialog(self, goal_id: int | None = None) -> GoalDialog:
        """The editor for a new goal (``None``) or an existing one; accepting it saves (undoable)."""
        goal = self.row(goal_id) if goal_id else None

        def submit(data: GoalInput, confirm_: bool) -> int:
            goals = self.ctx.services.goals
            if goal is None:
                return perform(
                    self.ctx,
                    self.tr("New goal '{title}'").format(title=data.title.strip()),
                    None,
                    lambda: goals.create_goal(data, confirm=confirm_),
                )
            perform(
                self.ctx,
                self.tr("Edit goal '{title}'").format(title=goal.title),
                goal.id,
                lambda: goals.update_goal(goal.id, data, confirm=confirm_),
            )
            return goal.id

        options = self.ctx.services.goals.relationship_options()
        return GoalDialog(options, self.today, submit, goal, self)

    def new_goal(self) -> None:
        dialog = self.goal_dialog(None)
        if self._open_dialog(dialog) and isinstance(dialog.result_value, int):
            self.select_item("goal", dialog.result_value)
            self.ctx.status(self.tr("Goal added"))

    def edit_goal(self, goal_id: int) -> None:
        if self.row(goal_id) is not None:
            self._open_dialog(self.goal_dialog(goal_id))

    def delete_goal(self, goal_id: int) -> bool:
        goal = self.row(goal_id)
        if goal is None:
            return False
        if goal.milestones:
            milestones = self.tr("{count} milestones").format(count=len(goal.milestones))
        else:
            milestones = self.tr("no milestones")
        question = self.tr(
            "Delete this goal?\n\n“{title}”\n\n"
            "Its milestones, progress history and reviews go too ({milestones}). Undo brings it back."
        ).format(title=goal.title, milestones=milestones)
        if not confirm(self, self.tr("Delete goal"), question):
            return False
        index = self.timeline.row_of(goal_id)
        perform(
            self.ctx,
            self.tr("Delete goal '{title}'").format(title=goal.title),
            goal_id,
            lambda: self.ctx.services.goals.delete_goal(goal_id),
        )
        rows = self.timeline.rows()
        if rows:
            self.timeline.select(rows[min(index, len(rows) - 1)].id)
        self.ctx.status(self.tr("Goal deleted (Ctrl+Z brings it back)"))
        return True

    def progress_dialog(self, goal_id: int) -> ProgressDialog:
        goal = self.row(goal_id)
        assert goal is not None
        goals = self.ctx.services.goals

        def submit(percent: float, on: date, note: str) -> int:
            return perform(
                self.ctx,
                self.tr("Record progress on '{title}'").format(title=goal.title),
                goal.id,
                lambda: goals.record_progress(goal.id, percent, on, note),
            )

        return ProgressDialog(goal, self.today, submit, self)

    def record_progress(self, goal_id: int) -> None:
        if self.row(goal_id) is not None:
            self._open_dialog(self.progress_dialog(goal_id))

    def review_dialog(self, goal_id: int) -> ReviewDialog:
        goal = self.row(goal_id)
        assert goal is not None
        goals = self.ctx.services.goals

        def submit(data: ReviewInput) -> int:
            return perform(
                self.ctx,
                self.tr("Review '{title}'").format(title=goal.title),
                goal.id,
                lambda: goals.review_goal(goal.id, data),
            )

        return ReviewDialog(goal, self.today, submit, self)

    def review_goal(self, goal_id: int) -> None:
        if self.row(goal_id) is not None:
            self.select_item("goal", goal_id)
            self._open_dialog(self.review_dialog(goal_id))

    def set_milestone_done(self, goal_id: int, milestone_id: int, done: bool) -> None:
        goal = self.row(goal_id)
        if goal is not None:
            tick_milestone(self.ctx, self, goal, milestone_id, self.today if done else None)

    def _milestone_dragged(self, goal_id: int, milestone_id: int, old: date, new: date) -> None:
        goal = self.row(goal_id)
        if goal is not None:
            move_milestone(self.ctx, self, goal, milestone_id, new)

    def _goal_dragged(self, goal_id: int, start: date | None, target: date | None) -> None:
        goal = self.row(goal_id)
        if goal is not None:
            move_goal_dates(self.ctx, self, goal, start, target)

    def context_actions(self, goal_id: int) -> list[QAction]:
        """What the timeline's right-click menu offers for a goal."""
        goal = self.row(goal_id)
        if goal is None:
            return []
        entries = [
            (self.tr("Edit…"), self.edit_goal, True),
            (self.tr("Record progress…"), self.record_progress, goal.progress_mode == ProgressMode.MANUAL),
            (self.tr("Review…"), self.review_goal, True),
            (self.tr("Delete…"), self.delete_goal, True),
        ]
        actions = []
        for text, slot, enabled in entries:
            action = QAction(text, self)
            action.setEnabled(enabled)
            action.triggered.connect(partial(slot, goal_id))
            actions.append(action)
        return actions

    def _context_menu(self, pos: QPoint) -> None:
        goal_id = self.timeline.selected_id()
        actions = self.context_actions(goal_id) if goal_id else []
        if actions:
            menu = QMenu(self)
            menu.addActions(actions)
            menu.exec(self.timeline.mapToGlobal(pos))

    # -- window hooks ---------------------------------------------------------------------------
    def select_item(self, kind: str, item_id: int) -> None:
        """Show the goal: clear filters hiding it, select it and scroll the timeline to it."""
        if kind != "goal" or self.row(item_id) is None:
            return
        if self.timeline.row_of(item_id) < 0:
            self.clear_filters()
        self.timeline.select(item_id)
        self.timeline.ensure_visible(item_id, horizontally=True)
        self.timeline.setFocus()

    def focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("goals/splitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("goals/splitter")
        if state is not None:
            self.splitter.restoreState(state)  # type: ignore[arg-type]

    # -- keyboard -------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        # Ctrl+N means "new goal" here, not the window's "new database": claim it before shortcuts.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._is_new_key(event)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self._is_new_key(event):
            self.new_goal()
            return
        super().keyPressEvent(event)

    @staticmethod
    def _is_new_key(event: QKeyEvent) -> bool:
        return QKeySequence(event.keyCombination()) == NEW_GOAL_KEY
