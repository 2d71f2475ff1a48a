"""Ctrl+K: search everything, results grouped by kind, Enter opens the item in its tab."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.search import HIGHLIGHT_END, HIGHLIGHT_START, KIND_LABELS, KINDS, SearchHit
from mentordesk.ui.context import AppContext
from mentordesk.ui.i18n import ENUM_CONTEXT, QT_TRANSLATE_NOOP

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
HEADER_ROLE = Qt.ItemDataRole.UserRole + 2
# Group headings, translated where they are shown; the singular kind labels come from the
# search service and are shown through the Enum context like the domain's labels.
KIND_PLURALS = {
    "person": QT_TRANSLATE_NOOP("SearchPalette", "People"),
    "relationship": QT_TRANSLATE_NOOP("SearchPalette", "Agreements"),
    "meeting": QT_TRANSLATE_NOOP("SearchPalette", "Meetings"),
    "action_item": QT_TRANSLATE_NOOP("SearchPalette", "Action items"),
    "goal": QT_TRANSLATE_NOOP("SearchPalette", "Goals"),
    "milestone": QT_TRANSLATE_NOOP("SearchPalette", "Milestones"),
    "appreciation": QT_TRANSLATE_NOOP("SearchPalette", "Appreciation"),
}


def snippet_runs(snippet: str) -> list[tuple[str, bool]]:
    """The snippet as (text, highlighted) runs; the text is never interpreted as markup."""
    runs: list[tuple[str, bool]] = []
    rest = snippet
    while rest:
        start = rest.find(HIGHLIGHT_START)
        if start < 0:
            runs.append((rest, False))
            break
        if start:
            runs.append((rest[:start], False))
        end = rest.find(HIGHLIGHT_END, start)
        end = len(rest) if end < 0 else end
        runs.append((rest[start + 1 : end], True))
        rest = rest[end + 1 :]
    return [r for r in runs if r[0]]


class HitDelegate(QStyledItemDelegate):
    """Two lines per hit: title and date, then the snippet with matches in bold."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        lines = 1 if index.data(HEADER_ROLE) else 2
        return QSize(0, QFontMetrics(option.font).height() * lines + 10)  # the view gives the width

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        painter.save()
        palette = option.palette  # type: ignore[attr-defined]
        rect: QRect = option.rect  # type: ignore[attr-defined]
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        if selected:
            painter.fillRect(rect, palette.highlight())
        text_color = palette.highlightedText().color() if selected else palette.text().color()
        font = QFont(option.font)  # type: ignore[attr-defined]
        metrics = QFontMetrics(font)
        x, y = rect.left() + 10, rect.top() + 5
        if index.data(HEADER_ROLE):
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(palette.placeholderText().color())
            painter.drawText(
                QRect(x - 4, y, rect.width(), metrics.height()),
                Qt.AlignmentFlag.AlignLeft,
                str(index.data(Qt.ItemDataRole.DisplayRole)),
            )
            painter.restore()
            return
        hit: SearchHit = index.data(HIT_ROLE)
        bold = QFont(font)
        bold.setBold(True)
        painter.setPen(text_color)
        painter.setFont(bold)
        title = QFontMetrics(bold).elidedText(hit.title, Qt.TextElideMode.ElideRight, rect.width() - 130)
        painter.drawText(QRect(x, y, rect.width() - 130, metrics.height()), Qt.AlignmentFlag.AlignLeft, title)
        if hit.day:
            painter.setFont(font)
            painter.drawText(
                QRect(rect.right() - 110, y, 100, metrics.height()),
                Qt.AlignmentFlag.AlignRight,
                hit.day.isoformat(),
            )
        y += metrics.height()
        limit = rect.right() - 10
        for text, strong in snippet_runs(hit.snippet):
            f = bold if strong else font
            m = QFontMetrics(f)
            painter.setFont(f)
            painter.setPen(text_color if strong or selected else palette.placeholderText().color())
            room = limit - x
            if room <= 0:
                break
            shown = m.elidedText(text, Qt.TextElideMode.ElideRight, room)
            painter.drawText(QRect(x, y, room, metrics.height()), Qt.AlignmentFlag.AlignLeft, shown)
            x += m.horizontalAdvance(shown)
        painter.restore()


class SearchPalette(QDialog):
    """A search box over grouped results. ``opened`` carries (kind, id) of the chosen item."""

    opened = Signal(str, int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Search"))
        self.setModal(False)
        self.resize(680, 460)
        self.query = QLineEdit()
        self.query.setPlaceholderText(
            self.tr('Search notes, meetings, goals and people — "a phrase" in quotes')
        )
        self.query.setClearButtonEnabled(True)
        self.query.setAccessibleName(self.tr("Search everything"))
        self.model = QStandardItemModel(self)
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setUniformItemSizes(False)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.activated.connect(self._open_index)
        self.status = QLabel(self.tr("Type to search everything you have written."))
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.query.installEventFilter(self)
        self.hits: list[SearchHit] = []

    def run_search(self) -> None:
        self._timer.stop()
        text = self.query.text()
        self.hits = self.ctx.services.search.search(text, limit=40) if text.strip() else []
        self.model.clear()
        by_kind: dict[str, list[SearchHit]] = {}
        for hit in self.hits:
            by_kind.setdefault(hit.kind, []).append(hit)
        for kind in sorted(by_kind, key=KINDS.index):
            header = QStandardItem(self.tr(KIND_PLURALS[kind]))
            header.setData(True, HEADER_ROLE)
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            self.model.appendRow(header)
            for hit in by_kind[kind]:
                kind_label = QCoreApplication.translate(ENUM_CONTEXT, KIND_LABELS[hit.kind])
                item = QStandardItem(f"{kind_label}: {hit.title}")
                item.setData(hit, HIT_ROLE)
                item.setData(f"{hit.title}. {hit.plain_snippet('', '')}", Qt.ItemDataRole.AccessibleTextRole)
                item.setEditable(False)
                self.model.appendRow(item)
        if not text.strip():
            self.status.setText(self.tr("Type to search everything you have written."))
        elif not self.hits:
            self.status.setText(self.tr("Nothing matches “{text}”.").format(text=text.strip()))
        else:
            self.status.setText(
                self.tr("{count} matches — Enter opens the selected one").format(count=len(self.hits))
            )
            self._select(self._first_hit_row())

    def hideEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        self._timer.stop()
        super().hideEvent(event)  # type: ignore[arg-type]

    def _first_hit_row(self) -> int:
        for row in range(self.model.rowCount()):
            if not self.model.item(row).data(HEADER_ROLE):
                return row
        return -1

    def _select(self, row: int) -> None:
        if row >= 0:
            self.results.setCurrentIndex(self.model.index(row, 0))

    def _move(self, step: int) -> None:
        row = self.results.currentIndex().row() + step
        while 0 <= row < self.model.rowCount() and self.model.item(row).data(HEADER_ROLE):
            row += step
        if 0 <= row < self.model.rowCount():
            self._select(row)

    def eventFilter(self, watched: object, event: object) -> bool:  # noqa: N802
        if watched is self.query and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Down:
                self._move(1)
                return True
            if event.key() == Qt.Key.Key_Up:
                self._move(-1)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():
                    self._timer.stop()
                    self.run_search()
                self._open_index(self.results.currentIndex())
                return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def _open_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        hit = index.data(HIT_ROLE)
        if not isinstance(hit, SearchHit) or hit.target_id is None:
            return
        self.opened.emit(hit.target_kind, hit.target_id)
        self.ctx.navigateRequested.emit(hit.target_kind, hit.target_id)
        self.accept()
