"""File > Import: contacts from a vCard or LinkedIn file, through the preview dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from mentordesk.services.people import ContactRow, NewRelationship
from mentordesk.ui.dialogs.import_contacts import SLICE, ImportPreviewDialog

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "contacts_import"
MODULE = "mentordesk.ui.dialogs.import_contacts"


def choose(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))


def rows(dialog):
    return [
        (dialog.table.item(r, 0).text(), dialog.table.item(r, 0).checkState(), dialog.table.item(r, 3).text())
        for r in range(dialog.table.rowCount())
    ]


def test_file_menu_offers_both_imports(window):
    labels = [a.text() for a in window.import_menu.actions()]
    assert "Contacts from &vCard…" in labels and "&LinkedIn connections…" in labels


def test_preview_then_import_the_checked_people(window, qtbot, monkeypatch):
    people = window.ctx.services.people
    people.add_contact(NewRelationship(name="Ana Ruiz", organization="Northwind Labs"))
    choose(monkeypatch, FIXTURES / "connections.csv")
    dialog = window.run_dialog(MODULE, "import_linkedin")
    assert isinstance(dialog, ImportPreviewDialog) and dialog.isVisible()
    assert dialog.ready and not dialog.progress.isVisible()
    checked, unchecked = Qt.CheckState.Checked, Qt.CheckState.Unchecked
    assert rows(dialog) == [
        (
            "Ana Ruiz",
            checked,
            "Merge: merge into Ana Ruiz (same name and organization; adds title, profile URL, connection date)",
        ),
        ("Dana Kim", checked, "New: new contact"),
        ("Mei 陈", checked, "New: new contact"),
    ]
    dialog.set_checked(2, False)
    assert rows(dialog)[2][1] == unchecked
    assert dialog.import_button.text() == "Import 2"
    assert dialog.counts.text().startswith("1 new, 1 to merge")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    entries = {r.name: r for r in people.list_entries()}
    assert sorted(entries) == ["Ana Ruiz", "Dana Kim"]
    assert all(isinstance(r, ContactRow) for r in entries.values())
    assert entries["Ana Ruiz"].title == "VP of Engineering"
    tab = window.tab("mentors")
    assert tab.status_filter.currentText() == "Contacts (not yet a relationship)"
    assert [tab.model.data(tab.model.index(r, 0)) for r in range(tab.model.rowCount())] == [
        "Ana Ruiz",
        "Dana Kim",
    ]


def test_people_already_there_are_shown_but_not_offered(window, qtbot, monkeypatch):
    choose(monkeypatch, FIXTURES / "team.vcf")
    first = window.run_dialog(MODULE, "import_vcard")
    first.accept()
    second = window.run_dialog(MODULE, "import_vcard")
    assert [r[1] for r in rows(second)] == [Qt.CheckState.Unchecked] * 4
    assert rows(second)[0][2] == (
        "Skip: already in MentorDesk (same email ana.ruiz@northwind.example), nothing new to add"
    )
    assert not second.import_button.isEnabled()
    second.reject()


def test_a_large_file_shows_progress_and_stays_responsive(window, qtbot, monkeypatch, tmp_path):
    big = tmp_path / "big.vcf"
    count = SLICE * 2 + 50
    big.write_text(
        "".join(
            f"BEGIN:VCARD\nVERSION:3.0\nFN:Person {i:04}\nEMAIL:p{i}@example.org\nEND:VCARD\n"
            for i in range(count)
        ),
        encoding="utf-8",
    )
    choose(monkeypatch, big)
    dialog = window.run_dialog(MODULE, "import_vcard")
    assert dialog.progress.isVisible() and not dialog.ready  # planned in slices between events
    assert not dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.planned, timeout=10_000):
        pass
    assert dialog.ready and dialog.table.rowCount() == count
    dialog.set_all(False)
    dialog.set_checked(0, True)
    dialog.set_checked(count - 1, True)
    dialog.accept()
    assert sorted(r.name for r in window.ctx.services.people.list_entries()) == [
        "Person 0000",
        f"Person {count - 1:04}",
    ]


def test_a_file_of_the_wrong_kind_is_refused_with_its_reason(window, monkeypatch):
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warned.append(text))
    choose(monkeypatch, FIXTURES / "notes.txt")
    assert window.run_dialog(MODULE, "import_vcard") is None
    assert warned == ["notes.txt is not a vCard file: no BEGIN:VCARD found"]
    assert window.ctx.services.people.list_entries() == []


def test_cancelling_the_file_dialog_does_nothing(window, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: ("", ""))
    assert window.run_dialog(MODULE, "import_linkedin") is None
