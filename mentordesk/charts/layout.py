"""Constrained layout, in one pass for a chart of one axes whose ticks do not depend on its size.

matplotlib's constrained layout measures the axes' decorations (tick labels, axis labels,
title, anything drawn beside it) twice at every draw: the second time because the first
change of size may change the decorations, when a locator picks its ticks for the length it
has. A chart of one axes whose ticks are fixed, or a fixed number, has the same decorations at
any size, so the margins of the first pass are those of the second: this engine stops there,
and the axes take the place constrained layout would give them. For the meetings chart that
is about a fifth of a redraw.

Anything else (several axes or subfigures, a figure title, a figure legend, a colorbar, a
fixed aspect, automatic or date ticks) is laid out by constrained layout itself. The engine is
a :class:`ConstrainedLayoutEngine`, with its pads and settings.
"""

from __future__ import annotations

from typing import Any

from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.ticker import FixedLocator, MaxNLocator, NullLocator
from matplotlib.transforms import Bbox


def _size_free(locator: Any) -> bool:
    """The locator picks the same ticks whatever the axis' length (these classes exactly: a
    subclass may look at the length)."""
    if type(locator) in (FixedLocator, NullLocator):
        return True
    return type(locator) is MaxNLocator and getattr(locator, "_nbins", "auto") != "auto"


class OnePassLayout(ConstrainedLayoutEngine):
    def _single_axes(self, fig: Any) -> Any:
        """The figure's one axes, when one pass lays it out as two would; else None."""
        if (
            getattr(self, "_compress", False)
            or fig.subfigs
            or fig.legends
            or fig._suptitle
            or fig._supxlabel
            or fig._supylabel
        ):
            return None
        axes = [ax for ax in fig.axes if ax.get_in_layout()]
        if len(axes) != 1:
            return None
        (ax,) = axes
        spec = ax.get_subplotspec()
        if spec is None or spec.get_gridspec().get_geometry() != (1, 1) or ax._colorbars:
            return None
        if ax.get_aspect() != "auto" or ax.get_axes_locator() is not None:
            return None
        for axis in (ax.xaxis, ax.yaxis):
            if not (_size_free(axis.get_major_locator()) and _size_free(axis.get_minor_locator())):
                return None
        return ax

    def execute(self, fig: Any) -> Any:
        ax = self._single_axes(fig)
        if ax is None:
            return super().execute(fig)
        renderer = fig._get_renderer()
        params = self.get()
        width, height = fig.get_size_inches()
        w_pad, h_pad = params["w_pad"] / width, params["h_pad"] / height
        # As constrained layout measures: the axes' place and its tight box, in figure fractions.
        place = ax.get_position(original=True)
        tight = ax.get_tightbbox(renderer, for_layout_only=True)
        box = place if tight is None else tight.transformed(fig.transFigure.inverted())
        left, bottom, rect_w, rect_h = params["rect"]
        x0 = left + w_pad + (place.x0 - box.x0)
        x1 = left + rect_w - w_pad - (box.x1 - place.x1)
        y0 = bottom + h_pad + (place.y0 - box.y0)
        y1 = bottom + rect_h - h_pad - (box.y1 - place.y1)
        if x1 <= x0 or y1 <= y0:
            return super().execute(fig)  # no room: constrained layout says so and leaves it
        ax._set_position(Bbox.from_extents(x0, y0, x1, y1))
        return None
