"""The interface is translatable: lupdate finds its texts, and a translation changes what shows."""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from mentordesk.ui import i18n
from mentordesk.ui.main_window import MainWindow
from tests.ui.test_catalogue import messages

UI = Path(__file__).resolve().parents[2] / "mentordesk" / "ui"
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.fail(f"{name} is missing from the environment (it comes with PySide6)")
    return str(path)


def test_lupdate_extracts_the_interface_texts(tmp_path):
    ts = tmp_path / "mentordesk_en.ts"
    files = sorted(str(p) for p in UI.rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), *files, "-source-language", "en", "-ts", str(ts)],
        check=True,
        capture_output=True,
    )
    assert len(list(ET.parse(ts).getroot().iter("message"))) >= 200
    texts = set().union(*messages(ts).values())
    assert "Add your first mentor" in texts
    assert "Search everything (Ctrl+K)" in texts
    assert "&Preferences…" in texts
    assert "Preferences" in texts
    assert messages(ts)["MainWindow"] >= {"&File", "&Mentors", "Tables as &CSV…"}


def _is_literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def test_translated_texts_are_literals_lupdate_can_read():
    """tr() and translate() take a literal (or a name marked with QT_TRANSLATE_NOOP), never an
    f-string, and are not written inside an f-string, where lupdate does not look."""
    found = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_fstring = {id(n) for f in ast.walk(tree) if isinstance(f, ast.JoinedStr) for n in ast.walk(f)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            if node.func.attr == "tr" and node.args:
                text = node.args[0]
            elif node.func.attr == "translate" and len(node.args) >= 2:
                text = node.args[1]
            else:
                continue
            if isinstance(text, ast.JoinedStr | ast.BinOp | ast.Call) or (
                _is_literal(text) and id(node) in in_fstring
            ):
                found.append(f"{path.relative_to(UI)}:{node.lineno}")
    assert found == []


def _compile(tmp_path: Path, name: str) -> Path:
    ts = tmp_path / f"{name}.ts"
    ts.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message><source>&amp;File</source><translation>&amp;Datei</translation></message>
    <message>
        <source>Search everything (Ctrl+K)</source>
        <translation>Alles durchsuchen (Strg+K)</translation>
    </message>
    <message><source>&amp;Mentors</source><translation>&amp;Mentoren</translation></message>
</context>
</TS>
""",
        encoding="utf-8",
    )
    qm = tmp_path / f"{name}.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    return qm


def test_a_translation_changes_the_main_window(qtbot, services, settings, tmp_path):
    qm = _compile(tmp_path, "mentordesk_xx")
    translator = QTranslator()
    assert translator.load(str(qm))
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    try:
        window = MainWindow(services, settings=settings)
        qtbot.addWidget(window)
        assert window.menuBar().actions()[0].text() == "&Datei"
        assert window.search_field.placeholderText() == "Alles durchsuchen (Strg+K)"
        assert window.tabs.tabText(0) == "Mentoren"
        assert window.menuBar().actions()[1].text() == "&Edit"  # not in this translation: English
    finally:
        app.removeTranslator(translator)


def test_install_translator_loads_the_locales_translations(qtbot, services, settings, tmp_path, monkeypatch):
    app = QCoreApplication.instance()
    assert app is not None
    monkeypatch.setattr(i18n, "resource", lambda *parts: tmp_path.joinpath(*parts))
    only_qt = i18n.install_translator(app, QLocale("de_DE"))  # no MentorDesk translation: no error
    for translator in only_qt:
        app.removeTranslator(translator)
    assert len(only_qt) == 1  # Qt's own German
    (tmp_path / "translations").mkdir()
    _compile(tmp_path / "translations", "mentordesk_de")
    installed = i18n.install_translator(app, QLocale("de_DE"))
    try:
        window = MainWindow(services, settings=settings)
        qtbot.addWidget(window)
        assert window.menuBar().actions()[0].text() == "&Datei"
        assert len(installed) == 2  # MentorDesk's and Qt's own German
    finally:
        for translator in installed:
            app.removeTranslator(translator)
