"""Texts a person reads that are made below the interface, and the one seam that translates them.

The domain, the services and the charts know no Qt, yet some of their texts reach a person: enum
labels, drift flags, validation messages, chart titles, the PDF report. They are written in
English and marked for ``make translations`` (pyside6-lupdate) in one of two ways:

- ``translate("Context", "Text")`` where the text is made: it returns the text translated by the
  translator the interface installed (English as written when none is, as on the command line).
  Parametrised texts keep their placeholders and are formatted after translation:
  ``translate("Drift", "No meeting for {days} days").format(days=days)``.
- ``QT_TRANSLATE_NOOP("Context", "Text")`` for module constants, which load before any
  translator: it only marks the text; pass it through ``translate(context, text)`` where it shows.

lupdate reads both calls by name and needs the context and the text as string literals, so a
text is never built with an f-string before it is translated.

The interface installs Qt's translators with :func:`set_translator` (see ``mentordesk.ui.i18n``);
nothing here imports Qt.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]
"""``(context, source text) -> translated text``; returns the source when it has no translation."""


def _english(context: str, text: str) -> str:
    return text


_translator: Translator = _english


def set_translator(translator: Translator | None) -> None:
    """Route every :func:`translate` call through ``translator`` (``None``: English as written)."""
    global _translator
    _translator = translator or _english


def translate(context: str, text: str) -> str:
    """``text`` (an English source text marked for extraction) in the interface's language."""
    return _translator(context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Mark ``text`` for extraction without translating it (for module constants)."""
    return text


__all__ = ["QT_TRANSLATE_NOOP", "Translator", "set_translator", "translate"]
