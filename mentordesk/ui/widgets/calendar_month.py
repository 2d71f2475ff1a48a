"""The month view: a calendar whose days show their meetings in relationship colours.

Large cells show one chip per meeting (time and first name); small cells show dots. Planned
meetings are outlined, held ones filled, missed ones hatched and cancelled ones struck through
in grey, so the kinds can be told apart without relying on colour alone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QTextCharFormat,
)
from PySide6.QtWidgets import QCalendarWidget, QHeaderView, QTableView, QWidget

from mentordesk.domain.enums import MeetingStatus
from mentordesk.services.meetings import DaySummary, Dot
from mentordesk.ui import i18n
from mentordesk.ui.i18n import QT_TRANSLATE_NOOP
from mentordesk.ui.models.meetings import pydate, qdate, relationship_colour, time_text
from mentordesk.ui.theme import BLUE, GREY


def _text_on(colour: QColor) -> QColor:
    return QColor("#1b1b1b") if colour.lightnessF() > 0.62 else QColor("#ffffff")


def paint_chip(
    painter: QPainter, rect: QRect, colour: QColor, status: MeetingStatus, text: str, pal: QPalette
) -> None:
    """One meeting as a small rounded label; the style tells its status."""
    r = QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    text_colour = pal.color(QPalette.ColorRole.Text)
    font = QFont(painter.font())
    if status == MeetingStatus.HELD:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        text_colour = _text_on(colour)
    elif status == MeetingStatus.MISSED:
        faint = QColor(colour)
        faint.setAlpha(110)
        painter.setPen(QPen(colour, 1.2))
        painter.setBrush(QBrush(faint, Qt.BrushStyle.BDiagPattern))
    elif status == MeetingStatus.CANCELLED:
        painter.setPen(QPen(QColor(GREY), 1, Qt.PenStyle.DotLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        text_colour = QColor(GREY)
        font.setStrikeOut(True)
    else:  # planned
        painter.setPen(QPen(colour, 1.6))
        painter.setBrush(pal.color(QPalette.ColorRole.Base))
    painter.drawRoundedRect(r, 3, 3)
    painter.setFont(font)
    painter.setPen(text_colour)
    inner = rect.adjusted(4, 0, -3, 0)
    elided = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, inner.width())
    painter.drawText(inner, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), elided)


def paint_dot(painter: QPainter, centre: QPoint, radius: int, colour: QColor, status: MeetingStatus) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if status == MeetingStatus.HELD:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
    elif status == MeetingStatus.CANCELLED:
        painter.setPen(QPen(QColor(GREY), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        radius = max(2, radius - 1)
    else:
        painter.setPen(QPen(colour, 1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(centre, radius, radius)
    if status == MeetingStatus.MISSED:
        d = radius - 1
        painter.drawLine(centre.x() - d, centre.y() - d, centre.x() + d, centre.y() + d)


def chip_text(dot: Dot) -> str:
    name = dot.label.split()[0] if dot.person else dot.label
    return name if dot.all_day else f"{time_text(dot.start)} {name}"


class MonthCalendar(QCalendarWidget):
    """A QCalendarWidget that paints each day's meetings. Clicking a chip selects its meeting."""

    meetingClicked = Signal(int)  # noqa: N815 (Qt naming)
    meetingDoubleClicked = Signal(int)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setNavigationBarVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)
        self.setFirstDayOfWeek(QLocale().firstDayOfWeek())
        self.setGridVisible(False)
        plain = QTextCharFormat()
        plain.setForeground(self.palette().color(QPalette.ColorRole.Text))
        for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.setWeekdayTextFormat(day, plain)
        self.setAccessibleName(self.tr("Month calendar"))
        self.keys_help = self.tr(
            "Arrow keys move between days, Page Up and Page Down between months; "
            "Enter opens the day's meeting or plans one"
        )
        self.setAccessibleDescription(self.keys_help)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._days: dict[date, DaySummary] = {}
        self._today = date.today()
        self._visible: Callable[[Dot], bool] = lambda _dot: True
        self._hits: dict[date, list[tuple[QRect, int]]] = {}
        self.more: dict[date, int] = {}  # meetings summed up as "+N more" on each painted day
        self.view = self.findChild(QTableView)
        if self.view is not None:
            # The day-name row keeps the height of one line; the six weeks share the rest.
            rows = self.view.verticalHeader()
            rows.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
            rows.resizeSection(0, self.fontMetrics().height() + 10)
            self._click_filter = _ChipClicks(self)
            self.view.viewport().installEventFilter(self._click_filter)
            self.view.setMouseTracking(True)
            self.view.setAccessibleName(self.accessibleName())  # the grid takes the focus for the calendar
            self.view.setAccessibleDescription(self.accessibleDescription())
        self.selectionChanged.connect(self._describe_selected_day)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(520, 360)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(320, 240)

    # -- data ---------------------------------------------------------------------------------
    def visible_range(self) -> tuple[date, date]:
        """The first and last day of the six weeks the month grid shows."""
        first = date(self.yearShown(), self.monthShown(), 1)
        lead = (first.isoweekday() - self.firstDayOfWeek().value) % 7
        start = first - timedelta(days=lead)
        return start, start + timedelta(days=41)

    def set_days(self, days: dict[date, DaySummary], today: date) -> None:
        self._days = dict(days)
        self._today = today
        self._hits.clear()
        self.updateCells()
        self._describe_selected_day()

    def set_dot_filter(self, visible: Callable[[Dot], bool]) -> None:
        self._visible = visible
        self.updateCells()

    def dots_on(self, day: date) -> list[Dot]:
        summary = self._days.get(day)
        return [d for d in summary.dots if self._visible(d)] if summary else []

    def day_summary(self, day: date) -> str:
        """The day and its meetings in words: what a screen reader says (the chips are only painted)."""
        when = QLocale().toString(qdate(day), QLocale.FormatType.LongFormat)
        dots = self.dots_on(day)
        if not dots:
            return self.tr("{day}: no meetings").format(day=when)
        all_day = self.tr("all day")
        meetings = "; ".join(
            f"{d.label}, {all_day if d.all_day else time_text(d.start)}, {i18n.label(d.status).lower()}"
            for d in dots
        )
        return self.tr("{day}: {meetings}").format(day=when, meetings=meetings)

    def _describe_selected_day(self) -> None:
        text = f"{self.day_summary(pydate(self.selectedDate()))}. {self.keys_help}"
        self.setAccessibleDescription(text)
        if self.view is not None:
            self.view.setAccessibleDescription(text)

    def show_day(self, day: date) -> None:
        self.setSelectedDate(qdate(day))

    # -- painting -----------------------------------------------------------------------------
    def paintCell(self, painter: QPainter, rect: QRect, qd: QDate) -> None:  # noqa: N802
        day = pydate(qd)
        pal = self.palette()
        in_month = qd.month() == self.monthShown()
        selected = qd == self.selectedDate()
        painter.save()
        base = pal.color(QPalette.ColorRole.Base)
        bg = base if in_month else pal.color(QPalette.ColorRole.Window)
        if selected:
            hl = pal.color(QPalette.ColorRole.Highlight)
            bg = QColor(
                (hl.red() + 3 * base.red()) // 4,
                (hl.green() + 3 * base.green()) // 4,
                (hl.blue() + 3 * base.blue()) // 4,
            )
        painter.fillRect(rect, bg)
        painter.setPen(QPen(pal.color(QPalette.ColorRole.Mid).lighter(130), 1))
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        if selected:
            painter.setPen(QPen(pal.color(QPalette.ColorRole.Highlight), 2))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))

        font = QFont(self.font())
        fm = QFontMetrics(font)
        number = str(qd.day())
        num_rect = QRect(rect.left() + 4, rect.top() + 3, fm.horizontalAdvance("00") + 8, fm.height() + 2)
        text_colour = pal.color(QPalette.ColorRole.Text if in_month else QPalette.ColorRole.PlaceholderText)
        if day == self._today:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(BLUE)
            painter.drawRoundedRect(QRectF(num_rect), num_rect.height() / 2, num_rect.height() / 2)
            text_colour = QColor("#ffffff")
            font.setBold(True)
        painter.setFont(font)
        painter.setPen(text_colour)
        painter.drawText(num_rect, int(Qt.AlignmentFlag.AlignCenter), number)

        dots = self.dots_on(day)
        hits: list[tuple[QRect, int]] = []
        self.more.pop(day, None)
        if dots:
            small = QFont(self.font())
            small.setPointSizeF(max(7.0, small.pointSizeF() * 0.9))
            painter.setFont(small)
            line_h = QFontMetrics(small).height() + 5
            area = QRect(
                rect.left() + 3,
                num_rect.bottom() + 3,
                rect.width() - 7,
                rect.bottom() - num_rect.bottom() - 6,
            )
            summary = self._days.get(day)
            if area.height() >= line_h and area.width() >= 48:
                hits = self._paint_chips(painter, day, area, dots, line_h, pal)
            else:
                self._paint_dots(painter, rect, num_rect, dots)
            if summary is not None and summary.count > 1 and area.height() < line_h * 2:
                painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
                painter.drawText(
                    rect.adjusted(0, 3, -5, 0),
                    int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight),
                    str(summary.count),
                )
        self._hits[day] = hits
        painter.restore()

    def _paint_chips(
        self, painter: QPainter, day: date, area: QRect, dots: list[Dot], line_h: int, pal: QPalette
    ) -> list[tuple[QRect, int]]:
        lines = max(1, area.height() // line_h)
        shown = dots if len(dots) <= lines else dots[: lines - 1]
        hits: list[tuple[QRect, int]] = []
        for i, dot in enumerate(shown):
            chip = QRect(area.left(), area.top() + i * line_h, area.width(), line_h - 2)
            paint_chip(
                painter, chip, relationship_colour(dot.relationship_id), dot.status, chip_text(dot), pal
            )
            hits.append((chip, dot.meeting_id))
        if len(shown) < len(dots):
            self.more[day] = len(dots) - len(shown)
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            more = QRect(area.left() + 4, area.top() + len(shown) * line_h, area.width(), line_h - 2)
            painter.drawText(
                more,
                int(Qt.AlignmentFlag.AlignVCenter),
                self.tr("+{count} more").format(count=len(dots) - len(shown)),
            )
        return hits

    def _paint_dots(self, painter: QPainter, rect: QRect, num_rect: QRect, dots: list[Dot]) -> None:
        radius = 3
        step = 2 * radius + 3
        per_row = max(1, (rect.width() - 6) // step)
        y = max(num_rect.bottom() + radius + 3, rect.bottom() - radius - 4)
        x0 = rect.left() + 4 + radius
        for i, dot in enumerate(dots[:per_row]):
            paint_dot(
                painter,
                QPoint(x0 + i * step, y),
                radius,
                relationship_colour(dot.relationship_id),
                dot.status,
            )

    # -- clicks on chips ------------------------------------------------------------------------
    def meeting_at(self, pos: QPoint) -> int | None:
        for hits in self._hits.values():
            for rect, meeting_id in hits:
                if rect.contains(pos):
                    return meeting_id
        return None

    def chip_event(self, event: QEvent) -> bool:
        """A click on a chip names its meeting; a double-click opens it (and is not passed on)."""
        kind = event.type()
        if kind not in (QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick):
            return False
        if not isinstance(event, QMouseEvent):
            return False
        meeting_id = self.meeting_at(event.position().toPoint())
        if meeting_id is None:
            return False
        if kind == QEvent.Type.MouseButtonRelease:
            self.meetingClicked.emit(meeting_id)  # the calendar still selects the day
            return False
        self.meetingDoubleClicked.emit(meeting_id)
        return True


class _ChipClicks(QObject):
    """Watches the month grid for clicks on chips (a filter object of its own, owned by the calendar)."""

    def __init__(self, calendar: MonthCalendar) -> None:
        super().__init__(calendar)
        self._calendar = calendar
        self._active = True
        calendar.destroyed.connect(self._stop)

    def _stop(self) -> None:
        self._active = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if self._active and event.type() in (QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick):
            return self._calendar.chip_event(event)
        return False


class CalendarLegend(QWidget):
    """Samples of the four meeting styles, so the month view can be read at a glance."""

    ITEMS = (
        (MeetingStatus.PLANNED, QT_TRANSLATE_NOOP("CalendarLegend", "Planned")),
        (MeetingStatus.HELD, QT_TRANSLATE_NOOP("CalendarLegend", "Held")),
        (MeetingStatus.MISSED, QT_TRANSLATE_NOOP("CalendarLegend", "Missed")),
        (MeetingStatus.CANCELLED, QT_TRANSLATE_NOOP("CalendarLegend", "Cancelled")),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(
            self.tr("Legend: planned outlined, held filled, missed hatched, cancelled struck through")
        )
        fm = self.fontMetrics()
        self.setMinimumHeight(fm.height() + 8)
        self.setMaximumHeight(fm.height() + 8)

    def sizeHint(self) -> QSize:  # noqa: N802
        fm = self.fontMetrics()
        return QSize(sum(fm.horizontalAdvance(self.tr(t)) + 34 for _s, t in self.ITEMS), fm.height() + 8)

    def paintEvent(self, _event: object) -> None:  # noqa: N802
        painter = QPainter(self)
        fm = self.fontMetrics()
        x = 2
        h = fm.height() + 2
        for status, source in self.ITEMS:
            text = self.tr(source)
            width = fm.horizontalAdvance(text) + 14
            paint_chip(painter, QRect(x, 3, width, h), QColor(BLUE), status, text, self.palette())
            x += width + 10
        painter.end()
