"""The main window: four tabs built on first use, menus, status bar, shared undo stack."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QSizePolicy,
    QTabWidget,
    QWidget,
)

from mentordesk import __version__, memory
from mentordesk.paths import data_dir
from mentordesk.services.container import Services
from mentordesk.services.errors import MentorDeskError
from mentordesk.ui.context import AppContext
from mentordesk.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from mentordesk.ui.reminders import Reminders

# The first frame needs only the mentors list; the other tabs are built in steps this long after
# it shows (a tab in the background refreshes only when shown again).
WARM_UP_AFTER_MS = 50

# name -> (label, module, class). Each tab class takes an AppContext. Labels are marked for
# translation here and translated when shown (this module loads before the translator does).
TAB_SPECS: dict[str, tuple[str, str, str]] = {
    "mentors": (QT_TRANSLATE_NOOP("MainWindow", "&Mentors"), "mentordesk.ui.tabs.mentors", "MentorsTab"),
    "calendar": (QT_TRANSLATE_NOOP("MainWindow", "&Calendar"), "mentordesk.ui.tabs.calendar", "CalendarTab"),
    "goals": (QT_TRANSLATE_NOOP("MainWindow", "&Goals"), "mentordesk.ui.tabs.goals", "GoalsTab"),
    "insights": (QT_TRANSLATE_NOOP("MainWindow", "&Insights"), "mentordesk.ui.tabs.insights", "InsightsTab"),
}


# File menu entries: (label, module, function). The function takes the window. An entry shows only
# when its module is present, so a menu never offers what cannot run.
IMPORT_ACTIONS: tuple[tuple[str, str, str], ...] = (
    (
        QT_TRANSLATE_NOOP("MainWindow", "Contacts from &vCard…"),
        "mentordesk.ui.dialogs.import_contacts",
        "import_vcard",
    ),
    (
        QT_TRANSLATE_NOOP("MainWindow", "&LinkedIn connections…"),
        "mentordesk.ui.dialogs.import_contacts",
        "import_linkedin",
    ),
    (
        QT_TRANSLATE_NOOP("MainWindow", "&Calendar (iCalendar)…"),
        "mentordesk.ui.dialogs.calendar_io",
        "import_ics",
    ),
    (QT_TRANSLATE_NOOP("MainWindow", "Full export (&JSON)…"), "mentordesk.ui.dialogs.data_io", "import_json"),
)
EXPORT_ACTIONS: tuple[tuple[str, str, str], ...] = (
    (
        QT_TRANSLATE_NOOP("MainWindow", "Meetings as &iCalendar…"),
        "mentordesk.ui.dialogs.calendar_io",
        "export_ics",
    ),
    (QT_TRANSLATE_NOOP("MainWindow", "Everything as &JSON…"), "mentordesk.ui.dialogs.data_io", "export_json"),
    (QT_TRANSLATE_NOOP("MainWindow", "Tables as &CSV…"), "mentordesk.ui.dialogs.csv_export", "export_csv"),
    (
        QT_TRANSLATE_NOOP("MainWindow", "Progress &report (PDF)…"),
        "mentordesk.ui.dialogs.report",
        "export_report",
    ),
)
BACKUPS_ACTION = ("mentordesk.ui.dialogs.backups", "show_backups")


def _module_present(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


class MainWindow(QMainWindow):
    def __init__(
        self,
        services: Services,
        *,
        open_services: Callable[[Path], Services] | None = None,
        settings: QSettings | None = None,
        warm_up: bool = True,
    ) -> None:
        """``warm_up=False`` leaves the other tabs to be built when first shown (for a window that
        is only drawn once, such as a screenshot's)."""
        super().__init__()
        self.setObjectName("MainWindow")
        self.settings = settings or QSettings()
        self.undo_stack = QUndoStack(self)
        self._open_services = open_services or Services.open
        self.ctx = AppContext(services, self.undo_stack, self.settings)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setObjectName("mainTabs")
        self.setCentralWidget(self.tabs)
        self._tab_widgets: dict[str, QWidget] = {}
        self._build_tabs()
        self._build_menus()
        self._build_toolbar()
        self._wire_context()
        self._update_title()
        self.statusBar().showMessage(self.tr("Ready"))
        self.resize(1280, 800)
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)  # type: ignore[arg-type]
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self._on_tab_changed(self.tabs.currentIndex())
        # What the other tabs need is loaded in steps once the first frame is drawn (see paintEvent).
        self._warm_steps: list[Callable[[], object]] | None = None if warm_up else []
        self.warmed_up = False
        self._reminders: Reminders | None = None  # started once the first frame is drawn

    @property
    def reminders(self) -> Reminders:
        """The reminders of planned meetings and overdue check-ins (started on first use, or once
        the first frame is drawn: their first check is a minute away, and a tray icon takes time)."""
        if self._reminders is None:
            from mentordesk.ui.reminders import Reminders

            self._reminders = Reminders(self.ctx, self)
        return self._reminders

    # -- tabs ---------------------------------------------------------------------------------
    def _build_tabs(self) -> None:
        for name, (label, _module, _cls) in TAB_SPECS.items():
            holder = QLabel(self.tr("Loading…"))
            holder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            holder.setObjectName(f"placeholder_{name}")
            text = self.tr(label)
            self.tabs.addTab(holder, text.replace("&", ""))
            self.tabs.setTabToolTip(self.tabs.count() - 1, f"Ctrl+{self.tabs.count()}")

    def tab_names(self) -> list[str]:
        return list(TAB_SPECS)

    def tab(self, name: str) -> QWidget:
        """The tab's widget, built now if it was not yet."""
        if name not in self._tab_widgets:
            label, module, cls = TAB_SPECS[name]
            widget = getattr(importlib.import_module(module), cls)(self.ctx)
            widget.setObjectName(f"tab_{name}")
            index = list(TAB_SPECS).index(name)
            current = self.tabs.currentIndex()
            self.tabs.blockSignals(True)
            old = self.tabs.widget(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, widget, self.tr(label).replace("&", ""))
            self.tabs.setTabToolTip(index, f"Ctrl+{index + 1}")
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
            if old is not None:
                old.deleteLater()
            restore = getattr(widget, "restore_state", None)
            if restore is not None:
                restore(self.settings)
            self._tab_widgets[name] = widget
        return self._tab_widgets[name]

    def show_tab(self, name: str) -> QWidget:
        widget = self.tab(name)
        self.tabs.setCurrentIndex(list(TAB_SPECS).index(name))
        return widget

    def step_tab(self, step: int) -> QWidget:
        """Show the next (1) or previous (-1) tab, wrapping around."""
        names = list(TAB_SPECS)
        return self.show_tab(names[(names.index(self.current_tab_name()) + step) % len(names)])

    def current_tab_name(self) -> str:
        return list(TAB_SPECS)[self.tabs.currentIndex()]

    def ensure_loaded(self) -> None:
        """Build the current tab (used before a screenshot)."""
        self.tab(self.current_tab_name())

    def _on_tab_changed(self, index: int) -> None:
        if index >= 0:
            self.tab(list(TAB_SPECS)[index])

    # -- menus --------------------------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self._action(self.tr("&New database…"), self.new_database, "Ctrl+Shift+N"))
        file_menu.addAction(
            self._action(self.tr("&Open database…"), self.open_database, QKeySequence.StandardKey.Open)
        )
        file_menu.addSeparator()
        self.import_menu = file_menu.addMenu(self.tr("&Import"))
        self.export_menu = file_menu.addMenu(self.tr("&Export"))
        file_menu.addSeparator()
        for menu, entries in ((self.import_menu, IMPORT_ACTIONS), (self.export_menu, EXPORT_ACTIONS)):
            for label, module, function in entries:
                if _module_present(module):
                    menu.addAction(self._action(self.tr(label), partial(self.run_dialog, module, function)))
        if _module_present(BACKUPS_ACTION[0]):
            file_menu.addAction(self._action(self.tr("&Backups…"), partial(self.run_dialog, *BACKUPS_ACTION)))
            self.save_action = self._action(
                self.tr("Back &up now"),
                partial(self.run_dialog, BACKUPS_ACTION[0], "back_up_now"),
                QKeySequence.StandardKey.Save,
            )
            file_menu.addAction(self.save_action)
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit))
        if file_menu.actions()[-1].shortcut().isEmpty():  # no standard Quit key on this platform
            file_menu.actions()[-1].setShortcut(QKeySequence("Ctrl+Q"))

        edit = bar.addMenu(self.tr("&Edit"))
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit.addAction(undo)
        edit.addAction(redo)
        edit.addSeparator()
        edit.addAction(self._action(self.tr("&Find"), self.find_in_tab, QKeySequence.StandardKey.Find))
        preferences = self._action(
            self.tr("&Preferences…"),
            partial(self.run_dialog, "mentordesk.ui.dialogs.settings", "show_settings"),
            QKeySequence.StandardKey.Preferences,
        )
        preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.search_action = self._action(self.tr("&Search everything…"), self.open_search, "Ctrl+K")
        edit.addAction(self.search_action)
        self.capture_action = self._action(self.tr("&Log…"), self.quick_capture, "Ctrl+L")
        edit.addAction(self.capture_action)
        edit.addSeparator()
        edit.addAction(preferences)

        self.view_menu = bar.addMenu(self.tr("&View"))
        for i, name in enumerate(TAB_SPECS):
            self.view_menu.addAction(
                self._action(
                    self.tr(TAB_SPECS[name][0]).replace("&", ""),
                    partial(self.show_tab, name),
                    f"Ctrl+{i + 1}",
                )
            )

        self.view_menu.addSeparator()
        self.next_tab_action = self._action(self.tr("&Next tab"), partial(self.step_tab, 1))
        self.next_tab_action.setShortcuts([QKeySequence("Ctrl+PgDown"), QKeySequence("Ctrl+Tab")])
        self.view_menu.addAction(self.next_tab_action)
        self.previous_tab_action = self._action(self.tr("&Previous tab"), partial(self.step_tab, -1))
        self.previous_tab_action.setShortcuts([QKeySequence("Ctrl+PgUp"), QKeySequence("Ctrl+Shift+Tab")])
        self.view_menu.addAction(self.previous_tab_action)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About MentorDesk"), self.about))

    def _build_toolbar(self) -> None:
        bar = self.addToolBar(self.tr("Search"))
        bar.setObjectName("searchToolbar")
        bar.setMovable(False)
        bar.addAction(self.capture_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(self.tr("Search everything (Ctrl+K)"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setAccessibleName(self.tr("Search everything"))
        self.search_field.setMaximumWidth(320)
        self.search_field.returnPressed.connect(lambda: self.open_search(self.search_field.text()))
        self.search_field.textEdited.connect(lambda text: self.open_search(text) if text.strip() else None)
        bar.addWidget(self.search_field)

    def apply_preferences(self, prefs: object) -> None:
        """Tell every built tab (and the reminders) that preferences changed."""
        for widget in [*self._tab_widgets.values(), self._reminders]:
            hook = getattr(widget, "apply_preferences", None)
            if hook is not None:
                hook(prefs)

    def open_search(self, text: str = "") -> QWidget:
        """The search palette, with ``text`` already typed."""
        from mentordesk.ui.dialogs.search_palette import SearchPalette

        palette = getattr(self, "_palette", None)
        if palette is None:
            palette = self._palette = SearchPalette(self.ctx, self)
        palette.query.setText(text)
        palette.show()
        palette.raise_()
        palette.activateWindow()
        palette.query.setFocus()
        palette.query.end(False)
        self.search_field.clear()
        return palette

    def quick_capture(self) -> QWidget:
        from mentordesk.ui.dialogs.quick_capture import QuickCapture

        dialog = QuickCapture(self.ctx, self)
        dialog.show()
        return dialog

    def _wire_context(self) -> None:
        self.ctx.statusMessage.connect(lambda msg: self.statusBar().showMessage(msg, 8000))
        self.ctx.navigateRequested.connect(self._navigate)

    def _navigate(self, kind: str, item_id: int) -> None:
        target = {"relationship": "mentors", "meeting": "calendar", "goal": "goals"}.get(kind)
        if target is None:
            return
        widget = self.show_tab(target)
        select = getattr(widget, "select_item", None)
        if select is not None:
            select(kind, item_id)

    # -- actions ------------------------------------------------------------------------------
    def run_dialog(self, module: str, function: str) -> object:
        """Run a File-menu feature; a user-facing error becomes a message box, never a crash."""
        try:
            return getattr(importlib.import_module(module), function)(self)
        except MentorDeskError as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, "MentorDesk", str(exc))
            return None

    def find_in_tab(self) -> None:
        widget = self.tab(self.current_tab_name())
        focus = getattr(widget, "focus_filter", None)
        if focus is not None:
            focus()

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        db = self.ctx.services.db_path
        QMessageBox.about(
            self,
            self.tr("About MentorDesk"),
            self.tr(
                "MentorDesk {version}\n\nYour mentoring relationships, meetings and goals, kept on this "
                "computer.\n\nData folder: {folder}\nDatabase: {database}"
            ).format(version=__version__, folder=data_dir(), database=db if db else self.tr("in memory")),
        )

    def new_database(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New MentorDesk database"), str(data_dir()), self.tr("Database") + " (*.db)"
        )
        if path:
            target = Path(path)
            if target.exists():
                QMessageBox.warning(
                    self,
                    self.tr("New database"),
                    self.tr("{path} already exists; choose Open to use it.").format(path=target),
                )
                return
            self.switch_database(target)

    def open_database(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open MentorDesk database"), str(data_dir()), self.tr("Database") + " (*.db)"
        )
        if path:
            self.switch_database(Path(path))

    def switch_database(self, path: Path) -> bool:
        """Open another database and rebuild the tabs over it. The current one stays open on failure."""
        try:
            services = self._open_services(path)
        except MentorDeskError as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(self, self.tr("Cannot open the database"), str(exc))
            return False
        old = self.ctx.services
        self.ctx.services = services
        self.undo_stack.clear()
        current = self.current_tab_name()
        self.tabs.blockSignals(True)
        for name in list(self._tab_widgets):
            index = list(TAB_SPECS).index(name)
            widget = self._tab_widgets.pop(name)
            self.tabs.removeTab(index)
            holder = QLabel(self.tr("Loading…"))
            holder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.tabs.insertTab(index, holder, self.tr(TAB_SPECS[name][0]).replace("&", ""))
            self.tabs.setTabToolTip(index, f"Ctrl+{index + 1}")
            widget.deleteLater()
        self.tabs.blockSignals(False)
        old.close()
        self.show_tab(current)
        self._start_warm_up()
        self._update_title()
        self.ctx.status(self.tr("Opened {path}").format(path=path))
        return True

    def _update_title(self) -> None:
        path = self.ctx.services.db_path
        self.setWindowTitle(f"MentorDesk — {path.name}" if path else "MentorDesk")

    # -- warming up after the first frame ------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        if self._warm_steps is None:
            # The first frame is being drawn (the window first, then its children, in this same
            # pass): warm up once it is on screen, never before (a timer from showEvent could run
            # out before a slow first frame was drawn).
            self._start_warm_up()

    def _start_warm_up(self) -> None:
        """Once the first frame is drawn: load the ORM and the services, then build the other tabs
        (each loads the rest of what it needs, such as matplotlib for insights, when first shown)."""
        self.warmed_up = False
        self._warm_steps = [
            self._after_first_frame,
            lambda: self.reminders,
            lambda: self.ctx.services.warm_up(),
        ]
        self._warm_steps += [partial(self.tab, name) for name in TAB_SPECS]
        QTimer.singleShot(WARM_UP_AFTER_MS, self, self._warm_up_step)

    def _after_first_frame(self) -> None:
        """Tell the tabs built for the first frame that it is on screen (``after_first_frame``)."""
        for widget in list(self._tab_widgets.values()):
            hook = getattr(widget, "after_first_frame", None)
            if hook is not None:
                hook()

    def _warm_up_step(self) -> None:
        """Run one step of the warm-up, then yield to the event loop before the next one, so that
        a click or a key press in the meantime is answered between steps. A tab the person opened
        first is simply found built."""
        if not self._warm_steps or not self.isVisible():
            self.warmed_up = not self._warm_steps
            memory.settle()  # what is loaded now stays: see ui/memory.py
            return
        step = self._warm_steps.pop(0)
        try:
            step()
        except Exception:  # noqa: BLE001 (optional work: whatever failed will say so when first used)
            self._warm_steps.clear()
        QTimer.singleShot(0, self, self._warm_up_step)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        palette = getattr(self, "_palette", None)
        if palette is not None:
            palette.close()
        self.settings.setValue("window/geometry", self.saveGeometry())
        for widget in self._tab_widgets.values():
            save = getattr(widget, "save_state", None)
            if save is not None:
                save(self.settings)
        self.settings.sync()
        super().closeEvent(event)
