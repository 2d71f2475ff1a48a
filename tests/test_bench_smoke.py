"""The benchmark harness keeps working: every metric runs once on the small data set (no budgets)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_benchmark_smoke_run_prints_the_table(tmp_path):
    out = tmp_path / "bench.md"
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--smoke", "--write", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    table = out.read_text()
    for label in (
        "floor_qt",
        "floor_mpl",
        "cold start to first frame",
        "first switch to insights",
        "calendar month change",
        "goal timeline full redraw",
        "chart redraw after a filter change",
        "import of a 5,000-event .ics",
        "JSON export",
        "full-text search",
        "peak memory",
    ):
        assert label in table
    rows = [line for line in table.splitlines() if line.startswith("| ") and "|---" not in line][1:]
    assert len(rows) == 2 + 13
    assert all(row.rstrip().endswith("| - |") for row in rows[2:])  # smoke runs judge nothing


def test_the_cold_start_and_its_floor_draw_the_same_window(tmp_path, monkeypatch):
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
    assert spec is not None and spec.loader is not None
    run = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "bench_run", run)  # its dataclasses look themselves up there
    spec.loader.exec_module(run)
    commands: list[list[str]] = []
    monkeypatch.setattr(run, "timed_process", lambda args: commands.append(args) or 1.0)
    run.floor_sample("floor_qt")
    cold_start = next(m for m in run.METRICS if m.name == "cold_start")
    run.sample(cold_start, tmp_path / "large.db", tmp_path)
    floor, start = commands
    assert floor[-1] == run.WINDOW
    assert start[start.index("--size") + 1] == run.WINDOW
    # The floor draws the size it is given.
    source = (ROOT / "benchmarks" / "floor_qt.py").read_text()
    assert "window.resize(width, height)" in source and "sys.argv[1]" in source
