"""Where MentorDesk keeps its files.

The database lives in the user data folder (platformdirs) unless ``--db PATH`` or the
``MENTORDESK_DB`` environment variable names another file. Backups go to a ``backups``
folder beside the database. Folders are created owner-only (0700).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "MentorDesk"
DB_FILENAME = "mentordesk.db"


def data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def resolve_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--db`` wins, then ``MENTORDESK_DB``, then the user data folder."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get("MENTORDESK_DB")
    if env:
        return Path(env).expanduser().resolve()
    return default_db_path()


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed; a folder we create is owner-only."""
    if not path.exists():
        path.mkdir(parents=True, mode=0o700)
        os.chmod(path, 0o700)
    return path


def ensure_matplotlib_cache() -> None:
    """Point matplotlib at a persistent cache folder so its font cache is built once."""
    if not os.environ.get("MPLCONFIGDIR"):
        folder = ensure_private_dir(cache_dir() / "matplotlib")
        os.environ["MPLCONFIGDIR"] = str(folder)
