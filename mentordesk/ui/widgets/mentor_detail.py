"""The detail panel of the mentors tab: the person, the relationship, the agreement with its
drift flags, the appreciation log and a summary strip. Every user text is plain text."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.enums import FocusArea, RelStatus
from mentordesk.services.people_request import cadence_label
from mentordesk.services.people_rows import PersonDetail, RelationshipDetail
from mentordesk.ui import i18n
from mentordesk.ui.i18n import QT_TRANSLATE_NOOP
from mentordesk.ui.theme import AMBER, GREEN
from mentordesk.ui.widgets.labels import LinkLabel, muted, plain
from mentordesk.ui.widgets.mentor_summary import SummaryStrip

# The panel's buttons per status: (action, label). Edit and Delete are always there. Labels are
# translated when the buttons are made (MentorDetail context).
STATUS_ACTIONS: dict[RelStatus | None, tuple[tuple[str, str], ...]] = {
    None: (("make_prospect", QT_TRANSLATE_NOOP("MentorDetail", "Make a prospect")),),
    RelStatus.PROSPECT: (
        ("draft", QT_TRANSLATE_NOOP("MentorDetail", "Draft a request…")),
        ("mark_asked", QT_TRANSLATE_NOOP("MentorDetail", "Mark as asked")),
    ),
    RelStatus.ASKED: (
        ("accept", QT_TRANSLATE_NOOP("MentorDetail", "Accepted")),
        ("decline", QT_TRANSLATE_NOOP("MentorDetail", "Declined")),
        ("draft", QT_TRANSLATE_NOOP("MentorDetail", "Draft a request…")),
    ),
    RelStatus.ACTIVE: (
        ("thank", QT_TRANSLATE_NOOP("MentorDetail", "Log appreciation…")),
        ("pause", QT_TRANSLATE_NOOP("MentorDetail", "Pause")),
        ("end", QT_TRANSLATE_NOOP("MentorDetail", "End")),
    ),
    RelStatus.PAUSED: (
        ("resume", QT_TRANSLATE_NOOP("MentorDetail", "Resume")),
        ("end", QT_TRANSLATE_NOOP("MentorDetail", "End")),
    ),
    RelStatus.ENDED: (("resume", QT_TRANSLATE_NOOP("MentorDetail", "Restart")),),
    RelStatus.DECLINED: (("reprospect", QT_TRANSLATE_NOOP("MentorDetail", "Back to prospect")),),
}

# Flags the panel sets on each of its rows, combined once: each `|` on a Qt flag, and each
# member read, is a call into Python's enum code.
_TOP = Qt.AlignmentFlag.AlignTop
_CAPTION = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
_VALUE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
_WIDE, _PREFERRED = QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred

NUDGE = QT_TRANSLATE_NOOP(
    "MentorDetail",
    "No appreciation logged in 90 days. A short thank-you, or news of how their advice worked "
    "out, keeps the relationship warm.",
)


def _or_dash(text: str | None) -> str:
    return text.strip() if text and text.strip() else "—"


def _heading(text: str) -> QLabel:
    label = plain(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    label.setContentsMargins(0, 10, 0, 2)
    return label


class _Form(QGridLayout):
    """Caption / value rows; values start at the top of their row and wrap."""

    def __init__(self) -> None:
        super().__init__()
        self.setHorizontalSpacing(12)
        self.setVerticalSpacing(4)
        self.setColumnStretch(1, 1)

    def addRow(self, caption: QWidget | str, field: QWidget) -> None:  # noqa: N802 (QFormLayout's name)
        label = plain(caption) if isinstance(caption, str) else caption
        row = self.rowCount()
        self.addWidget(label, row, 0, _CAPTION)
        self.addWidget(field, row, 1, _TOP)


def _form() -> _Form:
    return _Form()


def _value(text: str | None, *, selectable: bool) -> QLabel:
    label = plain(_or_dash(text), wrap=True, selectable=selectable)
    label.setSizePolicy(_WIDE, _PREFERRED)
    label.setAlignment(_VALUE)  # level with its caption
    return label


def _coloured(text: str, colour: str) -> QLabel:
    label = plain(text, wrap=True)
    label.setStyleSheet(f"color: {colour};")
    return label


class MentorDetail(QScrollArea):
    """Shows one relationship or one contact; asks the tab to act through ``actionRequested``."""

    actionRequested = Signal(str)
    removeAppreciationRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(self.tr("Relationship details"))
        self.buttons: dict[str, QPushButton] = {}
        self.profile_button: LinkLabel | None = None
        self.drift_labels: list[QLabel] = []
        self.nudge_label: QLabel | None = None
        self.summary: SummaryStrip | None = None
        self.history_label: QLabel | None = None
        self.values: dict[str, QLabel] = {}
        self._texts: list[QLabel] = []  # what can be selected and copied: the name and the values
        self.clear()

    # -- building -----------------------------------------------------------------------------
    def _start(self) -> QVBoxLayout:
        """A new content for the panel, shown by :meth:`_finish` once it is filled."""
        content = QWidget()
        content.setObjectName("detailContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(4)
        self._content = content  # held until shown (Python would delete it, and its children)
        self._on_screen = self.window().isVisible()  # values selectable at once (allow_selection)
        if not self._on_screen:
            self.setWidget(content)  # nothing is drawn before the window shows: fill it in place
        self.buttons = {}
        self.values = {}
        self.drift_labels = []
        self.nudge_label = None
        self.summary = None
        self.profile_button = None
        self.history_label = None
        self._texts = []
        return layout

    def _finish(self) -> None:
        """Show the content filled, so that it is never drawn half-built. Filled in place in a
        window on screen, each label was shown on its own and the scroll area sized the content
        while it was empty: the next frame showed it squeezed. (Before the window first shows,
        nothing is drawn, and filling in place lays it out once, with the window.)"""
        if self.widget() is not self._content:
            self.setWidget(self._content)

    def _text(self, text: str | None) -> QLabel:
        """A value the person can select and copy (once the window is on screen: see
        :meth:`allow_selection`)."""
        label = _value(text, selectable=self._on_screen)
        self._texts.append(label)
        return label

    def allow_selection(self) -> None:
        """Let the values shown before the window was first drawn be selected. A selectable label
        keeps a text document of its own to lay its text out (the same picture): made before the
        first frame, the panel's 40-odd values cost some 6 ms of the start."""
        for label in self._texts:
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def clear(self, message: str = "") -> None:
        layout = self._start()
        hint = plain(message or self.tr("Select a relationship to see its details."), wrap=True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        muted(hint)
        layout.addStretch(1)
        layout.addWidget(hint)
        layout.addStretch(2)
        self._finish()

    def _header(
        self, layout: QVBoxLayout, person: PersonDetail, subtitle: str, status: RelStatus | None
    ) -> None:
        self.name_label = plain(person.name, wrap=True, selectable=self._on_screen)
        self._texts.append(self.name_label)
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name_label.setFont(font)
        top = QHBoxLayout()
        top.addWidget(self.name_label, 1)
        top_actions: tuple[tuple[str, str], ...] = (
            ("edit", QT_TRANSLATE_NOOP("MentorDetail", "Edit…")),
            ("delete", QT_TRANSLATE_NOOP("MentorDetail", "Delete…")),
        )
        if status is not None:
            top_actions = (("status", QT_TRANSLATE_NOOP("MentorDetail", "Status…")), *top_actions)
        for action, label in top_actions:
            top.addWidget(self._button(action, label), 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        parts = [p for p in (person.title, person.organization) if p]
        job = "".join(parts)
        if len(parts) == 2:
            job = self.tr("{title} at {organization}").format(title=parts[0], organization=parts[1])
        if job:
            layout.addWidget(plain(job, wrap=True))
        self.subtitle_label = plain(subtitle, wrap=True)
        layout.addWidget(self.subtitle_label)
        row = QHBoxLayout()
        row.setSpacing(6)
        for action, label in STATUS_ACTIONS[status]:
            row.addWidget(self._button(action, label))
        row.addStretch(1)
        layout.addSpacing(6)
        layout.addLayout(row)

    def _button(self, action: str, label: str) -> QPushButton:
        button = QPushButton(self.tr(label))
        button.setObjectName(f"action_{action}")
        button.clicked.connect(lambda _c=False, a=action: self.actionRequested.emit(a))
        self.buttons[action] = button
        return button

    def _person(self, layout: QVBoxLayout, p: PersonDetail) -> None:
        layout.addWidget(_heading(self.tr("Person")))
        form = _form()
        self._row(form, QT_TRANSLATE_NOOP("MentorDetail", "Email"), p.email)
        self._row(form, QT_TRANSLATE_NOOP("MentorDetail", "Phone"), p.phone)
        if p.other_contacts:
            also = "\n".join(o.value for o in p.other_contacts)
            self._row(form, QT_TRANSLATE_NOOP("MentorDetail", "Also"), also)
        self._row(form, QT_TRANSLATE_NOOP("MentorDetail", "Organization"), p.organization)
        self._row(form, QT_TRANSLATE_NOOP("MentorDetail", "Title"), p.title)
        if p.profile_url:
            shown = p.profile_url if len(p.profile_url) <= 60 else p.profile_url[:57] + "…"
            self.profile_button = LinkLabel(shown)
            self.profile_button.setToolTip(self.tr("Open the profile in your web browser"))
            self.profile_button.clicked.connect(lambda url=p.profile_url: self.open_profile(url))
            form.addRow(muted(plain(self.tr("Profile"))), self.profile_button)
        else:
            self._row(form, QT_TRANSLATE_NOOP("MentorDetail", "Profile"), "")
        self._row(form, QT_TRANSLATE_NOOP("MentorDetail", "How we met"), p.how_met)
        self._row(form, QT_TRANSLATE_NOOP("MentorDetail", "Where we met"), p.where_met)
        self._row(form, QT_TRANSLATE_NOOP("MentorDetail", "Source"), i18n.label(p.source))
        if p.connected_on:
            self._row(form, QT_TRANSLATE_NOOP("MentorDetail", "Connected on"), p.connected_on.isoformat())
        self._row(form, QT_TRANSLATE_NOOP("MentorDetail", "Tags"), ", ".join(p.tags))
        self._row(form, QT_TRANSLATE_NOOP("MentorDetail", "Notes"), p.notes)
        layout.addLayout(form)

    def _row(self, form: _Form, label: str, text: str | None) -> QLabel:
        value = self._text(text)
        self.values[label] = value
        caption = plain(self.tr(label))
        muted(caption)
        form.addRow(caption, value)
        return value

    @staticmethod
    def open_profile(url: str) -> bool:
        """Open a profile in the browser (only web addresses; only when the user clicks)."""
        from PySide6.QtCore import QUrl

        qurl = QUrl(url)
        if qurl.scheme().lower() not in ("http", "https"):
            return False
        return QDesktopServices.openUrl(qurl)

    # -- showing --------------------------------------------------------------------------------
    def show_contact(self, p: PersonDetail) -> None:
        layout = self._start()
        self._header(layout, p, self.tr("Contact: not a relationship yet"), None)
        self._person(layout, p)
        layout.addStretch(1)
        self._finish()

    def show_relationship(self, d: RelationshipDetail) -> None:
        layout = self._start()
        subtitle = f"{i18n.label(d.status)} · {i18n.label(d.role)} · {i18n.label(d.kind)}"
        self._header(layout, d.person, subtitle, d.status)
        self.summary = SummaryStrip(d)
        layout.addSpacing(8)
        layout.addWidget(self.summary)
        self._person(layout, d.person)

        layout.addWidget(_heading(self.tr("Relationship")))
        form = _form()
        steps = [f"{i18n.label(s.status)} {s.on.isoformat()}" for s in d.history]
        self._row(form, QT_TRANSLATE_NOOP("MentorDetail", "My role"), i18n.label(d.role))
        self._row(form, QT_TRANSLATE_NOOP("MentorDetail", "Kind"), i18n.label(d.kind))
        self.history_label = self._row(
            form, QT_TRANSLATE_NOOP("MentorDetail", "Status"), "  →  ".join(steps) or i18n.label(d.status)
        )
        self._row(
            form,
            QT_TRANSLATE_NOOP("MentorDetail", "Started"),
            d.started_on.isoformat() if d.started_on else "",
        )
        if d.ended_on or d.status == RelStatus.ENDED:
            self._row(
                form, QT_TRANSLATE_NOOP("MentorDetail", "Ended"), d.ended_on.isoformat() if d.ended_on else ""
            )
        if d.request_sent_on:
            self._row(form, QT_TRANSLATE_NOOP("MentorDetail", "Request sent"), d.request_sent_on.isoformat())
        self._row(form, QT_TRANSLATE_NOOP("MentorDetail", "Cadence"), cadence_label(d.cadence_days))
        focus = []
        for value in d.focus_areas:
            try:
                focus.append(i18n.label(FocusArea(value)))
            except ValueError:
                focus.append(value)
        self._row(form, QT_TRANSLATE_NOOP("MentorDetail", "Focus areas"), ", ".join(focus))
        layout.addLayout(form)

        layout.addWidget(_heading(self.tr("Agreement")))
        form = _form()
        self._row(form, QT_TRANSLATE_NOOP("MentorDetail", "I hope to get"), d.hopes)
        self._row(form, QT_TRANSLATE_NOOP("MentorDetail", "We agreed on"), d.agreed_topics)
        self._row(form, QT_TRANSLATE_NOOP("MentorDetail", "Boundaries"), d.boundaries)
        self._row(form, QT_TRANSLATE_NOOP("MentorDetail", "Time budget"), d.time_budget)
        self._row(
            form,
            QT_TRANSLATE_NOOP("MentorDetail", "Channel"),
            i18n.label(d.preferred_channel) if d.preferred_channel else "",
        )
        self._row(
            form,
            QT_TRANSLATE_NOOP("MentorDetail", "Next review"),
            d.review_on.isoformat() if d.review_on else "",
        )
        layout.addLayout(form)
        for flag in d.drift:
            label = _coloured(f"⚠ {flag}", AMBER.name())
            label.setObjectName("driftFlag")
            self.drift_labels.append(label)
            layout.addWidget(label)
        if d.status == RelStatus.ACTIVE and not d.drift:
            layout.addWidget(_coloured(self.tr("✓ Keeping to the agreement"), GREEN.name()))

        self._appreciation(layout, d)
        layout.addStretch(1)
        self._finish()

    def _appreciation(self, layout: QVBoxLayout, d: RelationshipDetail) -> None:
        layout.addWidget(_heading(self.tr("Appreciation")))
        if d.appreciation_nudge:
            self.nudge_label = _coloured(self.tr(NUDGE), AMBER.name())
            self.nudge_label.setObjectName("appreciationNudge")
            layout.addWidget(self.nudge_label)
        if not d.appreciations:
            empty = plain(self.tr("Nothing logged yet: thank-you notes and gestures appear here."), wrap=True)
            muted(empty)
            layout.addWidget(empty)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(2, 1)
        for i, entry in enumerate(d.appreciations):
            when = plain(entry.on.isoformat())
            muted(when)
            grid.addWidget(when, i, 0, _TOP)
            grid.addWidget(plain(i18n.label(entry.kind)), i, 1, _TOP)
            grid.addWidget(self._text(entry.text), i, 2)
            remove = QPushButton(self.tr("Remove"))
            remove.setFlat(True)
            remove.setObjectName(f"removeAppreciation_{entry.id}")
            remove.setAccessibleName(self.tr("Remove the entry of {date}").format(date=entry.on.isoformat()))
            remove.clicked.connect(lambda _c=False, a=entry.id: self.removeAppreciationRequested.emit(a))
            grid.addWidget(remove, i, 3, _TOP)
        layout.addLayout(grid)
