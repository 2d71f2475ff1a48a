"""Planning, logging, moving, answering and undoing meetings from the calendar tab."""

from __future__ import annotations

import stat
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QDate, QLocale, Qt, QTime
from PySide6.QtWidgets import QDialog

from mentordesk.domain.enums import MeetingStatus, Owner
from mentordesk.services.errors import NotFoundError
from mentordesk.services.meetings import MeetingInput
from mentordesk.services.people import NewRelationship
from mentordesk.ui.dialogs.meeting_log import LogMeetingDialog
from mentordesk.ui.main_window import MainWindow


def local(*args: int) -> datetime:
    return datetime(*args).astimezone()


@pytest.fixture(autouse=True)
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
    }


def meet(services, rid, start, **kw):
    return services.meetings.create(MeetingInput(relationship_id=rid, start=start, **kw))


def test_plan_a_meeting_then_undo_and_redo(window, services, people, qtbot):
    tab = window.show_tab("calendar")
    dialog = tab.new_meeting()
    assert dialog.windowTitle() == "New meeting"
    qtbot.keyClicks(dialog.person.lineEdit(), "Ana Ruiz")
    dialog.date_edit.setDate(QDate(2026, 6, 18))
    dialog.time_edit.setTime(QTime(14, 30))
    dialog.duration.setValue(45)
    dialog.channel.setCurrentIndex(dialog.channel.findData("video"))
    dialog.location.setText("https://meet.example/ana")
    qtbot.keyClicks(dialog.agenda, "Promotion case")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    mid = dialog.saved_id
    row = services.meetings.get(mid).row
    assert (row.person, row.start, row.duration_minutes, row.channel.value, row.agenda) == (
        "Ana Ruiz",
        local(2026, 6, 18, 14, 30).astimezone(UTC),
        45,
        "video",
        "Promotion case",
    )
    assert tab.selected_day() == date(2026, 6, 18)
    assert tab.detail.meeting_id() == mid
    assert window.statusBar().currentMessage() == "Meeting with Ana Ruiz added for Thu 18 Jun at 14:30"

    window.undo_stack.undo()
    with pytest.raises(NotFoundError):
        services.meetings.get(mid)
    assert tab.visible_dots(date(2026, 6, 18)) == []
    window.undo_stack.redo()
    assert services.meetings.get(mid).row.agenda == "Promotion case"
    assert [d.label for d in tab.visible_dots(date(2026, 6, 18))] == ["Ana Ruiz"]


def test_ctrl_n_plans_a_new_meeting_in_the_calendar(window, people, qtbot):
    tab = window.show_tab("calendar")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tab.calendar.setFocus()
    qtbot.keyClick(tab.calendar, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert tab.dialog is not None and tab.dialog.windowTitle() == "New meeting"
    assert tab.dialog.date_edit.date() == QDate(2026, 6, 15)
    tab.dialog.reject()


def test_a_refused_value_is_shown_next_to_its_field(window, services, people, qtbot):
    tab = window.show_tab("calendar")
    dialog = tab.new_meeting()
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.errors.text("relationship") == "Choose who the meeting is with"
    qtbot.keyClicks(dialog.person.lineEdit(), "Nobody Known")
    dialog.accept()
    assert (
        dialog.errors.text("relationship") == "No relationship with “Nobody Known”: pick a name from the list"
    )
    dialog.person.set_relationship(people["sam"])
    dialog.status.setCurrentIndex(dialog.status.findData("held"))
    dialog.date_edit.setDate(QDate(2026, 6, 20))
    dialog.accept()
    assert dialog.errors.text("status") == (
        "The meeting on 2026-06-20 is still ahead: it can be marked held from that day on"
    )
    assert dialog.errors.text("relationship") == ""
    assert services.meetings.agenda(date(2026, 1, 1), date(2026, 12, 31)) == []
    assert window.undo_stack.count() == 0
    dialog.reject()


def test_overlaps_are_flagged_when_a_meeting_is_created(window, services, people):
    meet(services, people["sam"], local(2026, 6, 18, 10, 0))
    tab = window.show_tab("calendar")
    dialog = tab.new_meeting(day=date(2026, 6, 18), relationship_id=people["ana"])
    dialog.time_edit.setTime(QTime(10, 30))
    assert not dialog.overlap.isHidden()
    assert dialog.overlap.text() == "Overlaps with Sam Okafor 10:00–11:00"
    dialog.accept()
    assert window.statusBar().currentMessage() == (
        "Meeting with Ana Ruiz added for Thu 18 Jun at 10:30 — it overlaps with Sam Okafor"
    )
    assert tab.model.display(tab.current_meeting(), 0).endswith("⚠")


def test_log_a_held_meeting_from_the_keyboard(window, services, people, qtbot):
    tab = window.show_tab("calendar")
    assert [r.person for r in services.meetings.check_ins()] == [
        "Sam Okafor",
        "Ana Ruiz",
    ]  # most days late first
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tab.agenda.setFocus()
    # In the calendar Ctrl+L is the calendar's own log form (not the window's quick capture).
    qtbot.keyClick(tab.agenda, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = tab.dialog
    assert isinstance(dialog, LogMeetingDialog)
    qtbot.waitUntil(lambda: dialog.person.lineEdit().hasFocus())
    qtbot.keyClicks(dialog.person.lineEdit(), "Sam Okafor")
    dialog.person.completer().popup().hide()
    qtbot.keyClick(dialog.person.lineEdit(), Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    [row] = services.meetings.meetings_of(people["sam"])
    assert row.status == MeetingStatus.HELD
    assert row.day == date(2026, 6, 15)
    assert [r.person for r in services.meetings.check_ins()] == ["Ana Ruiz"]
    assert tab.checkins.rows_shown()[0][0] == "Ana Ruiz"
    assert window.statusBar().currentMessage().startswith("Meeting with Sam Okafor logged for Mon 15 Jun")


def test_log_with_notes_and_action_items_turns_the_planned_meeting_held(window, services, people):
    planned = meet(services, people["ana"], local(2026, 6, 15, 8, 0), agenda="Talk outline")
    tab = window.show_tab("calendar")
    dialog = tab.log_meeting(people["ana"])
    dialog.time_edit.setTime(QTime(8, 15))
    dialog.rating.setCurrentIndex(dialog.rating.findData(5))
    dialog.notes.setPlainText("Agreed to submit the abstract")
    dialog.action_items.setPlainText("send abstract\nthem: share last year's slides")
    dialog.accept()
    detail = services.meetings.get(planned)
    assert (detail.row.status, detail.row.rating, detail.row.agenda) == (
        MeetingStatus.HELD,
        5,
        "Talk outline",
    )
    assert [(a.text, a.owner) for a in detail.action_items] == [
        ("send abstract", Owner.ME),
        ("share last year's slides", Owner.THEM),
    ]
    assert tab.detail.action_list.count() == 2
    window.undo_stack.undo()
    detail = services.meetings.get(planned)
    assert (detail.row.status, detail.row.notes, detail.action_items) == (MeetingStatus.PLANNED, "", ())


def test_move_a_meeting_and_undo(window, services, people):
    mid = meet(services, people["ana"], local(2026, 6, 17, 9, 0), agenda="CV")
    tab = window.show_tab("calendar")
    tab.select_item("meeting", mid)
    tab.detail.move_button.click()
    dialog = tab.dialog
    dialog.date_edit.setDate(QDate(2026, 6, 24))
    dialog.time_edit.setTime(QTime(16, 0))
    dialog.accept()
    row = services.meetings.get(mid).row
    assert (row.start, row.agenda) == (local(2026, 6, 24, 16, 0).astimezone(UTC), "CV")
    assert tab.selected_day() == date(2026, 6, 24)
    assert [d.label for d in tab.visible_dots(date(2026, 6, 24))] == ["Ana Ruiz"]
    assert window.undo_stack.undoText() == "Move meeting"
    window.undo_stack.undo()
    assert services.meetings.get(mid).row.start == local(2026, 6, 17, 9, 0).astimezone(UTC)
    assert tab.visible_dots(date(2026, 6, 24)) == []


def test_edit_cancel_and_delete_with_undo_keeps_action_items(window, services, people, qtbot):
    mid = meet(services, people["sam"], local(2026, 6, 12, 9, 0), status="held")
    tab = window.show_tab("calendar")
    tab.select_item("meeting", mid)
    assert tab.detail.action_list.item(0).text() == "No action items yet: type one below and press Enter."
    qtbot.keyClicks(tab.detail.new_action, "Read the chapter")
    tab.detail.owner.setCurrentIndex(1)
    qtbot.keyClick(tab.detail.new_action, Qt.Key.Key_Return)
    assert [a.text for a in services.meetings.get(mid).action_items] == ["Read the chapter"]
    assert tab.detail.action_list.item(0).text() == "Read the chapter  (them)"
    assert tab.detail.new_action.text() == ""

    tab.detail.action_list.item(0).setCheckState(Qt.CheckState.Checked)
    assert services.meetings.get(mid).action_items[0].done is True
    window.undo_stack.undo()
    assert services.meetings.get(mid).action_items[0].done is False

    edit = tab.open_meeting(mid)
    edit.notes.setPlainText("Good talk about focus")
    edit.accept()
    assert services.meetings.get(mid).row.notes == "Good talk about focus"
    assert tab.detail.notes.text() == "Notes: Good talk about focus"

    tab.detail.delete_action.trigger()
    with pytest.raises(NotFoundError):
        services.meetings.get(mid)
    assert window.statusBar().currentMessage() == "Meeting deleted (Ctrl+Z puts it back)"
    window.undo_stack.undo()
    detail = services.meetings.get(mid)
    assert detail.row.notes == "Good talk about focus"
    assert [a.text for a in detail.action_items] == ["Read the chapter"]
    assert tab.detail.meeting_id() == mid

    tab.detail.cancel_action.trigger()
    assert services.meetings.get(mid).row.status == MeetingStatus.CANCELLED
    window.undo_stack.undo()
    assert services.meetings.get(mid).row.status == MeetingStatus.HELD


def test_marking_a_future_meeting_held_is_refused_in_words(window, services, people):
    mid = meet(services, people["sam"], local(2026, 6, 22, 9, 0))
    tab = window.show_tab("calendar")
    tab.select_item("meeting", mid)
    tab.detail.held_button.click()
    assert services.meetings.get(mid).row.status == MeetingStatus.PLANNED
    assert window.statusBar().currentMessage() == (
        "The meeting on 2026-06-22 is still ahead: it can be marked held from that day on"
    )


def test_a_passed_planned_meeting_asks_once_whether_it_was_held(qtbot, services, people, settings):
    mid = meet(services, people["ana"], local(2026, 6, 10, 10, 0))
    w = MainWindow(services, settings=settings)
    qtbot.addWidget(w)
    w.show()
    tab = w.show_tab("calendar")
    assert tab.prompt.isVisible()
    assert (
        tab.prompt.question.text()
        == "Your meeting with Ana Ruiz on Wed 10 Jun at 10:00 has passed. Was it held?"
    )
    qtbot.mouseClick(tab.prompt.held_button, Qt.MouseButton.LeftButton)
    assert services.meetings.get(mid).row.status == MeetingStatus.HELD
    assert not tab.prompt.isVisible()
    assert tab.detail.meeting_id() == mid

    again = MainWindow(services, settings=settings)
    qtbot.addWidget(again)
    again.show()
    assert not again.show_tab("calendar").prompt.isVisible()


def test_keep_as_planned_also_stops_the_question(window, services, people, qtbot):
    mid = meet(services, people["ana"], local(2026, 6, 10, 10, 0))
    tab = window.show_tab("calendar")
    tab.refresh()
    qtbot.mouseClick(tab.prompt.keep_button, Qt.MouseButton.LeftButton)
    assert services.meetings.get(mid).row.status == MeetingStatus.PLANNED
    assert services.meetings.pending_held_prompts() == []
    assert not tab.prompt.isVisible()


def test_prep_can_be_copied_and_saved(window, services, people, tmp_path):
    meet(services, people["ana"], local(2026, 6, 1, 9, 0), status="held", notes="Talked about the abstract")
    mid = meet(services, people["ana"], local(2026, 6, 19, 9, 0))
    tab = window.show_tab("calendar")
    tab.select_item("meeting", mid)
    tab.detail.prep_button.click()
    dialog = tab.dialog
    text = dialog.text.toPlainText()
    assert text.startswith("# Meeting prep: Ana Ruiz\n")
    assert "Talked about the abstract" in text
    dialog.copy_button.click()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == text
    saved = dialog.save(str(tmp_path / "prep.md"))
    assert saved is not None and saved.read_text(encoding="utf-8") == text
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    dialog.reject()


def test_log_form_proposes_the_hour_that_just_ended_on_todays_date():
    from datetime import datetime as dt

    from mentordesk.ui.dialogs.meeting_log import just_ended

    afternoon = dt(2026, 6, 15, 14, 52).astimezone()
    assert just_ended(afternoon) == dt(2026, 6, 15, 13, 45).astimezone()
    assert just_ended(afternoon, minutes=30) == dt(2026, 6, 15, 14, 15).astimezone()
    after_midnight = dt(2026, 6, 15, 0, 20).astimezone()
    assert just_ended(after_midnight) == dt(2026, 6, 15, 0, 0).astimezone()
