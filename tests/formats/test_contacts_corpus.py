"""Acceptance test on real-world contact files in the shared corpus (when it is present).

Every file must either give records, or be rejected with an ImportFormatError whose message
is one line naming the file. The expected names below were checked by reading each file
(the Japanese ones byte by byte as Shift_JIS or UTF-8).
"""

from __future__ import annotations

from datetime import date

import pytest

from mentordesk.formats.contacts import ContactParseResult, ContactRecord, parse_linkedin, parse_vcard
from mentordesk.services.errors import ImportFormatError
from tests.conftest import CORPUS

VCARD_DIR = CORPUS / "vcard"
LINKEDIN_FILE = CORPUS / "linkedin" / "Connections.csv"

EXPECTED_NAMES = {
    "v21_invalid_comment_line.vcf": ["Conference Call"],
    "v21_malformed_photo.vcf": ["fullname"],
    "v21_multiple_entry.vcf": ["安藤ロイド3", "安藤ロイド4", "安藤ロイド5"],
    "v21_org_before_title.vcf": ["Normal Guy"],
    "v21_pref_handling.vcf": ["Smith"],
    "v21_simple_1.vcf": ["Roid Ando"],
    "v21_simple_2.vcf": ["Ando Roid"],
    "v30_comma_separated.vcf": ["G M F"],
    "v30_japanese.vcf": ["伊能 圭一 伊予"],
    "v30_multibyte_param.vcf": ["G M F"],
    "v30_simple.vcf": ["And Roid"],
    "v40_sip.vcf": ["安藤 ロイド"],
}


def _vcard_names() -> list[str]:
    if not VCARD_DIR.is_dir():
        return ["(corpus missing)"]
    return sorted(p.name for p in VCARD_DIR.iterdir() if p.is_file())


def _require(path):
    if not path.parent.is_dir() and path.suffix:
        path = path.parent
    if not path.exists():
        kind = "file" if path.suffix else "folder"
        pytest.skip(f"corpus {kind} not present: {path}")


def _outcome(parse, path) -> ContactParseResult | None:
    """The parse result, or None after checking the rejection message; nothing else allowed."""
    try:
        result = parse(path.read_bytes(), path.name)
    except ImportFormatError as err:
        message = str(err)
        assert path.name in message
        assert "\n" not in message and "\r" not in message
        return None
    assert result.records
    for record in result.records:
        assert isinstance(record, ContactRecord)
        assert record.name.strip()
    for skipped in result.skipped:
        assert skipped.where and skipped.reason
    return result


@pytest.mark.parametrize("name", _vcard_names())
def test_every_vcard_file_imports_or_is_rejected_clearly(name):
    _require(VCARD_DIR)
    path = VCARD_DIR / name
    result = _outcome(parse_vcard, path)
    if name in EXPECTED_NAMES:
        assert result is not None
        assert [r.name for r in result.records] == EXPECTED_NAMES[name]
        assert all(r.source == "vcard" for r in result.records)


def _corpus_vcard(name: str) -> ContactParseResult:
    _require(VCARD_DIR / name)
    return parse_vcard((VCARD_DIR / name).read_bytes(), name)


def test_quoted_printable_across_a_comment_looking_line():
    result = _corpus_vcard("v21_invalid_comment_line.vcf")
    assert (
        result.records[0].note == "This is an (sharp ->#<- sharp) example. This message must NOT be ignored."
    )
    assert len(result.warnings) == 2  # the two "#" lines
    assert all("left out" in w for w in result.warnings)


def test_malformed_photo_is_reported():
    result = _corpus_vcard("v21_malformed_photo.vcf")
    assert result.warnings == ["card 1 (line 1): photo could not be read and was left out"]


def test_pref_handling():
    smith = _corpus_vcard("v21_pref_handling.vcf").records[0]
    assert smith.emails == ("test@example.com", "test2@examination.com")
    assert smith.phones == ("2", "1", "3")
    assert (smith.organization, smith.title) == ("Company", "Engineer")


def test_org_units_and_phones():
    assert _corpus_vcard("v21_org_before_title.vcf").records[0].organization == (
        "Company, Organization, Devision, Room, Sheet No."
    )
    roid = _corpus_vcard("v30_simple.vcf").records[0]
    assert (roid.organization, roid.phones) == ("Open, Handset, Alliance", ("0300000000",))
    assert _corpus_vcard("v40_sip.vcf").records[0].phones == ("1", "sip:example@example.com")
    assert _corpus_vcard("v21_multiple_entry.vcf").records[2].phones == ("17", "18", "19", "20")


def test_other_kinds_of_file_are_rejected_as_vcard():
    ics_dir = CORPUS / "ics"
    _require(ics_dir)
    for path in sorted(ics_dir.iterdir()):
        assert _outcome(parse_vcard, path) is None, path.name


def test_linkedin_sample():
    _require(LINKEDIN_FILE)
    result = _outcome(parse_linkedin, LINKEDIN_FILE)
    assert result is not None
    assert [r.name for r in result.records] == [
        "Amara Okafor",
        "Jonas Lindqvist",
        "Priya Raman, Ph.D.",
        "Mei 陈",
        "Tomás García 🚀",
    ]
    priya, mei = result.records[2], result.records[3]
    assert (priya.title, priya.connected_on) == ("VP, Research", date(2023, 1, 2))
    assert (mei.organization, mei.title) == ("上海星辰科技", "产品经理")
    assert result.records[1].emails == ("jonas.lindqvist@example.org",)
    assert [(s.where, s.reason) for s in result.skipped] == [
        ("line 9", "the row has neither a first nor a last name")
    ]


def test_linkedin_parser_rejects_the_vcard_files():
    _require(VCARD_DIR)
    for path in sorted(VCARD_DIR.iterdir()):
        assert _outcome(parse_linkedin, path) is None, path.name
