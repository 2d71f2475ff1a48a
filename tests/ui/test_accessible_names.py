"""Every control a person can reach has a name a screen reader can speak.

The walk covers the main window with every tab built over the sample data, and every dialog
the window opens. A control counts as named when its accessible interface has a name: set with
setAccessibleName, taken from its own text (buttons) or from a label whose buddy it is.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollBar,
    QTabBar,
    QToolButton,
    QWidget,
)

from mentordesk.domain.enums import RelStatus
from mentordesk.formats.contacts import parse_vcard
from mentordesk.services.container import Services
from mentordesk.services.meetings import MeetingInput
from mentordesk.services.people import NewRelationship
from mentordesk.ui.dialogs.backups import BackupsDialog
from mentordesk.ui.dialogs.calendar_io import ExportIcsDialog, ImportIcsDialog
from mentordesk.ui.dialogs.import_contacts import ImportPreviewDialog
from mentordesk.ui.dialogs.report import ReportDialog
from mentordesk.ui.dialogs.request_draft import RequestDraftDialog
from mentordesk.ui.dialogs.settings import SettingsDialog
from mentordesk.ui.main_window import MainWindow

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Test//EN\r\n"
    "BEGIN:VEVENT\r\nUID:z@x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260619T090000Z\r\n"
    "SUMMARY:Career chat\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)
INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractScrollArea,
    QCalendarWidget,
    QTabBar,
)


def _is_part_of_another_control(widget: QWidget) -> bool:
    """Pieces Qt builds inside a control and names through it (scroll bars, headers, popups)."""
    if isinstance(widget, QScrollBar | QHeaderView):
        return True
    if widget.objectName().startswith("qt_") and widget.objectName() != "qt_calendar_calendarview":
        return True  # spin box editors, corner buttons, toolbar extension buttons, ...
    parent = widget.parentWidget()
    if isinstance(widget, QToolButton) and isinstance(parent, QLineEdit | QTabBar):
        return True  # a line edit's clear button, a tab bar's scroll arrows
    while parent is not None:
        if isinstance(parent, QComboBox) or type(parent).__name__ == "QComboBoxPrivateContainer":
            return True  # a combo box's popup list
        if parent.objectName() == "qt_calendar_navigationbar":
            return True
        parent = parent.parentWidget()
    return False


def _is_interactive(widget: QWidget) -> bool:
    if isinstance(widget, QLabel):
        return False  # text a screen reader reads as it is
    if widget.focusProxy() is not None:
        return False  # the proxy takes the focus (and is checked itself)
    if isinstance(widget, INTERACTIVE):
        return True
    return widget.focusPolicy() != widget.focusPolicy().NoFocus  # custom controls that take focus


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader speaks: set explicitly, a button's own text, or its buddy label's.

    Qt on Linux would fall back to a combo box's current value as its "name"; that says
    what is chosen, not what the field is, so it does not count here.
    """
    if widget.accessibleName().strip():
        return widget.accessibleName().strip()
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return widget.text().replace("&", "").strip()
    parent = widget.parentWidget()
    if parent is not None:
        for label in parent.findChildren(QLabel, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if label.buddy() is widget and label.text().replace("&", "").strip():
                return label.text().replace("&", "").strip()
    return ""


def _where(widget: QWidget) -> str:
    parts = []
    w: QWidget | None = widget
    while w is not None and len(parts) < 4:
        parts.append(f"{type(w).__name__}({w.objectName()})" if w.objectName() else type(w).__name__)
        w = w.parentWidget()
    return " < ".join(parts)


def unnamed(root: QWidget) -> list[str]:
    """Each interactive widget under ``root`` (root included) that a screen reader cannot name."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if (
            _is_interactive(widget)
            and not _is_part_of_another_control(widget)
            and not accessible_name(widget)
        ):
            found.append(_where(widget))
    return found


def test_main_window_with_every_tab_names_every_control(demo_window, qtbot):
    for name in demo_window.tab_names():
        demo_window.show_tab(name)
    insights = demo_window.tab("insights")
    insights.load_charts()
    missing = unnamed(demo_window)
    assert not missing, "no accessible name:\n" + "\n".join(missing)


def test_the_first_run_window_names_every_control(window):
    for name in window.tab_names():
        window.show_tab(name)  # empty states everywhere
    missing = unnamed(window)
    assert not missing, "no accessible name:\n" + "\n".join(missing)


def test_the_walk_finds_an_unnamed_control(demo_window):
    stray = QLineEdit(demo_window.tab("mentors"))
    assert unnamed(demo_window) == [_where(stray)]


def _mentors(window):
    return window.show_tab("mentors")


def _calendar(window):
    return window.show_tab("calendar")


def _goals(window):
    return window.show_tab("goals")


def _a_meeting(window) -> int:
    tab = _calendar(window)
    row = tab.current_meeting()
    assert row is not None
    return row.id


def _a_goal(window) -> int:
    rows = _goals(window).timeline.rows()
    return rows[0].id


DIALOGS = {
    "relationship (new)": lambda w: _mentors(w).ops.new_relationship(),
    "relationship (edit)": lambda w: _mentors(w).ops.edit_current(),
    "relationship status": lambda w: _mentors(w).ops.status_dialog(),
    "appreciation": lambda w: _mentors(w).ops.log_appreciation(),
    "request draft": lambda w: RequestDraftDialog(
        w, name="Ana Ruiz", text="Would you mentor me?", status=RelStatus.PROSPECT, mark_sent=lambda: None
    ),
    "meeting (new)": lambda w: _calendar(w).new_meeting(),
    "meeting (open)": lambda w: _calendar(w).open_meeting(_a_meeting(w)),
    "meeting (log)": lambda w: _calendar(w).log_meeting(),
    "meeting (move)": lambda w: _calendar(w).move_meeting(_a_meeting(w)),
    "meeting prep": lambda w: _calendar(w).prep(_a_meeting(w)),
    "goal (new)": lambda w: _goals(w).goal_dialog(),
    "goal (edit)": lambda w: _goals(w).goal_dialog(_a_goal(w)),
    "progress": lambda w: _goals(w).progress_dialog(_a_goal(w)),
    "review": lambda w: _goals(w).review_dialog(_a_goal(w)),
    "quick capture": lambda w: w.quick_capture(),
    "search palette": lambda w: w.open_search("ana"),
    "preferences": lambda w: SettingsDialog(w),
    "report": lambda w: ReportDialog(w.ctx, w),
    "export calendar": lambda w: ExportIcsDialog(w.ctx, w),
    "import calendar": lambda w: ImportIcsDialog(w.ctx, Path("work.ics"), CALENDAR.encode(), w),
    "import contacts": lambda w: ImportPreviewDialog(
        w,
        w.ctx,
        parse_vcard((FIXTURES / "contacts_import" / "team.vcf").read_bytes(), "team.vcf"),
        "team.vcf",
    ),
}


@pytest.mark.parametrize("kind", list(DIALOGS))
def test_every_dialog_names_every_control(demo_window, qtbot, kind):
    dialog = DIALOGS[kind](demo_window)
    assert dialog is not None  # a child of the window: it goes with it
    dialog.show()
    missing = unnamed(dialog)
    assert not missing, "no accessible name:\n" + "\n".join(missing)
    assert bare_buttons(dialog) == []
    dialog.close()


def test_backups_dialog_names_every_control(qtbot, tmp_path, settings):
    services = Services.open(tmp_path / "m.db")
    window = MainWindow(services, settings=settings)
    qtbot.addWidget(window)
    try:
        dialog = BackupsDialog(window)
        qtbot.addWidget(dialog)
        dialog.back_up_now()
        dialog.show()
        missing = unnamed(dialog)
        assert not missing, "no accessible name:\n" + "\n".join(missing)
    finally:
        services.close()


def bare_buttons(root: QWidget) -> list[str]:
    """Buttons under ``root`` showing only an icon or a sign (such as "‹") without a name and a tooltip."""
    bare = []
    for button in root.findChildren(QAbstractButton):
        if _is_part_of_another_control(button) or not button.isVisibleTo(root):
            continue
        text = button.text().replace("&", "").strip()
        if len(text) <= 1 and (not button.accessibleName() or not button.toolTip()):
            bare.append(_where(button))
    return bare


def test_icon_only_buttons_have_a_name_and_a_tooltip(demo_window):
    for name in demo_window.tab_names():
        demo_window.show_tab(name)
    assert bare_buttons(demo_window) == []


def test_today_is_fixed(services):
    assert services.meetings.today() == date(2026, 6, 15)


def test_the_month_view_describes_the_selected_day_and_its_meetings(window, services):
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        ana = services.people.add_relationship(NewRelationship(name="Ana Ruiz", started_on=date(2026, 1, 1)))
        services.meetings.create(
            MeetingInput(relationship_id=ana, start=datetime(2026, 6, 23, 10).astimezone())
        )
        window.ctx.notify("all")
        month = window.show_tab("calendar").calendar
        month.setSelectedDate(QDate(2026, 6, 23))
        assert month.view.accessibleDescription().startswith(
            "Tuesday, 23 June 2026: Ana Ruiz, 10:00, planned. "
        )
        month.setSelectedDate(QDate(2026, 6, 24))
        assert month.accessibleDescription().startswith("Wednesday, 24 June 2026: no meetings. Arrow keys")
    finally:
        QLocale.setDefault(QLocale.c())


def test_the_timeline_names_the_chosen_goal(demo_window, qtbot):
    timeline = demo_window.show_tab("goals").timeline
    first, second = timeline.rows()[:2]
    timeline.select(first.id)
    assert timeline.accessibleName() == f"Goals timeline: {first.title}"
    qtbot.keyClick(timeline, Qt.Key.Key_Down)
    assert timeline.accessibleName() == f"Goals timeline: {second.title}"
    assert "Up and Down choose a goal" in timeline.accessibleDescription()


def test_the_chart_is_named_after_what_it_shows(demo_window):
    insights = demo_window.show_tab("insights")
    insights.load_charts()
    insights.set_kind("meetings")
    canvas = insights.chart.canvas
    assert canvas.accessibleName() == "Meetings per month chart"
    assert canvas.accessibleDescription().startswith("Meetings held each month, stacked by person.")
    assert canvas.focusPolicy() & Qt.FocusPolicy.TabFocus
