"""Translations: Qt translators for the interface, and enum labels shown through them.

The interface's source language is English. Strings go through ``self.tr(...)`` in QObject
subclasses and ``QCoreApplication.translate(context, ...)`` elsewhere, so ``make translations``
(pyside6-lupdate) extracts them into ``resources/translations/mentordesk_<locale>.ts``.

Texts made below the interface (enum labels, drift flags, validation messages, chart and report
texts) are marked there with ``mentordesk.domain.text`` and extracted by the same ``make
translations``. Importing this module routes their ``translate(context, text)`` calls through Qt's
installed translators. Enum labels stay English in the enums and are looked up in the ``Enum``
context where they show, with ``label(member)``.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from mentordesk.domain import text as domain_text
from mentordesk.resources import resource

ENUM_CONTEXT = "Enum"


class Labelled(Protocol):
    """An enum member with a human label (domain enums, and the services' chart kinds and ranges)."""

    @property
    def label(self) -> str: ...


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Mark ``text`` for extraction where it cannot be translated yet (module constants, which load
    before the translator); translate it where it shows with ``QCoreApplication.translate(context, text)``
    or ``self.tr(text)`` in a class named ``context``."""
    return text


# Texts below the interface are translated by the translators installed in the application.
domain_text.set_translator(QCoreApplication.translate)


def label(member: Labelled) -> str:
    """The enum member's label as a person reads it, translated when a translation has it."""
    return QCoreApplication.translate(ENUM_CONTEXT, member.label)


def install_translator(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Install MentorDesk's and Qt's own translations for ``locale`` (the system's by default).

    A missing translation is no error: the interface then shows its English source texts.
    Returns the installed translators; they are children of ``app``, so they live as long as it.
    """
    locale = locale or QLocale.system()
    installed: list[QTranslator] = []
    for name, folder in (
        ("mentordesk", str(resource("translations"))),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            translator.deleteLater()
    return installed


__all__ = ["ENUM_CONTEXT", "QT_TRANSLATE_NOOP", "install_translator", "label"]
