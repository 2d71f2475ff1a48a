"""Shared test setup: Qt runs offscreen, matplotlib caches in the project, no network."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLCONFIGDIR", str(Path(__file__).resolve().parent.parent / ".cache" / "matplotlib"))

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
