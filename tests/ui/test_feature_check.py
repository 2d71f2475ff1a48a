"""PySide6's import hook asks of every imported module whether it uses PySide6; the quicker
check in mentordesk.ui must give the answer PySide6's own check gives."""

from __future__ import annotations

import importlib
import json
import sys

import pytest

import mentordesk.ui  # noqa: F401


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


def test_modules_imported_later_are_recorded(tmp_path, monkeypatch):
    (tmp_path / "uses_qt_here.py").write_text("from PySide6.QtCore import QObject\n")
    (tmp_path / "plain_here.py").write_text("VALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    import plain_here  # type: ignore[import-not-found]  # noqa: F401
    import uses_qt_here  # type: ignore[import-not-found]  # noqa: F401

    recorded = sys.modules["shibokensupport.feature"].pyside_feature_dict
    assert recorded["uses_qt_here"] == 0
    assert recorded["plain_here"] == -1


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
