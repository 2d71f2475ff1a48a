"""File › Export: the progress report dialog and the CSV tables (file dialogs patched)."""

from __future__ import annotations

import re
import stat
from datetime import date

from PySide6.QtWidgets import QFileDialog

from mentordesk.services.insights_types import RangePreset
from mentordesk.ui.dialogs.csv_export import export_csv
from mentordesk.ui.dialogs.report import ReportDialog, export_report
from mentordesk.ui.main_window import EXPORT_ACTIONS
from tests.services.test_insights import fill_journal


def export_labels(window) -> list[str]:
    return [action.text() for action in window.export_menu.actions()]


def test_the_file_menu_offers_the_report_and_the_csv_tables(window):
    assert ("Tables as &CSV…", "mentordesk.ui.dialogs.csv_export", "export_csv") in EXPORT_ACTIONS
    labels = export_labels(window)
    assert "Tables as &CSV…" in labels and "Progress &report (PDF)…" in labels


def test_report_dialog_writes_the_pdf(qtbot, monkeypatch, tmp_path, window, services):
    fill_journal(services)
    asked: list[str] = []

    def fake(parent, title, start, filters):
        asked.append(start)
        return str(tmp_path / "review"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    messages: list[str] = []
    window.ctx.statusMessage.connect(messages.append)
    dialog = export_report(window)
    assert isinstance(dialog, ReportDialog) and dialog.isVisible()
    dialog.period_picker.set_preset(RangePreset.THIS_YEAR)
    qtbot.keyClicks(dialog.author_edit, "Alex Doe")
    dialog.accept()
    out = tmp_path / "review.pdf"
    raw = out.read_bytes()
    assert raw.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", raw)) == 7  # summary, 4 charts, goals, log
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert len(asked) == 1
    assert asked[0].endswith("Mentoring report 2026-01-01 to 2026-06-15.pdf")
    assert messages == [f"Progress report saved to {out} (7 pages)"]
    assert window.settings.value("report/author") == "Alex Doe"
    assert window.settings.value("report/period") == "this_year"


def test_report_dialog_custom_period_and_cancel(monkeypatch, tmp_path, window):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    dialog = export_report(window)
    dialog.period_picker.set_custom(date(2026, 2, 1), date(2026, 2, 28))
    dialog.accept()  # cancelled in the file dialog: nothing written, the dialog stays
    assert dialog.isVisible() and dialog.written is None
    assert dialog.default_path().name == "Mentoring report 2026-02-01 to 2026-02-28.pdf"
    dialog.reject()


def test_report_problem_is_shown_in_the_dialog(monkeypatch, tmp_path, window):
    missing = tmp_path / "no such folder" / "r.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(missing), "")))
    dialog = export_report(window)
    dialog.accept()
    assert dialog.isVisible()
    assert not dialog.error_label.isHidden()
    assert "does not exist" in dialog.error_label.text()
    dialog.reject()


def test_csv_tables_into_a_new_folder(monkeypatch, tmp_path, window, services):
    fill_journal(services)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a: str(tmp_path)))
    first = export_csv(window)
    second = export_csv(window)
    assert first == tmp_path / "MentorDesk tables 2026-06-15"
    assert second == tmp_path / "MentorDesk tables 2026-06-15 (2)"
    assert sorted(p.name for p in first.iterdir()) == [
        "action_items.csv",
        "goals.csv",
        "meetings.csv",
        "milestones.csv",
        "progress_entries.csv",
        "relationships.csv",
    ]
    assert stat.S_IMODE(first.stat().st_mode) == 0o700
    header = (first / "goals.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("Goal,Category,Status,Start,Target,Progress (%)")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a: ""))
    assert export_csv(window) is None
