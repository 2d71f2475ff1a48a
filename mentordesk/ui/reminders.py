"""Reminders while the app runs: a note before each planned meeting and a daily overdue digest.

A QTimer checks once a minute (the first check a minute after the window opens). Notes go to the system tray when there is one, and to the status
bar otherwise. The lead time is the setting "reminders/lead_minutes" (default 15; 0 turns the notes
off); "reminders/daily_digest" turns the digest off, and the day of the last one is kept in
"reminders/last_digest" so it comes once a day. Settings are read at each check. The clock can be
injected.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from mentordesk.services.errors import MentorDeskError
from mentordesk.ui.context import AppContext

DEFAULT_LEAD_MINUTES = 15
CHECK_EVERY_MS = 60_000


class Reminders(QObject):
    def __init__(
        self,
        ctx: AppContext,
        parent: QObject | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
        tray_available: bool | None = None,
        interval_ms: int = CHECK_EVERY_MS,
        start: bool = True,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._clock = clock
        self._notified: set[tuple[int, datetime]] = set()
        self.sent: list[tuple[str, str]] = []  # (title, text) of every note, newest last
        available = QSystemTrayIcon.isSystemTrayAvailable() if tray_available is None else tray_available
        self.tray: QSystemTrayIcon | None = None
        if available:
            from mentordesk.ui.theme import app_icon

            self.tray = QSystemTrayIcon(app_icon(), self)
            self.tray.setToolTip(self.tr("MentorDesk"))
            self.tray.show()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        if start:
            self.timer.start()

    def now(self) -> datetime:
        return self._clock() if self._clock is not None else self.ctx.services.meetings.current_time()

    def lead_minutes(self) -> int:
        try:
            value = int(self.ctx.settings.value("reminders/lead_minutes", DEFAULT_LEAD_MINUTES))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return DEFAULT_LEAD_MINUTES
        return max(0, value)

    def check(self) -> list[tuple[str, str]]:
        """Send what is due now; returns the notes sent by this check (nothing once the window closed)."""
        window = self.parent()
        if isinstance(window, QWidget) and not window.isVisible():
            return []
        before = len(self.sent)
        try:
            self._meetings_soon()
            self._daily_digest()
        except MentorDeskError as exc:  # a database that went away must not stop the app
            self.ctx.status(str(exc))
        return self.sent[before:]

    def _meetings_soon(self) -> None:
        lead = self.lead_minutes()
        if lead <= 0:
            return
        from mentordesk.ui.models.meetings import time_text

        now = self.now()
        for row in self.ctx.services.meetings.upcoming(now, now + timedelta(minutes=lead)):
            key = (row.id, row.start)
            if key in self._notified:
                continue
            self._notified.add(key)
            minutes = max(0, round((row.start - now).total_seconds() / 60))
            where = f" · {row.location}" if row.location else ""
            if minutes == 1:
                starts = self.tr("Starts in 1 minute")
            else:
                starts = self.tr("Starts in {minutes} minutes").format(minutes=minutes)
            self.notify(
                self.tr("Meeting with {name} at {time}").format(name=row.label, time=time_text(row.start)),
                starts + where,
            )

    def _daily_digest(self) -> None:
        today = self.now().astimezone().date().isoformat()
        wanted = self.ctx.settings.value("reminders/daily_digest", True)
        if isinstance(wanted, str):
            wanted = wanted.lower() in ("true", "1", "yes")
        if not wanted or str(self.ctx.settings.value("reminders/last_digest", "")) == today:
            return
        rows = [r for r in self.ctx.services.meetings.check_ins() if r.days_late > 0]
        self.ctx.settings.setValue("reminders/last_digest", today)
        if not rows:
            return
        names = ", ".join(r.person for r in rows[:4])
        if len(rows) > 4:
            names = self.tr("{names} and {count} more").format(names=names, count=len(rows) - 4)
        if len(rows) == 1:
            count = self.tr("1 check-in overdue")
        else:
            count = self.tr("{count} check-ins overdue").format(count=len(rows))
        self.notify(count, names)

    def notify(self, title: str, text: str) -> None:
        self.sent.append((title, text))
        if self.tray is not None:
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 10_000)
        else:
            self.ctx.status(f"{title}: {text}")
