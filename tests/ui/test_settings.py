from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from mentordesk.services.container import Services
from mentordesk.ui.dialogs.settings import SettingsDialog, retention
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.preferences import Preferences
from mentordesk.ui.theme import current_theme


def test_preferences_are_saved_and_applied(window, settings, qapp):
    dialog = SettingsDialog(window)
    assert dialog.cadence.value() == 30 and dialog.reminder.value() == 15
    dialog.cadence.setValue(14)
    dialog.reminder.setValue(30)
    dialog.digest.setChecked(False)
    dialog.week_start.setCurrentIndex(7)  # Sunday
    dialog.keep_daily.setValue(3)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.accept()
    prefs = Preferences.load(settings)
    assert (prefs.default_cadence, prefs.reminder_minutes, prefs.daily_digest, prefs.week_start) == (
        14,
        30,
        False,
        7,
    )
    assert retention(prefs).daily == 3
    assert current_theme() == "dark"
    again = SettingsDialog(window)
    assert again.cadence.value() == 14 and again.theme.currentData() == "dark"
    again.theme.setCurrentIndex(again.theme.findData("light"))
    again.accept()
    assert current_theme() == "light"


def test_new_relationship_form_starts_with_the_default_cadence(window, settings):
    Preferences(default_cadence=7).save(settings)
    dialog = window.tab("mentors").ops.new_relationship()
    assert dialog.cadence_edit.days() == 7
    dialog.reject()


def test_move_database_copies_switches_and_remembers(qtbot, tmp_path, settings, monkeypatch):
    services = Services.open(tmp_path / "a" / "mentordesk.db")
    services.demo.generate(seed=2)
    w = MainWindow(services, settings=settings)
    qtbot.addWidget(w)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    target_folder = tmp_path / "b"
    target_folder.mkdir()
    moved = SettingsDialog(w).move_to(target_folder)
    assert moved == target_folder / "mentordesk.db"
    assert w.ctx.services.db_path == moved
    assert w.ctx.services.people.count_relationships() == 10
    assert Preferences.load(settings).db_path == str(moved)
    assert (tmp_path / "a" / "mentordesk.db").exists()  # the old file stays until the user deletes it
    w.ctx.services.close()
