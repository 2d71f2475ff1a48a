"""Meetings-per-month chart."""

from __future__ import annotations

from datetime import date

import pytest
from matplotlib.figure import Figure

from mentordesk.charts import meetings, style
from mentordesk.charts.meetings import meetings_figure, month_labels
from mentordesk.domain.series import MeetingFrequency

MONTHS = (date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1))
FREQ = MeetingFrequency(MONTHS, (("Ana", (2, 0, 1)), ("Ben $x$", (1, 1, 0))), target_per_month=2.5)


@pytest.fixture
def fig() -> Figure:
    return meetings_figure(FREQ)


def series(fig: Figure) -> list:
    """The drawn series of meeting bars (one collection of rectangles per person)."""
    return [c for c in fig.axes[0].collections if c.get_gid() == meetings.GID_BAR]


def legend(fig: Figure):  # type: ignore[no-untyped-def]
    """The chart's one legend (a swatch legend beside the axes)."""
    (found,) = [a for a in fig.axes[0].artists if a.get_gid() == meetings.GID_LEGEND]
    return found


def bars(fig: Figure) -> list[tuple[float, float, float]]:
    """(x centre, bottom, height) of every meeting bar, in drawing order."""
    found = []
    for collection in series(fig):
        for path in collection.get_paths():
            (left, bottom), (_, top), (right, _) = path.vertices[:3]
            found.append((round(float(left + right) / 2, 6), float(bottom), float(top - bottom)))
    return found


def test_bars_are_stacked_by_relationship(fig: Figure) -> None:
    assert bars(fig) == [
        # Ana: 2, 0, 1 from the ground
        (0, 0, 2), (1, 0, 0), (2, 0, 1),
        # Ben: 1, 1, 0 on top of Ana
        (0, 2, 1), (1, 0, 1), (2, 1, 0),
    ]  # fmt: skip
    heights = [[float(p.vertices[1][1] - p.vertices[0][1]) for p in c.get_paths()] for c in series(fig)]
    assert heights == [[2, 0, 1], [1, 1, 0]]


def test_totals_above_each_bar(fig: Figure) -> None:
    totals = [t for t in fig.axes[0].texts if t.get_gid() == meetings.GID_TOTAL]
    assert [(t.get_text(), t.get_position()) for t in totals] == [("3", (0, 3)), ("1", (1, 1)), ("1", (2, 1))]


def test_target_line_at_the_agreed_meetings_per_month(fig: Figure) -> None:
    (target,) = [line for line in fig.axes[0].get_lines() if line.get_gid() == meetings.GID_TARGET]
    assert list(target.get_ydata()) == [2.5, 2.5]
    assert fig.axes[0].get_ylim()[1] > 3


def test_titles_ticks_and_legend(fig: Figure) -> None:
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == "Meetings held per month"
    assert ax.get_ylabel() == "Meetings held"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Jan\n2025", "Feb", "Mar"]
    # Top of the stack first, then the target.
    assert [t.get_text() for t in legend(fig).get_texts()] == ["Ben $x$", "Ana", "Agreed: 2.5 per month"]
    assert all(t.get_parse_math() is False for t in legend(fig).get_texts())
    fig.canvas.draw()


def test_no_target_line_without_an_agreement() -> None:
    fig = meetings_figure(MeetingFrequency(MONTHS, (("Ana", (1, 2, 3)),)))
    assert not [line for line in fig.axes[0].get_lines() if line.get_gid() == meetings.GID_TARGET]
    assert [t.get_text() for t in legend(fig).get_texts()] == ["Ana"]


@pytest.mark.parametrize(
    "freq",
    [
        MeetingFrequency((), ()),
        MeetingFrequency(MONTHS, ()),
        MeetingFrequency(MONTHS, (("Ana", (0, 0, 0)),), target_per_month=2.0),
    ],
)
def test_empty_state_message(freq: MeetingFrequency) -> None:
    fig = meetings_figure(freq, theme="dark")
    assert style.empty_message(fig) == "No meetings in this period"
    fig.canvas.draw()


def test_month_labels_thin_out_but_keep_january_and_the_year() -> None:
    months = tuple(date(2024 + (3 + i) // 12, (3 + i) % 12 + 1, 1) for i in range(18))  # Apr 2024 .. Sep 2025
    labels = month_labels(months)
    shown = [label for label in labels if label]
    assert shown == ["May\n2024", "Jul", "Sep", "Nov", "Jan\n2025", "Mar", "May", "Jul", "Sep"]
    assert labels[0] == "" and len(labels) == 18


def test_many_relationships_repeat_colours_with_hatching() -> None:
    names = tuple((f"Person {i}", (1,)) for i in range(10))
    fig = meetings_figure(MeetingFrequency((date(2025, 1, 1),), names))
    hatches = [c.get_hatch() for c in series(fig)]
    assert hatches[:8] == [None] * 8
    assert hatches[8] and hatches[9]


def test_totals_are_left_out_when_the_months_would_crowd_them() -> None:
    months = tuple(date(2020 + i // 12, i % 12 + 1, 1) for i in range(48))
    fig = meetings_figure(MeetingFrequency(months, (("Ana", (1,) * 48),)))
    assert [t for t in fig.axes[0].texts if t.get_gid() == meetings.GID_TOTAL] == []
    assert len(bars(fig)) == 48  # every month still has its bar


def _months(first: date, count: int) -> tuple[date, ...]:
    return tuple(
        date(first.year + (first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1, 1)
        for i in range(count)
    )


WIDE = MeetingFrequency(
    _months(date(2016, 1, 1), 60),
    tuple((f"Person {n} with a long name", tuple((i * n) % 4 for i in range(60))) for n in range(1, 10)),
    target_per_month=7.25,
)
SHORT = MeetingFrequency(_months(date(2026, 10, 1), 3), (("Mei Chen", (1, 2, 0)),), target_per_month=None)


def _pixels(fig: Figure) -> bytes:
    fig.canvas.draw()
    return bytes(fig.canvas.buffer_rgba())


@pytest.mark.parametrize("before", [FREQ, WIDE, SHORT])
@pytest.mark.parametrize("after", [FREQ, WIDE, SHORT])
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_new_data_put_into_a_drawn_chart_draws_the_same_picture(before, after, theme) -> None:
    th = style.get_theme(theme)
    fresh = meetings_figure(after, theme=theme)
    reused = meetings_figure(before, theme=theme)
    _pixels(reused)  # drawn once with the old data, as on screen
    assert meetings.redraw_meetings(reused, after, th)
    assert _pixels(reused) == _pixels(fresh)
    assert len(reused.axes) == 1 and legend(reused) is not None
    assert bars(reused) == bars(fresh)


def test_an_empty_chart_or_period_is_drawn_afresh() -> None:
    th = style.get_theme("light")
    empty = MeetingFrequency(MONTHS, ())
    assert not meetings.redraw_meetings(meetings_figure(FREQ), empty, th)
    assert not meetings.redraw_meetings(meetings_figure(empty), FREQ, th)


def test_a_december_before_a_january_leaves_the_year_to_january() -> None:
    """Under neighbouring bars, "2025" and "2026" would run into each other."""
    labels = month_labels(_months(date(2025, 12, 1), 12))
    assert labels[:3] == ["Dec", "Jan\n2026", "Feb"]
    # A first label further from January keeps its year, as does one with January two steps on.
    assert month_labels(_months(date(2025, 11, 1), 12))[:3] == ["Nov\n2025", "Dec", "Jan\n2026"]
    assert month_labels(_months(date(2025, 12, 1), 1)) == ["Dec\n2025"]
