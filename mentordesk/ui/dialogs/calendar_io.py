"""File > Import / Export of meetings as iCalendar.

Import reads the file, shows what it holds (new events, ones already imported, cancelled and
skipped ones with their reasons) and asks who the events that match nobody were with; the
import is one transaction and one undo step. Export writes the chosen period, owner-only.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.errors import MentorDeskError
from mentordesk.ui.context import AppContext
from mentordesk.ui.dialogs.meeting_fields import DATE_FORMAT, date_edit
from mentordesk.ui.models.meetings import pydate, qdate

if TYPE_CHECKING:
    from mentordesk.services.calendar_io import ImportPlan, ImportSummary, PlannedEvent
    from mentordesk.services.meetings import MeetingSnapshot
    from mentordesk.ui.main_window import MainWindow

PATTERNS = "(*.ics *.ical *.icalendar)"


def _file_filter() -> str:
    ics = QCoreApplication.translate("CalendarIo", "iCalendar files")
    everything = QCoreApplication.translate("CalendarIo", "All files")
    return f"{ics} {PATTERNS};;{everything} (*)"


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class _ImportCommand(QUndoCommand):
    """Undo removes the imported meetings; redo puts them back exactly."""

    def __init__(self, ctx: AppContext, snapshots: list[MeetingSnapshot], text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.snapshots = snapshots
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        for snap in self.snapshots:
            self._quiet(lambda s=snap: self.ctx.services.meetings.restore(s))
        self.ctx.notify("meetings")

    def undo(self) -> None:
        for snap in self.snapshots:
            self._quiet(lambda s=snap: self.ctx.services.meetings.delete(s.meeting_id))
        self.ctx.notify("meetings")

    def _quiet(self, fn: object) -> None:
        try:
            fn()  # type: ignore[operator]
        except MentorDeskError as exc:
            self.ctx.status(str(exc))


class ImportIcsDialog(QDialog):
    def __init__(self, ctx: AppContext, path: Path, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path = path
        self.data = data
        self.summary: ImportSummary | None = None
        self.plan: ImportPlan | None = None
        self.setWindowTitle(self.tr("Import calendar: {file}").format(file=path.name))
        self.resize(720, 520)
        start, end = ctx.services.calendar_io.default_window()
        self.from_edit = date_edit(qdate(start), self.tr("From"))
        self.to_edit = date_edit(qdate(end), self.tr("To"))
        self.reread = QPushButton(self.tr("Read again"))
        self.reread.setToolTip(self.tr("Repeating events are expanded within this period"))
        self.reread.clicked.connect(self.read)
        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("Events from")))
        period.addWidget(self.from_edit)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.to_edit)
        period.addWidget(self.reread)
        period.addStretch(1)

        self.counts = _plain()
        self.unmatched_label = _plain()
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Event"), self.tr("When"), self.tr("With")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(self.tr("Events that match nobody"))
        self.table.setTabKeyNavigation(False)  # Tab goes from one "With" choice to the next, then on
        self.skipped = QPlainTextEdit()
        self.skipped.setReadOnly(True)
        self.skipped.setMaximumHeight(90)
        self.skipped.setAccessibleName(self.tr("Skipped events"))
        self.error = _plain()
        self.error.setStyleSheet("color: #D55E00;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(period)
        layout.addWidget(self.counts)
        layout.addWidget(self.unmatched_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.skipped)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._groups: list[list[PlannedEvent]] = []
        self._combos: list[QComboBox] = []
        self.read()

    def read(self) -> None:
        """Read the file for the chosen period; a malformed file leaves the dialog with its reason."""
        self.error.hide()
        try:
            self.plan = self.ctx.services.calendar_io.plan_import(
                self.data,
                filename=self.path.name,
                start=pydate(self.from_edit.date()),
                end=pydate(self.to_edit.date()),
            )
        except MentorDeskError as exc:
            self.plan = None
            self.error.setText(str(exc))
            self.error.show()
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return
        plan = self.plan
        new = [e for e in plan.events if not e.duplicate]
        matched = sum(1 for e in new if e.relationship_id is not None)
        if len(new) == 1:
            found = self.tr("1 new event ({matched} matched to a relationship)")
        else:
            found = self.tr("{count} new events ({matched} matched to a relationship)")
        parts = [found.format(count=len(new), matched=matched)]
        if len(plan.events) > len(new):
            parts.append(self.tr("{count} already imported").format(count=len(plan.events) - len(new)))
        if plan.cancelled:
            parts.append(self.tr("{count} cancelled, left out").format(count=plan.cancelled))
        if plan.skipped:
            parts.append(self.tr("{count} skipped").format(count=len(plan.skipped)))
        self.counts.setText(" · ".join(parts))
        skipped = self.tr("Skipped {where}: {reason}")
        self.skipped.setPlainText(
            "\n".join(skipped.format(where=where, reason=reason) for where, reason in plan.skipped)
        )
        self.skipped.setVisible(bool(plan.skipped))
        groups: dict[str, list[PlannedEvent]] = defaultdict(list)
        for e in plan.unmatched():
            groups[e.summary.strip() or self.tr("(no title)")].append(e)
        self._groups = list(groups.values())
        self.unmatched_label.setText(
            self.tr(
                "These events match nobody by email or name. Choose who each was with, or leave it unassigned "
                "(unassigned meetings keep their title and can be assigned later)."
            )
            if self._groups
            else self.tr("Every new event matches a relationship.")
        )
        choices = self.ctx.services.meetings.relationship_choices()
        self.table.setRowCount(len(self._groups))
        self._combos = []
        for row, events in enumerate(self._groups):
            first = events[0]
            title = QTableWidgetItem(first.summary.strip() or self.tr("(no title)"))
            title.setFlags(Qt.ItemFlag.ItemIsEnabled)
            day = first.start.date() if first.all_day else first.start.astimezone().date()
            when = QLocale().toString(qdate(day), DATE_FORMAT)
            if len(events) > 1:
                when = self.tr("{when} and {count} more").format(when=when, count=len(events) - 1)
            when_item = QTableWidgetItem(when)
            when_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            combo = QComboBox()
            combo.addItem(self.tr("Leave unassigned"), None)
            combo.setAccessibleName(self.tr("Who {title} was with").format(title=title.text()))
            for c in choices:
                combo.addItem(c.person, c.id)
            self.table.setItem(row, 0, title)
            self.table.setItem(row, 1, when_item)
            self.table.setCellWidget(row, 2, combo)
            self._combos.append(combo)
        previous: QWidget = self.table
        for combo in self._combos:  # the choices come right after the table, before Import
            QWidget.setTabOrder(previous, combo)
            previous = combo
        self.table.setVisible(bool(self._groups))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(new))

    def assign(self, row: int, relationship_id: int | None) -> None:
        combo = self._combos[row]
        combo.setCurrentIndex(max(0, combo.findData(relationship_id)))

    def group_titles(self) -> list[str]:
        return [g[0].summary.strip() or self.tr("(no title)") for g in self._groups]

    def accept(self) -> None:
        if self.plan is None:
            return
        assignments = {
            e.key: combo.currentData()
            for events, combo in zip(self._groups, self._combos, strict=True)
            for e in events
        }
        try:
            summary = self.ctx.services.calendar_io.apply_import(self.plan, assignments=assignments)
        except MentorDeskError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.summary = summary
        if summary.meeting_ids:
            snaps = [self.ctx.services.meetings.snapshot(i) for i in summary.meeting_ids]
            self.ctx.undo_stack.push(
                _ImportCommand(self.ctx, snaps, self.tr("Import {file}").format(file=self.path.name))
            )
        self.ctx.notify("meetings")
        self.ctx.status(summary.lines()[0])
        super().accept()


class ExportIcsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Export meetings as iCalendar"))
        today = ctx.services.meetings.today()
        self.limit = QCheckBox(self.tr("Only meetings between"))
        self.from_edit = date_edit(qdate(date(today.year, 1, 1)), self.tr("From"))
        self.to_edit = date_edit(qdate(date(today.year, 12, 31)), self.tr("To"))
        for edit in (self.from_edit, self.to_edit):
            edit.setEnabled(False)
        self.limit.toggled.connect(self.from_edit.setEnabled)
        self.limit.toggled.connect(self.to_edit.setEnabled)
        self.person = QComboBox()
        self.person.addItem(self.tr("Everyone"), None)
        for c in ctx.services.meetings.relationship_choices():
            self.person.addItem(c.person, c.id)
        period = QHBoxLayout()
        period.addWidget(self.limit)
        period.addWidget(self.from_edit)
        period.addWidget(QLabel(self.tr("and")))
        period.addWidget(self.to_edit)
        form = QFormLayout()
        form.addRow(self.tr("Period:"), period)
        form.addRow(self.tr("With:"), self.person)
        self.error = _plain()
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.written: Path | None = None

    def write(self, path: Path) -> int:
        from mentordesk.services.calendar_io import write_private_bytes

        start = pydate(self.from_edit.date()) if self.limit.isChecked() else None
        end = pydate(self.to_edit.date()) if self.limit.isChecked() else None
        if start and end and end < start:
            raise MentorDeskError(self.tr("The period ends before it starts"))
        data, count = self.ctx.services.calendar_io.export_ics(
            start=start, end=end, relationship_id=self.person.currentData()
        )
        write_private_bytes(path, data)
        self.written = path
        if count == 1:
            self.ctx.status(self.tr("Exported 1 meeting to {path}").format(path=path))
        else:
            self.ctx.status(self.tr("Exported {count} meetings to {path}").format(count=count, path=path))
        return count

    def accept(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export meetings"), "mentordesk-meetings.ics", _file_filter()
        )
        if not name:
            return
        path = Path(name if name.lower().endswith(".ics") else name + ".ics")
        try:
            self.write(path)
        except (MentorDeskError, OSError) as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()


def import_ics(window: MainWindow) -> ImportIcsDialog | None:
    from mentordesk.services.calendar_io import read_calendar_file

    name, _ = QFileDialog.getOpenFileName(
        window, QCoreApplication.translate("CalendarIo", "Import a calendar"), "", _file_filter()
    )
    if not name:
        return None
    path = Path(name)
    dialog = ImportIcsDialog(window.ctx, path, read_calendar_file(path), window)
    dialog.open()
    return dialog


def export_ics(window: MainWindow) -> ExportIcsDialog:
    dialog = ExportIcsDialog(window.ctx, window)
    dialog.open()
    return dialog


__all__ = ["ExportIcsDialog", "ImportIcsDialog", "export_ics", "import_ics"]
