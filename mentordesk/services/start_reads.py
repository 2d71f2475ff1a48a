"""What is read from the database file while the window's code loads: the mentors list, ahead of
the window asking for it, then SQLite's quick check of the whole file.

Both run in one thread, in SQLite (which lets other threads run while it reads): some 10 ms
for the list and 100-150 ms for the check on ten years of data, on the other core while the
window is built, shown and painted. They start as soon as the file is known: for a file given
with ``--db`` or ``MENTORDESK_DB``, before Qt loads (which is why nothing here imports Qt).
"""

from __future__ import annotations

import threading
from pathlib import Path

from mentordesk.services.people_list import read_ahead
from mentordesk.store.migrate import HEAD_REVISION, quick_check


class StartReads:
    @classmethod
    def of(cls, path: Path) -> StartReads | None:
        """The reads started on the file at ``path``; None when there is no file yet."""
        try:
            present = path.stat().st_size > 0
        except OSError:
            present = False
        return cls(path) if present else None

    def __init__(self, path: Path) -> None:
        self.path = path
        self._result: list[str] = []
        self._ahead: list[str | None] = []
        self._thread = threading.Thread(target=self._run, name="start-reads", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        self._ahead.append(read_ahead(self.path, HEAD_REVISION))
        self._result.append(quick_check(self.path))

    def list_ahead(self) -> str | None:
        """The mentors list read ahead (see :mod:`mentordesk.services.people_list`), if it is read
        by now: never waits."""
        return self._ahead[0] if self._ahead else None

    def finished(self) -> bool:
        """Whether the quick check has given its verdict."""
        return not self._thread.is_alive()

    def status(self) -> str:
        """``"ok"`` or what the quick check found wrong, once it has finished (waits for it)."""
        self._thread.join()
        return self._result[0] if self._result else "the check did not finish"


__all__ = ["StartReads"]
