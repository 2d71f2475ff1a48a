"""Look and feel shared by the charts: palette, themes, fonts, text and date helpers.

Every setting is applied to the individual :class:`Figure` and its artists; the global
matplotlib rcParams are never changed, so the GUI and the exports can draw light and dark
figures side by side.

The series colours are the Okabe-Ito palette, which stays distinguishable for the common
forms of colour blindness (its black is a dark grey in the light theme and a light grey in
the dark theme). The order differs per theme so the first colours have good contrast
against the background; beyond eight series the colours repeat and the caller varies line
style or hatching.

User text (goal titles, names, notes) is always drawn with ``parse_math=False`` so a ``$``
never switches matplotlib into mathtext.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal, Union

from mentordesk.charts._mpl import ensure_matplotlib, new_canvas_figure
from mentordesk.domain.text import QT_TRANSLATE_NOOP, translate
from mentordesk.services.errors import ValidationError

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure
    from matplotlib.legend import Legend
    from matplotlib.text import Text

FigureLike = Union["Figure", "SubFigure"]
"""Where a chart is drawn: a whole figure, or a sub-figure (a page region of the PDF report)."""

FONT_FAMILY = "DejaVu Sans"
DEFAULT_FIGSIZE = (9.0, 5.0)

TITLE_SIZE = 13.0
LABEL_SIZE = 10.0
TICK_SIZE = 9.0
NOTE_SIZE = 8.5

# Short month names on axes and in dates; shown through month_name().
MONTH_NAMES = (
    QT_TRANSLATE_NOOP("Charts", "Jan"),
    QT_TRANSLATE_NOOP("Charts", "Feb"),
    QT_TRANSLATE_NOOP("Charts", "Mar"),
    QT_TRANSLATE_NOOP("Charts", "Apr"),
    QT_TRANSLATE_NOOP("Charts", "May"),
    QT_TRANSLATE_NOOP("Charts", "Jun"),
    QT_TRANSLATE_NOOP("Charts", "Jul"),
    QT_TRANSLATE_NOOP("Charts", "Aug"),
    QT_TRANSLATE_NOOP("Charts", "Sep"),
    QT_TRANSLATE_NOOP("Charts", "Oct"),
    QT_TRANSLATE_NOOP("Charts", "Nov"),
    QT_TRANSLATE_NOOP("Charts", "Dec"),
)

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}

LINE_STYLES = ("-", (0, (6, 2)), (0, (2, 1.5)), (0, (6, 2, 1.5, 2)))
HATCHES = ("", "///", "...", "xx")


@dataclass(frozen=True, slots=True)
class Theme:
    """Colours for one chart theme; all values are matplotlib colour strings."""

    name: str
    figure_bg: str
    axes_bg: str
    text: str
    muted: str
    grid: str
    spine: str
    palette: tuple[str, ...]
    reference: str
    today: str
    track: str


LIGHT = Theme(
    name="light",
    figure_bg="#FFFFFF",
    axes_bg="#FFFFFF",
    text="#1F2328",
    muted="#5A6270",
    grid="#E3E6EA",
    spine="#A7AEB8",
    palette=(
        OKABE_ITO["blue"],
        OKABE_ITO["orange"],
        OKABE_ITO["bluish_green"],
        OKABE_ITO["vermillion"],
        OKABE_ITO["reddish_purple"],
        OKABE_ITO["sky_blue"],
        "#3B3B3B",
        OKABE_ITO["yellow"],
    ),
    reference="#1F2328",
    today="#6E7781",
    track="#EEF0F3",
)

DARK = Theme(
    name="dark",
    figure_bg="#1E1F22",
    axes_bg="#1E1F22",
    text="#E6E8EB",
    muted="#A3AAB4",
    grid="#34373C",
    spine="#5C626B",
    palette=(
        OKABE_ITO["sky_blue"],
        OKABE_ITO["orange"],
        OKABE_ITO["bluish_green"],
        OKABE_ITO["yellow"],
        OKABE_ITO["reddish_purple"],
        OKABE_ITO["vermillion"],
        "#D9D9D9",
        OKABE_ITO["blue"],
    ),
    reference="#F2F3F5",
    today="#9AA1AB",
    track="#2A2C30",
)

THEMES: dict[str, Theme] = {"light": LIGHT, "dark": DARK}


def get_theme(name: str) -> Theme:
    """The theme called ``name`` ("light" or "dark", case-insensitive)."""
    theme = THEMES.get(name.strip().lower()) if isinstance(name, str) else None
    if theme is None:
        raise ValidationError(
            translate("Errors", "Unknown chart theme {name!r}; use one of: {options}.").format(
                name=name, options=", ".join(THEMES)
            ),
            field="theme",
        )
    return theme


def series_color(theme: Theme, index: int) -> str:
    """Colour of the ``index``-th series; repeats after the palette is used up."""
    return theme.palette[index % len(theme.palette)]


def series_line_style(theme: Theme, index: int) -> Any:
    """Line style of the ``index``-th series: solid until the colours start repeating."""
    return LINE_STYLES[(index // len(theme.palette)) % len(LINE_STYLES)]


def series_hatch(theme: Theme, index: int) -> str:
    """Bar hatching of the ``index``-th series: none until the colours start repeating."""
    return HATCHES[(index // len(theme.palette)) % len(HATCHES)]


# --------------------------------------------------------------------------- text


def user_text(text: str, max_chars: int | None = None) -> str:
    """User text made fit for a chart label: whitespace collapsed, cut with an ellipsis at ``max_chars``."""
    clean = " ".join(str(text).split())
    if max_chars is not None and len(clean) > max_chars:
        clean = clean[: max(1, max_chars - 1)].rstrip() + "\u2026"
    return clean


def text_kw(
    theme: Theme, *, size: float = LABEL_SIZE, color: str | None = None, **extra: Any
) -> dict[str, Any]:
    """Keyword arguments for a literal (never mathtext) text artist in this theme."""
    kw: dict[str, Any] = {
        "fontfamily": FONT_FAMILY,
        "fontsize": size,
        "color": color or theme.text,
        "parse_math": False,
    }
    kw.update(extra)
    return kw


def font(size: float = LABEL_SIZE, weight: str = "normal") -> Any:
    """A :class:`FontProperties` in the chart font."""
    from matplotlib.font_manager import FontProperties

    return FontProperties(family=FONT_FAMILY, size=size, weight=weight)


def set_title(ax: Axes, title: str, theme: Theme, *, pad: float = 10.0) -> Text:
    """Set a left-aligned, bold axes title.

    Placed at the top of the axes (``y=1``) rather than left for matplotlib to place: it would
    look for tick labels on top to clear, on every layout pass and draw, and there are none."""
    return ax.set_title(
        title, loc="left", pad=pad, y=1.0, **text_kw(theme, size=TITLE_SIZE, fontweight="bold")
    )


def set_suptitle(fig: FigureLike, title: str, theme: Theme) -> Text:
    """Set a left-aligned, bold figure title (for multi-panel charts)."""
    return fig.suptitle(title, x=0.01, ha="left", **text_kw(theme, size=TITLE_SIZE, fontweight="bold"))


def set_axis_labels(ax: Axes, theme: Theme, *, x: str | None = None, y: str | None = None) -> None:
    """Set the x and/or y axis labels in the theme."""
    if x is not None:
        ax.set_xlabel(x, **text_kw(theme, size=LABEL_SIZE))
    if y is not None:
        ax.set_ylabel(y, **text_kw(theme, size=LABEL_SIZE))


def add_legend(
    owner: Axes | FigureLike,
    handles: Sequence[Any],
    labels: Sequence[str],
    theme: Theme,
    **kw: Any,
) -> Legend:
    """A legend in the theme whose labels are drawn literally (no mathtext)."""
    options: dict[str, Any] = {
        "prop": font(TICK_SIZE),
        "frameon": False,
        "labelcolor": theme.text,
        "handlelength": 2.2,
    }
    options.update(kw)
    legend = owner.legend(list(handles), list(labels), **options)
    for text in legend.get_texts():
        text.set_parse_math(False)
    title = legend.get_title()
    title.set_parse_math(False)
    title.set_color(theme.muted)
    title.set_fontproperties(font(TICK_SIZE))
    return legend


_MEASURE_SIZE = 100.0
_FACES: dict[str, Any] = {}
_ADVANCES: dict[str, dict[str, float]] = {}


def _face(weight: str) -> tuple[Any, dict[str, float]]:
    """A private copy of the chart font at 100 pt for ``weight``, and its cache of glyph advances."""
    key = "bold" if weight == "bold" else "normal"
    if key not in _FACES:
        ensure_matplotlib()
        from matplotlib import ft2font
        from matplotlib.font_manager import findfont

        face = ft2font.FT2Font(findfont(font(_MEASURE_SIZE, key)))
        face.set_size(_MEASURE_SIZE, 72)
        _FACES[key] = face
        _ADVANCES[key] = {}
    return _FACES[key], _ADVANCES[key]


def text_width(text: str, size: float = LABEL_SIZE, weight: str = "normal") -> float:
    """Width of ``text`` drawn literally in the chart font, in points.

    The sum of the unhinted glyph advances (kerning, which only tightens DejaVu text, is
    left out), so the result is a safe upper bound for wrapping and fitting.
    """
    from matplotlib import ft2font

    face, cache = _face(weight)
    flags = getattr(ft2font, "LoadFlags", None)
    no_hinting = flags.NO_HINTING if flags is not None else ft2font.LOAD_NO_HINTING  # type: ignore[attr-defined]
    total = 0.0
    for char in text:
        advance = cache.get(char)
        if advance is None:
            glyph = face.load_char(ord(char), flags=no_hinting)
            advance = cache[char] = glyph.linearHoriAdvance / 65536.0
        total += advance
    return total * size / _MEASURE_SIZE


def legend_columns(
    labels: Sequence[str],
    *,
    max_width: float = 6.0,
    max_columns: int = 3,
    size: float = TICK_SIZE,
) -> int:
    """How many legend columns fit in ``max_width`` inches (the narrowest export preset by default).

    Labels fill the columns top to bottom, as matplotlib lays them out; each column also
    needs room for the handle and the spacing.
    """
    if not labels:
        return 1
    widths = [text_width(label, size) / 72.0 for label in labels]
    extra = (2.2 + 0.8 + 2.0) * size / 72.0  # handle length, handle-text pad, column spacing (em)
    for columns in range(min(max_columns, len(labels)), 0, -1):
        rows = math.ceil(len(labels) / columns)
        total = sum(max(widths[i : i + rows]) + extra for i in range(0, len(widths), rows))
        if total <= max_width:
            return columns
    return 1


# --------------------------------------------------------------------------- figures and axes


def new_figure(theme: Theme, figsize: tuple[float, float] = DEFAULT_FIGSIZE) -> Figure:
    """An empty themed figure with constrained layout and an Agg canvas."""
    return new_canvas_figure(figsize, theme.figure_bg)


def style_axes(ax: Axes, theme: Theme, *, grid_axis: Literal["x", "y", "both"] | None = "y") -> None:
    """Apply the theme to ``ax``: background, spines, ticks, grid lines behind the data."""
    ax.set_facecolor(theme.axes_bg)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(theme.spine)
        ax.spines[side].set_linewidth(0.8)
    ax.tick_params(
        axis="both",
        which="both",
        colors=theme.spine,
        labelcolor=theme.text,
        labelsize=TICK_SIZE,
        labelfontfamily=FONT_FAMILY,
        length=3.5,
        width=0.8,
    )
    ax.set_axisbelow(True)
    if grid_axis is not None:
        ax.grid(True, axis=grid_axis, color=theme.grid, linewidth=0.8)
        if grid_axis != "both":
            ax.grid(False, axis="y" if grid_axis == "x" else "x")
    else:
        ax.grid(False)


def set_category_ticks(ax: Axes, axis: str, positions: Sequence[float], labels: Sequence[str]) -> None:
    """Put literal (never mathtext) labels at fixed tick positions on the ``x`` or ``y`` axis."""
    target = ax.xaxis if axis == "x" else ax.yaxis
    target.set_ticks(list(positions), list(labels), parse_math=False)


def draw_empty(fig: FigureLike, theme: Theme, title: str, message: str) -> None:
    """Draw the chart title and a centred message explaining there is nothing to show."""
    ax = fig.add_subplot()
    ax.set_facecolor(theme.axes_bg)
    ax.set_axis_off()
    set_title(ax, title, theme)
    ax.text(
        0.5,
        0.5,
        message,
        transform=ax.transAxes,
        ha="center",
        va="center",
        gid="empty-message",
        **text_kw(theme, size=12.0, color=theme.muted),
    )


def empty_figure(
    theme: Theme,
    title: str,
    message: str,
    figsize: tuple[float, float] = DEFAULT_FIGSIZE,
) -> Figure:
    """A figure with the chart title and a centred message explaining there is nothing to show."""
    fig = new_figure(theme, figsize)
    draw_empty(fig, theme, title, message)
    return fig


def empty_message(fig: FigureLike) -> str | None:
    """The empty-state message of a figure built by :func:`empty_figure`, else ``None``."""
    for ax in fig.axes:
        for text in ax.texts:
            if text.get_gid() == "empty-message":
                return text.get_text()
    return None


# --------------------------------------------------------------------------- dates


def month_name(month: int) -> str:
    """The short name of ``month`` (1-12), e.g. "Mar", translated."""
    return translate("Charts", MONTH_NAMES[month - 1])


def date_text(day: date | None, *, empty: str = "\u2014") -> str:
    """A date with the month name, e.g. "3 Mar 2025"; ``empty`` for ``None``."""
    if day is None:
        return empty
    return f"{day.day} {month_name(day.month)} {day.year}"


def month_text(day: date, *, with_year: bool = True) -> str:
    """A month name, e.g. "Mar 2025" (or "Mar")."""
    name = month_name(day.month)
    return f"{name} {day.year}" if with_year else name


def period_text(start: date, end: date) -> str:
    """A date range, e.g. "1 Jan 2025 \u2013 30 Jun 2025"."""
    return f"{date_text(start)} \u2013 {date_text(end)}"


def month_tick_label(day: date, first: bool) -> str:
    """Label of a month tick: the month name, with the year below for January and the first tick."""
    name = month_name(day.month)
    return f"{name}\n{day.year}" if first or day.month == 1 else name


def months_between(start: date, end: date) -> int:
    """Whole calendar months from ``start``'s month to ``end``'s month (0 for the same month)."""
    return (end.year - start.year) * 12 + end.month - start.month


def month_step(n_months: int, max_ticks: int = 10) -> int:
    """A tick interval in months (1, 2, 3, 6 or 12) that keeps at most ``max_ticks`` labels."""
    for step in (1, 2, 3, 6, 12):
        if math.ceil((n_months + 1) / step) <= max_ticks:
            return step
    return 12 * math.ceil((n_months + 1) / (12 * max_ticks))


def day_tick_label(day: date, first: bool) -> str:
    """Label of a day tick on a short date axis: "5 May", with the year below on the first tick."""
    text = f"{day.day} {month_name(day.month)}"
    return f"{text}\n{day.year}" if first else text


def format_month_axis(ax: Axes, start: date, end: date, *, max_ticks: int = 10) -> None:
    """Date x axis from ``start`` to ``end`` with month-name labels.

    Ticks fall on the first of a month (every 1, 2, 3, 6 or 12 months); ranges shorter
    than about ten weeks get ticks on days ("5 May") instead.
    """
    import matplotlib.dates as mdates
    from matplotlib.ticker import FuncFormatter

    span = (end - start).days
    locator: mdates.DateLocator
    minor: mdates.DateLocator
    if span <= 75:
        if span <= 3 * max_ticks:
            locator = mdates.DayLocator(interval=max(1, math.ceil(span / max_ticks)))
        else:
            locator = mdates.WeekdayLocator(byweekday=mdates.MO)
        minor = mdates.DayLocator()
        tick_label = day_tick_label
    else:
        step = month_step(months_between(start, end), max_ticks)
        if step >= 12:
            locator = mdates.YearLocator(base=step // 12)
        else:
            locator = mdates.MonthLocator(bymonth=range(1, 13, step))
        minor = mdates.MonthLocator()
        tick_label = month_tick_label

    def label(value: float, pos: int | None) -> str:
        return tick_label(mdates.num2date(value).date(), pos == 0)

    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(FuncFormatter(label))
    ax.xaxis.set_minor_locator(minor)
    ax.tick_params(axis="x", which="minor", length=2.0)
    ax.set_xlim(mdates.date2num(start), mdates.date2num(end))


def figure_texts(fig: FigureLike) -> list[Text]:
    """Every text artist of a figure (titles, labels, annotations, legends), for tests and checks."""
    from matplotlib.text import Text

    return [artist for artist in fig.findobj(Text) if isinstance(artist, Text)]
