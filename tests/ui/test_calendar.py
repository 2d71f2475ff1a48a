"""The calendar tab: month navigation, the month grid, agenda, check-ins, selection and filter."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from mentordesk.domain.enums import MeetingStatus
from mentordesk.services.meetings import MeetingInput
from mentordesk.services.people import NewRelationship
from mentordesk.ui.dialogs.meeting import MeetingDialog
from mentordesk.ui.dialogs.meeting_log import LogMeetingDialog
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.theme import AMBER, RED


def local(*args: int) -> datetime:
    """A wall-clock time on this machine, as an aware datetime."""
    return datetime(*args).astimezone()


@pytest.fixture
def english_uk():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(QLocale.c())


@pytest.fixture
def people(services):
    add = services.people.add_relationship
    return {
        "ana": add(NewRelationship(name="Ana Ruiz", cadence_days=30, started_on=date(2026, 1, 1))),
        "sam": add(NewRelationship(name="Sam Okafor", cadence_days=14, started_on=date(2026, 1, 1))),
        "grace": add(NewRelationship(name="Grace Liu", status="paused", started_on=date(2025, 1, 1))),
    }


def meet(services, rid, start, **kw):
    return services.meetings.create(MeetingInput(relationship_id=rid, start=start, **kw))


def test_month_navigation(window, english_uk, qtbot):
    tab = window.show_tab("calendar")
    assert tab.month_label.text() == "June 2026"
    qtbot.mouseClick(tab.next_button, Qt.MouseButton.LeftButton)
    assert tab.month_label.text() == "July 2026"
    qtbot.mouseClick(tab.prev_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.prev_button, Qt.MouseButton.LeftButton)
    assert tab.month_label.text() == "May 2026"
    assert tab.calendar.visible_range() == (date(2026, 4, 27), date(2026, 6, 7))
    qtbot.mouseClick(tab.today_button, Qt.MouseButton.LeftButton)
    assert tab.month_label.text() == "June 2026"
    assert tab.selected_day() == date(2026, 6, 15)


def test_week_starts_on_the_locales_first_day(qtbot, services, settings):
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    try:
        w = MainWindow(services, settings=settings)
        qtbot.addWidget(w)
        tab = w.show_tab("calendar")
        assert tab.calendar.firstDayOfWeek() == Qt.DayOfWeek.Sunday
        assert tab.calendar.visible_range() == (date(2026, 5, 31), date(2026, 7, 11))
        tab.set_week_mode(True)
        assert tab.agenda_range() == (date(2026, 6, 14), date(2026, 6, 20))
    finally:
        QLocale.setDefault(QLocale.c())
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        w = MainWindow(services, settings=settings)
        qtbot.addWidget(w)
        tab = w.show_tab("calendar")
        assert tab.calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday
        assert tab.calendar.visible_range()[0] == date(2026, 6, 1)
    finally:
        QLocale.setDefault(QLocale.c())


def test_week_start_from_preferences(window, english_uk):
    tab = window.show_tab("calendar")
    assert tab.calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday
    tab.apply_preferences(type("Prefs", (), {"week_start": 7})())
    assert tab.calendar.firstDayOfWeek() == Qt.DayOfWeek.Sunday
    assert tab.calendar.visible_range()[0] == date(2026, 5, 31)
    tab.apply_preferences(type("Prefs", (), {"week_start": 0})())
    assert tab.calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday


def test_days_show_their_meetings_and_a_click_on_one_opens_it(window, services, people, english_uk, qtbot):
    held = meet(services, people["ana"], local(2026, 6, 10, 9, 0), status="held")
    planned = meet(services, people["sam"], local(2026, 6, 10, 14, 0))
    meet(services, people["sam"], local(2026, 6, 11, 9, 0), status="missed")
    tab = window.show_tab("calendar")
    assert [(d.label, d.status) for d in tab.visible_dots(date(2026, 6, 10))] == [
        ("Ana Ruiz", MeetingStatus.HELD),
        ("Sam Okafor", MeetingStatus.PLANNED),
    ]
    assert [d.status for d in tab.visible_dots(date(2026, 6, 11))] == [MeetingStatus.MISSED]

    window.resize(1400, 900)
    tab.calendar.repaint()
    qtbot.waitUntil(lambda: bool(tab.calendar._hits.get(date(2026, 6, 10))))
    rect, meeting_id = tab.calendar._hits[date(2026, 6, 10)][1]
    assert meeting_id == planned
    qtbot.mouseClick(tab.calendar.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.selected_day() == date(2026, 6, 10)
    assert tab.detail.meeting_id() == planned
    assert tab.detail.header.text() == "Sam Okafor"
    assert tab.detail.when.text() == "Wednesday 10 June 2026, 14:00–15:00 (60 min)"
    assert tab.current_meeting().id == planned
    assert held != planned


def test_agenda_for_the_day_and_the_week(window, services, people, english_uk, qtbot):
    meet(services, people["ana"], local(2026, 6, 15, 9, 30), duration_minutes=30)
    meet(services, people["sam"], local(2026, 6, 17, 16, 0))
    tab = window.show_tab("calendar")
    tab.set_week_mode(False)
    assert tab.agenda_label.text() == "Monday 15 June 2026"
    assert [tab.model.display(r, 0) for r in tab.model.rows()] == ["09:30–10:00"]
    qtbot.mouseClick(tab.week_button, Qt.MouseButton.LeftButton)
    assert tab.agenda_label.text() == "Week of Mon 15 Jun – Sun 21 Jun"
    assert [(tab.model.display(r, 0), tab.model.display(r, 1)) for r in tab.model.rows()] == [
        ("Mon 15 Jun  09:30–10:00", "Ana Ruiz"),
        ("Wed 17 Jun  16:00–17:00", "Sam Okafor"),
    ]
    assert window.settings.value("calendar/agenda") == "week"


def test_overlapping_meetings_are_marked_in_the_agenda(window, services, people, english_uk):
    meet(services, people["ana"], local(2026, 6, 15, 10, 0))
    meet(services, people["sam"], local(2026, 6, 15, 10, 30))
    tab = window.show_tab("calendar")
    tab.set_week_mode(False)
    texts = [tab.model.display(r, 0) for r in tab.model.rows()]
    assert texts == ["10:00–11:00  ⚠", "10:30–11:30  ⚠"]
    assert "Overlaps another meeting" in tab.model.tooltip(tab.model.rows()[0])


def test_check_ins_panel_lists_overdue_and_due_soon_but_not_paused(
    window, services, people, english_uk, qtbot
):
    meet(services, people["ana"], local(2026, 5, 1, 10, 0), status="held")  # due 31 May: overdue
    meet(services, people["sam"], local(2026, 6, 5, 10, 0), status="held")  # due 19 June: soon
    meet(services, people["sam"], local(2026, 6, 18, 10, 0))
    meet(services, people["grace"], local(2025, 6, 1, 10, 0), status="held")
    tab = window.show_tab("calendar")
    panel = tab.checkins
    assert panel.rows_shown() == [
        ("Ana Ruiz", "overdue by 15 days", "—"),
        ("Sam Okafor", "due in 4 days", "Thu 18 Jun"),
    ]
    assert panel.tree.topLevelItem(0).foreground(1).color() == RED
    assert panel.tree.topLevelItem(1).foreground(1).color() == AMBER
    assert panel.summary.text() == "1 overdue · 1 due this week"

    panel.select_relationship(people["ana"])
    qtbot.mouseClick(panel.schedule_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, MeetingDialog)
    assert dialog.person.relationship_id() == people["ana"]
    assert dialog.date_edit.date().toString("yyyy-MM-dd") == "2026-06-16"  # overdue: the next working day
    assert dialog.time_edit.time().toString("HH:mm") == "10:00"  # the time of the last meeting
    dialog.accept()
    assert not dialog.isVisible()
    planned = services.meetings.agenda(date(2026, 6, 16), date(2026, 6, 16))
    assert [(r.person, r.status) for r in planned] == [("Ana Ruiz", MeetingStatus.PLANNED)]
    assert panel.rows_shown()[0] == ("Ana Ruiz", "overdue by 15 days", "Tue 16 Jun")

    panel.select_relationship(people["sam"])
    qtbot.mouseClick(panel.log_button, Qt.MouseButton.LeftButton)
    assert isinstance(tab.dialog, LogMeetingDialog)
    assert tab.dialog.person.relationship_id() == people["sam"]
    tab.dialog.reject()


def test_empty_database_explains_what_to_do(window, english_uk):
    tab = window.show_tab("calendar")
    assert tab.agenda_stack.currentWidget() is tab.agenda_empty
    assert "Log meeting (Ctrl+L)" in tab.agenda_empty.text()
    assert tab.checkins.stack.currentWidget() is tab.checkins.empty
    assert not tab.checkins.schedule_button.isEnabled()
    assert tab.detail.stack.currentWidget() is tab.detail.placeholder


def test_select_item_goes_to_the_meeting_and_clears_a_hiding_filter(window, services, people, english_uk):
    far = meet(services, people["sam"], local(2026, 9, 3, 11, 0), agenda="Quarterly review")
    tab = window.show_tab("calendar")
    tab.filter_edit.setText("ana")
    window.ctx.navigateRequested.emit("meeting", far)
    assert window.current_tab_name() == "calendar"
    assert tab.month_label.text() == "September 2026"
    assert tab.selected_day() == date(2026, 9, 3)
    assert tab.current_meeting().id == far
    assert tab.filter_edit.text() == ""
    assert tab.detail.agenda.text() == "Agenda: Quarterly review"


def test_filter_narrows_agenda_and_month(window, services, people, english_uk, qtbot):
    meet(services, people["ana"], local(2026, 6, 15, 9, 0))
    meet(services, people["sam"], local(2026, 6, 15, 11, 0))
    tab = window.show_tab("calendar")
    tab.set_week_mode(False)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.find_in_tab()
    assert QApplication.focusWidget() is tab.filter_edit
    qtbot.keyClicks(tab.filter_edit, "okafor")
    assert tab.proxy.rowCount() == 1
    assert tab.current_meeting().person == "Sam Okafor"
    assert [d.label for d in tab.visible_dots(date(2026, 6, 15))] == ["Sam Okafor"]
    tab.filter_edit.setText("nobody")
    assert tab.agenda_empty.text() == "No meeting this day matches the filter."


def test_enter_on_the_agenda_and_a_double_click_on_a_chip_open_the_meeting(
    window, services, people, english_uk, qtbot
):
    mid = meet(services, people["ana"], local(2026, 6, 15, 11, 0), agenda="Talk outline")
    tab = window.show_tab("calendar")
    tab.set_week_mode(False)
    tab.agenda.setFocus()
    tab.agenda.setCurrentIndex(tab.proxy.index(0, 0))
    qtbot.keyClick(tab.agenda, Qt.Key.Key_Return)
    assert isinstance(tab.dialog, MeetingDialog)
    assert tab.dialog.windowTitle() == "Edit meeting"
    assert tab.dialog.agenda.toPlainText() == "Talk outline"
    tab.dialog.reject()
    assert tab.dialog is None

    window.resize(1400, 900)
    tab.calendar.repaint()
    qtbot.waitUntil(lambda: bool(tab.calendar._hits.get(date(2026, 6, 15))))
    rect, hit = tab.calendar._hits[date(2026, 6, 15)][0]
    assert hit == mid
    qtbot.mouseDClick(tab.calendar.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert isinstance(tab.dialog, MeetingDialog) and tab.dialog.meeting.row.id == mid
    tab.dialog.reject()


def test_a_busy_day_shows_how_many_more(window, services, people, english_uk, qtbot):
    for hour in range(8, 16):
        meet(services, people["sam"], local(2026, 6, 16, hour, 0), duration_minutes=30)
    tab = window.show_tab("calendar")
    window.resize(1000, 700)
    tab.calendar.repaint()
    qtbot.waitUntil(lambda: bool(tab.calendar._hits.get(date(2026, 6, 16))))
    shown = len(tab.calendar._hits[date(2026, 6, 16)])
    assert 1 <= shown < 8
    assert tab.calendar.more[date(2026, 6, 16)] == 8 - shown  # painted as "+N more"
    assert len(tab.visible_dots(date(2026, 6, 16))) == 8
