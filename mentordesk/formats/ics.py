"""Reading and writing iCalendar (``.ics``) files, without touching the database.

:func:`parse_ics` turns a whole file (given as bytes) into :class:`IcsEvent` values: one per
event, and one per occurrence of a recurring event inside the requested window. Recurrences
(RRULE, RDATE, EXDATE and RECURRENCE-ID overrides) are expanded with ``recurring_ical_events``.
Events that happen once (most of a typical file) are read property by property with
``icalendar``'s value types instead, with the same result and much quicker (see
:mod:`mentordesk.formats.ics_direct`).
A file that is not an iCalendar file, or whose structure cannot be read at all, raises
:class:`~mentordesk.services.errors.ImportFormatError` with one line naming the file. Within a
readable file, an event that cannot be read is listed in :attr:`IcsParseResult.skipped` with
its reason and the other events still come through.

:func:`write_ics` writes meetings as an RFC 5545 calendar that :func:`parse_ics` (and other
calendar programs) read back.

How tolerant the reader is
--------------------------
Structure is checked strictly, content leniently:

* Before ``icalendar`` sees the text, it is unfolded and walked line by line here. BEGIN/END
  must nest properly (a mismatch or a component that is never closed rejects the file with
  the line number, since a cut-off or garbled file cannot be imported faithfully). Lines
  outside any component, lines that are not content lines at all (no ``:``), and components
  that are not read (VALARM, VTODO, VJOURNAL, VFREEBUSY, X- components) are left out, so that
  their defects cannot block the import of the events.
* Inside a VEVENT, ``icalendar``'s tolerant mode is used (``Event.ignore_exceptions``): a
  property whose value cannot be read is kept as a broken value and listed in the event's
  ``errors``. Such an event is skipped only when the broken property decides *when* it
  happens (DTSTART, DTEND, DURATION, RRULE, RDATE, EXDATE, RECURRENCE-ID); otherwise the
  broken property is dropped and the event imported.
* A VTIMEZONE that cannot be read rejects the file (guessing would silently shift times),
  unless its TZID names a zone of the time zone database, which icalendar uses for such a
  TZID anyway. A TZID that is neither defined in the file nor a known (IANA or Windows) zone
  name is read as floating time.
* Floating times are taken as the local time of this computer, or in the zone named by the
  calendar's X-WR-TIMEZONE (as Google Calendar exports mean it).
* A single-valued property given twice (e.g. two DTSTART lines) keeps its first value; of
  events with the same UID (and RECURRENCE-ID) the one with the highest SEQUENCE is read and
  the others are reported as skipped.
* Repeat rules that dateutil would loop on for ever or search for a long time (INTERVAL=0,
  impossible BYxxx values, rules that never match) are refused for their series, and so are
  rules repeating more often than daily.
"""

from __future__ import annotations

import codecs
import hashlib
import math
import re
import warnings
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events
from dateutil import rrule as dateutil_rrule
from icalendar.parser import Contentline
from icalendar.timezone import tzp

from mentordesk.domain.text import translate
from mentordesk.formats import ics_direct
from mentordesk.services.errors import ImportFormatError

# --------------------------------------------------------------------------------------------
# Public data types
# --------------------------------------------------------------------------------------------

APP_STATUSES = ("planned", "held", "cancelled", "missed")
"""The meeting statuses of MentorDesk, as written to ``X-MENTORDESK-STATUS``."""

UID_SUFFIX = "@mentordesk"
"""Appended to a meeting's UUID to form the UID of the exported event."""

PRODID = "-//MentorDesk//MentorDesk//EN"


@dataclass(frozen=True)
class IcsEvent:
    """One event, or one occurrence of a recurring event, read from a calendar file."""

    uid: str  # UID of the event; derived from DTSTART and SUMMARY when the file has none
    occurrence: str  # "" if not recurring; else RECURRENCE-ID in UTC ("20240105T090000Z" / "20240105")
    start: datetime  # aware, UTC; all-day events: midnight UTC of the day
    end: datetime  # aware, UTC, never before start
    all_day: bool
    summary: str
    description: str
    location: str  # LOCATION, else an X- location, else a conference link / URL
    attendees: tuple[str, ...]  # lower-cased email addresses of ATTENDEE and ORGANIZER
    status: str  # "CONFIRMED", "TENTATIVE", "CANCELLED" or ""
    where: str  # e.g. "event 3 (UID abc, line 42)"
    app_status: str = ""  # X-MENTORDESK-STATUS of files written by MentorDesk, else ""


@dataclass(frozen=True)
class SkippedEvent:
    """An event that was left out, and why."""

    where: str  # e.g. "event 3 (UID abc, line 42)"
    reason: str  # a sentence a person understands


@dataclass
class IcsParseResult:
    """Everything read from one file."""

    events: list[IcsEvent]  # sorted by start; cancelled events and occurrences left out
    skipped: list[SkippedEvent]  # events that could not be read, with reasons
    cancelled: int  # events / occurrences in the window left out because STATUS:CANCELLED


@dataclass(frozen=True)
class IcsMeeting:
    """A meeting as exported by the app."""

    uid: str  # the meeting's UUID; written as UID "<uuid>@mentordesk"
    start: datetime  # aware (converted to UTC)
    duration_minutes: int
    all_day: bool  # all-day meetings use the UTC date of ``start``
    summary: str
    description: str
    location: str
    status: str  # "planned", "held", "cancelled" or "missed"
    attendee_email: str = ""
    attendee_name: str = ""
    tzid: str = ""  # IANA zone for DTSTART/DTEND (with a VTIMEZONE); "" writes UTC


def ics_status_to_meeting_status(event: IcsEvent) -> str | None:
    """The MentorDesk meeting status an imported event stands for, if the file says.

    Files written by MentorDesk carry it in ``X-MENTORDESK-STATUS``; for other files only a
    cancellation is certain (and cancelled events are not in the parse result). ``None``
    means the caller decides, e.g. "planned" for future and "held" for past meetings.
    """
    if event.app_status:
        return event.app_status
    if event.status == "CANCELLED":
        return "cancelled"
    return None


def meeting_uuid_from_uid(uid: str) -> str | None:
    """The meeting UUID in a UID written by :func:`write_ics`, or ``None`` for other UIDs."""
    if uid.endswith(UID_SUFFIX) and len(uid) > len(UID_SUFFIX):
        return uid[: -len(UID_SUFFIX)]
    return None


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------

# Occurrences of one series, and of the whole file, that are read at most. Beyond that the
# window is too wide for the file (or the file is hostile); the user is asked to narrow it.
MAX_OCCURRENCES_PER_SERIES = 10_000
MAX_EVENTS = 100_000

# Properties that decide when an event happens: if one cannot be read, neither can the event.
_TIME_PROPERTIES = frozenset({"DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID"})
# Properties that occur at most once in an event; if given twice, the first value is used.
_SINGLE_PROPERTIES = (
    "DTSTART",
    "DTEND",
    "DURATION",
    "RECURRENCE-ID",
    "UID",
    "SUMMARY",
    "DESCRIPTION",
    "LOCATION",
    "STATUS",
    "SEQUENCE",
    "X-MENTORDESK-STATUS",
)
# Components that are read, by parent; everything else is left out with its contents.
_READ_COMPONENTS = {
    "": ("VCALENDAR",),
    "VCALENDAR": ("VEVENT", "VTIMEZONE"),
    "VTIMEZONE": ("STANDARD", "DAYLIGHT"),
}
# Calendar properties that are read; the others are left out, so that they cannot break anything.
_CALENDAR_PROPERTIES = frozenset({"VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-TIMEZONE"})
# Conference links used as location when there is neither LOCATION nor an X- location.
_CONFERENCE_PROPERTIES = ics_direct.CONFERENCE_PROPERTIES
_ICS_STATUSES = frozenset({"CONFIRMED", "TENTATIVE", "CANCELLED"})
# Series repeating more often than daily are not meetings; an hourly rule that never matches
# would also keep dateutil searching for minutes.
_UNSUPPORTED_FREQUENCIES = {"SECONDLY": "second", "MINUTELY": "minute", "HOURLY": "hour"}
# Allowed values of the numeric RRULE parts (RFC 5545 3.3.10): (lowest, highest, 0 allowed).
_RULE_PART_RANGES = {
    "INTERVAL": (1, None, False),  # 0 would make dateutil loop for ever
    "BYSECOND": (0, 60, True),
    "BYMINUTE": (0, 59, True),
    "BYHOUR": (0, 23, True),
    "BYMONTHDAY": (-31, 31, False),
    "BYYEARDAY": (-366, 366, False),
    "BYWEEKNO": (-53, 53, False),
    "BYMONTH": (1, 12, False),
    "BYSETPOS": (-366, 366, False),
}

_NAME = re.compile(r"\s*([A-Za-z0-9-]+)\s*[;:]")
_SOURCE_TAG = "X-MENTORDESK-SOURCE"  # set on each VEVENT while reading; carries its ``where``


class _Rejected(Exception):
    """An event (or a series of them) that is skipped, with the reason as message."""


class _UidTaken(Exception):
    """An event read directly shares its UID with another event after all."""


@dataclass
class _Line:
    number: int  # line number in the file (1-based) where the logical line starts
    text: str


@dataclass
class _EventLines:
    """What the line walk learnt about one VEVENT."""

    line: int
    calendar: int  # which calendar of the file it is in (0, 1, ...)
    first: int  # index of its BEGIN in the cleaned lines
    last: int = -1  # index of its END
    direct: bool = True  # plain property names and no RRULE/RDATE/EXDATE/RECURRENCE-ID
    problems: list[str] = field(default_factory=list)  # unreadable time properties


@dataclass
class _TimezoneLines:
    line: int
    first: int  # index of its BEGIN in the cleaned lines
    last: int = -1  # index of its END


@dataclass
class _Cleaned:
    lines: list[str]
    events: list[_EventLines]
    timezones: list[_TimezoneLines]
    split: dict[str, tuple[str, Any, str]]  # time property lines with parameters, split by icalendar

    def forward_reference(self) -> bool:
        """Whether a VTIMEZONE comes after an event (icalendar then reads the events again)."""
        return bool(self.events) and any(tz.first > self.events[0].first for tz in self.timezones)

    def without_events(self) -> list[str]:
        """The lines with the events' lines blanked (icalendar skips empty lines)."""
        lines = list(self.lines)
        for event in self.events:
            lines[event.first : event.last + 1] = [""] * (event.last + 1 - event.first)
        return lines


@dataclass
class _Direct:
    """An event that happens once, read without an icalendar component (see ics_direct)."""

    number: int  # its place among the events of the file (1, 2, ...)
    where: str
    properties: dict[str, Any]


@dataclass
class _CalendarEvents:
    """The events of one calendar, ready to be expanded."""

    groups: dict[str, list[tuple[str, Any]]]  # UID -> (where, component or _Direct), in file order
    skipped: list[SkippedEvent]
    count: int  # VEVENTs in the calendar
    numbers: dict[int, int]  # id() of a component -> its number among the events of the file
    first_of_group: dict[str, int]  # UID -> number of the first event with it


def parse_ics(data: bytes, *, window_start: date, window_end: date, filename: str = "file") -> IcsParseResult:
    """Read the events of an iCalendar file that happen between two days, both included.

    The window is compared with each event in its own time zone. Events with STATUS:CANCELLED
    are left out and counted in :attr:`IcsParseResult.cancelled`.

    Raises:
        ImportFormatError: the file is not an iCalendar file or cannot be read at all.
        ValueError: ``window_end`` is before ``window_start`` (a mistake of the caller).
    """
    if window_end < window_start:
        raise ValueError(f"window_end {window_end} is before window_start {window_start}")
    try:
        with warnings.catch_warnings():
            # icalendar warns e.g. when it guesses a zone from a vendor-prefixed TZID; the
            # result is used either way and the warnings mean nothing to the user.
            warnings.simplefilter("ignore")
            return _parse(data, window_start, window_end, filename)
    except ImportFormatError:
        raise
    except Exception as exc:  # a defect not foreseen above must still not escape as a crash
        raise ImportFormatError(
            translate("Errors", "{filename}: cannot be read as an iCalendar file: {reason}").format(
                filename=filename, reason=_one_line(exc)
            )
        ) from exc


def _parse(data: bytes, window_start: date, window_end: date, filename: str) -> IcsParseResult:
    lines = _read_lines(data)
    if not lines:
        raise ImportFormatError(
            translate("Errors", "{filename} is not an iCalendar file: the file is empty").format(
                filename=filename
            )
        )
    if not any(_begin_end(line.text) == ("BEGIN", "VCALENDAR") for line in lines):
        raise ImportFormatError(
            translate("Errors", "{filename} is not an iCalendar file: no BEGIN:VCALENDAR found").format(
                filename=filename
            )
        )
    cleaned = _clean(lines, filename)
    # The calendars and their time zones are parsed first, the events after, with every
    # VTIMEZONE of the file known. A file with a VTIMEZONE after an event is parsed whole, as
    # icalendar resolves such forward references (by reading the file twice).
    forward = cleaned.forward_reference()
    calendars = _load_calendars(
        cleaned.lines if forward else cleaned.without_events(), cleaned.timezones, filename
    )
    blocks: dict[int, list[_EventLines]] = {}
    for block in cleaned.events:
        blocks.setdefault(block.calendar, []).append(block)

    span_start = datetime.combine(window_start, datetime.min.time())
    span_stop = datetime.combine(window_end + timedelta(days=1), datetime.min.time())
    events: list[IcsEvent] = []
    skipped: list[SkippedEvent] = []
    cancelled = 0
    number = 0
    for index, calendar in enumerate(calendars):
        scale = str(calendar.get("CALSCALE", "GREGORIAN")).strip().upper()
        if scale != "GREGORIAN":
            raise ImportFormatError(
                translate(
                    "Errors", "{filename}: calendar scale {scale} is not supported, only GREGORIAN"
                ).format(filename=filename, scale=scale)
            )
        _drop_unknown_wr_timezone(calendar)
        parsed = _take_events(calendar) if forward else None
        direct, x_wr_zone = _direct_reading(calendar) if not forward else (False, None)
        try:
            read = _read_events(calendar, blocks.get(index, []), cleaned, parsed, number, direct)
        except _UidTaken:
            read = _read_events(calendar, blocks.get(index, []), cleaned, parsed, number, False)
        number += read.count
        skipped.extend(read.skipped)
        if not read.groups:
            continue
        skipped.extend(_drop_replaced(calendar, read.groups))
        for group_events, group_skipped, group_cancelled in _expand(
            calendar, read, x_wr_zone, span_start, span_stop
        ):
            events.extend(group_events)
            skipped.extend(group_skipped)
            cancelled += group_cancelled
            if len(events) > MAX_EVENTS:
                raise ImportFormatError(
                    translate(
                        "Errors",
                        "{filename}: more than {max_events} events between {window_start} and {window_end}; choose a shorter period",
                    ).format(
                        filename=filename,
                        max_events=MAX_EVENTS,
                        window_start=window_start,
                        window_end=window_end,
                    )
                )
    events.sort(key=lambda e: (e.start, e.end, e.uid, e.occurrence))
    return IcsParseResult(events=events, skipped=skipped, cancelled=cancelled)


def _take_events(calendar: Any) -> list[Any]:
    """The VEVENTs icalendar read in the calendar, taken out of it (they are put back when ready)."""
    found = [c for c in calendar.subcomponents if c.name == "VEVENT"]
    calendar.subcomponents[:] = [c for c in calendar.subcomponents if c.name != "VEVENT"]
    return found


def _direct_reading(calendar: Any) -> tuple[bool, tzinfo | None]:
    """Whether the calendar's single events may be read directly, and the zone of X-WR-TIMEZONE.

    recurring_ical_events refuses every series of a calendar whose CALSCALE is not exactly
    GREGORIAN or whose X-WR-TIMEZONE it cannot use; such calendars take the general route,
    which reports that.
    """
    if calendar.get("CALSCALE", "GREGORIAN") != "GREGORIAN":
        return False, None
    name = calendar.get("X-WR-TIMEZONE")
    if name is None:
        return True, None
    try:
        return True, ZoneInfo(str(name))  # as x_wr_timezone.to_standard() reads it
    except Exception:
        return False, None


def _read_events(
    calendar: Any,
    blocks: list[_EventLines],
    cleaned: _Cleaned,
    parsed: list[Any] | None,
    number: int,
    direct: bool,
) -> _CalendarEvents:
    """The events of one calendar, each read directly or as an icalendar component.

    An event is read directly only if ``direct`` allows it, the line walk found nothing
    against it, :mod:`ics_direct` can read it and no other event has its UID. ``parsed`` are
    the calendar's VEVENTs if icalendar has read them already (then none is read directly).
    The components are added to the calendar in file order.

    Raises:
        _UidTaken: an event without UID was given the UID of an event read directly (then
            every event of the calendar is to be read as a component).
    """
    lines = cleaned.lines
    found: list[dict[str, Any] | None] = [None] * len(blocks)
    components: list[Any] = list(parsed) if parsed is not None else []
    if parsed is None:
        if direct:
            found = [
                _read_direct(lines[b.first + 1 : b.last], cleaned.split)
                if b.direct and not b.problems
                else None
                for b in blocks
            ]
        general = iter(_parse_events([b for b, p in zip(blocks, found, strict=True) if p is None], lines))
        components = [None if properties is not None else next(general) for properties in found]
        # Events with the same UID form a series or replace one another: all are read as components.
        uids = Counter(
            _text(p if p is not None else c, "UID").strip() for p, c in zip(found, components, strict=True)
        )
        shared = [i for i, p in enumerate(found) if p is not None and uids[_text(p, "UID").strip()] > 1]
        for i, component in zip(shared, _parse_events([blocks[i] for i in shared], lines), strict=True):
            found[i], components[i] = None, component
    groups: dict[str, list[tuple[str, Any]]] = {}
    skipped: list[SkippedEvent] = []
    added: list[Any] = []
    numbers: dict[int, int] = {}
    first_of_group: dict[str, int] = {}
    for offset, component in enumerate(components):
        event_number = number + offset + 1
        lines_info = blocks[offset] if offset < len(blocks) else None
        properties = found[offset] if offset < len(found) else None
        if properties is not None:
            where = _where(event_number, properties, lines_info)
            uid = _text(properties, "UID").strip()
            item: Any = _Direct(event_number, where, properties)
        else:
            where = _where(event_number, component, lines_info)
            try:
                uid = _prepare_event(component, lines_info)
            except Exception as exc:
                skipped.append(SkippedEvent(where, _reason(exc)))
                continue
            component[_SOURCE_TAG] = where
            added.append(component)
            numbers[id(component)] = event_number
            item = component
        groups.setdefault(uid, []).append((where, item))
        first_of_group.setdefault(uid, event_number)
    if any(
        len(members) > 1 and any(isinstance(m, _Direct) for _, m in members) for members in groups.values()
    ):
        raise _UidTaken()
    for component in added:
        calendar.add_component(component)
    return _CalendarEvents(groups, skipped, len(components), numbers, first_of_group)


def _read_direct(lines: list[str], split: dict[str, tuple[str, Any, str]]) -> dict[str, Any] | None:
    """The properties of an event that happens once, or ``None`` if it takes the general route."""
    properties = ics_direct.read_properties(lines, split)
    if properties is None:
        return None
    for name in _SINGLE_PROPERTIES:
        value = properties.get(name)
        if isinstance(value, list):
            properties[name] = value[0]
    uid = _text(properties, "UID")
    if not ics_direct.usable_times(properties) or not uid or uid != uid.strip():
        return None  # the general route reports the problem, or derives a UID, or trims it
    return properties


def _parse_events(blocks: list[_EventLines], lines: list[str]) -> list[Any]:
    """The VEVENT components of these events, as icalendar reads them within the file.

    The calendars and their time zones have been read already (see :func:`_load_calendars`).
    """
    if not blocks:
        return []
    text = ["BEGIN:VCALENDAR"]
    for block in blocks:
        text.extend(lines[block.first : block.last + 1])
    text.append("END:VCALENDAR")
    wrapper = icalendar.Calendar.from_ical("\r\n".join(text) + "\r\n")
    events = [c for c in wrapper.subcomponents if c.name == "VEVENT"]
    if len(events) != len(blocks):
        raise ValueError(f"{len(blocks)} events expected, {len(events)} read")
    return events


def _read_lines(data: bytes) -> list[_Line]:
    """The logical lines of the file, decoded.

    RFC 5545 prescribes UTF-8; older Windows programs wrote cp1252. Lines are unfolded
    before they are decoded, because some programs fold in the middle of a UTF-8 sequence.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _unfold(data.decode("utf-16", errors="replace"))
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        # A valid UTF-8 file has no fold inside a character (a fold would make it invalid).
        return _unfold(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    lines = _unfold(data.decode("utf-8", errors="surrogateescape"))
    raw = [line.text.encode("utf-8", errors="surrogateescape") for line in lines]
    try:
        texts = [item.decode("utf-8") for item in raw]
    except UnicodeDecodeError:
        # A stray invalid byte in an otherwise UTF-8 file keeps the UTF-8 reading (with a
        # replacement character); a file without any valid multi-byte sequence is cp1252.
        lenient = b"\n".join(raw).decode("utf-8", errors="replace")
        codec = "utf-8" if any(ord(ch) > 0x7F and ch != "\ufffd" for ch in lenient) else "cp1252"
        texts = [item.decode(codec, errors="replace") for item in raw]
    return [_Line(line.number, text) for line, text in zip(lines, texts, strict=True)]


def _unfold(text: str) -> list[_Line]:
    """Logical lines with the number of the file line each starts on (RFC 5545 3.1).

    Like ``icalendar``, a continuation (a line starting with a space or tab) also continues a
    line separated from it by blank lines, as some exporters write.
    """
    result: list[_Line] = []
    physical = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, raw in enumerate(physical, start=1):
        if not raw:
            continue
        if raw[0] in " \t" and result:
            result[-1].text += raw[1:]
        else:
            stripped = raw.lstrip(" \t")
            if stripped:
                result.append(_Line(number, stripped))
    return result


def _begin_end(text: str) -> tuple[str, str] | None:
    """("BEGIN" | "END", component name) for a BEGIN or END line, else None."""
    match = _NAME.match(text)
    if not match:
        return None
    keyword = match.group(1).upper()
    if keyword not in ("BEGIN", "END") or ":" not in text:
        return None
    return keyword, text.split(":", 1)[1].strip().upper()


def _clean(lines: list[_Line], filename: str) -> _Cleaned:
    """Check the nesting and keep only what is read (see the module notes)."""
    out: list[str] = []
    events: list[_EventLines] = []
    timezones: list[_TimezoneLines] = []
    stack: list[tuple[str, int, bool]] = []  # (name, line number, read)
    unread = 0  # components on the stack that are not read
    calendars = 0
    split: dict[str, tuple[str, Any, str]] = {}
    for line in lines:
        text = line.text
        match = _NAME.match(text)
        name = match.group(1).upper() if match else ""
        if name in ("BEGIN", "END") and ":" in text:
            keyword, name = name, text.split(":", 1)[1].strip().upper()
            if keyword == "BEGIN":
                parent = stack[-1][0] if stack else ""
                read = not unread and name in _READ_COMPONENTS.get(parent, ())
                stack.append((name, line.number, read))
                unread += not read
                if read:
                    out.append(f"BEGIN:{name}")
                    if name == "VEVENT":
                        events.append(_EventLines(line.number, calendars - 1, len(out) - 1))
                    elif name == "VTIMEZONE":
                        timezones.append(_TimezoneLines(line.number, len(out) - 1))
                    elif name == "VCALENDAR":
                        calendars += 1
                continue
            if not stack:
                continue  # a stray END after the calendar: nothing is lost
            open_name, open_line, read = stack[-1]
            if name != open_name:
                raise ImportFormatError(
                    translate(
                        "Errors",
                        "{filename}: line {number}: END:{name} found where BEGIN:{open_name} from line {open_line} is still open",
                    ).format(
                        filename=filename,
                        number=line.number,
                        name=name,
                        open_name=open_name,
                        open_line=open_line,
                    )
                )
            stack.pop()
            unread -= not read
            if read:
                out.append(f"END:{name}")
                if name == "VTIMEZONE":
                    timezones[-1].last = len(out) - 1
                elif name == "VEVENT":
                    events[-1].last = len(out) - 1
            continue
        if not stack or unread or ":" not in text:
            continue  # outside the calendar, in a component not read, or not a content line
        component = stack[-1][0]
        if component == "VCALENDAR" and name not in _CALENDAR_PROPERTIES:
            continue
        if component == "VEVENT":
            event = events[-1]
            # A plain name right before ";" or ":" (no spaces), as ics_direct reads it.
            plain = match is not None and match.start(1) == 0 and match.end(1) + 1 == match.end()
            if not plain or name in ics_direct.SERIES_PROPERTIES:
                event.direct = False
            # A line "NAME:value" always splits; lines with parameters may not.
            if name in _TIME_PROPERTIES and not (plain and match is not None and text[match.end(1)] == ":"):
                try:
                    split[text] = Contentline(text).raw_parts()  # kept for reading the event directly
                except ValueError:
                    event.problems.append(f"its {name} on line {line.number} cannot be read")
                    continue
        out.append(text)
    if stack:
        name, number, _ = stack[-1]
        raise ImportFormatError(
            translate(
                "Errors",
                "{filename}: line {number}: BEGIN:{name} is never closed (END:{name} missing; the file may be cut off)",
            ).format(filename=filename, number=number, name=name)
        )
    return _Cleaned(out, events, timezones, split)


def _load_calendars(cleaned_lines: list[str], timezones: list[_TimezoneLines], filename: str) -> list[Any]:
    """Parse the cleaned lines (with or without the events' lines) with icalendar.

    Only a VTIMEZONE can make this fail (see :func:`_clean`). One that defines a zone the
    time zone database knows is left out then, as icalendar would use the database anyway.
    """
    lines = list(cleaned_lines)
    while True:
        # icalendar keeps the VTIMEZONEs it has read in a process-wide cache and does not
        # replace an entry once made, so a custom TZID (Outlook writes "Customized Time
        # Zone" in many files) would keep the first file's definition. Start afresh.
        icalendar.use_zoneinfo()
        try:
            text = "\r\n".join(line for line in lines if line) + "\r\n"  # icalendar skips empty lines
            components = icalendar.Calendar.from_ical(text, multiple=True)
            break
        except Exception as exc:
            failing = _failing_timezone(lines, timezones)
            if failing is None:
                raise ImportFormatError(
                    translate("Errors", "{filename}: cannot be read as an iCalendar file: {reason}").format(
                        filename=filename, reason=_one_line(exc)
                    )
                ) from exc
            timezone, reason = failing
            if reason:
                raise ImportFormatError(
                    translate("Errors", "{filename}: {reason}").format(filename=filename, reason=reason)
                ) from exc
            for index in range(timezone.first, timezone.last + 1):
                lines[index] = ""
    calendars = [c for c in components if c.name == "VCALENDAR"]
    if not calendars:
        raise ImportFormatError(
            translate("Errors", "{filename} is not an iCalendar file: no calendar found in it").format(
                filename=filename
            )
        )
    return calendars


def _failing_timezone(lines: list[str], timezones: list[_TimezoneLines]) -> tuple[_TimezoneLines, str] | None:
    """The first VTIMEZONE that cannot be read on its own, and why; ``None`` if there is none.

    The reason is "" if the VTIMEZONE can be left out because its TZID is a known zone.
    """
    for timezone in timezones:
        block = lines[timezone.first : timezone.last + 1]
        if not any(block):
            continue  # left out already
        try:
            icalendar.Calendar.from_ical("\r\n".join(["BEGIN:VCALENDAR", *block, "END:VCALENDAR", ""]))
        except Exception as exc:
            tzid = next(
                (line.split(":", 1)[1].strip() for line in block if line.upper().startswith("TZID")), ""
            )
            icalendar.use_zoneinfo()
            if tzid and tzp.timezone(tzid) is not None:
                return timezone, ""
            return timezone, f'line {timezone.line}: time zone "{tzid}" cannot be read: {_one_line(exc)}'
    return None


def _drop_unknown_wr_timezone(calendar: Any) -> None:
    """X-WR-TIMEZONE sets the zone of floating times; an unknown one is ignored."""
    name = calendar.get("X-WR-TIMEZONE")
    if name is None:
        return
    try:
        ZoneInfo(str(name).strip())
    except Exception:
        del calendar["X-WR-TIMEZONE"]


def _where(number: int, component: Any, lines_info: _EventLines | None) -> str:
    uid = _text(component, "UID").strip()
    details = [f"UID {_shorten(uid, 60)}" if uid else "no UID"]
    if lines_info is not None:
        details.append(f"line {lines_info.line}")
    return f"event {number} ({', '.join(details)})"


def _prepare_event(component: Any, lines_info: _EventLines | None) -> str:
    """Check that the event can be expanded and tidy it up for that. Returns its UID.

    Raises:
        _Rejected: the event is skipped, for the reason in the message.
    """
    if lines_info is not None and lines_info.problems:
        raise _Rejected("; ".join(lines_info.problems))
    for name in _SINGLE_PROPERTIES:
        value = component.get(name)
        if isinstance(value, list):
            component[name] = value[0]
    for name, message in component.errors:
        if name is None:
            continue
        if name.upper() in _TIME_PROPERTIES:
            raise _Rejected(f"its {name.upper()} cannot be read: {_one_line(message)}")
        # A broken property that is not read: leave it out rather than trip over it later.
        component.pop(name, None)
    start = component.get("DTSTART")
    if start is None:
        raise _Rejected("it has no start (DTSTART)")
    if not isinstance(getattr(start, "dt", None), date):
        raise _Rejected("its start (DTSTART) is not a date or a date-time")
    for rule in _as_list(component.get("RRULE")):
        _check_rule(rule, start.dt)
    uid = _text(component, "UID").strip()
    if not uid:
        uid = _derived_uid(component)
        component["UID"] = uid
    return uid


def _check_rule(rule: Any, start: date) -> None:
    """Refuse rules that dateutil would loop on for ever or search for a long time.

    Raises:
        _Rejected: the series is skipped, for the reason in the message.
    """
    frequency = str((rule.get("FREQ") or [""])[0]).upper()
    if not frequency:
        raise _Rejected("its RRULE has no frequency (FREQ)")
    if frequency in _UNSUPPORTED_FREQUENCIES:
        raise _Rejected(
            f"it repeats every {_UNSUPPORTED_FREQUENCIES[frequency]}; such series are not imported"
        )
    for part, (lowest, highest, zero_allowed) in _RULE_PART_RANGES.items():
        for value in rule.get(part) or []:
            text = str(value)
            try:
                number = int(text.rstrip("Ll"))  # BYMONTH may carry the leap-month mark of RFC 7529
            except ValueError:
                raise _Rejected(f"its RRULE has an impossible part: {part}={text}") from None
            if (
                number < lowest
                or (highest is not None and number > highest)
                or (number == 0 and not zero_allowed)
            ):
                raise _Rejected(f"its RRULE has an impossible part: {part}={text}")
    if not _rule_gives_dates(rule, start):
        raise _Rejected("its RRULE never gives a date")


def _rule_gives_dates(rule: Any, start: date) -> bool:
    """Whether the rule gives any date at all.

    dateutil does not give up on a rule that never matches (BYMONTH=2;BYMONTHDAY=30) until the
    year 9999, which takes many seconds. The Gregorian calendar repeats every 400 years, so the
    rule is tried from the same day 7200+ years later, where the search ends after 400 to 800
    years.
    """
    parts = [p for p in _ical_text(rule).split(";") if p.split("=", 1)[0].upper() not in ("UNTIL", "COUNT")]
    if isinstance(start, datetime):
        moment = start.replace(tzinfo=None)
    else:
        moment = datetime(start.year, start.month, start.day)
    moment = moment.replace(year=9200 + (moment.year - 9200) % 400)
    try:
        probe = dateutil_rrule.rrulestr(";".join(parts), dtstart=moment)
        return next(iter(probe), None) is not None
    except Exception as exc:
        raise _Rejected(f"its RRULE cannot be used: {_one_line(exc)}") from exc


def _ical_text(value: Any) -> str:
    raw = value.to_ical()
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)


def _drop_replaced(calendar: Any, groups: dict[str, list[tuple[str, Any]]]) -> list[SkippedEvent]:
    """Leave out events that another event with the same UID (and RECURRENCE-ID) replaces.

    As in RFC 5545, the one with the highest SEQUENCE is read; on a tie, the first one.
    """
    skipped: list[SkippedEvent] = []
    for uid, members in groups.items():
        if len(members) < 2:
            continue
        by_key: dict[str, list[tuple[str, Any]]] = {}
        for where, component in members:
            recurrence_id = component.get("RECURRENCE-ID")
            key = _raw_value(recurrence_id) if recurrence_id is not None else ""
            by_key.setdefault(key, []).append((where, component))
        winners = {
            key: max(same, key=lambda member: _sequence(member[1]))
            for key, same in by_key.items()
            if len(same) > 1
        }
        if not winners:
            continue
        kept: list[tuple[str, Any]] = []
        for where, component in members:
            recurrence_id = component.get("RECURRENCE-ID")
            winner = winners.get(_raw_value(recurrence_id) if recurrence_id is not None else "")
            if winner is None or winner[1] is component:
                kept.append((where, component))
                continue
            _remove(calendar, component)
            skipped.append(SkippedEvent(where, f"{winner[0]} has the same UID and replaces it"))
        groups[uid] = kept
    return skipped


def _remove(calendar: Any, component: Any) -> None:
    """Take a component out of the calendar (by identity: equal copies may exist)."""
    calendar.subcomponents[:] = [c for c in calendar.subcomponents if c is not component]


def _sequence(component: Any) -> int:
    try:
        return int(component.get("SEQUENCE", -1))
    except (TypeError, ValueError):
        return -1


def _derived_uid(component: Any) -> str:
    """A UID for an event without one, the same each time the file is read."""
    key = f"{_raw_value(component['DTSTART'])}|{_text(component, 'SUMMARY')}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


def _raw_value(value: Any) -> str:
    """A date property as written in the file, with its TZID."""
    return f"{value.params.get('TZID', '')}|{_ical_text(value)}"


def _expand(
    calendar: Any,
    read: _CalendarEvents,
    x_wr_zone: tzinfo | None,
    span_start: datetime,
    span_stop: datetime,
) -> Iterable[tuple[list[IcsEvent], list[SkippedEvent], int]]:
    """Occurrences in the window, series by series (the events with one UID form a series).

    The series come in the order in which they first appear in the file, as
    recurring_ical_events gives them; events read directly are series of their own.
    """
    direct: list[tuple[_Direct, ics_direct.Span | Exception]] = []
    for members in read.groups.values():
        if isinstance(members[0][1], _Direct):
            try:
                direct.append((members[0][1], ics_direct.window_span(members[0][1].properties, x_wr_zone)))
            except Exception as exc:
                direct.append((members[0][1], exc))
    general = {uid: m for uid, m in read.groups.items() if not isinstance(m[0][1], _Direct)}
    # A series that cannot be set up makes recurring_ical_events fail for the whole calendar,
    # and the others are then read series by series (see _expand_components).
    one_by_one = any(isinstance(span, Exception) for _, span in direct)
    waiting = iter(direct)
    following = next(waiting, None)
    for position, result in _expand_components(calendar, general, read, one_by_one, span_start, span_stop):
        while following is not None and following[0].number < position:
            yield _direct_events(*following, span_start, span_stop)
            following = next(waiting, None)
        yield result
    while following is not None:
        yield _direct_events(*following, span_start, span_stop)
        following = next(waiting, None)


def _expand_components(
    calendar: Any,
    groups: dict[str, list[tuple[str, Any]]],
    read: _CalendarEvents,
    one_by_one: bool,
    span_start: datetime,
    span_stop: datetime,
) -> Iterable[tuple[int, tuple[list[IcsEvent], list[SkippedEvent], int]]]:
    """The series of the calendar's components, each with the number of the event it comes at."""
    if not groups:
        return
    recurring = {uid for uid, members in groups.items() if any(_is_recurring(c) for _, c in members)}
    series_list = None
    if not one_by_one:
        try:
            series_list = list(recurring_ical_events.of(calendar).series)
        except Exception:
            series_list = None
    if series_list is not None:
        first_of_uid: dict[str, int] = {}  # as recurring_ical_events orders its series
        for component in calendar.subcomponents:
            if component.name == "VEVENT":
                first_of_uid.setdefault(str(component.get("UID")), read.numbers.get(id(component), 0))
        for series in series_list:
            uid = str(series.uid)
            position = first_of_uid.get(uid, 0)
            yield (
                position,
                _series_events(series, groups.get(uid, []), uid in recurring, span_start, span_stop),
            )
        return
    # One series spoils the query of the whole calendar: ask again series by series, to
    # find the one that fails and read the others.
    for uid, members in groups.items():
        position = read.first_of_group.get(uid, 0)
        single = icalendar.Calendar()
        for name in ("CALSCALE", "X-WR-TIMEZONE"):
            if name in calendar:
                single[name] = calendar[name]
        for _, component in members:
            single.add_component(component)
        try:
            series_of_uid = list(recurring_ical_events.of(single).series)
        except Exception as exc:
            reason = f"its dates and repetitions cannot be worked out: {_one_line(exc)}"
            yield position, ([], [SkippedEvent(where, reason) for where, _ in members], 0)
            continue
        for series in series_of_uid:
            yield position, _series_events(series, members, uid in recurring, span_start, span_stop)


def _direct_events(
    event: _Direct, span: ics_direct.Span | Exception, span_start: datetime, span_stop: datetime
) -> tuple[list[IcsEvent], list[SkippedEvent], int]:
    """An event read directly, if it is in the window (skipped for the reasons the general route gives)."""
    if isinstance(span, Exception):
        reason = f"its dates and repetitions cannot be worked out: {_one_line(span)}"
        return [], [SkippedEvent(event.where, reason)], 0
    try:
        found = ics_direct.occurrence(span, span_start, span_stop)
        if found is None:
            return [], [], 0
        result = _event(event.properties, found[0], found[1], False, event.where)
    except Exception as exc:
        return [], [SkippedEvent(event.where, _reason(exc))], 0
    if result.status == "CANCELLED":
        return [], [], 1
    return [result], [], 0


def _series_events(
    series: Any,
    members: list[tuple[str, Any]],
    recurring: bool,
    span_start: datetime,
    span_stop: datetime,
) -> tuple[list[IcsEvent], list[SkippedEvent], int]:
    events: list[IcsEvent] = []
    cancelled = 0
    try:
        for count, occurrence in enumerate(series.between(span_start, span_stop), start=1):
            if count > MAX_OCCURRENCES_PER_SERIES:
                raise _Rejected(
                    f"it repeats more than {MAX_OCCURRENCES_PER_SERIES} times in the chosen period; "
                    "choose a shorter period"
                )
            event = _to_event(occurrence, recurring)
            if event.status == "CANCELLED":
                cancelled += 1
            else:
                events.append(event)
    except Exception as exc:
        reason = _reason(exc)
        wheres = [where for where, _ in members] or [f"event with UID {_shorten(str(series.uid), 60)}"]
        return [], [SkippedEvent(where, reason) for where in wheres], 0
    return events, [], cancelled


def _to_event(occurrence: Any, recurring: bool) -> IcsEvent:
    component = occurrence.as_component(False)
    return _event(component, occurrence.start, occurrence.end, recurring, _text(component, _SOURCE_TAG))


def _event(component: Any, start_value: date, end_value: Any, recurring: bool, where: str) -> IcsEvent:
    """The event at these times, with the fields of the component (or properties read directly)."""
    all_day = not isinstance(start_value, datetime)
    start = _to_utc(start_value)
    end = _to_utc(end_value) if isinstance(end_value, date) else start
    if all_day and end <= start:
        end = start + timedelta(days=1)
    elif end < start:
        end = start
    occurrence_id = ""
    if recurring:
        recurrence_id = component.get("RECURRENCE-ID")
        occurrence_id = _occurrence_id(recurrence_id.dt if recurrence_id is not None else start_value)
    status = _text(component, "STATUS").strip().upper()
    app_status = _text(component, "X-MENTORDESK-STATUS").strip().lower()
    return IcsEvent(
        uid=_text(component, "UID").strip(),
        occurrence=occurrence_id,
        start=start,
        end=end,
        all_day=all_day,
        summary=_text(component, "SUMMARY"),
        description=_text(component, "DESCRIPTION"),
        location=_location(component),
        attendees=_attendees(component),
        status=status if status in _ICS_STATUSES else "",
        where=where,
        app_status=app_status if app_status in APP_STATUSES else "",
    )


def _is_recurring(component: Any) -> bool:
    return any(name in component for name in ("RRULE", "RDATE", "RECURRENCE-ID"))


def _to_utc(value: date) -> datetime:
    """A date or date-time as an aware UTC date-time. Floating times are local times."""
    if not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if value.tzinfo is None or value.utcoffset() is None:
        value = value.astimezone()  # floating: the local time of this computer
    return value.astimezone(UTC)


def _occurrence_id(value: date) -> str:
    if not isinstance(value, datetime):
        return value.strftime("%Y%m%d")
    return _to_utc(value).strftime("%Y%m%dT%H%M%SZ")


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _text(component: Any, name: str) -> str:
    values = _as_list(component.get(name))
    return str(values[0]) if values else ""


def _location(component: Any) -> str:
    location = _text(component, "LOCATION")
    if location:
        return location
    for value in _as_list(component.get("X-APPLE-STRUCTURED-LOCATION")):
        params = getattr(value, "params", {})
        for candidate in (params.get("X-TITLE"), params.get("X-ADDRESS"), str(value)):
            if candidate and str(candidate).strip():
                return str(candidate)
    for name in component:
        upper = name.upper()
        if upper.startswith("X-") and "LOCATION" in upper and upper != "X-APPLE-STRUCTURED-LOCATION":
            text = _text(component, name)
            if text.strip():
                return text
    for name in _CONFERENCE_PROPERTIES:
        text = _text(component, name)
        if text.strip():
            return text
    return ""


def _attendees(component: Any) -> tuple[str, ...]:
    found: list[str] = []
    for name in ("ATTENDEE", "ORGANIZER"):
        for value in _as_list(component.get(name)):
            address = _email(value)
            if address and address not in found:
                found.append(address)
    return tuple(found)


def _email(value: Any) -> str:
    raw = str(value).strip()
    if raw.lower().startswith("mailto:"):
        address = raw[len("mailto:") :]
    else:
        params = getattr(value, "params", {})
        email_param = params.get("EMAIL") if hasattr(params, "get") else None
        if email_param:
            address = str(email_param)
        elif ":" not in raw:
            address = raw
        else:
            return ""
    address = address.strip().lower()
    if address.count("@") != 1 or any(ch.isspace() for ch in address):
        return ""
    return address


def _reason(exc: Exception) -> str:
    return str(exc) if isinstance(exc, _Rejected) else f"it cannot be read: {_one_line(exc)}"


def _one_line(value: object) -> str:
    return _shorten(" ".join(str(value).split()), 200) or type(value).__name__


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------

_STATUS_TO_ICS = {
    "planned": "CONFIRMED",
    "held": "CONFIRMED",
    "cancelled": "CANCELLED",
    "missed": "CONFIRMED",
}
# Control characters may not appear in iCalendar text (RFC 5545 3.3.11); tab and line breaks
# may (line breaks are written escaped as \n). U+FEFF (an invisible byte-order mark, often
# pasted along with text) is left out too: icalendar drops it at the start of a value.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff]")


def write_ics(meetings: Iterable[IcsMeeting], *, now: datetime | None = None) -> bytes:
    """An RFC 5545 calendar (UTF-8, CRLF, folded at 75 octets) with one VEVENT per meeting.

    ``now`` is written as DTSTAMP (default: the current time); a naive ``now`` is taken as UTC.

    Raises:
        ValueError: a meeting has a naive start or an unknown status (mistakes of the caller).
    """
    stamp = datetime.now(UTC) if now is None else _aware_utc(now, assume_utc=True)
    stamp = stamp.replace(microsecond=0)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    zoned_days: list[date] = []
    for meeting in meetings:
        event, days = _meeting_event(meeting, stamp)
        calendar.add_component(event)
        zoned_days.extend(days)
    if zoned_days:
        # VTIMEZONEs with the transitions of the years the meetings are in.
        calendar.add_missing_timezones(
            first_date=date(min(zoned_days).year, 1, 1),
            last_date=date(max(zoned_days).year + 1, 1, 1),
        )
    return bytes(calendar.to_ical())


def _meeting_event(meeting: IcsMeeting, stamp: datetime) -> tuple[Any, list[date]]:
    """The VEVENT of a meeting, and the days it spans if written in a time zone."""
    if meeting.status not in _STATUS_TO_ICS:
        raise ValueError(f"unknown meeting status {meeting.status!r}")
    start = _aware_utc(meeting.start, assume_utc=False).replace(microsecond=0)
    minutes = max(0, meeting.duration_minutes)
    event = icalendar.Event()
    uid = meeting.uid if meeting.uid.endswith(UID_SUFFIX) else meeting.uid + UID_SUFFIX
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    zoned_days: list[date] = []
    if meeting.all_day:
        first_day = start.date()
        event.add("dtstart", first_day)
        event.add("dtend", first_day + timedelta(days=max(1, math.ceil(minutes / (24 * 60)))))
    else:
        end = start + timedelta(minutes=minutes)
        zone = _zone(meeting.tzid)
        if zone is not None:
            # Convert each end on its own: adding to a zoned time would shift it across DST.
            local_start, local_end = start.astimezone(zone), end.astimezone(zone)
            # A time in the repeated hour when the clocks go back cannot be written as local
            # time: readers take the first of the two (RFC 5545 3.3.5). Such a meeting is
            # written in UTC.
            if not (_second_of_repeated_hour(local_start) or _second_of_repeated_hour(local_end)):
                start, end = local_start, local_end
                zoned_days = [start.date(), end.date()]
        event.add("dtstart", start)
        event.add("dtend", end)
    event.add("summary", _text_value(meeting.summary), encode=False)
    if meeting.description:
        event.add("description", _text_value(meeting.description), encode=False)
    if meeting.location:
        event.add("location", _text_value(meeting.location), encode=False)
    event.add("status", _STATUS_TO_ICS[meeting.status])
    event.add("x-mentordesk-status", meeting.status)
    email = "".join(meeting.attendee_email.split())
    if email:
        attendee = icalendar.vCalAddress(f"mailto:{email}")
        name = " ".join(_clean_text(meeting.attendee_name).split())
        if name:
            attendee.params["CN"] = name
        event.add("attendee", attendee, encode=False)
    return event, zoned_days


def _aware_utc(value: datetime, *, assume_utc: bool) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        if not assume_utc:
            raise ValueError(f"meeting start {value.isoformat()} has no time zone")
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _second_of_repeated_hour(local: datetime) -> bool:
    return local.fold == 1 and local.replace(fold=0).utcoffset() != local.utcoffset()


def _zone(tzid: str) -> ZoneInfo | None:
    """The zone to write times in; ``None`` (UTC) for "" and for names that are not known."""
    name = tzid.strip()
    if not name or name.upper() in ("UTC", "Z", "ETC/UTC"):
        return None
    try:
        return ZoneInfo(name)
    except Exception:  # an unknown name: UTC describes the same instants
        return None


class _Text(icalendar.vText):
    """A TEXT value escaped as RFC 5545 3.3.11 says.

    icalendar's own escaping reads a backslash followed by "N" in the text as an escaped
    line break, so "C:\\Notes" would come back as "C:" and a new line "otes".
    """

    def to_ical(self) -> bytes:
        escaped = str(self).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
        return escaped.encode("utf-8")


def _text_value(text: str) -> _Text:
    """Text to write: line breaks as \\n, no control characters or byte-order marks."""
    return _Text(_CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")))


def _clean_text(text: str) -> str:
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
