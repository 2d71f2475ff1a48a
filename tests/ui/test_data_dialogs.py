from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from mentordesk.services.container import Services
from mentordesk.ui.dialogs import backups, data_io
from mentordesk.ui.main_window import MainWindow


@pytest.fixture
def file_window(qtbot, tmp_path, settings):
    services = Services.open(tmp_path / "data" / "m.db")
    services.demo.generate(seed=3)
    w = MainWindow(services, settings=settings)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.ctx.services.close()


def test_backup_now_and_restore_from_the_dialog(file_window, monkeypatch):
    dialog = backups.BackupsDialog(file_window)
    assert dialog.table.rowCount() == 0 and not dialog.empty.isHidden()
    first = dialog.back_up_now()
    assert first is not None and dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "On demand"
    assert dialog.table.item(0, 3).text() == "10"  # people in the backup

    file_window.ctx.services.demo.generate(seed=3, force=True)  # change the data: same people count
    file_window.ctx.services.demo.clear()
    file_window.ctx.notify("all")
    assert file_window.ctx.services.people.count_relationships() == 0

    dialog.table.selectRow(dialog.backups.index(next(b for b in dialog.backups if b.path == first)))
    assert dialog.restore_selected(confirm=False)
    assert file_window.ctx.services.people.count_relationships() == 10
    mentors = file_window.tab("mentors")
    assert mentors.model.rowCount() == 10
    reasons = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert "Before a restore" in reasons


def test_export_then_import_json_through_the_menu(file_window, tmp_path, monkeypatch, qtbot):
    out = tmp_path / "everything.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    assert data_io.export_json(file_window) == out
    assert len(json.loads(out.read_text())["tables"]["person"]) == 10

    other = Services.open(tmp_path / "other" / "o.db")
    w2 = MainWindow(other, settings=file_window.settings)
    qtbot.addWidget(w2)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    asked: list[str] = []

    def yes(_parent, _title, text, *a, **k):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    summary = data_io.import_json(w2)
    assert summary is not None and "added" in summary
    assert "10 person" in asked[0]
    assert w2.tab("mentors").model.rowCount() == 10
    other.close()


def test_menu_lists_backups_and_json_entries(file_window):
    labels = [a.text() for a in file_window.import_menu.actions()]
    assert "Full export (&JSON)…" in labels
    file_labels = [a.text() for a in file_window.menuBar().actions()[0].menu().actions()]
    assert "&Backups…" in file_labels


def test_damaged_database_at_start_offers_the_newest_good_backup(tmp_path, monkeypatch, qapp):
    from mentordesk.services.errors import DamagedDatabaseError
    from mentordesk.ui.app import offer_restore

    path = tmp_path / "d" / "m.db"
    services = Services.open(path)
    services.demo.generate(seed=1)
    services.data.backup(reason="daily")
    services.close()
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100 + b"garbage" * 2000)
    with pytest.raises(DamagedDatabaseError) as info:
        Services.open(path)
    shown: list[str] = []

    def yes(_parent, _title, text, *a, **k):
        shown.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    restored = offer_restore(path, info.value)
    assert "renamed to m.db.damaged-" in shown[0]
    assert restored is not None and restored.people.count_relationships() == 10
    restored.close()
    assert list(path.parent.glob("m.db.damaged-*"))
