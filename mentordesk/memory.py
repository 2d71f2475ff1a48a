"""Keeping Python's garbage collector out of the way of a long-running window.

Python's cyclic collector now and then walks every object the process holds. After the window
and the chart library are loaded that is some 160,000 objects (modules, classes, the widgets),
all of which live as long as the app, and a full walk pauses the interface for 70-90 ms, often
in the middle of the first chart drawn. So the app:

* holds the collector off while it starts (it would only find objects still in use), and
* once the window has warmed up, and again after matplotlib loads (no collection while it
  loads and draws the first chart: :func:`hold`, then :func:`settle` once that chart is on
  screen), moves what is alive to the collector's permanent generation (``gc.freeze``), so that
  later walks look only at objects made since.

Reference counting still frees everything as usual; only cycles among the frozen objects would
stay, and those are the app's own long-lived parts. Tests build many windows in one process, so
nothing here happens unless :func:`start_app_lifetime` was called (by ``mentordesk gui``). No Qt here: it runs before Qt loads.
"""

from __future__ import annotations

import gc

_enabled = False


def start_app_lifetime() -> None:
    """Called once as the app starts: collection waits until :func:`settle`."""
    global _enabled
    _enabled = True
    gc.disable()


def settle() -> None:
    """What is alive now lives as long as the app: leave it out of later collections."""
    if not _enabled:
        return
    gc.collect(0)  # what the start left as garbage among the newest objects, freed first
    gc.freeze()
    gc.enable()


def hold() -> None:
    """Hold collection off until the next :func:`settle`, for loading something that stays."""
    if _enabled:
        gc.disable()
