"""File > Import > Contacts from vCard / LinkedIn connections: choose a file, review what will
happen to each person (new, merge, skip, with reasons) in a list with check boxes, import.

Large files are planned in slices between events, with a progress bar, so the window stays
responsive; the import itself is one transaction (all or nothing).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.contacts_import import ImportAction, ImportPlanner, ImportSummary, PlannedAction
from mentordesk.services.errors import MentorDeskError
from mentordesk.ui.i18n import QT_TRANSLATE_NOOP
from mentordesk.ui.widgets.labels import plain
from mentordesk.ui.widgets.mentor_fields import ErrorLabel

if TYPE_CHECKING:
    from mentordesk.formats.contacts import ContactParseResult
    from mentordesk.ui.context import AppContext
    from mentordesk.ui.main_window import MainWindow

SLICE = 200  # records planned per event-loop turn; files larger than this show a progress bar
# kind -> (dialog title, file type, its patterns); texts are translated when the file dialog opens.
FILTERS = {
    "vcard": (
        QT_TRANSLATE_NOOP("ImportContacts", "Import contacts from a vCard file"),
        QT_TRANSLATE_NOOP("ImportContacts", "vCard files"),
        "*.vcf *.vcard",
    ),
    "linkedin": (
        QT_TRANSLATE_NOOP("ImportContacts", "Import LinkedIn connections"),
        QT_TRANSLATE_NOOP("ImportContacts", "LinkedIn export"),
        "*.csv",
    ),
}
ACTION_TEXT = {
    ImportAction.NEW: QT_TRANSLATE_NOOP("ImportPreviewDialog", "New"),
    ImportAction.MERGE: QT_TRANSLATE_NOOP("ImportPreviewDialog", "Merge"),
    ImportAction.SKIP: QT_TRANSLATE_NOOP("ImportPreviewDialog", "Skip"),
}


def import_vcard(window: MainWindow) -> ImportPreviewDialog | None:
    return _import(window, "vcard")


def import_linkedin(window: MainWindow) -> ImportPreviewDialog | None:
    return _import(window, "linkedin")


def _import(window: MainWindow, kind: str) -> ImportPreviewDialog | None:
    title, file_type, patterns = FILTERS[kind]
    all_files = QCoreApplication.translate("ImportContacts", "All files")
    filters = f"{QCoreApplication.translate('ImportContacts', file_type)} ({patterns});;{all_files} (*)"
    start = str(window.settings.value("import/folder", str(Path.home())))
    path, _ = QFileDialog.getOpenFileName(
        window, QCoreApplication.translate("ImportContacts", title), start, filters
    )
    if not path:
        return None
    file = Path(path)
    window.settings.setValue("import/folder", str(file.parent))
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise MentorDeskError(
            QCoreApplication.translate("ImportContacts", "{file}: cannot be read ({reason})").format(
                file=file, reason=exc.strerror or exc
            )
        ) from None
    from mentordesk.formats.contacts import parse_linkedin, parse_vcard

    result = (parse_vcard if kind == "vcard" else parse_linkedin)(data, file.name)
    dialog = ImportPreviewDialog(window, window.ctx, result, file.name)
    dialog.finished.connect(lambda _r: dialog.deleteLater())
    dialog.open()
    dialog.start()
    return dialog


class ImportPreviewDialog(QDialog):
    """The planned import, one row per person, each with a check box."""

    planned = Signal()  # the plan is ready
    imported = Signal(object)  # ImportSummary

    def __init__(
        self, parent: QWidget | None, ctx: AppContext, result: ContactParseResult, filename: str
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ImportPreviewDialog")
        self.setWindowTitle(self.tr("Import {file}").format(file=filename))
        self.ctx = ctx
        self.parsed = result
        self.filename = filename
        self.plan: list[PlannedAction] = []
        self.summary: ImportSummary | None = None
        self._planner: ImportPlanner | None = None

        records = len(result.records)
        if records == 1:
            found = self.tr("{file}: 1 person found").format(file=filename)
        else:
            found = self.tr("{file}: {count} people found").format(file=filename, count=records)
        if result.skipped:
            found = self.tr("{found}; {count} could not be read").format(
                found=found, count=len(result.skipped)
            )
        self.heading = plain(found + ".")
        self.counts = plain(self.tr("Checking for people already in MentorDesk…"), wrap=True)
        self.progress = QProgressBar()
        self.progress.setRange(0, max(1, records))
        self.progress.setVisible(records > SLICE)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("People to import"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; Space ticks a person
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Organization"), self.tr("Email"), self.tr("What happens")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((200, 170, 200)):
            self.table.setColumnWidth(col, width)
        self.table.itemChanged.connect(lambda _item: self._update_counts())
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Entries that could not be read"))
        self.notes.setReadOnly(True)
        self.notes.setMaximumHeight(90)
        lines = [f"{s.where}: {s.reason}" for s in result.skipped] + list(result.warnings)
        self.notes.setPlainText("\n".join(lines))
        self.notes.setVisible(bool(lines))
        self.error = ErrorLabel()

        self.all_button = QPushButton(self.tr("Select &all"))
        self.all_button.clicked.connect(lambda: self.set_all(True))
        self.none_button = QPushButton(self.tr("Select &none"))
        self.none_button.clicked.connect(lambda: self.set_all(False))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("Import"))
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.all_button)
        row.addWidget(self.none_button)
        row.addStretch(1)
        row.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.counts)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        if lines:
            layout.addWidget(plain(self.tr("Not read, or read with a problem:")))
        layout.addWidget(self.notes)
        layout.addWidget(self.error)
        layout.addLayout(row)
        self.resize(860, 560)

    # -- planning -----------------------------------------------------------------------------
    def start(self) -> None:
        """Plan the import: at once for small files, in slices with a progress bar for large ones."""
        self._planner = self.ctx.services.contacts_import.planner()
        if len(self.parsed.records) <= SLICE:
            self._plan_slice(0, len(self.parsed.records))
        else:
            QTimer.singleShot(0, lambda: self._plan_slice(0, SLICE))

    @property
    def ready(self) -> bool:
        return len(self.plan) == len(self.parsed.records)

    def _plan_slice(self, start: int, stop: int) -> None:
        if self._planner is None:
            return
        records = self.parsed.records
        self.table.blockSignals(True)
        for i in range(start, min(stop, len(records))):
            action = self._planner.plan(i, records[i])
            self.plan.append(action)
            self._add_row(action)
        self.table.blockSignals(False)
        self.progress.setValue(len(self.plan))
        if self.ready:
            self.progress.setVisible(False)
            self._update_counts()
            self.planned.emit()
        else:
            QTimer.singleShot(0, lambda: self._plan_slice(stop, stop + SLICE))

    def _add_row(self, action: PlannedAction) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        record = action.record
        name = QTableWidgetItem(record.name)
        name.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
        )
        if action.action == ImportAction.SKIP:  # nothing to do: shown for the reason, not selectable
            name.setFlags(Qt.ItemFlag.ItemIsSelectable)
            name.setCheckState(Qt.CheckState.Unchecked)
        else:
            name.setCheckState(Qt.CheckState.Checked)
        name.setData(Qt.ItemDataRole.UserRole, action.index)
        what = f"{self.tr(ACTION_TEXT[action.action])}: {action.describe()}"
        for col, item in enumerate(
            (
                name,
                QTableWidgetItem(record.organization),
                QTableWidgetItem(", ".join(record.emails)),
                QTableWidgetItem(what),
            )
        ):
            self.table.setItem(r, col, item)

    def _check_items(self) -> list[QTableWidgetItem]:
        items = (self.table.item(r, 0) for r in range(self.table.rowCount()))
        return [item for item in items if item is not None]

    def selected(self) -> set[int]:
        chosen = set()
        for item in self._check_items():
            if item.checkState() == Qt.CheckState.Checked:
                chosen.add(int(item.data(Qt.ItemDataRole.UserRole)))
        return chosen

    def set_all(self, on: bool) -> None:
        self.table.blockSignals(True)
        for item in self._check_items():
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.table.blockSignals(False)
        self._update_counts()

    def set_checked(self, index: int, on: bool) -> None:
        for item in self._check_items():
            if item.data(Qt.ItemDataRole.UserRole) == index:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _update_counts(self) -> None:
        if not self.ready:
            return
        chosen = self.selected()
        by_kind = _count(self.plan, chosen)
        self.counts.setText(
            self.tr(
                "{new} new, {merge} to merge into people already here, "
                "{skip} already here with nothing new. "
                "Imported people become contacts: find them with the Contacts filter."
            ).format(
                new=by_kind[ImportAction.NEW],
                merge=by_kind[ImportAction.MERGE],
                skip=by_kind[ImportAction.SKIP],
            )
        )
        self.import_button.setEnabled(bool(chosen))
        self.import_button.setText(
            self.tr("Import {count}").format(count=len(chosen)) if chosen else self.tr("Import")
        )

    # -- importing ----------------------------------------------------------------------------
    def accept(self) -> None:
        if not self.ready:
            return
        big = len(self.plan) > SLICE
        self.progress.setRange(0, len(self.plan))
        self.progress.setValue(0)
        self.progress.setVisible(big)
        for widget in (self.import_button, self.all_button, self.none_button, self.table):
            widget.setEnabled(False)

        def step(done: int, _total: int) -> None:
            # Repaint only the bar: no other events run while the import's transaction is open.
            self.progress.setValue(done)
            if big:
                self.progress.repaint()

        try:
            self.summary = self.ctx.services.contacts_import.apply(
                self.plan, selected=self.selected(), progress=step
            )
        except MentorDeskError as exc:
            self.error.show_message(self.tr("Nothing was imported: {error}").format(error=exc))
            for widget in (self.import_button, self.all_button, self.none_button, self.table):
                widget.setEnabled(True)
            return
        s = self.summary
        self.ctx.notify("people")
        self.ctx.status(
            self.tr("{file}: imported {imported}, merged {merged}, skipped {skipped}").format(
                file=self.filename,
                imported=len(s.imported),
                merged=len(s.merged),
                skipped=len(s.skipped) + len(self.parsed.skipped),
            )
        )
        window = self.parent()
        show = getattr(window, "show_tab", None)
        if s.imported and show is not None:
            tab = show("mentors")
            if hasattr(tab, "show_contacts"):
                tab.show_contacts()
        self.imported.emit(s)
        super().accept()


def _count(plan: Sequence[PlannedAction], chosen: set[int]) -> dict[ImportAction, int]:
    counts: dict[ImportAction, int] = dict.fromkeys(ImportAction, 0)
    for action in plan:
        if action.action == ImportAction.SKIP:
            counts[ImportAction.SKIP] += 1
        elif action.index in chosen:
            counts[action.action] += 1
    return counts
