"""Events that happen once, read without building a component or expanding a series.

Most events of a calendar file neither repeat nor are overridden. For those,
:func:`mentordesk.formats.ics.parse_ics` uses this module instead of the general route (an
``icalendar`` component for every event, then ``recurring_ical_events``), which costs about a
millisecond per event. The result is the same:

* :func:`read_properties` decodes only the properties the import reads, each with the value
  type ``icalendar``'s parser chooses for it and with the parser's TZID handling. Lines are
  split by ``icalendar`` too, except a line without parameters, whose name and value are
  simply either side of the first colon.
* :func:`window_span` and :func:`occurrence` place the event in the window with the steps
  ``recurring_ical_events`` takes for a series of one event, with its own helper functions:
  ``x_wr_timezone``'s reading of X-WR-TIMEZONE, the end from DTEND, DURATION or the start, a
  start after the end swapped, and the overlap test of ``time_span_contains_event``.

What this module would not read exactly as the general route does (a time property that
cannot be read or is not a date or date-time, a SEQUENCE that is not a number, a pytz time
zone) is handed back as ``None``; the caller then takes the general route for that event.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from functools import lru_cache
from typing import Any

import icalendar
import x_wr_timezone
from icalendar.parser import Contentline, Parameters, unescape_backslash
from icalendar.parser.ical.component import ComponentIcalParser
from recurring_ical_events.util import (
    convert_to_date,
    convert_to_datetime,
    is_date,
    is_pytz,
    make_comparable,
    normalize_pytz,
    time_span_contains_event,
    to_recurrence_ids,
)

# Conference links used as location when there is neither LOCATION nor an X- location.
CONFERENCE_PROPERTIES = (
    "CONFERENCE",
    "X-GOOGLE-CONFERENCE",
    "X-MICROSOFT-SKYPETEAMSMEETINGURL",
    "X-MICROSOFT-ONLINEMEETINGCONFLINK",
    "URL",
)
# The properties an imported event is made of (besides X- properties naming a location).
READ_PROPERTIES = frozenset(
    {
        *CONFERENCE_PROPERTIES,
        "DTSTART",
        "DTEND",
        "DURATION",
        "UID",
        "SEQUENCE",
        "SUMMARY",
        "DESCRIPTION",
        "LOCATION",
        "STATUS",
        "X-MENTORDESK-STATUS",
        "ATTENDEE",
        "ORGANIZER",
    }
)
# Properties that make an event part of a series: such events take the general route.
SERIES_PROPERTIES = frozenset({"RRULE", "RDATE", "EXDATE", "RECURRENCE-ID"})
# A content line whose name is plain letters, digits and dashes, right before ";" or ":".
PLAIN_NAME = re.compile(r"([A-Za-z0-9-]+)[;:]")

_TIMES = frozenset({"DTSTART", "DTEND", "DURATION"})
_TYPES = icalendar.Calendar.types_factory
_ZONED = frozenset(ComponentIcalParser.datetime_names)  # properties whose TZID the parser reads
_NO_TIME = timedelta(0)


@dataclass(frozen=True)
class Span:
    """An event's start and end as ``recurring_ical_events`` holds them for its series."""

    first: date  # start and end as the event gives them (a start after the end swapped)
    last: date
    start: datetime  # ``first`` as a date-time comparable with the window
    duration: timedelta
    zone: tzinfo | None


def read_properties(
    lines: Iterable[str], split: dict[str, tuple[str, Any, str]] | None = None
) -> dict[str, Any] | None:
    """The properties of one VEVENT that the import reads, held as an icalendar component holds them.

    ``lines`` are the content lines between BEGIN:VEVENT and END:VEVENT; ``split`` may hold
    ``Contentline.raw_parts()`` of some of them, done before (equal lines of several events
    then share their parameters, which are only read). A property given more
    than once holds a list of its values in file order. A property with a value that cannot
    be read is left out (the general route drops it too); ``None`` if that is a time property,
    whose reason the general route reports, or if something unforeseen goes wrong.
    """
    properties: dict[str, Any] = {}
    broken: set[str] = set()
    for text in lines:
        match = PLAIN_NAME.match(text)
        if match is None:
            return None
        name = match.group(1).upper()
        if name not in READ_PROPERTIES and not (name.startswith("X-") and "LOCATION" in name):
            continue
        params: Parameters | None = None  # None: the line has no parameters
        if text[match.end() - 1] == ":":
            raw = text[match.end() :]
        else:
            try:
                known = split.get(text) if split else None
                params, raw = (known or Contentline(text).raw_parts())[1:]
            except ValueError:
                continue  # icalendar leaves a line it cannot split out of the event
        try:
            factory = _factory(name, None if params is None else params.value)
            if not hasattr(factory, "get_value_from_content_line"):
                value = unescape_backslash(raw)
            elif params is None:
                value = raw  # what the line's raw_parts() gives as value
            else:
                value = factory.get_value_from_content_line(Contentline(text))
            tzid = params.get("TZID") if params and name in _ZONED else None
            try:
                parsed = factory.from_ical(value, tzid) if tzid else factory.from_ical(value)
            except (ValueError, TypeError):
                if name in _TIMES:
                    return None
                broken.add(name)
                continue
            item = factory(parsed)
            if params is not None or getattr(item, "params", None):  # else already empty
                item.params = Parameters() if params is None else params
        except Exception:
            return None
        held = properties.get(name)
        if held is None:
            properties[name] = item
        elif isinstance(held, list):
            held.append(item)
        else:
            properties[name] = [held, item]
    for name in broken:
        properties.pop(name, None)
    return properties


@lru_cache(maxsize=256)
def _factory(name: str, value_param: str | None) -> Any:
    """The value type icalendar's parser uses for a property."""
    return _TYPES.for_property(name, value_param)


def usable_times(properties: dict[str, Any]) -> bool:
    """Whether this module works the event's times out as the general route would.

    Expects single-valued properties to hold their first value only.
    """
    start = properties.get("DTSTART")
    if start is None or not isinstance(start.dt, date) or is_pytz(getattr(start.dt, "tzinfo", None)):
        return False
    end = properties.get("DTEND")
    if end is not None and (not isinstance(end.dt, date) or is_pytz(getattr(end.dt, "tzinfo", None))):
        return False
    duration = properties.get("DURATION")
    if end is None and duration is not None and not isinstance(duration.dt, timedelta):
        return False
    sequence = properties.get("SEQUENCE")
    return sequence is None or isinstance(sequence, int)


def window_span(properties: dict[str, Any], x_wr_zone: tzinfo | None) -> Span:
    """The event's span, as ``recurring_ical_events`` sets up a series of this one event.

    Raises what building the series raises (e.g. OverflowError for a date out of range).
    """
    start = properties["DTSTART"].dt
    end_property = properties.get("DTEND")
    end = None if end_property is None else end_property.dt
    if x_wr_zone is not None:  # as x_wr_timezone.to_standard() does with the calendar
        walker = x_wr_timezone.UTCChangingWalker(x_wr_zone)
        start = walker.walk_value(start)
        if end is not None:
            end = walker.walk_value(end)
    if end is None:  # EventAdapter.raw_end
        duration_property = properties.get("DURATION")
        if duration_property is not None:
            length = duration_property.dt
            begin = convert_to_datetime(start, None) if length.seconds != 0 and is_date(start) else start
            end = normalize_pytz(begin + length)
        else:
            end = start + timedelta(days=1) if is_date(start) else start
    first, last = make_comparable((start, end))  # ComponentAdapter.span
    if first > last:
        first, last = last, first
    zone = next((d.tzinfo for d in (first, last) if isinstance(d, datetime) and d.tzinfo is not None), None)
    return Span(first, last, convert_to_datetime(first, zone), last - first, zone)


def occurrence(span: Span, span_start: datetime, span_stop: datetime) -> tuple[date, date] | None:
    """Start and end of the event if it is in the window (naive ``span_start`` ≤ … < ``span_stop``).

    As ``Series.between`` of ``recurring_ical_events``: the start must lie in the window
    widened by the event's duration, then the event must overlap the window. Raises what
    that raises (e.g. OverflowError near the ends of the calendar).
    """
    after = convert_to_datetime(normalize_pytz(span_start - span.duration), span.zone)
    before = convert_to_datetime(normalize_pytz(span_stop + _NO_TIME), span.zone)
    if not after <= span.start <= before:
        return None
    to_recurrence_ids(span.start)  # as the series does; out of range near the ends of the calendar
    start: date = normalize_pytz(span.start + _NO_TIME)
    end: date = normalize_pytz(start + span.duration)
    if not isinstance(span.first, datetime) and not isinstance(span.last, datetime):
        start, end = convert_to_date(start), convert_to_date(end)
    if not time_span_contains_event(span_start, span_stop, start, end):
        return None
    return start, end
