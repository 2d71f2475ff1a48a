"""PySide6's import hook asks of every imported module whether it uses PySide6; the quicker
check in mentordesk.ui must give the answer PySide6's own check gives."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import mentordesk.ui  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]


def _checks():  # type: ignore[no-untyped-def]
    feature = sys.modules["shibokensupport.feature"]
    quick = feature._mod_uses_pyside
    return quick, quick.original


@pytest.mark.parametrize(
    "name",
    [
        "mentordesk.ui.theme",  # imports PySide6
        "mentordesk.ui",  # a package: its __init__.py
        "mentordesk.domain.enums",  # plain Python
        "json",  # standard library package
        "json.decoder",  # and a module in one
        "typing",  # a large standard library source
        "_datetime",  # a standard library extension module
        "sys",  # built in, no file
        "_sqlite3",  # an extension module
        "PySide6.QtCore",
    ],
)
def test_quick_check_agrees_with_pysides_own(name):
    quick, original = _checks()
    module = importlib.import_module(name)
    assert quick(module) == original(module)


def test_answers_are_what_the_sources_say():
    quick, _ = _checks()
    import mentordesk.domain.enums
    import mentordesk.ui.theme

    assert quick(mentordesk.ui.theme) is True
    assert quick(mentordesk.domain.enums) is False
    assert quick(json) is False


_RECORD_PROBE = """
import json, sys
import {first}
import plain_here, uses_qt_here
recorded = sys.modules["shibokensupport.feature"].pyside_feature_dict
before = [name in recorded for name in ("uses_qt_here", "plain_here")]
import asks_for_a_feature
print(json.dumps({{"before": before, "after": [recorded.get("uses_qt_here"), recorded.get("plain_here")]}}))
"""


@pytest.mark.parametrize("first", ["mentordesk.ui", "PySide6.QtCore"])
def test_modules_are_recorded_as_pyside_records_them_once_a_feature_is_asked_for(tmp_path, first):
    """With mentordesk.ui, nothing is recorded (or read) until a module asks for a feature; then
    every module imported by then is, with the answers PySide6 alone gives."""
    (tmp_path / "uses_qt_here.py").write_text("from PySide6.QtCore import QObject\n")
    (tmp_path / "plain_here.py").write_text("VALUE = 1\n")
    (tmp_path / "asks_for_a_feature.py").write_text("from __feature__ import snake_case  # noqa\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env["PYTHONPATH"] = os.pathsep.join([str(tmp_path), str(ROOT), env.get("PYTHONPATH", "")])
    out = subprocess.run(
        [sys.executable, "-c", _RECORD_PROBE.format(first=first)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    ).stdout
    seen = json.loads(out.strip().splitlines()[-1])
    assert seen["before"] == ([False, False] if first == "mentordesk.ui" else [True, True])
    assert seen["after"] == [0, -1]


def test_the_standard_library_is_not_read(monkeypatch):
    quick, _ = _checks()
    import builtins
    import json.decoder
    import typing

    opened: list[object] = []
    real_open = builtins.open
    monkeypatch.setattr(builtins, "open", lambda *a, **k: opened.append(a[0]) or real_open(*a, **k))
    assert quick(json.decoder) is False and quick(typing) is False
    assert opened == []
    import mentordesk.ui.theme

    assert quick(mentordesk.ui.theme) is True  # a module of the project's own is still read
    assert opened == [mentordesk.ui.theme.__file__]
