"""Proposing a time for the next meeting and finding clashes. Pure functions (stdlib only)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo

DAY_START = time(9, 0)
DAY_END = time(18, 0)
SEARCH_DAYS = 60
STEP = timedelta(minutes=30)

Interval = tuple[datetime, datetime]


def overlaps(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> bool:
    """Two intervals share time (touching ends do not count as a clash)."""
    return a_start < b_end and b_start < a_end


def at_local(day: date, at: time, tz: tzinfo | None = None) -> datetime:
    """``day`` at the wall-clock time ``at`` in ``tz`` (the machine's zone if None), as UTC.

    A time that does not exist on that day (inside the hour skipped when clocks go forward)
    moves forward by the length of the jump: 02:30 becomes 03:30, as calendar programs do.
    """
    if tz is None:
        local = datetime.combine(day, at).astimezone()
    else:
        # zoneinfo reads a wall time inside a DST gap with the offset before the jump, which
        # lands it the same distance after the jump once converted.
        local = datetime.combine(day, at, tzinfo=tz)
    return local.astimezone(UTC)


def candidate_times(preferred: time, duration: timedelta) -> list[time]:
    """Times of day to try, the preferred one first, then the nearest others within working hours."""
    slots: list[time] = []
    moment = datetime.combine(date(2000, 1, 3), DAY_START)
    last = datetime.combine(date(2000, 1, 3), DAY_END) - duration
    while moment <= last:
        slots.append(moment.time())
        moment += STEP
    pref_minutes = preferred.hour * 60 + preferred.minute
    slots.sort(key=lambda t: (abs(t.hour * 60 + t.minute - pref_minutes), t))
    if preferred not in slots:
        slots.insert(0, preferred)
    return slots


def propose_slot(
    *,
    earliest: date,
    duration: timedelta,
    busy: Sequence[Interval],
    preferred: time = time(10, 0),
    tz: tzinfo | None = None,
    skip_weekends: bool = True,
) -> datetime:
    """The first free slot on or after ``earliest``: an aware UTC start time.

    Each day is tried at the preferred wall-clock time first, then at the nearest half hours
    within working hours; weekends are passed over unless ``skip_weekends`` is false. When no
    day in the next two months is free, the preferred time on the first working day is given.
    """
    options = candidate_times(preferred, duration)
    first_choice: datetime | None = None
    for offset in range(SEARCH_DAYS):
        day = earliest + timedelta(days=offset)
        if skip_weekends and day.weekday() >= 5:
            continue
        for at in options:
            start = at_local(day, at, tz)
            if first_choice is None:
                first_choice = start
            end = start + duration
            if not any(overlaps(start, end, b_start, b_end) for b_start, b_end in busy):
                return start
    assert first_choice is not None
    return first_choice
