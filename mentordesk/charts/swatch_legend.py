"""A legend of swatches and labels in one column beside an axes, measured once and drawn directly.

matplotlib's :class:`~matplotlib.legend.Legend` builds each entry from nested offset boxes
and measures the whole tree again at every layout pass and at the draw: for the meetings
chart's nine entries that was about a quarter of a redraw. This artist keeps its labels'
sizes per resolution, places each swatch and label itself, and draws them once.

It sits outside the axes' right edge, its top level with the axes' top, as a child of the
axes that is not clipped to it: constrained layout then makes room for it as for a tick
label. Its box for the layout spans the axes' height only, so a legend taller than a small
chart never squeezes the axes; it is drawn at its full height.

Spacing is matplotlib's legend defaults (in units of the font size), and each swatch is a
copy of the series' look, as a legend's handle is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from matplotlib.artist import Artist
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from matplotlib.transforms import Bbox, IdentityTransform

if TYPE_CHECKING:
    from matplotlib.axes import Axes

BORDER_PAD = 0.4
LABEL_SPACING = 0.5
HANDLE_HEIGHT = 0.7
HANDLE_TEXT_PAD = 0.8
AXES_PAD = 0.5

_SIZES: dict[tuple[float, Any, str], tuple[float, float, float]] = {}
"""(pixels per point, font, text) -> the text's width, height and descent in pixels.

Shared by every legend: a chart redrawn for another period makes a new legend, mostly of the
same names. Emptied when full, as matplotlib's own text metrics cache is bounded."""
_MAX_SIZES = 4096


class SwatchLegend(Artist):
    """Swatches (a :class:`Rectangle` or a :class:`Line2D` each) with labels, top to bottom."""

    zorder = 5

    def __init__(
        self,
        ax: Axes,
        handles: Sequence[Rectangle | Line2D],
        labels: Sequence[str],
        *,
        prop: Any,
        color: str,
        handle_length: float = 2.2,
    ) -> None:
        super().__init__()
        self.axes = ax
        self._ax: Any = ax
        figure = ax.get_figure(root=False)
        assert figure is not None, "the axes belong to a figure"
        self.set_figure(figure)
        self.set_clip_on(False)
        self._prop = prop
        self._handle_length = handle_length
        self._handles: list[Rectangle | Line2D] = []
        for handle in handles:
            sample = Line2D([], []) if isinstance(handle, Line2D) else Rectangle((0, 0), 1, 1)
            sample.update_from(handle)
            sample.set_transform(IdentityTransform())
            sample.set_figure(figure)
            sample.set_clip_on(False)
            self._handles.append(sample)
        self._texts = [
            Text(
                0,
                0,
                label,
                fontproperties=prop,
                color=color,
                parse_math=False,
                va="baseline",
                ha="left",
                transform=IdentityTransform(),
                figure=figure,
            )
            for label in labels
        ]

    def get_texts(self) -> list[Text]:
        return list(self._texts)

    # -- measuring ------------------------------------------------------------------------------
    def _measure(self, renderer: Any, text: str) -> tuple[float, float, float]:
        """Width, height and descent of ``text`` in pixels (kept per resolution and font)."""
        key = (renderer.points_to_pixels(1.0), self._prop, text)
        size = _SIZES.get(key)
        if size is None:
            if len(_SIZES) >= _MAX_SIZES:
                _SIZES.clear()
            size = _SIZES[key] = renderer.get_text_width_height_descent(text, self._prop, ismath=False)
        return size

    def _frame(self, renderer: Any) -> tuple[float, float, float, float, float]:
        """(left, top, width, height, font size) in pixels."""
        fs = renderer.points_to_pixels(self._prop.get_size_in_points())
        _, line_h, _ = self._measure(renderer, "lp")  # a full line, ascender to descender
        widest = max((self._measure(renderer, t.get_text())[0] for t in self._texts), default=0.0)
        width = (2 * BORDER_PAD + self._handle_length + HANDLE_TEXT_PAD) * fs + widest
        rows = len(self._texts)
        height = 2 * BORDER_PAD * fs + rows * line_h + max(0, rows - 1) * LABEL_SPACING * fs
        box = self._ax.bbox
        return box.x1 + AXES_PAD * fs, box.y1, width, height, fs

    def get_window_extent(self, renderer: Any = None) -> Bbox:
        if renderer is None:
            renderer = self._ax.get_figure(root=True)._get_renderer()
        left, top, width, height, _ = self._frame(renderer)
        return Bbox.from_bounds(left, top - height, width, height)

    def get_tightbbox(self, renderer: Any = None) -> Bbox:
        """The legend's width beside the axes, over the axes' height (see the module's note)."""
        if renderer is None:
            renderer = self._ax.get_figure(root=True)._get_renderer()
        left, _, width, _, _ = self._frame(renderer)
        box = self._ax.bbox
        return Bbox.from_extents(left, box.y0, left + width, box.y1)

    # -- drawing --------------------------------------------------------------------------------
    def draw(self, renderer: Any) -> None:
        if not self.get_visible() or not self._texts:
            return
        renderer.open_group("legend", gid=self.get_gid())
        left, top, _, _, fs = self._frame(renderer)
        _, line_h, line_d = self._measure(renderer, "lp")
        x = left + BORDER_PAD * fs
        swatch_w, swatch_h = self._handle_length * fs, HANDLE_HEIGHT * fs
        baseline = top - BORDER_PAD * fs - (line_h - line_d)
        for handle, text in zip(self._handles, self._texts, strict=True):
            if isinstance(handle, Line2D):
                middle = baseline + swatch_h / 2
                handle.set_data([x, x + swatch_w], [middle, middle])
            else:
                handle.set_bounds(x, baseline, swatch_w, swatch_h)
            handle.draw(renderer)
            text.set_position((x + swatch_w + HANDLE_TEXT_PAD * fs, baseline))
            text.draw(renderer)
            baseline -= line_h + LABEL_SPACING * fs
        renderer.close_group("legend")
        self.stale = False
