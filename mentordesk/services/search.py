"""Full-text search over everything the user wrote (SQLite FTS5, kept current by triggers).

Words match as prefixes ("nego" finds "negotiation"), accents are ignored ("Jose" finds "José"),
and text in double quotes matches as a phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select, text

from mentordesk.domain.text import QT_TRANSLATE_NOOP, translate
from mentordesk.services.base import Service, local_date
from mentordesk.services.errors import ValidationError
from mentordesk.store.models import (
    ActionItem,
    Appreciation,
    Goal,
    Meeting,
    Milestone,
    Person,
    Relationship,
)

KINDS = ("person", "relationship", "meeting", "action_item", "goal", "milestone", "appreciation")
KIND_LABELS = {
    "person": QT_TRANSLATE_NOOP("Enum", "Person"),
    "relationship": QT_TRANSLATE_NOOP("Enum", "Agreement"),
    "meeting": QT_TRANSLATE_NOOP("Enum", "Meeting"),
    "action_item": QT_TRANSLATE_NOOP("Enum", "Action item"),
    "goal": QT_TRANSLATE_NOOP("Enum", "Goal"),
    "milestone": QT_TRANSLATE_NOOP("Enum", "Milestone"),
    "appreciation": QT_TRANSLATE_NOOP("Enum", "Appreciation"),
}
# Where a hit is shown: (tab item kind, id) — people open their relationship in the mentors tab.
HIGHLIGHT_START, HIGHLIGHT_END = "\x02", "\x03"
_TOKEN = re.compile(r'"([^"]*)"|(\S+)')


@dataclass(frozen=True)
class SearchHit:
    kind: str  # one of KINDS
    id: int
    title: str  # a person's name, a goal's title, "Meeting with Ana Ruiz"...
    day: date | None
    snippet: str  # matched words wrapped in HIGHLIGHT_START / HIGHLIGHT_END
    target_kind: str  # "relationship", "meeting" or "goal": what to open
    target_id: int | None

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    def plain_snippet(self, start: str = "[", end: str = "]") -> str:
        return self.snippet.replace(HIGHLIGHT_START, start).replace(HIGHLIGHT_END, end)


def to_match(query: str) -> str:
    """A user's query as an FTS5 MATCH expression: words as prefixes, quoted text as phrases."""
    parts: list[str] = []
    for phrase, word in _TOKEN.findall(query):
        if phrase:
            words = re.findall(r"\w+", phrase)
            if words:
                parts.append('"' + " ".join(words) + '"')
        else:
            for w in re.findall(r"\w+", word):
                parts.append(f'"{w}"*')
    return " ".join(parts)


class SearchService(Service):
    def search(self, query: str, *, kind: str | None = None, limit: int = 50) -> list[SearchHit]:
        if kind is not None and kind not in KINDS:
            raise ValidationError(
                translate("Errors", "kind '{kind}' is not one of: {options}").format(
                    kind=kind, options=", ".join(KINDS)
                ),
                field="kind",
            )
        if limit < 1:
            raise ValidationError(translate("Errors", "limit must be at least 1"), field="limit")
        match = to_match(query)
        if not match:
            return []
        sql = (
            "SELECT kind, rowid / 16, snippet(search_index, -1, :hs, :he, '…', 12) FROM search_index "
            "WHERE search_index MATCH :q"
            + (" AND kind = :kind" if kind else "")
            + " ORDER BY rank LIMIT :limit"
        )
        params = {"q": match, "hs": HIGHLIGHT_START, "he": HIGHLIGHT_END, "kind": kind, "limit": limit}
        with self.db.reader() as s:
            rows = s.execute(text(sql), params).all()
            by_kind: dict[str, list[int]] = {}
            for k, item_id, _snip in rows:
                by_kind.setdefault(k, []).append(item_id)
            info = _describe(s, by_kind)
        hits = []
        for k, item_id, snip in rows:
            title, day, target_kind, target_id = info.get(
                (k, item_id), (translate("Search", "(deleted)"), None, k, None)
            )
            hits.append(SearchHit(k, item_id, title, day, " ".join(snip.split()), target_kind, target_id))
        return hits


def _describe(
    s, by_kind: dict[str, list[int]]
) -> dict[tuple[str, int], tuple[str, date | None, str, int | None]]:  # type: ignore[no-untyped-def]
    """Titles, dates and where to open each hit: one query per kind present."""
    out: dict[tuple[str, int], tuple[str, date | None, str, int | None]] = {}
    ids = by_kind.get("person")
    if ids:
        for pid, name, rid in s.execute(
            select(Person.id, Person.name, Relationship.id)
            .outerjoin(Relationship, Relationship.person_id == Person.id)
            .where(Person.id.in_(ids))
        ):
            out[("person", pid)] = (name, None, "relationship", rid)
    ids = by_kind.get("relationship")
    if ids:
        for rid, name in s.execute(
            select(Relationship.id, Person.name).join(Person).where(Relationship.id.in_(ids))
        ):
            out[("relationship", rid)] = (
                translate("Search", "Agreement with {name}").format(name=name),
                None,
                "relationship",
                rid,
            )
    ids = by_kind.get("meeting")
    if ids:
        for mid, start, title, name in s.execute(
            select(Meeting.id, Meeting.start, Meeting.title, Person.name)
            .outerjoin(Relationship, Relationship.id == Meeting.relationship_id)
            .outerjoin(Person, Person.id == Relationship.person_id)
            .where(Meeting.id.in_(ids))
        ):
            if name:
                label = translate("Search", "Meeting with {name}").format(name=name)
            else:
                label = title or translate("Search", "Meeting")
            out[("meeting", mid)] = (label, local_date(start), "meeting", mid)
    ids = by_kind.get("action_item")
    if ids:
        for aid, item_text, due, mid, name in s.execute(
            select(ActionItem.id, ActionItem.text, ActionItem.due_on, ActionItem.meeting_id, Person.name)
            .outerjoin(Relationship, Relationship.id == ActionItem.relationship_id)
            .outerjoin(Person, Person.id == Relationship.person_id)
            .where(ActionItem.id.in_(ids))
        ):
            if name:
                label = translate("Search", "Action: {text} ({name})").format(text=item_text[:60], name=name)
            else:
                label = translate("Search", "Action: {text}").format(text=item_text[:60])
            out[("action_item", aid)] = (label, due, "meeting" if mid else "relationship", mid)
    ids = by_kind.get("goal")
    if ids:
        for gid, title, target in s.execute(
            select(Goal.id, Goal.title, Goal.target_on).where(Goal.id.in_(ids))
        ):
            out[("goal", gid)] = (title, target, "goal", gid)
    ids = by_kind.get("milestone")
    if ids:
        for mid, title, due, gid, gtitle in s.execute(
            select(Milestone.id, Milestone.title, Milestone.due_on, Goal.id, Goal.title)
            .join(Goal)
            .where(Milestone.id.in_(ids))
        ):
            out[("milestone", mid)] = (f"{title} ({gtitle})", due, "goal", gid)
    ids = by_kind.get("appreciation")
    if ids:
        for aid, on, rid, name in s.execute(
            select(Appreciation.id, Appreciation.on, Relationship.id, Person.name)
            .join(Relationship, Relationship.id == Appreciation.relationship_id)
            .join(Person, Person.id == Relationship.person_id)
            .where(Appreciation.id.in_(ids))
        ):
            out[("appreciation", aid)] = (
                translate("Search", "Appreciation for {name}").format(name=name),
                on,
                "relationship",
                rid,
            )
    return out
