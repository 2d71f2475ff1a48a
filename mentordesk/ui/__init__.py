"""The Qt interface: the only package that imports PySide6.

Importing PySide6 installs an import hook (for its opt-in ``from __feature__ import snake_case``)
that asks of every module imported afterwards whether its source mentions "PySide6", by reading
it through ``inspect.getsource``. That costs about a third of a millisecond a module: some 15 ms
while the window is built and about 80 ms when matplotlib (300 modules) loads for the charts.
:func:`_quicker_feature_check` gives the same answer from the file's bytes, and without reading
anything for a module of the standard library.
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


_quicker_feature_check()
