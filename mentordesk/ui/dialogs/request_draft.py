"""Draft a request to a hoped-for mentor: an editable message to copy into any mail or chat
program, and "Mark as sent", which records the request (status asked, today's date)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from mentordesk.domain.enums import RelStatus
from mentordesk.services.errors import MentorDeskError
from mentordesk.ui.i18n import QT_TRANSLATE_NOOP
from mentordesk.ui.widgets.labels import plain
from mentordesk.ui.widgets.mentor_fields import ErrorLabel

HINT = QT_TRANSLATE_NOOP(
    "RequestDraftDialog",
    "Edit the message until it sounds like you, copy it, and send it the way you usually reach "
    "this person. Then choose Mark as sent so MentorDesk remembers when you asked.",
)


class RequestDraftDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        *,
        name: str,
        text: str,
        status: RelStatus,
        mark_sent: Callable[[], object],
        copied: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("RequestDraftDialog")
        self.setWindowTitle(self.tr("Request to {name}").format(name=name))
        self._mark_sent = mark_sent
        self._copied = copied
        self.edit = QPlainTextEdit()
        self.edit.setPlainText(text)
        self.edit.setAccessibleName(self.tr("Request message"))
        self.edit.setTabChangesFocus(True)  # Tab moves on to the buttons instead of typing a tab
        self.error = ErrorLabel()
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setToolTip(self.tr("Copy the message to the clipboard"))
        self.copy_button.clicked.connect(self.copy)
        self.sent_button = QPushButton(self.tr("&Mark as sent"))
        self.sent_button.clicked.connect(self.mark_sent)
        if status != RelStatus.PROSPECT:
            self.sent_button.setEnabled(False)
            self.sent_button.setToolTip(self.tr("Only a prospect can be marked as asked"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.sent_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(plain(self.tr(HINT), wrap=True))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(640, 560)

    def text(self) -> str:
        return self.edit.toPlainText()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        if self._copied is not None:
            self._copied()

    def mark_sent(self) -> None:
        try:
            self._mark_sent()
        except MentorDeskError as exc:
            self.error.show_message(str(exc))
            return
        self.accept()
