"""The timeline's time scale: zoom levels, pixels per day and the ticks of its two header bands.

Plain date arithmetic (no Qt), so the header labels and grid can be tested on their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class Zoom(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def px_per_day(self) -> float:
        return PX_PER_DAY[self]

    def finer(self) -> Zoom:
        order = list(Zoom)
        return order[max(0, order.index(self) - 1)]

    def coarser(self) -> Zoom:
        order = list(Zoom)
        return order[min(len(order) - 1, order.index(self) + 1)]


# A month is ~150 px at month scale, a quarter ~100 px at quarter scale, a year ~145 px at year scale.
PX_PER_DAY: dict[Zoom, float] = {Zoom.MONTH: 5.0, Zoom.QUARTER: 1.1, Zoom.YEAR: 0.4}


@dataclass(frozen=True)
class Tick:
    """A header cell that starts on ``day``."""

    day: date
    label: str


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def quarter_start(day: date) -> date:
    return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _months(first: date, last: date, step: int, start: date) -> Iterator[date]:
    day = start
    while day <= last:
        yield day
        day = add_months(day, step)


def upper_ticks(zoom: Zoom, first: date, last: date) -> list[Tick]:
    """The upper band: months at month scale, quarters at quarter scale, years at year scale."""
    if zoom == Zoom.MONTH:
        return [
            Tick(d, f"{MONTH_NAMES[d.month - 1]} {d.year}")
            for d in _months(first, last, 1, month_start(first))
        ]
    if zoom == Zoom.QUARTER:
        return [
            Tick(d, f"Q{(d.month - 1) // 3 + 1} {d.year}")
            for d in _months(first, last, 3, quarter_start(first))
        ]
    return [Tick(date(y, 1, 1), str(y)) for y in range(first.year, last.year + 1)]


def lower_ticks(zoom: Zoom, first: date, last: date) -> list[Tick]:
    """The lower band: weeks (Mondays) at month scale, months at quarter scale, quarters at year scale."""
    if zoom == Zoom.MONTH:
        ticks = []
        day = week_start(first)
        while day <= last:
            ticks.append(Tick(day, str(day.day)))
            day += timedelta(days=7)
        return ticks
    if zoom == Zoom.QUARTER:
        return [Tick(d, MONTH_ABBR[d.month - 1]) for d in _months(first, last, 1, month_start(first))]
    return [Tick(d, f"Q{(d.month - 1) // 3 + 1}") for d in _months(first, last, 3, quarter_start(first))]


def content_range(dates: list[date], today: date) -> tuple[date, date]:
    """The span the timeline scrolls through: every date shown, and today, with room either side."""
    first = min([*dates, today])
    last = max([*dates, today])
    return add_months(month_start(first), -3), add_months(month_start(last), 7) - timedelta(days=1)


def fit_zoom(first: date, last: date, width: float) -> Zoom | None:
    """The finest zoom that shows [first, last] in ``width`` pixels, or None when none does."""
    days = (last - first).days + 1
    for zoom in Zoom:
        if days * zoom.px_per_day <= width:
            return zoom
    return None
