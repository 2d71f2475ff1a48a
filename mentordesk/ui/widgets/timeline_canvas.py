"""The timeline's canvas: rows, selection, zoom and scrolling, and the date <-> pixel mapping.

A painted scroll area: only the rows and the time span in view are drawn, so thousands of goals
stay smooth. Geometry helpers (:meth:`x_for_date`, :meth:`milestone_point`, ...) are public so
tests can press and drag at the same coordinates the canvas paints. Input lives in
:mod:`mentordesk.ui.widgets.timeline`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from PySide6.QtCore import QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from mentordesk.services.goals_types import GoalRow, MilestoneRow
from mentordesk.ui.widgets import timeline_paint
from mentordesk.ui.widgets.timeline_scale import Zoom, content_range, fit_zoom

HANDLE_PX = 6  # how close to a bar's end a press grabs it
MARKER_HIT_PX = 8  # how close to a milestone a press grabs it


@dataclass(frozen=True)
class Hit:
    """What is under a point: ``kind`` is "milestone", "start", "target", "bar", "row" or "label"."""

    kind: str
    row: int
    goal_id: int
    milestone_id: int = 0


@dataclass
class Drag:
    kind: str  # "milestone", "start" or "target"
    goal_id: int
    milestone_id: int
    press_x: float
    original: date
    current: date
    moved: bool = False


class TimelineCanvas(QAbstractScrollArea):
    selectionChanged = Signal(int)  # goal id, 0 for none
    zoomChanged = Signal(str)

    ROW_HEIGHT = 44
    HEADER_HEIGHT = 48

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("goalTimeline")
        self.setAccessibleName(self.tr("Goals timeline"))
        self.base_name = self.accessibleName()
        self.setAccessibleDescription(
            self.tr(
                "One row per goal from start to target date. Up and Down choose a goal, Enter opens it, "
                "Delete deletes it, Left and Right scroll through time, plus and minus zoom"
            )
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.today = today
        self._rows: list[GoalRow] = []
        self._index: dict[int, int] = {}
        self._selected = 0
        self._zoom = Zoom.QUARTER
        self._origin, self._end = content_range([], today)
        self._drag: Drag | None = None
        self._pan: tuple[int, int] | None = None
        self._hover: Hit | None = None
        self.empty_text = self.tr("No goals yet")
        self._auto_fit = True  # fit the goals in view until the person scrolls or zooms
        self.painted_rows = 0  # how many rows the last paint drew (only those in view)
        self.horizontalScrollBar().valueChanged.connect(lambda _v: self.viewport().update())
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.viewport().update())
        self.horizontalScrollBar().actionTriggered.connect(lambda _a: self._stop_auto_fit())

    # -- data ---------------------------------------------------------------------------------
    def set_rows(self, rows: list[GoalRow]) -> None:
        """Show ``rows`` (already filtered and ordered); the selection and the visible dates stay."""
        left = self._left_ordinal()
        self._rows = list(rows)
        self._index = {r.id: i for i, r in enumerate(self._rows)}
        dates: list[date] = []
        for r in self._rows:
            dates.extend(d for d in (r.start_on, r.target_on) if d is not None)
            dates.extend(m.due_on for m in r.milestones if m.due_on is not None)
        self._origin, self._end = content_range(dates, self.today)
        self._update_scrollbars()
        if self._auto_fit:
            self._fit()
        else:
            self._restore_left(left)
        if self._selected not in self._index:
            self._selected = 0
            self.setAccessibleName(self.base_name)
            self.selectionChanged.emit(0)
        self.viewport().update()

    def rows(self) -> list[GoalRow]:
        return list(self._rows)

    def row_of(self, goal_id: int) -> int:
        return self._index.get(goal_id, -1)

    def selected_id(self) -> int:
        return self._selected

    def selected_row(self) -> GoalRow | None:
        i = self._index.get(self._selected, -1)
        return self._rows[i] if i >= 0 else None

    def select(self, goal_id: int, *, ensure_visible: bool = True) -> None:
        if goal_id and goal_id not in self._index:
            return
        changed = goal_id != self._selected
        self._selected = goal_id
        if goal_id and ensure_visible:
            self.ensure_visible(goal_id)
        self.viewport().update()
        if changed:
            row = self.selected_row()  # say which goal is chosen: the rows are only painted
            named = self.tr("Goals timeline: {goal}").format(goal=row.title) if row else self.base_name
            self.setAccessibleName(named)
            self.selectionChanged.emit(goal_id)

    def ensure_visible(self, goal_id: int, *, horizontally: bool = False) -> None:
        i = self._index.get(goal_id, -1)
        if i < 0:
            return
        bar = self.verticalScrollBar()
        top, body = i * self.ROW_HEIGHT, self._body_height()
        if top < bar.value():
            bar.setValue(top)
        elif top + self.ROW_HEIGHT > bar.value() + body:
            bar.setValue(top + self.ROW_HEIGHT - body)
        row = self._rows[i]
        if horizontally and (row.start_on or row.target_on):
            first = row.start_on or row.target_on
            last = row.target_on or row.start_on
            assert first is not None and last is not None
            left, right = self.x_for_date(first), self.x_for_date(last + timedelta(days=1))
            if left < self.label_width() or right > self.viewport().width():
                if right - left < self._body_width() * 0.9:
                    self._scroll_to(first + (last - first) / 2, 0.5)
                else:
                    self._scroll_to(first, 0.05)

    # -- scale and geometry -------------------------------------------------------------------
    def zoom(self) -> Zoom:
        return self._zoom

    def set_zoom(self, zoom: Zoom | str, anchor_x: float | None = None) -> None:
        """Change the scale keeping the date at ``anchor_x`` (the middle by default) in place."""
        self._stop_auto_fit()
        self._set_zoom(Zoom(zoom), anchor_x)

    def _set_zoom(self, zoom: Zoom, anchor_x: float | None = None) -> None:
        if zoom == self._zoom:
            return
        x = anchor_x if anchor_x is not None else self.label_width() + self._body_width() / 2
        anchor_day = self._day_at(x)
        self._zoom = zoom
        self._update_scrollbars()
        self.horizontalScrollBar().setValue(round(anchor_day * zoom.px_per_day - (x - self.label_width())))
        self.viewport().update()
        self.zoomChanged.emit(zoom.value)

    def fit(self) -> None:
        """Choose the finest zoom that shows every open goal and today, and centre on them."""
        self._auto_fit = True
        self._fit()

    def _stop_auto_fit(self) -> None:
        self._auto_fit = False

    def _fit(self) -> None:
        rows = [r for r in self._rows if r.is_open] or self._rows
        dates = [d for r in rows for d in (r.start_on, r.target_on) if d is not None]
        first, last = min([*dates, self.today]), max([*dates, self.today])
        zoom = fit_zoom(first, last, self._body_width() * 0.97)
        if zoom is None:
            self._set_zoom(Zoom.YEAR)
            self._scroll_to(self.today, 0.4)
            return
        self._set_zoom(zoom)
        self._scroll_to(first + (last - first) / 2, 0.5)

    def scroll_to_date(self, day: date, fraction: float = 0.5) -> None:
        """Scroll so that ``day`` sits at ``fraction`` of the visible time span."""
        self._stop_auto_fit()
        self._scroll_to(day, fraction)

    def _scroll_to(self, day: date, fraction: float) -> None:
        offset = (day - self._origin).days * self._zoom.px_per_day
        self.horizontalScrollBar().setValue(round(offset - fraction * self._body_width()))

    def label_width(self) -> int:
        return max(220, min(320, int(self.viewport().width() * 0.24)))

    def x_for_date(self, day: date) -> float:
        """The viewport x where ``day`` begins."""
        offset = (day - self._origin).days * self._zoom.px_per_day
        return self.label_width() + offset - self.horizontalScrollBar().value()

    def x_mid(self, day: date) -> float:
        """The viewport x of the middle of ``day`` (where milestones and today are drawn)."""
        return self.x_for_date(day) + self._zoom.px_per_day / 2

    def date_at(self, x: float) -> date:
        return self._origin + timedelta(days=int(self._day_at(x) // 1))

    def row_top(self, index: int) -> int:
        return self.HEADER_HEIGHT + index * self.ROW_HEIGHT - self.verticalScrollBar().value()

    def bar_y(self, index: int) -> float:
        return self.row_top(index) + self.ROW_HEIGHT / 2

    def visible_rows(self) -> range:
        """The indexes of the rows at least partly in view."""
        first = self.verticalScrollBar().value() // self.ROW_HEIGHT
        last = (self.verticalScrollBar().value() + self._body_height() - 1) // self.ROW_HEIGHT
        return range(max(0, first), min(len(self._rows), last + 1))

    def visible_dates(self) -> tuple[date, date]:
        return self.date_at(self.label_width()), self.date_at(self.viewport().width())

    def milestone_point(self, milestone_id: int) -> QPoint:
        for i, row in enumerate(self._rows):
            m = row.milestone(milestone_id)
            if m is not None and m.due_on is not None:
                return QPoint(round(self.x_mid(self._shown_due(m))), round(self.bar_y(i)))
        raise KeyError(milestone_id)

    def bar_end_points(self, goal_id: int) -> tuple[QPoint, QPoint]:
        """Where a bar's start and target handles are (press there to drag them)."""
        i = self._index[goal_id]
        start, target = self.shown_dates(self._rows[i])
        assert start is not None and target is not None
        y = round(self.bar_y(i))
        return (
            QPoint(round(self.x_for_date(start)) + 1, y),
            QPoint(round(self.x_for_date(target + timedelta(days=1))) - 1, y),
        )

    def shown_dates(self, row: GoalRow) -> tuple[date | None, date | None]:
        """A goal's start and target as drawn (a drag in progress shows its new date)."""
        d = self._drag
        if d is not None and d.goal_id == row.id and d.kind in ("start", "target"):
            if d.kind == "start":
                return d.current, row.target_on
            return row.start_on, d.current
        return row.start_on, row.target_on

    def _shown_due(self, m: MilestoneRow) -> date:
        d = self._drag
        if d is not None and d.kind == "milestone" and d.milestone_id == m.id:
            return d.current
        assert m.due_on is not None
        return m.due_on

    def shown_milestone(self, m: MilestoneRow) -> MilestoneRow:
        return m if m.due_on is None else replace(m, due_on=self._shown_due(m))

    def hovered(self) -> Hit | None:
        return self._hover

    def _left_ordinal(self) -> float:
        """The (fractional) day at the left edge of the time area, to keep it there."""
        return self._origin.toordinal() + self.horizontalScrollBar().value() / self._zoom.px_per_day

    def _restore_left(self, left: float) -> None:
        offset = (left - self._origin.toordinal()) * self._zoom.px_per_day
        self.horizontalScrollBar().setValue(round(offset))

    def _day_at(self, x: float) -> float:
        return (x - self.label_width() + self.horizontalScrollBar().value()) / self._zoom.px_per_day

    def _body_width(self) -> int:
        return max(1, self.viewport().width() - self.label_width())

    def _body_height(self) -> int:
        return max(1, self.viewport().height() - self.HEADER_HEIGHT)

    def _update_scrollbars(self) -> None:
        content = round(((self._end - self._origin).days + 1) * self._zoom.px_per_day)
        h = self.horizontalScrollBar()
        h.setRange(0, max(0, content - self._body_width()))
        h.setPageStep(self._body_width())
        h.setSingleStep(max(8, self._body_width() // 20))
        v = self.verticalScrollBar()
        v.setRange(0, max(0, len(self._rows) * self.ROW_HEIGHT - self._body_height()))
        v.setPageStep(self._body_height())
        v.setSingleStep(self.ROW_HEIGHT // 2)

    # -- hit testing --------------------------------------------------------------------------
    def hit(self, pos: QPoint | QPointF) -> Hit | None:
        x, y = pos.x(), pos.y()
        if y < self.HEADER_HEIGHT:
            return None
        index = (int(y) - self.HEADER_HEIGHT + self.verticalScrollBar().value()) // self.ROW_HEIGHT
        if not 0 <= index < len(self._rows):
            return None
        row = self._rows[index]
        if x < self.label_width():
            return Hit("label", index, row.id)
        cy = self.bar_y(index)
        near_bar = abs(y - cy) <= timeline_paint.BAR_HEIGHT / 2 + 3
        best: tuple[float, MilestoneRow] | None = None
        for m in row.milestones:
            if m.due_on is None:
                continue
            dist = abs(self.x_mid(self._shown_due(m)) - x)
            if dist <= MARKER_HIT_PX and abs(y - cy) <= MARKER_HIT_PX and (best is None or dist < best[0]):
                best = (dist, m)
        if best is not None:
            return Hit("milestone", index, row.id, best[1].id)
        start, target = self.shown_dates(row)
        if near_bar and start is not None and target is not None:
            x0, x1 = self.x_for_date(start), self.x_for_date(target + timedelta(days=1))
            d0, d1 = abs(x - x0), abs(x - x1)
            if min(d0, d1) <= HANDLE_PX:
                return Hit("start" if d0 < d1 else "target", index, row.id)
            if x0 <= x <= x1:
                return Hit("bar", index, row.id)
        return Hit("row", index, row.id)

    # -- painting -----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self.viewport())
        try:
            self.painted_rows = timeline_paint.paint(painter, self, event.rect())
        finally:
            painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        left = self._left_ordinal()
        super().resizeEvent(event)
        self._update_scrollbars()
        if self._auto_fit:
            self._fit()
        else:
            self._restore_left(left)
