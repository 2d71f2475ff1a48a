"""Accessibility helpers: form labels that name (and focus) their fields, Tab out of "no date" fields.

A form row's label is usually given a wrapper (a field with its error label underneath), so Qt
would make the wrapper the label's buddy: a screen reader then cannot name the field and the
label's Alt+letter cannot focus it. :func:`label_fields` points every label at the control itself.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QDateTimeEdit, QFormLayout, QLabel, QWidget


def strip_mnemonic(text: str) -> str:
    """``"Mark &held"`` -> ``"Mark held"``; a doubled ``&&`` stays one ``&``."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def focus_target(widget: QWidget) -> QWidget | None:
    """The control that takes the focus for ``widget``: itself, or its first focusable child."""
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None:
        return widget
    if widget.focusProxy() is not None:
        return widget.focusProxy()
    for child in widget.findChildren(QWidget):
        if child.focusPolicy() & Qt.FocusPolicy.TabFocus and not child.objectName().startswith("qt_"):
            return child
    return None


def label_fields(form: QFormLayout) -> None:
    """Make each row's label the buddy of the control in its field, and name the control after it.

    A control that already has an accessible name keeps it (it may say more than the label), and
    a button or check box keeps its own words.
    """
    for row in range(form.rowCount()):
        label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        label = label_item.widget() if label_item is not None else None
        field = field_item.widget() if field_item is not None else None
        if not isinstance(label, QLabel) or not label.text().strip() or field is None:
            continue
        target = focus_target(field)
        if target is None:
            continue
        label.setBuddy(target)
        if isinstance(target, QAbstractButton) and target.text():
            continue  # a check box or button is named by its own words
        if not target.accessibleName():
            target.setAccessibleName(strip_mnemonic(label.text()).rstrip(":").strip())


class _TabLeavesSpecialValue(QObject):
    """Tab out of a date edit that shows its "no date" text (Qt would keep the focus inside)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QDateTimeEdit) or event.key() not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            return False
        mods = event.modifiers()
        if mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        if not watched.specialValueText() or watched.text() != watched.specialValueText():
            return False  # a real date: Tab steps through its day, month and year as usual
        forward = event.key() == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ShiftModifier
        QWidget.focusNextPrevChild(watched, forward)  # past the sections, to the next control
        return True


def tab_leaves_special_value(edit: QDateTimeEdit) -> None:
    """Let Tab move on from ``edit`` while it shows its special value text (e.g. "No due date")."""
    edit.installEventFilter(_TabLeavesSpecialValue(edit))
