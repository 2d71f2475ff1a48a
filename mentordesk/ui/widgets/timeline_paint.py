"""Drawing the goals timeline: header bands, grid, today line, bars, milestones and row labels.

Only the rows and dates in view are drawn. Text and background come from the widget's palette
(light or dark); category, overdue and status colours from :mod:`mentordesk.ui.theme`.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPalette, QPen, QPolygonF

from mentordesk.domain.enums import GoalCategory, GoalStatus
from mentordesk.services.goals_types import GoalRow, MilestoneRow
from mentordesk.ui import i18n, theme
from mentordesk.ui.widgets.timeline_scale import Zoom, lower_ticks, upper_ticks

if TYPE_CHECKING:
    from mentordesk.ui.widgets.timeline_canvas import Hit, TimelineCanvas

BAR_HEIGHT = 16
MARKER = 6  # half the diagonal of a milestone diamond

CATEGORY_COLOURS: dict[str, QColor] = {
    GoalCategory.CAREER_DIRECTION: theme.SERIES[0],
    GoalCategory.SKILL: theme.SERIES[2],
    GoalCategory.NETWORK: theme.SERIES[3],
    GoalCategory.WELL_BEING: theme.SERIES[4],
    GoalCategory.OTHER: theme.SERIES[1],
}


def category_colour(category: str) -> QColor:
    return QColor(CATEGORY_COLOURS.get(category, theme.GREY))


def _alpha(colour: QColor, alpha: int) -> QColor:
    c = QColor(colour)
    c.setAlpha(alpha)
    return c


def _muted(pal: QPalette) -> QColor:
    return pal.color(QPalette.ColorRole.PlaceholderText)


def paint(p: QPainter, view: TimelineCanvas, clip: QRect) -> int:
    """Draw the visible part of the timeline; returns how many goal rows were drawn."""
    pal = view.viewport().palette()
    width, height = view.viewport().width(), view.viewport().height()
    label_w, header_h = view.label_width(), view.HEADER_HEIGHT
    p.fillRect(clip, pal.color(QPalette.ColorRole.Base))
    rows = view.rows()
    visible = view.visible_rows()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)

    first_day, last_day = view.visible_dates()
    uppers = upper_ticks(view.zoom(), first_day, last_day + timedelta(days=1))
    lowers = lower_ticks(view.zoom(), first_day, last_day + timedelta(days=1))

    # Row backgrounds across the whole width, then the grid over the time area.
    for i in visible:
        top = view.row_top(i)
        if i % 2:
            p.fillRect(0, top, width, view.ROW_HEIGHT, pal.color(QPalette.ColorRole.AlternateBase))
        if rows[i].id == view.selected_id():
            p.fillRect(0, top, width, view.ROW_HEIGHT, _alpha(pal.color(QPalette.ColorRole.Highlight), 48))
    p.save()
    p.setClipRect(QRect(label_w, header_h, width - label_w, height - header_h))
    grid = pal.color(QPalette.ColorRole.Mid)
    for tick in lowers:
        x = round(view.x_for_date(tick.day)) + 0.5
        p.setPen(QPen(_alpha(grid, 45), 1))
        p.drawLine(QPointF(x, header_h), QPointF(x, height))
    for tick in uppers:
        x = round(view.x_for_date(tick.day)) + 0.5
        p.setPen(QPen(_alpha(grid, 110), 1))
        p.drawLine(QPointF(x, header_h), QPointF(x, height))
    _paint_today(p, view, header_h, height, pal)
    for i in visible:
        _paint_bar(p, view, rows[i], i, pal)
    p.restore()

    _paint_labels(p, view, visible, pal)
    _paint_header(p, view, uppers, lowers, pal)
    if not rows:
        _paint_empty(p, view, pal)
    return len(visible)


def _paint_today(p: QPainter, view: TimelineCanvas, top: int, bottom: int, pal: QPalette) -> None:
    x = view.x_mid(view.today)
    if x < view.label_width():
        return
    colour = pal.color(QPalette.ColorRole.Highlight)
    p.setPen(QPen(colour, 2))
    p.drawLine(QPointF(x, top), QPointF(x, bottom))


def _paint_bar(p: QPainter, view: TimelineCanvas, row: GoalRow, index: int, pal: QPalette) -> None:
    cy = view.bar_y(index)
    colour = category_colour(row.category)
    if row.status in (GoalStatus.DROPPED, GoalStatus.ON_HOLD):
        colour = QColor(theme.GREY)
    start, target = view.shown_dates(row)
    selected = row.id == view.selected_id()
    hover = view.hovered()
    if start is not None and target is not None:
        x0, x1 = view.x_for_date(start), view.x_for_date(target + timedelta(days=1))
        rect = QRectF(x0, cy - BAR_HEIGHT / 2, max(3.0, x1 - x0), BAR_HEIGHT)
        if rect.right() >= view.label_width() - 4 and rect.left() <= view.viewport().width() + 4:
            path = QPainterPath()
            path.addRoundedRect(rect, 4, 4)
            p.fillPath(path, _alpha(colour, 50))
            fraction = max(0.0, min(1.0, row.progress / 100.0))
            if fraction > 0:
                p.save()
                p.setClipRect(
                    QRectF(rect.left(), rect.top(), rect.width() * fraction, rect.height()),
                    Qt.ClipOperation.IntersectClip,
                )
                p.fillPath(path, colour if row.status != GoalStatus.PLANNED else _alpha(colour, 150))
                p.restore()
            pen = QPen(_alpha(colour, 210), 1)
            if row.status == GoalStatus.PLANNED:
                pen.setStyle(Qt.PenStyle.DashLine)
            if row.overdue:
                pen = QPen(theme.RED, 2)
            if selected:
                pen = QPen(pal.color(QPalette.ColorRole.Highlight) if not row.overdue else theme.RED, 2)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
            if row.overdue:  # a red cap at the passed target
                p.setPen(QPen(theme.RED, 3))
                p.drawLine(QPointF(x1, cy - BAR_HEIGHT / 2 - 3), QPointF(x1, cy + BAR_HEIGHT / 2 + 3))
            if hover is not None and hover.goal_id == row.id and hover.kind in ("start", "target", "bar"):
                p.setPen(QPen(pal.color(QPalette.ColorRole.Text), 2))
                for x in (x0 + 2, x1 - 2):
                    p.drawLine(QPointF(x, cy - 4), QPointF(x, cy + 4))
    elif target is not None or start is not None:
        day = target or start
        assert day is not None
        x = view.x_mid(day)
        p.setPen(QPen(theme.RED if row.overdue else colour, 2))
        p.drawLine(QPointF(x, cy - BAR_HEIGHT / 2 - 2), QPointF(x, cy + BAR_HEIGHT / 2 + 2))
    month_zoom = view.zoom() == Zoom.MONTH
    shown = [view.shown_milestone(m) for m in row.milestones if m.due_on is not None]
    shown.sort(key=lambda m: m.due_on or date.min)
    for k, m in enumerate(shown):
        assert m.due_on is not None
        x = view.x_mid(m.due_on)
        if x < view.label_width() - MARKER or x > view.viewport().width() + MARKER:
            continue
        hot = hover is not None and hover.kind == "milestone" and hover.milestone_id == m.id
        _paint_marker(p, QPointF(x, cy), m, colour, pal, hot)
        if month_zoom:
            nxt = view.x_mid(shown[k + 1].due_on) if k + 1 < len(shown) else x + 200  # type: ignore[arg-type]
            _paint_marker_title(p, x, cy, min(nxt - x - 8, 170), m, pal)


def _paint_marker(
    p: QPainter, centre: QPointF, m: MilestoneRow, colour: QColor, pal: QPalette, hot: bool
) -> None:
    r = MARKER + (2 if hot else 0)
    diamond = QPolygonF(
        [
            QPointF(centre.x(), centre.y() - r),
            QPointF(centre.x() + r, centre.y()),
            QPointF(centre.x(), centre.y() + r),
            QPointF(centre.x() - r, centre.y()),
        ]
    )
    base = pal.color(QPalette.ColorRole.Base)
    halo = QPen(base, 5)
    halo.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    p.setPen(halo)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPolygon(diamond)
    edge = theme.RED if m.overdue else colour.darker(135)
    pen = QPen(edge, 2)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    p.setPen(pen)
    p.setBrush(colour.darker(135) if m.done else base)
    p.drawPolygon(diamond)


def _paint_marker_title(
    p: QPainter, x: float, cy: float, room: float, m: MilestoneRow, pal: QPalette
) -> None:
    if room < 30:
        return
    font = QFont(p.font())
    font.setPointSizeF(max(6.5, font.pointSizeF() * 0.8))
    p.setFont(font)
    fm = QFontMetrics(font)
    text = fm.elidedText(m.title, Qt.TextElideMode.ElideRight, int(room))
    p.setPen(theme.RED if m.overdue else _muted(pal))
    p.drawText(QRectF(x - 4, cy + BAR_HEIGHT / 2 + 1, room, fm.height()), Qt.AlignmentFlag.AlignLeft, text)
    p.setFont(QFont())


def _paint_labels(p: QPainter, view: TimelineCanvas, visible: range, pal: QPalette) -> None:
    label_w = view.label_width()
    rows = view.rows()
    p.save()
    p.setClipRect(QRect(0, view.HEADER_HEIGHT, label_w, view.viewport().height()))
    p.fillRect(
        QRect(0, view.HEADER_HEIGHT, label_w, view.viewport().height()), pal.color(QPalette.ColorRole.Window)
    )
    base = QFont(view.font())
    bold = QFont(base)
    bold.setWeight(QFont.Weight.DemiBold)
    small = QFont(base)
    small.setPointSizeF(base.pointSizeF() * 0.88)
    fm_bold, fm_small = QFontMetrics(bold), QFontMetrics(small)
    for i in visible:
        row, top = rows[i], view.row_top(i)
        if i % 2:
            p.fillRect(
                0, top, label_w, view.ROW_HEIGHT, _alpha(pal.color(QPalette.ColorRole.AlternateBase), 160)
            )
        if row.id == view.selected_id():
            hl = pal.color(QPalette.ColorRole.Highlight)
            p.fillRect(0, top, label_w, view.ROW_HEIGHT, _alpha(hl, 60))
            p.fillRect(0, top, 3, view.ROW_HEIGHT, hl)
        dot = category_colour(row.category)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(dot)
        p.drawEllipse(QPointF(14, top + 14), 4, 4)
        percent = f"{row.progress:.0f}%"
        flag, flag_colour = _flag(row, pal)
        percent_w = fm_bold.horizontalAdvance(percent) + 10
        flag_w = fm_small.horizontalAdvance(flag) + 10 if flag else 0
        p.setFont(bold)
        p.setPen(pal.color(QPalette.ColorRole.Text) if row.is_open else _muted(pal))
        title_w = label_w - 30 - percent_w
        title = fm_bold.elidedText(row.title, Qt.TextElideMode.ElideRight, title_w)
        p.drawText(QRect(24, top + 5, title_w, fm_bold.height()), Qt.AlignmentFlag.AlignLeft, title)
        right = Qt.AlignmentFlag.AlignRight
        p.drawText(QRect(label_w - percent_w - 6, top + 5, percent_w, fm_bold.height()), right, percent)
        p.setFont(small)
        p.setPen(_muted(pal))
        helpers = (
            QCoreApplication.translate("TimelinePaint", "with {names}").format(
                names=", ".join(row.helper_names)
            )
            if row.helpers
            else i18n.label(row.category)
        )
        second_w = label_w - 30 - flag_w
        second = fm_small.elidedText(helpers, Qt.TextElideMode.ElideRight, second_w)
        y2 = top + 8 + fm_bold.height()
        p.drawText(QRect(24, y2, second_w, fm_small.height()), Qt.AlignmentFlag.AlignLeft, second)
        if flag:
            p.setPen(flag_colour)
            p.drawText(QRect(label_w - flag_w - 6, y2, flag_w, fm_small.height()), right, flag)
    p.restore()
    p.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1))
    p.drawLine(QPointF(label_w - 0.5, 0), QPointF(label_w - 0.5, view.viewport().height()))


def _flag(row: GoalRow, pal: QPalette) -> tuple[str, QColor]:
    if row.overdue:
        return QCoreApplication.translate("TimelinePaint", "Overdue"), QColor(theme.RED)
    if row.stalled:
        return QCoreApplication.translate("TimelinePaint", "Stalled"), QColor(theme.AMBER)
    if row.review_due:
        return QCoreApplication.translate("TimelinePaint", "Review due"), pal.color(QPalette.ColorRole.Link)
    if row.status == GoalStatus.ACHIEVED:
        return QCoreApplication.translate("TimelinePaint", "Achieved"), QColor(theme.GREEN)
    if row.status != GoalStatus.ACTIVE:
        return i18n.label(row.status), _muted(pal)
    return "", _muted(pal)


def _paint_header(p: QPainter, view: TimelineCanvas, uppers: list, lowers: list, pal: QPalette) -> None:  # type: ignore[type-arg]
    width, header_h, label_w = view.viewport().width(), view.HEADER_HEIGHT, view.label_width()
    band = header_h // 2
    p.fillRect(QRect(0, 0, width, header_h), pal.color(QPalette.ColorRole.Window))
    p.save()
    p.setClipRect(QRect(label_w, 0, width - label_w, header_h))
    base = QFont(view.font())
    bold = QFont(base)
    bold.setWeight(QFont.Weight.DemiBold)
    small = QFont(base)
    small.setPointSizeF(base.pointSizeF() * 0.88)
    text, muted, grid = pal.color(QPalette.ColorRole.Text), _muted(pal), pal.color(QPalette.ColorRole.Mid)
    for k, tick in enumerate(uppers):
        x = view.x_for_date(tick.day)
        nxt = view.x_for_date(uppers[k + 1].day) if k + 1 < len(uppers) else width + 400
        p.setPen(QPen(_alpha(grid, 140), 1))
        p.drawLine(QPointF(round(x) + 0.5, 2), QPointF(round(x) + 0.5, header_h))
        left = max(x, label_w) + 6  # the label stays in view while its period does
        room = nxt - left - 6
        if room >= QFontMetrics(bold).horizontalAdvance(tick.label):
            p.setFont(bold)
            p.setPen(text)
            label = tick.label
            p.drawText(
                QRectF(left, 2, room, band), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label
            )
    p.setFont(small)
    fm = QFontMetrics(small)
    tag = _today_tag_rect(view, header_h)
    for k, tick in enumerate(lowers):
        x = view.x_for_date(tick.day)
        nxt = view.x_for_date(lowers[k + 1].day) if k + 1 < len(lowers) else x + 200
        p.setPen(QPen(_alpha(grid, 90), 1))
        p.drawLine(QPointF(round(x) + 0.5, band + 2), QPointF(round(x) + 0.5, header_h))
        cell = QRectF(x + 4, band, fm.horizontalAdvance(tick.label), band)
        fits = nxt - x - 6 >= cell.width() and x + 4 >= label_w
        if fits and (tag is None or not tag.adjusted(-4, 0, 4, 0).intersects(cell)):
            p.setPen(muted)
            p.drawText(cell, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, tick.label)
    _paint_today_tag(p, view, header_h, pal)
    p.restore()
    p.setPen(QPen(grid, 1))
    p.drawLine(QPointF(0, header_h - 0.5), QPointF(width, header_h - 0.5))
    p.setFont(QFont(base))
    p.setPen(muted)
    count = len(view.rows())
    if count == 1:
        caption = QCoreApplication.translate("TimelinePaint", "1 goal")
    elif count:
        caption = QCoreApplication.translate("TimelinePaint", "{count} goals").format(count=count)
    else:
        caption = QCoreApplication.translate("TimelinePaint", "Goals")
    p.drawText(
        QRect(12, 0, label_w - 20, header_h),
        Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
        caption,
    )


def _tag_font(view: TimelineCanvas) -> QFont:
    font = QFont(view.font())
    font.setPointSizeF(font.pointSizeF() * 0.85)
    font.setWeight(QFont.Weight.DemiBold)
    return font


def _today_tag_rect(view: TimelineCanvas, header_h: int) -> QRectF | None:
    x = view.x_mid(view.today)
    if x < view.label_width() or x > view.viewport().width():
        return None
    fm = QFontMetrics(_tag_font(view))
    w, h = fm.horizontalAdvance(QCoreApplication.translate("TimelinePaint", "Today")) + 12, fm.height() + 2
    return QRectF(x - w / 2, header_h - h - 3, w, h)


def _paint_today_tag(p: QPainter, view: TimelineCanvas, header_h: int, pal: QPalette) -> None:
    rect = _today_tag_rect(view, header_h)
    if rect is None:
        return
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(pal.color(QPalette.ColorRole.Highlight))
    p.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
    p.setFont(_tag_font(view))
    p.setPen(pal.color(QPalette.ColorRole.HighlightedText))
    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, QCoreApplication.translate("TimelinePaint", "Today"))


def _paint_empty(p: QPainter, view: TimelineCanvas, pal: QPalette) -> None:
    rect = QRect(view.label_width(), view.HEADER_HEIGHT, view.viewport().width() - view.label_width(), 160)
    p.setPen(_muted(pal))
    p.setFont(QFont(view.font()))
    p.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, view.empty_text)


def tooltip(view: TimelineCanvas, hit: Hit | None) -> str:
    """Plain text for the item under the mouse; the first line is fixed text, never user text."""
    if hit is None or hit.kind == "row":
        return ""
    row = view.rows()[hit.row]
    if hit.kind == "milestone":
        m = row.milestone(hit.milestone_id)
        if m is None:
            return ""
        if m.done_on:
            state = QCoreApplication.translate("TimelinePaint", "done {date}").format(
                date=m.done_on.isoformat()
            )
        else:
            state = (
                QCoreApplication.translate("TimelinePaint", "overdue")
                if m.overdue
                else QCoreApplication.translate("TimelinePaint", "open")
            )
        due = m.due_on.isoformat() if m.due_on else QCoreApplication.translate("TimelinePaint", "no date")
        text = QCoreApplication.translate(
            "TimelinePaint", "Milestone · due {due} · {state} (drag to move)"
        ).format(due=due, state=state)
        return f"{text}\n{m.title}"
    dates = f"{row.start_on or '…'} → {row.target_on or '…'}"
    if hit.kind in ("start", "target"):
        first = QCoreApplication.translate("TimelinePaint", "Goal · {dates} · {percent}% (drag to move)")
    else:
        first = QCoreApplication.translate("TimelinePaint", "Goal · {dates} · {percent}%")
    lines = [first.format(dates=dates, percent=f"{row.progress:.0f}"), row.title]
    if row.helpers:
        lines.append(
            QCoreApplication.translate("TimelinePaint", "With {names}").format(
                names=", ".join(row.helper_names)
            )
        )
    return "\n".join(lines)
