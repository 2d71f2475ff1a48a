"""The window leaves what it loaded to the collector's permanent generation once warmed up."""

from __future__ import annotations

import gc

from mentordesk import memory


def test_the_window_settles_once_warmed_up(app_lifetime, demo_services, settings, qtbot):
    from mentordesk.ui.main_window import MainWindow

    memory.start_app_lifetime()
    window = MainWindow(demo_services, settings=settings)
    qtbot.addWidget(window)
    window.show()
    assert not gc.isenabled()
    qtbot.waitUntil(lambda: window.warmed_up, timeout=20000)
    assert gc.isenabled() and gc.get_freeze_count() > 0


def test_what_the_charts_loaded_is_settled_once_the_first_chart_is_on_screen(
    app_lifetime, demo_services, settings, qtbot, monkeypatch
):
    from mentordesk.ui.main_window import MainWindow

    memory.start_app_lifetime()
    window = MainWindow(demo_services, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.warmed_up, timeout=20000)
    frozen = gc.get_freeze_count()
    drawn_when_settled: list[bool] = []
    settle = memory.settle

    def settle_and_see() -> None:
        drawn_when_settled.append(not tab.chart.figure.stale)  # the figure was drawn since its change
        settle()

    monkeypatch.setattr(memory, "settle", settle_and_see)
    tab = window.show_tab("insights")
    qtbot.waitUntil(lambda: tab.chart is not None, timeout=30000)
    assert not gc.isenabled()  # held while matplotlib loads and the first chart is drawn
    qtbot.waitUntil(gc.isenabled, timeout=10000)
    assert drawn_when_settled == [True]
    assert gc.get_freeze_count() > frozen


def test_a_chart_never_drawn_still_calls_back_once(qtbot, monkeypatch):
    from mentordesk.ui import chart_canvas

    monkeypatch.setattr(chart_canvas, "AFTER_FIRST_DRAW_AT_MOST_MS", 20)
    canvas = chart_canvas.ChartCanvas()  # never shown: never drawn
    qtbot.addWidget(canvas)
    calls: list[int] = []
    canvas.after_first_draw(lambda: calls.append(1))
    qtbot.waitUntil(lambda: calls == [1], timeout=5000)
    canvas.canvas.draw()  # a draw after that does not call again
    qtbot.wait(chart_canvas.AFTER_FIRST_DRAW_MS * 3)
    assert calls == [1]
