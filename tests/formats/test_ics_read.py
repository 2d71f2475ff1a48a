"""Reading iCalendar files: hand-written fixtures with expected values worked out by hand."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from mentordesk.formats.ics import (
    IcsEvent,
    IcsParseResult,
    ics_status_to_meeting_status,
    meeting_uuid_from_uid,
    parse_ics,
)
from mentordesk.services.errors import ImportFormatError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ics"


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def ics(*lines: str) -> bytes:
    """A file from content lines, joined with CRLF."""
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def calendar(*lines: str) -> bytes:
    return ics("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//MentorDesk tests//EN", *lines, "END:VCALENDAR")


def event(*lines: str) -> tuple[str, ...]:
    return ("BEGIN:VEVENT", *lines, "END:VEVENT")


def parse(
    data: bytes, start: date = date(2024, 1, 1), end: date = date(2024, 12, 31), filename: str = "test.ics"
) -> IcsParseResult:
    return parse_ics(data, window_start=start, window_end=end, filename=filename)


def only(result: IcsParseResult) -> IcsEvent:
    assert len(result.events) == 1, result
    return result.events[0]


@pytest.fixture
def local_new_york() -> Iterator[None]:
    """Make the local time of this process New York time, for floating times."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset() is not available on this platform")
    previous = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    try:
        yield
    finally:
        if previous is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = previous
        time.tzset()


# --- the series fixture ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def series() -> IcsParseResult:
    data = (FIXTURES / "mentoring_series.ics").read_bytes()
    return parse(data, date(2024, 3, 1), date(2024, 5, 31))


def test_series_fixture_gives_each_occurrence_in_order(series: IcsParseResult) -> None:
    assert [(e.summary, e.start) for e in series.events] == [
        ("Mentoring: Ana Ruiz", utc(2024, 3, 11, 8)),
        ("Mentoring: Ana Ruiz", utc(2024, 3, 18, 8)),
        ("Intro call", utc(2024, 3, 20, 16)),
        ("Offsite", utc(2024, 3, 25)),
        ("Mentoring: Ana Ruiz", utc(2024, 3, 25, 8)),
        # 1 April is excluded by EXDATE
        ("Mentoring: Ana Ruiz", utc(2024, 4, 8, 7)),
        ("Mentoring: Ana Ruiz (moved)", utc(2024, 4, 16, 12)),
        # 22 April is cancelled
        ("Mentoring: Ana Ruiz", utc(2024, 4, 29, 7)),
    ]
    assert series.skipped == []


def test_weekly_berlin_event_keeps_nine_oclock_across_the_march_change(series: IcsParseResult) -> None:
    weekly = [e for e in series.events if e.uid == "weekly-1@example.org" and "moved" not in e.summary]
    # 09:00 CET is 08:00Z before 31 March 2024, 09:00 CEST is 07:00Z after it
    assert [e.start.hour for e in weekly] == [8, 8, 8, 7, 7]
    assert all(e.end - e.start == (utc(2024, 1, 1, 1) - utc(2024, 1, 1)) for e in weekly)


def test_occurrence_ids_are_the_original_starts_in_utc(series: IcsParseResult) -> None:
    weekly = [e for e in series.events if e.uid == "weekly-1@example.org"]
    assert [e.occurrence for e in weekly] == [
        "20240311T080000Z",
        "20240318T080000Z",
        "20240325T080000Z",
        "20240408T070000Z",
        "20240415T070000Z",  # the moved one keeps the id of the day it was moved from
        "20240429T070000Z",
    ]
    one_off = next(e for e in series.events if e.uid == "one-off-2@example.org")
    assert one_off.occurrence == ""


def test_recurrence_id_override_moves_one_occurrence(series: IcsParseResult) -> None:
    moved = next(e for e in series.events if e.occurrence == "20240415T070000Z")
    assert moved.summary == "Mentoring: Ana Ruiz (moved)"
    assert (moved.start, moved.end) == (utc(2024, 4, 16, 12), utc(2024, 4, 16, 13))
    assert not any(e.start.date() == date(2024, 4, 15) for e in series.events)


def test_cancelled_event_and_cancelled_occurrence_are_left_out_and_counted(series: IcsParseResult) -> None:
    assert series.cancelled == 2
    assert not any(e.status == "CANCELLED" for e in series.events)
    assert not any(e.summary == "Dropped session" for e in series.events)
    assert not any(e.start.date() == date(2024, 4, 22) for e in series.events)


def test_fields_of_an_occurrence(series: IcsParseResult) -> None:
    first = series.events[0]
    assert first.uid == "weekly-1@example.org"
    assert first.end == utc(2024, 3, 11, 9)
    assert not first.all_day
    assert first.description == "Career goals, next steps\nBring the CV"
    assert first.location == "Room 4"
    assert first.attendees == ("ana@example.org", "sam.lee@example.org")
    assert first.status == "CONFIRMED"
    assert first.where == "event 1 (UID weekly-1@example.org, line 22)"
    assert first.app_status == ""


def test_duration_all_day_and_tentative(series: IcsParseResult) -> None:
    intro = next(e for e in series.events if e.summary == "Intro call")
    assert (intro.start, intro.end, intro.status) == (
        utc(2024, 3, 20, 16),
        utc(2024, 3, 20, 16, 45),
        "TENTATIVE",
    )
    offsite = next(e for e in series.events if e.summary == "Offsite")
    assert offsite.all_day
    assert (offsite.start, offsite.end) == (utc(2024, 3, 25), utc(2024, 3, 27))


def test_window_includes_both_days_and_counts_only_cancellations_inside() -> None:
    data = (FIXTURES / "mentoring_series.ics").read_bytes()
    result = parse(data, date(2024, 3, 18), date(2024, 3, 25))
    assert [(e.summary, e.start) for e in result.events] == [
        ("Mentoring: Ana Ruiz", utc(2024, 3, 18, 8)),
        ("Intro call", utc(2024, 3, 20, 16)),
        ("Offsite", utc(2024, 3, 25)),
        ("Mentoring: Ana Ruiz", utc(2024, 3, 25, 8)),
    ]
    assert result.cancelled == 1


# --- recurrence -------------------------------------------------------------------------------


def test_count_of_occurrences_in_window_and_exdate_removes_one() -> None:
    lines = (
        "UID:daily",
        "DTSTART:20240102T100000Z",
        "DTEND:20240102T103000Z",
        "RRULE:FREQ=DAILY",
        "SUMMARY:Stand-up",
    )
    result = parse(calendar(*event(*lines)), date(2024, 1, 1), date(2024, 1, 10))
    assert len(result.events) == 9  # 2 to 10 January
    result = parse(calendar(*event(*lines, "EXDATE:20240105T100000Z")), date(2024, 1, 1), date(2024, 1, 10))
    assert len(result.events) == 8
    assert utc(2024, 1, 5, 10) not in [e.start for e in result.events]


def test_rdate_adds_occurrences() -> None:
    data = calendar(*event("UID:r", "DTSTART:20240105T090000Z", "RDATE:20240110T090000Z,20240112T090000Z"))
    result = parse(data)
    assert [e.start for e in result.events] == [utc(2024, 1, 5, 9), utc(2024, 1, 10, 9), utc(2024, 1, 12, 9)]
    assert [e.occurrence for e in result.events] == [
        "20240105T090000Z",
        "20240110T090000Z",
        "20240112T090000Z",
    ]


def test_recurring_all_day_occurrence_ids_are_dates() -> None:
    data = calendar(
        *event("UID:ad", "DTSTART;VALUE=DATE:20240105", "RRULE:FREQ=WEEKLY;COUNT=2", "SUMMARY:Review")
    )
    result = parse(data)
    assert [(e.occurrence, e.start, e.end, e.all_day) for e in result.events] == [
        ("20240105", utc(2024, 1, 5), utc(2024, 1, 6), True),
        ("20240112", utc(2024, 1, 12), utc(2024, 1, 13), True),
    ]


def test_series_with_an_invalid_rrule_is_skipped_and_the_others_are_read() -> None:
    data = calendar(
        *event("UID:bad", "DTSTART:20240105T090000Z", "RRULE:FREQ=FOO", "SUMMARY:Broken"),
        *event("UID:good", "DTSTART:20240106T090000Z", "SUMMARY:Fine"),
    )
    result = parse(data)
    assert only(result).summary == "Fine"
    [skipped] = result.skipped
    assert skipped.where == "event 1 (UID bad, line 4)"
    assert "RRULE" in skipped.reason and "FOO" in skipped.reason


@pytest.mark.parametrize(
    ("rule", "reason"),
    [
        ("", "its RRULE has no frequency (FREQ)"),
        ("FREQ=MINUTELY", "it repeats every minute; such series are not imported"),
        ("FREQ=HOURLY;COUNT=3", "it repeats every hour; such series are not imported"),
        ("FREQ=DAILY;INTERVAL=0", "its RRULE has an impossible part: INTERVAL=0"),
        ("FREQ=YEARLY;BYMONTH=13", "its RRULE has an impossible part: BYMONTH=13"),
        ("FREQ=MONTHLY;BYMONTHDAY=0", "its RRULE has an impossible part: BYMONTHDAY=0"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "its RRULE never gives a date"),
        ("FREQ=WEEKLY;BYDAY=XX", "its RRULE cannot be read: "),
    ],
)
def test_series_with_an_unusable_rule_is_skipped(rule: str, reason: str) -> None:
    data = calendar(
        *event("UID:r", "DTSTART:20240105T090000Z", f"RRULE:{rule}"),
        *event("UID:ok", "DTSTART:20240105T090000Z"),
    )
    result = parse(data)
    assert [e.uid for e in result.events] == ["ok"]
    [skipped] = result.skipped
    assert skipped.where == "event 1 (UID r, line 4)"
    assert skipped.reason.startswith(reason) and skipped.reason.endswith("XX" if "XX" in rule else reason)


def test_rare_but_possible_rule_is_expanded() -> None:
    data = calendar(
        *event("UID:leap", "DTSTART;VALUE=DATE:20200229", "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29")
    )
    result = parse(data, date(2021, 1, 1), date(2028, 12, 31))
    assert [e.start for e in result.events] == [utc(2024, 2, 29), utc(2028, 2, 29)]


# --- time zones -------------------------------------------------------------------------------


def test_iana_tzid_without_vtimezone_in_the_file() -> None:
    data = calendar(
        *event(
            "UID:w", "DTSTART;TZID=Europe/Berlin:20240325T090000", "RRULE:FREQ=WEEKLY;COUNT=2", "SUMMARY:x"
        )
    )
    assert [e.start for e in parse(data).events] == [utc(2024, 3, 25, 8), utc(2024, 4, 1, 7)]


def test_windows_tzid_is_understood() -> None:
    data = calendar(*event("UID:w", "DTSTART;TZID=W. Europe Standard Time:20240105T090000"))
    assert only(parse(data)).start == utc(2024, 1, 5, 8)


def test_utc_times() -> None:
    data = calendar(*event("UID:u", "DTSTART:20240105T090000Z", "DTEND:20240105T093000Z"))
    e = only(parse(data))
    assert (e.start, e.end) == (utc(2024, 1, 5, 9), utc(2024, 1, 5, 9, 30))
    assert e.start.tzinfo is UTC


@pytest.mark.usefixtures("local_new_york")
def test_floating_time_is_local_time() -> None:
    data = calendar(*event("UID:f", "DTSTART:20240105T090000", "DTEND:20240105T100000"))
    e = only(parse(data))
    assert (e.start, e.end) == (utc(2024, 1, 5, 14), utc(2024, 1, 5, 15))


@pytest.mark.usefixtures("local_new_york")
def test_unknown_tzid_is_read_as_floating_time() -> None:
    data = calendar(*event("UID:f", "DTSTART;TZID=Mars/Olympus Mons:20240705T090000", "SUMMARY:x"))
    assert only(parse(data)).start == utc(2024, 7, 5, 13)


@pytest.mark.usefixtures("local_new_york")
def test_x_wr_timezone_gives_the_zone_of_floating_times() -> None:
    data = calendar("X-WR-TIMEZONE:Europe/Berlin", *event("UID:f", "DTSTART:20240105T090000"))
    assert only(parse(data)).start == utc(2024, 1, 5, 8)
    data = calendar("X-WR-TIMEZONE:Nowhere/Special", *event("UID:f", "DTSTART:20240105T090000"))
    assert only(parse(data)).start == utc(2024, 1, 5, 14)


def test_custom_vtimezone_of_each_file_is_used() -> None:
    def with_offset(offset: str) -> bytes:
        return calendar(
            "BEGIN:VTIMEZONE",
            "TZID:Customized Time Zone",
            "BEGIN:STANDARD",
            "DTSTART:16010101T000000",
            f"TZOFFSETFROM:{offset}",
            f"TZOFFSETTO:{offset}",
            "END:STANDARD",
            "END:VTIMEZONE",
            *event("UID:c", "DTSTART;TZID=Customized Time Zone:20240105T090000"),
        )

    assert only(parse(with_offset("+0300"))).start == utc(2024, 1, 5, 6)
    assert only(parse(with_offset("-0500"))).start == utc(2024, 1, 5, 14)


def test_vtimezone_may_come_after_the_events() -> None:
    data = calendar(
        *event("UID:c", "DTSTART;TZID=Later Zone:20240105T090000"),
        "BEGIN:VTIMEZONE",
        "TZID:Later Zone",
        "BEGIN:STANDARD",
        "DTSTART:16010101T000000",
        "TZOFFSETFROM:+0530",
        "TZOFFSETTO:+0530",
        "END:STANDARD",
        "END:VTIMEZONE",
    )
    assert only(parse(data)).start == utc(2024, 1, 5, 3, 30)


# --- all-day and missing ends --------------------------------------------------------------------


def test_all_day_event_without_end_lasts_one_day() -> None:
    e = only(parse(calendar(*event("UID:a", "DTSTART;VALUE=DATE:20240229", "SUMMARY:Leap day"))))
    assert e.all_day
    assert (e.start, e.end) == (utc(2024, 2, 29), utc(2024, 3, 1))
    assert e.occurrence == ""


def test_timed_event_without_end_ends_when_it_starts() -> None:
    e = only(parse(calendar(*event("UID:a", "DTSTART:20240105T090000Z"))))
    assert e.end == e.start == utc(2024, 1, 5, 9)
    assert not e.all_day


def test_events_outside_the_window_are_left_out() -> None:
    data = calendar(
        *event("UID:before", "DTSTART:20231231T230000Z"),
        *event("UID:inside", "DTSTART:20240101T000000Z"),
        *event("UID:last-day", "DTSTART:20241231T230000Z"),
        *event("UID:after", "DTSTART:20250101T000000Z"),
    )
    assert [e.uid for e in parse(data).events] == ["inside", "last-day"]


# --- text ---------------------------------------------------------------------------------------


def test_folded_lines_and_unicode_come_through() -> None:
    summary = "Mentoría: Zoë Ångström 学习 計画 🚀✨"
    body = f"SUMMARY:{summary} und noch etwas mehr Text, damit die Zeile gefaltet wird".encode()
    # fold every 40 octets, even inside a UTF-8 sequence (seen in the wild)
    folded = b"\r\n ".join(body[i : i + 40] for i in range(0, len(body), 40))
    data = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:fold\r\nDTSTART:20240105T090000Z\r\n"
        + folded
        + b"\r\nLOCATION:Caf\xc3\xa9 \xe5\x8c\x97\xe4\xba\xac\r\n\tand more\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    e = only(parse(data))
    assert e.summary == f"{summary} und noch etwas mehr Text, damit die Zeile gefaltet wird"
    assert e.location == "Café 北京and more"


def test_byte_order_mark_is_ignored() -> None:
    data = b"\xef\xbb\xbf" + calendar(*event("UID:bom", "DTSTART:20240105T090000Z", "SUMMARY:Größe"))
    assert only(parse(data)).summary == "Größe"


def test_lf_line_ends_and_escaped_text() -> None:
    data = calendar(
        *event("UID:t", "DTSTART:20240105T090000Z", r"SUMMARY:a\;b\,c\\d", r"DESCRIPTION:one\ntwo\Nthree")
    ).replace(b"\r\n", b"\n")
    e = only(parse(data))
    assert e.summary == "a;b,c\\d"
    assert e.description == "one\ntwo\nthree"


def test_windows_1252_file_is_decoded() -> None:
    data = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:w\r\nDTSTART:20240105T090000Z\r\nSUMMARY:Caf\xe9 \x80 5\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    assert only(parse(data)).summary == "Café € 5"


def test_attendees_are_lower_cased_email_addresses() -> None:
    data = calendar(
        *event(
            "UID:a",
            "DTSTART:20240105T090000Z",
            "ORGANIZER;CN=Me:MAILTO:Me@Example.org",
            "ATTENDEE;CN=Ana:mailto:Ana.Ruiz@Example.ORG",
            "ATTENDEE;EMAIL=bo@example.org:urn:uuid:0b7d",
            "ATTENDEE:urn:uuid:no-email",
            "ATTENDEE:mailto:ana.ruiz@example.org",
        )
    )
    assert only(parse(data)).attendees == ("ana.ruiz@example.org", "bo@example.org", "me@example.org")


def test_location_falls_back_to_x_location_and_then_conference_link() -> None:
    data = calendar(
        *event(
            "UID:apple",
            "DTSTART:20240105T090000Z",
            "X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-TITLE=Café Lumen:geo:52.5,13.4",
        ),
        *event(
            "UID:teams",
            "DTSTART:20240106T090000Z",
            "X-MICROSOFT-SKYPETEAMSMEETINGURL:https://teams.example/l/1",
        ),
        *event("UID:url", "DTSTART:20240107T090000Z", "LOCATION:", "URL:https://meet.example.org/abc"),
    )
    assert [e.location for e in parse(data).events] == [
        "Café Lumen",
        "https://teams.example/l/1",
        "https://meet.example.org/abc",
    ]


def test_status_values() -> None:
    data = calendar(
        *event("UID:a", "DTSTART:20240105T090000Z", "STATUS:tentative"),
        *event("UID:b", "DTSTART:20240106T090000Z", "STATUS:NEEDS-ACTION"),
        *event("UID:c", "DTSTART:20240107T090000Z"),
    )
    assert [e.status for e in parse(data).events] == ["TENTATIVE", "", ""]


def test_mentordesk_status_is_read() -> None:
    data = calendar(*event("UID:m@mentordesk", "DTSTART:20240105T090000Z", "X-MENTORDESK-STATUS:missed"))
    e = only(parse(data))
    assert e.app_status == "missed"
    assert ics_status_to_meeting_status(e) == "missed"
    assert meeting_uuid_from_uid(e.uid) == "m"
    assert meeting_uuid_from_uid("abc@example.org") is None
    other = only(parse(calendar(*event("UID:o", "DTSTART:20240105T090000Z", "X-MENTORDESK-STATUS:bogus"))))
    assert other.app_status == ""
    assert ics_status_to_meeting_status(other) is None


# --- unreadable events --------------------------------------------------------------------------


def test_event_without_start_is_skipped_with_reason() -> None:
    data = calendar(*event("UID:nostart", "SUMMARY:When?"), *event("UID:ok", "DTSTART:20240105T090000Z"))
    result = parse(data)
    assert only(result).uid == "ok"
    assert [(s.where, s.reason) for s in result.skipped] == [
        ("event 1 (UID nostart, line 4)", "it has no start (DTSTART)")
    ]


def test_unreadable_start_line_is_named_in_the_reason() -> None:
    data = calendar(*event("UID:x", "DTSTART;;VALUE=DATE-TIME:20240105T090000"))
    result = parse(data)
    assert result.events == []
    assert result.skipped[0].reason == "its DTSTART on line 6 cannot be read"


def test_unreadable_exdate_skips_the_series() -> None:
    data = calendar(
        *event("UID:x", "DTSTART;VALUE=DATE:20240105", "RRULE:FREQ=DAILY;COUNT=3", "EXDATE;VALUE=DATE:")
    )
    result = parse(data)
    assert result.events == []
    assert "EXDATE" in result.skipped[0].reason


def test_event_without_uid_gets_a_stable_derived_one() -> None:
    data = calendar(*event("DTSTART:20240105T090000Z", "SUMMARY:Coffee"), *event("DTSTART:20240105T090000Z"))
    first, second = parse(data).events
    assert first.uid and second.uid and first.uid != second.uid
    assert [e.uid for e in parse(data).events] == [first.uid, second.uid]
    assert first.where == "event 1 (no UID, line 4)"


def test_second_event_with_the_same_uid_is_reported() -> None:
    data = calendar(
        *event("UID:dup", "DTSTART:20240105T090000Z", "SUMMARY:First"),
        *event("UID:dup", "DTSTART:20240106T090000Z", "SUMMARY:Second"),
        *event("UID:dup", "DTSTART:20240107T090000Z", "SUMMARY:Newer", "SEQUENCE:2"),
    )
    result = parse(data)
    assert only(result).summary == "Newer"
    assert [s.where for s in result.skipped] == ["event 1 (UID dup, line 4)", "event 2 (UID dup, line 9)"]
    assert result.skipped[0].reason == "event 3 (UID dup, line 14) has the same UID and replaces it"


def test_duplicated_start_keeps_the_first() -> None:
    data = calendar(*event("UID:d", "DTSTART:20240105T090000Z", "DTSTART:20240105T100000Z"))
    assert only(parse(data)).start == utc(2024, 1, 5, 9)


def test_defects_outside_events_do_not_block_the_import() -> None:
    data = calendar(
        "REFRESH-INTERVAL;VALUE=DURATION:soon",
        "X",
        "BEGIN:VTODO",
        "DUE:tomorrow",
        "END:VTODO",
        *event(
            "UID:a",
            "DTSTART:20240105T090000Z",
            "CREATED:yesterday",
            "BEGIN:VALARM",
            "TRIGGER:at some point",
            "END:VALARM",
        ),
    ) + ics("X-COMMENT:written after the calendar")
    assert only(parse(data)).uid == "a"


# --- files that are rejected ---------------------------------------------------------------------


def test_not_a_calendar_file() -> None:
    with pytest.raises(ImportFormatError) as info:
        parse(b"Agenda\n- goals\n- next steps\n", filename="agenda.txt")
    assert str(info.value) == "agenda.txt is not an iCalendar file: no BEGIN:VCALENDAR found"


def test_empty_file() -> None:
    with pytest.raises(ImportFormatError) as info:
        parse(b"", filename="empty.ics")
    assert str(info.value) == "empty.ics is not an iCalendar file: the file is empty"


def test_cut_off_file_names_the_open_component() -> None:
    data = calendar(*event("UID:a", "DTSTART:20240105T090000Z"))[:-30]
    with pytest.raises(ImportFormatError) as info:
        parse(data, filename="cut.ics")
    assert str(info.value) == (
        "cut.ics: line 4: BEGIN:VEVENT is never closed (END:VEVENT missing; the file may be cut off)"
    )


def test_mismatched_end_names_the_line() -> None:
    data = calendar("BEGIN:VEVENT", "UID:a", "DTSTART:20240105T090000Z", "END:VTODO")
    with pytest.raises(ImportFormatError) as info:
        parse(data, filename="broken.ics")
    assert (
        str(info.value) == "broken.ics: line 7: END:VTODO found where BEGIN:VEVENT from line 4 is still open"
    )


def test_unreadable_time_zone_rejects_the_file() -> None:
    data = calendar(
        "BEGIN:VTIMEZONE",
        "TZID:Office",
        "BEGIN:STANDARD",
        "DTSTART:16010101T000000",
        "TZOFFSETFROM:+01x0",
        "TZOFFSETTO:+0100",
        "END:STANDARD",
        "END:VTIMEZONE",
        *event("UID:a", "DTSTART;TZID=Office:20240105T090000"),
    )
    with pytest.raises(ImportFormatError) as info:
        parse(data, filename="tz.ics")
    message = str(info.value)
    assert message.startswith('tz.ics: line 4: time zone "Office" cannot be read: ')
    assert "\n" not in message


def test_unreadable_definition_of_a_known_zone_is_left_out() -> None:
    data = calendar(
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Berlin",
        "BEGIN:STANDARD",
        "DTSTART:16010101T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;FOO=BAR",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "END:STANDARD",
        "END:VTIMEZONE",
        *event("UID:a", "DTSTART;TZID=Europe/Berlin:20240705T090000"),
    )
    assert only(parse(data)).start == utc(2024, 7, 5, 7)


def test_unsupported_calendar_scale() -> None:
    with pytest.raises(ImportFormatError, match=r"^x\.ics: calendar scale CHINESE is not supported"):
        parse(calendar("CALSCALE:CHINESE", *event("UID:a", "DTSTART:20240105T090000Z")), filename="x.ics")


def test_reversed_window_is_a_mistake_of_the_caller() -> None:
    with pytest.raises(ValueError):
        parse(calendar(), date(2024, 2, 1), date(2024, 1, 1))


# --- several calendars --------------------------------------------------------------------------


def test_multiple_calendars_in_one_file_are_all_read() -> None:
    data = calendar(*event("UID:one", "DTSTART:20240105T090000Z")) + calendar(
        *event("UID:two", "DTSTART:20240104T090000Z")
    )
    result = parse(data)
    assert [e.uid for e in result.events] == ["two", "one"]
    assert [e.where for e in result.events] == ["event 2 (UID two, line 12)", "event 1 (UID one, line 4)"]


def test_utf16_file_with_byte_order_mark() -> None:
    text = "\ufeff" + calendar(*event("UID:u16", "DTSTART:20240105T090000Z", "SUMMARY:Ünïcode")).decode()
    assert only(parse(text.encode("utf-16-le"))).summary == "Ünïcode"
