"""Read vCard files (versions 2.1, 3.0 and 4.0) into :class:`ContactRecord` values.

vobject parses each card: property names, groups (``item1.EMAIL``), parameters (quoted
ones included), text escapes and the structured ``N`` and ``ORG`` values. vobject works on
text, though, while a vCard file is bytes whose character set may change from one property
to the next (vCard 2.1 ``CHARSET=Shift_JIS`` next to UTF-8, or quoted-printable bodies in a
declared charset). So this module first does the byte-level work itself and hands vobject
clean, already decoded lines:

1. The file is split into logical lines: folded lines are joined, and so are vCard 2.1
   quoted-printable soft line breaks and 2.1 base64 bodies that run over several lines.
   This has to happen on bytes, before decoding, because a fold may fall inside a
   multi-byte character.
2. Lines are grouped into cards by ``BEGIN:VCARD`` / ``END:VCARD``, so that one damaged card
   only costs that card.
3. Each value is decoded: quoted-printable and base64 first, then the declared ``CHARSET``;
   undeclared text is UTF-8 or, failing that, the charset the file's other text is in
   (Shift_JIS for Japanese phones, Windows-1252 for older western ones). Decoding happens
   before backslash escapes are read, because in Shift_JIS the second byte of a character
   may be a backslash (``能`` is ``0x94 0x5C``).
4. Single-valued text has its unescaped ``,`` and ``;`` escaped before vobject reads it:
   vobject treats a bare comma in such a value as a list separator and keeps only the first
   item (``TITLE:VP, Research`` would become ``VP``), and vCard 2.1 writers do not escape.

Photos are not imported; they are only checked, so that a damaged one can be reported
without losing the person (vobject decodes base64 leniently and would not notice).
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re
import unicodedata
from dataclasses import dataclass, field

import vobject
import vobject.base

from mentordesk.formats.contacts import (
    ContactParseResult,
    ContactRecord,
    SkippedRecord,
    clean_name,
    excerpt,
    format_error,
    no_records_error,
    one_line,
)

_NOT_VCARD = "is not a vCard file"

# The properties a ContactRecord is made from; only these are given to vobject.
_USED = frozenset({"VERSION", "FN", "N", "ORG", "TITLE", "EMAIL", "TEL", "URL", "NOTE"})
# Properties holding binary data; never given to vobject (PHOTO is checked, see _photo_ok).
_BINARY = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})
# Structured values that vobject splits itself; their commas and semicolons are separators.
_STRUCTURED = frozenset({"N", "ADR", "ORG"})
# Parameters that describe the transfer encoding of the raw bytes, handled before vobject.
_TRANSFER_SINGLETONS = frozenset({"QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT", "B"})

# CHARSET labels read with a wider codec than their name. Shift_JIS in all its spellings is
# read as Microsoft's superset (cp932), which also has the NEC and IBM extensions (circled
# digits, roman numerals) that Japanese phones write; ISO-8859-1 as Windows-1252, which is
# what western writers that say Latin-1 actually produce.
_CHARSET_ALIASES = {
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "shiftjis": "cp932",
    "sjis": "cp932",
    "s-jis": "cp932",
    "x-sjis": "cp932",
    "ms_kanji": "cp932",
    "windows-31j": "cp932",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "utf-8",
    "ascii": "utf-8",
}
# Charsets whose byte patterns also fit western text; a guess needs a plausibility check.
_CJK_CODECS = frozenset({"cp932", "shift_jis", "euc_jp", "gbk", "gb2312", "gb18030", "big5", "euc_kr"})

_BASE64_BODY = re.compile(rb"^[A-Za-z0-9+/=]+$")
_BASE64_PARAM = re.compile(rb"(?:^|;)\s*(?:ENCODING\s*=\s*)?(?:B|BASE64)\s*(?:;|$)", re.IGNORECASE)
_BOM = b"\xef\xbb\xbf"


@dataclass
class _Prop:
    """One logical line of the file, with its value still as bytes."""

    number: int  # first physical line, 1-based
    raw: bytes
    name: str = ""
    group: str | None = None
    params: list[list[str]] = field(default_factory=list)
    value: bytes = b""  # after quoted-printable / base64 decoding
    codec: str | None = None  # declared CHARSET, resolved to a Python codec
    problem: str = ""  # why this line cannot be used, if it cannot
    notes: list[str] = field(default_factory=list)  # smaller problems, for warnings


@dataclass
class _Card:
    number: int  # 1-based position in the file
    line: int  # line of BEGIN:VCARD
    props: list[_Prop] = field(default_factory=list)
    closed: bool = False

    @property
    def where(self) -> str:
        return f"card {self.number} (line {self.line})"


def parse_vcard(data: bytes, filename: str = "file") -> ContactParseResult:
    """Read every card in ``data``.

    Raises :class:`ImportFormatError` when the file is not a vCard file or no card in it can
    be read; otherwise returns at least one record.
    """
    data = _as_utf8_if_utf16(bytes(data))
    if not data.strip():
        raise format_error(filename, f"{_NOT_VCARD}: the file is empty")
    if not re.search(rb"BEGIN\s*:\s*VCARD", data, re.IGNORECASE):
        raise format_error(filename, f"{_NOT_VCARD}: no BEGIN:VCARD found")

    props = [_read_prop(number, raw) for number, raw in _logical_lines(data)]
    cards, stray = _group_cards(props)
    if not cards:
        raise format_error(filename, f"{_NOT_VCARD}: no BEGIN:VCARD found")
    fallback = _pick_fallback(props)

    records: list[ContactRecord] = []
    skipped: list[SkippedRecord] = []
    warnings: list[str] = []
    if stray:
        count = len(stray)
        what = "1 line" if count == 1 else f"{count} lines"
        verb = "was" if count == 1 else "were"
        warnings.append(f"line {stray[0]}: {what} outside any card {verb} ignored")
    for card in cards:
        record, reason, card_warnings = _read_card(card, fallback)
        warnings.extend(card_warnings)
        if record is not None:
            records.append(record)
        else:
            skipped.append(SkippedRecord(card.where, reason))
    if not records:
        raise no_records_error(filename, "contacts", skipped)
    return ContactParseResult(records=records, skipped=skipped, warnings=warnings)


# --- bytes to logical lines ----------------------------------------------------------------


def _as_utf8_if_utf16(data: bytes) -> bytes:
    """UTF-16 files (some Windows exports) re-encoded as UTF-8; other data unchanged."""
    encoding = None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif b"B\x00E\x00G\x00I\x00N\x00" in data[:4096]:
        encoding = "utf-16-le"
    elif b"\x00B\x00E\x00G\x00I\x00N" in data[:4096]:
        encoding = "utf-16-be"
    if encoding is None:
        return data
    return data.decode(encoding, errors="replace").lstrip("\ufeff").encode("utf-8")


def _split_head(raw: bytes) -> tuple[bytes, bytes] | None:
    """``raw`` split at the first colon outside double quotes, or None without a colon."""
    colon = raw.find(b":")
    if colon < 0:
        return None
    if raw.find(b'"', 0, colon) < 0:
        return raw[:colon], raw[colon + 1 :]
    quoted = False
    for index, byte in enumerate(raw):
        if byte == 0x22:  # "
            quoted = not quoted
        elif byte == 0x3A and not quoted:  # :
            return raw[:index], raw[index + 1 :]
    return raw[:colon], raw[colon + 1 :]  # unbalanced quotes: the first colon anywhere


def _is_end_line(raw: bytes) -> bool:
    return raw.strip().upper().replace(b" ", b"") == b"END:VCARD"


def _logical_lines(data: bytes) -> list[tuple[int, bytes]]:
    """Unfold ``data`` into (first line number, bytes) pairs; blank lines are dropped."""
    result: list[tuple[int, bytes]] = []
    current: bytearray | None = None
    start = 0
    mode = ""  # "qp": after a soft line break, "b64": inside a vCard 2.1 base64 body

    def finish() -> None:
        nonlocal current, mode
        if current is not None and current.strip():
            result.append((start, bytes(current)))
        current = None
        mode = ""

    for number, line in enumerate(data.splitlines(), 1):
        if line.startswith(_BOM):
            line = line[len(_BOM) :]
        if current is not None and mode == "qp" and not _is_end_line(line):
            # The previous line ended in a quoted-printable soft line break ("=").
            current += line
            mode = "qp" if current.endswith(b"=") else ""
            if mode:
                del current[-1]
            continue
        if current is not None and mode == "b64":
            body = line.strip()
            if not body:
                finish()  # a blank line ends a 2.1 base64 body
                continue
            if _BASE64_BODY.match(body):
                current += body
                continue
        if not line.strip():
            finish()
            continue
        if current is not None and line[:1] in (b" ", b"\t"):
            current += line[1:]  # folded line
            continue
        finish()
        current = bytearray(line)
        start = number
        split = _split_head(line)
        head = split[0] if split else b""
        if b"QUOTED-PRINTABLE" in head.upper() and current.endswith(b"="):
            del current[-1]
            mode = "qp"
        elif _BASE64_PARAM.search(head):
            mode = "b64"
    finish()
    return result


# --- one logical line --------------------------------------------------------------------


def _codec(label: str) -> str | None:
    """The Python codec for a CHARSET label, or None if it is unknown."""
    label = label.strip().strip('"').lower()
    label = _CHARSET_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except (LookupError, ValueError):
        return None


def _read_prop(number: int, raw: bytes) -> _Prop:
    """Parse the name and parameters of one logical line and undo its transfer encoding."""
    prop = _Prop(number=number, raw=raw)
    split = _split_head(raw)
    if split is None:
        prop.problem = "is not a vCard property"
        return prop
    head, value = split
    try:
        name, params, _, group = vobject.base.parseLine(head.decode("utf-8", errors="replace") + ":")
    except vobject.base.ParseError:
        prop.problem = "is not a vCard property"
        return prop
    prop.name = name.upper()
    prop.group = group
    prop.params = params

    encodings = {v.upper() for p in params if p[0].upper() == "ENCODING" for v in p[1:]}
    encodings |= {p[0].upper() for p in params if len(p) == 1}
    charsets = [v for p in params if p[0].upper() == "CHARSET" for v in p[1:]]
    if charsets:
        prop.codec = _codec(charsets[0])
        if prop.codec is None:
            prop.notes.append(f"has an unknown character set {excerpt(charsets[0])}")

    if "QUOTED-PRINTABLE" in encodings:
        value = binascii.a2b_qp(value)
    elif encodings & {"B", "BASE64"} and prop.name not in _BINARY:
        decoded = _b64decode(value)
        if decoded is None:
            prop.problem = "has damaged base64 content"
            return prop
        value = decoded
    prop.value = value
    return prop


def _b64decode(value: bytes) -> bytes | None:
    """Strictly decoded base64 (white space and missing padding allowed), or None."""
    body = b"".join(value.split())
    if len(body) % 4 == 1:
        return None
    body += b"=" * (-len(body) % 4)
    try:
        return base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError):
        return None


# --- cards -------------------------------------------------------------------------------


def _group_cards(props: list[_Prop]) -> tuple[list[_Card], list[int]]:
    """Cards in file order, and the line numbers of text found outside any card."""
    cards: list[_Card] = []
    stray: list[int] = []
    card: _Card | None = None
    agent_depth = 0  # inside a vCard 2.1 AGENT card embedded in the current card
    for prop in props:
        is_card = prop.value.strip().upper() == b"VCARD"
        if prop.name == "BEGIN" and is_card:
            if card is not None:
                last = card.props[-1] if card.props else None
                if agent_depth or (last is not None and last.name == "AGENT" and not last.value.strip()):
                    agent_depth += 1
                    continue
                cards.append(card)  # not closed: a new card began first
            card = _Card(number=len(cards) + 1, line=prop.number)
        elif prop.name == "END" and is_card and card is not None:
            if agent_depth:
                agent_depth -= 1
                continue
            card.closed = True
            cards.append(card)
            card = None
        elif card is None:
            stray.append(prop.number)
        elif not agent_depth:
            card.props.append(prop)
    if card is not None:
        cards.append(card)
    return cards, stray


def _plausible(text: str) -> bool:
    """False if ``text``, decoded with an East Asian charset, looks like misread western text."""
    for index, char in enumerate(text):
        if ord(char) < 0x80:
            continue
        if unicodedata.category(char) in ("Co", "Cn"):
            return False
        before = text[index - 1] if index else ""
        after = text[index + 1] if index + 1 < len(text) else ""
        if before.isascii() and before.isalpha() and after.isascii() and after.isalpha():
            return False  # a lone ideograph inside a Latin word: "Sébastien" read as cp932
    return True


def _pick_fallback(props: list[_Prop]) -> str:
    """The charset for text that declares none and is not UTF-8."""
    declared = list(dict.fromkeys(p.codec for p in props if p.codec and p.codec != "utf-8"))
    samples = []
    for prop in props:
        if prop.codec is None and not prop.problem:
            try:
                prop.value.decode("utf-8")
            except UnicodeDecodeError:
                samples.append(prop.value)
    if not samples:
        return declared[0] if declared else "cp1252"
    for codec in [*declared, "cp932", "cp1252"]:
        try:
            texts = [sample.decode(codec) for sample in samples]
        except UnicodeDecodeError:
            continue
        if codec in declared or codec not in _CJK_CODECS or all(_plausible(t) for t in texts):
            return codec
    return "latin-1"


def _decode(prop: _Prop, fallback: str) -> tuple[str, bool]:
    """The value of ``prop`` as text, and whether it decoded without replacements.

    A declared charset is trusted, except that text which does not fit it but is valid UTF-8
    is read as UTF-8 (phones that label UTF-8 as Shift_JIS exist). Undeclared text is UTF-8
    or else in the file's fallback charset.
    """
    order = [prop.codec, "utf-8"] if prop.codec else ["utf-8", fallback]
    for codec in order:
        try:
            return prop.value.decode(codec), True
        except UnicodeDecodeError:
            continue
    return prop.value.decode(order[0], errors="replace"), False


# A backslash escape vobject reads, a backslash it would misread, or a bare separator.
_TEXT_ESCAPES = re.compile(r'\\[\\;,nN"]|\\|[,;]')


def _escape_text(value: str) -> str:
    """Escape bare separators and stray backslashes so vobject reads the whole value."""

    def replace(match: re.Match[str]) -> str:
        found = match.group()
        return found if len(found) == 2 else "\\" + found

    return _TEXT_ESCAPES.sub(replace, value)


def _escape_structured(value: str) -> str:
    """A trailing lone backslash doubled; vobject would otherwise read past the value's end."""
    trailing = len(value) - len(value.rstrip("\\"))
    return value + "\\" if trailing % 2 else value


def _line_text(prop: _Prop, value: str) -> str:
    """``prop`` as one vCard 3.0 line for vobject, with the decoded value."""
    parts = [f"{prop.group}.{prop.name}" if prop.group else prop.name]
    for param in prop.params:
        key = param[0].upper()
        if key in ("CHARSET", "ENCODING") or (len(param) == 1 and key in _TRANSFER_SINGLETONS):
            continue
        values = [v.replace('"', "") for v in param[1:]]
        quoted = [f'"{v}"' if any(c in v for c in ",;:") else v for v in values]
        parts.append(f"{param[0]}={','.join(quoted)}" if quoted else param[0])
    value = _escape_structured(value) if prop.name in _STRUCTURED else _escape_text(value)
    value = value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")
    return ";".join(parts) + ":" + value


def _read_vobject(lines: list[str]) -> vobject.base.Component:
    return vobject.readOne("BEGIN:VCARD\r\n" + "".join(f"{line}\r\n" for line in lines) + "END:VCARD\r\n")


def _read_card(card: _Card, fallback: str) -> tuple[ContactRecord | None, str, list[str]]:
    """The record for ``card``, or the reason it was skipped; plus warnings."""
    where = card.where
    warnings: list[str] = []
    if not card.closed:
        return None, "the card has no END:VCARD line, so the file may have been cut off", warnings

    lines: list[tuple[_Prop, str]] = []
    for prop in card.props:
        if prop.problem:
            text = prop.raw.decode("utf-8", errors="replace")
            warnings.append(f"{where}: line {prop.number} {prop.problem} and was left out: {excerpt(text)}")
            continue
        if prop.name == "PHOTO" and not _photo_ok(prop):
            warnings.append(f"{where}: photo could not be read and was left out")
        if prop.name not in _USED:
            continue
        for note in prop.notes:
            warnings.append(f"{where}: {prop.name} on line {prop.number} {note}")
        value, clean = _decode(prop, fallback)
        if not clean:
            warnings.append(
                f"{where}: some characters of {prop.name} on line {prop.number} could not be read "
                "and were replaced"
            )
        lines.append((prop, _line_text(prop, value)))

    try:
        component = _read_vobject([text for _, text in lines])
    except Exception:  # vobject raises many exception types on malformed input
        # Find the lines vobject cannot read on their own, leave them out and try again.
        kept: list[tuple[_Prop, str]] = []
        for prop, text in lines:
            try:
                _read_vobject([text])
            except Exception:
                warnings.append(f"{where}: line {prop.number} could not be read and was left out")
            else:
                kept.append((prop, text))
        try:
            component = _read_vobject([text for _, text in kept])
        except Exception as err:
            reason = one_line(str(err))[:120] or type(err).__name__
            return None, f"the card could not be read ({reason})", warnings

    record = _record(component, where)
    if record is None:
        return None, "the card has no name (neither FN nor N is filled in)", warnings
    return record, "", warnings


def _photo_ok(prop: _Prop) -> bool:
    """Whether an inline photo's data can be decoded. Links to photos are not checked."""
    encodings = {v.upper() for p in prop.params if p[0].upper() == "ENCODING" for v in p[1:]}
    encodings |= {p[0].upper() for p in prop.params if len(p) == 1}
    value = prop.value.strip()
    if encodings & {"B", "BASE64"}:
        return bool(value) and bool(_b64decode(value))
    if value[:5].lower() == b"data:":
        header, comma, body = value.partition(b",")
        if not comma:
            return False
        if header.lower().endswith(b";base64"):
            return bool(_b64decode(body))
    return True


# --- vobject component to record -----------------------------------------------------------


def _children(component: vobject.base.Component, name: str) -> list[vobject.base.ContentLine]:
    return list(component.contents.get(name.lower(), []))


def _text(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(t for t in (_text(v) for v in value) if t)
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace").strip()
    return str(value).replace("\r\n", "\n").strip() if value is not None else ""


def _pref_rank(line: vobject.base.ContentLine) -> int:
    """Lower is more preferred: vCard 4.0 ``PREF=n``, else ``TYPE=pref`` / 2.1 ``PREF``."""
    for value in line.params.get("PREF", []):
        try:
            return max(1, min(100, int(value)))
        except ValueError:
            return 1
    types = {t.strip().upper() for v in line.params.get("TYPE", []) for t in v.split(",")}
    types |= {s.upper() for s in line.singletonparams}
    return 1 if "PREF" in types else 101


def _by_preference(lines: list[vobject.base.ContentLine]) -> list[vobject.base.ContentLine]:
    return sorted(lines, key=_pref_rank)  # stable: file order among equals


def _unique(values: list[str], *, ignore_case: bool = False) -> tuple[str, ...]:
    """``values`` without empty strings and repeats, in order."""
    seen: set[str] = set()
    result = []
    for value in values:
        marker = value.casefold() if ignore_case else value
        if value and marker not in seen:
            seen.add(marker)
            result.append(value)
    return tuple(result)


def _strip_scheme(value: str, scheme: str) -> str:
    return value[len(scheme) :].strip() if value.lower().startswith(scheme) else value


def _has_east_asian(text: str) -> bool:
    return any(
        "\u1100" <= c <= "\u11ff"  # Hangul jamo
        or "\u2e80" <= c <= "\u9fff"  # CJK radicals, kana, ideographs
        or "\uac00" <= c <= "\ud7af"  # Hangul syllables
        or "\uf900" <= c <= "\ufaff"
        or "\uff00" <= c <= "\uffef"  # half-width kana and full-width forms
        for c in text
    )


def _name_from_n(value: object) -> str:
    """A display name built from a structured N value."""

    def part(attr: str, sep: str) -> str:
        raw = getattr(value, attr, "")
        items = raw if isinstance(raw, list) else [raw]
        return sep.join(clean_name(str(i)) for i in items if clean_name(str(i)))

    if not hasattr(value, "family"):
        return clean_name(_text(value).replace(";", " "))
    family, given = part("family", ", "), part("given", " ")
    additional, prefix, suffix = part("additional", " "), part("prefix", ", "), part("suffix", ", ")
    if _has_east_asian(family + given + additional):
        order = [prefix, family, given, additional]  # family name first
    else:
        order = [prefix, given, additional, family]
    name = " ".join(p for p in order if p)
    if suffix:
        name = f"{name}, {suffix}" if name else suffix
    return name


def _org(value: object) -> str:
    units = value if isinstance(value, list) else [value]
    return ", ".join(u for u in (clean_name(_text(unit)) for unit in units) if u)


def _record(component: vobject.base.Component, where: str) -> ContactRecord | None:
    name = ""
    for line in _children(component, "FN"):
        name = clean_name(_text(line.value))
        if name:
            break
    if not name:
        for line in _children(component, "N"):
            name = _name_from_n(line.value)
            if name:
                break
    if not name:
        return None

    emails = [
        _strip_scheme(_text(line.value), "mailto:") for line in _by_preference(_children(component, "EMAIL"))
    ]
    phones = [
        _strip_scheme(_text(line.value), "tel:") for line in _by_preference(_children(component, "TEL"))
    ]
    urls = [_text(line.value).replace("\\:", ":") for line in _by_preference(_children(component, "URL"))]
    organization = next((o for o in (_org(line.value) for line in _children(component, "ORG")) if o), "")
    title = next(
        (t for t in (clean_name(_text(line.value)) for line in _children(component, "TITLE")) if t), ""
    )
    notes = [n for n in (_text(line.value) for line in _children(component, "NOTE")) if n]
    return ContactRecord(
        name=name,
        emails=_unique(emails, ignore_case=True),
        phones=_unique(phones),
        organization=organization,
        title=title,
        url=next((u for u in urls if u), ""),
        note="\n\n".join(notes),
        source="vcard",
        where=where,
    )
