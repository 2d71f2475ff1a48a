"""Goal progress chart: asserted on the figure's artists, with hand-written expectations."""

from __future__ import annotations

from datetime import date

import matplotlib.dates as mdates
import pytest
from matplotlib.colors import same_color
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from mentordesk.charts import progress, style
from mentordesk.charts.progress import progress_figure
from mentordesk.domain.series import GoalProgressSeries, MilestoneMark

SAVE = GoalProgressSeries(
    "Save $5k",
    points=((date(2025, 1, 10), 0.0), (date(2025, 2, 15), 40.0), (date(2025, 4, 1), 75.0)),
    milestones=(
        MilestoneMark("Open account", due=date(2025, 1, 20), done_on=date(2025, 2, 1)),
        MilestoneMark("Half way", due=date(2025, 5, 1)),
        MilestoneMark("Someday"),
    ),
    target=date(2025, 6, 30),
    start=date(2025, 1, 10),
)
MATH = GoalProgressSeries("a_b^c $x$", points=((date(2025, 3, 1), 10.0), (date(2025, 3, 20), 20.0)))
START, END, TODAY = date(2025, 1, 1), date(2025, 6, 30), date(2025, 4, 15)


def num(day: date) -> float:
    return float(mdates.date2num(day))


def lines(fig: Figure, gid: str) -> list[Line2D]:
    return [line for line in fig.axes[0].get_lines() if line.get_gid() == gid]


@pytest.fixture
def fig() -> Figure:
    return progress_figure([SAVE, MATH], start=START, end=END, today=TODAY)


def test_one_stepped_line_per_goal_with_its_history(fig: Figure) -> None:
    goals = lines(fig, progress.GID_GOAL)
    assert [line.get_label() for line in goals] == ["Save $5k", "a_b^c $x$"]
    assert list(goals[0].get_xdata()) == [
        num(date(2025, 1, 10)),
        num(date(2025, 2, 15)),
        num(date(2025, 4, 1)),
    ]
    assert list(goals[0].get_ydata()) == [0.0, 40.0, 75.0]
    assert list(goals[1].get_xdata()) == [num(date(2025, 3, 1)), num(date(2025, 3, 20))]
    assert list(goals[1].get_ydata()) == [10.0, 20.0]
    assert all(line.get_drawstyle() == "steps-post" for line in goals)
    assert not same_color(goals[0].get_color(), goals[1].get_color())


def test_milestones_sit_on_the_goal_line_filled_when_done(fig: Figure) -> None:
    (done,) = lines(fig, progress.GID_MILESTONE_DONE)
    (open_,) = lines(fig, progress.GID_MILESTONE_OPEN)
    goal_colour = lines(fig, progress.GID_GOAL)[0].get_color()
    # Reached on 1 Feb, when the goal still stood at 0 %; due on 1 May, when it stood at 75 %.
    assert list(done.get_xdata()) == [num(date(2025, 2, 1))]
    assert list(done.get_ydata()) == [0.0]
    assert same_color(done.get_markerfacecolor(), goal_colour)
    assert list(open_.get_xdata()) == [num(date(2025, 5, 1))]
    assert list(open_.get_ydata()) == [75.0]
    assert same_color(open_.get_markerfacecolor(), style.LIGHT.axes_bg)
    assert same_color(open_.get_markeredgecolor(), goal_colour)


def test_target_date_and_today_are_vertical_lines(fig: Figure) -> None:
    (target,) = lines(fig, progress.GID_TARGET)
    assert list(target.get_xdata()) == [num(date(2025, 6, 30))] * 2
    assert same_color(target.get_color(), lines(fig, progress.GID_GOAL)[0].get_color())
    (today,) = lines(fig, progress.GID_TODAY)
    assert list(today.get_xdata()) == [num(TODAY)] * 2
    assert "Today" in [text.get_text() for text in fig.axes[0].texts]


def test_axes_titles_range_and_legend(fig: Figure) -> None:
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == "Goal progress"
    assert ax.get_ylabel() == "Progress (%)"
    assert ax.get_xlim() == (num(START), num(END))
    assert list(ax.get_yticks()) == [0, 25, 50, 75, 100]
    (legend,) = fig.legends
    labels = [text.get_text() for text in legend.get_texts()]
    assert labels == ["Save $5k", "a_b^c $x$", "Milestone reached", "Milestone open", "Target date"]


def test_month_tick_labels_use_month_names(fig: Figure) -> None:
    fig.canvas.draw()
    labels = [label.get_text() for label in fig.axes[0].get_xticklabels() if label.get_text()]
    assert labels == ["Jan\n2025", "Feb", "Mar", "Apr", "May", "Jun"]


def test_user_text_is_never_mathtext(fig: Figure) -> None:
    (legend,) = fig.legends
    texts = {text.get_text(): text for text in legend.get_texts()}
    for title in ("Save $5k", "a_b^c $x$"):
        assert texts[title].get_parse_math() is False
    fig.canvas.draw()


def test_invalid_mathtext_in_a_title_still_draws() -> None:
    goal = GoalProgressSeries(r"Budget $\notacommand{$ review", ((date(2025, 1, 1), 5.0),))
    fig = progress_figure([goal], today=date(2025, 2, 1))
    fig.canvas.draw()
    assert [t.get_text() for t in fig.legends[0].get_texts()] == [r"Budget $\notacommand{$ review"]


def test_long_titles_are_shortened_in_the_legend() -> None:
    goal = GoalProgressSeries("x" * 80, ((date(2025, 1, 1), 5.0),))
    label = progress_figure([goal], today=date(2025, 2, 1)).legends[0].get_texts()[0].get_text()
    assert label == "x" * (progress.LEGEND_TITLE_CHARS - 1) + "\u2026"


def test_range_defaults_to_the_data_and_today() -> None:
    fig = progress_figure([MATH], today=date(2025, 5, 1))
    low, high = fig.axes[0].get_xlim()
    assert low < num(date(2025, 3, 1)) and high > num(date(2025, 5, 1))


@pytest.mark.parametrize("series", [[], [GoalProgressSeries("No updates yet", (), target=date(2025, 5, 1))]])
def test_empty_state_message(series: list[GoalProgressSeries]) -> None:
    fig = progress_figure(series)
    assert style.empty_message(fig) == "No goal progress recorded in this period"
    assert fig.axes[0].get_title(loc="left") == "Goal progress"
    fig.canvas.draw()


def test_dark_theme_colours_the_figure() -> None:
    fig = progress_figure([SAVE], theme="dark", today=TODAY)
    assert same_color(fig.get_facecolor(), style.DARK.figure_bg)
    assert same_color(fig.axes[0].get_facecolor(), style.DARK.axes_bg)
    (title,) = [text for text in style.figure_texts(fig) if text.get_text() == "Goal progress"]
    assert same_color(title.get_color(), style.DARK.text)
    assert same_color(lines(fig, progress.GID_GOAL)[0].get_color(), style.DARK.palette[0])
    fig.canvas.draw()


def test_last_value_holds_until_today(fig: Figure) -> None:
    holds = lines(fig, progress.GID_HOLD)
    assert [list(line.get_xdata()) for line in holds] == [
        [num(date(2025, 4, 1)), num(TODAY)],
        [num(date(2025, 3, 20)), num(TODAY)],
    ]
    assert [list(line.get_ydata()) for line in holds] == [[75.0, 75.0], [20.0, 20.0]]


def test_legend_explains_only_marks_inside_the_range() -> None:
    fig = progress_figure([SAVE], start=date(2025, 1, 1), end=date(2025, 3, 31), today=TODAY)
    # The reached milestone (1 Feb) is inside; the open one (1 May) and the target (30 Jun) are not.
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["Save $5k", "Milestone reached"]
    # The last update (1 Apr) is after the range: nothing to carry forward inside it.
    assert lines(fig, progress.GID_HOLD) == []


def test_short_ranges_get_day_ticks() -> None:
    goal = GoalProgressSeries("Sprint goal", ((date(2025, 5, 5), 30.0),))
    fig = progress_figure([goal], start=date(2025, 5, 1), end=date(2025, 6, 1), today=date(2025, 5, 20))
    fig.canvas.draw()
    labels = [label.get_text() for label in fig.axes[0].get_xticklabels() if label.get_text()]
    assert labels == ["5 May\n2025", "12 May", "19 May", "26 May"]
