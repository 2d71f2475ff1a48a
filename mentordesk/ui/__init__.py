"""The Qt interface: the only package that imports PySide6.

Importing PySide6 installs an import hook (for its opt-in ``from __feature__ import snake_case``)
that records, after every import, whether the module's source mentions "PySide6", by reading it
through ``inspect.getsource``: some 15 ms while the window is built, and 10-15 ms more when
matplotlib (230 modules, 7 MB of source) loads for the charts. Nothing reads that record until a
module asks for a feature, and the first such request records every module imported by then.
:func:`_quicker_feature_check` leaves the recording to that moment (which never comes in
MentorDesk: no module asks for a feature), and gives PySide6's answer from the file's bytes, and
without reading anything for a module of the standard library.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (installs the hook this module adjusts)


def _quicker_feature_check() -> None:
    feature = sys.modules.get("shibokensupport.feature")
    original: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None or getattr(original, "original", None) is not None:
        return

    def uses_pyside(module: ModuleType) -> bool:
        """Whether the module's source mentions PySide6, as PySide6's own check decides. The
        standard library never does: its modules (a third of those imported at start, among
        them the largest sources) are not read."""
        name = getattr(module, "__name__", None)
        if isinstance(name, str) and name.partition(".")[0] in sys.stdlib_module_names:
            return False
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return original(module)

    uses_pyside.original = original  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]

    record: Callable[[ModuleType], object] | None = getattr(feature, "feature_imported", None)
    if record is None or not hasattr(feature, "_is_initialized"):
        return

    def feature_imported(module: ModuleType) -> None:
        """Record the module as PySide6 does once a module has asked for a feature. Until then no
        record is read (there is no feature set to switch between), and the first request
        records every module imported by then (``feature.__init__``), with the same answers."""
        if feature._is_initialized:  # type: ignore[attr-defined]
            record(module)

    feature.feature_imported = feature_imported  # type: ignore[attr-defined]


_quicker_feature_check()
