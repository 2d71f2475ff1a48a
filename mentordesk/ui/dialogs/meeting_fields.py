"""Form pieces the meeting dialogs share: a person picker with completion, error labels, times."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTime
from PySide6.QtWidgets import QComboBox, QCompleter, QDateEdit, QLabel, QWidget

from mentordesk.domain.enums import Channel, RelStatus
from mentordesk.services.errors import MentorDeskError, ValidationError
from mentordesk.services.meetings import RelationshipChoice
from mentordesk.ui import i18n
from mentordesk.ui.theme import RED


def local_datetime(day: QDate, at: QTime) -> datetime:
    """A date and wall-clock time from the form as an aware datetime in the local zone."""
    return datetime.combine(
        date(day.year(), day.month(), day.day()), time(at.hour(), at.minute())
    ).astimezone()


DATE_FORMAT = "ddd d MMM yyyy"


def date_edit(value: QDate, name: str) -> QDateEdit:
    """A date field that shows the weekday and the month name, with a calendar to pick from."""
    edit = QDateEdit(value)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.setAccessibleName(name)
    return edit


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def to_qtime(moment: datetime) -> QTime:
    local = moment.astimezone()
    return QTime(local.hour, local.minute)


class PersonPicker(QComboBox):
    """An editable list of relationships: type part of a name, pick it with the arrow keys or Enter."""

    def __init__(self, choices: list[RelationshipChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setAccessibleName(self.tr("Person"))
        self.setMinimumContentsLength(22)
        names = [c.person.casefold() for c in choices]
        for c in choices:
            label = c.person
            if names.count(c.person.casefold()) > 1 or c.status not in (RelStatus.ACTIVE, RelStatus.PAUSED):
                label = f"{c.person} ({i18n.label(c.status).lower()})"
            self.addItem(label, c.id)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.setCurrentIndex(-1)
        edit = self.lineEdit()
        if edit is not None:
            edit.setPlaceholderText(self.tr("Type a name…"))

    def set_relationship(self, relationship_id: int | None) -> None:
        index = self.findData(relationship_id) if relationship_id is not None else -1
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")

    def relationship_id(self, *, allow_empty: bool = False) -> int | None:
        """The chosen relationship; raises ValidationError when the text names none of them."""
        text = self.currentText().strip()
        if not text:
            if allow_empty:
                return None
            raise ValidationError(self.tr("Choose who the meeting is with"), field="relationship")
        wanted = text.casefold()
        labels = [(self.itemText(i), self.itemData(i)) for i in range(self.count())]
        exact = [rid for label, rid in labels if label.casefold() == wanted]
        if not exact:
            exact = [rid for label, rid in labels if label.casefold().split(" (")[0] == wanted]
        if len(exact) == 1:
            return int(exact[0])
        partial = [rid for label, rid in labels if wanted in label.casefold()]
        if len(partial) == 1:
            return int(partial[0])
        if len(partial) > 1 or len(exact) > 1:
            raise ValidationError(
                self.tr("More than one person matches “{text}”: pick one from the list").format(text=text),
                field="relationship",
            )
        raise ValidationError(
            self.tr("No relationship with “{text}”: pick a name from the list").format(text=text),
            field="relationship",
        )


def channel_combo(current: Channel | None = None) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(QCoreApplication.translate("MeetingFields", "Channel"))
    combo.addItem("—", None)
    for ch in Channel:
        combo.addItem(i18n.label(ch), ch.value)
    combo.setCurrentIndex(max(0, combo.findData(current.value if current else None)))
    return combo


def rating_combo(current: int | None = None) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(QCoreApplication.translate("MeetingFields", "How useful was it"))
    combo.addItem(QCoreApplication.translate("MeetingFields", "Not rated"), None)
    for value, words in (
        (1, QCoreApplication.translate("MeetingFields", "not useful")),
        (2, QCoreApplication.translate("MeetingFields", "a little useful")),
        (3, QCoreApplication.translate("MeetingFields", "useful")),
        (4, QCoreApplication.translate("MeetingFields", "very useful")),
        (5, QCoreApplication.translate("MeetingFields", "excellent")),
    ):
        combo.addItem(f"{value} – {words}", value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def error_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {RED.name()};")
    label.hide()
    return label


class FormErrors:
    """Error labels by field name; a message for an unknown field goes to the general one."""

    def __init__(self, general: QLabel) -> None:
        self.general = general
        self.labels: dict[str, QLabel] = {}

    def add(self, field: str) -> QLabel:
        label = error_label()
        self.labels[field] = label
        return label

    def clear(self) -> None:
        for label in (*self.labels.values(), self.general):
            label.clear()
            label.hide()

    def show(self, exc: MentorDeskError) -> None:
        self.clear()
        label = self.labels.get(exc.field or "", self.general)
        label.setText(str(exc))
        label.show()

    def text(self, field: str | None = None) -> str:
        label = self.labels.get(field or "", self.general)
        return label.text() if not label.isHidden() else ""
