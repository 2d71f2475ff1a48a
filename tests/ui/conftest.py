"""Qt fixtures: a window over an in-memory database with settings in a temporary file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from mentordesk.ui.main_window import MainWindow


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, services, settings):
    """The main window over an empty database (fixed 'today': see tests/conftest.py)."""
    w = MainWindow(services, settings=settings)
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def demo_window(qtbot, demo_services, settings):
    """The main window over the sample data."""
    w = MainWindow(demo_services, settings=settings)
    qtbot.addWidget(w)
    w.show()
    return w
