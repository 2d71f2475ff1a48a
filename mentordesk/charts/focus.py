"""Meetings and hours by focus area, as two side-by-side horizontal bar panels."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mentordesk.charts import style
from mentordesk.charts._mpl import ensure_matplotlib
from mentordesk.domain.series import FocusRow
from mentordesk.domain.text import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

TITLE = QT_TRANSLATE_NOOP("Charts", "Meetings and hours by focus area")
MEETINGS_LABEL = QT_TRANSLATE_NOOP("Charts", "Meetings held")
HOURS_LABEL = QT_TRANSLATE_NOOP("Charts", "Hours spent")
EMPTY_MESSAGE = QT_TRANSLATE_NOOP("Charts", "No meetings with a focus area in this period")
NOTE = QT_TRANSLATE_NOOP("Charts", "A meeting counts toward every focus area of its relationship.")
AREA_CHARS = 26

GID_MEETINGS = "meetings"
GID_HOURS = "hours"


def format_hours(hours: float) -> str:
    """Hours for display: "3" or "2.5"."""
    rounded = round(hours, 1)
    return f"{rounded:.0f}" if float(rounded).is_integer() else f"{rounded:.1f}"


def _panel(ax: Axes, values: list[float], labels: list[str], colour: str, gid: str, th: style.Theme) -> None:
    positions = list(range(len(values)))
    bars = ax.barh(positions, values, height=0.62, color=colour, linewidth=0, zorder=2)
    for patch in bars.patches:
        patch.set_gid(gid)
    top = max(values) if values else 0.0
    ax.set_xlim(0, max(1.0, top) * 1.18)
    for y, value, text in zip(positions, values, labels, strict=True):
        ax.text(
            value + max(1.0, top) * 0.015,
            y,
            text,
            ha="left",
            va="center",
            **style.text_kw(th, size=style.NOTE_SIZE, color=th.text),
        )


def _shown(rows: Sequence[FocusRow]) -> list[FocusRow]:
    """Areas with any meetings or hours, most meetings first."""
    shown = [row for row in rows if row.meetings > 0 or row.hours > 0]
    shown.sort(key=lambda row: (-row.meetings, -row.hours, row.area.casefold()))
    return shown


def focus_size(rows: Sequence[FocusRow]) -> tuple[float, float]:
    """Natural figure size in inches for ``rows``: taller with more focus areas."""
    count = len(_shown(rows))
    if not count:
        return style.DEFAULT_FIGSIZE
    return (style.DEFAULT_FIGSIZE[0], min(9.0, max(3.2, 1.6 + 0.5 * count)))


def focus_figure(rows: Sequence[FocusRow], *, theme: str = "light") -> Figure:
    """Meetings and hours by focus area (see :func:`draw_focus`)."""
    ensure_matplotlib()
    th = style.get_theme(theme)
    fig = style.new_figure(th, focus_size(rows))
    draw_focus(fig, rows, th)
    return fig


def draw_focus(fig: style.FigureLike, rows: Sequence[FocusRow], th: style.Theme) -> None:
    """Draw meetings held (left panel) and hours spent (right panel) per focus area, most meetings first.

    A meeting counts toward every focus area of its relationship (a note under the panels says
    so), so the areas can add up to more meetings than were held.
    """
    rows = _shown(rows)
    if not rows:
        style.draw_empty(fig, th, translate("Charts", TITLE), translate("Charts", EMPTY_MESSAGE))
        return

    from matplotlib.ticker import MaxNLocator

    ax_meetings, ax_hours = fig.subplots(1, 2, sharey=True)
    for ax in (ax_meetings, ax_hours):
        style.style_axes(ax, th, grid_axis="x")
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="y", length=0)

    meetings = [float(row.meetings) for row in rows]
    hours = [float(row.hours) for row in rows]
    _panel(
        ax_meetings,
        meetings,
        [str(row.meetings) for row in rows],
        style.series_color(th, 0),
        GID_MEETINGS,
        th,
    )
    _panel(
        ax_hours, hours, [format_hours(row.hours) for row in rows], style.series_color(th, 1), GID_HOURS, th
    )
    ax_meetings.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=5))
    ax_hours.xaxis.set_major_locator(MaxNLocator(nbins=5))

    positions = list(range(len(rows)))
    style.set_category_ticks(
        ax_meetings, "y", positions, [style.user_text(row.area, AREA_CHARS) for row in rows]
    )
    ax_hours.tick_params(axis="y", labelleft=False)
    ax_meetings.set_ylim(len(rows) - 0.4, -0.6)

    ax_meetings.set_title(
        translate("Charts", MEETINGS_LABEL),
        loc="left",
        **style.text_kw(th, size=style.LABEL_SIZE, fontweight="bold"),
    )
    ax_hours.set_title(
        translate("Charts", HOURS_LABEL),
        loc="left",
        **style.text_kw(th, size=style.LABEL_SIZE, fontweight="bold"),
    )
    style.set_suptitle(fig, translate("Charts", TITLE), th)
    fig.supxlabel(
        translate("Charts", NOTE),
        x=0.01,
        ha="left",
        **style.text_kw(th, size=style.NOTE_SIZE, color=th.muted),
    )
