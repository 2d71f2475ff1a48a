"""Acceptance: every real-world calendar file of the shared corpus imports or is refused cleanly."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from mentordesk.services.errors import ImportFormatError
from mentordesk.services.people import NewRelationship
from mentordesk.store.models import Meeting
from tests.conftest import CORPUS

ICS = CORPUS / "ics"
FILES = sorted(p for p in ICS.iterdir() if p.is_file() and p.suffix == ".ics") if ICS.is_dir() else []
WIDE = {"start": date(1970, 1, 1), "end": date(2040, 12, 31)}


def dump(services) -> list[tuple[object, ...]]:
    with services.db.reader() as s:
        return [tuple(r) for r in s.execute(select(Meeting.__table__).order_by(Meeting.id))]


@pytest.mark.parametrize("path", FILES or [None], ids=lambda p: p.name if p else "no-corpus")
def test_corpus_file_imports_or_is_refused_cleanly(services, path):
    if path is None:
        pytest.skip(f"the calendar corpus folder {ICS} is absent")
    services.people.add_relationship(NewRelationship(name="Existing Person", email="someone@example.com"))
    before = dump(services)
    try:
        summary = services.calendar_io.import_file(path, **WIDE)
    except ImportFormatError as exc:
        message = str(exc)
        assert path.name in message and "\n" not in message and "Traceback" not in message
        assert dump(services) == before
        return
    rows = dump(services)
    assert len(rows) == len(before) + summary.added
    assert summary.lines()[0].startswith(f"{path.name}: imported {summary.added} meeting")
    for where, reason in summary.skipped:
        assert where and reason
    again = services.calendar_io.import_file(path, **WIDE)
    assert again.added == 0
    assert again.already == summary.added
    assert dump(services) == rows


@pytest.mark.parametrize("path", FILES or [None], ids=lambda p: p.name if p else "no-corpus")
def test_corpus_file_with_the_default_window(services, path):
    if path is None:
        pytest.skip(f"the calendar corpus folder {ICS} is absent")
    start, end = services.calendar_io.default_window()
    assert (start, end) == (date(2025, 6, 15), date(2027, 6, 15))
    before = dump(services)
    try:
        summary = services.calendar_io.import_file(path, start=start, end=end, dry_run=True)
    except ImportFormatError:
        assert dump(services) == before
        return
    assert summary.dry_run and dump(services) == before
