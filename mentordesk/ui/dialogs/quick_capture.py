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
        self.setWindowTitle("Log")
        self.setMinimumWidth(460)
        choices = ctx.services.meetings.relationship_choices()
        order = {RelStatus.ACTIVE: 0, RelStatus.PAUSED: 1}
        self.choices = sorted(choices, key=lambda c: (order.get(c.status, 2), c.person.casefold()))
        self.person = QLineEdit()
        self.person.setPlaceholderText("Start typing a name")
        self.person.setAccessibleName("Person")
        completer = QCompleter([c.person for c in self.choices], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.person.setCompleter(completer)
        self.kind = QComboBox()
        self.kind.setAccessibleName("What to log")
        self.kind.addItem("A meeting held today", MEETING)
        self.kind.addItem("A thank-you or gesture", THANKS)
        self.kind.addItem("An action item for me", ACTION)
        self.text = QLineEdit()
        self.text.setPlaceholderText("One line of notes")
        self.text.setAccessibleName("Notes")
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #D55E00")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow("&Who", self.person)
        form.addRow("&What", self.kind)
        form.addRow("&Notes", self.text)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Log")
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
            self._fail("Choose someone from the list: type part of their name and pick a completion")
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
            return f"Logged a meeting with {name} today"
        if kind == THANKS:
            entry = services.people.add_appreciation(rid, text=notes)
            removed: list[object] = []
            self.ctx.undo_stack.push(
                _Reversible(
                    self.ctx,
                    f"Log appreciation for {name}",
                    lambda: removed.append(services.people.remove_appreciation(entry)),
                    lambda: services.people.restore_appreciation(removed.pop()),  # type: ignore[arg-type]
                )
            )
            self.ctx.notify("people")
            return f"Logged appreciation for {name}"
        action = services.meetings.add_action(text=notes, relationship_id=rid, owner=Owner.ME)
        snapshots: list[object] = []
        self.ctx.undo_stack.push(
            _Reversible(
                self.ctx,
                f"Add action item for {name}",
                lambda: snapshots.append(services.meetings.delete_action(action)),
                lambda: services.meetings.restore_action(snapshots.pop()),  # type: ignore[arg-type]
            )
        )
        self.ctx.notify("meetings")
        return f"Added an action item with {name}"
