"""Themes, text helpers and the matplotlib set-up."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from mentordesk.charts import _mpl, style
from mentordesk.services.errors import ValidationError


def test_themes_by_name() -> None:
    assert style.get_theme("light") is style.LIGHT
    assert style.get_theme(" Dark ") is style.DARK
    with pytest.raises(ValidationError, match="sepia"):
        style.get_theme("sepia")


def test_palette_is_okabe_ito_and_repeats_with_new_line_style() -> None:
    okabe_ito = set(style.OKABE_ITO.values())
    for theme in (style.LIGHT, style.DARK):
        assert len(set(theme.palette)) == 8
        assert len(okabe_ito & set(theme.palette)) >= 6
        assert style.series_color(theme, 8) == style.series_color(theme, 0)
        assert style.series_line_style(theme, 0) == "-"
        assert style.series_line_style(theme, 8) != "-"
        assert style.series_hatch(theme, 0) == ""
        assert style.series_hatch(theme, 8) != ""


def test_user_text_collapses_whitespace_and_truncates() -> None:
    assert style.user_text("  Save\n $5k  ") == "Save $5k"
    assert style.user_text("abcdefghij", 6) == "abcde\u2026"
    assert style.user_text("short", 6) == "short"


def test_dates_use_month_names() -> None:
    assert style.date_text(date(2025, 3, 4)) == "4 Mar 2025"
    assert style.date_text(None) == "\u2014"
    assert style.period_text(date(2025, 1, 1), date(2025, 6, 30)) == "1 Jan 2025 \u2013 30 Jun 2025"
    assert style.month_tick_label(date(2025, 1, 1), first=False) == "Jan\n2025"
    assert style.month_tick_label(date(2025, 4, 1), first=False) == "Apr"
    assert style.month_tick_label(date(2025, 4, 1), first=True) == "Apr\n2025"


def test_month_step_keeps_ticks_readable() -> None:
    assert style.month_step(5) == 1
    assert style.month_step(17) == 2
    assert style.month_step(35) == 6
    assert style.month_step(100) == 12
    assert style.month_step(120) == 24


def test_legend_columns_fit_the_narrowest_export() -> None:
    assert style.legend_columns(["A", "B", "C", "D"]) == 3
    long = ["A goal title that is rather long, about forty c"] * 4
    assert style.legend_columns(long, max_width=6.0) == 1
    assert style.legend_columns([]) == 1


def test_text_width_grows_with_text() -> None:
    assert 0 < style.text_width("abc", 9) < style.text_width("abcdef", 9) < style.text_width("abcdef", 18)


def test_ensure_matplotlib_sets_a_private_cache_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import platformdirs

    calls: list[tuple[object, ...]] = []

    def fake_cache_dir(*args: object, **kwargs: object) -> str:
        calls.append((args, kwargs))
        return str(tmp_path / "cache")

    monkeypatch.delenv("MPLCONFIGDIR", raising=False)
    monkeypatch.setattr(platformdirs, "user_cache_dir", fake_cache_dir)
    _mpl.ensure_matplotlib()
    target = tmp_path / "cache" / "matplotlib"
    assert os.environ["MPLCONFIGDIR"] == str(target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o700
    assert calls == [(("MentorDesk",), {"appauthor": False})]


def test_ensure_matplotlib_keeps_an_existing_setting(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "mine"))
    _mpl.ensure_matplotlib()
    assert os.environ["MPLCONFIGDIR"] == str(tmp_path / "mine")
    assert not (tmp_path / "mine").exists()


def test_figures_get_an_agg_canvas_and_leave_rcparams_alone() -> None:
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    before = dict(matplotlib.rcParams)
    fig = style.new_figure(style.DARK)
    ax = fig.add_subplot()
    style.style_axes(ax, style.DARK)
    style.set_title(ax, "Title", style.DARK)
    fig.canvas.draw()
    assert isinstance(fig.canvas, FigureCanvasAgg)
    assert dict(matplotlib.rcParams) == before


def test_charts_import_neither_pyplot_nor_qt() -> None:
    code = (
        "import sys\n"
        "from datetime import date\n"
        "from mentordesk.domain.series import *\n"
        "from mentordesk.charts.progress import progress_figure\n"
        "from mentordesk.charts.meetings import meetings_figure\n"
        "from mentordesk.charts.adherence import adherence_figure\n"
        "from mentordesk.charts.focus import focus_figure\n"
        "from mentordesk.charts.export import figure_png_bytes\n"
        "from mentordesk.charts.report import report_pages\n"
        "g = GoalProgressSeries('G', ((date(2025, 1, 1), 10.0),))\n"
        "figs = [progress_figure([g]), meetings_figure(MeetingFrequency((date(2025, 1, 1),), (('A', (1,)),))),\n"
        "        adherence_figure([AdherenceRow('A', 2, 1, 20, 14)]), focus_figure([FocusRow('X', 1, 1.0)])]\n"
        "for f in figs: figure_png_bytes(f, 60)\n"
        "pages = list(report_pages(ReportData(date(2025, 1, 1), date(2025, 2, 1), date(2025, 2, 2), ReportSummary())))\n"
        "bad = [m for m in ('matplotlib.pyplot', 'PySide6', 'sqlalchemy') if m in sys.modules]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("weight", ["normal", "bold"])
def test_text_width_is_a_close_upper_bound_of_the_drawn_width(weight: str) -> None:
    from matplotlib.backends.backend_agg import RendererAgg

    renderer = RendererAgg(8, 8, 720)
    for text in (
        "opening twice. Follow up with the organisers",
        "Sofía Martínez, O'Brien & Co.",
        "1 Jan 2025",
    ):
        drawn = renderer.get_text_width_height_descent(text, style.font(8.5, weight), ismath=False)[0] / 10.0
        measured = style.text_width(text, 8.5, weight)
        assert drawn - 0.5 <= measured <= drawn * 1.05
