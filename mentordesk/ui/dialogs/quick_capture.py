"""Ctrl+L from any tab: log a held meeting, a thank-you or an action item in one line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.enums import Owner, RelStatus
from mentordesk.services.errors import MentorDeskError
from mentordesk.services.meetings_types import LogInput
from mentordesk.ui.context import AppContext

MEETING, THANKS, ACTION = "meeting", "thanks", "action"


class _Reversible(QUndoCommand):
    """An already-done write that undo reverses and redo repeats."""

    def __init__(self, ctx: AppContext, text: str, undo: object, redo: object) -> None:
        super().__init__(text)
        self.ctx, self._undo, self._redo, self._first = ctx, undo, redo, True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._redo()  # type: ignore[operator]
        self.ctx.notify("all")

    def undo(self) -> None:
        self._undo()  # type: ignore[operator]
        self.ctx.notify("all")


class QuickCapture(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Log"))
        self.setMinimumWidth(460)
        choices = ctx.services.meetings.relationship_choices()
        order = {RelStatus.ACTIVE: 0, RelStatus.PAUSED: 1}
        self.choices = sorted(choices, key=lambda c: (order.get(c.status, 2), c.person.casefold()))
        self.person = QLineEdit()
        self.person.setPlaceholderText(self.tr("Start typing a name"))
        self.person.setAccessibleName(self.tr("Person"))
        completer = QCompleter([c.person for c in self.choices], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.person.setCompleter(completer)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("What to log"))
        self.kind.addItem(self.tr("A meeting held today"), MEETING)
        self.kind.addItem(self.tr("A thank-you or gesture"), THANKS)
        self.kind.addItem(self.tr("An action item for me"), ACTION)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("One line of notes"))
        self.text.setAccessibleName(self.tr("Notes"))
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #D55E00")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Who"), self.person)
        form.addRow(self.tr("&What"), self.kind)
        form.addRow(self.tr("&Notes"), self.text)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Log"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.person.setFocus()

    def relationship_id(self) -> int | None:
        name = self.person.text().strip().casefold()
        exact = [c for c in self.choices if c.person.casefold() == name]
        if exact:
            return exact[0].id
        partial = [c for c in self.choices if name and name in c.person.casefold()]
        return partial[0].id if len(partial) == 1 else None

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def submit(self) -> bool:
        rid = self.relationship_id()
        if rid is None:
            self._fail(self.tr("Choose someone from the list: type part of their name and pick a completion"))
            self.person.setFocus()
            return False
        name = next(c.person for c in self.choices if c.id == rid)
        kind = self.kind.currentData()
        try:
            message = self._log(kind, rid, name)
        except MentorDeskError as exc:
            self._fail(str(exc))
            return False
        self.ctx.status(message)
        self.accept()
        return True

    def _log(self, kind: str, rid: int, name: str) -> str:
        services, notes = self.ctx.services, self.text.text()
        if kind == MEETING:
            from mentordesk.ui.dialogs.meeting_commands import log_meeting

            log_meeting(
                self.ctx, LogInput(relationship_id=rid, start=services.meetings.current_time(), notes=notes)
            )
            return self.tr("Logged a meeting with {name} today").format(name=name)
        if kind == THANKS:
            entry = services.people.add_appreciation(rid, text=notes)
            removed: list[object] = []
            self.ctx.undo_stack.push(
                _Reversible(
                    self.ctx,
                    self.tr("Log appreciation for {name}").format(name=name),
                    lambda: removed.append(services.people.remove_appreciation(entry)),
                    lambda: services.people.restore_appreciation(removed.pop()),  # type: ignore[arg-type]
                )
            )
            self.ctx.notify("people")
            return self.tr("Logged appreciation for {name}").format(name=name)
        action = services.meetings.add_action(text=notes, relationship_id=rid, owner=Owner.ME)
        snapshots: list[object] = []
        self.ctx.undo_stack.push(
            _Reversible(
                self.ctx,
                self.tr("Add action item for {name}").format(name=name),
                lambda: snapshots.append(services.meetings.delete_action(action)),
                lambda: services.meetings.restore_action(snapshots.pop()),  # type: ignore[arg-type]
            )
        )
        self.ctx.notify("meetings")
        return self.tr("Added an action item with {name}").format(name=name)
