"""The selected meeting: what, when, where, notes, and its action items (tick, add, remove)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.enums import MeetingStatus, Owner
from mentordesk.services.meetings import ActionItemRow, MeetingDetail
from mentordesk.ui import i18n
from mentordesk.ui.a11y import tab_leaves_special_value
from mentordesk.ui.models.meetings import STATUS_COLOURS, colour_icon, day_text, time_text
from mentordesk.ui.widgets.labels import plain

NO_DUE = QDate(2000, 1, 1)


def _plain(text: str = "", *, bold: bool = False, muted: bool = False) -> QLabel:
    label = plain(text, wrap=True, selectable=True)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    if muted:
        label.setEnabled(False)
    return label


def action_text(a: ActionItemRow) -> str:
    who = (
        QCoreApplication.translate("CalendarDetail", "me")
        if a.owner == Owner.ME
        else QCoreApplication.translate("CalendarDetail", "them")
    )
    if a.due_on:
        who = QCoreApplication.translate("CalendarDetail", "{who}, due {date}").format(
            who=who, date=a.due_on.isoformat()
        )
    return f"{a.text}  ({who})"


class _ActionList(QListWidget):
    deletePressed = Signal(int)  # noqa: N815

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        item = self.currentItem()
        if (
            event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and item is not None
            and item.data(Qt.ItemDataRole.UserRole) is not None
        ):
            self.deletePressed.emit(int(item.data(Qt.ItemDataRole.UserRole)))
            return
        super().keyPressEvent(event)


class MeetingDetailPanel(QWidget):
    editRequested = Signal(int)  # noqa: N815
    prepRequested = Signal(int)  # noqa: N815
    moveRequested = Signal(int)  # noqa: N815
    statusRequested = Signal(int, object)  # noqa: N815 (meeting id, MeetingStatus)
    deleteRequested = Signal(int)  # noqa: N815
    actionToggled = Signal(int, bool)  # noqa: N815
    actionAdded = Signal(int, str, object, object)  # noqa: N815 (meeting id, text, Owner, due date or None)
    actionDeleted = Signal(int)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: MeetingDetail | None = None
        self._filling = False
        self.header = _plain(bold=True)
        font = self.header.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.header.setFont(font)
        self.status_label = _plain()
        self.when = _plain()
        self.where = _plain()
        self.agenda = _plain()
        self.notes = _plain()
        self.goals = _plain(muted=True)

        self.action_list = _ActionList()
        self.action_list.setAccessibleName(self.tr("Action items"))
        self.action_list.setMinimumHeight(60)
        self.action_list.itemChanged.connect(self._action_changed)
        self.action_list.deletePressed.connect(self.actionDeleted.emit)
        self.new_action = QLineEdit()
        self.new_action.setAccessibleName(self.tr("New action item"))
        self.new_action.setPlaceholderText(self.tr("New action item"))
        self.new_action.returnPressed.connect(self._add_action)
        self.owner = QComboBox()
        self.owner.setAccessibleName(self.tr("Whose action item"))
        self.owner.addItem(self.tr("Me"), Owner.ME)
        self.owner.addItem(self.tr("Them"), Owner.THEM)
        self.due = QDateEdit()
        self.due.setAccessibleName(self.tr("Due date"))
        self.due.setMinimumDate(NO_DUE)
        self.due.setSpecialValueText(self.tr("No due date"))
        tab_leaves_special_value(self.due)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("d MMM yyyy")
        self.due.setDate(NO_DUE)
        add_button = QPushButton(self.tr("Add"))
        add_button.clicked.connect(self._add_action)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_action, 1)
        add_row.addWidget(self.owner)
        add_row.addWidget(self.due)
        add_row.addWidget(add_button)

        self.edit_button = QPushButton(self.tr("&Open…"))
        self.edit_button.setToolTip(self.tr("Edit every detail of the meeting (Enter)"))
        self.prep_button = QPushButton(self.tr("&Prep…"))
        self.prep_button.setToolTip(self.tr("Open action items, goal progress and last notes, as Markdown"))
        self.move_button = QPushButton(self.tr("&Move…"))
        self.held_button = QPushButton(self.tr("Mark &held"))
        self.more_button = QToolButton()
        self.more_button.setText(self.tr("More"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.more_button)
        self.missed_action = menu.addAction(self.tr("Mark missed"))
        self.cancel_action = menu.addAction(self.tr("Cancel meeting"))
        self.planned_action = menu.addAction(self.tr("Mark planned again"))
        menu.addSeparator()
        self.delete_action = menu.addAction(self.tr("Delete meeting"))
        self.more_button.setMenu(menu)
        self.edit_button.clicked.connect(lambda: self._emit_id(self.editRequested))
        self.prep_button.clicked.connect(lambda: self._emit_id(self.prepRequested))
        self.move_button.clicked.connect(lambda: self._emit_id(self.moveRequested))
        self.held_button.clicked.connect(lambda: self._emit_status(MeetingStatus.HELD))
        self.missed_action.triggered.connect(lambda: self._emit_status(MeetingStatus.MISSED))
        self.cancel_action.triggered.connect(lambda: self._emit_status(MeetingStatus.CANCELLED))
        self.planned_action.triggered.connect(lambda: self._emit_status(MeetingStatus.PLANNED))
        self.delete_action.triggered.connect(lambda: self._emit_id(self.deleteRequested))
        buttons = QHBoxLayout()
        for b in (self.edit_button, self.prep_button, self.move_button, self.held_button):
            buttons.addWidget(b)
        buttons.addWidget(self.more_button)
        buttons.addStretch(1)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(2, 2, 8, 2)
        for w in (self.header, self.status_label, self.when, self.where, self.agenda, self.notes, self.goals):
            body_layout.addWidget(w)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setAccessibleName(self.tr("Meeting details"))
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addLayout(buttons)
        page_layout.addWidget(scroll, 2)
        page_layout.addWidget(_plain(self.tr("Action items"), bold=True))
        page_layout.addWidget(self.action_list, 1)
        page_layout.addLayout(add_row)

        self.placeholder = _plain(self.tr("Select a meeting to see it here."), muted=True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(page)
        self.stack.addWidget(self.placeholder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.show_meeting(None)

    # -- showing ------------------------------------------------------------------------------
    def meeting_id(self) -> int | None:
        return self.detail.row.id if self.detail else None

    def show_meeting(self, detail: MeetingDetail | None) -> None:
        self.detail = detail
        if detail is None:
            self.stack.setCurrentWidget(self.placeholder)
            return
        self.stack.setCurrentIndex(0)
        r = detail.row
        self.header.setText(
            r.person
            or self.tr("{title} (not assigned to anyone)").format(title=r.title or self.tr("Meeting"))
        )
        if r.person and r.title:
            self.header.setText(f"{r.person} — {r.title}")
        rating = self.tr(" · rated {rating}/5").format(rating=r.rating) if r.rating else ""
        self.status_label.setText(f"{i18n.label(r.status)}{rating}")
        self.status_label.setStyleSheet(f"color: {STATUS_COLOURS[r.status].name()};")
        if r.all_day:
            self.when.setText(self.tr("{day}, all day").format(day=day_text(r.day, long=True)))
        else:
            self.when.setText(
                self.tr("{day}, {start}–{end} ({minutes} min)").format(
                    day=day_text(r.day, long=True),
                    start=time_text(r.start),
                    end=time_text(r.end),
                    minutes=r.duration_minutes,
                )
            )
        where = " · ".join(p for p in (i18n.label(r.channel) if r.channel else "", r.location) if p)
        self.where.setText(where)
        self.where.setVisible(bool(where))
        self.agenda.setText(
            self.tr("Agenda: {agenda}").format(agenda=r.agenda) if r.agenda else self.tr("No agenda written.")
        )
        self.notes.setText(
            self.tr("Notes: {notes}").format(notes=r.notes) if r.notes else self.tr("No notes yet.")
        )
        self.goals.setText(
            self.tr("Goals discussed: {goals}").format(goals=", ".join(g.title for g in detail.goals))
            if detail.goals
            else ""
        )
        self.goals.setVisible(bool(detail.goals))
        self.held_button.setEnabled(r.status != MeetingStatus.HELD and r.relationship_id is not None)
        self.prep_button.setEnabled(r.relationship_id is not None)
        self.planned_action.setEnabled(r.status != MeetingStatus.PLANNED)
        self._filling = True
        self.action_list.clear()
        for a in detail.action_items:
            item = QListWidgetItem(action_text(a))
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if a.done else Qt.CheckState.Unchecked)
            if r.relationship_id is not None:
                item.setIcon(colour_icon(r.relationship_id))
            self.action_list.addItem(item)
        if not detail.action_items:
            empty = QListWidgetItem(self.tr("No action items yet: type one below and press Enter."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.action_list.addItem(empty)
        self._filling = False

    # -- signals ------------------------------------------------------------------------------
    def _emit_id(self, signal: SignalInstance) -> None:
        if self.detail is not None:
            signal.emit(self.detail.row.id)

    def _emit_status(self, status: MeetingStatus) -> None:
        if self.detail is not None:
            self.statusRequested.emit(self.detail.row.id, status)

    def _action_changed(self, item: QListWidgetItem) -> None:
        if not self._filling and item.data(Qt.ItemDataRole.UserRole) is not None:
            self.actionToggled.emit(
                int(item.data(Qt.ItemDataRole.UserRole)), item.checkState() == Qt.CheckState.Checked
            )

    def due_date(self) -> date | None:
        d = self.due.date()
        return None if d == NO_DUE else date(d.year(), d.month(), d.day())

    def _add_action(self) -> None:
        if self.detail is None:
            return
        self.actionAdded.emit(
            self.detail.row.id, self.new_action.text(), self.owner.currentData(), self.due_date()
        )

    def action_added(self) -> None:
        """Clear the new-item fields after a successful add."""
        self.new_action.clear()
        self.due.setDate(NO_DUE)
        self.new_action.setFocus()
