"""Everything works without a mouse: menus, tabs, focus order, the month view and the forms."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.enums import RelStatus
from mentordesk.services.container import Services
from mentordesk.services.meetings import MeetingInput
from mentordesk.services.people import NewRelationship
from mentordesk.ui.a11y import label_fields, strip_mnemonic, tab_leaves_special_value
from mentordesk.ui.dialogs.relationship_status import StatusDialog
from mentordesk.ui.main_window import MainWindow
from tests.ui.test_accessible_names import DIALOGS

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _mnemonic(text: str) -> str:
    """The letter after a single "&" ("" when there is none)."""
    cleaned = text.replace("&&", "")
    at = cleaned.find("&")
    return cleaned[at + 1].lower() if 0 <= at < len(cleaned) - 1 else ""


def _activate(window, qtbot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def _press(qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press where the focus is, as a person at the keyboard would make it."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifiers)


# -- menus and shortcuts ------------------------------------------------------------------------
def test_every_menu_has_a_mnemonic_and_every_entry_a_key(window):
    def walk(menu: QMenu, path: str) -> list[str]:
        problems = []
        letters: dict[str, str] = {}
        for action in menu.actions():
            if action.isSeparator():
                continue
            letter = _mnemonic(action.text())
            where = f"{path} > {strip_mnemonic(action.text())}"
            if letter in letters and letter:
                problems.append(f"{where}: Alt+{letter} is also {letters[letter]}")
            letters[letter] = where
            if action.menu() is not None:
                if not letter:
                    problems.append(f"{where}: submenu without a mnemonic")
                problems += walk(action.menu(), where)
            elif not letter and action.shortcut().isEmpty():
                problems.append(f"{where}: neither a mnemonic nor a shortcut")
        return problems

    top = window.menuBar().actions()
    assert [_mnemonic(a.text()) for a in top] == ["f", "e", "v", "h"]
    problems = [p for a in top for p in walk(a.menu(), strip_mnemonic(a.text()))]
    assert problems == []


@pytest.mark.parametrize(
    ("key", "entry"),
    [
        (QKeySequence.StandardKey.Open, "Open database…"),
        (QKeySequence.StandardKey.Save, "Back up now"),
        (QKeySequence.StandardKey.Find, "Find"),
        (QKeySequence.StandardKey.Undo, "Undo"),
        (QKeySequence.StandardKey.Redo, "Redo"),
    ],
)
def test_standard_shortcuts_are_in_the_menus(window, key, entry):
    found = {
        strip_mnemonic(a.text())
        for menu in window.menuBar().findChildren(QMenu)
        for a in menu.actions()
        if QKeySequence(key) in a.shortcuts()
    }
    assert entry in found


def test_quit_has_a_key_even_where_the_platform_defines_none(window):
    quit_action = next(a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "&Quit")
    standard = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
    assert quit_action.shortcuts() == (standard or [QKeySequence("Ctrl+Q")])


def test_ctrl_n_is_the_standard_new_key_in_the_tabs(window, qtbot, services):
    services.people.add_relationship(NewRelationship(name="Ana Ruiz"))
    assert QKeySequence("Ctrl+N") in QKeySequence.keyBindings(QKeySequence.StandardKey.New)
    mentors = window.show_tab("mentors")
    _activate(window, qtbot)
    mentors.table.setFocus()
    qtbot.waitUntil(mentors.table.hasFocus)
    _press(qtbot, Qt.Key.Key_N, CTRL)
    assert mentors.ops.dialog is not None and mentors.ops.dialog.windowTitle() == "New relationship"
    mentors.ops.dialog.reject()


def test_ctrl_s_writes_a_backup_and_says_everything_is_saved(qtbot, tmp_path, settings):
    services = Services.open(tmp_path / "data" / "m.db")
    window = MainWindow(services, settings=settings)
    qtbot.addWidget(window)
    window.show()
    try:
        _activate(window, qtbot)
        window.tab("mentors").setFocus()
        assert services.data.backups() == []
        _press(qtbot, Qt.Key.Key_S, CTRL)
        assert len(services.data.backups()) == 1
        assert window.statusBar().currentMessage().startswith("Every change is saved as you make it")
    finally:
        services.close()


# -- tabs ------------------------------------------------------------------------------------------
def test_tabs_switch_with_ctrl_digits_ctrl_tab_and_ctrl_page_keys(demo_window, qtbot):
    w = demo_window
    _activate(w, qtbot)
    mentors = w.show_tab("mentors")
    mentors.table.setFocus()
    qtbot.waitUntil(mentors.table.hasFocus)
    _press(qtbot, Qt.Key.Key_3, CTRL)
    assert w.current_tab_name() == "goals"
    _press(qtbot, Qt.Key.Key_Tab, CTRL)
    assert w.current_tab_name() == "insights"
    _press(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert w.current_tab_name() == "mentors"  # wraps around
    _press(qtbot, Qt.Key.Key_PageUp, CTRL)
    assert w.current_tab_name() == "insights"
    _press(qtbot, Qt.Key.Key_Backtab, CTRL | SHIFT)
    assert w.current_tab_name() == "goals"
    _press(qtbot, Qt.Key.Key_1, CTRL)
    assert w.current_tab_name() == "mentors"
    assert [w.tabs.tabToolTip(i) for i in range(w.tabs.count())] == ["Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4"]


def _main_views(w) -> dict[str, list[QWidget]]:
    calendar = w.tab("calendar")
    insights = w.tab("insights")
    insights.load_charts()
    return {
        "mentors": [w.tab("mentors").table],
        "calendar": [calendar.calendar.view, calendar.agenda],
        "goals": [w.tab("goals").timeline],
        "insights": [insights.chart.canvas],
    }


@pytest.mark.parametrize("name", ["mentors", "calendar", "goals", "insights"])
def test_tab_from_the_tab_bar_reaches_the_main_views_and_comes_back(demo_window, qtbot, name):
    w = demo_window
    w.resize(1400, 900)
    wanted = _main_views(w)[name]
    w.show_tab(name)
    _activate(w, qtbot)
    bar = w.tabs.tabBar()
    bar.setFocus()
    qtbot.waitUntil(bar.hasFocus)
    visited: list[QWidget] = []
    for _press_count in range(60):
        _press(qtbot, Qt.Key.Key_Tab)
        if QApplication.focusWidget() is bar:
            break
        visited.append(QApplication.focusWidget())
    else:
        pytest.fail(f"Tab never came back to the tab bar; stuck in {visited[-1]!r}")
    positions = [visited.index(view) for view in wanted if view in visited]
    assert len(positions) == len(wanted)
    assert positions == sorted(positions)


def test_insights_focus_follows_the_buttons_left_to_right(demo_window, qtbot):
    insights = demo_window.show_tab("insights")
    insights.load_charts()
    _activate(demo_window, qtbot)
    insights.kind_buttons[insights.kind].setFocus()
    qtbot.waitUntil(insights.kind_buttons[insights.kind].hasFocus)
    _press(qtbot, Qt.Key.Key_Tab)
    assert insights.copy_button.hasFocus()
    _press(qtbot, Qt.Key.Key_Tab)
    assert insights.exporter.button.hasFocus()
    _press(qtbot, Qt.Key.Key_Tab)
    assert insights.period_picker.preset.hasFocus()


# -- the month view ----------------------------------------------------------------------------
@pytest.fixture
def calendar_tab(window, services, qtbot):
    ana = services.people.add_relationship(NewRelationship(name="Ana Ruiz", started_on=date(2026, 1, 1)))
    meeting = services.meetings.create(
        MeetingInput(relationship_id=ana, start=datetime(2026, 6, 23, 10).astimezone())
    )
    window.ctx.notify("all")
    tab = window.show_tab("calendar")
    _activate(window, qtbot)
    tab.calendar.view.setFocus()
    qtbot.waitUntil(tab.calendar.view.hasFocus)
    tab.meeting_id = meeting
    return tab


def test_arrow_and_page_keys_move_through_the_month_view(calendar_tab, qtbot):
    tab = calendar_tab
    assert tab.calendar.selectedDate() == QDate(2026, 6, 15)
    _press(qtbot, Qt.Key.Key_Right)
    assert tab.calendar.selectedDate() == QDate(2026, 6, 16)
    _press(qtbot, Qt.Key.Key_Down)
    assert tab.calendar.selectedDate() == QDate(2026, 6, 23)
    _press(qtbot, Qt.Key.Key_PageDown)
    assert tab.calendar.selectedDate() == QDate(2026, 7, 23)
    assert tab.month_label.text() == "July 2026"
    _press(qtbot, Qt.Key.Key_PageUp)
    assert tab.calendar.selectedDate() == QDate(2026, 6, 23)


def test_enter_on_a_day_opens_its_meeting(calendar_tab, qtbot):
    tab = calendar_tab
    tab.calendar.setSelectedDate(QDate(2026, 6, 23))
    _press(qtbot, Qt.Key.Key_Return)
    assert tab.dialog is not None and tab.dialog.windowTitle() == "Edit meeting"
    assert tab.dialog.meeting.row.id == tab.meeting_id
    tab.dialog.reject()


def test_enter_on_an_empty_day_plans_a_meeting_there(calendar_tab, qtbot):
    tab = calendar_tab
    _press(qtbot, Qt.Key.Key_Right)
    _press(qtbot, Qt.Key.Key_Return)
    assert tab.dialog is not None and tab.dialog.windowTitle() == "New meeting"
    assert tab.dialog.date_edit.date() == QDate(2026, 6, 16)
    tab.dialog.reject()


# -- forms ---------------------------------------------------------------------------------------
def test_a_form_label_mnemonic_focuses_its_field(window, qtbot):
    dialog = StatusDialog(
        window,
        name="Ana Ruiz",
        current=RelStatus.ACTIVE,
        options=(RelStatus.PAUSED, RelStatus.ENDED),
        today=date(2026, 6, 15),
        submit=lambda *_args: None,
    )
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.status_combo.setFocus()
    qtbot.waitUntil(dialog.status_combo.hasFocus)
    _press(qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert dialog.note_edit.hasFocus()
    assert dialog.note_edit.accessibleName() == "Note"
    assert dialog.date_edit.accessibleName() == "Since"
    dialog.close()


def test_tab_moves_on_from_a_date_edit_showing_no_date(qtbot):
    box = QWidget()
    qtbot.addWidget(box)
    before, due, after = QLineEdit(), QDateEdit(), QPushButton("Add")
    layout = QVBoxLayout(box)
    for w in (before, due, after):
        layout.addWidget(w)
    due.setMinimumDate(QDate(2000, 1, 1))
    due.setSpecialValueText("No due date")
    due.setDate(QDate(2000, 1, 1))
    tab_leaves_special_value(due)
    box.show()
    box.activateWindow()
    qtbot.waitUntil(box.isActiveWindow)
    due.setFocus()
    qtbot.waitUntil(due.hasFocus)
    _press(qtbot, Qt.Key.Key_Tab)
    assert after.hasFocus()
    _press(qtbot, Qt.Key.Key_Backtab, SHIFT)
    _press(qtbot, Qt.Key.Key_Backtab, SHIFT)
    assert before.hasFocus()


def test_window_actions_are_menu_actions(window):
    # The keys work from anywhere in the window because the actions live in its menus.
    in_menus = {a for menu in window.menuBar().findChildren(QMenu) for a in menu.actions()}
    for action in (window.next_tab_action, window.previous_tab_action, window.save_action):
        assert isinstance(action, QAction) and action in in_menus


@pytest.mark.parametrize("kind", list(DIALOGS))
def test_tab_goes_round_every_dialog_without_getting_stuck(demo_window, qtbot, kind):
    dialog = DIALOGS[kind](demo_window)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    start = QApplication.focusWidget()
    assert start is not None and dialog.isAncestorOf(start)
    visited = {start}
    for _press_count in range(80):
        _press(qtbot, Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        if focus is start and len(visited) > 1:
            break
        visited.add(focus)
    else:
        pytest.fail(f"Tab never came back to {start!r}: stuck in {QApplication.focusWidget()!r}")
    dialog.close()


def _labels_whose_letter_goes_nowhere(root: QWidget) -> list[str]:
    found = []
    for label in root.findChildren(QLabel):
        if not _mnemonic(label.text()) or label.textFormat() == Qt.TextFormat.RichText:
            continue
        buddy = label.buddy()
        if buddy is None or not (buddy.focusPolicy() & Qt.FocusPolicy.TabFocus or buddy.focusProxy()):
            found.append(f"{strip_mnemonic(label.text())} -> {type(buddy).__name__ if buddy else None}")
    return found


def test_every_label_letter_in_the_window_focuses_a_control(demo_window):
    for name in demo_window.tab_names():
        demo_window.show_tab(name)
    assert _labels_whose_letter_goes_nowhere(demo_window) == []


@pytest.mark.parametrize("kind", list(DIALOGS))
def test_every_label_letter_focuses_a_control(demo_window, kind):
    dialog = DIALOGS[kind](demo_window)
    dialog.show()
    assert _labels_whose_letter_goes_nowhere(dialog) == []
    dialog.close()


def test_a_form_label_names_the_control_inside_its_field_box(qtbot):
    box = QWidget()
    qtbot.addWidget(box)
    form = QFormLayout(box)
    wrapped, check = QWidget(), QCheckBox("The target date still holds")
    inner = QLineEdit()
    QVBoxLayout(wrapped).addWidget(inner)
    form.addRow("&Where we met", wrapped)
    form.addRow("&Target", check)
    label_fields(form)
    assert inner.accessibleName() == "Where we met"
    assert form.labelForField(wrapped).buddy() is inner
    assert check.accessibleName() == ""  # a check box is named by its own words
    assert form.labelForField(check).buddy() is check
