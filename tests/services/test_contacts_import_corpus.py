"""Acceptance: every real-world file in the shared corpus goes through the import service into a
database (expectations from corpus/NOTICE.md). Skipped, with the reason, when the corpus is absent."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from mentordesk.formats.contacts import parse_linkedin, parse_vcard
from mentordesk.services.contacts_import import ImportAction
from mentordesk.services.errors import ImportFormatError
from mentordesk.store.models import Person
from tests.conftest import CORPUS

VCARD = CORPUS / "vcard"
LINKEDIN = CORPUS / "linkedin"


def _files(folder: Path, pattern: str) -> list[Path]:
    return sorted(folder.glob(pattern)) if folder.is_dir() else []


def _people(services) -> list[tuple[str, str, str]]:
    with services.db.reader() as s:
        return [(p.name, p.email, p.organization) for p in s.scalars(select(Person).order_by(Person.id))]


def _import(services, path: Path):
    parse = parse_linkedin if path.suffix.lower() == ".csv" else parse_vcard
    result = parse(path.read_bytes(), path.name)
    plan = services.contacts_import.preview(result.records)
    summary = services.contacts_import.apply(plan)
    return result, plan, summary


needs_vcard = pytest.mark.skipif(not VCARD.is_dir(), reason=f"the shared corpus is not at {VCARD}")
needs_linkedin = pytest.mark.skipif(not LINKEDIN.is_dir(), reason=f"the shared corpus is not at {LINKEDIN}")


@needs_vcard
@pytest.mark.parametrize("path", _files(VCARD, "*.vcf"), ids=lambda p: p.name)
def test_every_vcard_file_imports_or_is_refused_cleanly(services, path):
    before = _people(services)
    try:
        result, plan, summary = _import(services, path)
    except ImportFormatError as exc:
        assert "\n" not in str(exc) and path.name in str(exc)
        assert _people(services) == before
        return
    names = [name for name, _e, _o in _people(services)]
    new = [a.record.name for a in plan if a.action == ImportAction.NEW]
    assert names == new  # every new person is in the database, names intact
    assert {r.name for r in result.records} <= set(names)
    for bad in result.skipped:  # records left out are reported with a reason
        assert bad.reason.strip()
    again = services.contacts_import.preview(result.records)
    assert {a.action for a in again} == {ImportAction.SKIP}  # a second import adds nobody


@needs_linkedin
@pytest.mark.parametrize("path", _files(LINKEDIN, "*.csv"), ids=lambda p: p.name)
def test_every_linkedin_file_imports(services, path):
    result, _plan, summary = _import(services, path)
    assert len(summary.imported) == len(result.records) == len(_people(services))
    assert all(s.reason for s in result.skipped)


@needs_linkedin
def test_linkedin_connections_keep_their_characters(services):
    result, _plan, summary = _import(services, LINKEDIN / "Connections.csv")
    people = {name: org for name, _e, org in _people(services)}
    assert people["Mei 陈"] == "上海星辰科技"
    assert people["Tomás García 🚀"] == "Self-employed"
    assert people["Priya Raman, Ph.D."] == "Helix Bio"
    assert ("Jonas Lindqvist", "jonas.lindqvist@example.org", "Fjord Systems") in _people(services)
    assert [s.where for s in result.skipped] == ["line 9"]  # the row with no name


@needs_vcard
def test_shift_jis_names_and_damaged_photos(services):
    _import(services, VCARD / "v21_multiple_entry.vcf")
    _import(services, VCARD / "v21_malformed_photo.vcf")
    result, _plan, _summary = _import(services, VCARD / "v30_japanese.vcf")
    names = [name for name, _e, _o in _people(services)]
    assert names[:3] == ["安藤ロイド3", "安藤ロイド4", "安藤ロイド5"]
    assert "fullname" in names  # the person stays, the photo goes
    assert names[-1] == result.records[0].name and "伊能" in names[-1]


def test_a_file_that_is_not_a_vcard_leaves_the_database_as_it_was(services):
    from mentordesk.services.people import NewRelationship

    services.people.add_contact(NewRelationship(name="Ana Ruiz"))
    before = _people(services)
    with pytest.raises(ImportFormatError, match="is not a vCard file"):
        parse_vcard(b"First Name,Last Name\nAna,Ruiz\n", "Connections.csv")
    assert _people(services) == before
