"""Importing contacts (vCard, LinkedIn) into the database: plan first, then apply in one go.

Imported people land as *contacts*: a Person with no Relationship. The mentors tab lists them
under the "Contacts" quick filter and turns one into a prospect on request, so an address book
of hundreds does not flood the list of mentors or the prospect pipeline.

:meth:`ContactImportService.preview` plans one action per record without writing anything:

* ``new``: nobody like this yet;
* ``merge``: the same email address, or the same name and organization, as someone already in
  MentorDesk (or earlier in the same file). A merge fills the fields that are empty, adds
  further emails, phones and profile links to the person's other contacts, and appends a note
  that is not there yet; it never overwrites what the user entered;
* ``skip``: such a duplicate that would add nothing.

:meth:`ContactImportService.apply` carries out a plan (or the part of it the user selected) in
ONE transaction: an import commits whole or not at all.

The records come from :mod:`mentordesk.formats.contacts`; this module only relies on their
attributes (:class:`ContactLike`), so that services do not depend on the format layer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Any, Protocol

from sqlalchemy import select

from mentordesk.domain.enums import Source
from mentordesk.domain.text import QT_TRANSLATE_NOOP, translate
from mentordesk.services import validate
from mentordesk.services.base import Service
from mentordesk.services.errors import ValidationError
from mentordesk.store.models import Person

Progress = Callable[[int, int], None]  # (done, total)

_EMAIL_OK = re.compile(r"^[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[^@\s<>(),;:\"\[\]]+$")
_SPACES = re.compile(r"\s+")


class ContactLike(Protocol):
    """What the importer reads from a parsed contact (see formats.contacts.ContactRecord)."""

    @property
    def name(self) -> str: ...
    @property
    def emails(self) -> tuple[str, ...]: ...
    @property
    def phones(self) -> tuple[str, ...]: ...
    @property
    def organization(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def note(self) -> str: ...
    @property
    def connected_on(self) -> date | None: ...
    @property
    def source(self) -> str: ...
    @property
    def where(self) -> str: ...


class ImportAction(StrEnum):
    NEW = "new"
    MERGE = "merge"
    SKIP = "skip"


@dataclass(frozen=True)
class PlannedAction:
    """What will happen to one record, and why."""

    index: int  # position of the record in the list given to preview()
    record: ContactLike
    action: ImportAction
    reason: str = ""  # for merge and skip: the duplicate found, in words
    target_id: int | None = None  # merge into this existing person
    target_index: int | None = None  # or into the person an earlier record of the file creates
    target_name: str = ""
    adds: tuple[str, ...] = ()  # what a merge adds, e.g. ("phone", "title")

    def describe(self) -> str:
        """One line for people: what happens to this record."""
        if self.action == ImportAction.NEW:
            return translate("ImportContacts", "new contact")
        if self.action == ImportAction.MERGE:
            return translate("ImportContacts", "merge into {name} ({reason}; adds {fields})").format(
                name=self.target_name,
                reason=self.reason,
                fields=", ".join(translate("ImportContacts", field) for field in self.adds),
            )
        return self.reason


@dataclass(frozen=True)
class ImportSummary:
    imported: tuple[PlannedAction, ...]
    merged: tuple[PlannedAction, ...]
    skipped: tuple[PlannedAction, ...]
    person_ids: tuple[int, ...]  # people created or changed


@dataclass
class _State:
    """A person's importable fields, as they are or as they will be after the import."""

    name: str
    email: str = ""
    phone: str = ""
    organization: str = ""
    title: str = ""
    profile_url: str = ""
    notes: str = ""
    connected_on: date | None = None
    others: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def of(cls, p: Person) -> _State:
        others = [dict(o) for o in (p.other_contacts or []) if isinstance(o, dict)]
        return cls(
            p.name, p.email, p.phone, p.organization, p.title, p.profile_url, p.notes, p.connected_on, others
        )

    def emails(self) -> set[str]:
        found = {self.email.casefold()} if self.email else set()
        return found | {str(o.get("value", "")).casefold() for o in self.others if o.get("kind") == "email"}

    def phones(self) -> set[str]:
        found = {_digits(self.phone)} if self.phone else set()
        return found | {_digits(str(o.get("value", ""))) for o in self.others if o.get("kind") == "phone"}

    def urls(self) -> set[str]:
        found = {_url_key(self.profile_url)} if self.profile_url else set()
        return found | {_url_key(str(o.get("value", ""))) for o in self.others if o.get("kind") == "url"}

    def write(self, p: Person) -> None:
        for key in ("email", "phone", "organization", "title", "profile_url", "notes", "connected_on"):
            setattr(p, key, getattr(self, key))
        p.other_contacts = [dict(o) for o in self.others]


def _digits(phone: str) -> str:
    text = phone.strip()
    return ("+" if text.startswith("+") else "") + re.sub(r"\D", "", text) if re.search(r"\d", text) else text


def _url_key(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url.strip().casefold()).rstrip("/")


def _key(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()


def valid_emails(record: ContactLike) -> list[str]:
    return [e.strip().lower() for e in record.emails if _EMAIL_OK.match(e.strip())]


# What a merge can add, as merge_into() names it; marked here for the translation catalogue and
# translated where PlannedAction.describe() lists them.
MERGE_FIELDS = (
    QT_TRANSLATE_NOOP("ImportContacts", "email"),
    QT_TRANSLATE_NOOP("ImportContacts", "phone"),
    QT_TRANSLATE_NOOP("ImportContacts", "organization"),
    QT_TRANSLATE_NOOP("ImportContacts", "title"),
    QT_TRANSLATE_NOOP("ImportContacts", "profile URL"),
    QT_TRANSLATE_NOOP("ImportContacts", "link"),
    QT_TRANSLATE_NOOP("ImportContacts", "note"),
    QT_TRANSLATE_NOOP("ImportContacts", "connection date"),
)


def merge_into(state: _State, record: ContactLike) -> list[str]:
    """Fill ``state`` from ``record`` without overwriting anything; returns what was added."""
    adds: list[str] = []
    known = state.emails()
    for address in valid_emails(record):
        if address in known:
            continue
        known.add(address)
        if not state.email:
            state.email = address
        else:
            state.others.append({"kind": "email", "value": address, "label": ""})
        adds.append("email")
    phones = state.phones()
    for number in (p.strip()[:64] for p in record.phones if p.strip()):
        if _digits(number) in phones:
            continue
        phones.add(_digits(number))
        if not state.phone:
            state.phone = number
        else:
            state.others.append({"kind": "phone", "value": number, "label": ""})
        adds.append("phone")
    for attr, value, limit in (("organization", record.organization, 200), ("title", record.title, 200)):
        if value.strip() and not getattr(state, attr):
            setattr(state, attr, value.strip()[:limit])
            adds.append(attr)
    if record.url.strip():
        try:
            url = validate.url(record.url)[:500]
        except ValidationError:
            url = ""
        if url and _url_key(url) not in state.urls():
            if not state.profile_url:
                state.profile_url = url
                adds.append("profile URL")
            else:
                state.others.append({"kind": "url", "value": url, "label": ""})
                adds.append("link")
    note = record.note.strip()
    if note and note not in state.notes:
        state.notes = f"{state.notes}\n\n{note}" if state.notes.strip() else note
        adds.append("note")
    if record.connected_on and state.connected_on is None:
        state.connected_on = record.connected_on
        adds.append("connection date")
    return list(dict.fromkeys(adds))  # each kind once, in order


class ImportPlanner:
    """Plans records one at a time against the people already there (and earlier records)."""

    def __init__(self, people: list[tuple[int, _State]]) -> None:
        self._states: dict[tuple[str, int], _State] = {}
        self._names: dict[tuple[str, int], str] = {}
        self._by_email: dict[str, tuple[str, int]] = {}
        self._by_name_org: dict[tuple[str, str], tuple[str, int]] = {}
        self._where: dict[int, str] = {}
        for pid, state in people:
            self._register(("db", pid), state)

    def _register(self, key: tuple[str, int], state: _State) -> None:
        self._states[key] = state
        self._names.setdefault(key, state.name)
        for address in state.emails():
            self._by_email.setdefault(address, key)
        self._by_name_org.setdefault((_key(state.name), _key(state.organization)), key)

    def plan(self, index: int, record: ContactLike) -> PlannedAction:
        match, why = None, ""
        for address in valid_emails(record):
            if address in self._by_email:
                match = self._by_email[address]
                why = translate("ImportContacts", "same email {address}").format(address=address)
                break
        if match is None:
            found = self._by_name_org.get((_key(record.name), _key(record.organization)))
            if found is not None:
                match = found
                why = (
                    translate("ImportContacts", "same name and organization")
                    if record.organization.strip()
                    else translate("ImportContacts", "same name")
                )
        if match is None:
            state = _State(record.name.strip()[:200])
            merge_into(state, record)
            self._register(("file", index), state)
            self._where[index] = record.where
            return PlannedAction(index, record, ImportAction.NEW)
        state = self._states[match]
        target = self._names[match]
        in_file = match[0] == "file"
        target_id = None if in_file else match[1]
        target_index = match[1] if in_file else None
        adds = merge_into(state, record)
        self._register(match, state)
        if in_file:
            where = self._where.get(match[1]) or translate("ImportContacts", "record {number}").format(
                number=match[1] + 1
            )
            if not adds:
                reason = translate(
                    "ImportContacts", "duplicate of {name} at {where} in this file ({why})"
                ).format(name=target, where=where, why=why)
            else:
                reason = translate("ImportContacts", "{why} as {where} in this file").format(
                    why=why, where=where
                )
        elif not adds:
            if _key(target) == _key(record.name):
                reason = translate("ImportContacts", "already in MentorDesk ({why}), nothing new to add")
            else:
                reason = translate(
                    "ImportContacts", "already in MentorDesk as {name} ({why}), nothing new to add"
                )
            reason = reason.format(name=target, why=why)
        else:
            reason = why
        action = ImportAction.MERGE if adds else ImportAction.SKIP
        return PlannedAction(
            index, record, action, reason, target_id, target_index, target_name=target, adds=tuple(adds)
        )


def _source(record: ContactLike) -> Source:
    return Source.SOCIAL if record.source == "linkedin" else Source.MY_NETWORK


class ContactImportService(Service):
    def planner(self) -> ImportPlanner:
        """A planner over the people in the database now (one query)."""
        with self.db.reader() as s:
            people = [(p.id, _State.of(p)) for p in s.scalars(select(Person).order_by(Person.id))]
        return ImportPlanner(people)

    def preview(
        self, records: Sequence[ContactLike], *, progress: Progress | None = None
    ) -> list[PlannedAction]:
        """What importing ``records`` would do: one planned action per record. Writes nothing."""
        planner = self.planner()
        plan = []
        for i, record in enumerate(records):
            plan.append(planner.plan(i, record))
            if progress is not None and (i + 1) % 100 == 0:
                progress(i + 1, len(records))
        return plan

    def apply(
        self,
        plan: Sequence[PlannedAction],
        *,
        selected: Collection[int] | None = None,
        progress: Progress | None = None,
    ) -> ImportSummary:
        """Carry out ``plan`` (only the ``selected`` record indexes, if given) in one transaction."""
        imported: list[PlannedAction] = []
        merged: list[PlannedAction] = []
        skipped: list[PlannedAction] = []
        created: dict[int, Person] = {}
        touched: list[Person] = []
        if any(a.action != ImportAction.SKIP and (selected is None or a.index in selected) for a in plan):
            self.backup_before("before-import")
        with self.db.session() as s:
            wanted = {a.target_id for a in plan if a.target_id is not None}
            existing = (
                {p.id: p for p in s.scalars(select(Person).where(Person.id.in_(wanted)))} if wanted else {}
            )
            for done, action in enumerate(plan, 1):
                if selected is not None and action.index not in selected:
                    skipped.append(
                        replace(
                            action,
                            action=ImportAction.SKIP,
                            reason=translate("ImportContacts", "not selected"),
                        )
                    )
                elif action.action == ImportAction.SKIP:
                    skipped.append(action)
                else:
                    target = existing.get(action.target_id) if action.target_id is not None else None
                    if target is None and action.target_index is not None:
                        target = created.get(action.target_index)
                    if action.action == ImportAction.MERGE and target is not None:
                        state = _State.of(target)
                        merge_into(state, action.record)
                        state.write(target)
                        merged.append(action)
                        touched.append(target)
                    else:
                        state = _State(action.record.name.strip()[:200])
                        merge_into(state, action.record)
                        person = Person(name=state.name, source=_source(action.record), other_contacts=[])
                        state.write(person)
                        s.add(person)
                        created[action.index] = person
                        if action.target_index is not None:  # its first record was left out
                            created.setdefault(action.target_index, person)
                        touched.append(person)
                        imported.append(
                            replace(action, action=ImportAction.NEW, target_id=None, target_index=None)
                        )
                if progress is not None and (done % 100 == 0 or done == len(plan)):
                    progress(done, len(plan))
            s.flush()
            ids = tuple(dict.fromkeys(p.id for p in touched))
        return ImportSummary(tuple(imported), tuple(merged), tuple(skipped), ids)
