"""One entry point for the four insight charts by name, shared by the GUI canvas and the exports.

``draw_chart`` draws a chart into an existing figure (the GUI redraws its one canvas this
way, or ``redraw_chart`` puts new data into the chart it shows); ``chart_figure`` builds a new figure at the chart's natural size; ``chart_table`` is
the data behind a chart, for "Save data as CSV".
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from mentordesk.charts import style
from mentordesk.charts._mpl import ensure_matplotlib
from mentordesk.charts.adherence import adherence_size, draw_adherence
from mentordesk.charts.export import adherence_table, focus_table, meetings_table, progress_table
from mentordesk.charts.focus import draw_focus, focus_size
from mentordesk.charts.meetings import draw_meetings, redraw_meetings
from mentordesk.charts.progress import draw_progress
from mentordesk.domain.series import MeetingFrequency
from mentordesk.domain.text import translate
from mentordesk.services.errors import ValidationError

if TYPE_CHECKING:
    from matplotlib.figure import Figure

KINDS = ("progress", "meetings", "adherence", "focus")


def _check(kind: str) -> str:
    if kind not in KINDS:
        raise ValidationError(
            translate("Errors", "Unknown chart {kind!r}; use one of: {options}.").format(
                kind=kind, options=", ".join(KINDS)
            ),
            field="kind",
        )
    return kind


def progress_range(start: date, end: date, today: date) -> tuple[date, date | None]:
    """The x range of the progress chart for a period: a period that runs to today leaves the
    end open, so target dates and milestones ahead stay in view."""
    return start, (None if end >= today else end)


def natural_size(kind: str, data: Any) -> tuple[float, float]:
    """The size in inches a chart is drawn at when no export size is chosen."""
    _check(kind)
    if kind == "adherence" and data:
        return adherence_size(data)
    if kind == "focus":
        return focus_size(data)
    return style.DEFAULT_FIGSIZE


def draw_chart(
    fig: style.FigureLike, kind: str, data: Any, th: style.Theme, *, start: date, end: date, today: date
) -> None:
    """Draw the chart ``kind`` of ``data`` (the series the insights service returned) into ``fig``."""
    _check(kind)
    if kind == "progress":
        x_start, x_end = progress_range(start, end, today)
        draw_progress(fig, data, th, start=x_start, end=x_end, today=today)
    elif kind == "meetings":
        draw_meetings(fig, data if data is not None else MeetingFrequency((), ()), th)
    elif kind == "adherence":
        draw_adherence(fig, data, th)
    else:
        draw_focus(fig, data, th)


def redraw_chart(fig: style.FigureLike, kind: str, data: Any, th: style.Theme) -> bool:
    """Put new data of the same chart into ``fig`` without rebuilding its axes, where the chart
    can (the meetings chart); False, changing nothing, where it cannot: draw it afresh instead."""
    _check(kind)
    if kind == "meetings" and data is not None:
        return redraw_meetings(fig, data, th)
    return False


def chart_figure(
    kind: str, data: Any, *, theme: str = "light", start: date, end: date, today: date
) -> Figure:
    """A new figure of the chart ``kind`` at its natural size."""
    ensure_matplotlib()
    th = style.get_theme(theme)
    fig = style.new_figure(th, natural_size(kind, data))
    draw_chart(fig, kind, data, th, start=start, end=end, today=today)
    return fig


def chart_table(kind: str, data: Any) -> list[list[object]]:
    """The rows behind the chart ``kind``, header first."""
    _check(kind)
    if kind == "progress":
        return progress_table(data)
    if kind == "meetings":
        return meetings_table(data)
    if kind == "adherence":
        return adherence_table(data)
    return focus_table(data)
