"""The composition root: database -> migrations -> services -> main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mentordesk.paths import resolve_db_path
from mentordesk.services.errors import DamagedDatabaseError, MentorDeskError

ORG = "MentorDesk"
APP = "MentorDesk"


def make_application(argv: list[str] | None = None):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName(ORG)
        QCoreApplication.setApplicationName(APP)
        QGuiApplication.setDesktopFileName("io.mentordesk.MentorDesk")  # the launcher entry's icon and name
        app = QApplication(argv or [sys.argv[0]])
        from mentordesk.ui.theme import app_icon

        app.setWindowIcon(app_icon())
        from mentordesk.ui.i18n import install_translator

        install_translator(app)
    return app


def offer_restore(db_path: Path, exc: DamagedDatabaseError):  # type: ignore[no-untyped-def]
    """Tell the user the database is damaged and offer the newest good backup."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from mentordesk.services.container import Services
    from mentordesk.services.data import restore_database

    backup = exc.backup
    if backup is None:
        QMessageBox.critical(
            None,
            QCoreApplication.translate("Application", "Your database is damaged"),
            QCoreApplication.translate(
                "Application",
                "{error}\n\nMentorDesk will not start on a new empty database without asking. "
                "Start MentorDesk again to begin a new database, or restore a copy with 'mentordesk restore FILE'.",
            ).format(error=exc),
        )
        return None
    answer = QMessageBox.question(
        None,
        QCoreApplication.translate("Application", "Your database is damaged"),
        QCoreApplication.translate("Application", "{error}\n\nRestore the newest good backup now?").format(
            error=exc
        ),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    restore_database(db_path, Path(str(backup)))
    return Services.open(db_path)


def _auto_backup(window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    from mentordesk.ui.dialogs.settings import retention
    from mentordesk.ui.preferences import Preferences

    try:
        path = window.ctx.services.data.auto_backup(retention(Preferences.load(window.settings)))
    except MentorDeskError as exc:
        window.ctx.status(
            QCoreApplication.translate("Application", "The daily backup failed: {error}").format(error=exc)
        )
        return
    if path is not None:
        window.ctx.status(
            QCoreApplication.translate("Application", "Daily backup saved to {folder}").format(
                folder=path.parent
            )
        )


def _has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM") or sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _open_window(db_path: Path):  # type: ignore[no-untyped-def]
    """Open the database and build the main window on it, with SQLite's quick check of the file
    running alongside in a thread (sqlite3 lets other threads run while it reads).

    A file that fails the check is set aside (DamagedDatabaseError) before any window shows.
    """
    import sqlite3
    import threading

    from mentordesk.services.container import Services
    from mentordesk.store.migrate import quick_check, set_damaged_aside
    from mentordesk.ui.main_window import MainWindow

    services = Services.open(db_path, check=False)
    result: list[str] = []
    checker = threading.Thread(target=lambda: result.append(quick_check(db_path)), name="quick-check")
    checker.start()
    window = None
    try:
        window = MainWindow(services, open_services=Services.open)
    except sqlite3.DatabaseError:
        checker.join()
        if result == ["ok"]:
            services.close()
            raise
    checker.join()
    status = result[0] if result else "the check did not finish"
    if status == "ok" and window is not None:
        return services, window
    if window is not None:
        window.deleteLater()
    services.close()
    set_damaged_aside(db_path, f"quick check: {status}")


def _window_image(app, window):  # type: ignore[no-untyped-def]
    """The window as drawn. Offscreen, the frame already painted is copied from the backing store;
    elsewhere (or if that copy is empty) the window is drawn again into a pixmap."""
    if app.platformName() == "offscreen":
        app.sendPostedEvents()
        image = window.screen().grabWindow(window.winId())
        if not image.isNull() and image.size() == window.size() * image.devicePixelRatio():
            return image
    return window.grab()


def run_gui(
    *,
    db: str | None = None,
    tab: str | None = None,
    screenshot: str | None = None,
    size: tuple[int, int] | None = None,
    theme: str | None = None,
) -> int:
    from PySide6.QtCore import QCoreApplication, QSettings, QTimer
    from PySide6.QtWidgets import QMessageBox

    from mentordesk.services.container import Services
    from mentordesk.ui.main_window import MainWindow
    from mentordesk.ui.theme import apply_theme

    if not _has_display():
        if screenshot:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
        else:
            raise MentorDeskError(
                "no display to open the window on (DISPLAY is not set); "
                "use --screenshot to render without one, or QT_QPA_PLATFORM=offscreen"
            )
    app = make_application()
    from mentordesk.ui.preferences import Preferences

    prefs = Preferences.load(QSettings())
    db_path = resolve_db_path(db or (None if os.environ.get("MENTORDESK_DB") else prefs.db_path or None))
    apply_theme(app, theme or prefs.theme)
    try:
        services, window = _open_window(db_path)
    except DamagedDatabaseError as exc:
        if screenshot:
            raise
        restored = offer_restore(db_path, exc)
        if restored is None:
            return 1
        services, window = restored, MainWindow(restored, open_services=Services.open)
    except MentorDeskError as exc:
        if screenshot:
            raise
        QMessageBox.critical(
            None, QCoreApplication.translate("Application", "MentorDesk cannot open the database"), str(exc)
        )
        return 1
    if size:
        window.resize(*size)
    if tab:
        window.show_tab(tab)
    window.show()
    if not screenshot:
        QTimer.singleShot(1500, lambda: _auto_backup(window))
    if screenshot:
        out = Path(screenshot)

        def grab() -> None:
            window.ensure_loaded()
            app.processEvents()
            # Quality 80: zlib's faster setting, and a smaller file than the default here.
            ok = _window_image(app, window).save(str(out), "PNG", 80)
            if not ok:
                print(f"error: could not write the screenshot to {out}", file=sys.stderr)
                app.exit(1)
            else:
                app.exit(0)

        QTimer.singleShot(0, grab)
    code = app.exec()
    services.close()
    return int(code)


__all__ = ["run_gui", "make_application", "resolve_db_path"]
