"""The goals tab: create, record progress, review, tick and delete, each step undone and redone."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from mentordesk.domain.enums import ProgressMode
from mentordesk.services.goals import GoalInput, MilestoneInput
from mentordesk.services.people import NewRelationship


@pytest.fixture
def tab(window):
    return window.show_tab("goals")


def _answer(monkeypatch, button):
    asked: list[str] = []

    def question(_parent, _title, text, *_args, **_kwargs):
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def _new_goal(tab, services, title="Give a conference talk", **kwargs):
    data = GoalInput(title=title, start_on=date(2026, 3, 1), target_on=date(2026, 9, 30), **kwargs)
    gid = services.goals.create_goal(data)
    tab.ctx.notify("goals")
    return gid


def test_empty_tab_invites_a_first_goal(tab):
    assert tab.timeline.rows() == []
    assert "Ctrl+N" in tab.timeline.empty_text
    assert not tab.panel.edit_button.isEnabled()
    assert tab.panel.attention_title.text() == "Reviews due"


def test_create_goal_with_milestones_then_undo_and_redo(tab, window, services, qtbot):
    ana = services.people.add_relationship(NewRelationship(name="Ana Ruiz"))
    tab.ctx.notify("people")
    dialog = tab.goal_dialog()
    qtbot.keyClicks(dialog.title_edit, "Give a conference talk")
    dialog.start_edit.setDate(QDate(2026, 3, 1))
    dialog.target_edit.setDate(QDate(2026, 9, 30))
    dialog.set_helpers([ana])
    dialog.milestones.add_row(MilestoneInput("Submit the abstract", date(2026, 4, 1)), edit=False)
    dialog.milestones.add_row(MilestoneInput("Deliver the talk", date(2026, 9, 15), weight=3), edit=False)
    dialog.accept()

    assert dialog.result() == QDialog.DialogCode.Accepted
    [row] = tab.timeline.rows()
    assert (row.title, row.helper_names) == ("Give a conference talk", ("Ana Ruiz",))
    assert [(m.title, m.due_on, m.weight) for m in row.milestones] == [
        ("Submit the abstract", date(2026, 4, 1), 1.0),
        ("Deliver the talk", date(2026, 9, 15), 3.0),
    ]
    assert window.undo_stack.undoText() == "New goal 'Give a conference talk'"
    snapshot = services.goals.snapshot(row.id)

    window.undo_stack.undo()
    assert services.goals.list_goals() == [] and tab.timeline.rows() == []
    window.undo_stack.redo()
    assert services.goals.snapshot(row.id) == snapshot
    assert [r.title for r in tab.timeline.rows()] == ["Give a conference talk"]


def test_target_before_start_is_shown_next_to_the_dates(tab, services):
    dialog = tab.goal_dialog()
    dialog.title_edit.setText("Run a half marathon")
    dialog.start_edit.setDate(QDate(2026, 5, 1))
    dialog.target_edit.setDate(QDate(2026, 4, 1))
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.errors.text("target_on") == "Target date 2026-04-01 is before the start date 2026-05-01"
    assert dialog.errors.text("title") == ""
    assert services.goals.count_goals() == 0


def test_unreadable_milestone_date_is_refused_in_words(tab, services):
    dialog = tab.goal_dialog()
    dialog.title_edit.setText("Run a half marathon")
    row = dialog.milestones.add_row(MilestoneInput("Run 10 km"), edit=False)
    dialog.milestones.set_cell(row, dialog.milestones.DUE, "next week")
    dialog.accept()
    assert dialog.errors.text("milestones") == (
        "Milestone 1 ('Run 10 km'): 'next week' is not a date (expected YYYY-MM-DD)"
    )
    assert services.goals.count_goals() == 0


def test_milestone_outside_the_goal_asks_for_confirmation(tab, services, monkeypatch):
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    dialog = tab.goal_dialog()
    dialog.title_edit.setText("Run a half marathon")
    dialog.start_edit.setDate(QDate(2026, 3, 1))
    dialog.target_edit.setDate(QDate(2026, 6, 30))
    dialog.milestones.add_row(MilestoneInput("Race day", date(2026, 7, 12)), edit=False)
    dialog.accept()
    assert asked and "Milestone 'Race day' is due on 2026-07-12, outside the goal's dates" in asked[0]
    assert dialog.result() != QDialog.DialogCode.Accepted and services.goals.count_goals() == 0

    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    [row] = services.goals.list_goals()
    assert row.milestones[0].due_on == date(2026, 7, 12)


def test_record_progress_refuses_out_of_range_then_undo(tab, window, services, qtbot):
    gid = _new_goal(tab, services)
    tab.select_item("goal", gid)
    dialog = tab.progress_dialog(gid)
    dialog.percent_edit.clear()
    qtbot.keyClicks(dialog.percent_edit, "150")
    dialog.accept()
    assert dialog.errors.text("percent") == "Progress must be between 0 and 100 (got 150)"
    assert services.goals.progress_history(gid) == []

    dialog.percent_edit.setText("40")
    dialog.note_edit.setText("Abstract submitted")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert [(p.percent, p.note) for p in services.goals.progress_history(gid)] == [
        (40.0, "Abstract submitted")
    ]
    assert tab.timeline.rows()[0].progress == 40.0
    assert tab.panel.history_list.item(0).text() == "2026-06-15  40%  ·  Abstract submitted"

    window.undo_stack.undo()
    assert services.goals.progress_history(gid) == []
    assert tab.timeline.rows()[0].progress == 0.0
    window.undo_stack.redo()
    assert services.goals.goal(gid).progress == 40.0


def test_review_moves_the_next_review_and_undo_restores_it(tab, window, services):
    gid = _new_goal(tab, services, review_every_days=30)
    services.goals.record_progress(gid, 20, date(2026, 4, 1))
    tab.ctx.notify("goals")
    before = services.goals.goal(gid)
    assert before.review_due and tab.panel.attention.rowCount() == 1
    assert tab.panel.attention.data(tab.panel.attention.index(0, 0)) == (
        "Give a conference talk\nreview 76 days late · stalled: no progress in 60 days"
    )

    dialog = tab.review_dialog(gid)
    dialog.percent_edit.setText("35")
    dialog.changed_edit.setPlainText("Abstract accepted; rehearsal booked")
    dialog.holds_check.setChecked(False)
    dialog.new_target_edit.setDate(QDate(2026, 10, 31))
    assert dialog.next_label.text() == "Next review: 2026-07-15"
    dialog.accept()

    after = services.goals.goal(gid)
    assert (after.last_review_on, after.next_review_on, after.target_on, after.progress) == (
        date(2026, 6, 15),
        date(2026, 7, 15),
        date(2026, 10, 31),
        35.0,
    )
    assert tab.panel.attention.rowCount() == 0
    assert tab.panel.reviews_list.item(0).text() == (
        "2026-06-15  35%  ·  target moved\nAbstract accepted; rehearsal booked"
    )
    window.undo_stack.undo()
    assert services.goals.goal(gid) == before
    assert services.goals.reviews(gid) == []
    assert tab.panel.attention.rowCount() == 1
    window.undo_stack.redo()
    assert services.goals.goal(gid) == after


def test_ticking_a_milestone_derives_progress_and_undo_reopens_it(tab, window, services, qtbot):
    gid = _new_goal(
        tab,
        services,
        progress_mode=ProgressMode.MILESTONES,
        milestones=[
            MilestoneInput("Outline", date(2026, 4, 1)),
            MilestoneInput("Rehearse", date(2026, 8, 1)),
        ],
    )
    tab.select_item("goal", gid)
    outline = services.goals.goal(gid).milestones[0]
    item = tab.panel.milestone_item(outline.id)
    item.setCheckState(0, Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1)

    row = services.goals.goal(gid)
    assert (row.milestones[0].done_on, row.progress) == (date(2026, 6, 15), 50.0)
    assert [(p.percent, p.note) for p in services.goals.progress_history(gid)] == [
        (50.0, "Milestone done: Outline")
    ]
    assert tab.timeline.rows()[0].progress == 50.0
    window.undo_stack.undo()
    row = services.goals.goal(gid)
    assert (row.milestones[0].done_on, row.progress) == (None, 0.0)
    assert services.goals.progress_history(gid) == []
    assert tab.panel.milestone_item(outline.id).checkState(0) == Qt.CheckState.Unchecked


def test_delete_asks_then_undo_brings_back_the_same_goal(tab, window, services, monkeypatch, qtbot):
    gid = _new_goal(tab, services, milestones=[MilestoneInput("Outline", date(2026, 4, 1))])
    snap = services.goals.snapshot(gid)
    tab.select_item("goal", gid)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    qtbot.keyClick(tab.timeline, Qt.Key.Key_Delete)
    assert asked[0].startswith("Delete this goal?\n\n“Give a conference talk”")
    assert services.goals.count_goals() == 1

    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.keyClick(tab.timeline, Qt.Key.Key_Delete)
    assert services.goals.count_goals() == 0 and tab.timeline.rows() == []
    window.undo_stack.undo()
    assert services.goals.snapshot(gid) == snap
    assert tab.timeline.rows()[0].uuid == snap.uuid


def test_editing_keeps_ids_and_undo_restores_the_old_goal(tab, window, services):
    gid = _new_goal(tab, services, milestones=[MilestoneInput("Outline", date(2026, 4, 1))])
    before = services.goals.snapshot(gid)
    dialog = tab.goal_dialog(gid)
    assert dialog.title_edit.text() == "Give a conference talk"
    dialog.title_edit.setText("Give two conference talks")
    dialog.milestones.set_cell(0, dialog.milestones.TITLE, "Outline both talks")
    dialog.accept()
    row = services.goals.goal(gid)
    assert (row.title, row.milestones[0].title, row.milestones[0].id) == (
        "Give two conference talks",
        "Outline both talks",
        before.milestones[0][0][1],
    )
    window.undo_stack.undo()
    assert services.goals.snapshot(gid) == before


def test_filters_and_navigation(tab, window, services):
    ana = services.people.add_relationship(NewRelationship(name="Ana Ruiz"))
    tab.ctx.notify("people")
    talk = _new_goal(tab, services, relationship_ids=[ana], category="skill")
    _new_goal(tab, services, title="Meet five product leaders", category="network")
    assert tab.mentor_filter.findText("Ana Ruiz") > 0

    tab.mentor_filter.setCurrentIndex(tab.mentor_filter.findText("Ana Ruiz"))
    assert [r.title for r in tab.timeline.rows()] == ["Give a conference talk"]
    tab.mentor_filter.setCurrentIndex(0)
    tab.category_filter.setCurrentIndex(tab.category_filter.findData("network"))
    assert [r.title for r in tab.timeline.rows()] == ["Meet five product leaders"]

    # Navigating to a hidden goal clears the filters and selects it.
    window.show_tab("mentors")
    tab.ctx.navigateRequested.emit("goal", talk)
    assert window.current_tab_name() == "goals"
    assert tab.category_filter.currentIndex() == 0 and len(tab.timeline.rows()) == 2
    assert tab.timeline.selected_id() == talk
    assert tab.panel.title.text() == "Give a conference talk"

    tab.status_filter.setCurrentIndex(tab.status_filter.findText("Achieved"))
    assert tab.timeline.rows() == [] and tab.timeline.empty_text == "No goal matches the filters."


def test_find_focuses_the_filter(tab, window, qtbot):
    window.find_in_tab()
    qtbot.waitUntil(lambda: tab.filter_edit.hasFocus())
