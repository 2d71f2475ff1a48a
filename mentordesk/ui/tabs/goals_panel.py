"""The goals tab's lower panel: the selected goal in detail, and the goals that need a review."""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.enums import ProgressMode
from mentordesk.services.goals_types import GoalDetail, GoalRow
from mentordesk.ui import i18n
from mentordesk.ui.models.goals import ROW_ROLE, AttentionModel
from mentordesk.ui.theme import RED

MILESTONE_ROLE = Qt.ItemDataRole.UserRole + 1


def _label(text: str = "", *, bold: bool = False, scale: float = 1.0, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if bold or scale != 1.0:
        font = QFont(label.font())
        font.setBold(bold)
        font.setPointSizeF(font.pointSizeF() * scale)
        label.setFont(font)
    return label


class GoalPanel(QWidget):
    """Summary, milestones (tick to mark done), progress history, reviews, meetings, reviews due."""

    editClicked = Signal(int)
    progressClicked = Signal(int)
    reviewClicked = Signal(int)
    deleteClicked = Signal(int)
    milestoneToggled = Signal(int, int, bool)  # goal id, milestone id, done
    attentionChosen = Signal(int)  # goal id (click in the reviews list)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.goal_id = 0
        self.title = _label(bold=True, scale=1.15)
        self.meta = _label()
        self.helpers = _label()
        self.criteria = _label()
        self.placeholder = _label(
            self.tr("Select a goal on the timeline to see its milestones, progress and reviews.")
        )
        self.placeholder.setEnabled(False)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.progress_button = QPushButton(self.tr("Record progress…"))
        self.review_button = QPushButton(self.tr("Review…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        for button, signal in (
            (self.edit_button, self.editClicked),
            (self.progress_button, self.progressClicked),
            (self.review_button, self.reviewClicked),
            (self.delete_button, self.deleteClicked),
        ):
            button.clicked.connect(lambda _c=False, s=signal: self.goal_id and s.emit(self.goal_id))
        buttons = QHBoxLayout()
        for b in (self.edit_button, self.progress_button, self.review_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        summary = QWidget()
        s_layout = QVBoxLayout(summary)
        s_layout.setContentsMargins(0, 0, 8, 0)
        for w in (self.placeholder, self.title, self.meta, self.helpers, self.criteria):
            s_layout.addWidget(w)
        s_layout.addStretch(1)
        s_layout.addLayout(buttons)

        self.milestone_list = QTreeWidget()
        self.milestone_list.setAccessibleName(self.tr("Milestones of the selected goal"))
        self.milestone_list.setHeaderLabels(
            [self.tr("Milestone"), self.tr("Due"), self.tr("Done"), self.tr("Weight")]
        )
        self.milestone_list.setRootIsDecorated(False)
        self.milestone_list.setUniformRowHeights(True)
        header = self.milestone_list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.milestone_list.setToolTip(self.tr("Tick a milestone when it is done"))
        self.milestone_list.itemChanged.connect(self._milestone_changed)
        self.history_list = QListWidget()
        self.history_list.setAccessibleName(self.tr("Progress history"))
        self.reviews_list = QListWidget()
        self.reviews_list.setAccessibleName(self.tr("Reviews"))
        self.reviews_list.setWordWrap(True)
        self.meetings_list = QListWidget()
        self.meetings_list.setAccessibleName(self.tr("Meetings that discussed the goal"))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.milestone_list, self.tr("Milestones"))
        self.tabs.addTab(self.history_list, self.tr("Progress"))
        self.tabs.addTab(self.reviews_list, self.tr("Reviews"))
        self.tabs.addTab(self.meetings_list, self.tr("Meetings"))

        self.attention = AttentionModel(today, self)
        self.attention_view = QListView()
        self.attention_view.setModel(self.attention)
        self.attention_view.setAccessibleName(self.tr("Goals that need a review"))
        self.attention_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.attention_view.setSpacing(2)
        self.attention_view.setWordWrap(True)
        self.attention_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.attention_view.clicked.connect(self._attention_clicked)
        self.attention_view.doubleClicked.connect(self._attention_review)
        self.attention_title = _label(self.tr("Reviews due"), bold=True)
        self.attention_empty = _label(
            self.tr("No review is due. Goals are reviewed on the cadence set for each.")
        )
        self.attention_empty.setEnabled(False)
        self.attention_review_button = QPushButton(self.tr("Review…"))
        self.attention_review_button.clicked.connect(self._review_attention_current)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 0, 0)
        side_layout.addWidget(self.attention_title)
        side_layout.addWidget(self.attention_view, 1)
        side_layout.addWidget(self.attention_empty)
        side_row = QHBoxLayout()
        side_row.addStretch(1)
        side_row.addWidget(self.attention_review_button)
        side_layout.addLayout(side_row)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 0)
        layout.addWidget(summary, 4)
        layout.addWidget(self.tabs, 4)
        layout.addWidget(side, 3)
        self.show_detail(None)

    # -- the selected goal ----------------------------------------------------------------------
    def show_detail(self, detail: GoalDetail | None) -> None:
        self.goal_id = detail.goal.id if detail else 0
        has = detail is not None
        for w in (self.title, self.meta, self.helpers, self.criteria, self.tabs):
            w.setVisible(has)
        for b in (self.edit_button, self.progress_button, self.review_button, self.delete_button):
            b.setEnabled(has)
        self.placeholder.setVisible(not has)
        self.milestone_list.blockSignals(True)
        self.milestone_list.clear()
        self.history_list.clear()
        self.reviews_list.clear()
        self.meetings_list.clear()
        if detail is None:
            self.milestone_list.blockSignals(False)
            return
        g = detail.goal
        self.title.setText(g.title)
        self.meta.setText(_meta(g))
        self.helpers.setText(
            self.tr("With {names}").format(names=", ".join(g.helper_names))
            if g.helpers
            else self.tr("No mentor linked yet")
        )
        self.criteria.setText(
            self.tr("Done when: {criteria}").format(criteria=g.success_criteria) if g.success_criteria else ""
        )
        self.criteria.setVisible(bool(g.success_criteria))
        self.progress_button.setEnabled(g.progress_mode == ProgressMode.MANUAL)
        self.progress_button.setToolTip(
            ""
            if g.progress_mode == ProgressMode.MANUAL
            else self.tr("Progress follows the milestones: tick them")
        )
        for m in g.milestones:
            due = m.due_on.isoformat() if m.due_on else "—"
            done = m.done_on.isoformat() if m.done_on else (self.tr("overdue") if m.overdue else "")
            item = QTreeWidgetItem([m.title, due, done, f"{m.weight:g}"])
            item.setData(0, MILESTONE_ROLE, m.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if m.done else Qt.CheckState.Unchecked)
            if m.overdue:
                item.setForeground(2, QBrush(RED))
            self.milestone_list.addTopLevelItem(item)
        if not g.milestones:
            self.milestone_list.addTopLevelItem(
                QTreeWidgetItem([self.tr("No milestones yet: add them with Edit…")])
            )
        self.milestone_list.blockSignals(False)
        for p in reversed(detail.history):
            note = f"  ·  {p.note}" if p.note else ""
            self.history_list.addItem(f"{p.on.isoformat()}  {p.percent:.0f}%{note}")
        if not detail.history:
            self.history_list.addItem(self.tr("No progress recorded yet"))
        for r in detail.reviews:
            pct = f"{r.percent:.0f}%" if r.percent is not None else "—"
            holds = self.tr("target holds") if r.target_holds else self.tr("target moved")
            changed = f"\n{r.what_changed}" if r.what_changed else ""
            self.reviews_list.addItem(f"{r.reviewed_on.isoformat()}  {pct}  ·  {holds}{changed}")
        if not detail.reviews:
            self.reviews_list.addItem(self.tr("Not reviewed yet"))
        for mt in detail.meetings:
            title = mt.title or self.tr("Meeting")
            if mt.with_name:
                title = self.tr("{title} with {name}").format(title=title, name=mt.with_name)
            self.meetings_list.addItem(f"{mt.on.isoformat()}  {title}  ·  {mt.status}")
        if not detail.meetings:
            self.meetings_list.addItem(self.tr("No meeting has named this goal yet"))

    def _milestone_changed(self, item: QTreeWidgetItem, column: int) -> None:
        mid = item.data(0, MILESTONE_ROLE)
        if mid and self.goal_id and column == 0:
            done = item.checkState(0) == Qt.CheckState.Checked
            # After the check box has finished changing: saving rebuilds this list.
            QTimer.singleShot(0, partial(self.milestoneToggled.emit, self.goal_id, int(mid), done))

    def milestone_item(self, milestone_id: int) -> QTreeWidgetItem | None:
        for i in range(self.milestone_list.topLevelItemCount()):
            item = self.milestone_list.topLevelItem(i)
            if item is not None and item.data(0, MILESTONE_ROLE) == milestone_id:
                return item
        return None

    # -- reviews due ------------------------------------------------------------------------------
    def set_rows(self, rows: list[GoalRow]) -> None:
        self.attention.set_rows(rows)
        count = self.attention.rowCount()
        self.attention_title.setText(
            self.tr("Reviews due ({count})").format(count=count) if count else self.tr("Reviews due")
        )
        self.attention_view.setVisible(count > 0)
        self.attention_empty.setVisible(count == 0)
        self.attention_review_button.setEnabled(count > 0)

    def _attention_clicked(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, GoalRow):
            self.attentionChosen.emit(row.id)

    def _attention_review(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, GoalRow):
            self.reviewClicked.emit(row.id)

    def _review_attention_current(self) -> None:
        index = self.attention_view.currentIndex()
        if not index.isValid() and self.attention.rowCount():
            index = self.attention.index(0, 0)
        self._attention_review(index)


def _meta(g: GoalRow) -> str:
    start = g.start_on.isoformat() if g.start_on else "…"
    target = g.target_on.isoformat() if g.target_on else "…"
    if g.progress_mode == ProgressMode.MILESTONES:
        mode = QCoreApplication.translate("GoalPanel", "from milestones")
    else:
        mode = QCoreApplication.translate("GoalPanel", "recorded by hand")
    overdue = QCoreApplication.translate("GoalPanel", " · overdue") if g.overdue else ""
    stalled = QCoreApplication.translate("GoalPanel", " · stalled") if g.stalled else ""
    review = (
        g.next_review_on.isoformat()
        if g.next_review_on
        else QCoreApplication.translate("GoalPanel", "not scheduled")
    )
    lines = [
        f"{i18n.label(g.status)} · {i18n.label(g.category)} · {start} → {target}{overdue}",
        QCoreApplication.translate("GoalPanel", "Progress {percent}% ({mode})").format(
            percent=f"{g.progress:.0f}", mode=mode
        )
        + stalled,
        QCoreApplication.translate("GoalPanel", "Next review {date} (every {days} days)").format(
            date=review, days=g.review_every_days
        ),
    ]
    return "\n".join(lines)
