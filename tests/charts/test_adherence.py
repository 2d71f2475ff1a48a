"""Cadence adherence chart."""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from mentordesk.charts import adherence, style
from mentordesk.charts.adherence import adherence_figure, cadence_text
from mentordesk.domain.series import AdherenceRow

ROWS = [
    AdherenceRow("Ana", periods=10, periods_met=8, longest_gap_days=21, cadence_days=14),
    AdherenceRow("Ben $x$", periods=6, periods_met=3, longest_gap_days=45, cadence_days=30),
    AdherenceRow("New", periods=0, periods_met=0, longest_gap_days=1, cadence_days=7),
]


@pytest.fixture
def fig() -> Figure:
    return adherence_figure(ROWS)


def test_bar_lengths_are_the_share_in_percent(fig: Figure) -> None:
    share = [p for p in fig.axes[0].patches if p.get_gid() == adherence.GID_SHARE]
    assert [p.get_width() for p in share] == [80.0, 50.0, 0.0]
    assert [p.get_y() + p.get_height() / 2 for p in share] == [0.0, 1.0, 2.0]
    tracks = [p for p in fig.axes[0].patches if p.get_gid() == adherence.GID_TRACK]
    assert [p.get_width() for p in tracks] == [100.0] * 3


def test_first_row_is_on_top_and_names_are_literal(fig: Figure) -> None:
    ax = fig.axes[0]
    low, high = ax.get_ylim()
    assert low > high  # inverted: row 0 at the top
    labels = ax.get_yticklabels()
    assert [t.get_text() for t in labels] == ["Ana", "Ben $x$", "New"]
    assert all(t.get_parse_math() is False for t in labels)
    fig.canvas.draw()
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Ana", "Ben $x$", "New"]


def test_annotations_give_percent_and_longest_gap(fig: Figure) -> None:
    texts = fig.axes[0].texts
    assert [t.get_text() for t in texts if t.get_gid() == adherence.GID_PERCENT] == [
        "80%",
        "50%",
        "no full period yet",
    ]
    assert [t.get_text() for t in texts if t.get_gid() == adherence.GID_GAP] == [
        "Longest gap 21 days",
        "Longest gap 45 days",
        "Longest gap 1 day",
    ]
    details = [t.get_text() for t in texts if t.get_gid() == adherence.GID_DETAIL]
    assert details == ["8 of 10 periods, every 2 weeks", "3 of 6 periods, monthly", "agreed weekly"]


def test_titles(fig: Figure) -> None:
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == "Agreed meeting cadence kept"
    assert ax.get_xlabel() == "Cadence periods with a held meeting (%)"
    assert ax.get_xlim() == (0.0, 100.0)


def test_empty_state_message() -> None:
    fig = adherence_figure([])
    assert style.empty_message(fig) == "No relationships with an agreed cadence in this period"
    fig.canvas.draw()


@pytest.mark.parametrize(
    ("days", "text"),
    [
        (1, "daily"),
        (7, "weekly"),
        (14, "every 2 weeks"),
        (21, "every 3 weeks"),
        (30, "monthly"),
        (10, "every 10 days"),
        (91, "quarterly"),
    ],
)
def test_cadence_in_words(days: int, text: str) -> None:
    assert cadence_text(days) == text


def test_height_grows_with_rows() -> None:
    small = adherence_figure(ROWS[:1]).get_size_inches()[1]
    large = adherence_figure(ROWS * 5).get_size_inches()[1]
    assert small < large <= 9.0


def test_many_rows_keep_one_annotation_line_each() -> None:
    rows = [AdherenceRow(f"Person {i}", 12, i, 10 * i, 14) for i in range(adherence.DETAIL_ROWS + 1)]
    texts = adherence_figure(rows).axes[0].texts
    assert [t.get_text() for t in texts if t.get_gid() == adherence.GID_GAP][-1] == "Longest gap 80 days"
    assert not [t for t in texts if t.get_gid() == adherence.GID_DETAIL]
