"""The mentors tab end to end: add, edit, filter, pause and resume, delete and undo (today 2026-06-15)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from mentordesk.domain.enums import RelStatus
from mentordesk.services.people import NewRelationship
from mentordesk.ui.dialogs import relationship_actions
from mentordesk.ui.dialogs.relationship_form import RelationshipDialog

LEFT = Qt.MouseButton.LeftButton


def names(tab):
    return [tab.model.data(tab.model.index(r, 0)) for r in range(tab.model.rowCount())]


def cell(tab, name, column):
    for r in range(tab.model.rowCount()):
        if tab.model.data(tab.model.index(r, 0)) == name:
            return tab.model.data(tab.model.index(r, column))
    raise AssertionError(f"{name} is not shown")


def select(tab, name):
    for r in range(tab.model.rowCount()):
        if tab.model.data(tab.model.index(r, 0)) == name:
            tab.table.setFocus()
            tab.table.selectRow(r)
            return
    raise AssertionError(f"{name} is not shown")


def active(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())


def test_first_mentor_from_the_empty_state(window, qtbot):
    tab = window.tab("mentors")
    qtbot.mouseClick(tab.empty.add_button, LEFT)
    dialog = tab.ops.dialog
    assert isinstance(dialog, RelationshipDialog) and dialog.isVisible()
    dialog.name_edit.setText("Ana Ruiz")
    dialog.organization_edit.setText("Northwind Labs")
    dialog.email_edit.setText("Ana@Northwind.example")
    dialog.cadence_edit.set_days(14)
    dialog.focus_checks["networking"].setChecked(True)
    qtbot.mouseClick(dialog.buttons.buttons()[0], LEFT)  # Add
    assert not dialog.isVisible()
    assert tab.stack.currentIndex() == 0
    assert names(tab) == ["Ana Ruiz"]
    assert cell(tab, "Ana Ruiz", 1) == "Northwind Labs"
    assert cell(tab, "Ana Ruiz", 5) == "Networking"
    assert cell(tab, "Ana Ruiz", 7) == "2026-06-29"  # today + two weeks
    assert tab.detail.name_label.text() == "Ana Ruiz"
    [row] = window.ctx.services.people.list_rows()
    assert (row.email, row.cadence_days) == ("ana@northwind.example", 14)

    window.undo_stack.undo()
    assert window.ctx.services.people.list_entries() == []
    assert tab.stack.currentWidget() is tab.empty
    window.undo_stack.redo()
    assert [r.id for r in window.ctx.services.people.list_rows()] == [row.id]


def test_a_refused_value_is_shown_next_to_its_field(window, qtbot):
    tab = window.tab("mentors")
    dialog = tab.ops.new_relationship()
    dialog.name_edit.setText("Ana Ruiz")
    dialog.email_edit.setText("ana at northwind")
    dialog.accept()
    assert dialog.isVisible()
    error = dialog.boxes["email"].error
    assert error.isVisible()
    assert error.text() == "'ana at northwind' is not an email address (expected name@example.org)"
    assert window.ctx.services.people.list_entries() == []
    dialog.email_edit.setText("ana@northwind.example")
    dialog.ended_edit.set_value(date(2020, 1, 1))
    dialog.started_edit.set_value(date(2021, 1, 1))
    dialog.accept()
    assert dialog.boxes["ended_on"].error.text() == "End date 2020-01-01 is before the start date 2021-01-01"
    assert dialog.pages.currentIndex() == 1  # the Relationship page, where the field is
    assert not dialog.boxes["email"].error.isVisible()
    assert window.undo_stack.count() == 0


def test_ctrl_n_opens_the_form_and_enter_edits(window, qtbot):
    services = window.ctx.services
    services.people.add_relationship(NewRelationship(name="Ana Ruiz", organization="Northwind"))
    window.ctx.notify("people")
    tab = window.tab("mentors")
    active(window, qtbot)
    select(tab, "Ana Ruiz")
    qtbot.keyClick(tab.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(tab.ops.dialog, RelationshipDialog) and tab.ops.dialog.mode == "add"
    tab.ops.dialog.reject()

    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dialog = tab.ops.dialog
    assert dialog.mode == "edit" and dialog.name_edit.text() == "Ana Ruiz"
    assert dialog.organization_edit.text() == "Northwind"
    dialog.organization_edit.setText("Contoso")
    dialog.hopes_edit.setPlainText("Feedback on my first design review")
    dialog.accept()
    assert cell(tab, "Ana Ruiz", 1) == "Contoso"
    assert tab.detail.values["I hope to get"].text() == "Feedback on my first design review"
    window.undo_stack.undo()
    assert cell(tab, "Ana Ruiz", 1) == "Northwind"


def test_filter_box_and_quick_filters(demo_window, qtbot):
    tab = demo_window.tab("mentors")
    assert len(names(tab)) == 10
    active(demo_window, qtbot)
    qtbot.keyClick(tab.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.filter_edit.hasFocus()
    qtbot.keyClicks(tab.filter_edit, "northwind")
    assert names(tab) == ["Ana Ruiz", "Sam Okafor", "Tomás Álvarez"]
    tab.role_filter.setCurrentIndex(tab.role_filter.findText("I mentor"))
    assert names(tab) == ["Sam Okafor", "Tomás Álvarez"]
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findText("Reverse"))
    assert names(tab) == ["Tomás Álvarez"]
    tab.filter_edit.clear()
    tab.kind_filter.setCurrentIndex(0)
    tab.role_filter.setCurrentIndex(0)
    tab.status_filter.setCurrentIndex(tab.status_filter.findText("Prospects (prospect and asked)"))
    assert names(tab) == ["Fatima Zahra", "Kenji Watanabe"]
    tab.status_filter.setCurrentIndex(tab.status_filter.findText("Paused"))
    assert names(tab) == ["Grace Liu"]
    assert cell(tab, "Grace Liu", 7) == "paused"


def test_pause_and_resume_from_the_panel(demo_window, qtbot):
    tab = demo_window.tab("mentors")
    people = demo_window.ctx.services.people
    select(tab, "David Chen")
    assert tab.detail.buttons.keys() >= {"pause", "end", "thank", "edit", "delete"}
    qtbot.mouseClick(tab.detail.buttons["pause"], LEFT)
    assert cell(tab, "David Chen", 4) == "Paused"
    assert cell(tab, "David Chen", 7) == "paused"
    assert tab.detail.history_label.text().endswith("Paused 2026-06-15")
    assert "resume" in tab.detail.buttons and "pause" not in tab.detail.buttons
    qtbot.mouseClick(tab.detail.buttons["resume"], LEFT)
    assert cell(tab, "David Chen", 4) == "Active"
    rid = next(r.id for r in people.list_rows() if r.name == "David Chen")
    assert [s.status.value for s in people.detail(rid).history][-2:] == ["paused", "active"]
    demo_window.undo_stack.undo()
    demo_window.undo_stack.undo()
    assert [s.status.value for s in people.detail(rid).history][-1] == "active"
    assert len(people.detail(rid).history) == 2
    assert cell(tab, "David Chen", 4) == "Active"


def test_delete_says_what_goes_and_undo_brings_it_back(demo_window, qtbot, monkeypatch):
    tab = demo_window.tab("mentors")
    people = demo_window.ctx.services.people
    asked: list[str] = []
    monkeypatch.setattr(
        relationship_actions, "confirm", lambda _p, _t, text, **_k: asked.append(text) or True
    )
    active(demo_window, qtbot)
    select(tab, "Ana Ruiz")
    rid = tab.current_row().id
    before = people.detail(rid)
    impact = people.deletion_impact(rid)
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert asked and asked[0].startswith("Delete Ana Ruiz and this relationship?")
    assert f"This also deletes {impact.meetings} meetings, {impact.action_items} action items" in asked[0]
    assert impact.meetings > 1 and impact.action_items > 1
    assert "Ana Ruiz" not in names(tab)
    demo_window.undo_stack.undo()
    assert "Ana Ruiz" in names(tab)
    assert people.detail(rid) == before
    demo_window.undo_stack.redo()
    assert "Ana Ruiz" not in names(tab)


def test_delete_can_be_cancelled(demo_window, qtbot, monkeypatch):
    tab = demo_window.tab("mentors")
    monkeypatch.setattr(relationship_actions, "confirm", lambda *_a, **_k: False)
    select(tab, "Ana Ruiz")
    assert tab.ops.delete_current() is False
    assert "Ana Ruiz" in names(tab) and demo_window.undo_stack.count() == 0


def test_the_name_and_values_can_be_selected_once_the_window_is_drawn(demo_window, qtbot):
    tab = demo_window.tab("mentors")
    selectable = Qt.TextInteractionFlag.TextSelectableByMouse
    qtbot.waitUntil(lambda: bool(tab.detail.values["Email"].textInteractionFlags() & selectable))
    assert tab.detail.name_label.textInteractionFlags() & selectable
    assert tab.detail.values["Notes"].textInteractionFlags() & selectable
    select(tab, "Ana Ruiz")  # a panel made while the window shows
    assert tab.detail.name_label.text() == "Ana Ruiz"
    assert tab.detail.values["Email"].textInteractionFlags() & selectable


def test_the_panel_of_another_row_is_drawn_laid_out_from_its_first_frame(demo_window, qtbot):
    from PySide6.QtWidgets import QApplication

    tab = demo_window.tab("mentors")
    demo_window.resize(1400, 900)
    qtbot.waitExposed(demo_window)
    for row in range(1, 5):
        tab.table.selectRow(row)
        QApplication.processEvents()
        first = tab.detail.grab().toImage()
        for _ in range(5):  # whatever layout was left to do is done
            QApplication.processEvents()
        assert tab.detail.grab().toImage() == first, f"row {row}: the first frame was not laid out"


def test_the_pipeline_is_built_when_first_shown_and_takes_enter_and_delete(demo_window, qtbot):
    tab = demo_window.tab("mentors")
    assert "pipeline" not in vars(tab)  # the list shows first
    active(demo_window, qtbot)
    qtbot.mouseClick(tab.pipeline_button, LEFT)
    assert tab.views.currentWidget() is tab.pipeline
    tab.pipeline.prospects.setFocus()
    tab.pipeline.prospects.setCurrentRow(0)
    qtbot.keyClick(tab.pipeline.prospects, Qt.Key.Key_Return)
    dialog = tab.ops.dialog
    assert dialog.mode == "edit" and dialog.name_edit.text() == "Fatima Zahra"
    dialog.reject()
    qtbot.mouseClick(tab.list_button, LEFT)
    assert tab.views.currentWidget() is tab.table and tab.filters.isVisible()


def test_request_draft_copy_and_mark_as_sent(demo_window, qtbot):
    tab = demo_window.tab("mentors")
    people = demo_window.ctx.services.people
    qtbot.mouseClick(tab.pipeline_button, LEFT)
    assert tab.pipeline.prospects.count() == 1 and tab.pipeline.asked.count() == 1
    assert "Source: Professional organization" in tab.pipeline.prospects.item(0).text()
    tab.pipeline.prospects.setCurrentRow(0)
    assert tab.detail.name_label.text() == "Fatima Zahra"
    qtbot.mouseClick(tab.detail.buttons["draft"], LEFT)
    dialog = tab.ops.dialog
    text = dialog.text()
    assert text.startswith("Subject: ") and "Dear Fatima," in text
    assert "My ask is small" in text and '"not now" is completely fine' in text
    dialog.edit.setPlainText(text.replace("[Your name]", "Sam"))
    qtbot.mouseClick(dialog.copy_button, LEFT)
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text().endswith("Sam")
    qtbot.mouseClick(dialog.sent_button, LEFT)
    assert not dialog.isVisible()
    rid = next(r.id for r in people.list_rows() if r.name == "Fatima Zahra")
    d = people.detail(rid)
    assert (d.status, d.request_sent_on) == (RelStatus.ASKED, date(2026, 6, 15))
    assert tab.pipeline.asked.count() == 2 and tab.pipeline.prospects.count() == 0
    tab.select_item("relationship", rid)
    qtbot.mouseClick(tab.detail.buttons["accept"], LEFT)
    assert people.detail(rid).status == RelStatus.ACTIVE
    kenji = next(r.id for r in people.list_rows() if r.name == "Kenji Watanabe")
    tab.select_item("relationship", kenji)
    qtbot.mouseClick(tab.detail.buttons["decline"], LEFT)
    assert people.detail(kenji).status == RelStatus.DECLINED


def test_profile_opens_only_on_click(demo_window, qtbot, monkeypatch):
    from mentordesk.ui.widgets import mentor_detail

    opened: list[str] = []
    monkeypatch.setattr(
        mentor_detail.QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True
    )
    tab = demo_window.tab("mentors")
    select(tab, "Ana Ruiz")
    assert opened == []
    qtbot.mouseClick(tab.detail.profile_button, LEFT)
    assert opened == ["https://www.linkedin.com/in/ana-ruiz"]


def test_user_text_is_plain_text(window):
    services = window.ctx.services
    services.people.add_relationship(
        NewRelationship(name="<b>Bold</b> & <i>co</i>", notes="<a href='x'>x</a>")
    )
    window.ctx.notify("people")
    tab = window.tab("mentors")
    assert tab.detail.name_label.text() == "<b>Bold</b> & <i>co</i>"
    assert tab.detail.name_label.textFormat() == Qt.TextFormat.PlainText
    assert tab.detail.values["Notes"].text() == "<a href='x'>x</a>"
    assert tab.detail.values["Notes"].textFormat() == Qt.TextFormat.PlainText


def test_appreciation_log_and_nudge(demo_window, qtbot):
    tab = demo_window.tab("mentors")
    select(tab, "Priya Natarajan")
    assert tab.detail.nudge_label is not None and "90 days" in tab.detail.nudge_label.text()
    qtbot.mouseClick(tab.detail.buttons["thank"], LEFT)
    dialog = tab.ops.dialog
    dialog.text_edit.setText("Thanked her for the intro to the platform team")
    dialog.accept()
    assert tab.detail.nudge_label is None
    demo_window.undo_stack.undo()
    assert tab.detail.nudge_label is not None


def test_contacts_filter_and_make_prospect(window, qtbot):
    people = window.ctx.services.people
    people.add_relationship(NewRelationship(name="Ana Ruiz"))
    people.add_contact(NewRelationship(name="Bo Li", organization="Fabrikam", source="social"))
    window.ctx.notify("people")
    tab = window.tab("mentors")
    assert names(tab) == ["Ana Ruiz"]
    tab.show_contacts()
    assert names(tab) == ["Bo Li"] and cell(tab, "Bo Li", 4) == "Contact"
    select(tab, "Bo Li")
    assert set(tab.detail.buttons) == {"make_prospect", "edit", "delete"}
    qtbot.mouseClick(tab.detail.buttons["make_prospect"], LEFT)
    [bo] = [r for r in people.list_rows() if r.name == "Bo Li"]
    assert bo.status == RelStatus.PROSPECT
    assert tab.detail.name_label.text() == "Bo Li" and "draft" in tab.detail.buttons
    window.undo_stack.undo()
    assert [type(r).__name__ for r in people.list_entries()] == ["RelationshipRow", "ContactRow"]


def test_overdue_rows_are_marked_and_paused_are_not(demo_window):
    from mentordesk.ui.theme import RED

    tab = demo_window.tab("mentors")
    for r in range(tab.model.rowCount()):
        if tab.model.data(tab.model.index(r, 0)) == "Priya Natarajan":
            assert tab.model.data(tab.model.index(r, 7), Qt.ItemDataRole.ForegroundRole) == RED
            assert "late" in tab.model.data(tab.model.index(r, 7))
        if tab.model.data(tab.model.index(r, 0)) == "Grace Liu":
            assert tab.model.data(tab.model.index(r, 7), Qt.ItemDataRole.ForegroundRole) is None
