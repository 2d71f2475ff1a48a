"""The insights tab: loading, switching charts, filters redrawing the one canvas, hover, exports.

The journal behind the charts is described in tests/services/test_insights.py (today: 15 Jun 2026).
"""

from __future__ import annotations

import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog

from mentordesk.services.insights_types import ChartKind, RangePreset
from mentordesk.ui.tabs import insights as insights_module
from tests.services.test_insights import fill_journal


@pytest.fixture
def journal(services):
    return fill_journal(services)


@pytest.fixture
def tab(qtbot, window, journal):
    """The insights tab over the journal, charts loaded, showing this year."""
    widget = window.show_tab("insights")
    qtbot.waitUntil(lambda: widget.chart is not None)
    widget.period_picker.set_preset(RangePreset.THIS_YEAR)
    return widget


def heights(tab) -> list[list[float]]:
    """Each person's meeting bar heights, month by month."""
    return [
        [float(p.vertices[1][1] - p.vertices[0][1]) for p in c.get_paths()]
        for c in tab.chart.figure.axes[0].collections
        if c.get_gid() == "meetings"
    ]


def save_to(monkeypatch, path: Path) -> list[str]:
    """Answer the next save dialogs with ``path``; returns the titles they were opened with."""
    titles: list[str] = []

    def fake(parent, title, start, filters):
        titles.append(title)
        return str(path), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return titles


def test_the_tab_module_does_not_load_matplotlib():
    code = (
        "import sys\n"
        "import mentordesk.ui.tabs.insights, mentordesk.ui.dialogs.report, mentordesk.ui.dialogs.csv_export\n"
        "print('matplotlib' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "False"


def test_placeholder_then_the_canvas(qtbot, window, journal):
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    widget = window.show_tab("insights")
    assert widget.placeholder.text() == "Loading charts\u2026"
    qtbot.waitUntil(lambda: widget.chart is not None)
    assert isinstance(widget.chart.canvas, FigureCanvasQTAgg)
    assert widget.stack.currentWidget() is widget.chart
    # The default chart: meetings per month over the last 12 months, relationships by most meetings.
    assert widget.kind == ChartKind.MEETINGS
    assert widget.period_picker.current_preset() == RangePreset.LAST_12_MONTHS
    assert len(heights(widget)) == 3


def test_switching_chart(qtbot, tab):
    qtbot.mouseClick(tab.kind_buttons[ChartKind.ADHERENCE], Qt.MouseButton.LeftButton)
    ax = tab.chart.figure.axes[0]
    assert ax.get_title(loc="left") == "Agreed meeting cadence kept"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Ana Ruiz", "Bo Chen", "Cy Dale"]
    assert "two-week window" in tab.caption.text()
    qtbot.mouseClick(tab.kind_buttons[ChartKind.FOCUS], Qt.MouseButton.LeftButton)
    assert tab.chart.figure.get_suptitle() == "Meetings and hours by focus area"
    assert not tab.goal_filter.isEnabled()
    qtbot.mouseClick(tab.kind_buttons[ChartKind.PROGRESS], Qt.MouseButton.LeftButton)
    assert [
        line.get_label() for line in tab.chart.figure.axes[0].get_lines() if line.get_gid() == "goal"
    ] == [
        "Give a talk",
        "Meet product people",
    ]
    assert tab.goal_filter.isEnabled()


def test_a_filter_redraws_the_same_canvas_with_new_data(qtbot, tab, journal):
    canvas, figure, draws = tab.chart.canvas, tab.chart.figure, tab.chart.draw_count
    assert heights(tab) == [[1, 1, 0, 1, 0, 1], [0, 0, 2, 1, 1, 0], [1, 0, 1, 0, 0, 0]]
    # Tick Bo Chen in the relationships menu.
    tab.relationship_filter.item_actions[journal["bo"]].trigger()
    assert tab.chart.canvas is canvas and tab.chart.figure is figure
    assert tab.chart.draw_count == draws + 1
    assert heights(tab) == [[0, 0, 2, 1, 1, 0]]
    assert tab.relationship_filter.text() == "Bo Chen"
    tab.relationship_filter.item_actions[journal["ana"]].trigger()
    assert tab.relationship_filter.text() == "2 relationships"
    assert heights(tab) == [[1, 1, 0, 1, 0, 1], [0, 0, 2, 1, 1, 0]]
    tab.relationship_filter.all_action.trigger()
    assert len(heights(tab)) == 3
    # A custom period: March and April only.
    tab.period_picker.set_custom(date(2026, 3, 1), date(2026, 4, 30))
    assert tab.period_picker.current_preset() == RangePreset.CUSTOM
    assert heights(tab) == [[2, 1], [0, 1], [1, 0]]  # Bo Chen held the most then
    assert tab.chart.canvas is canvas


def test_goal_filter_on_the_progress_chart(tab, journal):
    tab.set_kind(ChartKind.PROGRESS)
    tab.goal_filter.item_actions[journal["product"]].trigger()
    lines = [line for line in tab.chart.figure.axes[0].get_lines() if line.get_gid() == "goal"]
    assert [(line.get_label(), list(line.get_ydata())) for line in lines] == [
        ("Meet product people", [5.0, 20.0])
    ]


def test_hover_shows_the_value_under_the_cursor(qtbot, tab):
    chart = tab.chart
    chart.canvas.draw()
    ax = chart.figure.axes[0]
    # Bo Chen's March segment: x = 2 (March), from 0 to 2 meetings (Ana held none in March).
    x, y = ax.transData.transform((2, 1))
    ratio = chart.canvas.devicePixelRatioF()
    point = QPoint(round(x / ratio), round(chart.canvas.height() - y / ratio))
    qtbot.mouseMove(chart.canvas, point)
    qtbot.waitUntil(lambda: tab.hover_label.text().startswith("Bo Chen"))
    assert tab.hover_label.text() == "Bo Chen, Mar 2026: 2 meetings held (of 3 that month)"
    # Above a stack: the month's total.
    x, y = ax.transData.transform((2, 3.6))
    assert chart.hover_text_at(x, y) == "Mar 2026: 3 meetings held"
    x, y = ax.transData.transform((0.4, 3.19))
    assert chart.hover_text_at(x, y) == "Agreed in your mentoring agreements: 3.2 meetings per month"


def test_hover_on_the_other_charts(tab):
    tab.set_kind(ChartKind.ADHERENCE)
    tab.chart.canvas.draw()
    ax = tab.chart.figure.axes[0]
    assert tab.chart.hover_text_at(*ax.transData.transform((30, 1))) == (
        "Bo Chen: 4 of 8 cadence periods with a meeting (50%), agreed every 2 weeks; longest gap 46 days"
    )
    tab.set_kind(ChartKind.FOCUS)
    tab.chart.canvas.draw()
    hours = tab.chart.figure.axes[1]
    assert (
        tab.chart.hover_text_at(*hours.transData.transform((1, 2))) == "Networking: 4 meetings held, 2 hours"
    )
    tab.set_kind(ChartKind.PROGRESS)
    tab.chart.canvas.draw()
    ax = tab.chart.figure.axes[0]
    import matplotlib.dates as mdates

    point = ax.transData.transform((mdates.date2num(date(2026, 3, 15)), 40))
    assert tab.chart.hover_text_at(*point) == "Give a talk: 40% on 15 Mar 2026"
    between = ax.transData.transform((mdates.date2num(date(2026, 4, 10)), 40))
    assert tab.chart.hover_text_at(*between) == "Give a talk: 40% on 10 Apr 2026"
    reached = ax.transData.transform((mdates.date2num(date(2026, 2, 10)), 10))
    assert tab.chart.hover_text_at(*reached) == (
        "Give a talk: milestone \u201cSubmit the abstract\u201d reached 10 Feb 2026"
    )


def test_export_png_svg_pdf_and_csv(monkeypatch, tmp_path, tab):
    exporter = tab.exporter
    exporter.set_size("document")
    titles = save_to(monkeypatch, tmp_path / "chart")  # no suffix typed: the format's is added
    exporter.png_actions[300].trigger()
    png = (tmp_path / "chart.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")) == (1950, 1200)
    exporter.svg_action.trigger()
    assert b"<svg" in (tmp_path / "chart.svg").read_bytes()[:500]
    exporter.set_size("slide")
    exporter.pdf_action.trigger()
    pdf = (tmp_path / "chart.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and b"/MediaBox [ 0 0 959.76 540 ]" in pdf  # 13.33 x 7.5 in
    exporter.csv_action.trigger()
    lines = (tmp_path / "chart.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "Month,Ana Ruiz,Bo Chen,Cy Dale,Total,Agreed per month"
    assert lines[3] == "2026-03,0,2,1,3,3.19"
    for name in ("chart.png", "chart.svg", "chart.pdf", "chart.csv"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600
    assert titles == ["Save chart as PNG", "Save chart as SVG", "Save chart as PDF", "Save chart data as CSV"]
    assert tab.ctx.settings.value("insights/export_size") == "slide"


def test_export_cancelled_writes_nothing(monkeypatch, tmp_path, tab):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    assert tab.exporter.save_image("png") is None
    assert list(tmp_path.iterdir()) == []


def test_copy_image_to_the_clipboard(qtbot, tab):
    QGuiApplication.clipboard().clear()
    tab.exporter.set_size("square")
    qtbot.mouseClick(tab.copy_button, Qt.MouseButton.LeftButton)
    image = QGuiApplication.clipboard().image()
    assert (image.width(), image.height()) == (900, 900)  # 6 x 6 inches at 150 dpi


def test_theme_follows_the_app(qtbot, monkeypatch, tab):
    from mentordesk.charts.style import DARK, LIGHT

    def face() -> str:
        r, g, b, _ = tab.chart.figure.get_facecolor()
        return f"#{round(r * 255):02X}{round(g * 255):02X}{round(b * 255):02X}"

    assert face() == LIGHT.figure_bg
    monkeypatch.setattr(insights_module, "current_theme", lambda: "dark")
    QApplication.sendEvent(tab, QEvent(QEvent.Type.PaletteChange))
    qtbot.waitUntil(lambda: face() == DARK.figure_bg)


def test_an_empty_database_says_what_to_do(qtbot, window):
    widget = window.show_tab("insights")
    qtbot.waitUntil(lambda: widget.chart is not None)
    assert widget.chart.empty_message() == "No meetings in this period"
    assert widget.hover_label.text() == insights_module.NO_DATA_HINT
    assert widget.relationship_filter.text() == "All relationships"
    for kind in ChartKind:
        widget.set_kind(kind)
        assert widget.chart.empty_message() is not None


def test_new_data_redraws_the_chart(qtbot, window, services):
    widget = window.show_tab("insights")
    qtbot.waitUntil(lambda: widget.chart is not None)
    assert widget.chart.empty_message() is not None
    ids = fill_journal(services)
    widget.ctx.notify("meetings")
    assert widget.chart.empty_message() is None
    assert set(widget.relationship_filter.item_actions) == {ids["ana"], ids["bo"], ids["cy"]}
