"""The calendar tab: month view, agenda of a day or week, the selected meeting, and check-ins."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, QLocale, QSettings, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.meetings import Dot, MeetingRow
from mentordesk.ui.context import AppContext
from mentordesk.ui.dialogs.meeting_actions import CalendarActions
from mentordesk.ui.models.meetings import ROW_ROLE, AgendaFilterProxy, AgendaModel, day_text, pydate, qdate
from mentordesk.ui.widgets.calendar_checkins import CheckInsPanel
from mentordesk.ui.widgets.calendar_detail import MeetingDetailPanel
from mentordesk.ui.widgets.calendar_month import CalendarLegend, MonthCalendar
from mentordesk.ui.widgets.calendar_prompt import HeldPromptBar

NEW_KEY = "Ctrl+N"
LOG_KEY = QKeySequence("Ctrl+L")


def _is_key(event: QKeyEvent, sequence: QKeySequence) -> bool:
    return QKeySequence(event.keyCombination()) == sequence


def _bold(label: QLabel, scale: float = 1.0) -> QLabel:
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class CalendarTab(CalendarActions, QWidget):
    def __init__(self, ctx: AppContext) -> None:
        QWidget.__init__(self)
        self.ctx = ctx
        self.dialog: QWidget | None = None
        self.week_mode = str(ctx.settings.value("calendar/agenda", "week")) == "week"

        # -- top bar ------------------------------------------------------------------------------
        self.prev_button = QToolButton()
        self.prev_button.setText("‹")
        self.prev_button.setToolTip(self.tr("Previous month (Page Up in the calendar)"))
        self.prev_button.setAccessibleName(self.tr("Previous month"))
        self.today_button = QPushButton(self.tr("Today"))
        self.next_button = QToolButton()
        self.next_button.setText("›")
        self.next_button.setToolTip(self.tr("Next month (Page Down in the calendar)"))
        self.next_button.setAccessibleName(self.tr("Next month"))
        self.month_label = _bold(QLabel(), 1.35)
        self.month_label.setMinimumWidth(170)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter by person or text (Ctrl+F)"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filter meetings"))
        # Ctrl+N adds an item in the current tab; in this tab Ctrl+L opens the full log form
        # (claimed from the window's quick capture while the focus is in the tab, see event()).
        self.new_action = self._shortcut_action(self.tr("&New meeting…"), NEW_KEY, lambda: self.new_meeting())
        self.log_action = QAction(self.tr("&Log meeting…"), self)
        self.log_action.triggered.connect(lambda _c=False: self.log_meeting())
        self.new_button = QPushButton(self.tr("New meeting…"))
        self.new_button.setToolTip(self.tr("Plan a meeting (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_action.trigger)
        self.log_button = QPushButton(self.tr("Log meeting…"))
        self.log_button.setToolTip(self.tr("Log a meeting you held, in a few keystrokes (Ctrl+L)"))
        self.log_button.clicked.connect(self.log_action.trigger)
        self.log_button.setDefault(True)
        bar = QHBoxLayout()
        for w in (self.prev_button, self.today_button, self.next_button):
            bar.addWidget(w)
        bar.addSpacing(8)
        bar.addWidget(self.month_label)
        bar.addStretch(1)
        bar.addWidget(self.filter_edit, 2)
        bar.addWidget(self.new_button)
        bar.addWidget(self.log_button)

        self.prompt = HeldPromptBar()

        # -- left: month and check-ins --------------------------------------------------------------
        self.calendar = MonthCalendar()
        self.legend = CalendarLegend()
        self.checkins = CheckInsPanel()
        month_box = QWidget()
        month_layout = QVBoxLayout(month_box)
        month_layout.setContentsMargins(0, 0, 0, 0)
        month_layout.addWidget(self.calendar, 1)
        month_layout.addWidget(self.legend)
        self.left = QSplitter(Qt.Orientation.Vertical)
        self.left.addWidget(month_box)
        self.left.addWidget(self.checkins)
        self.left.setStretchFactor(0, 3)
        self.left.setStretchFactor(1, 1)
        self.left.setChildrenCollapsible(False)

        # -- right: agenda and the selected meeting -------------------------------------------------
        self.agenda_label = _bold(QLabel(), 1.1)
        self.day_button = QToolButton()
        self.day_button.setText(self.tr("Day"))
        self.week_button = QToolButton()
        self.week_button.setText(self.tr("Week"))
        group = QButtonGroup(self)
        for b in (self.day_button, self.week_button):
            b.setCheckable(True)
            b.setAutoRaise(False)
            group.addButton(b)
        (self.week_button if self.week_mode else self.day_button).setChecked(True)
        head = QHBoxLayout()
        head.addWidget(self.agenda_label, 1)
        head.addWidget(self.day_button)
        head.addWidget(self.week_button)

        self.model = AgendaModel(self)
        self.proxy = AgendaFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.agenda = QTableView()
        self.agenda.setModel(self.proxy)
        self.agenda.setAccessibleName(self.tr("Agenda"))
        self.agenda.setTabKeyNavigation(False)  # Tab leaves the list; arrows move within it
        self.agenda.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agenda.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.agenda.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.agenda.verticalHeader().hide()
        self.agenda.setShowGrid(False)
        self.agenda.setAlternatingRowColors(True)
        self.agenda.setWordWrap(False)
        header = self.agenda.horizontalHeader()
        header.setSectionResizeMode(AgendaModel.WHEN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AgendaModel.WITH, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AgendaModel.STATUS, QHeaderView.ResizeMode.ResizeToContents)
        self.agenda_empty = QLabel()
        self.agenda_empty.setTextFormat(Qt.TextFormat.PlainText)
        self.agenda_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.agenda_empty.setWordWrap(True)
        self.agenda_empty.setEnabled(False)
        self.agenda_stack = QStackedWidget()
        self.agenda_stack.addWidget(self.agenda)
        self.agenda_stack.addWidget(self.agenda_empty)
        agenda_box = QWidget()
        agenda_layout = QVBoxLayout(agenda_box)
        agenda_layout.setContentsMargins(0, 0, 0, 0)
        agenda_layout.addLayout(head)
        agenda_layout.addWidget(self.agenda_stack)

        self.detail = MeetingDetailPanel()
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(agenda_box)
        self.right.addWidget(self.detail)
        self.right.setStretchFactor(0, 2)
        self.right.setStretchFactor(1, 3)
        self.right.setChildrenCollapsible(False)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        for key, splitter in (("main", self.splitter), ("left", self.left), ("right", self.right)):
            state = ctx.settings.value(f"calendar/splitter_{key}")
            if state is not None:
                splitter.restoreState(state)  # type: ignore[arg-type]

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.prompt)
        layout.addWidget(self.splitter, 1)

        self._wire()
        self.apply_week_start(ctx.settings.value("calendar/week_start", 0))
        today = ctx.services.meetings.today()
        self.calendar.setSelectedDate(qdate(today))
        self.refresh()

    # -- keyboard -------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        # Ctrl+L logs a meeting with the calendar's own form here: claim it before the shortcuts.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and _is_key(event, LOG_KEY)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if _is_key(event, LOG_KEY):
            self.log_action.trigger()
            return
        super().keyPressEvent(event)

    def _shortcut_action(self, text: str, keys: str, slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _c=False: slot())  # type: ignore[operator]
        self.addAction(action)
        return action

    def _wire(self) -> None:
        self.prev_button.clicked.connect(self.calendar.showPreviousMonth)
        self.next_button.clicked.connect(self.calendar.showNextMonth)
        self.today_button.clicked.connect(self.go_today)
        self.calendar.currentPageChanged.connect(lambda _y, _m: self._refresh_month())
        self.calendar.selectionChanged.connect(self._refresh_agenda)
        self.calendar.activated.connect(lambda d: self._day_activated(pydate(d)))
        self.calendar.meetingClicked.connect(lambda mid: self.select_item("meeting", mid))
        self.calendar.meetingDoubleClicked.connect(self.open_meeting)
        self.day_button.toggled.connect(lambda on: self.set_week_mode(not on))
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.agenda.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_selected())
        self.agenda.activated.connect(lambda _i: self._open_selected())
        delete = QAction(self.tr("Delete meeting"), self.agenda)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(lambda _c=False: self._delete_selected())
        self.agenda.addAction(delete)
        self.checkins.scheduleRequested.connect(self.schedule)
        self.checkins.logRequested.connect(lambda rid: self.log_meeting(rid))
        self.prompt.answered.connect(self.answer_prompt)
        self.detail.editRequested.connect(self.open_meeting)
        self.detail.prepRequested.connect(self.prep)
        self.detail.moveRequested.connect(self.move_meeting)
        self.detail.statusRequested.connect(self.set_status)
        self.detail.deleteRequested.connect(self.delete_meeting)
        self.detail.actionToggled.connect(self.toggle_action)
        self.detail.actionAdded.connect(self.add_action)
        self.detail.actionDeleted.connect(self.delete_action)
        self.ctx.refresh_on_change(self, lambda _what: self.refresh())

    # -- data ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._refresh_month()
        self._refresh_agenda()
        meetings = self.ctx.services.meetings
        self.checkins.set_rows(meetings.check_ins(), meetings.today())
        self.prompt.set_pending(meetings.pending_held_prompts())

    def _refresh_month(self) -> None:
        first, last = self.calendar.visible_range()
        meetings = self.ctx.services.meetings
        self.calendar.set_days(meetings.days(first, last), meetings.today())
        shown = date(self.calendar.yearShown(), self.calendar.monthShown(), 1)
        self.month_label.setText(self._month_title(shown))

    @staticmethod
    def _month_title(shown: date) -> str:
        return f"{QLocale().standaloneMonthName(shown.month)} {shown.year}"

    def selected_day(self) -> date:
        return pydate(self.calendar.selectedDate())

    def agenda_range(self) -> tuple[date, date]:
        day = self.selected_day()
        if not self.week_mode:
            return day, day
        start = day - timedelta(days=(day.isoweekday() - self.calendar.firstDayOfWeek().value) % 7)
        return start, start + timedelta(days=6)

    def _refresh_agenda(self) -> None:
        keep = self.detail.meeting_id()
        first, last = self.agenda_range()
        rows = self.ctx.services.meetings.agenda(first, last)
        self.model.set_rows(rows, with_day=self.week_mode)
        if self.week_mode:
            self.agenda_label.setText(
                self.tr("Week of {first} – {last}").format(first=day_text(first), last=day_text(last))
            )
        else:
            self.agenda_label.setText(day_text(first, long=True))
        self._update_agenda_empty()
        target = keep if keep is not None and self.model.row_of(keep) >= 0 else None
        if target is None and self.proxy.rowCount() > 0:
            target = self.proxy.data(self.proxy.index(0, 0), ROW_ROLE).id
        if target is not None and self._select_row(target):
            self._show_selected()
        else:
            self.agenda.clearSelection()
            self.detail.show_meeting(None)

    def _update_agenda_empty(self) -> None:
        if self.proxy.rowCount() > 0:
            self.agenda_stack.setCurrentWidget(self.agenda)
            return
        hint = self.tr("New meeting (Ctrl+N) plans one; Log meeting (Ctrl+L) records one.")
        if self.model.rowCount() > 0 and self.week_mode:
            text = self.tr("No meeting this week matches the filter.")
        elif self.model.rowCount() > 0:
            text = self.tr("No meeting this day matches the filter.")
        elif self.week_mode:
            text = self.tr("No meetings this week.") + "\n" + hint
        else:
            text = self.tr("No meetings this day.") + "\n" + hint
        self.agenda_empty.setText(text)
        self.agenda_stack.setCurrentWidget(self.agenda_empty)

    def _select_row(self, meeting_id: int) -> bool:
        source = self.model.row_of(meeting_id)
        if source < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source, 0))
        if not index.isValid():
            return False
        self.agenda.setCurrentIndex(index)
        self.agenda.scrollTo(index)
        return True

    def current_meeting(self) -> MeetingRow | None:
        index = self.agenda.currentIndex()
        if not index.isValid():
            return None
        row = self.proxy.data(index, ROW_ROLE)
        return row if isinstance(row, MeetingRow) else None

    def _show_selected(self) -> None:
        row = self.current_meeting()
        self.show_detail(row.id if row else None)

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        words = text.lower().split()
        self.calendar.set_dot_filter(
            lambda dot: all(w in dot.label.lower() for w in words) if words else True
        )
        self._update_agenda_empty()
        if self.current_meeting() is None and self.proxy.rowCount() > 0:
            self.agenda.setCurrentIndex(self.proxy.index(0, 0))

    def visible_dots(self, day: date) -> list[Dot]:
        return self.calendar.dots_on(day)

    # -- navigation -----------------------------------------------------------------------------
    def go_today(self) -> None:
        today = self.ctx.services.meetings.today()
        self.calendar.setSelectedDate(qdate(today))
        self.calendar.showSelectedDate()

    def set_week_mode(self, on: bool) -> None:
        if on == self.week_mode:
            return
        self.week_mode = on
        (self.week_button if on else self.day_button).setChecked(True)
        self.ctx.settings.setValue("calendar/agenda", "week" if on else "day")
        self._refresh_agenda()

    def select_item(self, kind: str, item_id: int) -> None:
        """Show a meeting: its day in the month view, its row in the agenda, its details."""
        if kind != "meeting":
            return
        from mentordesk.services.errors import MentorDeskError

        try:
            detail = self.ctx.services.meetings.get(item_id)
        except MentorDeskError as exc:
            self.ctx.status(str(exc))
            return
        self.calendar.setSelectedDate(qdate(detail.row.day))
        self.calendar.showSelectedDate()
        if self.model.row_of(item_id) < 0:
            self._refresh_agenda()
        if not self._select_row(item_id):
            self.filter_edit.clear()
            self._select_row(item_id)
        self.show_detail(item_id)

    def apply_week_start(self, value: object) -> None:
        """Weeks start on the day chosen in Preferences (1 Monday … 7 Sunday), else the locale's."""
        try:
            day = int(value)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            day = 0
        first = Qt.DayOfWeek(day) if 1 <= day <= 7 else QLocale().firstDayOfWeek()
        if first != self.calendar.firstDayOfWeek():
            self.calendar.setFirstDayOfWeek(first)
            self.refresh()

    def apply_preferences(self, prefs: object) -> None:
        self.apply_week_start(getattr(prefs, "week_start", 0))

    def focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def save_state(self, settings: QSettings) -> None:
        for key, splitter in (("main", self.splitter), ("left", self.left), ("right", self.right)):
            settings.setValue(f"calendar/splitter_{key}", splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        for key, splitter in (("main", self.splitter), ("left", self.left), ("right", self.right)):
            state = settings.value(f"calendar/splitter_{key}")
            if state is not None:
                splitter.restoreState(state)  # type: ignore[arg-type]
