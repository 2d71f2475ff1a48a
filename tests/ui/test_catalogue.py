"""The translation catalogue is complete: texts made below the interface are extracted too.

Enum labels, chart kinds and ranges, drift flags, validation messages, chart and report texts are
made in mentordesk/domain, services, charts and formats, which know no Qt. They are marked there
with ``mentordesk.domain.text`` and ``make translations`` extracts them with the interface's own.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from mentordesk.domain import enums
from mentordesk.domain.enums import CADENCE_PRESETS, LabelledEnum
from mentordesk.services.insights_types import ChartKind, RangePreset
from mentordesk.services.search import KIND_LABELS

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "translations" / "mentordesk_en.ts"
SOURCES = ("ui", "domain", "services", "charts", "formats")  # the Makefile's TS_SOURCES
BELOW_UI = ("domain", "services", "charts", "formats")
ERRORS = {
    "MentorDeskError",
    "ValidationError",
    "NotFoundError",
    "ImportFormatError",
    "DatabaseError",
    "ConfirmationNeeded",
}


def messages(ts: Path) -> dict[str, set[str]]:
    """Context name -> the source texts of its messages."""
    out: dict[str, set[str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        out.setdefault(name, set()).update(m.findtext("source") or "" for m in context.iter("message"))
    return out


def _labelled_enums() -> list[type[LabelledEnum]]:
    return [
        c
        for c in vars(enums).values()
        if isinstance(c, type) and issubclass(c, LabelledEnum) and c is not LabelledEnum
    ]


def test_every_enum_label_is_in_the_catalogue():
    enum_texts = messages(CATALOGUE)["Enum"]
    classes = _labelled_enums()
    assert len(classes) == 12
    missing = [
        f"{cls.__name__}.{member.name}: {member.label}"
        for cls in classes
        for member in cls
        if member.label not in enum_texts
    ]
    assert missing == []
    for member in (*ChartKind, *RangePreset):
        assert member.label in enum_texts, member
    assert set(CADENCE_PRESETS) <= enum_texts
    assert set(KIND_LABELS.values()) <= enum_texts
    # Written by hand: what a person reads for a few members.
    assert {"Mentors me", "Active", "On hold", "LinkedIn or other social", "Thank-you note"} <= enum_texts
    assert {"Cadence kept", "Last 12 months", "Every two weeks"} <= enum_texts


def test_texts_below_the_interface_are_in_the_catalogue():
    catalogue = messages(CATALOGUE)
    assert "No goal linked" in catalogue["Drift"]
    assert "Cadence missed in {missed} of the last {periods} periods" in catalogue["Drift"]
    assert "{label} cannot be empty" in catalogue["Errors"]
    assert "Name" in catalogue["Field"]
    assert "Meetings held per month" in catalogue["Charts"]
    assert "Milestone reached" in catalogue["Charts"]
    assert "Page {number} of {total}" in catalogue["Report"]
    assert "Dear {name}," in catalogue["RequestDraft"]
    assert "overdue by {days} days" in catalogue["CheckIn"]


def test_the_committed_catalogue_is_up_to_date(tmp_path):
    """What lupdate extracts from the sources today is what resources/translations holds:
    run ``make translations`` after changing a marked text."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    assert lupdate.exists(), "pyside6-lupdate comes with PySide6"
    files = sorted(str(p) for folder in SOURCES for p in (ROOT / "mentordesk" / folder).rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [str(lupdate), *files, "-source-language", "en", "-locations", "none", "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    extracted = {(c, s) for c, texts in messages(fresh).items() for s in texts}
    committed = {(c, s) for c, texts in messages(CATALOGUE).items() for s in texts}
    assert sorted(extracted - committed) == []
    assert sorted(committed - extracted) == []


def _literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def test_texts_below_the_interface_are_marked_where_they_are_made():
    """Messages of errors a person reads go through translate(); translate() and
    QT_TRANSLATE_NOOP() get a literal context (and a literal text, or a marked constant)."""
    found = []
    for folder in BELOW_UI:
        for path in sorted((ROOT / "mentordesk" / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            where = f"{path.relative_to(ROOT)}"
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                name = _name(node.func)
                if name in ERRORS and node.args:
                    message = node.args[0]
                    # Command-line-only messages name an option ("--from ..."): they stay English.
                    text = ast.unparse(message)
                    if isinstance(message, ast.JoinedStr | ast.Constant) and "--" not in text:
                        found.append(f"{where}:{node.lineno} {name}({text[:60]})")
                elif name in ("translate", "QT_TRANSLATE_NOOP") and len(node.args) == 2:
                    context, text_arg = node.args
                    if not _literal(context) or isinstance(text_arg, ast.JoinedStr | ast.BinOp):
                        found.append(f"{where}:{node.lineno} {ast.unparse(node)[:80]}")
                    if name == "QT_TRANSLATE_NOOP" and not _literal(text_arg):
                        found.append(f"{where}:{node.lineno} {ast.unparse(node)[:80]}")
    assert found == []
