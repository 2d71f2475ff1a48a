"""A matplotlib canvas for the insight charts: one figure, redrawn in place, with values on hover.

matplotlib is imported when a :class:`ChartCanvas` is first built (the insights tab does that
when it is first opened), never when this module is imported. A redraw clears the canvas'
own figure and draws the chart into it again (the meetings chart keeps its axes and takes the new
data: ``redraw_chart``); the canvas widget is never rebuilt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from mentordesk.charts import style
from mentordesk.charts._mpl import ensure_matplotlib
from mentordesk.charts.adherence import cadence_text
from mentordesk.charts.focus import format_hours
from mentordesk.charts.meetings import format_count
from mentordesk.domain.series import AdherenceRow, FocusRow, GoalProgressSeries, MeetingFrequency

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

HOVER_RADIUS = 10.0  # pixels from a marker that still count as pointing at it
AFTER_FIRST_DRAW_MS = 50  # after_first_draw: the wait after the first draw (the frame shows first)
AFTER_FIRST_DRAW_AT_MOST_MS = 3000  # ... and at most this long after the call, drawn or not
LINE_RADIUS = 7.0  # pixels from a progress line


@dataclass
class _Shown:
    """What the canvas shows now, for the hover text."""

    kind: str = ""
    data: Any = None
    today: date = field(default_factory=date.today)
    theme: str = ""


class ChartCanvas(QWidget):
    """The chart area of the insights tab: a ``FigureCanvasQTAgg`` and the value under the cursor.

    ``hoverChanged`` carries a one-line description of the mark under the mouse ("" when
    there is none).
    """

    hoverChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        ensure_matplotlib()
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        from mentordesk.charts.layout import OnePassLayout

        self.figure: Figure = Figure(figsize=style.DEFAULT_FIGSIZE, layout=OnePassLayout())
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setObjectName("chartCanvas")
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumSize(320, 220)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable, so a screen reader can read it
        self.canvas.setAccessibleName(self.tr("Chart"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self._shown = _Shown()
        self.hover_text = ""
        self.caption = ""
        self.draw_count = 0
        self.canvas.mpl_connect("motion_notify_event", self._on_motion)
        self.canvas.mpl_connect("figure_leave_event", lambda _event: self._set_hover(""))

    def after_first_draw(self, callback: Callable[[], object]) -> None:
        """Call ``callback`` once, a moment after the chart is first drawn (its frame is on screen
        by then), or after :data:`AFTER_FIRST_DRAW_AT_MOST_MS` if it is not drawn by then."""
        done = False

        def run() -> None:
            nonlocal done
            if not done:
                done = True
                callback()

        def drawn(_event: object) -> None:
            self.canvas.mpl_disconnect(connection)
            QTimer.singleShot(AFTER_FIRST_DRAW_MS, self, run)

        connection = self.canvas.mpl_connect("draw_event", drawn)
        QTimer.singleShot(AFTER_FIRST_DRAW_AT_MOST_MS, self, run)

    # -- drawing ------------------------------------------------------------------------------------
    def show_chart(self, kind: str, data: Any, *, theme: str, start: date, end: date, today: date) -> None:
        """Redraw the canvas' figure with the chart ``kind`` of ``data`` in the app's theme."""
        from mentordesk.charts.figures import draw_chart, redraw_chart

        th = style.get_theme(theme)
        same_chart = (self._shown.kind, self._shown.theme) == (kind, theme)
        if not (same_chart and redraw_chart(self.figure, kind, data, th)):
            self.figure.clear()
            self.figure.set_facecolor(th.figure_bg)
            draw_chart(self.figure, kind, data, th, start=start, end=end, today=today)
        self._shown = _Shown(kind, data, today, theme)
        self.draw_count += 1
        self._describe(kind)
        self._set_hover("")
        self.canvas.draw_idle()

    def _describe(self, kind: str) -> None:
        """Name the canvas after its chart; its description is the empty message or the caption."""
        from mentordesk.services.insights_types import ChartKind
        from mentordesk.ui import i18n

        if kind in ChartKind._value2member_map_:
            self.canvas.setAccessibleName(self.tr("{chart} chart").format(chart=i18n.label(ChartKind(kind))))
        self.canvas.setAccessibleDescription(self.empty_message() or self.caption)

    def set_caption(self, text: str) -> None:
        """What the chart shows, in words (read by screen readers when the chart has data)."""
        self.caption = text
        if self.empty_message() is None:
            self.canvas.setAccessibleDescription(text)

    def empty_message(self) -> str | None:
        """The chart's "nothing to show" message, or ``None`` when it shows data."""
        return style.empty_message(self.figure)

    # -- hover --------------------------------------------------------------------------------------
    def _set_hover(self, text: str) -> None:
        if text != self.hover_text:
            self.hover_text = text
            self.hoverChanged.emit(text)

    def _on_motion(self, event: Any) -> None:
        self._set_hover(self.hover_text_at(event.x, event.y) if event.x is not None else "")

    def hover_text_at(self, x: float, y: float) -> str:
        """The value under the display point ``(x, y)`` (matplotlib pixels from the bottom left)."""
        shown = self._shown
        if not shown.kind or self.empty_message() is not None or not self.figure.axes:
            return ""
        finders: dict[str, Callable[[float, float], str]] = {
            "progress": self._progress_at,
            "meetings": self._meetings_at,
            "adherence": self._adherence_at,
            "focus": self._focus_at,
        }
        return finders[shown.kind](x, y)

    def _axes_at(self, x: float, y: float) -> Axes | None:
        for ax in self.figure.axes:
            if ax.bbox.contains(x, y):
                return ax
        return None

    def _progress_at(self, x: float, y: float) -> str:
        import matplotlib.dates as mdates

        ax = self._axes_at(x, y)
        if ax is None:
            return ""
        series: tuple[GoalProgressSeries, ...] = tuple(g for g in self._shown.data if g.points)
        best: tuple[float, str] | None = None

        def offer(day: date, value: float, text: str, radius: float) -> None:
            nonlocal best
            px, py = ax.transData.transform((mdates.date2num(day), value))
            distance = ((px - x) ** 2 + (py - y) ** 2) ** 0.5
            if distance <= radius and (best is None or distance < best[0]):
                best = (distance, text)

        for goal in series:
            title = style.user_text(goal.title, 60)
            for milestone in goal.milestones:
                when = milestone.when
                if when is None:
                    continue
                value = goal.value_on(when)
                if milestone.done:
                    text = self.tr("{goal}: milestone \u201c{milestone}\u201d reached {date}")
                else:
                    text = self.tr("{goal}: milestone \u201c{milestone}\u201d due {date}")
                offer(
                    when,
                    value if value is not None else 0.0,
                    text.format(
                        goal=title, milestone=style.user_text(milestone.title, 60), date=style.date_text(when)
                    ),
                    HOVER_RADIUS,
                )
            for day, value in goal.points:
                offer(day, value, self._percent_on(title, value, day), HOVER_RADIUS)
        if best is not None:
            return best[1]
        # Between recorded points: the value that held on the day under the cursor.
        day = mdates.num2date(ax.transData.inverted().transform((x, y))[0]).date()
        for goal in series:
            value = goal.value_on(day)
            if value is None or day > max(self._shown.today, goal.points[-1][0]):
                continue
            offer(day, value, self._percent_on(style.user_text(goal.title, 60), value, day), LINE_RADIUS)
        return best[1] if best is not None else ""

    def _percent_on(self, goal: str, value: float, day: date) -> str:
        return self.tr("{goal}: {percent}% on {date}").format(
            goal=goal, percent=f"{value:.0f}", date=style.date_text(day)
        )

    def _meeting_count(self, count: float) -> str:
        if count == 1:
            return self.tr("{count} meeting").format(count=format_count(count))
        return self.tr("{count} meetings").format(count=format_count(count))

    def _meetings_at(self, x: float, y: float) -> str:
        ax = self._axes_at(x, y)
        freq: MeetingFrequency = self._shown.data
        if ax is None or not freq.months:
            return ""
        dx, dy = ax.transData.inverted().transform((x, y))
        target = freq.target_per_month
        if target:
            _, ty = ax.transData.transform((0, target))
            if abs(ty - y) <= 4:
                return self.tr("Agreed in your mentoring agreements: {count} meetings per month").format(
                    count=format_count(round(target, 1))
                )
        index = round(dx)
        if not 0 <= index < len(freq.months) or abs(dx - index) > 0.36:
            return ""
        month = style.month_text(freq.months[index])
        total = freq.totals[index]
        bottom = 0
        for name, counts in freq.by_relationship:
            count = counts[index]
            if count and bottom <= dy <= bottom + count:
                return self.tr("{name}, {month}: {meetings} held (of {total} that month)").format(
                    name=style.user_text(name, 60),
                    month=month,
                    meetings=self._meeting_count(count),
                    total=total,
                )
            bottom += count
        if 0 <= dy <= total + max(1.0, total * 0.15):
            return self.tr("{month}: {meetings} held").format(
                month=month, meetings=self._meeting_count(total)
            )
        return ""

    def _adherence_at(self, x: float, y: float) -> str:
        ax = self._axes_at(x, y)
        rows: tuple[AdherenceRow, ...] = tuple(self._shown.data)
        if ax is None or not rows:
            return ""
        _, dy = ax.transData.inverted().transform((x, y))
        index = round(dy)
        if not 0 <= index < len(rows) or abs(dy - index) > 0.31:
            return ""
        row = rows[index]
        if row.periods == 1:
            text = self.tr(
                "{name}: {met} of {periods} cadence period with a meeting ({share}%), agreed {cadence}; "
                "longest gap {gap} days"
            )
        else:
            text = self.tr(
                "{name}: {met} of {periods} cadence periods with a meeting ({share}%), agreed {cadence}; "
                "longest gap {gap} days"
            )
        return text.format(
            name=style.user_text(row.name, 60),
            met=row.periods_met,
            periods=row.periods,
            share=f"{row.share * 100:.0f}",
            cadence=cadence_text(row.cadence_days),
            gap=row.longest_gap_days,
        )

    def _focus_at(self, x: float, y: float) -> str:
        ax = self._axes_at(x, y)
        rows = [r for r in self._shown.data if r.meetings > 0 or r.hours > 0]
        rows.sort(key=lambda r: (-r.meetings, -r.hours, r.area.casefold()))
        if ax is None or not rows:
            return ""
        _, dy = ax.transData.inverted().transform((x, y))
        index = round(dy)
        if not 0 <= index < len(rows) or abs(dy - index) > 0.31:
            return ""
        row: FocusRow = rows[index]
        return self.tr("{area}: {meetings} held, {hours} hours").format(
            area=style.user_text(row.area, 60),
            meetings=self._meeting_count(row.meetings),
            hours=format_hours(row.hours),
        )
