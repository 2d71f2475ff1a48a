"""The add and edit forms' values, and their validation into database columns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from mentordesk.domain.enums import (
    DEFAULT_CADENCE_DAYS,
    Channel,
    FocusArea,
    Kind,
    RelStatus,
    Role,
    Source,
)
from mentordesk.domain.text import QT_TRANSLATE_NOOP
from mentordesk.services import validate

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mentordesk.store.models import Person, Tag


@dataclass
class NewRelationship:
    """What the add and edit forms (or a script) provide.

    ``status`` is used when adding only; an existing relationship changes status through the
    lifecycle (:meth:`PeopleService.change_status`) so that each change keeps its date.
    """

    name: str
    role: Role | str = Role.MENTORS_ME
    kind: Kind | str = Kind.INFORMAL
    status: RelStatus | str = RelStatus.ACTIVE
    email: str = ""
    phone: str = ""
    organization: str = ""
    title: str = ""
    profile_url: str = ""
    source: Source | str = Source.OTHER
    how_met: str = ""
    where_met: str = ""
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    cadence_days: int = DEFAULT_CADENCE_DAYS
    focus_areas: list[str] = field(default_factory=list)
    started_on: date | None = None
    ended_on: date | None = None
    hopes: str = ""
    agreed_topics: str = ""
    boundaries: str = ""
    time_budget: str = ""
    preferred_channel: Channel | str | None = None
    review_on: date | None = None


def person_values(new: NewRelationship) -> dict[str, Any]:
    """The person's columns from a form, validated (ValidationError names the field)."""
    tags = [t.strip() for t in new.tags if t.strip()]
    for tag in tags:
        validate.required_text(tag, "tags", QT_TRANSLATE_NOOP("Field", "A tag"), max_len=80)
    return {
        "name": validate.required_text(new.name, "name", QT_TRANSLATE_NOOP("Field", "Name"), max_len=200),
        "email": validate.email(new.email),
        "phone": validate.optional_text(new.phone, "phone", QT_TRANSLATE_NOOP("Field", "Phone"), max_len=64),
        "organization": validate.optional_text(
            new.organization, "organization", QT_TRANSLATE_NOOP("Field", "Organization"), max_len=200
        ),
        "title": validate.optional_text(new.title, "title", QT_TRANSLATE_NOOP("Field", "Title"), max_len=200),
        "profile_url": validate.url(new.profile_url),
        "source": validate.enum_value(Source, new.source, "source", QT_TRANSLATE_NOOP("Field", "Source")),
        "how_met": validate.optional_text(new.how_met, "how_met", QT_TRANSLATE_NOOP("Field", "How we met")),
        "where_met": validate.optional_text(
            new.where_met, "where_met", QT_TRANSLATE_NOOP("Field", "Where we met"), max_len=200
        ),
        "notes": validate.optional_text(new.notes, "notes", QT_TRANSLATE_NOOP("Field", "Notes")),
        "tags": tags,
    }


def relationship_values(new: NewRelationship) -> dict[str, Any]:
    channel = new.preferred_channel
    return {
        "role": validate.enum_value(Role, new.role, "role", QT_TRANSLATE_NOOP("Field", "Role")),
        "kind": validate.enum_value(Kind, new.kind, "kind", QT_TRANSLATE_NOOP("Field", "Kind")),
        "cadence_days": validate.cadence(new.cadence_days),
        "focus_areas": [
            validate.enum_value(FocusArea, f, "focus_areas", QT_TRANSLATE_NOOP("Field", "Focus area")).value
            for f in new.focus_areas
        ],
        "started_on": new.started_on,
        "ended_on": new.ended_on,
        "hopes": validate.optional_text(new.hopes, "hopes", QT_TRANSLATE_NOOP("Field", "What I hope to get")),
        "agreed_topics": validate.optional_text(
            new.agreed_topics, "agreed_topics", QT_TRANSLATE_NOOP("Field", "What we agreed")
        ),
        "boundaries": validate.optional_text(
            new.boundaries, "boundaries", QT_TRANSLATE_NOOP("Field", "Boundaries")
        ),
        "time_budget": validate.optional_text(
            new.time_budget, "time_budget", QT_TRANSLATE_NOOP("Field", "Time budget"), max_len=200
        ),
        "preferred_channel": None
        if channel in (None, "")
        else validate.enum_value(
            Channel, channel, "preferred_channel", QT_TRANSLATE_NOOP("Field", "Preferred channel")
        ),
        "review_on": new.review_on,
    }


def person_form(person: Person) -> dict[str, Any]:
    return {
        "name": person.name,
        "email": person.email,
        "phone": person.phone,
        "organization": person.organization,
        "title": person.title,
        "profile_url": person.profile_url,
        "source": person.source,
        "how_met": person.how_met,
        "where_met": person.where_met,
        "notes": person.notes,
        "tags": [t.name for t in person.tags],
    }


def apply_person(s: Session, person: Person, values: dict[str, Any]) -> None:
    values = dict(values)
    names = values.pop("tags")
    assert isinstance(names, list)
    for key, value in values.items():
        setattr(person, key, value)
    person.tags = tags_named(s, names)


def tags_named(session: Session, names: list[str]) -> list[Tag]:
    wanted = sorted({n.strip() for n in names if n.strip()})
    if not wanted:
        return []
    from sqlalchemy import select

    from mentordesk.store.models import Tag

    existing = {t.name: t for t in session.scalars(select(Tag).where(Tag.name.in_(wanted)))}
    return [existing.get(n) or Tag(name=n) for n in wanted]
