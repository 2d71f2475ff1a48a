"""Translations: Qt translators for the interface, and enum labels shown through them.

The interface's source language is English. Strings go through ``self.tr(...)`` in QObject
subclasses and ``QCoreApplication.translate(context, ...)`` elsewhere, so ``make translations``
(pyside6-lupdate) extracts them into ``resources/translations/mentordesk_<locale>.ts``.

The labels of ``mentordesk.domain.enums`` stay English in the domain layer, which knows no Qt.
The interface shows them through ``label(member)``, which looks the English label up in the
``Enum`` context at display time: a translation provides them by adding that context (source:
the English label) to its .ts file; without one the English label shows.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from mentordesk.domain.enums import LabelledEnum
from mentordesk.resources import resource

ENUM_CONTEXT = "Enum"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Mark ``text`` for extraction where it cannot be translated yet (module constants, which load
    before the translator); translate it where it shows with ``QCoreApplication.translate(context, text)``
    or ``self.tr(text)`` in a class named ``context``."""
    return text


def label(member: LabelledEnum) -> str:
    """The enum member's label as a person reads it, translated when a translation has it."""
    return QCoreApplication.translate(ENUM_CONTEXT, member.label)


def install_translator(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Install MentorDesk's and Qt's own translations for ``locale`` (the system's by default).

    A missing translation is no error: the interface then shows its English source texts.
    Returns the installed translators; they are children of ``app``, so they live as long as it.
    """
    locale = locale or QLocale.system()
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(locale, "mentordesk", "_", str(resource("translations"))):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


__all__ = ["ENUM_CONTEXT", "QT_TRANSLATE_NOOP", "install_translator", "label"]
