"""Goal progress over time: one stepped line per goal, with milestones, target dates and today."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from mentordesk.charts import style
from mentordesk.charts._mpl import ensure_matplotlib
from mentordesk.domain.series import GoalProgressSeries
from mentordesk.domain.text import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from matplotlib.figure import Figure

TITLE = QT_TRANSLATE_NOOP("Charts", "Goal progress")
Y_LABEL = QT_TRANSLATE_NOOP("Charts", "Progress (%)")
EMPTY_MESSAGE = QT_TRANSLATE_NOOP("Charts", "No goal progress recorded in this period")
LEGEND_TITLE_CHARS = 40

# Artist ids, so tests and callers can tell the lines of a progress chart apart.
GID_GOAL = "goal"
GID_MILESTONE_DONE = "milestone-done"
GID_MILESTONE_OPEN = "milestone-open"
GID_TARGET = "target"
GID_TODAY = "today"
GID_HOLD = "hold"


def _x_range(series: Sequence[GoalProgressSeries], today: date) -> tuple[date, date] | None:
    days: list[date] = []
    for goal in series:
        days.extend(day for day, _ in goal.points)
        days.extend(m.when for m in goal.milestones if m.when is not None)
        if goal.start is not None:
            days.append(goal.start)
    if not days:
        return None
    first, last = min(days), max(days)
    targets = [goal.target for goal in series if goal.target is not None]
    last = max([last, today, *targets]) if today >= first else max([last, *targets])
    return first, last


def _pad_range(start: date, end: date) -> tuple[date, date]:
    """Widen a range a little so markers on the edges are not cut in half."""
    span = max((end - start).days, 28)
    pad = timedelta(days=max(3, round(span * 0.02)))
    return start - pad, end + pad


def progress_figure(
    series: Sequence[GoalProgressSeries],
    *,
    start: date | None = None,
    end: date | None = None,
    theme: str = "light",
    today: date | None = None,
) -> Figure:
    """Progress of each goal over time (see :func:`draw_progress`)."""
    ensure_matplotlib()
    th = style.get_theme(theme)
    fig = style.new_figure(th)
    draw_progress(fig, series, th, start=start, end=end, today=today)
    return fig


def draw_progress(
    fig: style.FigureLike,
    series: Sequence[GoalProgressSeries],
    th: style.Theme,
    *,
    start: date | None = None,
    end: date | None = None,
    today: date | None = None,
) -> None:
    """Draw the goal progress chart into ``fig``.

    Each goal is a stepped line through its recorded progress (the value holds until the
    next update), in percent. Milestones sit on the goal's line at their completion date
    (filled) or due date (hollow); the goal's target date is a dashed vertical line in
    the goal's colour; a dotted line marks ``today`` (default: the current date). A faint
    continuation carries the last recorded value on to today. The x range is
    ``start``..``end`` when given, otherwise it covers all the data; the legend explains
    only the marks that fall inside it.
    """
    today = today or date.today()
    drawable = [goal for goal in series if goal.points]
    if not drawable:
        style.draw_empty(fig, th, translate("Charts", TITLE), translate("Charts", EMPTY_MESSAGE))
        return

    import matplotlib.dates as mdates
    from matplotlib.lines import Line2D

    data_range = _x_range(drawable, today)
    assert data_range is not None
    first, last = data_range
    x_start, x_end = _pad_range(first, last)
    if start is not None:
        x_start = start
    if end is not None:
        x_end = end
    if x_end <= x_start:
        x_end = x_start + timedelta(days=1)

    ax = fig.add_subplot()
    style.style_axes(ax, th, grid_axis="y")

    handles: list[Any] = []
    labels: list[str] = []
    any_done = any_open = any_target = False
    for index, goal in enumerate(drawable):
        colour = style.series_color(th, index)
        (line,) = ax.plot(
            [mdates.date2num(day) for day, _ in goal.points],
            [value for _, value in goal.points],
            drawstyle="steps-post",
            color=colour,
            linestyle=style.series_line_style(th, index),
            linewidth=2.0,
            marker="o",
            markersize=3.5,
            label=goal.title,
            gid=GID_GOAL,
            zorder=3,
        )
        handles.append(line)
        labels.append(style.user_text(goal.title, LEGEND_TITLE_CHARS))
        last_day, last_value = goal.points[-1]
        hold_until = min(today, x_end)
        if last_day < hold_until:
            # The last recorded value still holds: a faint continuation up to today.
            ax.plot(
                [mdates.date2num(last_day), mdates.date2num(hold_until)], [last_value, last_value],
                color=colour, linestyle=style.series_line_style(th, index), linewidth=2.0, alpha=0.35,
                gid=GID_HOLD, zorder=3,
            )  # fmt: skip

        done_x: list[float] = []
        done_y: list[float] = []
        open_x: list[float] = []
        open_y: list[float] = []
        for milestone in goal.milestones:
            when = milestone.when
            if when is None:
                continue
            value = goal.value_on(when)
            y = value if value is not None else 0.0
            visible = x_start <= when <= x_end
            if milestone.done:
                any_done = any_done or visible
                done_x.append(mdates.date2num(when))
                done_y.append(y)
            else:
                any_open = any_open or visible
                open_x.append(mdates.date2num(when))
                open_y.append(y)
        if done_x:
            ax.plot(
                done_x, done_y, linestyle="none", marker="D", markersize=7.5, color=colour,
                markeredgecolor=th.axes_bg, markeredgewidth=1.0, gid=GID_MILESTONE_DONE, zorder=5,
            )  # fmt: skip
        if open_x:
            ax.plot(
                open_x, open_y, linestyle="none", marker="D", markersize=7.0, markerfacecolor=th.axes_bg,
                markeredgecolor=colour, markeredgewidth=1.6, gid=GID_MILESTONE_OPEN, zorder=5,
            )  # fmt: skip
        if goal.target is not None:
            any_target = any_target or x_start <= goal.target <= x_end
            ax.axvline(
                mdates.date2num(goal.target), color=colour, linestyle=(0, (5, 3)), linewidth=1.3,
                alpha=0.9, gid=GID_TARGET, zorder=2,
            )  # fmt: skip

    if x_start <= today <= x_end:
        ax.axvline(
            mdates.date2num(today), color=th.today, linestyle=":", linewidth=1.4, gid=GID_TODAY, zorder=2
        )
        ax.text(
            mdates.date2num(today),
            1.0,
            translate("Charts", "Today"),
            transform=ax.get_xaxis_transform(),
            ha="center",
            va="bottom",
            **style.text_kw(th, size=style.NOTE_SIZE, color=th.muted),
        )

    style.format_month_axis(ax, x_start, x_end)
    ax.set_ylim(-4, 106)
    ax.set_yticks([0, 25, 50, 75, 100])
    style.set_axis_labels(ax, th, y=translate("Charts", Y_LABEL))
    style.set_title(ax, translate("Charts", TITLE), th, pad=16.0)

    key_colour = th.muted
    if any_done:
        handles.append(Line2D([], [], linestyle="none", marker="D", markersize=7, color=key_colour))
        labels.append(translate("Charts", "Milestone reached"))
    if any_open:
        handles.append(
            Line2D([], [], linestyle="none", marker="D", markersize=7, markerfacecolor=th.axes_bg,
                   markeredgecolor=key_colour, markeredgewidth=1.6)
        )  # fmt: skip
        labels.append(translate("Charts", "Milestone open"))
    if any_target:
        handles.append(Line2D([], [], color=key_colour, linestyle=(0, (5, 3)), linewidth=1.3))
        labels.append(translate("Charts", "Target date"))
    style.add_legend(
        fig,
        handles,
        labels,
        th,
        loc="outside lower center",
        ncols=style.legend_columns(labels),
    )
