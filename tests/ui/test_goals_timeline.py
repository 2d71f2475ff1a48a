"""The timeline widget: dragging milestones and bar ends (undoable), keyboard, zoom, large data."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import insert

from mentordesk.services.goals import GoalInput, MilestoneInput
from mentordesk.store.models import Goal, Milestone
from mentordesk.ui.widgets.timeline_scale import Zoom


@pytest.fixture
def tab(window):
    return window.show_tab("goals")


def _goal(tab, services, title="Give a conference talk", **kwargs):
    kwargs.setdefault("start_on", date(2026, 3, 1))
    kwargs.setdefault("target_on", date(2026, 9, 30))
    gid = services.goals.create_goal(GoalInput(title=title, **kwargs))
    tab.ctx.notify("goals")
    return gid


def _drag(qtbot, view, start: QPoint, end: QPoint) -> None:
    vp = view.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=start)
    middle = QPoint((start.x() + end.x()) // 2, start.y())
    qtbot.mouseMove(vp, middle)
    qtbot.mouseMove(vp, end)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=end)


def test_drag_a_milestone_to_a_new_date_then_undo(tab, window, services, qtbot):
    gid = _goal(tab, services, milestones=[MilestoneInput("Rehearse", date(2026, 6, 1))])
    [ms] = services.goals.goal(gid).milestones
    view = tab.timeline
    view.set_zoom(Zoom.MONTH)
    view.scroll_to_date(date(2026, 6, 10), 0.5)
    start = view.milestone_point(ms.id)
    end = QPoint(round(view.x_mid(date(2026, 6, 22))), start.y())
    assert view.label_width() < start.x() < end.x() < view.viewport().width()

    _drag(qtbot, view, start, end)

    assert services.goals.goal(gid).milestones[0].due_on == date(2026, 6, 22)
    assert view.rows()[0].milestones[0].due_on == date(2026, 6, 22)
    assert window.undo_stack.undoText() == "Move milestone 'Rehearse' to 2026-06-22"
    assert view.milestone_point(ms.id) == end
    window.undo_stack.undo()
    assert services.goals.goal(gid).milestones[0].due_on == date(2026, 6, 1)
    assert view.milestone_point(ms.id) == start
    window.undo_stack.redo()
    assert services.goals.goal(gid).milestones[0].due_on == date(2026, 6, 22)


def test_dragging_a_milestone_past_the_target_asks_first(tab, window, services, qtbot, monkeypatch):
    gid = _goal(tab, services, milestones=[MilestoneInput("Rehearse", date(2026, 9, 20))])
    [ms] = services.goals.goal(gid).milestones
    view = tab.timeline
    view.set_zoom(Zoom.MONTH)
    view.scroll_to_date(date(2026, 9, 30), 0.5)
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No
    )
    start = view.milestone_point(ms.id)
    _drag(qtbot, view, start, QPoint(round(view.x_mid(date(2026, 10, 9))), start.y()))
    assert "outside the goal's dates (2026-03-01 to 2026-09-30)" in asked[0]
    assert services.goals.goal(gid).milestones[0].due_on == date(2026, 9, 20)
    assert window.undo_stack.count() == 0
    assert view.milestone_point(ms.id) == start


def test_drag_the_end_of_a_bar_moves_the_target(tab, window, services, qtbot):
    gid = _goal(tab, services)
    view = tab.timeline
    view.set_zoom(Zoom.MONTH)
    view.scroll_to_date(date(2026, 10, 1), 0.5)
    _start, end = view.bar_end_points(gid)
    new_end = QPoint(end.x() + round(14 * Zoom.MONTH.px_per_day), end.y())
    _drag(qtbot, view, end, new_end)
    assert services.goals.goal(gid).target_on == date(2026, 10, 14)
    window.undo_stack.undo()
    assert services.goals.goal(gid).target_on == date(2026, 9, 30)


def test_drag_the_start_of_a_bar_cannot_pass_its_target(tab, window, services, qtbot):
    gid = _goal(tab, services, start_on=date(2026, 6, 1), target_on=date(2026, 6, 20))
    view = tab.timeline
    view.set_zoom(Zoom.MONTH)
    view.scroll_to_date(date(2026, 6, 10), 0.5)
    start, _end = view.bar_end_points(gid)
    _drag(qtbot, view, start, QPoint(start.x() + round(40 * Zoom.MONTH.px_per_day), start.y()))
    row = services.goals.goal(gid)
    assert (row.start_on, row.target_on) == (date(2026, 6, 20), date(2026, 6, 20))


def test_a_click_selects_and_a_double_click_opens_the_editor(tab, services, qtbot, monkeypatch):
    first = _goal(tab, services, title="A first goal")
    second = _goal(tab, services, title="B second goal")
    view = tab.timeline
    opened: list[str] = []
    monkeypatch.setattr(type(tab), "_open_dialog", lambda self, d: opened.append(d.windowTitle()) or 0)
    y = round(view.bar_y(view.row_of(second)))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(40, y))
    assert view.selected_id() == second
    assert tab.panel.title.text() == "B second goal"
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(40, round(view.bar_y(0))))
    assert view.selected_id() == first and opened == ["Edit goal"]


def test_keyboard_moves_the_selection_and_opens_dialogs(tab, window, services, qtbot, monkeypatch):
    ids = [_goal(tab, services, title=f"Goal {i}", start_on=date(2026, 3, i + 1)) for i in range(3)]
    view = tab.timeline
    opened: list[str] = []
    monkeypatch.setattr(type(tab), "_open_dialog", lambda self, d: opened.append(d.windowTitle()) or 0)
    view.select(ids[0])
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.selected_id() == ids[2]
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.selected_id() == ids[1]
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened == ["Edit goal"]
    # Ctrl+N is "new goal" in this tab, even though the window uses it for a new database.
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert opened == ["Edit goal", "New goal"]


def test_zoom_buttons_and_ctrl_wheel(tab, services, qtbot):
    _goal(tab, services)
    view = tab.timeline
    button = next(b for b in tab.zoom_buttons.buttons() if b.text() == "Year")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert view.zoom() == Zoom.YEAR and button.isChecked()
    view.set_zoom(Zoom.MONTH)
    assert next(b for b in tab.zoom_buttons.buttons() if b.text() == "Month").isChecked()
    # One month is 5 px a day at month scale: dates map to x linearly.
    assert view.x_for_date(date(2026, 7, 1)) - view.x_for_date(date(2026, 6, 1)) == 30 * 5.0
    assert view.date_at(view.x_for_date(date(2026, 6, 1)) + 2) == date(2026, 6, 1)


def test_demo_goals_fit_around_today(demo_window):
    tab = demo_window.show_tab("goals")
    view = tab.timeline
    assert len(view.rows()) == 6
    first, last = view.visible_dates()
    assert first < view.today < last
    for row in view.rows():
        if row.is_open:
            assert view.x_for_date(row.start_on) >= view.label_width(), row.title
            assert view.x_for_date(row.target_on) <= view.viewport().width(), row.title
    assert tab.panel.attention.rowCount() > 0


def _bulk(services, goals: int, milestones_each: int) -> None:
    start = date(2020, 1, 1)
    with services.db.session() as s:
        s.execute(
            insert(Goal),
            [
                {
                    "title": f"Goal {i:04}",
                    "start_on": start + timedelta(days=i),
                    "target_on": start + timedelta(days=i + 200),
                }
                for i in range(goals)
            ],
        )
        s.execute(
            insert(Milestone),
            [
                {"goal_id": g + 1, "title": f"Step {k}", "due_on": start + timedelta(days=g + 40 * (k + 1))}
                for g in range(goals)
                for k in range(milestones_each)
            ],
        )


def test_large_data_paints_only_what_is_visible_without_queries(tab, services, qtbot):
    _bulk(services, 2000, 4)
    tab.refresh()
    view = tab.timeline
    assert len(view.rows()) == 2000
    assert sum(len(r.milestones) for r in view.rows()) == 8000
    per_page = view.viewport().height() // view.ROW_HEIGHT + 1
    view.verticalScrollBar().setValue(view.ROW_HEIGHT * 1000)
    assert view.visible_rows().start == 1000

    with services.db.statements() as statements:
        view.viewport().repaint()
    assert 0 < view.painted_rows <= per_page
    assert statements == []
    view.select(view.rows()[1999].id)
    assert view.visible_rows().stop == 2000


def test_tooltips_are_plain_text_and_the_menu_offers_the_goal_actions(tab, services):
    from PySide6.QtGui import Qt as GuiQt  # Qt.mightBeRichText comes with QtGui

    from mentordesk.ui.widgets.timeline_paint import tooltip

    gid = _goal(
        tab, services, title="<b>Ship</b> it", milestones=[MilestoneInput("<i>Beta</i>", date(2026, 5, 1))]
    )
    view = tab.timeline
    view.set_zoom(Zoom.MONTH)
    view.scroll_to_date(date(2026, 5, 1), 0.5)
    [ms] = services.goals.goal(gid).milestones
    text = tooltip(view, view.hit(view.milestone_point(ms.id)))
    assert text == "Milestone · due 2026-05-01 · overdue (drag to move)\n<i>Beta</i>"
    assert GuiQt.mightBeRichText("<i>Beta</i>") and not GuiQt.mightBeRichText(text)
    bar = tooltip(view, view.hit(QPoint(round(view.x_mid(date(2026, 5, 20))), round(view.bar_y(0)))))
    assert bar.splitlines() == ["Goal · 2026-03-01 → 2026-09-30 · 0%", "<b>Ship</b> it"]
    assert [a.text() for a in tab.context_actions(gid)] == ["Edit…", "Record progress…", "Review…", "Delete…"]


def test_header_bands_for_each_zoom():
    from mentordesk.ui.widgets.timeline_scale import lower_ticks, upper_ticks

    first, last = date(2026, 5, 10), date(2026, 11, 1)
    assert [t.label for t in upper_ticks(Zoom.QUARTER, first, last)] == ["Q2 2026", "Q3 2026", "Q4 2026"]
    assert [t.label for t in lower_ticks(Zoom.QUARTER, first, last)][:3] == ["May", "Jun", "Jul"]
    assert [t.label for t in upper_ticks(Zoom.YEAR, first, date(2027, 2, 1))] == ["2026", "2027"]
    assert [t.label for t in lower_ticks(Zoom.YEAR, first, last)] == ["Q2", "Q3", "Q4"]
    assert [t.label for t in upper_ticks(Zoom.MONTH, first, date(2026, 6, 3))] == ["May 2026", "June 2026"]
    # Weeks start on Mondays: 2026-05-04 is the Monday before the 10th.
    assert [t.day for t in lower_ticks(Zoom.MONTH, first, date(2026, 5, 20))] == [
        date(2026, 5, 4),
        date(2026, 5, 11),
        date(2026, 5, 18),
    ]
