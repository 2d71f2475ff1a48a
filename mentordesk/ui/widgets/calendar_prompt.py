"""The question a planned meeting asks once its time has passed: was it held?"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from mentordesk.domain.enums import MeetingStatus
from mentordesk.services.meetings import MeetingRow
from mentordesk.ui.models.meetings import day_text, time_text


class HeldPromptBar(QFrame):
    """Shows the first meeting waiting for an answer; each answer is asked for once."""

    answered = Signal(int, object)  # meeting id, MeetingStatus or None (leave it planned)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("heldPrompt")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#heldPrompt { background: palette(alternate-base); border: 1px solid palette(mid); border-radius: 4px; }"
        )
        self.pending: list[MeetingRow] = []
        self.question = QLabel()
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        self.question.setWordWrap(True)
        self.held_button = QPushButton(self.tr("Yes, held"))
        self.missed_button = QPushButton(self.tr("Missed"))
        self.cancelled_button = QPushButton(self.tr("Cancelled"))
        self.keep_button = QPushButton(self.tr("Keep as planned"))
        self.keep_button.setToolTip(self.tr("Leave it planned; it will not be asked about again"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 8, 6)
        layout.addWidget(self.question, 1)
        for button, status in (
            (self.held_button, MeetingStatus.HELD),
            (self.missed_button, MeetingStatus.MISSED),
            (self.cancelled_button, MeetingStatus.CANCELLED),
            (self.keep_button, None),
        ):
            layout.addWidget(button)
            button.clicked.connect(lambda _c=False, st=status: self._answer(st))
        self.hide()

    def set_pending(self, rows: list[MeetingRow]) -> None:
        self.pending = list(rows)
        if not self.pending:
            self.hide()
            return
        r = self.pending[0]
        if r.all_day:
            when = day_text(r.day)
        else:
            when = self.tr("{day} at {time}").format(day=day_text(r.day), time=time_text(r.start))
        more = ""
        if len(self.pending) > 1:
            more = "  " + self.tr("({count} more to answer)").format(count=len(self.pending) - 1)
        question = self.tr("Your meeting with {name} on {when} has passed. Was it held?")
        self.question.setText(question.format(name=r.label, when=when) + more)
        self.show()

    def current(self) -> MeetingRow | None:
        return self.pending[0] if self.pending else None

    def _answer(self, status: MeetingStatus | None) -> None:
        row = self.current()
        if row is not None:
            self.answered.emit(row.id, status)
