"""Acceptance over real-world calendar files kept in the shared corpus (see its NOTICE.md).

Every file either reads or is rejected with one line that names it. The facts checked for
particular files were verified by reading the files by hand.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from mentordesk.formats.ics import IcsParseResult, parse_ics
from mentordesk.services.errors import ImportFormatError
from tests.conftest import CORPUS

ICS_CORPUS = CORPUS / "ics"
FILES = sorted(ICS_CORPUS.glob("*.ics")) if ICS_CORPUS.is_dir() else []
ABSENT = pytest.mark.skipif(not ICS_CORPUS.is_dir(), reason=f"corpus folder {ICS_CORPUS} is absent")
# Wide enough for every event in the corpus.
WINDOW = {"window_start": date(1990, 1, 1), "window_end": date(2040, 12, 31)}


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def read(name: str, **window: date) -> IcsParseResult:
    path = ICS_CORPUS / name
    if not path.is_file():
        pytest.skip(f"corpus file {path} is absent")
    return parse_ics(path.read_bytes(), filename=name, **(window or WINDOW))


def reject_message(name: str) -> str:
    path = ICS_CORPUS / name
    if not path.is_file():
        pytest.skip(f"corpus file {path} is absent")
    with pytest.raises(ImportFormatError) as info:
        parse_ics(path.read_bytes(), filename=name, **WINDOW)
    return str(info.value)


@pytest.mark.parametrize(
    "path",
    FILES or [pytest.param(None, marks=pytest.mark.skip(reason=f"corpus folder {ICS_CORPUS} is absent"))],
    ids=lambda p: p.name if isinstance(p, Path) else "absent",
)
def test_every_file_reads_or_is_rejected_in_one_line(path: Path) -> None:
    try:
        result = parse_ics(path.read_bytes(), filename=path.name, **WINDOW)
    except ImportFormatError as exc:
        message = str(exc)
        assert path.name in message
        assert "\n" not in message and "\r" not in message
        return
    assert isinstance(result, IcsParseResult)
    for event in result.events:
        assert event.start.tzinfo is UTC and event.end.tzinfo is UTC
        assert event.end >= event.start
        assert event.where.startswith("event ")
    assert [e.start for e in result.events] == sorted(e.start for e in result.events)
    for skipped in result.skipped:
        assert skipped.reason and "\n" not in skipped.reason


@ABSENT
def test_unicode_fields() -> None:
    result = read("created_calendar_with_unicode_fields.ics")
    by_uid = {e.uid: e for e in result.events}
    event = by_uid["123456"]
    assert event.summary == "Non-ASCII Test: ÄÖÜ äöü €"
    assert event.location == "Tribstrül"
    assert (event.start, event.end) == (utc(2010, 10, 10, 10), utc(2010, 10, 10, 12))
    assert sorted(e.summary for e in result.events) == ["Non-ASCII Test: ÄÖÜ äöü €", "åäö"]
    # the third event has only a DESCRIPTION
    assert [s.reason for s in result.skipped] == ["it has no start (DTSTART)"]


@ABSENT
def test_french_text_and_utc_times() -> None:
    event = read("issue_348_exception_parsing_value.ics").events[0]
    assert event.summary == "Sixt : détails de votre réservation"
    assert event.location.startswith("Sixt Genève Aéroport secteur France")
    assert (event.start, event.end) == (utc(2019, 6, 24, 6, 30), utc(2019, 6, 24, 16, 30))


@ABSENT
@pytest.mark.parametrize("name", ["america_new_york.ics", "america_new_york_forward_reference.ics"])
def test_custom_new_york_zone(name: str) -> None:
    # 08:00 EDT (UTC-4) on 29 August 2014
    [event] = read(name).events
    assert event.start == utc(2014, 8, 29, 12)


@ABSENT
def test_non_ascii_tzid() -> None:
    # "(UTC-03:00) Brasília": 13:30 standard time in May 2017
    [event] = read("issue_237_fail_to_parse_timezone_with_non_ascii_tzid.ics").events
    assert (event.start, event.end) == (utc(2017, 5, 11, 16, 30), utc(2017, 5, 11, 17))


@ABSENT
def test_custom_zone_transition() -> None:
    starts = {e.uid: e.start for e in read("issue_722_timezone_transition_ambiguity.ics").events}
    assert starts == {
        "0": utc(2024, 3, 2, 20),  # 08:00 at +12
        "1": utc(2024, 8, 2, 22),  # 08:00 at +10
        "2": utc(2024, 5, 4, 22, 0, 1),
        "3": utc(2024, 5, 4, 19, 0, 1),
    }


@ABSENT
def test_rdate_period_exdate_and_monthly_rule() -> None:
    events = read("period_with_timezone.ics").events
    assert len(events) == 9  # COUNT=9, less one EXDATE, plus one RDATE
    assert utc(2023, 12, 20, 20) not in [e.start for e in events]
    rdate = next(e for e in events if e.start == utc(2023, 12, 13, 20))
    assert rdate.end == utc(2023, 12, 13, 23)  # the RDATE's PERIOD is three hours
    assert events[0].occurrence == "20230920T190000Z"


@ABSENT
def test_one_broken_series_among_good_ones() -> None:
    result = read("parsing_error.ics")
    assert len(result.events) == 20  # daily 3-23 March 2008 without the 11th
    assert all(e.description == "Perfectly OK event" and e.all_day for e in result.events)
    [skipped] = result.skipped
    assert skipped.where == "event 2 (no UID, line 13)"
    assert "EXDATE" in skipped.reason


@ABSENT
def test_invalid_rrule_frequency_is_skipped() -> None:
    result = read("issue_1081_invalid_rrule_freq.ics")
    assert result.events == []
    [skipped] = result.skipped
    assert skipped.where == "event 1 (UID test-123, line 4)"
    assert "INVALID_TYPE_CAUSES_ERROR" in skipped.reason


@ABSENT
def test_two_calendars_in_one_file() -> None:
    result = read("multiple_calendar_components.ics")
    assert [(e.summary, e.start, e.all_day) for e in result.events] == [
        ("Boxing Day", utc(2003, 5, 1), True),
        ("Christmas Day", utc(2003, 12, 25), True),
        ("Christmas again!", utc(2003, 12, 25), True),
    ]


@ABSENT
def test_daily_sync_in_a_short_window() -> None:
    result = read("x_location.ics", window_start=date(2016, 10, 24), window_end=date(2016, 11, 6))
    # weekdays from Friday 28 October; 14:00 Zurich is 12:00Z in summer time, 13:00Z after 30 October
    assert [e.start for e in result.events] == [
        utc(2016, 10, 28, 12),
        *[utc(2016, 10, d, 13) for d in (31,)],
        *[utc(2016, 11, d, 13) for d in (1, 2, 3, 4)],
    ]
    assert result.events[0].location == "Roadstar 16\n12764 Happyville\nDenmark"


@ABSENT
def test_calendar_level_junk_line_does_not_block_the_event() -> None:
    [event] = read("issue_104_broken_calendar.ics").events
    assert (event.summary, event.start) == ("Broken Eevnt", utc(2014, 4, 1))


@ABSENT
@pytest.mark.parametrize("name", ["bom_calendar.ics", "empty.ics", "calendar_with_unicode.ics"])
def test_calendars_without_events(name: str) -> None:
    result = read(name)
    assert (result.events, result.skipped, result.cancelled) == ([], [], 0)


@ABSENT
def test_rejected_files() -> None:
    assert reject_message("big_bad_calendar.ics") == (
        "big_bad_calendar.ics: line 1: BEGIN:VCALENDAR is never closed "
        "(END:VCALENDAR missing; the file may be cut off)"
    )
    assert reject_message("fuzz_testcase_invalid_month.ics") == (
        "fuzz_testcase_invalid_month.ics is not an iCalendar file: no BEGIN:VCALENDAR found"
    )
