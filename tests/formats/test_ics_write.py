"""Writing iCalendar files: RFC 5545 form, and round trips through the reader."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mentordesk.formats.ics import IcsEvent, IcsMeeting, meeting_uuid_from_uid, parse_ics, write_ics

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
TRICKY = "Agenda; goals, risks \\ notes\nline two\r\nline three 😀 学习 Ärger, see C:\\Notes\\new"

MEETING = IcsMeeting(
    uid="3f6c1e2a-8d4b-4c1e-9a57-0d2f7b9e4a11",
    start=datetime(2024, 5, 6, 14, 30, tzinfo=UTC),
    duration_minutes=45,
    all_day=False,
    summary="Mentoring: Ana Ruiz",
    description="Agenda:\n- CV review\n- Open: send the slides",
    location="Café Lumen, Room 2",
    status="planned",
    attendee_email="Ana.Ruiz@example.org",
    attendee_name="Ana Ruiz",
)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def read_back(data: bytes) -> list[IcsEvent]:
    result = parse_ics(
        data, window_start=date(2000, 1, 1), window_end=date(2040, 12, 31), filename="export.ics"
    )
    assert result.skipped == []
    return result.events


def lines_of(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n")
    return data[:-2].split(b"\r\n")


# --- form ---------------------------------------------------------------------------------------


def test_calendar_and_event_properties() -> None:
    data = write_ics([MEETING], now=NOW)
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == "-//MentorDesk//MentorDesk//EN"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == "3f6c1e2a-8d4b-4c1e-9a57-0d2f7b9e4a11@mentordesk"
    assert event["DTSTAMP"].dt == NOW
    assert event["DTSTART"].dt == utc(2024, 5, 6, 14, 30)
    assert event["DTEND"].dt == utc(2024, 5, 6, 15, 15)
    assert str(event["SUMMARY"]) == "Mentoring: Ana Ruiz"
    assert str(event["LOCATION"]) == "Café Lumen, Room 2"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["X-MENTORDESK-STATUS"]) == "planned"
    assert str(event["ATTENDEE"]) == "mailto:Ana.Ruiz@example.org"
    assert event["ATTENDEE"].params["CN"] == "Ana Ruiz"
    assert b"DTSTART:20240506T143000Z\r\n" in data
    assert b"VTIMEZONE" not in data


def test_lines_are_crlf_and_at_most_75_octets() -> None:
    long_text = ("Ünïcödé 😀 学习 ; , \\ " * 40) + "\n" + "x" * 300
    meeting = replace(
        MEETING, summary=long_text, description=long_text, location=long_text, tzid="Europe/Berlin"
    )
    data = write_ics([meeting, MEETING], now=NOW)
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b"\r" not in data.replace(b"\r\n", b"")
    for line in lines_of(data):
        assert len(line) <= 75, line
        line.decode("utf-8")  # folding never splits a character
    icalendar.Calendar.from_ical(data)


def test_text_is_escaped() -> None:
    meeting = replace(MEETING, summary="a;b,c\\d", description="one\ntwo", location="")
    data = write_ics([meeting], now=NOW)
    assert b"SUMMARY:a\\;b\\,c\\\\d\r\n" in data
    assert b"DESCRIPTION:one\\ntwo\r\n" in data
    assert b"LOCATION" not in data


def test_backslash_before_n_is_not_taken_for_a_line_break() -> None:
    meeting = replace(MEETING, summary="C:\\Notes\\new", description="", location="")
    data = write_ics([meeting], now=NOW)
    assert b"SUMMARY:C:\\\\Notes\\\\new\r\n" in data
    assert read_back(data)[0].summary == "C:\\Notes\\new"


@pytest.mark.parametrize(
    ("status", "ics_status"),
    [("planned", "CONFIRMED"), ("held", "CONFIRMED"), ("cancelled", "CANCELLED"), ("missed", "CONFIRMED")],
)
def test_status_mapping(status: str, ics_status: str) -> None:
    event = icalendar.Calendar.from_ical(write_ics([replace(MEETING, status=status)], now=NOW)).walk(
        "VEVENT"
    )[0]
    assert (str(event["STATUS"]), str(event["X-MENTORDESK-STATUS"])) == (ics_status, status)


def test_time_zone_is_written_with_a_vtimezone() -> None:
    data = write_ics([replace(MEETING, tzid="Europe/Berlin")], now=NOW)
    assert b"DTSTART;TZID=Europe/Berlin:20240506T163000\r\n" in data
    assert b"DTEND;TZID=Europe/Berlin:20240506T171500\r\n" in data
    calendar = icalendar.Calendar.from_ical(data)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert calendar.get_missing_tzids() == set()


def test_time_in_the_repeated_hour_is_written_in_utc() -> None:
    # 05:30Z on 3 November 2024 is the second 01:30 in New York (EST, after 01:59 EDT)
    meeting = replace(MEETING, start=utc(2024, 11, 3, 5, 30), duration_minutes=30, tzid="America/New_York")
    data = write_ics([meeting], now=NOW)
    assert b"DTSTART:20241103T053000Z\r\n" in data
    assert b"DTEND:20241103T060000Z\r\n" in data
    earlier = replace(meeting, start=utc(2024, 11, 3, 4, 30))  # the first 00:30 to 01:00, EDT
    assert b"DTSTART;TZID=America/New_York:20241103T003000\r\n" in write_ics([earlier], now=NOW)
    assert_round_trip([meeting, replace(earlier, uid="earlier")])


def test_unknown_tzid_is_written_in_utc() -> None:
    data = write_ics([replace(MEETING, tzid="Not/A_Zone")], now=NOW)
    assert b"DTSTART:20240506T143000Z\r\n" in data


def test_all_day_meeting_is_written_with_dates() -> None:
    data = write_ics([replace(MEETING, start=utc(2024, 5, 6), all_day=True, duration_minutes=0)], now=NOW)
    assert b"DTSTART;VALUE=DATE:20240506\r\n" in data
    assert b"DTEND;VALUE=DATE:20240507\r\n" in data
    data = write_ics(
        [replace(MEETING, start=utc(2024, 5, 6), all_day=True, duration_minutes=2 * 24 * 60)], now=NOW
    )
    assert b"DTEND;VALUE=DATE:20240508\r\n" in data


def test_attendee_without_email_is_not_written_and_names_are_quoted() -> None:
    data = write_ics([replace(MEETING, attendee_email="", attendee_name="Ana")], now=NOW)
    assert b"ATTENDEE" not in data
    data = write_ics([replace(MEETING, attendee_name='Ruiz, Ana "Ani"; PhD')], now=NOW)
    event = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    assert event["ATTENDEE"].params["CN"] == 'Ruiz, Ana "Ani"; PhD'


def test_naive_start_and_unknown_status_are_refused() -> None:
    with pytest.raises(ValueError):
        write_ics([replace(MEETING, start=datetime(2024, 5, 6, 14, 30))], now=NOW)
    with pytest.raises(ValueError):
        write_ics([replace(MEETING, status="postponed")], now=NOW)


def test_default_now_and_empty_calendar() -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    event = icalendar.Calendar.from_ical(write_ics([MEETING])).walk("VEVENT")[0]
    assert before <= event["DTSTAMP"].dt <= datetime.now(UTC)
    empty = write_ics([], now=NOW)
    assert icalendar.Calendar.from_ical(empty).walk("VEVENT") == []


# --- round trips --------------------------------------------------------------------------------


def written(text: str) -> str:
    """Text as the writer keeps it: line breaks become \\n, byte-order marks are left out."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")


def assert_round_trip(meetings: list[IcsMeeting]) -> None:
    events = read_back(write_ics(meetings, now=NOW))
    assert len(events) == len(meetings)
    by_uid = {meeting_uuid_from_uid(e.uid): e for e in events}
    for meeting in meetings:
        event = by_uid[meeting.uid]
        assert event.uid == meeting.uid + "@mentordesk"
        assert event.occurrence == ""
        assert event.start == meeting.start
        if meeting.all_day:
            assert event.end == meeting.start + timedelta(days=max(1, -(-meeting.duration_minutes // 1440)))
        else:
            assert event.end == meeting.start + timedelta(minutes=meeting.duration_minutes)
        assert event.all_day == meeting.all_day
        assert event.summary == written(meeting.summary)
        assert event.description == written(meeting.description)
        assert event.location == written(meeting.location)
        assert event.app_status == meeting.status
        assert event.attendees == ((meeting.attendee_email.lower(),) if meeting.attendee_email else ())


def test_round_trip_plain() -> None:
    assert_round_trip([MEETING])


def test_round_trip_special_characters() -> None:
    assert_round_trip([replace(MEETING, summary=TRICKY, description=TRICKY, location="Ort; Raum, 2 \\ 🚀")])


def test_round_trip_across_the_dst_change_in_berlin() -> None:
    # 01:30 CET on 31 March 2024 for two hours ends at 04:30 CEST: 00:30Z to 02:30Z
    crossing = replace(MEETING, start=utc(2024, 3, 31, 0, 30), duration_minutes=120, tzid="Europe/Berlin")
    data = write_ics([crossing], now=NOW)
    assert b"DTSTART;TZID=Europe/Berlin:20240331T013000\r\n" in data
    assert b"DTEND;TZID=Europe/Berlin:20240331T043000\r\n" in data
    summer = replace(MEETING, uid="summer", start=utc(2024, 7, 1, 7), tzid="Europe/Berlin")
    winter = replace(MEETING, uid="winter", start=utc(2024, 12, 2, 8), tzid="Europe/Berlin")
    assert_round_trip([crossing, summer, winter])


def test_round_trip_all_day() -> None:
    assert_round_trip(
        [
            replace(MEETING, uid="one", start=utc(2024, 5, 6), all_day=True, duration_minutes=24 * 60),
            replace(
                MEETING, uid="three", start=utc(2024, 12, 30), all_day=True, duration_minutes=3 * 24 * 60
            ),
            replace(
                MEETING,
                uid="zero",
                start=utc(2024, 2, 29),
                all_day=True,
                duration_minutes=0,
                tzid="Asia/Tokyo",
            ),
        ]
    )


def test_cancelled_meeting_reads_back_as_cancelled() -> None:
    result = parse_ics(
        write_ics([replace(MEETING, status="cancelled")], now=NOW),
        window_start=date(2024, 1, 1),
        window_end=date(2024, 12, 31),
    )
    assert (result.events, result.cancelled) == ([], 1)


text_strategy = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs", "Cc")),
        st.sampled_from(["\n", "\r", "\t", ";", ",", "\\", ":", '"', " ", "N", "n", "\ufeff"]),
    ),
    max_size=200,
)


@settings(max_examples=150, deadline=None)
@given(
    summary=text_strategy,
    description=text_strategy,
    location=text_strategy,
    name=text_strategy,
    start=st.datetimes(min_value=datetime(2001, 1, 1), max_value=datetime(2039, 12, 31)),
    minutes=st.integers(min_value=0, max_value=3 * 24 * 60),
    all_day=st.booleans(),
    tzid=st.sampled_from(["", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"]),
)
def test_round_trip_any_text_and_time(
    summary: str,
    description: str,
    location: str,
    name: str,
    start: datetime,
    minutes: int,
    all_day: bool,
    tzid: str,
) -> None:
    start = start.replace(microsecond=0, tzinfo=UTC)
    if all_day:
        start = start.replace(hour=0, minute=0, second=0)
    meeting = IcsMeeting(
        uid="c0ffee00-0000-4000-8000-000000000001",
        start=start,
        duration_minutes=minutes,
        all_day=all_day,
        summary=summary,
        description=description,
        location=location,
        status="held",
        attendee_email="mentee@example.org",
        attendee_name=name,
        tzid=tzid,
    )
    data = write_ics([meeting], now=NOW)
    assert all(len(line) <= 75 for line in lines_of(data))
    assert_round_trip([meeting])
