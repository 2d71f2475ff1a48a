"""Matplotlib set-up shared by every chart builder.

Call :func:`ensure_matplotlib` before the first ``import matplotlib``: matplotlib reads
``MPLCONFIGDIR`` once at import time to find (or build) its font cache. Without a
writable, persistent directory it rebuilds the cache in a temporary folder on every
start, which costs seconds. The charts never use pyplot; each :class:`Figure` gets its
own Agg canvas, so no global backend is selected and rcParams are left alone.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

APP_NAME = "MentorDesk"


def matplotlib_cache_dir() -> Path:
    """The per-user folder MentorDesk gives matplotlib for its caches."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False)) / "matplotlib"


def ensure_matplotlib() -> None:
    """Point matplotlib at MentorDesk's cache folder unless ``MPLCONFIGDIR`` is already set.

    The folder is created owner-only (0700). If it cannot be created, matplotlib is left
    to fall back to its own default.
    """
    if os.environ.get("MPLCONFIGDIR"):
        return
    path = matplotlib_cache_dir()
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.chmod(0o700)
    except OSError:
        return
    os.environ["MPLCONFIGDIR"] = str(path)


def new_canvas_figure(figsize: tuple[float, float], facecolor: str) -> Figure:
    """A :class:`Figure` with constrained layout (:mod:`mentordesk.charts.layout`) and its own Agg
    canvas (no pyplot)."""
    ensure_matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from mentordesk.charts.layout import OnePassLayout

    fig = Figure(figsize=figsize, facecolor=facecolor, layout=OnePassLayout())
    FigureCanvasAgg(fig)
    return fig
