from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from mentordesk.domain.cadence import Overdue, check_in, next_check_in, overdue_level, periods_met
from mentordesk.domain.enums import RelStatus
from mentordesk.services.base import local_date


def test_next_check_in_is_last_held_plus_cadence():
    assert next_check_in(RelStatus.ACTIVE, 30, date(2026, 1, 10)) == date(2026, 2, 9)


def test_without_a_meeting_the_cadence_counts_from_the_start():
    assert next_check_in(RelStatus.ACTIVE, 14, None, date(2026, 3, 1)) == date(2026, 3, 15)
    assert next_check_in(RelStatus.ACTIVE, 14, None, None) is None


def test_paused_ended_and_prospects_have_no_check_in():
    for status in (
        RelStatus.PAUSED,
        RelStatus.ENDED,
        RelStatus.PROSPECT,
        RelStatus.ASKED,
        RelStatus.DECLINED,
    ):
        assert next_check_in(status, 30, date(2026, 1, 1)) is None
        assert check_in(status, 30, date(2020, 1, 1), None, date(2026, 1, 1)).level == Overdue.NONE


def test_overdue_levels():
    today = date(2026, 6, 15)
    assert overdue_level(date(2026, 6, 14), today) == Overdue.OVERDUE
    assert overdue_level(date(2026, 6, 15), today) == Overdue.DUE_SOON
    assert overdue_level(date(2026, 6, 22), today) == Overdue.DUE_SOON
    assert overdue_level(date(2026, 6, 23), today) == Overdue.NONE
    assert check_in(RelStatus.ACTIVE, 30, date(2026, 5, 1), None, today).days_late == 15


def test_late_evening_meeting_counts_on_its_local_day_across_dst(monkeypatch):
    # 23:30 in Berlin on the night clocks go forward is still 29 March locally, 21:30 UTC.
    monkeypatch.setenv("TZ", "Europe/Berlin")
    import time

    time.tzset()
    try:
        moment = datetime(2026, 3, 29, 23, 30, tzinfo=ZoneInfo("Europe/Berlin")).astimezone(UTC)
        assert moment.hour == 21
        assert local_date(moment) == date(2026, 3, 29)
        assert next_check_in(RelStatus.ACTIVE, 7, local_date(moment)) == date(2026, 4, 5)
        autumn = datetime(2026, 10, 25, 0, 30, tzinfo=ZoneInfo("Europe/Berlin")).astimezone(UTC)
        assert local_date(autumn) == date(2026, 10, 25)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_periods_met_and_longest_gap():
    held = [date(2026, 1, 5), date(2026, 2, 20), date(2026, 3, 1)]
    periods, met, gap = periods_met(held, 30, date(2026, 1, 1), date(2026, 3, 31))
    assert periods == 3  # 90 days in three 30-day windows
    assert met == 2  # Jan 1-30 and Jan 31-Mar 1 (both Feb 20 and Mar 1 fall in the second)
    assert gap == 46  # 5 Jan -> 20 Feb
