"""Cadence and scheduling rules as the calendar uses them: pure functions, no database."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from mentordesk.domain.cadence import Overdue, check_in, next_check_in
from mentordesk.domain.enums import RelStatus
from mentordesk.services.meetings_schedule import at_local, candidate_times, overlaps, propose_slot
from mentordesk.services.meetings_types import CheckInRow, meeting_day, parse_action_lines

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


# --- check-ins --------------------------------------------------------------------------------


def test_a_held_meeting_resets_the_due_date():
    today = date(2026, 6, 15)
    before = check_in(RelStatus.ACTIVE, 14, date(2026, 5, 20), None, today)
    after = check_in(RelStatus.ACTIVE, 14, date(2026, 6, 15), None, today)
    assert (before.due, before.level, before.days_late) == (date(2026, 6, 3), Overdue.OVERDUE, 12)
    assert (after.due, after.level) == (date(2026, 6, 29), Overdue.NONE)


def test_paused_relationship_is_never_due_however_long_ago():
    ci = check_in(RelStatus.PAUSED, 7, date(2020, 1, 1), date(2019, 1, 1), date(2026, 6, 15))
    assert (ci.due, ci.level, ci.days_late) == (None, Overdue.NONE, 0)


def test_resuming_a_paused_relationship_counts_from_the_last_meeting():
    ci = check_in(RelStatus.ACTIVE, 30, date(2026, 3, 1), None, date(2026, 6, 15))
    assert (ci.due, ci.level, ci.days_late) == (date(2026, 3, 31), Overdue.OVERDUE, 76)


def test_due_soon_window_is_seven_days_inclusive():
    today = date(2026, 6, 15)
    assert check_in(RelStatus.ACTIVE, 7, date(2026, 6, 15), None, today).level == Overdue.DUE_SOON
    assert check_in(RelStatus.ACTIVE, 8, date(2026, 6, 15), None, today).level == Overdue.NONE


def test_describe_words():
    row = CheckInRow(1, "Ana", "", 30, None, date(2026, 6, 14), Overdue.OVERDUE, 1, None)
    assert row.describe(date(2026, 6, 15)) == "overdue by 1 day"
    row = CheckInRow(1, "Ana", "", 30, None, date(2026, 6, 15), Overdue.DUE_SOON, 0, None)
    assert row.describe(date(2026, 6, 15)) == "due today"
    row = CheckInRow(1, "Ana", "", 30, None, date(2026, 6, 16), Overdue.DUE_SOON, 0, None)
    assert row.describe(date(2026, 6, 15)) == "due in 1 day"


# --- days and time zones --------------------------------------------------------------------------


def test_meeting_day_of_an_all_day_meeting_is_its_stored_date():
    assert meeting_day(utc(2026, 6, 3), True) == date(2026, 6, 3)


def test_cadence_across_the_spring_dst_change_counts_calendar_days():
    # A weekly meeting at 09:00 Berlin on 23 March (UTC+1) is due on 30 March (after the change).
    held = datetime(2026, 3, 23, 9, 0, tzinfo=BERLIN)
    due = next_check_in(RelStatus.ACTIVE, 7, held.date())
    assert due == date(2026, 3, 30)
    slot = propose_slot(earliest=due, duration=timedelta(hours=1), busy=[], preferred=time(9), tz=BERLIN)
    assert slot == utc(2026, 3, 30, 7, 0)  # 09:00 CEST is 07:00 UTC (the week before: 08:00 UTC)
    assert held.astimezone(UTC) == utc(2026, 3, 23, 8, 0)


def test_at_local_across_the_autumn_change_in_new_york():
    assert at_local(date(2026, 10, 30), time(10), NEW_YORK) == utc(2026, 10, 30, 14, 0)  # EDT, UTC-4
    assert at_local(date(2026, 11, 2), time(10), NEW_YORK) == utc(2026, 11, 2, 15, 0)  # EST, UTC-5


def test_a_wall_time_inside_the_spring_gap_moves_forward():
    # 02:30 does not exist in Berlin on 29 March 2026: it is read as 03:30 CEST (01:30 UTC).
    assert at_local(date(2026, 3, 29), time(2, 30), BERLIN) == utc(2026, 3, 29, 1, 30)


def test_an_ambiguous_autumn_wall_time_takes_the_first_occurrence():
    # 02:30 happens twice in Berlin on 25 October 2026; the first (CEST, UTC+2) is taken.
    assert at_local(date(2026, 10, 25), time(2, 30), BERLIN) == utc(2026, 10, 25, 0, 30)


# --- proposals and clashes ----------------------------------------------------------------------


def test_overlap_rules():
    assert overlaps(utc(2026, 1, 1, 10), utc(2026, 1, 1, 11), utc(2026, 1, 1, 10, 30), utc(2026, 1, 1, 12))
    assert not overlaps(utc(2026, 1, 1, 10), utc(2026, 1, 1, 11), utc(2026, 1, 1, 11), utc(2026, 1, 1, 12))


def test_candidates_start_with_the_preferred_time_and_stay_in_working_hours():
    slots = candidate_times(time(10), timedelta(hours=1))
    assert slots[:5] == [time(10), time(9, 30), time(10, 30), time(9), time(11)]
    assert max(slots) == time(17) and min(slots) == time(9)


def test_proposal_skips_a_busy_preferred_time_and_the_weekend():
    friday = date(2026, 6, 19)
    busy = [(at_local(friday, time(h), BERLIN), at_local(friday, time(h + 1), BERLIN)) for h in range(9, 18)]
    # Friday is full, Saturday and Sunday are skipped: Monday at 10:00 Berlin.
    slot = propose_slot(earliest=friday, duration=timedelta(hours=1), busy=busy, tz=BERLIN)
    assert slot == utc(2026, 6, 22, 8, 0)


def test_proposal_on_a_weekend_day_moves_to_monday():
    slot = propose_slot(earliest=date(2026, 6, 20), duration=timedelta(minutes=30), busy=[], tz=BERLIN)
    assert slot == utc(2026, 6, 22, 8, 0)


def test_proposal_keeps_an_unusual_preferred_time():
    slot = propose_slot(
        earliest=date(2026, 6, 16), duration=timedelta(minutes=30), busy=[], preferred=time(19, 0), tz=BERLIN
    )
    assert slot == utc(2026, 6, 16, 17, 0)


def test_parse_action_lines_keeps_plain_text():
    assert parse_action_lines("Call Ana: about the talk") == [("Call Ana: about the talk", "me")]
