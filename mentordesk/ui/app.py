"""The composition root: database -> migrations -> services -> main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mentordesk.paths import resolve_db_path
from mentordesk.services.errors import DamagedDatabaseError, MentorDeskError
from mentordesk.services.start_reads import StartReads

ORG = "MentorDesk"
APP = "MentorDesk"


def _name_application() -> None:
    """The organisation and application names, which QSettings() needs (no QApplication needed)."""
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.setOrganizationName(ORG)
    QCoreApplication.setApplicationName(APP)


def make_application(argv: list[str] | None = None):  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        _name_application()
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


def _open_window(  # type: ignore[no-untyped-def]
    db_path: Path, check: StartReads | None = None, *, warm_up: bool = True
):
    """Open the database and build the main window on it, with SQLite's quick check of the file
    running alongside (``check``, or one started here): returns the services, the window and
    the running check. ``warm_up`` is the window's (see MainWindow).

    A file that cannot be read while the window is built is judged at once: if the check fails,
    it is set aside (DamagedDatabaseError) before any window shows.
    """
    import sqlite3

    from mentordesk.services.container import Services
    from mentordesk.store.migrate import set_damaged_aside
    from mentordesk.ui.main_window import MainWindow

    services = Services.open(db_path, check=False)
    if check is None:
        check = StartReads(db_path)
    else:
        services.people_read.offer_read_ahead(check.list_ahead())
    try:
        window = MainWindow(services, open_services=Services.open, warm_up=warm_up)
    except sqlite3.DatabaseError:
        status = check.status()
        services.close()
        if status == "ok":
            raise
        set_damaged_aside(db_path, f"quick check: {status}")
    return services, window, check


class _Session:
    """The open database and its window, replaced when the quick check finds the file damaged
    after the window is up: the file is set aside and the newest good backup offered."""

    def __init__(self, db_path: Path, services, window) -> None:  # type: ignore[no-untyped-def]
        self.db_path = db_path
        self.services = services
        self.window = window

    def damaged(self, status: str) -> bool:
        """Close the window and the file, set the file aside and offer the newest good backup.
        Returns False when there is nothing to open instead (the app then exits)."""
        from mentordesk.services.container import Services
        from mentordesk.store.migrate import set_damaged_aside
        from mentordesk.ui.main_window import MainWindow

        self.window.hide()
        self.window.deleteLater()
        self.services.close()
        try:
            set_damaged_aside(self.db_path, f"quick check: {status}")
        except DamagedDatabaseError as exc:
            restored = offer_restore(self.db_path, exc)
        if restored is None:
            return False
        self.services = restored
        self.window = MainWindow(restored, open_services=Services.open)
        self.window.show()
        return True

    def watch(self, app, check: StartReads) -> None:  # type: ignore[no-untyped-def]
        """Act on the quick check's verdict when it comes (the window is already up by then)."""
        from PySide6.QtCore import QTimer

        timer = QTimer(app)

        def poll() -> None:
            if not check.finished():
                return
            timer.stop()
            timer.deleteLater()
            status = check.status()
            if status != "ok" and not self.damaged(status):
                app.exit(1)

        timer.timeout.connect(poll)
        timer.start(CHECK_POLL_MS)


CHECK_POLL_MS = 20


def _window_image(app, window):  # type: ignore[no-untyped-def]
    """The window as drawn. Offscreen, that is the backing store's own image, the frame already
    painted (read where it is: a copy of it is 5 MB at 1400 x 900); elsewhere (or if there is no
    such image) the window is drawn again into a pixmap."""
    if app.platformName() == "offscreen":
        from PySide6.QtGui import QImage

        app.sendPostedEvents()
        store = window.backingStore()
        image = store.paintDevice() if store is not None else None
        if (
            isinstance(image, QImage)
            and not image.isNull()
            and image.size() == window.size() * image.devicePixelRatio()
        ):
            return image
    return window.grab()


def run_gui(
    *,
    db: str | None = None,
    tab: str | None = None,
    screenshot: str | None = None,
    size: tuple[int, int] | None = None,
    theme: str | None = None,
    check: StartReads | None = None,
) -> int:
    """Open the window (or only draw it, for ``screenshot``). ``check``: the reads already started
    on the database, when the caller knew which file it is before Qt loaded."""
    if not _has_display():
        if screenshot:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
        else:
            raise MentorDeskError(
                "no display to open the window on (DISPLAY is not set); "
                "use --screenshot to render without one, or QT_QPA_PLATFORM=offscreen"
            )
    from PySide6.QtCore import QSettings

    from mentordesk.ui.preferences import Preferences

    _name_application()
    prefs = Preferences.load(QSettings())
    db_path = resolve_db_path(db or (None if os.environ.get("MENTORDESK_DB") else prefs.db_path or None))
    if check is None or check.path != db_path:
        # As soon as the file is known, before the window's code loads (see StartReads).
        check = StartReads.of(db_path)

    from PySide6.QtCore import QCoreApplication, QTimer

    from mentordesk.services.container import Services
    from mentordesk.ui.main_window import MainWindow
    from mentordesk.ui.theme import apply_theme

    app = make_application()
    apply_theme(app, theme or prefs.theme)
    try:
        # A screenshot is drawn once: the other tabs are not built for it beforehand.
        services, window, check = _open_window(db_path, check, warm_up=not screenshot)
    except DamagedDatabaseError as exc:
        if screenshot:
            raise
        restored = offer_restore(db_path, exc)
        if restored is None:
            return 1
        services, window, check = restored, MainWindow(restored, open_services=Services.open), None
    except MentorDeskError as exc:
        if screenshot:
            raise
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(
            None, QCoreApplication.translate("Application", "MentorDesk cannot open the database"), str(exc)
        )
        return 1
    session = _Session(db_path, services, window)
    if size:
        window.resize(*size)
    if tab:
        window.show_tab(tab)
    window.show()
    damage: list[str] = []
    if not screenshot:
        if check is not None:
            session.watch(app, check)
        QTimer.singleShot(1500, lambda: _auto_backup(session.window))
    if screenshot:
        out = Path(screenshot)

        def grab() -> None:
            window.ensure_loaded()
            app.processEvents()
            image = _window_image(app, window)
            status = check.status() if check is not None else "ok"
            if status != "ok":
                damage.append(status)
                app.exit(1)
                return
            from mentordesk.ui.png import save_png

            try:
                save_png(image, out)
            except OSError as exc:
                print(
                    f"error: could not write the screenshot to {out}: {exc.strerror or exc}", file=sys.stderr
                )
                app.exit(1)
            else:
                app.exit(0)

        QTimer.singleShot(0, grab)
    code = app.exec()
    session.services.close()
    if damage:
        from mentordesk.store.migrate import set_damaged_aside

        set_damaged_aside(db_path, f"quick check: {damage[0]}")
    return int(code)


__all__ = ["run_gui", "make_application", "resolve_db_path"]
