"""The meeting form: plan a new meeting or edit one, with clash warnings and a suggested time."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.enums import MeetingStatus
from mentordesk.services.errors import MentorDeskError
from mentordesk.services.meetings import MeetingDetail, MeetingInput
from mentordesk.ui import i18n
from mentordesk.ui.context import AppContext
from mentordesk.ui.dialogs.meeting_commands import create_meeting, update_meeting
from mentordesk.ui.dialogs.meeting_fields import (
    FormErrors,
    PersonPicker,
    channel_combo,
    date_edit,
    error_label,
    local_datetime,
    rating_combo,
    to_qdate,
    to_qtime,
)
from mentordesk.ui.models.meetings import time_text
from mentordesk.ui.theme import AMBER


def _text_box(text: str, placeholder: str, height: int) -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(height)
    return box


class MeetingDialog(QDialog):
    """Create (``meeting`` None) or edit a meeting. ``accept()`` saves; a refused value stays on screen."""

    def __init__(
        self,
        ctx: AppContext,
        *,
        meeting: MeetingDetail | None = None,
        day: date | None = None,
        relationship_id: int | None = None,
        start: datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting = meeting
        self.saved_id: int | None = None
        self.overlap_names: list[str] = []
        row = meeting.row if meeting else None
        self.setWindowTitle(self.tr("Edit meeting") if meeting else self.tr("New meeting"))
        self.setMinimumWidth(520)

        self.errors = FormErrors(error_label())
        self.person = PersonPicker(ctx.services.meetings.relationship_choices())
        self.person.set_relationship(row.relationship_id if row else relationship_id)
        self.title_edit = QLineEdit(row.title if row else "")
        self.title_edit.setPlaceholderText(self.tr("Optional; names an event that is not with anyone yet"))
        self.title_edit.setMaxLength(300)

        now = ctx.services.meetings.current_time()
        if row is not None:
            first = row.start if not row.all_day else datetime.combine(row.day, time(10)).astimezone()
        elif start is not None:
            first = start
        else:
            first = datetime.combine(day or now.astimezone().date(), time(10)).astimezone()
        self.date_edit = date_edit(to_qdate(row.day if row else first.astimezone().date()), self.tr("Date"))
        self.time_edit = QTimeEdit(to_qtime(first))
        self.time_edit.setAccessibleName(self.tr("Start time"))
        self.all_day = QCheckBox(self.tr("All day"))
        self.all_day.setChecked(bool(row and row.all_day))
        self.all_day.toggled.connect(self._all_day_changed)
        self.suggest = QPushButton(self.tr("Suggest a time"))
        self.suggest.setToolTip(
            self.tr("The next date the cadence asks for, at the usual time, free of other meetings")
        )
        self.suggest.clicked.connect(self.suggest_time)
        self.duration = QSpinBox()
        self.duration.setRange(5, 24 * 60)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setAccessibleName(self.tr("Duration"))
        self.duration.setValue(min(row.duration_minutes, 24 * 60) if row and not row.all_day else 60)
        self.overlap = QLabel()
        self.overlap.setTextFormat(Qt.TextFormat.PlainText)
        self.overlap.setWordWrap(True)
        self.overlap.setStyleSheet(f"color: {AMBER.name()};")
        self.overlap.hide()

        self.channel = channel_combo(row.channel if row else None)
        self.location = QLineEdit(row.location if row else "")
        self.location.setPlaceholderText(self.tr("Address, room or video link"))
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        for st in MeetingStatus:
            self.status.addItem(i18n.label(st), st.value)
        self.status.setCurrentIndex(
            self.status.findData((row.status if row else MeetingStatus.PLANNED).value)
        )
        self.rating = rating_combo(row.rating if row else None)
        self.agenda = _text_box(row.agenda if row else "", self.tr("What to talk about"), 60)
        self.notes = _text_box(row.notes if row else "", self.tr("What was said, what you learned"), 80)
        self.goals = QListWidget()
        self.goals.setAccessibleName(self.tr("Goals discussed"))
        self.goals.setMaximumHeight(86)
        self._linked = {g.id for g in meeting.goals} if meeting else set()
        self._fill_goals()
        self.person.currentIndexChanged.connect(lambda _i: self._fill_goals())

        when = QHBoxLayout()
        for w in (self.date_edit, self.time_edit, self.all_day):
            when.addWidget(w)
        when.addStretch(1)
        when.addWidget(self.suggest)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&With:"), self.person)
        form.addRow("", self.errors.add("relationship"))
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow("", self.errors.add("title"))
        when_label = QLabel(self.tr("&When:"))
        when_label.setBuddy(self.date_edit)
        form.addRow(when_label, when)
        form.addRow("", self.errors.add("start"))
        form.addRow(self.tr("&Duration:"), self.duration)
        form.addRow("", self.errors.add("duration"))
        form.addRow("", self.overlap)
        form.addRow(self.tr("&Channel:"), self.channel)
        form.addRow("", self.errors.add("channel"))
        form.addRow(self.tr("W&here:"), self.location)
        form.addRow("", self.errors.add("location"))
        form.addRow(self.tr("&Status:"), self.status)
        form.addRow("", self.errors.add("status"))
        form.addRow(self.tr("&Rating:"), self.rating)
        form.addRow("", self.errors.add("rating"))
        form.addRow(self.tr("&Agenda:"), self.agenda)
        form.addRow(self.tr("&Notes:"), self.notes)
        form.addRow("", self.errors.add("notes"))
        form.addRow(self.tr("&Goals discussed:"), self.goals)
        form.addRow("", self.errors.add("goals"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)

        for signal in (self.date_edit.dateChanged, self.time_edit.timeChanged, self.duration.valueChanged):
            signal.connect(lambda *_a: self.check_overlaps())
        self._all_day_changed(self.all_day.isChecked())
        self.check_overlaps()
        (self.person if row is None and relationship_id is None else self.agenda).setFocus()

    # -- helpers ------------------------------------------------------------------------------
    def _fill_goals(self) -> None:
        try:
            rid = self.person.relationship_id(allow_empty=True)
        except MentorDeskError:
            rid = None
        checked = {
            int(self.goals.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.goals.count())
            if self.goals.item(i).checkState() == Qt.CheckState.Checked
        } | self._linked
        goals = {g.id: g.title for g in self.ctx.services.meetings.linked_goals(rid)}
        if self.meeting is not None:
            goals.update({g.id: g.title for g in self.meeting.goals})
        self.goals.clear()
        for gid, title in sorted(goals.items(), key=lambda kv: kv[1].casefold()):
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, gid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if gid in checked else Qt.CheckState.Unchecked)
            self.goals.addItem(item)
        if not goals:
            item = QListWidgetItem(self.tr("No goal is linked to this relationship"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.goals.addItem(item)

    def _all_day_changed(self, on: bool) -> None:
        self.time_edit.setEnabled(not on)
        self.duration.setEnabled(not on)
        self.check_overlaps()

    def start(self) -> datetime:
        at = QTime(0, 0) if self.all_day.isChecked() else self.time_edit.time()
        return local_datetime(self.date_edit.date(), at)

    def set_start(self, moment: datetime) -> None:
        local = moment.astimezone()
        self.date_edit.setDate(QDate(local.year, local.month, local.day))
        self.time_edit.setTime(QTime(local.hour, local.minute))

    def check_overlaps(self) -> list[str]:
        """Flag meetings that share time with this one (a warning: saving is still allowed)."""
        clashes = self.ctx.services.meetings.find_overlaps(
            self.start(),
            self.duration.value(),
            exclude_id=self.meeting.row.id if self.meeting else None,
            all_day=self.all_day.isChecked(),
        )
        self.overlap_names = [c.label for c in clashes]
        if clashes:
            parts = [f"{c.label} {time_text(c.start)}–{time_text(c.end)}" for c in clashes]
            self.overlap.setText(self.tr("Overlaps with {meetings}").format(meetings="; ".join(parts)))
            self.overlap.show()
        else:
            self.overlap.clear()
            self.overlap.hide()
        return self.overlap_names

    def suggest_time(self) -> None:
        try:
            rid = self.person.relationship_id()
            assert rid is not None
            proposed = self.ctx.services.meetings.propose_next(rid, duration_minutes=self.duration.value())
        except MentorDeskError as exc:
            self.errors.show(exc)
            return
        self.errors.clear()
        self.all_day.setChecked(False)
        self.set_start(proposed)

    def meeting_input(self) -> MeetingInput:
        title = self.title_edit.text()
        rid = self.person.relationship_id(allow_empty=bool(title.strip()))
        goal_ids = [
            int(self.goals.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.goals.count())
            if self.goals.item(i).checkState() == Qt.CheckState.Checked
        ]
        return MeetingInput(
            relationship_id=rid,
            start=self.start(),
            duration_minutes=1440 if self.all_day.isChecked() else self.duration.value(),
            all_day=self.all_day.isChecked(),
            title=title,
            channel=self.channel.currentData(),
            location=self.location.text(),
            agenda=self.agenda.toPlainText(),
            notes=self.notes.toPlainText(),
            rating=self.rating.currentData(),
            status=self.status.currentData(),
            goal_ids=goal_ids,
        )

    def accept(self) -> None:
        try:
            inp = self.meeting_input()
            if self.meeting is None:
                self.saved_id = create_meeting(self.ctx, inp)
            else:
                update_meeting(self.ctx, self.meeting.row.id, inp)
                self.saved_id = self.meeting.row.id
        except MentorDeskError as exc:
            self.errors.show(exc)
            return
        super().accept()


def default_start(now: datetime) -> datetime:
    """The next full hour from ``now``, local."""
    local = now.astimezone().replace(minute=0, second=0, microsecond=0)
    return local + timedelta(hours=1)
