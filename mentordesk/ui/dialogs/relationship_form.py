"""Add or edit a relationship (or a contact): the person, the relationship and the agreement.

The dialog does not write anything itself: ``submit`` (given by the tab) calls the service.
When the service refuses a value, its message appears in red under that field and the dialog
stays open with everything the user typed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.enums import Channel, FocusArea, Kind, RelStatus, Role, Source
from mentordesk.services.errors import ValidationError
from mentordesk.services.people_forms import NewRelationship
from mentordesk.ui import i18n
from mentordesk.ui.a11y import label_fields
from mentordesk.ui.i18n import QT_TRANSLATE_NOOP
from mentordesk.ui.widgets.mentor_fields import CadenceEdit, ErrorLabel, FieldBox, OptionalDateEdit

Submit = Callable[[NewRelationship], object]

# Statuses a new relationship may start in.
NEW_STATUSES = (RelStatus.ACTIVE, RelStatus.PROSPECT, RelStatus.ASKED, RelStatus.PAUSED)


def _combo(items: list[tuple[str, object]], name: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for label, value in items:
        combo.addItem(label, value)
    return combo


def _text(lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    return edit


class RelationshipDialog(QDialog):
    """``mode`` is "add", "edit" (an existing relationship) or "contact" (a person only)."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        submit: Submit,
        values: NewRelationship | None = None,
        mode: str = "add",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("RelationshipDialog")
        self._submit = submit
        self.mode = mode
        self.setWindowTitle(
            {
                "add": self.tr("New relationship"),
                "edit": self.tr("Edit relationship"),
                "contact": self.tr("Edit contact"),
            }[mode]
        )
        self.boxes: dict[str, FieldBox] = {}
        self.general_error = ErrorLabel()

        # Person
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("First and last name"))
        self.email_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.organization_edit = QLineEdit()
        self.title_edit = QLineEdit()
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText(self.tr("https://www.linkedin.com/in/…"))
        self.source_combo = _combo([(i18n.label(s), s.value) for s in Source], self.tr("Source"))
        self.how_met_edit = _text(2)
        self.where_met_edit = QLineEdit()
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("Comma-separated, e.g. leadership, design"))
        self.notes_edit = _text(4)
        person = QFormLayout()
        for label, key, widget in (
            (self.tr("&Name"), "name", self.name_edit),
            (self.tr("&Email"), "email", self.email_edit),
            (self.tr("&Phone"), "phone", self.phone_edit),
            (self.tr("&Organization"), "organization", self.organization_edit),
            (self.tr("&Title"), "title", self.title_edit),
            (self.tr("Profile &URL"), "profile_url", self.url_edit),
            (self.tr("&Source"), "source", self.source_combo),
            (self.tr("How we &met"), "how_met", self.how_met_edit),
            (self.tr("Where we met"), "where_met", self.where_met_edit),
            (self.tr("Ta&gs"), "tags", self.tags_edit),
            (self.tr("N&otes"), "notes", self.notes_edit),
        ):
            person.addRow(label, self._box(key, widget))

        # Relationship
        self.role_combo = _combo([(i18n.label(r), r.value) for r in Role], self.tr("My role"))
        self.kind_combo = _combo([(i18n.label(k), k.value) for k in Kind], self.tr("Kind"))
        self.status_combo = _combo([(i18n.label(s), s.value) for s in NEW_STATUSES], self.tr("Status"))
        self.cadence_edit = CadenceEdit()
        self.started_edit = OptionalDateEdit(self.tr("Start date"))
        self.ended_edit = OptionalDateEdit(self.tr("End date"))
        focus = QWidget()
        grid = QGridLayout(focus)
        grid.setContentsMargins(0, 0, 0, 0)
        self.focus_checks: dict[str, QCheckBox] = {}
        for i, area in enumerate(FocusArea):
            check = QCheckBox(i18n.label(area))
            self.focus_checks[area.value] = check
            grid.addWidget(check, i // 2, i % 2)
        relationship = QFormLayout()
        relationship.addRow(self.tr("My &role"), self._box("role", self.role_combo))
        relationship.addRow(self.tr("&Kind"), self._box("kind", self.kind_combo))
        if mode == "add":
            relationship.addRow(self.tr("St&atus"), self._box("status", self.status_combo))
        relationship.addRow(self.tr("&Cadence"), self._box("cadence_days", self.cadence_edit))
        relationship.addRow(self.tr("Start date"), self._box("started_on", self.started_edit))
        relationship.addRow(self.tr("End date"), self._box("ended_on", self.ended_edit))
        relationship.addRow(self.tr("&Focus areas"), self._box("focus_areas", focus))

        # Agreement
        self.hopes_edit = _text(3)
        self.hopes_edit.setPlaceholderText(self.tr("What I hope to get from this relationship"))
        self.agreed_edit = _text(3)
        self.agreed_edit.setPlaceholderText(self.tr("What we agreed to work on"))
        self.boundaries_edit = _text(2)
        self.boundaries_edit.setPlaceholderText(self.tr("e.g. no weekend messages; reschedule a day ahead"))
        self.time_budget_edit = QLineEdit()
        self.time_budget_edit.setPlaceholderText(self.tr("e.g. one hour a month"))
        self.channel_combo = _combo(
            [(self.tr("No preference"), None), *((i18n.label(c), c.value) for c in Channel)],
            self.tr("Channel"),
        )
        self.review_edit = OptionalDateEdit(self.tr("Next review"))
        agreement = QFormLayout()
        agreement.addRow(self.tr("What I &hope to get"), self._box("hopes", self.hopes_edit))
        agreement.addRow(self.tr("What we a&greed"), self._box("agreed_topics", self.agreed_edit))
        agreement.addRow(self.tr("&Boundaries"), self._box("boundaries", self.boundaries_edit))
        agreement.addRow(self.tr("T&ime budget"), self._box("time_budget", self.time_budget_edit))
        agreement.addRow(self.tr("Preferred c&hannel"), self._box("preferred_channel", self.channel_combo))
        agreement.addRow(self.tr("Next re&view"), self._box("review_on", self.review_edit))
        for form in (person, relationship, agreement):
            label_fields(form)

        self.pages = QTabWidget()
        self._page_of: dict[str, int] = {}
        for title, form in (
            (QT_TRANSLATE_NOOP("RelationshipDialog", "Person"), person),
            (QT_TRANSLATE_NOOP("RelationshipDialog", "Relationship"), relationship),
            (QT_TRANSLATE_NOOP("RelationshipDialog", "Agreement"), agreement),
        ):
            if mode == "contact" and title != "Person":
                continue
            page = QWidget()
            page.setLayout(form)
            index = self.pages.addTab(page, self.tr(title))
            for key, box in self.boxes.items():
                if box.parent() is page or page.isAncestorOf(box):
                    self._page_of[key] = index

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        if mode == "add":
            save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
            save.setText(self.tr("Add"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.general_error)
        layout.addWidget(self.pages)
        layout.addWidget(self.buttons)
        self.resize(560, 560)

        self.set_values(values or NewRelationship(name=""))
        self.name_edit.setFocus()

    def _box(self, key: str, widget: QWidget) -> FieldBox:
        box = FieldBox(widget)
        self.boxes[key] = box
        return box

    # -- values -------------------------------------------------------------------------------
    def set_values(self, v: NewRelationship) -> None:
        self.name_edit.setText(v.name)
        self.email_edit.setText(v.email)
        self.phone_edit.setText(v.phone)
        self.organization_edit.setText(v.organization)
        self.title_edit.setText(v.title)
        self.url_edit.setText(v.profile_url)
        self.source_combo.setCurrentIndex(max(0, self.source_combo.findData(str(v.source))))
        self.how_met_edit.setPlainText(v.how_met)
        self.where_met_edit.setText(v.where_met)
        self.tags_edit.setText(", ".join(v.tags))
        self.notes_edit.setPlainText(v.notes)
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(str(v.role))))
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(str(v.kind))))
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(str(v.status))))
        self.cadence_edit.set_days(v.cadence_days)
        self.started_edit.set_value(v.started_on)
        self.ended_edit.set_value(v.ended_on)
        for value, check in self.focus_checks.items():
            check.setChecked(value in v.focus_areas)
        self.hopes_edit.setPlainText(v.hopes)
        self.agreed_edit.setPlainText(v.agreed_topics)
        self.boundaries_edit.setPlainText(v.boundaries)
        self.time_budget_edit.setText(v.time_budget)
        channel = str(v.preferred_channel) if v.preferred_channel else None
        self.channel_combo.setCurrentIndex(max(0, self.channel_combo.findData(channel)))
        self.review_edit.set_value(v.review_on)

    def values(self) -> NewRelationship:
        return NewRelationship(
            name=self.name_edit.text(),
            email=self.email_edit.text(),
            phone=self.phone_edit.text(),
            organization=self.organization_edit.text(),
            title=self.title_edit.text(),
            profile_url=self.url_edit.text(),
            source=str(self.source_combo.currentData()),
            how_met=self.how_met_edit.toPlainText(),
            where_met=self.where_met_edit.text(),
            tags=[t.strip() for t in self.tags_edit.text().split(",") if t.strip()],
            notes=self.notes_edit.toPlainText(),
            role=str(self.role_combo.currentData()),
            kind=str(self.kind_combo.currentData()),
            status=str(self.status_combo.currentData()),
            cadence_days=self.cadence_edit.days(),
            started_on=self.started_edit.value(),
            ended_on=self.ended_edit.value(),
            focus_areas=[value for value, check in self.focus_checks.items() if check.isChecked()],
            hopes=self.hopes_edit.toPlainText(),
            agreed_topics=self.agreed_edit.toPlainText(),
            boundaries=self.boundaries_edit.toPlainText(),
            time_budget=self.time_budget_edit.text(),
            preferred_channel=self.channel_combo.currentData(),
            review_on=self.review_edit.value(),
        )

    # -- saving -------------------------------------------------------------------------------
    def clear_errors(self) -> None:
        self.general_error.show_message("")
        for box in self.boxes.values():
            box.error.show_message("")

    def show_error(self, field: str | None, message: str) -> None:
        box = self.boxes.get(field or "")
        if box is None:
            self.general_error.show_message(message)
            return
        box.error.show_message(message)
        if field in self._page_of:
            self.pages.setCurrentIndex(self._page_of[field])
        box.field.setFocus()

    def accept(self) -> None:
        self.clear_errors()
        try:
            self._submit(self.values())
        except ValidationError as exc:
            self.show_error(exc.field, exc.message)
            return
        super().accept()
