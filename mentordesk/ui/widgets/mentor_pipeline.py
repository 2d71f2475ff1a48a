"""Finding a mentor: prospects and the requests waiting for an answer, side by side."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from mentordesk.services.people_rows import Pipeline, RelationshipRow
from mentordesk.ui import i18n
from mentordesk.ui.widgets.labels import muted, plain

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _item(row: RelationshipRow, second: str) -> QListWidgetItem:
    first = row.name + (f" · {row.organization}" if row.organization else "")
    item = QListWidgetItem(f"{first}\n{second}")
    item.setData(ID_ROLE, row.id)
    return item


class MentorPipeline(QWidget):
    """Two stages: prospects (with where they came from) and asked (with when)."""

    relationshipSelected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prospects = QListWidget()
        self.prospects.setAccessibleName(self.tr("Prospects"))
        self.asked = QListWidget()
        self.asked.setAccessibleName(self.tr("Asked, waiting for an answer"))
        self.prospect_title = plain()
        self.asked_title = plain()
        columns = QHBoxLayout()
        for title, hint, lst in (
            (
                self.prospect_title,
                self.tr("People you might ask. Select one and choose Draft a request."),
                self.prospects,
            ),
            (
                self.asked_title,
                self.tr("Requests sent. Record the answer with Accepted or Declined."),
                self.asked,
            ),
        ):
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            lst.setAlternatingRowColors(True)
            lst.setWordWrap(True)
            lst.setSpacing(2)
            lst.currentItemChanged.connect(lambda cur, _prev: self._picked(cur))
            column = QVBoxLayout()
            column.addWidget(title)
            note = plain(hint, wrap=True)
            muted(note)
            column.addWidget(note)
            column.addWidget(lst, 1)
            columns.addLayout(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(columns)

    def set_pipeline(self, pipeline: Pipeline, today: date) -> None:
        for lst in (self.prospects, self.asked):
            lst.blockSignals(True)
            lst.clear()
        for row in pipeline.prospects:
            self.prospects.addItem(
                _item(row, self.tr("Source: {source}").format(source=i18n.label(row.source)))
            )
        for row in pipeline.asked:
            sent = row.request_sent_on or row.status_changed_on
            if sent is None:
                when = self.tr("asked")
            else:
                days = (today - sent).days
                if days == 0:
                    ago = self.tr("today")
                elif days == 1:
                    ago = self.tr("yesterday")
                else:
                    ago = self.tr("{days} days ago").format(days=days)
                when = self.tr("asked {date} ({ago})").format(date=sent.isoformat(), ago=ago)
            source = i18n.label(row.source)
            self.asked.addItem(
                _item(row, self.tr("{when} · Source: {source}").format(when=when, source=source))
            )
        for lst in (self.prospects, self.asked):
            lst.blockSignals(False)
        self.prospect_title.setText(self.tr("Prospects ({count})").format(count=len(pipeline.prospects)))
        self.asked_title.setText(self.tr("Asked ({count})").format(count=len(pipeline.asked)))

    def select(self, relationship_id: int) -> bool:
        for lst in (self.prospects, self.asked):
            for i in range(lst.count()):
                if lst.item(i).data(ID_ROLE) == relationship_id:
                    lst.setCurrentRow(i)
                    return True
        return False

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        other = self.asked if item.listWidget() is self.prospects else self.prospects
        other.blockSignals(True)
        other.clearSelection()
        other.setCurrentRow(-1)
        other.blockSignals(False)
        self.relationshipSelected.emit(int(item.data(ID_ROLE)))
