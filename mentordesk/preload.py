"""Loading Qt's libraries and the font configuration on the second core while the window's code loads.

A cold start is spent almost all on one core: the interpreter running the window's code, which
holds Python's lock. Two pieces of the work that follows need no Python at all: the dynamic
linker loading and relocating Qt's libraries when PySide6 is imported (some 30 million
instructions), and fontconfig reading its configuration and font caches when Qt first measures a
text (some 25 million). :func:`start` does both at once on another thread, in C calls that do
not hold Python's lock, before Qt is imported. When Qt's turn comes, the libraries are loaded and
fontconfig answers from memory: the same work, done on the core that would otherwise wait.

Linux only: elsewhere Qt takes its fonts from the system without fontconfig, and its libraries
load another way. Nothing here is needed: whatever does not work, Qt does itself, as before.
"""

from __future__ import annotations

import os
import sys
import threading
from importlib.util import find_spec

_RTLD_NOW = 2  # dlfcn.h: resolve every symbol now, as Qt's own loading would


def qt_library_folder() -> str | None:
    """The folder of the Qt libraries PySide6 carries (found without importing PySide6)."""
    try:
        spec = find_spec("PySide6")
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    folder = os.path.join(os.path.dirname(spec.origin), "Qt", "lib")
    return folder if os.path.isdir(folder) else None


def preload() -> bool:
    """Load QtWidgets' library (QtGui's and QtCore's with it) and initialise fontconfig; True when
    both were done. Never raises."""
    if not sys.platform.startswith("linux"):
        return False
    folder = qt_library_folder()
    if folder is None:
        return False
    try:
        import ctypes

        # Called as a foreign function, dlopen works without Python's lock (ctypes.CDLL's own
        # loading holds it, and the main thread is busy importing in the meantime).
        dlopen = ctypes.CDLL(None).dlopen
        dlopen.restype = ctypes.c_void_p
        dlopen.argtypes = (ctypes.c_char_p, ctypes.c_int)
        if not dlopen(os.fsencode(os.path.join(folder, "libQt6Widgets.so.6")), _RTLD_NOW):
            return False
        fontconfig = ctypes.CDLL("libfontconfig.so.1")  # loaded with QtGui: nothing to do
        return bool(fontconfig.FcInit())
    except (OSError, AttributeError):
        return False


def start() -> threading.Thread:
    """:func:`preload` on a thread of its own, started now."""
    thread = threading.Thread(target=preload, name="preload-qt", daemon=True)
    thread.start()
    return thread


__all__ = ["preload", "qt_library_folder", "start"]
