"""One measurement per process: ``python benchmarks/probes.py METRIC DB [OUT]`` prints JSON.

Each probe measures itself with ``time.perf_counter`` around the work that the metric names,
except the cold start, which the harness times from outside as a whole process, as it times
``floor_qt.py``.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def floor_mpl() -> dict[str, float]:
    started = time.perf_counter()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8, 5))
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.bar(["a", "b", "c", "d"], [3, 1, 4, 1])
    fig.canvas.draw()
    return {"ms": _ms(time.perf_counter() - started)}


def _window(db: str):  # type: ignore[no-untyped-def]
    from mentordesk import memory

    memory.start_app_lifetime()  # as `mentordesk gui` starts
    from PySide6.QtCore import QSettings

    from mentordesk.services.container import Services
    from mentordesk.ui.app import make_application
    from mentordesk.ui.main_window import MainWindow

    app = make_application()
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Services.open(db), settings=settings)
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    # A person reads the first frame before switching: the window loads what the other tabs need
    # in the meantime (MainWindow.showEvent). Measure from the settled window.
    from PySide6.QtCore import QEventLoop

    while not window.warmed_up:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    return app, window


def _timed(app, action: Callable[[], object]) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    action()
    app.processEvents()
    return time.perf_counter() - started


def first_switch(db: str, tab: str) -> dict[str, float]:
    app, window = _window(db)
    return {"ms": _ms(_timed(app, lambda: window.show_tab(tab)))}


def switch_calendar(db: str) -> dict[str, float]:
    return first_switch(db, "calendar")


def switch_goals(db: str) -> dict[str, float]:
    return first_switch(db, "goals")


def switch_insights(db: str) -> dict[str, float]:
    """Until the first chart is drawn: the tab shows a placeholder while matplotlib loads."""
    from PySide6.QtCore import QEventLoop

    app, window = _window(db)

    def show_and_draw() -> None:
        tab = window.show_tab("insights")
        while tab.chart is None:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)

    return {"ms": _ms(_timed(app, show_and_draw))}


def _repeat(app, action: Callable[[], object], times: int = 9) -> dict[str, float]:  # type: ignore[no-untyped-def]
    samples = [_timed(app, action) for _ in range(times)]
    return {"ms": _ms(statistics.median(samples))}


def month_change(db: str) -> dict[str, float]:
    app, window = _window(db)
    tab = window.show_tab("calendar")
    app.processEvents()
    return _repeat(app, tab.next_button.click)


def filter_keystroke(db: str) -> dict[str, float]:
    app, window = _window(db)
    tab = window.show_tab("mentors")
    edit = tab.filter_edit
    samples = []
    for text in ("a", "an", "ana", "an", "a", "", "r", "ru", "rui", "ru", "r", ""):
        samples.append(_timed(app, lambda t=text: edit.setText(t)))
    return {"ms": _ms(statistics.median(samples))}


def timeline_redraw(db: str) -> dict[str, float]:
    app, window = _window(db)
    tab = window.show_tab("goals")
    app.processEvents()
    return _repeat(app, tab.timeline.repaint)


def chart_redraw(db: str) -> dict[str, float]:
    app, window = _window(db)
    tab = window.show_tab("insights")
    app.processEvents()
    presets = ["this_year", "last_12_months", "this_quarter", "all"]
    state = {"i": 0}

    def change_filter() -> None:
        state["i"] += 1
        tab.period_picker.set_preset(presets[state["i"] % len(presets)])
        app.processEvents()  # runs the canvas' pending draw_idle and paints it

    return _repeat(app, change_filter, times=8)


def peak_memory(db: str) -> dict[str, float]:
    app, window = _window(db)
    for tab in window.tab_names():
        window.show_tab(tab)
        app.processEvents()
    return {"mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def search(db: str) -> dict[str, float]:
    from mentordesk.services.container import Services

    services = Services.open(db)
    samples = []
    for query in ("negotiation", "book", '"design doc"', "promot", "tomas", "delegation", "talk outline"):
        started = time.perf_counter()
        services.search.search(query, limit=50)
        samples.append(time.perf_counter() - started)
    return {"ms": _ms(statistics.median(samples))}


def json_export(db: str) -> dict[str, float]:
    from mentordesk.services.container import Services

    services = Services.open(db)
    out = Path(tempfile.mkdtemp()) / "export.json"
    started = time.perf_counter()
    services.data.export_json(out)
    return {"ms": _ms(time.perf_counter() - started)}


def json_import(db: str) -> dict[str, float]:
    from mentordesk.services.container import Services

    source = Services.open(db)
    folder = Path(tempfile.mkdtemp())
    out = folder / "export.json"
    source.data.export_json(out)
    target = Services.open(folder / "empty.db")
    started = time.perf_counter()
    target.data.import_json(out)
    return {"ms": _ms(time.perf_counter() - started)}


def ics_import(db: str) -> dict[str, float]:
    from datetime import UTC, date, datetime, timedelta

    from mentordesk.formats.ics import IcsMeeting, write_ics
    from mentordesk.services.container import Services

    folder = Path(tempfile.mkdtemp())
    today = date.today()
    start = datetime(today.year, today.month, 1, 9, tzinfo=UTC) - timedelta(days=300)
    meetings = [
        IcsMeeting(
            uid=f"bench-{i}",
            start=start + timedelta(hours=3 * i),
            duration_minutes=45,
            all_day=False,
            summary=f"Mentoring: Person {i % 200}",
            description="Agenda: progress review\nNotes follow.",
            location="Video call",
            status="held",
        )
        for i in range(5000)
    ]
    path = folder / "calendar.ics"
    path.write_bytes(write_ics(meetings))
    target = Services.open(folder / "empty.db")
    first, last = target.calendar_io.default_window()
    started = time.perf_counter()
    target.calendar_io.import_file(path, start=first - timedelta(days=400), end=last)
    return {"ms": _ms(time.perf_counter() - started)}


PROBES: dict[str, Callable[..., dict[str, float]]] = {
    name: fn
    for name, fn in globals().items()
    if callable(fn)
    and not name.startswith("_")
    and name not in ("first_switch",)
    and getattr(fn, "__module__", "") == __name__
}

if __name__ == "__main__":
    name, *rest = sys.argv[1:]
    result = PROBES[name](*rest)
    print(json.dumps(result))
    sys.stdout.flush()
    os._exit(0)  # skip Qt teardown: it is not part of any metric
