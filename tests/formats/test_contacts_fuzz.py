"""Property tests: whatever bytes come in, the contact parsers give records or ImportFormatError."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from mentordesk.formats.contacts import ContactRecord, parse_linkedin, parse_vcard
from mentordesk.services.errors import ImportFormatError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "contacts"
SEEDS = [path.read_bytes() for path in sorted(FIXTURES.iterdir()) if path.suffix in (".vcf", ".csv")]
PARSERS = [parse_vcard, parse_linkedin]

JUNK_LINES = [
    b"",
    b"BEGIN:VCARD",
    b"END:VCARD",
    b"AGENT:",
    b":",
    b"FN:",
    b"N:;;;;",
    b"NOTE;ENCODING=QUOTED-PRINTABLE:abc=",
    b"PHOTO;ENCODING=BASE64:",
    b'EMAIL;PREF=x;TYPE="a:b":x',
    b"FN;CHARSET=nope:x",
    b"\\",
    b'"',
    b"\x83\\",
    b"\xff\xfe\x00",
    b"First Name,Last Name",
    b",,,,,,",
    b'"unterminated,',
    "Zoë 😀 李".encode(),
]


def _check(parse, data: bytes) -> None:
    try:
        result = parse(data, "fuzz.dat")
    except ImportFormatError as err:
        message = str(err)
        assert message.startswith("fuzz.dat ")
        assert "\n" not in message and "\r" not in message
        return
    assert result.records
    for record in result.records:
        assert isinstance(record, ContactRecord)
        assert record.name.strip()
        assert all(isinstance(e, str) and e for e in record.emails)
    for warning in result.warnings:
        assert isinstance(warning, str) and warning


_truncate = st.tuples(st.just("truncate"), st.floats(0, 1))
_flip = st.tuples(st.just("flip"), st.floats(0, 1), st.integers(0, 255))
_insert = st.tuples(st.just("insert"), st.floats(0, 1), st.sampled_from(JUNK_LINES))
_delete_line = st.tuples(st.just("delete"), st.floats(0, 1))


def _mutate(data: bytes, operations: list[tuple]) -> bytes:
    out = bytearray(data)
    for operation in operations:
        kind, where = operation[0], operation[1]
        if kind == "truncate":
            del out[int(len(out) * where) :]
        elif kind == "flip" and out:
            out[min(int(len(out) * where), len(out) - 1)] = operation[2]
        elif kind in ("insert", "delete"):
            lines = bytes(out).split(b"\n")
            index = min(int(len(lines) * where), len(lines) - 1)
            if kind == "insert":
                lines.insert(index, operation[2] + b"\r")
            elif len(lines) > 1:
                del lines[index]
            out = bytearray(b"\n".join(lines))
    return bytes(out)


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=2000), parser=st.sampled_from(PARSERS))
def test_random_bytes(data, parser):
    _check(parser, data)


@settings(max_examples=200, deadline=None)
@given(
    seed=st.sampled_from(SEEDS),
    operations=st.lists(st.one_of(_truncate, _flip, _insert, _delete_line), min_size=1, max_size=8),
    parser=st.sampled_from(PARSERS),
)
def test_mutated_fixtures(seed, operations, parser):
    _check(parser, _mutate(seed, operations))


@settings(max_examples=100, deadline=None)
@given(
    prefix=st.sampled_from([b"", b"\xef\xbb\xbf", b"junk\r\n"]),
    lines=st.lists(
        st.one_of(st.sampled_from(JUNK_LINES), st.text(max_size=40).map(lambda t: t.encode("utf-8"))),
        max_size=12,
    ),
)
def test_random_lines_inside_a_card(prefix, lines):
    body = b"\r\n".join([b"BEGIN:VCARD", b"VERSION:3.0", *lines, b"END:VCARD"])
    _check(parse_vcard, prefix + body)
