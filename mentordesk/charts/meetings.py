"""Meetings held per month: bars stacked by relationship, with the agreed target as a line."""

from __future__ import annotations

import math
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from mentordesk.charts import style
from mentordesk.charts._mpl import ensure_matplotlib
from mentordesk.domain.series import MeetingFrequency
from mentordesk.domain.text import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from matplotlib.figure import Figure

TITLE = QT_TRANSLATE_NOOP("Charts", "Meetings held per month")
Y_LABEL = QT_TRANSLATE_NOOP("Charts", "Meetings held")
EMPTY_MESSAGE = QT_TRANSLATE_NOOP("Charts", "No meetings in this period")
LEGEND_NAME_CHARS = 32
MAX_MONTH_LABELS = 12

GID_AXES = "meetings-axes"
GID_BAR = "meetings"
BAR_WIDTH = 0.72
# Above this many months the totals over the bars are left out (they would overlap).
MAX_TOTALS = 36
GID_TARGET = "target"
GID_TOTAL = "total"
GID_LEGEND = "meetings-legend"


def format_count(value: float) -> str:
    """A count for display: "4" for whole numbers, "4.5" otherwise."""
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def month_labels(months: tuple[date, ...], max_labels: int = MAX_MONTH_LABELS) -> list[str]:
    """Tick labels for monthly bars: every month, or every 2nd/3rd/6th month counted from January.

    Unlabelled months get "". The first label and every January also show the year, but for a
    first label next to a January: the two years would stand side by side under neighbouring
    bars (December's and January's), and January's says which December it was.
    """
    step = next((s for s in (1, 2, 3, 6) if math.ceil(len(months) / s) <= max_labels), 12)
    named = [i for i, month in enumerate(months) if (month.month - 1) % step == 0]
    labels = [""] * len(months)
    for n, i in enumerate(named):
        first = n == 0 and not (len(named) > 1 and months[named[1]].month == 1 and named[1] - i == 1)
        labels[i] = style.month_tick_label(months[i], first=first)
    return labels


def meetings_figure(freq: MeetingFrequency, *, theme: str = "light") -> Figure:
    """Meetings held per month (see :func:`draw_meetings`)."""
    ensure_matplotlib()
    th = style.get_theme(theme)
    fig = style.new_figure(th)
    draw_meetings(fig, freq, th)
    return fig


def draw_meetings(fig: style.FigureLike, freq: MeetingFrequency, th: style.Theme) -> None:
    """Draw meetings held in each month, stacked by relationship, with the total above each bar.

    The dashed horizontal line is ``freq.target_per_month``, the number of meetings per
    month the mentoring agreements ask for.
    """
    if not freq.months or not freq.by_relationship or freq.total == 0:
        style.draw_empty(fig, th, translate("Charts", TITLE), translate("Charts", EMPTY_MESSAGE))
        return

    ax = fig.add_subplot(gid=GID_AXES)
    style.style_axes(ax, th, grid_axis="y")
    ax.tick_params(axis="x", length=0)  # the month names label the bars; kept by a redraw
    for spine in ax.spines.values():
        # Inside the reach of the tick labels beside them: measuring a spine for the layout
        # would only ask its axis for its ticks again, twice per draw.
        spine.set_in_layout(False)
    # The months need no axis label. Placing the (empty) label ourselves spares matplotlib
    # measuring every month name again to place it below them, at each layout pass and draw.
    ax.xaxis.set_label_coords(0.5, 0.0)
    style.set_axis_labels(ax, th, y=translate("Charts", Y_LABEL))
    style.set_title(ax, translate("Charts", TITLE), th)
    _draw_series(ax, freq, th)


def redraw_meetings(fig: style.FigureLike, freq: MeetingFrequency, th: style.Theme) -> bool:
    """Put ``freq`` into a meetings chart already drawn in ``fig`` by :func:`draw_meetings`,
    keeping its axes: the bars, totals, target line, month labels and legend are replaced, and
    the axes, their ticks, title and labels stay (creating them is most of a redraw's setup).
    The result is the picture :func:`draw_meetings` draws. Returns False, changing nothing,
    when ``fig`` holds no such chart or ``freq`` has nothing to show."""
    if not freq.months or not freq.by_relationship or freq.total == 0:
        return False
    if len(fig.axes) != 1 or fig.axes[0].get_gid() != GID_AXES:
        return False
    ax = fig.axes[0]
    for artist in [*ax.collections, *ax.texts, *ax.lines, *ax.artists]:
        if artist.get_gid() in (GID_BAR, GID_TOTAL, GID_TARGET, GID_LEGEND):
            artist.remove()
    _draw_series(ax, freq, th)
    return True


def _draw_series(ax: Any, freq: MeetingFrequency, th: style.Theme) -> None:
    """The bars, totals, target line, month labels and legend of the meetings chart."""
    import numpy as np
    from matplotlib.collections import PolyCollection
    from matplotlib.patches import Rectangle
    from matplotlib.ticker import MaxNLocator

    from mentordesk.charts.swatch_legend import SwatchLegend

    # One collection of rectangles per person (every month, empty ones too, so that a series'
    # n-th rectangle is the n-th month): a few artists to lay out and draw, not one per bar.
    # The corners go in as one array per person, which matplotlib turns into paths at once.
    positions = list(range(len(freq.months)))
    xs = np.arange(len(freq.months), dtype=float)
    bottoms = np.zeros(len(freq.months))
    handles: list[Any] = []
    labels: list[str] = []
    half = BAR_WIDTH / 2
    for index, (name, counts) in enumerate(freq.by_relationship):
        looks: dict[str, Any] = {
            "facecolor": style.series_color(th, index),
            "hatch": style.series_hatch(th, index) or None,
            "edgecolor": th.axes_bg,
            "linewidth": 0.6,
        }
        tops = bottoms + np.asarray(counts, dtype=float)
        rectangles = np.empty((len(xs), 4, 2))
        rectangles[:, 0:2, 0] = (xs - half)[:, None]  # lower left, upper left
        rectangles[:, 2:4, 0] = (xs + half)[:, None]  # upper right, lower right
        rectangles[:, (0, 3), 1] = bottoms[:, None]
        rectangles[:, (1, 2), 1] = tops[:, None]
        series = PolyCollection(cast(Any, rectangles), label=name, gid=GID_BAR, zorder=2, **looks)
        ax.add_collection(series, autolim=False)
        handles.append(Rectangle((0, 0), 1, 1, **looks))  # the legend's sample of the series
        labels.append(style.user_text(name, LEGEND_NAME_CHARS))
        bottoms = tops

    totals = freq.totals
    if len(positions) <= MAX_TOTALS:  # beyond, the numbers would touch; hovering a bar tells it
        # Plain texts 3 points above the bars (an offset transform, as an annotation would
        # place them, without an annotation's arrow and coordinate machinery at each draw).
        from matplotlib.transforms import offset_copy

        above = offset_copy(ax.transData, fig=ax.get_figure(root=True), y=3, units="points")
        box = {"boxstyle": "square,pad=0.1", "facecolor": th.axes_bg, "edgecolor": "none"}
        look = style.text_kw(th, size=style.NOTE_SIZE, color=th.muted)
        for x, total in zip(positions, totals, strict=True):
            if total:
                ax.text(
                    x,
                    total,
                    str(total),
                    transform=above,
                    ha="center",
                    va="bottom",
                    gid=GID_TOTAL,
                    zorder=4,
                    bbox=box,
                    **look,
                ).set_in_layout(False)  # inside the axes: nothing for the layout to make room for

    top = float(max(totals))
    target = freq.target_per_month
    if target is not None and target > 0:
        line = ax.axhline(
            target, color=th.reference, linestyle=(0, (5, 3)), linewidth=1.4, gid=GID_TARGET, zorder=3
        )
        handles.append(line)
        labels.append(
            translate("Charts", "Agreed: {count} per month").format(count=format_count(round(target, 1)))
        )
        top = max(top, target)
    ax.set_ylim(0, max(1.0, top) * 1.15 + 0.3)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=6))

    # Ticks only where a month is named: an unnamed tick draws nothing (length 0) but costs a
    # tick's artists to create, measure and draw (120 of them over ten years).
    named = [(x, label) for x, label in zip(positions, month_labels(freq.months), strict=True) if label]
    ax.set_xticks([x for x, _ in named], [label for _, label in named])
    ax.set_xlim(-0.6, len(positions) - 0.4)

    # Top of the stack first, so the legend reads in the same order as the bars.
    order = list(range(len(freq.by_relationship)))[::-1] + list(
        range(len(freq.by_relationship), len(handles))
    )
    legend = SwatchLegend(
        ax,
        [handles[i] for i in order],
        [labels[i] for i in order],
        prop=style.font(style.TICK_SIZE),
        color=th.text,
    )
    legend.set_gid(GID_LEGEND)
    ax.add_artist(legend)
