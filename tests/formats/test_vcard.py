"""vCard parsing: versions, charsets, quoted-printable, folding, preferences, damaged input.

Expected values are written by hand from the fixture files in tests/fixtures/contacts and
the byte strings below.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import vobject
import vobject.base

from mentordesk.formats import vcard
from mentordesk.formats.contacts import ContactParseResult, ContactRecord, SkippedRecord, parse_vcard
from mentordesk.services.errors import ImportFormatError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "contacts"


def _read(name: str) -> ContactParseResult:
    return parse_vcard((FIXTURES / name).read_bytes(), name)


def _card(*lines: str, version: str = "3.0", encoding: str = "utf-8") -> bytes:
    body = ["BEGIN:VCARD", f"VERSION:{version}", *lines, "END:VCARD"]
    return ("\r\n".join(body) + "\r\n").encode(encoding)


def _only(data: bytes) -> ContactRecord:
    result = parse_vcard(data, "test.vcf")
    assert len(result.records) == 1
    return result.records[0]


# --- vCard 2.1 phone export: Shift_JIS, quoted-printable, photos -----------------------------


def test_v21_export_reads_every_card_in_order():
    result = _read("v21_phone_export.vcf")
    assert [r.name for r in result.records] == ["山田 太郎", "José Müller", "Anna Rossi", "Pat Photo"]
    assert [r.where for r in result.records] == [
        "card 1 (line 1)",
        "card 2 (line 10)",
        "card 3 (line 18)",
        "card 4 (line 26)",
    ]
    assert {r.source for r in result.records} == {"vcard"}
    assert result.skipped == []


def test_v21_shift_jis_name_from_n_and_quoted_printable_note_with_soft_break():
    taro = _read("v21_phone_export.vcf").records[0]
    # N;CHARSET=SHIFT_JIS:山田;太郎 without FN: a Japanese name keeps the family name first.
    assert taro.name == "山田 太郎"
    # Quoted-printable Shift_JIS split by a soft line break; 予 ends in the byte 0x5C ("\").
    assert taro.note == "会議メモ：来週の予定"
    assert taro.emails == ("taro@example.jp",)
    # TEL;HOME;PREF comes first although it is the second TEL in the card.
    assert taro.phones == ("03-1111-2222", "090-1234-5678")


def test_v21_quoted_printable_utf8_name_unescaped_commas_and_org_units():
    jose = _read("v21_phone_export.vcf").records[1]
    assert jose.name == "José Müller"
    assert jose.organization == "Café Noir, Kitchen"
    assert jose.title == "Chef, Head of Pastry"
    # =0D=0A is a line break; "=" at the end of a line joins the next one.
    assert jose.note == "Line one\nLine two, with a comma and more"


def test_v21_malformed_photo_keeps_the_person_and_warns():
    result = _read("v21_phone_export.vcf")
    anna = result.records[2]
    assert anna.name == "Anna Rossi"
    assert anna.emails == ("anna.rossi@example.it",)
    # The valid multi-line photo on card 4 gives no warning.
    assert result.warnings == ["card 3 (line 18): photo could not be read and was left out"]
    assert result.records[3].phones == ("555-0199",)


# --- vCard 3.0 address-book export: BOM, groups, folding, escapes ---------------------------


def test_v30_export_with_byte_order_mark_groups_and_preference():
    zoe = _read("v30_apple.vcf").records[0]
    assert zoe.name == "Zoë Ångström"
    # item2.EMAIL has type=pref, so it comes before item1.EMAIL.
    assert zoe.emails == ("zoe@home.example", "zoe@work.example")
    assert zoe.phones == ("+46 70 123 45 67", "+46 8 555 000")
    assert zoe.organization == "Nordlicht AB, Research, Europe"
    assert zoe.title == "Principal Scientist"
    assert zoe.url == "https://www.linkedin.com/in/zoe-angstrom"


def test_v30_note_is_unfolded_and_unescaped_with_emoji():
    zoe = _read("v30_apple.vcf").records[0]
    assert zoe.note == "Met at the Lund meetup 🎉\nLikes: hiking, chess; and long walks."


def test_v30_cjk_name():
    bruce = _read("v30_apple.vcf").records[1]
    assert bruce.name == "李小龙"
    assert bruce.emails == ("bruce@example.cn",)


def test_v30_cards_without_name_or_end_are_skipped_with_reasons():
    result = _read("v30_apple.vcf")
    assert [r.name for r in result.records] == ["Zoë Ångström", "李小龙", "Kept Despite Junk"]
    assert result.skipped == [
        SkippedRecord("card 3 (line 22)", "the card has no name (neither FN nor N is filled in)"),
        SkippedRecord(
            "card 5 (line 32)", "the card has no END:VCARD line, so the file may have been cut off"
        ),
    ]


def test_v30_unreadable_line_is_left_out_and_the_card_kept():
    result = _read("v30_apple.vcf")
    kept = result.records[2]
    assert kept.emails == ("kept@example.org",)
    assert result.warnings == [
        "card 4 (line 26): line 29 is not a vCard property and was left out: 'this line is not a property'"
    ]


def test_whole_file_in_shift_jis_without_charset_parameter():
    record = _read("v30_shift_jis_file.vcf").records[0]
    assert record.name == "高橋 ソウタ"  # ソ is 0x83 0x5C in Shift_JIS
    assert record.organization == "株式会社表示, 営業部"  # 表 is 0x95 0x5C
    assert record.title == "課長"


# --- vCard 4.0 -----------------------------------------------------------------------------


def test_v40_pref_numbers_tel_uris_and_name_from_n():
    jane = _read("v40_pref.vcf").records[0]
    assert jane.name == "Dr. Jane Q. Doe, PhD"
    assert jane.emails == ("jane.doe@work.example", "jane@home.example", "jane@work.example")
    assert jane.phones == ("+1-555-0100", "+1-555-0101")
    assert jane.url == "https://jane.example/about"


# --- smaller cases ---------------------------------------------------------------------------


def test_fold_inside_a_multibyte_character():
    data = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ren\xc3\r\n \xa9e Dupont\r\nEND:VCARD\r\n"
    assert _only(data).name == "Renée Dupont"


def test_n_without_fn_in_western_order():
    assert _only(_card("N:Lovelace;Ada;;;")).name == "Ada Lovelace"
    assert _only(_card("N:Lovelace;Ada;King;Countess;")).name == "Countess Ada King Lovelace"


def test_fn_takes_precedence_over_n():
    assert (
        _only(_card("N:Lovelace;Ada;;;", "FN:Ada, Countess of Lovelace")).name == "Ada, Countess of Lovelace"
    )


def test_org_skips_empty_units_and_first_org_and_title_win():
    record = _only(_card("ORG:;Platform Team;", "ORG:Second Org", "TITLE:", "TITLE:Staff Engineer", "FN:A B"))
    assert record.organization == "Platform Team"
    assert record.title == "Staff Engineer"


def test_note_escapes():
    record = _only(_card("FN:X", r"NOTE:one\ntwo\, three\; four \\ five"))
    assert record.note == "one\ntwo, three; four \\ five"


def test_several_emails_and_phones_keep_file_order_and_drop_repeats():
    record = _only(
        _card(
            "FN:X",
            "EMAIL;TYPE=work:a@example.org",
            "EMAIL;TYPE=home:b@example.org",
            "EMAIL:A@example.org",
            "TEL:1",
            "TEL:2",
            "TEL:1",
        )
    )
    assert record.emails == ("a@example.org", "b@example.org")
    assert record.phones == ("1", "2")


def test_grouped_properties():
    record = _only(
        _card(
            "FN:X",
            "item1.EMAIL;type=INTERNET:x@example.org",
            "item1.X-ABLabel:Other",
            "item2.URL:https://x.example",
        )
    )
    assert record.emails == ("x@example.org",)
    assert record.url == "https://x.example"


def test_mixed_charsets_within_one_card():
    data = (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
        + "FN;CHARSET=SHIFT_JIS:鈴木 一郎\r\n".encode("cp932")
        + "NOTE;CHARSET=UTF-8:Café ☕\r\n".encode()
        + "TITLE:部長\r\n".encode("cp932")
        + b"END:VCARD\r\n"
    )
    record = _only(data)
    assert record.name == "鈴木 一郎"
    assert record.note == "Café ☕"
    assert record.title == "部長"


def test_western_file_in_windows_1252_without_charset():
    record = _only(_card("FN:Sébastien Müller", "ORG:Crème Brûlée SA", version="2.1", encoding="cp1252"))
    assert record.name == "Sébastien Müller"
    assert record.organization == "Crème Brûlée SA"


def test_utf16_file():
    record = _only(_card("FN:Zoë 😀", encoding="utf-16"))
    assert record.name == "Zoë 😀"


def test_base64_photo_in_3_0_is_checked():
    good = _card("FN:X", "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRg==")
    bad = _card("FN:X", "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ:SkZJRg==")
    data_uri = _card("FN:X", "PHOTO:data:image/png;base64,%%%", version="4.0")
    link = _card("FN:X", "PHOTO;VALUE=uri:https://example.org/x.jpg")
    assert parse_vcard(good).warnings == []
    assert parse_vcard(bad).warnings == ["card 1 (line 1): photo could not be read and was left out"]
    assert parse_vcard(data_uri).warnings == ["card 1 (line 1): photo could not be read and was left out"]
    assert parse_vcard(link).warnings == []


def test_unknown_charset_is_reported():
    result = parse_vcard(_card("FN;CHARSET=klingon:Worf"))
    assert result.records[0].name == "Worf"
    assert result.warnings == ["card 1 (line 1): FN on line 3 has an unknown character set 'klingon'"]


def test_component_inside_a_card_does_not_end_it():
    result = parse_vcard(_card("FN:X", "BEGIN:VCALENDAR", "END:VCALENDAR", "EMAIL:x@example.org"))
    assert [(r.name, r.emails) for r in result.records] == [("X", ("x@example.org",))]


def _vobject_fails_on(monkeypatch: pytest.MonkeyPatch, marker: str) -> None:
    """Make vobject fail on any card text containing ``marker``."""
    read_one = vobject.readOne

    def failing(text, *args, **kwargs):
        if marker in text:
            raise vobject.base.ParseError("Failed to parse line", 3)
        return read_one(text, *args, **kwargs)

    monkeypatch.setattr(vobject, "readOne", failing)


def test_line_vobject_cannot_read_is_left_out(monkeypatch):
    _vobject_fails_on(monkeypatch, "NOTE")
    result = parse_vcard(_card("FN:X", "NOTE:broken", "EMAIL:x@example.org"))
    assert [(r.name, r.emails, r.note) for r in result.records] == [("X", ("x@example.org",), "")]
    assert result.warnings == ["card 1 (line 1): line 4 could not be read and was left out"]


def test_card_vobject_cannot_read_is_skipped(monkeypatch):
    _vobject_fails_on(monkeypatch, "BEGIN:VCARD")
    data = _card("FN:X")
    with pytest.raises(ImportFormatError) as caught:
        parse_vcard(data, "x.vcf")
    assert str(caught.value) == (
        "x.vcf has no contacts that could be read: card 1 (line 1): "
        "the card could not be read (At line 3: Failed to parse line)"
    )


def test_embedded_agent_card_is_not_a_contact():
    data = _card(
        "FN:Boss",
        "AGENT:",
        "BEGIN:VCARD",
        "VERSION:2.1",
        "FN:Assistant",
        "END:VCARD",
        "EMAIL:boss@example.org",
    )
    result = parse_vcard(data)
    assert [(r.name, r.emails) for r in result.records] == [("Boss", ("boss@example.org",))]


def test_text_outside_cards_is_ignored_with_a_warning():
    data = b"hello\r\n" + _card("FN:X") + b"trailing\r\n"
    result = parse_vcard(data)
    assert [r.name for r in result.records] == ["X"]
    assert result.warnings == ["line 1: 2 lines outside any card were ignored"]


def test_missing_end_before_next_card():
    data = b"BEGIN:VCARD\r\nFN:First\r\n" + _card("FN:Second")
    result = parse_vcard(data)
    assert [r.name for r in result.records] == ["Second"]
    assert result.skipped == [
        SkippedRecord("card 1 (line 1)", "the card has no END:VCARD line, so the file may have been cut off")
    ]


def test_both_modules_offer_the_parser():
    data = _card("FN:X")
    assert vcard.parse_vcard(data, "a.vcf") == parse_vcard(data, "a.vcf")


# --- whole-file errors -----------------------------------------------------------------------


def test_not_a_vcard_file():
    with pytest.raises(ImportFormatError) as caught:
        parse_vcard(b"First Name,Last Name\r\nAda,Lovelace\r\n", "notes.txt")
    assert str(caught.value) == "notes.txt is not a vCard file: no BEGIN:VCARD found"


def test_empty_file():
    with pytest.raises(ImportFormatError) as caught:
        parse_vcard(b"  \r\n", "empty.vcf")
    assert str(caught.value) == "empty.vcf is not a vCard file: the file is empty"


def test_file_where_no_card_can_be_read():
    data = _card("EMAIL:a@example.org") + _card("NOTE:nobody")
    with pytest.raises(ImportFormatError) as caught:
        parse_vcard(data, "nameless.vcf")
    assert str(caught.value) == (
        "nameless.vcf has no contacts that could be read: card 1 (line 1): "
        "the card has no name (neither FN nor N is filled in) (and 1 more)"
    )
