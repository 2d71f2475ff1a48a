"""The house rules: only mentordesk/ui imports PySide6; startup does not import heavy modules."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "mentordesk"


def _imports(path: Path, *, full: bool = False) -> set[str]:
    """Modules imported anywhere in the file (top-level package names unless ``full``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names if full else {n.split(".")[0] for n in names}


def test_only_ui_imports_pyside6():
    offenders = [
        str(p.relative_to(PACKAGE.parent))
        for p in PACKAGE.rglob("*.py")
        if "ui" not in p.relative_to(PACKAGE).parts[:1] and "PySide6" in _imports(p)
    ]
    assert offenders == []


def test_the_check_itself_sees_an_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\n")
    assert "PySide6" in _imports(bad)


def test_nothing_imports_pyplot():
    offenders = [
        str(p.relative_to(PACKAGE.parent))
        for p in PACKAGE.rglob("*.py")
        if "matplotlib.pyplot" in _imports(p, full=True)
    ]
    assert offenders == []


def test_window_starts_without_heavy_modules(tmp_path):
    code = (
        "import sys\n"
        "from mentordesk.services.container import Services\n"
        "from mentordesk.ui.app import make_application\n"
        "from mentordesk.ui.main_window import MainWindow\n"
        "app = make_application()\n"
        f"s = Services.open({str(tmp_path / 'x.db')!r})\n"
        "w = MainWindow(s); w.show(); app.processEvents()\n"
        "heavy = sorted(m for m in ('matplotlib', 'icalendar', 'vobject', 'recurring_ical_events', 'alembic')"
        " if m in sys.modules)\n"
        "print(','.join(heavy))\n"
    )
    out = (
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
        .stdout.strip()
        .splitlines()[-1:]
    )
    # alembic runs once to create the new file; the other modules must not be loaded at all.
    heavy = set(out[0].split(",")) - {"", "alembic"} if out else set()
    assert heavy == set()


def test_first_frame_reads_without_the_orm_which_loads_after_it(tmp_path):
    from mentordesk.services.container import Services

    path = tmp_path / "demo.db"
    services = Services.open(path)
    services.demo.generate(seed=1)
    services.close()
    code = (
        "import sys, time\n"
        "from mentordesk.services.container import Services\n"
        "from mentordesk.ui.app import make_application\n"
        "from mentordesk.ui.main_window import MainWindow\n"
        "app = make_application()\n"
        f"w = MainWindow(Services.open({str(path)!r})); w.show()\n"
        "first = (w.tab('mentors').model.rowCount(), 'sqlalchemy' in sys.modules)\n"
        "from PySide6.QtCore import QEventLoop\n"
        "deadline = time.monotonic() + 60\n"
        "while not w.warmed_up and time.monotonic() < deadline:\n"
        "    app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)\n"
        "later = ('sqlalchemy' in sys.modules, 'mentordesk.ui.tabs.calendar' in sys.modules)\n"
        "print(first, later)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    first, later = out.stdout.strip().splitlines()[-1].split(") (")
    assert first == "(10, False"  # ten relationships listed, the ORM not loaded
    assert later == "True, True)"  # loaded in the background once the first frame was up
