"""The summary strip of a relationship: meetings this year, last and next meeting, open action
items, and the linked goals with their progress."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from mentordesk.domain.cadence import Overdue
from mentordesk.domain.enums import RelStatus
from mentordesk.services.people_rows import RelationshipDetail
from mentordesk.ui.theme import AMBER, RED
from mentordesk.ui.widgets.labels import muted, plain


def _tile(value: str, caption: str, colour: str | None = None) -> tuple[QWidget, QLabel]:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    number = plain(value)
    font = number.font()
    font.setPointSizeF(font.pointSizeF() * 1.05)
    font.setBold(True)
    number.setFont(font)
    if colour:
        number.setStyleSheet(f"color: {colour};")
    label = plain(caption, wrap=True)
    muted(label)
    layout.addWidget(number)
    layout.addWidget(label)
    return box, number


class SummaryStrip(QFrame):
    """Numbers at a glance; ``tiles`` maps a caption to its value label (for tests and screen readers)."""

    def __init__(self, d: RelationshipDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryStrip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.tiles: dict[str, QLabel] = {}
        self.goal_bars: dict[str, QProgressBar] = {}
        s = d.summary
        row = QGridLayout()
        row.setHorizontalSpacing(10)
        if s.next_meeting is not None:
            local = s.next_meeting.astimezone()
            nxt, nxt_caption, colour = (
                local.strftime("%Y-%m-%d"),
                self.tr("Next meeting, {time}").format(time=f"{local:%H:%M}"),
                None,
            )
        elif d.status == RelStatus.PAUSED:
            nxt, nxt_caption, colour = self.tr("Paused"), self.tr("Next check-in"), None
        else:
            due = s.next_due.isoformat() if s.next_due else "—"
            colour = {Overdue.OVERDUE: RED.name(), Overdue.DUE_SOON: AMBER.name()}.get(s.level)
            nxt, nxt_caption = (
                due,
                self.tr("Next check-in due")
                if s.level != Overdue.OVERDUE
                else self.tr("Check-in overdue since"),
            )
        for value, caption, tint in (
            (str(s.held_this_year), self.tr("Meetings this year"), None),
            (s.last_meeting.isoformat() if s.last_meeting else "—", self.tr("Last meeting"), None),
            (nxt, nxt_caption, colour),
            (str(s.open_actions), self.tr("Open action items"), None),
        ):
            tile, label = _tile(value, caption, tint)
            self.tiles[caption.split(",")[0]] = label
            row.addWidget(tile, 0, len(self.tiles) - 1, Qt.AlignmentFlag.AlignTop)
            row.setColumnStretch(len(self.tiles) - 1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(row)
        if not s.goals:
            none = plain(self.tr("No goal linked yet."))
            muted(none)
            layout.addWidget(none)
            return
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(0, 1)
        for i, goal in enumerate(s.goals):
            title = plain(goal.title, wrap=True)
            grid.addWidget(title, i, 0)
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setFixedWidth(130)
            bar.setMaximumHeight(16)
            bar.setAccessibleName(self.tr("Progress of {goal}").format(goal=goal.title))
            if goal.percent is None:
                bar.setValue(0)
                bar.setFormat(self.tr("no progress yet"))
            else:
                bar.setValue(round(goal.percent))
                bar.setFormat(f"{goal.percent:.0f}%")
            self.goal_bars[goal.title] = bar
            grid.addWidget(bar, i, 1)
        layout.addSpacing(4)
        layout.addLayout(grid)
