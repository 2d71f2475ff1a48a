"""The Qt binding must not leak references to None (Python 3.11 aborts when None's count hits 0)."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QPoint


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_qt_calls_keep_none_alive():
    point = QPoint()
    before = sys.getrefcount(None)
    for _ in range(1000):
        point.setX(1)
    assert sys.getrefcount(None) - before > -50
