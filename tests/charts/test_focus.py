"""Meetings and hours by focus area."""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from mentordesk.charts import focus, style
from mentordesk.charts.focus import focus_figure
from mentordesk.domain.series import FocusRow

ROWS = [FocusRow("Leadership", 3, 4.5), FocusRow("Career $x$", 5, 2.0), FocusRow("Unused", 0, 0.0)]


@pytest.fixture
def fig() -> Figure:
    return focus_figure(ROWS)


def widths(fig: Figure, panel: int, gid: str) -> list[float]:
    return [p.get_width() for p in fig.axes[panel].patches if p.get_gid() == gid]


def test_two_panels_sorted_by_meetings(fig: Figure) -> None:
    assert len(fig.axes) == 2
    assert widths(fig, 0, focus.GID_MEETINGS) == [5.0, 3.0]
    assert widths(fig, 1, focus.GID_HOURS) == [2.0, 4.5]
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["Career $x$", "Leadership"]


def test_value_labels_and_titles(fig: Figure) -> None:
    assert [t.get_text() for t in fig.axes[0].texts] == ["5", "3"]
    assert [t.get_text() for t in fig.axes[1].texts] == ["2", "4.5"]
    assert fig.axes[0].get_title(loc="left") == "Meetings held"
    assert fig.axes[1].get_title(loc="left") == "Hours spent"
    assert fig.get_suptitle() == "Meetings and hours by focus area"
    fig.canvas.draw()


@pytest.mark.parametrize("rows", [[], [FocusRow("Unused", 0, 0.0)]])
def test_empty_state_message(rows: list[FocusRow]) -> None:
    fig = focus_figure(rows, theme="dark")
    assert style.empty_message(fig) == "No meetings with a focus area in this period"
    fig.canvas.draw()
