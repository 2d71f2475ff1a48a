"""Events that happen once next to series: UIDs they share, windows in their own zone, order of reasons.

Most events of a file happen once and are read without expanding a series; these cases check
that such events come out as the file means them, also when they meet series or each other.
Expected values were worked out by hand.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from mentordesk.formats.ics import IcsParseResult, parse_ics


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def calendar(*lines: str) -> bytes:
    body = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//MentorDesk tests//EN", *lines, "END:VCALENDAR"]
    return ("\r\n".join(body) + "\r\n").encode("utf-8")


def event(*lines: str) -> tuple[str, ...]:
    return ("BEGIN:VEVENT", *lines, "END:VEVENT")


def parse(data: bytes, start: date = date(2024, 1, 1), end: date = date(2024, 12, 31)) -> IcsParseResult:
    return parse_ics(data, window_start=start, window_end=end, filename="test.ics")


def test_single_event_with_a_higher_sequence_replaces_the_series_with_its_uid() -> None:
    data = calendar(
        *event("UID:s", "DTSTART:20240105T090000Z", "RRULE:FREQ=DAILY;COUNT=2", "SUMMARY:Series"),
        *event("UID:s", "DTSTART:20240110T090000Z", "SUMMARY:Single", "SEQUENCE:1"),
    )
    result = parse(data)
    assert [(e.summary, e.start, e.occurrence) for e in result.events] == [
        ("Single", utc(2024, 1, 10, 9), "")
    ]
    assert [(s.where, s.reason) for s in result.skipped] == [
        ("event 1 (UID s, line 4)", "event 2 (UID s, line 10) has the same UID and replaces it")
    ]


def test_series_with_a_higher_sequence_replaces_the_single_event_with_its_uid() -> None:
    data = calendar(
        *event(
            "UID:s", "DTSTART:20240105T090000Z", "RRULE:FREQ=DAILY;COUNT=2", "SUMMARY:Series", "SEQUENCE:3"
        ),
        *event("UID:s", "DTSTART:20240110T090000Z", "SUMMARY:Single", "SEQUENCE:1"),
    )
    result = parse(data)
    assert [(e.summary, e.start, e.occurrence) for e in result.events] == [
        ("Series", utc(2024, 1, 5, 9), "20240105T090000Z"),
        ("Series", utc(2024, 1, 6, 9), "20240106T090000Z"),
    ]
    assert [s.where for s in result.skipped] == ["event 2 (UID s, line 11)"]


def test_override_of_a_single_event_moves_it() -> None:
    data = calendar(
        *event("UID:o", "DTSTART:20240105T090000Z", "SUMMARY:Planned"),
        *event("UID:o", "RECURRENCE-ID:20240105T090000Z", "DTSTART:20240105T100000Z", "SUMMARY:Moved"),
    )
    result = parse(data)
    assert [(e.summary, e.start, e.occurrence) for e in result.events] == [
        ("Moved", utc(2024, 1, 5, 10), "20240105T090000Z")
    ]
    assert result.skipped == []


def test_event_without_uid_whose_derived_uid_is_taken_competes_with_that_event() -> None:
    # sha1("|20240105T090000Z|Coffee"): the UID derived for the second event.
    taken = "53d15ef4b74fe8a87ba7ad48156cbcdb3716e078"
    data = calendar(
        *event(f"UID:{taken}", "DTSTART:20240106T090000Z", "SUMMARY:Tea"),
        *event("DTSTART:20240105T090000Z", "SUMMARY:Coffee"),
    )
    result = parse(data)
    assert [(e.uid, e.summary) for e in result.events] == [(taken, "Tea")]
    assert [(s.where, s.reason) for s in result.skipped] == [
        ("event 2 (no UID, line 9)", f"event 1 (UID {taken}, line 4) has the same UID and replaces it")
    ]


def test_utc_event_is_placed_in_the_window_by_the_calendar_zone() -> None:
    # X-WR-TIMEZONE: New York. 02:00 UTC on 1 January is still 31 December there.
    data = calendar(
        "X-WR-TIMEZONE:America/New_York",
        *event("UID:late", "DTSTART:20240101T020000Z", "SUMMARY:New Year's Eve"),
        *event("UID:early", "DTSTART:20240101T060000Z", "SUMMARY:New Year's Day"),
    )
    result = parse(data)
    assert [(e.uid, e.start) for e in result.events] == [("early", utc(2024, 1, 1, 6))]


def test_zoned_event_is_placed_in_the_window_by_its_own_zone() -> None:
    # 08:00 in Auckland on 1 January is 19:00 UTC on 31 December: inside a window from 1 January.
    data = calendar(
        *event(
            "UID:nz",
            "DTSTART;TZID=Pacific/Auckland:20240101T080000",
            "DTEND;TZID=Pacific/Auckland:20240101T090000",
        )
    )
    result = parse(data)
    assert [(e.start, e.end) for e in result.events] == [(utc(2023, 12, 31, 19), utc(2023, 12, 31, 20))]


def test_end_before_start_is_read_the_other_way_round() -> None:
    data = calendar(*event("UID:r", "DTSTART:20240105T100000Z", "DTEND:20240105T090000Z"))
    [only] = parse(data).events
    assert (only.start, only.end) == (utc(2024, 1, 5, 9), utc(2024, 1, 5, 10))


def test_reasons_come_in_file_order_for_single_events_and_series_alike() -> None:
    data = calendar(
        *event("UID:a", "DTSTART:20240105T090000Z", "SUMMARY:First"),
        *event("UID:b", "DTSTART:19900106T090000Z", "RRULE:FREQ=DAILY", "SUMMARY:Every day"),
        *event("UID:c", "DTSTART:20240107T090000Z", "DURATION:P99999999D", "SUMMARY:For ever"),
        *event("UID:d", "DTSTART;VALUE=DATE:19900108", "RRULE:FREQ=DAILY", "SUMMARY:Every day too"),
        *event("UID:e", "DTSTART:20240109T090000Z", "SUMMARY:Off", "STATUS:CANCELLED"),
    )
    result = parse(data, date(1990, 1, 1), date(2040, 12, 31))
    assert [e.uid for e in result.events] == ["a"]
    too_often = "it repeats more than 10000 times in the chosen period; choose a shorter period"
    assert [(s.where, s.reason) for s in result.skipped] == [
        ("event 2 (UID b, line 9)", too_often),
        (
            "event 3 (UID c, line 15)",
            "its dates and repetitions cannot be worked out: date value out of range",
        ),
        ("event 4 (UID d, line 21)", too_often),
    ]
    assert result.cancelled == 1


def test_many_single_events_around_a_series() -> None:
    singles = [
        line
        for day in range(1, 29)
        for line in event(
            f"UID:day-{day}@example.org",
            f"DTSTART:202402{day:02d}T090000Z",
            "DURATION:PT30M",
            f"SUMMARY:Check-in {day}",
            "ATTENDEE;CN=Ana:mailto:Ana@Example.org",
            "LOCATION:Room\\, 2",
        )
    ]
    data = calendar(
        *singles[: 9 * 8],  # days 1 to 9, eight lines each
        *event("UID:weekly", "DTSTART;VALUE=DATE:20240205", "RRULE:FREQ=WEEKLY;COUNT=4", "SUMMARY:Weekly"),
        *singles[9 * 8 :],
    )
    result = parse(data, date(2024, 2, 1), date(2024, 2, 29))
    assert len(result.events) == 28 + 4
    assert result.skipped == []
    tenth = next(e for e in result.events if e.uid == "day-10@example.org")
    assert (tenth.start, tenth.end, tenth.all_day) == (utc(2024, 2, 10, 9), utc(2024, 2, 10, 9, 30), False)
    assert (tenth.summary, tenth.location, tenth.attendees) == (
        "Check-in 10",
        "Room, 2",
        ("ana@example.org",),
    )
    assert tenth.where == "event 11 (UID day-10@example.org, line 82)"  # 3 + 9 * 8 + 6 + 1
    weekly = [e for e in result.events if e.uid == "weekly"]
    assert [(e.start, e.all_day, e.occurrence) for e in weekly][:2] == [
        (utc(2024, 2, 5), True, "20240205"),
        (utc(2024, 2, 12), True, "20240212"),
    ]
