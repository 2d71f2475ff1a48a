"""``mentordesk --self-test``: prove an installation works, end to end, and clean up after itself.

Opens a temporary database, migrates it, writes the sample data, renders every tab offscreen,
exports each chart to PNG, SVG and PDF and a progress report, checks the database, then removes
its temporary files. Prints each step; exit 0 when all pass.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

CHART_KINDS = ("progress", "meetings", "adherence", "focus")
FORMATS = ("png", "svg", "pdf")
MAGIC = {"png": b"\x89PNG", "svg": b"<?xml", "pdf": b"%PDF"}


class SelfTestFailure(Exception):
    pass


def _step(label: str, action: Callable[[], str]) -> None:
    started = time.perf_counter()
    try:
        detail = action()
    except Exception as exc:  # report any failure as the step's result
        print(f"FAIL  {label}: {type(exc).__name__}: {exc}")
        raise SelfTestFailure(label) from exc
    print(f"ok    {label} ({(time.perf_counter() - started) * 1000:.0f} ms){': ' + detail if detail else ''}")


def run_self_test() -> int:
    if not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    work = Path(tempfile.mkdtemp(prefix="mentordesk-self-test-"))
    db_path = work / "self-test.db"
    state: dict[str, object] = {}
    print(f"MentorDesk self-test in {work}")
    try:
        _step("create and migrate a database", lambda: _migrate(db_path, state))
        _step("write the sample data", lambda: _demo(state))
        _step("render every tab", lambda: _render_tabs(work, state))
        _step("export every chart as PNG, SVG and PDF", lambda: _charts(db_path, work))
        _step("write a progress report", lambda: _report(db_path, work))
        _step("check the database", lambda: _check(state))
    except SelfTestFailure:
        print("self-test FAILED")
        return 1
    finally:
        services = state.get("services")
        if services is not None:
            services.close()  # type: ignore[attr-defined]
        shutil.rmtree(work, ignore_errors=True)
    print(f"self-test passed; removed {work}")
    return 0


def _migrate(db_path: Path, state: dict[str, object]) -> str:
    from mentordesk.services.container import Services
    from mentordesk.store.migrate import HEAD_REVISION

    state["services"] = Services.open(db_path)
    return f"schema revision {HEAD_REVISION}"


def _demo(state: dict[str, object]) -> str:
    services = state["services"]
    return str(services.demo.generate(seed=1))  # type: ignore[attr-defined]


def _render_tabs(work: Path, state: dict[str, object]) -> str:
    from PySide6.QtCore import QSettings

    from mentordesk.ui.app import make_application
    from mentordesk.ui.main_window import MainWindow

    app = make_application()
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(state["services"], settings=settings)  # type: ignore[arg-type]
    window.resize(1280, 800)
    window.show()
    sizes = []
    for name in window.tab_names():
        window.show_tab(name)
        app.processEvents()
        image = window.grab().toImage()
        if image.isNull() or image.width() < 100:
            raise RuntimeError(f"the {name} tab rendered nothing")
        out = work / f"tab-{name}.png"
        if not image.save(str(out)):
            raise RuntimeError(f"could not save {out}")
        sizes.append(f"{name} {image.width()}x{image.height()}")
    window.close()
    window.deleteLater()
    app.processEvents()
    return ", ".join(sizes)


def _run_cli(args: list[str]) -> None:
    from mentordesk.cli import main

    code = main(args)
    if code != 0:
        raise RuntimeError(f"'mentordesk {' '.join(args)}' exited {code}")


def _charts(db_path: Path, work: Path) -> str:
    written = 0
    for kind in CHART_KINDS:
        for fmt in FORMATS:
            out = work / f"{kind}.{fmt}"
            _run_cli(["--db", str(db_path), "export", "chart", kind, str(out)])
            head = out.read_bytes()[:5]
            if not head.startswith(MAGIC[fmt]) and not (fmt == "svg" and head.startswith(b"<svg")):
                raise RuntimeError(f"{out.name} is not a valid {fmt.upper()} file")
            written += 1
    return f"{written} files"


def _report(db_path: Path, work: Path) -> str:
    out = work / "report.pdf"
    _run_cli(["--db", str(db_path), "report", str(out)])
    data = out.read_bytes()
    pages = data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type /Page>")
    if not data.startswith(b"%PDF"):
        raise RuntimeError("the report is not a PDF")
    return f"{len(data) // 1024} KB" + (f", {pages} pages" if pages else "")


def _check(state: dict[str, object]) -> str:
    findings = state["services"].maintenance.check()  # type: ignore[attr-defined]
    if findings:
        raise RuntimeError("; ".join(str(f) for f in findings))
    return "healthy"


if __name__ == "__main__":
    sys.exit(run_self_test())
