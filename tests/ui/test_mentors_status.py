"""Dated status changes from the panel, and the list's statement count through the tab."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from mentordesk.domain.enums import RelStatus
from mentordesk.services.people import NewRelationship
from mentordesk.ui.dialogs.relationship_status import StatusDialog


def _select(tab, name):
    rid = next(r.id for r in tab.ctx.services.people.list_rows() if r.name == name)
    tab.select_item("relationship", rid)
    return rid


def test_status_dialog_records_a_past_date_and_a_note(demo_window):
    tab = demo_window.tab("mentors")
    people = demo_window.ctx.services.people
    rid = _select(tab, "Sam Okafor")
    tab.detail.buttons["status"].click()
    dialog = tab.ops.dialog
    assert isinstance(dialog, StatusDialog)
    assert [dialog.status_combo.itemText(i) for i in range(dialog.status_combo.count())] == [
        "Paused",
        "Ended",
    ]
    dialog.status_combo.setCurrentIndex(0)
    dialog.date_edit.setDate(QDate(2026, 6, 1))
    dialog.note_edit.setText("Parental leave")
    dialog.accept()
    d = people.detail(rid)
    assert (d.status, d.history[-1].on, d.history[-1].note) == (
        RelStatus.PAUSED,
        date(2026, 6, 1),
        "Parental leave",
    )
    assert tab.detail.history_label.text().endswith("Paused 2026-06-01")
    demo_window.undo_stack.undo()
    assert people.detail(rid).status == RelStatus.ACTIVE


def test_a_date_before_the_last_change_is_refused_next_to_the_date(demo_window):
    tab = demo_window.tab("mentors")
    rid = _select(tab, "Sam Okafor")
    last = demo_window.ctx.services.people.detail(rid).status_changed_on
    tab.detail.buttons["status"].click()
    dialog = tab.ops.dialog
    dialog.date_edit.setDate(QDate(last.year - 1, 1, 1))
    dialog.accept()
    assert dialog.isVisible()
    assert (
        dialog.boxes["changed_on"]
        .error.text()
        .startswith(f"The date {last.year - 1}-01-01 is before the previous change")
    )
    assert demo_window.undo_stack.count() == 0


def test_undo_of_delete_selects_the_restored_relationship(demo_window, monkeypatch):
    from mentordesk.ui.dialogs import relationship_actions

    monkeypatch.setattr(relationship_actions, "confirm", lambda *_a, **_k: True)
    tab = demo_window.tab("mentors")
    rid = _select(tab, "Grace Liu")
    tab.ops.delete_current()
    assert tab.current_row().name != "Grace Liu"
    demo_window.undo_stack.undo()
    assert tab.current_row().id == rid and tab.detail.name_label.text() == "Grace Liu"


def test_the_tab_loads_its_list_with_one_statement_whatever_the_size(window):
    people = window.ctx.services.people
    tab = window.tab("mentors")

    def selects_for_refresh() -> int:
        tab._selected = None
        with people.db.statements() as seen:
            tab.refresh()
        return len([s for s in seen if s.lstrip().upper().startswith("SELECT")])

    for i in range(10):
        people.add_relationship(NewRelationship(name=f"Person {i:03}", tags=["t"]))
    small = selects_for_refresh()
    for i in range(10, 400):
        people.add_relationship(NewRelationship(name=f"Person {i:03}", tags=["t"]))
    people.add_contact(NewRelationship(name="Zed Contact"))
    assert tab.model.rowCount() == 10  # not refreshed yet
    big = selects_for_refresh()
    assert tab.model.rowCount() == 400
    assert big == small  # the list (one statement) plus the selected row's detail, whatever the size


def test_ampersand_in_a_profile_address_is_shown_as_written(window):
    people = window.ctx.services.people
    people.add_relationship(NewRelationship(name="Ana", profile_url="https://example.org/p?a=1&b=2"))
    window.ctx.notify("people")
    button = window.tab("mentors").detail.profile_button
    assert button.text() == "https://example.org/p?a=1&b=2"
