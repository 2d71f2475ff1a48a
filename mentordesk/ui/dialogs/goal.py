"""The goal editor: what the goal is, its dates, who helps, how progress is kept, its milestones."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.enums import GoalCategory, GoalStatus, ProgressMode, Role
from mentordesk.services.errors import ValidationError
from mentordesk.services.goals_types import GoalInput, GoalRow, RelationshipOption
from mentordesk.ui import i18n
from mentordesk.ui.a11y import label_fields
from mentordesk.ui.dialogs.goal_form import (
    ErrorLabel,
    FieldErrors,
    date_edit,
    from_qdate,
    submit_confirmed,
    with_error,
)
from mentordesk.ui.dialogs.goal_milestones import MilestoneTable
from mentordesk.ui.i18n import QT_TRANSLATE_NOOP

Submit = Callable[[GoalInput, bool], object]

MODE_LABELS = {
    ProgressMode.MANUAL: QT_TRANSLATE_NOOP("GoalDialog", "Recorded by hand"),
    ProgressMode.MILESTONES: QT_TRANSLATE_NOOP("GoalDialog", "From the milestones (by weight)"),
}


class GoalDialog(QDialog):
    """Create (``goal=None``) or edit a goal. ``submit(input, confirm)`` saves; see goal_form."""

    def __init__(
        self,
        options: list[RelationshipOption],
        today: date,
        submit: Submit,
        goal: GoalRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit goal") if goal else self.tr("New goal"))
        self.setObjectName("goalDialog")
        self._submit = submit
        self.result_value: object = None
        self.errors = FieldErrors(ErrorLabel())

        self.title_edit = QLineEdit(goal.title if goal else "")
        self.title_edit.setPlaceholderText(self.tr("What do you want to achieve?"))
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.category_combo = QComboBox()
        for c in GoalCategory:
            self.category_combo.addItem(i18n.label(c), c.value)
        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName(self.tr("Status"))
        for st in GoalStatus:
            self.status_combo.addItem(i18n.label(st), st.value)
        self.start_edit = date_edit(goal.start_on if goal and goal.start_on else today, self.tr("Start date"))
        default_target = today + timedelta(days=91)
        self.target_edit = date_edit(
            goal.target_on if goal and goal.target_on else default_target, self.tr("Target date")
        )
        self.review_spin = QSpinBox()
        self.review_spin.setRange(0, 3660)
        self.review_spin.setSuffix(self.tr(" days"))
        self.review_spin.setValue(goal.review_every_days if goal else 30)
        self.review_spin.setAccessibleName(self.tr("Review every"))
        self.mode_combo = QComboBox()
        for mode, label in MODE_LABELS.items():
            self.mode_combo.addItem(self.tr(label), mode.value)
        self.helpers_list = QListWidget()
        self.helpers_list.setAccessibleName(self.tr("Mentors helping"))
        chosen = set(goal.relationship_ids) if goal else set()
        for opt in options:
            role = i18n.label(Role(opt.role)).lower() if opt.role in Role._value2member_map_ else opt.role
            item = QListWidgetItem(f"{opt.name} ({role})")
            item.setData(Qt.ItemDataRole.UserRole, opt.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if opt.id in chosen else Qt.CheckState.Unchecked)
            self.helpers_list.addItem(item)
        if not options:
            self.helpers_list.addItem(self.tr("Add a mentor in the Mentors tab to link them here"))
            self.helpers_list.setEnabled(False)
        self.description_edit = QPlainTextEdit(goal.description if goal else "")
        self.description_edit.setPlaceholderText(self.tr("Why it matters, what it involves"))
        self.description_edit.setTabChangesFocus(True)
        self.criteria_edit = QPlainTextEdit(goal.success_criteria if goal else "")
        self.criteria_edit.setPlaceholderText(self.tr("How you and your mentors will know it is done"))
        self.criteria_edit.setTabChangesFocus(True)
        self.milestones = MilestoneTable()
        if goal:
            self.milestones.set_milestones(goal.milestones)
            self.category_combo.setCurrentIndex(self.category_combo.findData(goal.category.value))
            self.status_combo.setCurrentIndex(self.status_combo.findData(goal.status.value))
            self.mode_combo.setCurrentIndex(self.mode_combo.findData(goal.progress_mode.value))
        else:
            self.status_combo.setCurrentIndex(self.status_combo.findData(GoalStatus.ACTIVE.value))

        self._layout()

    def _layout(self) -> None:
        e = self.errors
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("&Title"), with_error(self.title_edit, e.label("title")))
        kind = QHBoxLayout()
        kind.addWidget(self.category_combo, 1)
        kind.addSpacing(8)
        kind.addWidget(QLabel(self.tr("Status")))
        kind.addWidget(self.status_combo, 1)
        form.addRow(self.tr("&Category"), with_error(kind, e.label("category", "status")))
        dates = QHBoxLayout()
        dates.addWidget(self.start_edit, 1)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.target_edit, 1)
        form.addRow(self.tr("&Dates"), with_error(dates, e.label("start_on", "target_on")))
        form.addRow(self.tr("&Review every"), with_error(self.review_spin, e.label("review_every_days")))
        form.addRow(self.tr("&Progress"), with_error(self.mode_combo, e.label("progress_mode")))
        form.addRow(self.tr("&Mentors helping"), with_error(self.helpers_list, e.label("relationships")))
        self.helpers_list.setMinimumHeight(96)
        label_fields(form)
        self.description_edit.setMinimumHeight(60)
        self.criteria_edit.setMinimumHeight(60)

        texts = QFormLayout()
        texts.addRow(self.tr("D&escription"), with_error(self.description_edit, e.label("description")))
        texts.addRow(
            self.tr("&Success criteria"), with_error(self.criteria_edit, e.label("success_criteria"))
        )

        label_fields(texts)
        top = QGridLayout()
        top.addLayout(form, 0, 0)
        top.addLayout(texts, 0, 1)
        top.setColumnStretch(0, 1)
        top.setColumnStretch(1, 1)
        top.setHorizontalSpacing(18)

        box = QGroupBox(self.tr("Milestones"))
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.milestones)
        box_layout.addWidget(e.label("milestones", "due_on", "done_on", "weight"))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 3)
        layout.addWidget(box, 2)
        layout.addWidget(e.general)
        layout.addWidget(buttons)
        self.resize(860, 680)

    def value(self) -> GoalInput:
        """The form as input (raises ValidationError when a milestone row cannot be read)."""
        rel_ids = []
        for i in range(self.helpers_list.count()):
            item = self.helpers_list.item(i)
            if item.checkState() == Qt.CheckState.Checked and item.data(Qt.ItemDataRole.UserRole) is not None:
                rel_ids.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return GoalInput(
            title=self.title_edit.text(),
            description=self.description_edit.toPlainText(),
            category=str(self.category_combo.currentData()),
            status=str(self.status_combo.currentData()),
            start_on=from_qdate(self.start_edit.date()),
            target_on=from_qdate(self.target_edit.date()),
            success_criteria=self.criteria_edit.toPlainText(),
            progress_mode=str(self.mode_combo.currentData()),
            review_every_days=self.review_spin.value(),
            relationship_ids=rel_ids,
            milestones=self.milestones.milestones(),
        )

    def set_helpers(self, relationship_ids: list[int]) -> None:
        for i in range(self.helpers_list.count()):
            item = self.helpers_list.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in relationship_ids
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def accept(self) -> None:
        self.errors.clear()
        try:
            data = self.value()
        except ValidationError as exc:
            self.errors.show(exc)
            return
        done, result = submit_confirmed(self, lambda confirm: self._submit(data, confirm), self.errors)
        if done:
            self.result_value = result
            super().accept()
