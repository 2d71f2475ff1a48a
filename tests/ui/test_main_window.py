from __future__ import annotations

from mentordesk.ui.main_window import MainWindow


def test_window_has_four_tabs_and_menus(window):
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Mentors",
        "Calendar",
        "Goals",
        "Insights",
    ]
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Help"]


def test_first_run_offers_sample_data(window, qtbot):
    mentors = window.tab("mentors")
    assert mentors.stack.currentWidget() is mentors.empty
    assert mentors.empty.add_button.text() == "Add your first mentor"
    qtbot.mouseClick(mentors.empty.demo_button, __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton)
    assert mentors.stack.currentIndex() == 0
    assert mentors.model.rowCount() == 10
    assert mentors.current_row() is not None


def test_geometry_is_remembered(qtbot, services, settings):
    w = MainWindow(services, settings=settings)
    qtbot.addWidget(w)
    w.resize(700, 520)
    w.show()
    w.close()
    again = MainWindow(services, settings=settings)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 520)


def test_only_the_first_tab_is_built_before_the_first_frame(window, qtbot):
    assert set(window._tab_widgets) == {"mentors"}
    window.show_tab("goals")  # opened before the window settled: built on the spot
    assert "goals" in window._tab_widgets


def test_the_other_tabs_are_built_once_the_window_settles(window, qtbot):
    qtbot.waitUntil(lambda: window.warmed_up, timeout=30000)
    assert set(window._tab_widgets) == {"mentors", "calendar", "goals", "insights"}
    assert window.current_tab_name() == "mentors"
    assert window.tab("insights").chart is None  # its charts load when it is first shown


def test_a_tab_in_the_background_refreshes_when_shown_again(demo_window, qtbot):
    from mentordesk.services.people import NewRelationship

    goals = demo_window.show_tab("goals")
    demo_window.show_tab("mentors")
    options = goals.mentor_filter.count()
    demo_window.ctx.services.people.add_relationship(NewRelationship(name="Zoe New"))
    demo_window.ctx.notify("people")
    assert goals.mentor_filter.count() == options  # hidden: not re-read yet
    demo_window.show_tab("goals")
    assert goals.mentor_filter.count() == options + 1
    assert goals.mentor_filter.itemText(goals.mentor_filter.count() - 1) == "Zoe New"

    demo_window.show_tab("mentors")  # and again, after it has refreshed once
    demo_window.ctx.services.people.add_relationship(NewRelationship(name="Zoe Newer"))
    demo_window.ctx.notify("people")
    assert goals.mentor_filter.count() == options + 1
    demo_window.show_tab("goals")
    assert goals.mentor_filter.count() == options + 2


def test_splitter_positions_are_remembered(qtbot, demo_services, settings):
    first = MainWindow(demo_services, settings=settings)
    qtbot.addWidget(first)
    first.resize(1200, 700)
    first.show()
    goals = first.show_tab("goals")
    mentors = first.show_tab("mentors")
    mentors.splitter.setSizes([900, 250])
    wanted_mentors = mentors.splitter.sizes()
    wanted_goals = goals.splitter.sizes()[::-1]
    goals.splitter.setSizes(wanted_goals)
    wanted_goals = goals.splitter.sizes()
    first.close()
    again = MainWindow(demo_services, settings=settings)
    qtbot.addWidget(again)
    again.resize(1200, 700)
    again.show()
    assert again.show_tab("mentors").splitter.sizes() == wanted_mentors
    assert again.show_tab("goals").splitter.sizes() == wanted_goals


def test_the_warm_up_waits_for_the_first_frame(qtbot, services, settings):
    w = MainWindow(services, settings=settings)
    qtbot.addWidget(w)
    w.show()  # shown, not yet drawn: nothing else is loaded before the first frame is
    assert set(w._tab_widgets) == {"mentors"}
    drawn = w.grab()  # draws the first frame
    assert not drawn.isNull()
    qtbot.waitUntil(lambda: w.warmed_up, timeout=30000)
    assert set(w._tab_widgets) == {"mentors", "calendar", "goals", "insights"}


def test_a_window_drawn_once_builds_no_other_tab(qtbot, services, settings):
    from mentordesk.ui import main_window

    w = MainWindow(services, settings=settings, warm_up=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.grab()
    qtbot.wait(main_window.WARM_UP_AFTER_MS * 4)  # well past the time the warm-up would start
    assert set(w._tab_widgets) == {"mentors"}
    assert w.show_tab("goals") is w._tab_widgets["goals"]  # still built when asked for
