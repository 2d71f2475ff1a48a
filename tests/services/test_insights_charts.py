"""The four charts drawn from what the insights service reads out of a hand-filled database.

Assertions are on the figures' data (bar sizes, line points, labels), not on pixels.
The journal is described in tests/services/test_insights.py.
"""

from __future__ import annotations

from datetime import date

import matplotlib.dates as mdates
import pytest

from mentordesk.charts import adherence, focus, meetings, progress
from mentordesk.charts.figures import chart_figure, chart_table
from mentordesk.services.insights_types import InsightsFilter, Period
from tests.services.test_insights import THIS_YEAR, fill_journal


@pytest.fixture
def journal(services):
    return fill_journal(services)


def figure(services, kind: str, flt: InsightsFilter | None = None, theme: str = "light"):
    flt = flt or InsightsFilter(THIS_YEAR)
    data = services.insights.chart_data(kind, flt)
    return chart_figure(
        kind, data, theme=theme, start=flt.period.start, end=flt.period.end, today=date(2026, 6, 15)
    )


def meeting_heights(ax) -> list[list[float]]:
    """Each person's bar heights, month by month (one collection of rectangles per person)."""
    return [
        [float(p.vertices[1][1] - p.vertices[0][1]) for p in c.get_paths()]
        for c in ax.collections
        if c.get_gid() == meetings.GID_BAR
    ]


def legend_texts(fig) -> list[str]:
    (legend,) = [a for a in fig.axes[0].artists if a.get_gid() == meetings.GID_LEGEND]
    return [t.get_text() for t in legend.get_texts()]


def test_meetings_chart_stacks_the_months_by_person(services, journal):
    fig = figure(services, "meetings")
    ax = fig.axes[0]
    assert meeting_heights(ax) == [
        [1, 1, 0, 1, 0, 1],  # Ana Ruiz, at the bottom
        [0, 0, 2, 1, 1, 0],  # Bo Chen
        [1, 0, 1, 0, 0, 0],  # Cy Dale
    ]
    totals = [t.get_text() for t in ax.texts if t.get_gid() == meetings.GID_TOTAL]
    assert totals == ["2", "1", "3", "2", "1", "1"]
    [target] = [line for line in ax.get_lines() if line.get_gid() == meetings.GID_TARGET]
    assert list(target.get_ydata()) == [3.19, 3.19]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Jan\n2026", "Feb", "Mar", "Apr", "May", "Jun"]
    assert legend_texts(fig) == [
        "Cy Dale",
        "Bo Chen",
        "Ana Ruiz",
        "Agreed: 3.2 per month",
    ]


def test_meetings_chart_for_one_relationship(services, journal):
    fig = figure(services, "meetings", InsightsFilter(THIS_YEAR, relationship_ids=(journal["cy"],)))
    ax = fig.axes[0]
    assert meeting_heights(ax) == [[1, 0, 1, 0, 0, 0]]
    assert legend_texts(fig) == ["Cy Dale"]  # paused: no agreed target


def test_adherence_chart_bars_and_gaps(services, journal):
    fig = figure(services, "adherence")
    ax = fig.axes[0]
    shares = [round(p.get_width(), 2) for p in ax.patches if p.get_gid() == adherence.GID_SHARE]
    assert shares == [66.67, 50.0, 66.67]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Ana Ruiz", "Bo Chen", "Cy Dale"]
    assert [t.get_text() for t in ax.texts if t.get_gid() == adherence.GID_PERCENT] == ["67%", "50%", "67%"]
    assert [t.get_text() for t in ax.texts if t.get_gid() == adherence.GID_GAP] == [
        "Longest gap 67 days",
        "Longest gap 46 days",
        "Longest gap 64 days",
    ]
    assert [t.get_text() for t in ax.texts if t.get_gid() == adherence.GID_DETAIL] == [
        "4 of 6 periods, monthly",
        "4 of 8 periods, every 2 weeks",
        "2 of 3 periods, monthly",
    ]


def test_focus_chart_meetings_and_hours(services, journal):
    fig = figure(services, "focus")
    left, right = fig.axes
    assert [p.get_width() for p in left.patches if p.get_gid() == focus.GID_MEETINGS] == [4.0, 4.0, 4.0]
    assert [p.get_width() for p in right.patches if p.get_gid() == focus.GID_HOURS] == [4.5, 4.5, 2.0]
    assert [t.get_text() for t in left.get_yticklabels()] == [
        "Career guidance",
        "Skill development",
        "Networking",
    ]
    assert [t.get_text() for t in right.texts] == ["4.5", "4.5", "2"]
    assert fig.get_supxlabel() == focus.NOTE


def test_progress_chart_lines_milestones_and_targets(services, journal):
    fig = figure(services, "progress")
    ax = fig.axes[0]
    lines = [line for line in ax.get_lines() if line.get_gid() == progress.GID_GOAL]
    assert [line.get_label() for line in lines] == ["Give a talk", "Meet product people"]
    assert list(lines[0].get_ydata()) == [10.0, 40.0, 60.0]
    assert [mdates.num2date(x).date() for x in lines[0].get_xdata()] == [
        date(2026, 1, 31),
        date(2026, 3, 15),
        date(2026, 5, 20),
    ]
    assert list(lines[1].get_ydata()) == [5.0, 20.0]
    [done] = [line for line in ax.get_lines() if line.get_gid() == progress.GID_MILESTONE_DONE]
    # Reached on 10 Feb, drawn on the line at the value that held then.
    assert [mdates.num2date(x).date() for x in done.get_xdata()] == [date(2026, 2, 10)]
    assert list(done.get_ydata()) == [10.0]
    targets = [line for line in ax.get_lines() if line.get_gid() == progress.GID_TARGET]
    assert [mdates.num2date(line.get_xdata()[0]).date() for line in targets] == [
        date(2026, 9, 30),
        date(2026, 12, 31),
    ]
    # The period runs to today, so the x axis stays open to show the targets ahead.
    assert mdates.num2date(ax.get_xlim()[0]).date() == date(2026, 1, 1)
    assert mdates.num2date(ax.get_xlim()[1]).date() > date(2026, 12, 31)


def test_progress_chart_for_one_goal_in_a_closed_period(services, journal):
    flt = InsightsFilter(Period(date(2026, 3, 1), date(2026, 4, 30)), goal_ids=(journal["product"],))
    fig = figure(services, "progress", flt)
    ax = fig.axes[0]
    [line] = [line for line in ax.get_lines() if line.get_gid() == progress.GID_GOAL]
    assert line.get_label() == "Meet product people"
    assert list(line.get_ydata()) == [5.0]  # the value that held on 1 Mar
    assert mdates.num2date(ax.get_xlim()[1]).date() == date(2026, 4, 30)


def test_dark_theme_and_empty_states(services, journal):
    from mentordesk.charts.style import DARK, empty_message

    fig = figure(services, "meetings", theme="dark")
    assert fig.get_facecolor()[:3] == pytest.approx(
        tuple(int(DARK.figure_bg[i : i + 2], 16) / 255 for i in (1, 3, 5))
    )
    quiet = InsightsFilter(Period(date(2026, 5, 1), date(2026, 5, 20)), (journal["ana"],))
    assert empty_message(figure(services, "meetings", quiet)) == "No meetings in this period"
    assert empty_message(figure(services, "focus", quiet)) == "No meetings with a focus area in this period"


def test_chart_data_as_csv_rows(services, journal):
    data = services.insights.meeting_frequency(InsightsFilter(THIS_YEAR))
    table = chart_table("meetings", data)
    assert table[0] == ["Month", "Ana Ruiz", "Bo Chen", "Cy Dale", "Total", "Agreed per month"]
    assert table[3] == ["2026-03", 0, 2, 1, 3, 3.19]
    rows = chart_table("adherence", services.insights.adherence(InsightsFilter(THIS_YEAR)))
    assert rows[2] == ["Bo Chen", "every 2 weeks", 14, 8, 4, 50.0, 46]
