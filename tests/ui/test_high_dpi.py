"""Sharp on high-DPI screens: screenshots at twice the size, icons and painted views at device resolution."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtWidgets import QWidget

from mentordesk.services.container import Services
from mentordesk.ui.theme import app_icon, dot_icon
from mentordesk.ui.widgets.calendar_month import CalendarLegend

ROOT = Path(__file__).resolve().parent.parent.parent


def _render(widget: QWidget, ratio: float) -> QImage:
    """``widget`` painted into an image with the device pixel ratio of a ``ratio`` x screen."""
    size = widget.size()
    pixmap = QPixmap(QSize(round(size.width() * ratio), round(size.height() * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    widget.render(pixmap)
    return pixmap.toImage()


def _drawn_at_device_resolution(widget: QWidget) -> bool:
    """True when the 2x rendering holds detail a 1x rendering blown up to twice the size lacks."""
    sharp = _render(widget, 2.0)
    blown_up = _render(widget, 1.0).scaled(sharp.size()).convertToFormat(sharp.format())
    return sharp.size() == blown_up.size() and sharp != blown_up


def test_a_screenshot_at_scale_two_has_twice_the_logical_size(tmp_path):
    db = tmp_path / "demo.db"
    services = Services.open(db)
    services.demo.generate(seed=7)
    services.close()
    shot = tmp_path / "goals.png"
    env = {**os.environ, "QT_SCALE_FACTOR": "2", "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "mentordesk", "--db", str(db), "gui", "--tab", "goals"]
        + ["--screenshot", str(shot), "--size", "1200x800"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (2400, 1600)


def test_the_window_icon_has_large_sharp_pixmaps(qapp):
    icon = app_icon()
    assert not icon.isNull()
    assert icon.pixmap(64).width() >= 64
    big = icon.pixmap(QSize(32, 32), 2.0)
    assert (big.width(), big.height(), big.devicePixelRatio()) == (64, 64, 2.0)
    assert icon.pixmap(256).width() == 256


def test_colour_dots_are_drawn_for_each_screen_scale(qapp):
    icon = dot_icon(QColor("#0072B2"))
    assert sorted(s.width() for s in icon.availableSizes()) == [12, 24, 36]
    double = icon.pixmap(QSize(12, 12), 2.0)
    assert (double.width(), double.devicePixelRatio()) == (24, 2.0)
    image = double.toImage()
    # A 12-pixel dot blown up would come in 2x2 blocks of one colour; one drawn at 24 pixels does not.
    blocky = all(
        image.pixelColor(x, y) == image.pixelColor(x + 1, y) == image.pixelColor(x, y + 1)
        for x in range(0, 24, 2)
        for y in range(0, 24, 2)
    )
    assert not blocky


def test_the_models_use_the_sharp_dots(demo_window):
    tab = demo_window.show_tab("calendar")
    icon = tab.checkins.tree.topLevelItem(0).icon(0)
    assert sorted(s.width() for s in icon.availableSizes()) == [12, 24, 36]


@pytest.mark.parametrize("name", ["month", "legend", "timeline"])
def test_painted_views_draw_at_device_resolution(demo_window, qtbot, name):
    demo_window.resize(1200, 800)
    calendar = demo_window.show_tab("calendar")
    goals = demo_window.show_tab("goals")
    widget = {
        "month": calendar.calendar,
        "legend": CalendarLegend(),
        "timeline": goals.timeline,
    }[name]
    if widget.parent() is None:
        qtbot.addWidget(widget)
        widget.resize(widget.sizeHint())
    assert _drawn_at_device_resolution(widget)


def test_the_window_icon_falls_back_to_the_svg_without_the_renderings(qapp, monkeypatch):
    from mentordesk.ui import theme

    real = theme.resource
    monkeypatch.setattr(
        theme, "resource", lambda *parts: real("icons", "none") if parts[-1] == "hicolor" else real(*parts)
    )
    icon = theme.app_icon()
    assert not icon.isNull()
    assert icon.availableSizes() == []  # scalable: drawn at the size asked for
    assert icon.pixmap(QSize(48, 48), 3.0).width() == 144
