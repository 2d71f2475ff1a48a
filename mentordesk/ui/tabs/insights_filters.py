"""The filters above the insight charts: a period picker and multi-choice buttons."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QWidget,
)

from mentordesk.services.insights_types import Period, RangePreset
from mentordesk.ui import i18n


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class PeriodPicker(QWidget):
    """A range preset (this quarter, this year, last 12 months, all time, custom) and two dates.

    The dates always show the period in effect; editing one switches to "Custom".
    ``changed`` fires once per change of the period.
    """

    changed = Signal()

    def __init__(
        self, resolve: Callable[[RangePreset, date | None, date | None], Period], *, label: bool = True
    ) -> None:
        super().__init__()
        self._resolve = resolve
        self.preset = QComboBox()
        self.preset.setAccessibleName(self.tr("Period"))
        for item in RangePreset:
            self.preset.addItem(i18n.label(item), item.value)
        self.preset.setCurrentIndex(self.preset.findData(RangePreset.LAST_12_MONTHS.value))
        self.setFocusProxy(self.preset)
        self.start_edit = self._date_edit(self.tr("From"))
        self.end_edit = self._date_edit(self.tr("To"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if label:
            title = QLabel(self.tr("&Period"))
            title.setBuddy(self.preset)
            layout.addWidget(title)
        layout.addWidget(self.preset)
        layout.addWidget(self.start_edit)
        dash = QLabel("\u2013")
        layout.addWidget(dash)
        layout.addWidget(self.end_edit)
        layout.addStretch(1)
        self._updating = False
        self.period = resolve(RangePreset.LAST_12_MONTHS, None, None)
        self._show_dates()
        self.preset.currentIndexChanged.connect(lambda _i: self._preset_chosen())
        self.start_edit.dateChanged.connect(lambda _d: self._dates_edited())
        self.end_edit.dateChanged.connect(lambda _d: self._dates_edited())

    @staticmethod
    def _date_edit(name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setAccessibleName(name)
        edit.setMinimumDate(QDate(1970, 1, 1))
        edit.setMaximumDate(QDate(2200, 12, 31))
        return edit

    def current_preset(self) -> RangePreset:
        return RangePreset(self.preset.currentData())

    def set_preset(self, preset: RangePreset | str) -> None:
        index = self.preset.findData(RangePreset(preset).value)
        if index >= 0:
            self.preset.setCurrentIndex(index)

    def set_custom(self, start: date, end: date) -> None:
        """Choose a custom period (as a person would with the two date fields)."""
        self._updating = True
        self.start_edit.setDate(qdate(start))
        self.end_edit.setDate(qdate(end))
        self._updating = False
        self._dates_edited()

    def refresh(self) -> None:
        """Work the preset out again (today, or the first day with data, may have moved)."""
        if self.current_preset() != RangePreset.CUSTOM:
            self.period = self._resolve(self.current_preset(), None, None)
            self._show_dates()

    def _show_dates(self) -> None:
        self._updating = True
        self.start_edit.setDate(qdate(self.period.start))
        self.end_edit.setDate(qdate(self.period.end))
        self._updating = False

    def _preset_chosen(self) -> None:
        preset = self.current_preset()
        if preset == RangePreset.CUSTOM:
            self.start_edit.setFocus()
            return  # keep the dates shown; the person adjusts them next
        self.period = self._resolve(preset, None, None)
        self._show_dates()
        self.changed.emit()

    def _dates_edited(self) -> None:
        if self._updating:
            return
        start, end = pydate(self.start_edit.date()), pydate(self.end_edit.date())
        if end < start:
            # Keep the period valid: the other end follows the one just edited.
            self._updating = True
            if self.sender() is self.start_edit:
                self.end_edit.setDate(self.start_edit.date())
                end = start
            else:
                self.start_edit.setDate(self.end_edit.date())
                start = end
            self._updating = False
        if self.current_preset() != RangePreset.CUSTOM:
            self.preset.blockSignals(True)
            self.set_preset(RangePreset.CUSTOM)
            self.preset.blockSignals(False)
        self.period = self._resolve(RangePreset.CUSTOM, start, end)
        self.changed.emit()


class _StayOpenMenu(QMenu):
    """A menu whose check boxes can be ticked one after another without it closing."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)


class ChoiceButton(QPushButton):
    """A drop-down of check boxes: "All …" or some of the items. ``chosen()`` is ``None`` for all."""

    changed = Signal()

    def __init__(self, all_text: str, some_text: str, accessible: str, tip: str) -> None:
        super().__init__()
        self.setToolTip(tip)  # never the names themselves: a tooltip could read them as rich text
        self._all_text = all_text
        self._some_text = some_text  # e.g. "{n} relationships"
        self.setAccessibleName(accessible)
        self.menu_ = _StayOpenMenu(self)
        self.setMenu(self.menu_)
        self.all_action = QAction(all_text, self)
        self.all_action.setCheckable(True)
        self.all_action.setChecked(True)
        self.all_action.triggered.connect(self._all_clicked)
        # The items, and which are ticked; the menu's actions are made when the menu first opens
        # (there may be thousands of goals, and most people never open the menu).
        self._items: list[tuple[int, str]] = []
        self._names: dict[int, str] = {}
        self._ticked: set[int] = set()
        self._actions: dict[int, QAction] = {}
        self._built = False
        self.menu_.aboutToShow.connect(self._build)
        self.set_items([])

    def set_items(self, items: Sequence[tuple[int, str]]) -> None:
        """Offer ``(id, name)`` items; the ticked ones that still exist stay ticked."""
        self._items = list(items)
        self._names = dict(self._items)
        self._ticked &= set(self._names)
        self._actions = {}
        self._built = False
        self._sync()

    @property
    def item_actions(self) -> dict[int, QAction]:
        """The menu's check box of each item, by id (made now if the menu has not opened yet)."""
        self._build()
        return self._actions

    def _build(self) -> None:
        if self._built:
            return
        self.menu_.clear()
        self.menu_.addAction(self.all_action)
        self.menu_.addSeparator()
        for key, name in self._items:
            action = QAction(name.replace("&", "&&"), self)
            action.setCheckable(True)
            action.setChecked(key in self._ticked)
            action.triggered.connect(self._item_clicked)
            self.menu_.addAction(action)
            self._actions[key] = action
        if not self._items:
            empty = self.menu_.addAction(self.tr("Nothing to choose yet"))
            empty.setEnabled(False)
        self._built = True

    def chosen(self) -> tuple[int, ...] | None:
        picked = tuple(key for key, _name in self._items if key in self._ticked)
        return picked or None

    def choose(self, keys: Sequence[int] | None) -> None:
        """Tick exactly ``keys`` (``None``: all), as a person would in the menu."""
        self._ticked = {key for key in keys if key in self._names} if keys is not None else set()
        for key, action in self._actions.items():
            action.setChecked(key in self._ticked)
        self._sync()
        self.changed.emit()

    def _all_clicked(self) -> None:
        self._ticked.clear()
        for action in self._actions.values():
            action.setChecked(False)
        self._sync()
        self.changed.emit()

    def _item_clicked(self) -> None:
        self._ticked = {key for key, action in self._actions.items() if action.isChecked()}
        self._sync()
        self.changed.emit()

    def _sync(self) -> None:
        picked = self.chosen()
        self.all_action.setChecked(picked is None)
        if picked is None:
            text = self._all_text
        elif len(picked) == 1:
            text = self._names[picked[0]]
        else:
            text = self._some_text.format(n=len(picked))
        shown = text if len(text) <= 28 else text[:27].rstrip() + "\u2026"
        self.setText(shown.replace("&", "&&"))
