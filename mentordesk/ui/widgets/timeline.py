"""The goals timeline: one row per goal, a bar from start to target, milestones, a today line.

This is the interactive part (:class:`TimelineView`): click to select, double-click or Enter to
edit, Delete to delete, arrows to move the selection, Ctrl+wheel to zoom, Shift+wheel or a drag on
empty space to scroll through time. Dragging a bar's end or a milestone emits one signal on release;
the tab turns it into an undoable command. Nothing here touches the database.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QHelpEvent, QKeyEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip

from mentordesk.ui.widgets import timeline_paint
from mentordesk.ui.widgets.timeline_canvas import Drag, Hit, TimelineCanvas

__all__ = ["Hit", "TimelineView"]


class TimelineView(TimelineCanvas):
    editRequested = Signal(int)  # goal id (double-click, Enter)
    deleteRequested = Signal(int)  # goal id (Delete)
    milestoneMoved = Signal(int, int, object, object)  # goal id, milestone id, old due, new due
    goalDatesMoved = Signal(int, object, object)  # goal id, new start, new target

    # -- mouse --------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._stop_auto_fit()
        pos = event.position()
        hit = self.hit(pos)
        if event.button() != Qt.MouseButton.LeftButton:
            if hit is not None:
                self.select(hit.goal_id, ensure_visible=False)
            return
        if hit is None:
            return
        self.select(hit.goal_id, ensure_visible=False)
        row = self._rows[hit.row]
        if hit.kind == "milestone":
            m = row.milestone(hit.milestone_id)
            assert m is not None and m.due_on is not None
            self._drag = Drag("milestone", row.id, m.id, pos.x(), m.due_on, m.due_on)
        elif hit.kind in ("start", "target"):
            original = row.start_on if hit.kind == "start" else row.target_on
            assert original is not None
            self._drag = Drag(hit.kind, row.id, 0, pos.x(), original, original)
        elif hit.kind in ("row", "bar"):
            self._pan = (round(pos.x()), self.horizontalScrollBar().value())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position()
        d = self._drag
        if d is not None:
            dx = pos.x() - d.press_x
            if not d.moved and abs(dx) < QApplication.startDragDistance():
                return
            d.moved = True
            d.current = d.original + timedelta(days=round(dx / self._zoom.px_per_day))
            row = self._rows[self._index[d.goal_id]]
            if d.kind == "start" and row.target_on is not None:
                d.current = min(d.current, row.target_on)
            elif d.kind == "target" and row.start_on is not None:
                d.current = max(d.current, row.start_on)
            self.viewport().update()
            return
        if self._pan is not None:
            self.horizontalScrollBar().setValue(self._pan[1] - (round(pos.x()) - self._pan[0]))
            return
        hit = self.hit(pos)
        if hit != self._hover:
            self._hover = hit
            self.viewport().update()
        kind = hit.kind if hit else ""
        cursor = {
            "milestone": Qt.CursorShape.SizeHorCursor,
            "start": Qt.CursorShape.SizeHorCursor,
            "target": Qt.CursorShape.SizeHorCursor,
        }.get(kind, Qt.CursorShape.ArrowCursor)
        self.viewport().setCursor(cursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        d, self._drag, self._pan = self._drag, None, None
        if d is None or not d.moved or d.current == d.original:
            self.viewport().update()
            return
        # Keep drawing the new date until the tab has saved it (and refreshed) or refused it.
        self._drag = d
        try:
            if d.kind == "milestone":
                self.milestoneMoved.emit(d.goal_id, d.milestone_id, d.original, d.current)
            else:
                row = self._rows[self._index[d.goal_id]]
                start, target = row.start_on, row.target_on
                if d.kind == "start":
                    start = d.current
                else:
                    target = d.current
                self.goalDatesMoved.emit(d.goal_id, start, target)
        finally:
            self._drag = None
            self.viewport().update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        hit = self.hit(event.position())
        if hit is not None and event.button() == Qt.MouseButton.LeftButton:
            self.select(hit.goal_id, ensure_visible=False)
            self.editRequested.emit(hit.goal_id)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        self._hover = None
        self.viewport().update()
        super().leaveEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        delta = event.angleDelta()
        mods = event.modifiers()
        self._stop_auto_fit()
        if mods & Qt.KeyboardModifier.ControlModifier:
            if delta.y():
                zoom = self._zoom.finer() if delta.y() > 0 else self._zoom.coarser()
                self.set_zoom(zoom, event.position().x())
            return
        if mods & Qt.KeyboardModifier.ShiftModifier or abs(delta.x()) > abs(delta.y()):
            step = delta.x() or delta.y()
            h = self.horizontalScrollBar()
            h.setValue(h.value() - round(step / 120 * h.singleStep() * 3))
            return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            text = timeline_paint.tooltip(self, self.hit(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    # -- keyboard -----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier & ~Qt.KeyboardModifier.ShiftModifier:
            super().keyPressEvent(event)
            return
        current = self._index.get(self._selected, -1)
        page = max(1, self._body_height() // self.ROW_HEIGHT - 1)
        moves = {
            Qt.Key.Key_Up: current - 1 if current >= 0 else 0,
            Qt.Key.Key_Down: current + 1,
            Qt.Key.Key_PageUp: current - page,
            Qt.Key.Key_PageDown: current + page,
            Qt.Key.Key_Home: 0,
            Qt.Key.Key_End: len(self._rows) - 1,
        }
        if key in moves and self._rows:
            target = max(0, min(len(self._rows) - 1, moves[Qt.Key(key)]))
            self.select(self._rows[target].id)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self._stop_auto_fit()
            h = self.horizontalScrollBar()
            h.setValue(h.value() + (h.singleStep() * 2) * (-1 if key == Qt.Key.Key_Left else 1))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._selected:
            self.editRequested.emit(self._selected)
        elif key == Qt.Key.Key_Delete and self._selected:
            self.deleteRequested.emit(self._selected)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.set_zoom(self._zoom.finer())
        elif key == Qt.Key.Key_Minus:
            self.set_zoom(self._zoom.coarser())
        else:
            super().keyPressEvent(event)
