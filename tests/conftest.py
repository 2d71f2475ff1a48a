"""Shared test setup: Qt runs offscreen, matplotlib caches in the project, no network."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLCONFIGDIR", str(Path(__file__).resolve().parent.parent / ".cache" / "matplotlib"))

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


import pytest  # noqa: E402


@pytest.fixture
def db():
    """A migrated in-memory database."""
    from mentordesk.store.migrate import open_database

    database = open_database(":memory:")
    yield database
    database.close()


@pytest.fixture
def today():
    from datetime import date

    return date(2026, 6, 15)


@pytest.fixture
def services(db, today):
    """Every service over an in-memory database, with a fixed 'today'."""
    from mentordesk.services.container import Services

    return Services.over(db, today=lambda: today)


@pytest.fixture
def demo_services(services):
    services.demo.generate(seed=7)
    return services


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Keep every test away from the real user's data, settings and cache folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("MENTORDESK_DB", raising=False)


@pytest.fixture
def app_lifetime():  # type: ignore[no-untyped-def]
    """For tests of mentordesk.memory: whatever a test did to the collector is undone after it."""
    import gc

    from mentordesk import memory

    yield
    memory._enabled = False
    gc.unfreeze()
    gc.enable()
