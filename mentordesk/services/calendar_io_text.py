"""How meetings read as calendar events and back: summary, description and matching by name.

Pure functions (stdlib only). The description MentorDesk writes has labelled blocks:

    Channel: Video
    Rating: 4/5

    Agenda:
    <agenda>

    Notes:
    <notes>

    Open action items:
    - Send the slides (me, due 2026-06-20)

Files written by MentorDesk are read back block by block; other files give their whole
description as the agenda.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mentordesk.domain.enums import Channel

SUMMARY_PREFIX = "Mentoring meeting with "
SUMMARY_JOIN = " — "
AGENDA_HEAD = "Agenda:\n"
NOTES_HEAD = "Notes:\n"
ACTIONS_HEAD = "Open action items:\n"


def event_summary(person: str, title: str) -> str:
    """SUMMARY names the person; a meeting's own title comes first when it has one."""
    if title and person and person.casefold() not in title.casefold():
        return f"{title}{SUMMARY_JOIN}{person}"
    if title:
        return title
    return f"{SUMMARY_PREFIX}{person}" if person else "Meeting"


def title_from_summary(summary: str, person: str) -> str:
    """The meeting title an exported SUMMARY stands for (inverse of :func:`event_summary`)."""
    text = summary.strip()
    if person and text == f"{SUMMARY_PREFIX}{person}":
        return ""
    if person and text.endswith(f"{SUMMARY_JOIN}{person}"):
        return text[: -len(SUMMARY_JOIN + person)]
    if not person and text == "Meeting":
        return ""
    return text


def event_description(
    *, channel: Channel | None, rating: int | None, agenda: str, notes: str, actions: list[str]
) -> str:
    head = []
    if channel is not None:
        head.append(f"Channel: {channel.label}")
    if rating is not None:
        head.append(f"Rating: {rating}/5")
    blocks = ["\n".join(head)] if head else []
    if agenda:
        blocks.append(AGENDA_HEAD + agenda)
    if notes:
        blocks.append(NOTES_HEAD + notes)
    if actions:
        blocks.append(ACTIONS_HEAD + "\n".join(f"- {a}" for a in actions))
    return "\n\n".join(blocks)


@dataclass(frozen=True)
class DescriptionParts:
    channel: Channel | None = None
    rating: int | None = None
    agenda: str = ""
    notes: str = ""


def parse_description(text: str) -> DescriptionParts:
    """Read a description written by :func:`event_description`."""
    rest = text.replace("\r\n", "\n")
    channel: Channel | None = None
    rating: int | None = None
    lines = rest.split("\n")
    while lines and (lines[0].startswith("Channel: ") or lines[0].startswith("Rating: ")):
        key, _sep, value = lines.pop(0).partition(": ")
        if key == "Channel":
            try:
                channel = Channel.parse(value)  # type: ignore[assignment]
            except ValueError:
                channel = None
        else:
            match = re.fullmatch(r"([1-5])/5", value.strip())
            rating = int(match.group(1)) if match else None
    rest = "\n".join(lines).lstrip("\n")
    if rest.startswith(ACTIONS_HEAD):
        rest = ""
    else:
        rest = rest.split("\n\n" + ACTIONS_HEAD, 1)[0]
    notes = ""
    if rest.startswith(NOTES_HEAD):
        notes, rest = rest[len(NOTES_HEAD) :], ""
    elif "\n\n" + NOTES_HEAD in rest:
        rest, notes = rest.rsplit("\n\n" + NOTES_HEAD, 1)
    agenda = rest[len(AGENDA_HEAD) :] if rest.startswith(AGENDA_HEAD) else rest
    return DescriptionParts(channel, rating, agenda.strip(), notes.strip())


def names_in(summary: str, names: dict[str, list[int]]) -> list[int]:
    """Relationships whose person's full name appears in ``summary`` as whole words (longest wins)."""
    return name_finder(names)(summary)


def name_finder(names: dict[str, list[int]]) -> Callable[[str], list[int]]:
    """:func:`names_in` for many summaries: the names (casefolded keys) are compiled once.

    One pattern tries every name at each place in the summary, longest first, so that a
    name is found even where it overlaps another.
    """
    keys = sorted((name for name in names if name), key=len, reverse=True)
    if not keys:
        return lambda summary: []
    pattern = re.compile(r"(?=(?<!\w)(" + "|".join(map(re.escape, keys)) + r")(?!\w))")

    def find(summary: str) -> list[int]:
        found = {match.group(1) for match in pattern.finditer(summary.casefold())}
        if not found:
            return []
        longest = max(map(len, found))
        hits = [ids for name, ids in names.items() if name in found and len(name) == longest]
        return hits[0] if len(hits) == 1 else [i for ids in hits for i in ids]

    return find


def local_zone_name() -> str:
    """The IANA name of this computer's time zone, or "" when it cannot be told (UTC is written)."""
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz and "/" in tz and not tz.startswith("/"):
        return tz
    try:
        target = str(Path("/etc/localtime").resolve())
    except OSError:
        return ""
    marker = "zoneinfo/"
    return target.split(marker, 1)[1] if marker in target else ""
