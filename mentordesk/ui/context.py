"""What the tabs share: the services, the undo stack, settings, and signals between tabs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack

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
