"""One-pass constrained layout: the same place as constrained layout, where it takes one pass."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from mentordesk.charts import meetings, style
from mentordesk.charts.layout import OnePassLayout
from mentordesk.domain.series import MeetingFrequency


def _months(first: date, count: int) -> tuple[date, ...]:
    return tuple(
        date(first.year + (first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1, 1)
        for i in range(count)
    )


CHARTS = [
    MeetingFrequency(
        _months(date(2025, 1, 1), 3), (("Ana", (2, 0, 1)), ("Ben", (1, 1, 0))), target_per_month=2.5
    ),
    MeetingFrequency(
        _months(date(2016, 1, 1), 60),
        tuple((f"Person {n} with a long name", tuple((i * n) % 4 for i in range(60))) for n in range(1, 10)),
        target_per_month=7.25,
    ),
    MeetingFrequency(_months(date(2016, 1, 1), 120), (("Mei", tuple(range(120))),)),
]


def _figure(layout, size):  # type: ignore[no-untyped-def]
    fig = Figure(figsize=size, layout=layout)
    FigureCanvasAgg(fig)
    return fig


@pytest.mark.parametrize("freq", CHARTS)
@pytest.mark.parametrize("size", [(9.0, 5.0), (4.5, 3.0), (13.8, 6.9)])
def test_the_meetings_chart_sits_where_constrained_layout_puts_it(freq, size) -> None:
    th = style.get_theme("light")
    places = []
    for layout in ("constrained", OnePassLayout()):
        fig = _figure(layout, size)
        meetings.draw_meetings(fig, freq, th)
        fig.canvas.draw()
        places.append(fig.axes[0].get_window_extent().extents)
    engine = fig.get_layout_engine()
    assert isinstance(engine, OnePassLayout) and engine._single_axes(fig) is fig.axes[0]  # one pass, here
    assert np.abs(places[0] - places[1]).max() < 0.01  # pixels


def test_charts_whose_ticks_follow_the_size_are_left_to_constrained_layout() -> None:
    engine = OnePassLayout()
    automatic = _figure(engine, (6, 4))
    automatic.add_subplot().plot([0, 1], [0, 5])  # matplotlib picks ticks for the length it has
    two = _figure(engine, (6, 4))
    two.subplots(1, 2)
    titled = _figure(engine, (6, 4))
    titled.add_subplot().set_xticks([0, 1])
    titled.axes[0].set_yticks([0, 1])
    assert engine._single_axes(titled) is titled.axes[0]
    titled.suptitle("Both")
    for fig in (automatic, two, titled):
        assert engine._single_axes(fig) is None
    # ... and there it is constrained layout's own place.
    plain = _figure("constrained", (6, 4))
    plain.add_subplot().plot([0, 1], [0, 5])
    for fig in (automatic, plain):
        fig.canvas.draw()
    assert np.allclose(automatic.axes[0].get_position().extents, plain.axes[0].get_position().extents)
