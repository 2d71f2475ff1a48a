"""Cadence adherence: per relationship, the share of agreed cadence periods with a held meeting."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mentordesk.charts import style
from mentordesk.charts._mpl import ensure_matplotlib
from mentordesk.domain.series import AdherenceRow
from mentordesk.domain.text import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from matplotlib.figure import Figure

TITLE = QT_TRANSLATE_NOOP("Charts", "Agreed meeting cadence kept")
X_LABEL = QT_TRANSLATE_NOOP("Charts", "Cadence periods with a held meeting (%)")
EMPTY_MESSAGE = QT_TRANSLATE_NOOP("Charts", "No relationships with an agreed cadence in this period")
NAME_CHARS = 28

GID_SHARE = "share"
GID_TRACK = "track"
GID_PERCENT = "percent"
GID_GAP = "gap"
GID_DETAIL = "detail"
DETAIL_ROWS = 8


def cadence_text(days: int) -> str:
    """An agreed cadence in words: "weekly", "every 2 weeks", "monthly", "every 10 days"."""
    if days == 1:
        return translate("Charts", "daily")
    if days == 7:
        return translate("Charts", "weekly")
    if days % 7 == 0 and days < 28:
        return translate("Charts", "every {weeks} weeks").format(weeks=days // 7)
    if 28 <= days <= 31:
        return translate("Charts", "monthly")
    if 56 <= days <= 62:
        return translate("Charts", "every 2 months")
    if 84 <= days <= 92:
        return translate("Charts", "quarterly")
    return translate("Charts", "every {days} days").format(days=days)


def gap_text(days: int) -> str:
    """The longest-gap annotation, e.g. "Longest gap 45 days"."""
    if days == 1:
        return translate("Charts", "Longest gap 1 day")
    return translate("Charts", "Longest gap {days} days").format(days=days)


def periods_text(row: AdherenceRow) -> str:
    """The detail line under the gap, e.g. "7 of 9 periods, every 2 weeks"."""
    cadence = cadence_text(row.cadence_days)
    if row.periods <= 0:
        return translate("Charts", "agreed {cadence}").format(cadence=cadence)
    if row.periods == 1:
        return translate("Charts", "{met} of 1 period, {cadence}").format(
            met=row.periods_met, cadence=cadence
        )
    return translate("Charts", "{met} of {periods} periods, {cadence}").format(
        met=row.periods_met, periods=row.periods, cadence=cadence
    )


def adherence_size(rows: Sequence[AdherenceRow]) -> tuple[float, float]:
    """Natural figure size in inches for ``rows``: taller with more relationships."""
    return (style.DEFAULT_FIGSIZE[0], min(9.0, max(3.2, 1.4 + 0.55 * len(rows))))


def adherence_figure(rows: Sequence[AdherenceRow], *, theme: str = "light") -> Figure:
    """Cadence adherence per relationship (see :func:`draw_adherence`)."""
    ensure_matplotlib()
    th = style.get_theme(theme)
    rows = list(rows)
    fig = style.new_figure(th, adherence_size(rows) if rows else style.DEFAULT_FIGSIZE)
    draw_adherence(fig, rows, th)
    return fig


def draw_adherence(fig: style.FigureLike, rows: Sequence[AdherenceRow], th: style.Theme) -> None:
    """Draw one horizontal bar per relationship: percent of cadence periods with a held meeting.

    Rows are drawn top to bottom in the given order. Each bar is labelled with its
    percentage; the column on the right gives the longest gap between held meetings in
    days and, for up to :data:`DETAIL_ROWS` rows, the periods met and the agreed cadence.
    """
    rows = list(rows)
    if not rows:
        style.draw_empty(fig, th, translate("Charts", TITLE), translate("Charts", EMPTY_MESSAGE))
        return

    ax = fig.add_subplot()
    style.style_axes(ax, th, grid_axis="x")

    positions = list(range(len(rows)))
    # With many rows a second line per row would collide at small export sizes.
    detailed = len(rows) <= DETAIL_ROWS
    shares = [row.share * 100.0 for row in rows]
    track = ax.barh(positions, [100.0] * len(rows), height=0.62, color=th.track, linewidth=0, zorder=1)
    for patch in track.patches:
        patch.set_gid(GID_TRACK)
    bars = ax.barh(positions, shares, height=0.62, color=style.series_color(th, 0), linewidth=0, zorder=2)
    for patch in bars.patches:
        patch.set_gid(GID_SHARE)

    for y, row, share in zip(positions, rows, shares, strict=True):
        label = f"{share:.0f}%" if row.periods > 0 else translate("Charts", "no full period yet")
        inside = share >= 18.0
        ax.text(
            share - 1.5 if inside else share + 1.5,
            y,
            label,
            ha="right" if inside else "left",
            va="center",
            gid=GID_PERCENT,
            zorder=3,
            **style.text_kw(
                th,
                size=style.TICK_SIZE,
                color="#FFFFFF" if inside and th.name == "light" else (th.axes_bg if inside else th.text),
                fontweight="bold",
            ),
        )
        ax.text(
            1.02,
            y,
            gap_text(row.longest_gap_days),
            transform=ax.get_yaxis_transform(),
            ha="left",
            va="bottom" if detailed else "center",
            gid=GID_GAP,
            **style.text_kw(th, size=style.TICK_SIZE),
        )
        if detailed:
            ax.text(
                1.02,
                y,
                periods_text(row),
                transform=ax.get_yaxis_transform(),
                ha="left",
                va="top",
                gid=GID_DETAIL,
                **style.text_kw(th, size=style.NOTE_SIZE, color=th.muted),
            )

    style.set_category_ticks(ax, "y", positions, [style.user_text(row.name, NAME_CHARS) for row in rows])
    ax.tick_params(axis="y", length=0)
    ax.set_ylim(len(rows) - 0.4, -0.6)
    ax.set_xlim(0, 100)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.spines["left"].set_visible(False)
    style.set_axis_labels(ax, th, x=translate("Charts", X_LABEL))
    style.set_title(ax, translate("Charts", TITLE), th)
