from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from mentordesk.services.search import HIGHLIGHT_END, HIGHLIGHT_START
from mentordesk.ui.dialogs.quick_capture import ACTION, MEETING, THANKS
from mentordesk.ui.dialogs.search_palette import snippet_runs


def _search(window, qtbot, text):
    palette = window.open_search(text)
    palette.run_search()
    return palette


def _hit_rows(palette):
    return [
        palette.model.item(r).data(Qt.ItemDataRole.UserRole + 1)
        for r in range(palette.model.rowCount())
        if not palette.model.item(r).data(Qt.ItemDataRole.UserRole + 2)
    ]


def test_results_are_grouped_by_kind_with_headers(demo_window, qtbot):
    palette = _search(demo_window, qtbot, "negotiation")
    headers = [
        palette.model.item(r).text()
        for r in range(palette.model.rowCount())
        if palette.model.item(r).data(Qt.ItemDataRole.UserRole + 2)
    ]
    assert headers[0] == "Meetings" and "Action items" in headers
    assert palette.status.text().endswith("Enter opens the selected one")


@pytest.mark.parametrize(
    ("query", "kind", "tab"),
    [
        ("Priya", "person", "mentors"),
        ('"book on negotiation"', "meeting", "calendar"),
        ("promoted staff", "goal", "goals"),
        ("TypeScript course", "milestone", "goals"),
    ],
)
def test_enter_jumps_to_the_item_in_its_tab(demo_window, qtbot, query, kind, tab):
    palette = _search(demo_window, qtbot, query)
    first = _hit_rows(palette)[0]
    assert first.kind == kind
    palette.results.setCurrentIndex(palette.model.index(1, 0))  # the first hit, under its header
    qtbot.keyClick(palette.query, Qt.Key.Key_Return)
    assert demo_window.current_tab_name() == tab
    widget = demo_window.tab(tab)
    if tab == "mentors":
        assert widget.current_row().name == "Priya Natarajan"
    elif tab == "calendar":
        assert widget.current_meeting().id == first.target_id
    else:
        assert widget.timeline.selected_id() == first.target_id
    assert not palette.isVisible()


def test_nothing_found_says_so(demo_window, qtbot):
    palette = _search(demo_window, qtbot, "zyxwvut")
    assert palette.model.rowCount() == 0
    assert palette.status.text() == "Nothing matches “zyxwvut”."


def test_snippet_runs_mark_matches_without_markup():
    runs = snippet_runs(f"a <b>note</b> on {HIGHLIGHT_START}negotiation{HIGHLIGHT_END} here")
    assert runs == [("a <b>note</b> on ", False), ("negotiation", True), (" here", False)]


def test_toolbar_field_opens_the_palette_with_the_text(demo_window, qtbot):
    qtbot.keyClicks(demo_window.search_field, "a")  # the first key opens the palette, which takes the focus
    palette = demo_window._palette
    assert palette.isVisible() and demo_window.search_field.text() == ""
    qtbot.keyClicks(palette.query, "na")
    assert palette.query.text() == "ana"


def _capture(window, person, kind, notes):
    dialog = window.quick_capture()
    dialog.person.setText(person)
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    dialog.text.setText(notes)
    return dialog


def test_quick_capture_logs_a_meeting_and_undo_removes_it(demo_window, qtbot):
    services = demo_window.ctx.services
    before = len(services.meetings.meetings_of(_rid(services, "Sam Okafor")))
    dialog = _capture(demo_window, "sam ok", MEETING, "Talked through the first code review")
    assert dialog.submit(), dialog.error.text()
    meetings = services.meetings.meetings_of(_rid(services, "Sam Okafor"))
    assert any("first code review" in (m.notes) for m in meetings)
    assert demo_window.current_tab_name() == "mentors"  # stayed where it was
    demo_window.undo_stack.undo()
    assert len(services.meetings.meetings_of(_rid(services, "Sam Okafor"))) == before


def test_quick_capture_thanks_and_action_item_with_undo(demo_window, qtbot):
    services = demo_window.ctx.services
    rid = _rid(services, "Ana Ruiz")
    assert _capture(demo_window, "Ana Ruiz", THANKS, "Sent a card after the review").submit()
    detail = services.people.detail(rid)
    assert any("Sent a card" in a.text for a in detail.appreciations)
    assert _capture(demo_window, "Ana Ruiz", ACTION, "Book the next session").submit()
    assert any(a.text == "Book the next session" for a in services.meetings.open_actions(rid))
    demo_window.undo_stack.undo()
    assert not any(a.text == "Book the next session" for a in services.meetings.open_actions(rid))
    demo_window.undo_stack.undo()
    assert not any("Sent a card" in a.text for a in services.people.detail(rid).appreciations)


def test_quick_capture_refuses_an_unknown_person_in_words(demo_window):
    dialog = _capture(demo_window, "Nobody Atall", MEETING, "x")
    assert not dialog.submit()
    assert "Choose someone from the list" in dialog.error.text()


def _rid(services, name):
    return next(c.id for c in services.meetings.relationship_choices() if c.person == name)
