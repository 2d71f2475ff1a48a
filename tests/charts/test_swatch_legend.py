"""The swatch legend beside the meetings chart: room made for it, drawn where it says, never squeezing the axes."""

from __future__ import annotations

from datetime import date

import numpy as np
from matplotlib.colors import to_rgba

from mentordesk.charts import meetings, style
from mentordesk.charts.meetings import meetings_figure
from mentordesk.domain.series import MeetingFrequency

MONTHS = (date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1))


def _legend(fig):  # type: ignore[no-untyped-def]
    (found,) = [a for a in fig.axes[0].artists if a.get_gid() == meetings.GID_LEGEND]
    return found


def _people(count: int) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """``count`` people; only the first has meetings, so the bars and axes are the same for any count."""
    return tuple((f"Person {n}", (3, 1, 2) if n == 0 else (0, 0, 0)) for n in range(count))


def test_the_layout_makes_room_beside_the_axes() -> None:
    fig = meetings_figure(MeetingFrequency(MONTHS, _people(3), target_per_month=2.0))
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    box = _legend(fig).get_window_extent(renderer)
    axes = fig.axes[0].bbox
    assert box.x0 > axes.x1  # right of the plot, not over it
    assert box.x1 <= fig.bbox.x1 and box.y1 <= fig.bbox.y1  # inside the picture
    assert abs(box.y1 - axes.y1) < 1  # level with the plot's top
    texts = _legend(fig).get_texts()
    assert [t.get_text() for t in texts] == ["Person 2", "Person 1", "Person 0", "Agreed: 2 per month"]
    # Each label is drawn inside the legend's box, one below the other.
    extents = [t.get_window_extent(renderer) for t in texts]
    assert all(box.x0 <= e.x0 and e.x1 <= box.x1 + 0.5 and box.y0 <= e.y0 for e in extents)
    assert [e.y0 for e in extents] == sorted((e.y0 for e in extents), reverse=True)


def test_each_swatch_shows_its_series_colour() -> None:
    th = style.get_theme("light")
    fig = meetings_figure(MeetingFrequency(MONTHS, _people(3)), theme="light")
    fig.canvas.draw()
    pixels = np.asarray(fig.canvas.buffer_rgba())
    height = pixels.shape[0]
    legend = _legend(fig)
    # Top of the stack first: the third person's colour is the first swatch.
    for handle, index in zip(legend._handles, (2, 1, 0), strict=True):
        x0, y0, x1, y1 = handle.get_window_extent().extents
        r, g, b, _ = pixels[int(height - (y0 + y1) / 2), int((x0 + x1) / 2)]
        expected = to_rgba(style.series_color(th, index))
        assert (r, g, b) == tuple(round(c * 255) for c in expected[:3])


def test_a_legend_taller_than_a_small_chart_does_not_squeeze_the_axes() -> None:
    one, many = (
        meetings_figure(MeetingFrequency(MONTHS, _people(n), target_per_month=2.0), theme="light")
        for n in (1, 8)
    )
    for fig in (one, many):
        fig.set_size_inches(4.5, 1.8)
        fig.canvas.draw()
    # It reaches below the month names, the lowest thing beside the axes.
    assert _legend(many).get_window_extent().y0 < many.axes[0].get_tightbbox().y0
    assert abs(many.axes[0].bbox.height - one.axes[0].bbox.height) < 0.5
