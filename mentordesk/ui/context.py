"""What the tabs share: the services, the undo stack, settings, and signals between tabs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from mentordesk.services.container import Services


class AppContext(QObject):
    """Handed to every tab. Tabs talk to each other only through these signals."""

    # Something changed in the data: "people", "meetings", "goals", "all". Tabs refresh what they show.
    dataChanged = Signal(str)
    # Ask the window to show an item: (kind, id), kind in "relationship", "meeting", "goal".
    navigateRequested = Signal(str, int)
    # A short message for the status bar.
    statusMessage = Signal(str)

    def __init__(self, services: Services, undo_stack: QUndoStack, settings: QSettings) -> None:
        super().__init__()
        self.services = services
        self.undo_stack = undo_stack
        self.settings = settings

    def notify(self, what: str) -> None:
        self.dataChanged.emit(what)

    def status(self, message: str) -> None:
        self.statusMessage.emit(message)

    def run(self, action: Callable[[], object], *, changed: str) -> object:
        """Run a write and tell the tabs what changed."""
        result = action()
        self.notify(changed)
        return result

    def refresh_on_change(self, tab: QWidget, refresh: Callable[[str], object]) -> None:
        """Call ``refresh(what)`` when the data changes: now when ``tab`` shows (or the window does
        not), else once ``tab`` shows again, so tabs in the background do not re-read on every edit."""
        _RefreshWhenShown(self, tab, refresh)


class _RefreshWhenShown(QObject):
    """Watches the tab's events only while a refresh waits for it to show: every event that
    reaches Python costs a call, and the first of each kind makes PySide create its class."""

    def __init__(self, ctx: AppContext, tab: QWidget, refresh: Callable[[str], object]) -> None:
        super().__init__(tab)
        self._tab = tab
        self._refresh = refresh
        self._pending: str | None = None
        ctx.dataChanged.connect(self._changed)

    def _changed(self, what: str) -> None:
        if self._tab.isVisible() or not self._tab.window().isVisible():
            self._refresh(what)
            return
        # Several changes while hidden: one refresh of everything when shown.
        if self._pending is None:
            self._tab.installEventFilter(self)
        self._pending = what if self._pending in (None, what) else "all"

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Show and self._pending is not None:
            what, self._pending = self._pending, None
            self._tab.removeEventFilter(self)
            self._refresh(what)
        return False
