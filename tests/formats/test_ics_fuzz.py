"""Damaged and random input: only ImportFormatError may come out of parse_ics."""

from __future__ import annotations

from datetime import UTC, date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentordesk.formats.ics import IcsParseResult, parse_ics
from mentordesk.services.errors import ImportFormatError

SEED = (Path(__file__).resolve().parent.parent / "fixtures" / "ics" / "mentoring_series.ics").read_bytes()
SEED_LINES = SEED.split(b"\r\n")
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Content lines to build calendars from: valid ones and near misses.
VOCABULARY = [
    b"BEGIN:VCALENDAR",
    b"END:VCALENDAR",
    b"BEGIN:VEVENT",
    b"END:VEVENT",
    b"BEGIN:VTIMEZONE",
    b"END:VTIMEZONE",
    b"BEGIN:STANDARD",
    b"END:STANDARD",
    b"BEGIN:DAYLIGHT",
    b"END:DAYLIGHT",
    b"BEGIN:VALARM",
    b"END:VALARM",
    b"BEGIN:VTODO",
    b"END:VTODO",
    b"TZID:Office",
    b"TZOFFSETFROM:+0100",
    b"TZOFFSETTO:+0200",
    b"TZOFFSETTO:+99",
    b"DTSTART:16010101T000000",
    b"UID:a",
    b"UID:b",
    b"UID:",
    b"DTSTART:20240105T090000Z",
    b"DTSTART:20240105T090000",
    b"DTSTART;VALUE=DATE:20240105",
    b"DTSTART;TZID=Office:20240105T090000",
    b"DTSTART;TZID=Europe/Berlin:20240331T023000",
    b"DTSTART;TZID=Nowhere:20240105T090000",
    b"DTSTART:2024",
    b"DTSTART;VALUE=PERIOD:20240105T090000Z/PT1H",
    b"DTSTART:00010101T000000",
    b"DTSTART:99991231T235959Z",
    b"DTEND:20240105T100000Z",
    b"DTEND;VALUE=DATE:20240101",
    b"DTEND:20231231T000000Z",
    b"DURATION:PT1H",
    b"DURATION:-P1D",
    b"DURATION:P99999999D",
    b"RRULE:FREQ=DAILY;COUNT=3",
    b"RRULE:FREQ=WEEKLY;UNTIL=20240301",
    b"RRULE:FREQ=YEARLY;BYMONTH=13",
    b"RRULE:FREQ=MONTHLY;BYDAY=+5FR",
    b"RRULE:FREQ=HOURLY;INTERVAL=0",
    b"RRULE:FREQ=FOO",
    b"RRULE:",
    b"RDATE:20240110T090000Z",
    b"RDATE;VALUE=PERIOD:20240110T090000Z/20240110T080000Z",
    b"EXDATE:20240106T090000Z",
    b"EXDATE;VALUE=DATE:",
    b"RECURRENCE-ID:20240106T090000Z",
    b"RECURRENCE-ID;VALUE=DATE:20240106",
    b"RECURRENCE-ID;RANGE=THISANDFUTURE:20240106T090000Z",
    b"SEQUENCE:2",
    b"SEQUENCE:x",
    b"STATUS:CANCELLED",
    b"SUMMARY:Caf\xc3\xa9 \xf0\x9f\x98\x80",
    b"SUMMARY;LANGUAGE=de:\\n\\,\\;\\\\",
    b'ATTENDEE;CN="A, B":mailto:A@B.C',
    b"ORGANIZER:mailto:",
    b"CALSCALE:GREGORIAN",
    b"X-WR-TIMEZONE:Europe/Berlin",
    b"X-WR-TIMEZONE:Nowhere",
    b" folded continuation",
    b"",
    b"X",
    b";;;:",
    b"\xff\xfe\x00",
]


def check(data: bytes) -> None:
    try:
        result = parse_ics(
            data, window_start=date(2024, 1, 1), window_end=date(2024, 12, 31), filename="fuzz.ics"
        )
    except ImportFormatError as exc:
        message = str(exc)
        assert "fuzz.ics" in message
        assert "\n" not in message and "\r" not in message
        return
    assert isinstance(result, IcsParseResult)
    for event in result.events:
        assert event.start.utcoffset() is not None and event.start.tzinfo is UTC
        assert event.end >= event.start
    assert result.cancelled >= 0


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes(data: bytes) -> None:
    check(data)


@FUZZ
@given(st.binary(max_size=1000))
def test_random_bytes_inside_a_calendar(data: bytes) -> None:
    check(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n" + data + b"\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")


@FUZZ
@given(st.integers(min_value=0, max_value=len(SEED)))
def test_truncated_fixture(length: int) -> None:
    check(SEED[:length])


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(SEED) - 1), st.integers(0, 255)), min_size=1, max_size=12))
def test_fixture_with_flipped_bytes(flips: list[tuple[int, int]]) -> None:
    data = bytearray(SEED)
    for index, value in flips:
        data[index] = value
    check(bytes(data))


line_edit = st.tuples(
    st.sampled_from(["duplicate", "remove", "swap", "insert"]),
    st.integers(0, len(SEED_LINES) - 1),
    st.integers(0, len(SEED_LINES) - 1),
    st.sampled_from(VOCABULARY),
)


@FUZZ
@given(st.lists(line_edit, min_size=1, max_size=10))
def test_fixture_with_edited_lines(edits: list[tuple[str, int, int, bytes]]) -> None:
    lines = list(SEED_LINES)
    for operation, first, second, extra in edits:
        first %= len(lines)
        second %= len(lines)
        if operation == "duplicate":
            lines.insert(second, lines[first])
        elif operation == "remove" and len(lines) > 1:
            del lines[first]
        elif operation == "swap":
            lines[first], lines[second] = lines[second], lines[first]
        else:
            lines.insert(first, extra)
    check(b"\r\n".join(lines))


@FUZZ
@given(st.lists(st.sampled_from(VOCABULARY), max_size=40))
def test_calendars_built_from_lines(lines: list[bytes]) -> None:
    body = [b"BEGIN:VEVENT", *lines, b"END:VEVENT"] if len(lines) % 2 else lines
    check(b"\r\n".join([b"BEGIN:VCALENDAR", *body, b"END:VCALENDAR"]))
