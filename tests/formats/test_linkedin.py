"""LinkedIn Connections.csv: current and older layouts, dates, encodings, damaged rows.

Expected values are written by hand from the fixture files in tests/fixtures/contacts and
the text below.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mentordesk.formats import linkedin
from mentordesk.formats.contacts import ContactParseResult, SkippedRecord, parse_linkedin
from mentordesk.formats.linkedin import parse_connected_on
from mentordesk.services.errors import ImportFormatError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "contacts"


def _read(name: str) -> ContactParseResult:
    return parse_linkedin((FIXTURES / name).read_bytes(), name)


def test_current_layout_with_preamble_and_byte_order_mark():
    result = _read("connections_2024.csv")
    assert [r.name for r in result.records] == ["Amélie Dubois", "Kenji 佐藤", "Grace Hopper", "Ola Nordmann"]
    assert [r.where for r in result.records] == ["line 5", "line 6", "line 8", "line 9"]
    assert {r.source for r in result.records} == {"linkedin"}


def test_current_layout_values():
    amelie, kenji, *_ = _read("connections_2024.csv").records
    assert amelie.organization == "Dubois, Martin & Co"
    assert amelie.title == "Partner"
    assert amelie.url == "https://www.linkedin.com/in/amelie-dubois"
    assert amelie.emails == ()
    assert amelie.connected_on == date(2024, 3, 15)
    assert kenji.organization == "東京データ"
    assert kenji.title == "Lead, Platform 🚀"
    assert kenji.emails == ("kenji@example.jp",)
    assert kenji.connected_on == date(2023, 1, 2)


def test_row_without_a_name_is_skipped():
    assert _read("connections_2024.csv").skipped == [
        SkippedRecord("line 7", "the row has neither a first nor a last name")
    ]


def test_unreadable_date_keeps_the_person_and_warns():
    result = _read("connections_2024.csv")
    grace, ola = result.records[2], result.records[3]
    assert grace.connected_on is None
    assert grace.title == "Rear Admiral"
    assert ola.connected_on is None  # empty: no warning
    assert result.warnings == [
        "line 8: the 'Connected On' date 'sometime in 1985' could not be read, "
        "so Grace Hopper was imported without it"
    ]


def test_older_layout_without_url_and_preamble_with_us_dates():
    result = _read("connections_2018.csv")
    bob, carol = result.records
    assert (bob.name, bob.emails, bob.organization, bob.title, bob.url) == (
        "Bob Smith",
        ("bob@example.com",),
        "Acme Inc.",
        "Engineer, Backend",
        "",
    )
    assert bob.connected_on == date(2018, 1, 8)
    assert (carol.name, carol.connected_on, carol.where) == ("Carol Nguyen", date(2017, 12, 25), "line 3")
    assert result.skipped == [] and result.warnings == []


def test_header_found_by_name_in_any_case_and_order():
    data = b"\xef\xbb\xbfconnected on,LAST NAME,first name,COMPANY\nTue 1,Curie,Marie,Sorbonne\n"
    record = parse_linkedin(data, "c.csv").records[0]
    assert (record.name, record.organization) == ("Marie Curie", "Sorbonne")
    assert record.connected_on is None


def test_only_a_first_or_only_a_last_name_is_enough():
    data = b"First Name,Last Name\nCher,\n,Prince\n"
    assert [r.name for r in parse_linkedin(data).records] == ["Cher", "Prince"]


def test_semicolon_separated_windows_1252_file():
    data = "First Name;Last Name;Company\r\nJürgen;Groß;Müller & Söhne\r\n".encode("cp1252")
    record = parse_linkedin(data, "c.csv").records[0]
    assert (record.name, record.organization) == ("Jürgen Groß", "Müller & Söhne")


def test_utf16_tab_separated_file():
    data = "First Name\tLast Name\r\nAda\tLovelace\r\n".encode("utf-16")
    assert parse_linkedin(data).records[0].name == "Ada Lovelace"


def test_line_numbers_after_a_multi_line_field():
    data = b'First Name,Last Name,Position\nAda,Lovelace,"Analyst\nand writer"\nAlan,Turing,Mathematician\n'
    result = parse_linkedin(data)
    assert [(r.name, r.title, r.where) for r in result.records] == [
        ("Ada Lovelace", "Analyst and writer", "line 2"),
        ("Alan Turing", "Mathematician", "line 4"),
    ]


def test_blank_rows_are_ignored():
    data = b"First Name,Last Name\r\n\r\nAda,Lovelace\r\n,,\r\n"
    result = parse_linkedin(data)
    assert [r.name for r in result.records] == ["Ada Lovelace"]
    assert result.skipped == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15 Mar 2024", date(2024, 3, 15)),
        ("04 Feb 2025", date(2025, 2, 4)),
        ("1 September 2021", date(2021, 9, 1)),
        ("1/8/18, 6:14 PM", date(2018, 1, 8)),
        ("12/31/2019", date(2019, 12, 31)),
        ("Mar 5, 2020", date(2020, 3, 5)),
        ("2024-03-15", date(2024, 3, 15)),
        ("31 Feb 2024", None),
        ("13/1/18, 6:14 PM", None),
        ("15 Foo 2024", None),
        ("yesterday", None),
    ],
)
def test_connected_on_formats(text, expected):
    assert parse_connected_on(text) == expected


def test_both_modules_offer_the_parser():
    data = b"First Name,Last Name\nAda,Lovelace\n"
    assert linkedin.parse_linkedin(data, "a.csv") == parse_linkedin(data, "a.csv")


def test_not_a_connections_export():
    with pytest.raises(ImportFormatError) as caught:
        parse_linkedin(b"BEGIN:VCARD\r\nFN:Ada\r\nEND:VCARD\r\n", "contacts.csv")
    assert (
        str(caught.value) == "contacts.csv is not a LinkedIn connections export: no 'First Name' column found"
    )


def test_empty_file():
    with pytest.raises(ImportFormatError) as caught:
        parse_linkedin(b"", "Connections.csv")
    assert str(caught.value) == "Connections.csv is not a LinkedIn connections export: the file is empty"


def test_header_without_rows():
    with pytest.raises(ImportFormatError) as caught:
        parse_linkedin(b"First Name,Last Name,Connected On\r\n", "Connections.csv")
    assert str(caught.value) == "Connections.csv contains no connections"


def test_no_row_can_be_read():
    with pytest.raises(ImportFormatError) as caught:
        parse_linkedin(b"First Name,Last Name,Company\r\n,,Acme\r\n", "Connections.csv")
    assert str(caught.value) == (
        "Connections.csv has no connections that could be read: line 2: the row has neither a first nor a last name"
    )
