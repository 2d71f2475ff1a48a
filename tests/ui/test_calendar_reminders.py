"""Reminders before planned meetings and the daily overdue digest, with an injected clock."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QLocale

from mentordesk.services.meetings import MeetingInput
from mentordesk.services.people import NewRelationship
from mentordesk.ui.reminders import Reminders


def local(*args: int) -> datetime:
    return datetime(*args).astimezone()


@pytest.fixture(autouse=True)
def english_uk():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(QLocale.c())


class Clock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


@pytest.fixture
def ana(services):
    rid = services.people.add_relationship(NewRelationship(name="Ana Ruiz"))
    services.meetings.create(
        MeetingInput(relationship_id=rid, start=local(2026, 6, 15, 10, 10), location="Café Lumen")
    )
    return rid


def test_the_window_starts_its_reminders_once_it_is_drawn(window, qtbot):
    qtbot.waitUntil(lambda: window.warmed_up, timeout=30000)
    started = window.findChildren(Reminders)
    assert len(started) == 1 and started[0] is window.reminders
    assert window.reminders.timer.isActive()


def test_meeting_note_goes_to_the_status_bar_without_a_tray(window, services, ana):
    clock = Clock(local(2026, 6, 15, 9, 50))
    rem = Reminders(window.ctx, window, clock=clock, tray_available=False, start=False)
    window.settings.setValue("reminders/last_digest", "2026-06-15")
    assert rem.check() == []  # 20 minutes ahead: later than the default 15
    clock.moment = local(2026, 6, 15, 10, 0)
    assert rem.check() == [("Meeting with Ana Ruiz at 10:10", "Starts in 10 minutes · Café Lumen")]
    assert (
        window.statusBar().currentMessage()
        == "Meeting with Ana Ruiz at 10:10: Starts in 10 minutes · Café Lumen"
    )
    clock.moment = local(2026, 6, 15, 10, 5)
    assert rem.check() == []  # told once


def test_lead_time_comes_from_settings(window, services, ana):
    window.settings.setValue("reminders/lead_minutes", 5)
    window.settings.setValue("reminders/last_digest", "2026-06-15")
    clock = Clock(local(2026, 6, 15, 10, 0))
    rem = Reminders(window.ctx, window, clock=clock, tray_available=False, start=False)
    assert rem.check() == []
    clock.moment = local(2026, 6, 15, 10, 6)
    assert rem.check() == [("Meeting with Ana Ruiz at 10:10", "Starts in 4 minutes · Café Lumen")]


def test_overdue_digest_once_a_day(window, services):
    for name in ("Olga", "Omar"):
        rid = services.people.add_relationship(NewRelationship(name=name, started_on=date(2026, 1, 1)))
        services.meetings.create(
            MeetingInput(relationship_id=rid, start=local(2026, 4, 1, 9, 0), status="held")
        )
    services.people.add_relationship(
        NewRelationship(name="Paula", status="paused", started_on=date(2025, 1, 1))
    )
    clock = Clock(local(2026, 6, 15, 8, 0))
    rem = Reminders(window.ctx, window, clock=clock, tray_available=False, start=False)
    assert rem.check() == [("2 check-ins overdue", "Olga, Omar")]
    clock.moment = local(2026, 6, 15, 17, 0)
    assert rem.check() == []
    clock.moment = local(2026, 6, 16, 8, 0)
    assert rem.check() == [("2 check-ins overdue", "Olga, Omar")]


def test_the_digest_can_be_turned_off(window, services):
    rid = services.people.add_relationship(NewRelationship(name="Olga", started_on=date(2026, 1, 1)))
    services.meetings.create(MeetingInput(relationship_id=rid, start=local(2026, 4, 1, 9, 0), status="held"))
    window.settings.setValue("reminders/daily_digest", False)
    rem = Reminders(
        window.ctx, window, clock=Clock(local(2026, 6, 15, 8, 0)), tray_available=False, start=False
    )
    assert rem.check() == []
    window.settings.setValue("reminders/daily_digest", True)
    assert rem.check() == [("1 check-in overdue", "Olga")]


def test_tray_gets_the_note_when_there_is_one(window, services, ana, monkeypatch):
    shown: list[tuple[str, str]] = []
    rem = Reminders(
        window.ctx, window, clock=Clock(local(2026, 6, 15, 10, 0)), tray_available=True, start=False
    )
    assert rem.tray is not None
    monkeypatch.setattr(rem.tray, "showMessage", lambda title, text, *_a: shown.append((title, text)))
    window.settings.setValue("reminders/last_digest", "2026-06-15")
    window.statusBar().showMessage("Ready")
    rem.check()
    assert shown == [("Meeting with Ana Ruiz at 10:10", "Starts in 10 minutes · Café Lumen")]
    assert window.statusBar().currentMessage() == "Ready"


def test_the_timer_drives_the_checks(window, services, ana, qtbot):
    window.settings.setValue("reminders/last_digest", "2026-06-15")
    rem = Reminders(
        window.ctx, window, clock=Clock(local(2026, 6, 15, 10, 0)), tray_available=False, interval_ms=20
    )
    qtbot.waitUntil(lambda: len(rem.sent) == 1)
    rem.timer.stop()
    assert rem.sent[0][0] == "Meeting with Ana Ruiz at 10:10"


def test_no_check_once_the_window_is_closed(window, services, ana):
    window.settings.setValue("reminders/last_digest", "2026-06-15")
    rem = Reminders(
        window.ctx, window, clock=Clock(local(2026, 6, 15, 10, 0)), tray_available=False, start=False
    )
    window.close()
    assert rem.check() == []
