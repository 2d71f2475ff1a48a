"""``make bench``: time MentorDesk on the large data set against floors measured in the same run.

Every metric is the median of at least five runs (after one warm-up run), each in a fresh process
where the metric is about a first use; a metric judged against a floor alternates with it, over
more runs (``RATIO_RUNS``). Budgets are ratios to a floor (a bare Qt window; importing matplotlib
and drawing one bar chart) or, where the issue gives one, an absolute figure. ``--smoke`` runs
everything once on the small data set and judges nothing, so that the harness itself stays
working.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBES = Path(__file__).with_name("probes.py")
FLOOR_QT = Path(__file__).with_name("floor_qt.py")


@dataclass(frozen=True)
class Metric:
    name: str
    label: str
    probe: str  # name in probes.py; "cold_start" runs the real command
    unit: str  # "ms" or "mb"
    budget: float
    floor: str | None = None  # budget is budget x this floor's median
    runs: int = 5  # at least; more where a ratio of two medians of five moves too much (see RATIO_RUNS)

    def limit(self, floors: dict[str, float]) -> float:
        return self.budget * floors[self.floor] if self.floor else self.budget

    def budget_text(self) -> str:
        return f"<= {self.budget:g} x {self.floor}" if self.floor else f"<= {self.budget:g} {self.unit}"


# Alternating pairs for the metrics judged against a floor. On this kind of shared machine, 30
# alternating pairs of the cold start and floor_qt gave ratios of 1.6 to 3.0 pair by pair, and the
# ratio of the medians of any 5 consecutive pairs ranged from 1.78 to 2.90 within those two
# minutes: five pairs measure the spell more than the program. A pair takes under a second (the
# cold start) or about two (the insights switch), so these cost little.
RATIO_RUNS = {"cold_start": 15, "switch_insights": 11}

# The window of the cold start and of its floor: the same size, so that the ratio compares the
# same window empty and filled (1280 x 800 is also the size the app opens at the first time).
WINDOW = "1280x800"

METRICS = (
    Metric(
        "cold_start",
        f"cold start to first frame, mentors list filled ({WINDOW})",
        "cold_start",
        "ms",
        2.5,
        "floor_qt",
        runs=RATIO_RUNS["cold_start"],
    ),
    Metric("switch_calendar", "first switch to calendar", "switch_calendar", "ms", 150),
    Metric("switch_goals", "first switch to goals", "switch_goals", "ms", 150),
    Metric(
        "switch_insights",
        "first switch to insights incl. matplotlib",
        "switch_insights",
        "ms",
        1.3,
        "floor_mpl",
        runs=RATIO_RUNS["switch_insights"],
    ),
    Metric("month_change", "calendar month change", "month_change", "ms", 30),
    Metric("filter_keystroke", "mentors filter keystroke", "filter_keystroke", "ms", 20),
    Metric("timeline_redraw", "goal timeline full redraw", "timeline_redraw", "ms", 100),
    Metric("chart_redraw", "chart redraw after a filter change", "chart_redraw", "ms", 150),
    Metric("ics_import", "import of a 5,000-event .ics", "ics_import", "ms", 3000),
    Metric("json_export", "JSON export of everything", "json_export", "ms", 5000),
    Metric("json_import", "JSON import of everything", "json_import", "ms", 5000),
    Metric("search", "full-text search", "search", "ms", 50),
    Metric("peak_memory", "peak memory after visiting every tab", "peak_memory", "mb", 250),
)


def env() -> dict[str, str]:
    """The measured processes' environment: offscreen, and bytecode cached as an installed package has it."""
    values = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    values.pop("PYTHONDONTWRITEBYTECODE", None)
    return values


def compile_package() -> None:
    """Write the package's bytecode first, as installing it does (a first run would compile it)."""
    import compileall

    compileall.compile_dir(ROOT / "mentordesk", quiet=1)


def timed_process(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        args, check=True, env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=600
    )
    return (time.perf_counter() - started) * 1000


def probe(name: str, *args: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, str(PROBES), name, *args],
        check=True,
        env=env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def sample(metric: Metric, db: Path, scratch: Path) -> float:
    """One run of the metric, in a fresh process."""
    if metric.probe == "cold_start":
        shot = scratch / "start.png"
        return timed_process(
            [
                *mentordesk_command(),
                "--db",
                str(db),
                "gui",
                "--size",
                WINDOW,
                "--screenshot",
                str(shot),
            ]
        )
    return probe(metric.probe, str(db))[metric.unit]


def mentordesk_command() -> list[str]:
    """``mentordesk`` as installed beside this Python (the command the issue names), else
    ``python -m mentordesk``."""
    script = Path(sys.executable).with_name("mentordesk")
    return [str(script)] if script.exists() else [sys.executable, "-m", "mentordesk"]


def floor_sample(name: str) -> float:
    if name == "floor_qt":
        return timed_process([sys.executable, str(FLOOR_QT), WINDOW])
    return probe("floor_mpl")["ms"]


def measure(
    metric: Metric, db: Path, runs: int, scratch: Path, *, warm_up: bool = True
) -> tuple[list[float], list[float]]:
    """The metric's ``runs`` runs, and its floor's runs when it has one.

    A metric judged against a floor alternates with it, floor then metric, so that both see
    the machine in the same spell (its speed moves by more than the budgets' margins within
    minutes). Unless ``warm_up`` is false, a first pair is run as a warm-up and not counted.
    """
    values: list[float] = []
    floor_values: list[float] = []
    for run in range(-1 if warm_up else 0, runs):
        floor = floor_sample(metric.floor) if metric.floor else None
        value = sample(metric, db, scratch)
        if run < 0:
            continue
        values.append(value)
        if floor is not None:
            floor_values.append(floor)
    return values, floor_values


def floors(runs: int, names: set[str]) -> dict[str, float]:
    """Floors that no measured metric brought with it (an ``--only`` run), measured alone."""
    return {name: statistics.median(floor_sample(name) for _ in range(runs)) for name in sorted(names)}


def dataset(scale: str, seed: int, folder: Path) -> Path:
    """The demo data set, generated once per schema revision (an older file would be migrated,
    and backed up first, inside the first measured run)."""
    from mentordesk.store.migrate import HEAD_REVISION

    db = folder / f"{scale}-seed{seed}-rev{HEAD_REVISION}.db"
    if not db.exists():
        folder.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "mentordesk",
                "--db",
                str(db),
                "demo",
                "--scale",
                scale,
                "--seed",
                str(seed),
            ],
            check=True,
            env=env(),
            stdout=subprocess.DEVNULL,
            timeout=900,
        )
        print(f"generated the {scale} data set in {time.perf_counter() - started:.1f} s: {db}")
    return db


def table(
    rows: list[tuple[Metric, int, float, float | None, float | None, bool | None]],
    fl: dict[str, float],
    floor_runs: dict[str, int],
) -> str:
    lines = [
        "| metric | runs | median | floor | ratio | budget | result |",
        "|---|---:|---:|---:|---:|---|---|",
        f"| floor_qt (bare Qt window, {WINDOW}, shown and grabbed) | {floor_runs['floor_qt']} | "
        f"{fl['floor_qt']:.0f} ms"
        " | | | | |",
        f"| floor_mpl (import matplotlib, draw a bar chart) | {floor_runs['floor_mpl']} | "
        f"{fl['floor_mpl']:.0f} ms | | | | |",
    ]
    for metric, runs, value, floor, ratio, ok in rows:
        lines.append(
            f"| {metric.label} | {runs} | {value:.1f} {metric.unit} | "
            f"{'' if floor is None else f'{floor:.0f} ms'} | "
            f"{'' if ratio is None else f'{ratio:.2f}'} | {metric.budget_text()} | "
            f"{'-' if ok is None else 'pass' if ok else 'FAIL'} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="small data, one run, no budgets")
    parser.add_argument(
        "--runs", type=int, default=5, help="runs of each metric at least (see RATIO_RUNS for more)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", nargs="*", help="metric names to run")
    parser.add_argument("--write", metavar="FILE", help="also write the results as Markdown to FILE")
    args = parser.parse_args(argv)
    runs = 1 if args.smoke else max(5, args.runs)
    scratch = Path(tempfile.mkdtemp(prefix="mentordesk-bench-"))
    db = dataset(
        "small" if args.smoke else "large", args.seed, scratch if args.smoke else ROOT / ".cache" / "bench"
    )
    compile_package()
    chosen = [metric for metric in METRICS if not args.only or metric.name in args.only]
    measured = []
    fl: dict[str, float] = {}
    floor_runs: dict[str, int] = {}
    for metric in chosen:
        metric_runs = 1 if args.smoke else max(runs, metric.runs)
        values, floor_values = measure(metric, db, metric_runs, scratch, warm_up=not args.smoke)
        value = statistics.median(values)
        spread = f"{metric_runs} runs, {min(values):.1f}-{max(values):.1f}"
        if metric.floor:
            fl[metric.floor] = statistics.median(floor_values)
            floor_runs[metric.floor] = len(floor_values)
            spread += f"; {metric.floor} {min(floor_values):.0f}-{max(floor_values):.0f} ms"
        measured.append((metric, metric_runs, value))
        print(f"  {metric.name}: {value:.1f} {metric.unit} ({spread})", flush=True)
    alone = {"floor_qt", "floor_mpl"} - set(fl)
    fl.update(floors(runs, alone))
    floor_runs.update(dict.fromkeys(alone, runs))
    rows = []
    failed = False
    for metric, metric_runs, value in measured:
        floor = fl[metric.floor] if metric.floor else None
        ratio = value / floor if floor else None
        ok = None if args.smoke else value <= metric.limit(fl)
        failed = failed or ok is False
        rows.append((metric, metric_runs, value, floor, ratio, ok))
    text = table(rows, fl, floor_runs)
    print(text)
    if args.write:
        machine = (
            f"{platform.node() or 'machine'}: {platform.platform()}, Python {platform.python_version()}, "
            f"{os.cpu_count()} cores"
        )
        Path(args.write).write_text(
            "# Benchmarks\n\n"
            f"Run on {datetime.now():%Y-%m-%d %H:%M} with `make bench` (the median of each metric's runs; "
            "a metric judged against a floor alternates with it, pair by pair), "
            f"{'small' if args.smoke else 'large'} data set (seed {args.seed}).\n\nMachine: {machine}\n\n{text}\n"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
