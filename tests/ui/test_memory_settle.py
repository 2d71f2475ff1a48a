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
