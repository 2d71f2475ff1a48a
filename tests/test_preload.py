"""Qt's libraries and the font configuration load on another thread before Qt is imported; Qt
then starts as usual on the main thread, and the reads of the database wait for that thread."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest

from mentordesk import preload
from mentordesk.services.container import Services
from mentordesk.services.start_reads import StartReads

LINUX = sys.platform.startswith("linux")

# Run in a fresh interpreter: in this one, Qt is loaded already.
_PROBE = """
import sys
from mentordesk import preload
thread = preload.start()
thread.join()
print("preloaded", preload.preload())
loaded = [line.split()[-1] for line in open("/proc/self/maps") if "libQt6Widgets" in line]
print("widgets library loaded before Qt's import:", bool(loaded))
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
print("main thread is Qt's:", QThread.currentThread() is app.thread())
print("text measured:", QLabel("Ana Ruiz").sizeHint().width() > 0)
"""


@pytest.mark.skipif(not LINUX, reason="the preload works on Linux only")
def test_qt_starts_on_the_main_thread_after_the_preload():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, env=env, timeout=120, check=True
    ).stdout
    assert "preloaded True" in out
    assert "widgets library loaded before Qt's import: True" in out
    assert "main thread is Qt's: True" in out
    assert "text measured: True" in out


def test_elsewhere_or_without_pyside_nothing_is_loaded(monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    assert preload.preload() is False
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(preload, "find_spec", lambda _name: None)
    assert preload.qt_library_folder() is None
    assert preload.preload() is False


def test_the_reads_wait_for_the_thread_given(tmp_path, today, monkeypatch):  # type: ignore[no-untyped-def]
    from mentordesk.services import start_reads

    path = tmp_path / "mentors.db"
    services = Services.open(path, today=lambda: today)
    services.demo.generate(seed=2)
    services.close()
    release = threading.Event()
    busy = threading.Thread(target=release.wait, daemon=True)
    busy.start()
    started, busy_then = threading.Event(), []
    real_read_ahead = start_reads.read_ahead

    def read_ahead(*args):  # type: ignore[no-untyped-def]
        busy_then.append(busy.is_alive())
        started.set()
        return real_read_ahead(*args)

    monkeypatch.setattr(start_reads, "read_ahead", read_ahead)
    check = StartReads.of(path, after=busy)
    assert check is not None
    # A bounded wait for something that must not happen: the reads start only once it is done.
    assert not started.wait(0.3)
    release.set()
    assert check.status() == "ok"
    assert busy_then == [False]
    assert check.list_ahead() is not None
