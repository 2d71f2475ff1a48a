"""People and relationships: the list behind the mentors tab, adding, editing and reading them.

Contacts: a person without any relationship (typically an imported address-book or LinkedIn
contact) is a *contact*. Contacts are not prospects yet: they do not crowd the pipeline. The
mentors list shows them as :class:`ContactRow` values (status column "Contact", the "Contacts"
quick filter), and :meth:`PeopleService.make_prospect` turns one into a relationship in status
prospect.

The larger pieces live beside this module: the lifecycle (``people_status``), the detail
panel's and the list's queries in SQL (``people_read``), delete and undo (``people_snapshot``) and the request draft
(``people_request``).
"""

from __future__ import annotations

from sqlalchemy import func, select

from mentordesk.domain.enums import Kind, RelStatus, Role
from mentordesk.domain.text import QT_TRANSLATE_NOOP, translate
from mentordesk.services import validate
from mentordesk.services.errors import NotFoundError
from mentordesk.services.people_detail import DetailMixin
from mentordesk.services.people_forms import (
    NewRelationship,
    apply_person,
    person_form,
    person_values,
    relationship_values,
    tags_named,
)
from mentordesk.services.people_read import PeopleReader
from mentordesk.services.people_request import draft_request
from mentordesk.services.people_rows import (  # noqa: F401 (the list's values, re-exported)
    ContactRow,
    ListRow,
    Pipeline,
    RelationshipRow,
    pipeline_of,
)
from mentordesk.services.people_snapshot import SnapshotMixin
from mentordesk.services.people_status import StatusMixin
from mentordesk.store.models import Person, Relationship, StatusChange


class PeopleService(PeopleReader, StatusMixin, DetailMixin, SnapshotMixin):
    def count_relationships(self) -> int:
        with self.db.reader() as s:
            return int(s.scalar(select(func.count()).select_from(Relationship)) or 0)

    def request_draft(self, relationship_id: int, *, sender: str = "") -> str:
        """An editable request message: why this person, the hope, a small ask, an easy no."""
        detail = self.detail(relationship_id)
        goals = tuple(g.title for g in detail.summary.goals)
        return draft_request(detail, goals=goals, sender=sender)

    # -- adding and editing -----------------------------------------------------------------
    def add_relationship(self, new: NewRelationship) -> int:
        """Create a person and a relationship with them; returns the relationship id."""
        person_cols = person_values(new)
        rel_values = relationship_values(new)
        status = validate.enum_value(RelStatus, new.status, "status", QT_TRANSLATE_NOOP("Field", "Status"))
        today = self.today()
        if status == RelStatus.ACTIVE and rel_values["started_on"] is None:
            rel_values["started_on"] = today
        if status == RelStatus.ENDED and rel_values["ended_on"] is None:
            rel_values["ended_on"] = today
        validate.date_order(rel_values["started_on"], rel_values["ended_on"], "ended_on")
        since = rel_values["started_on"] if status == RelStatus.ACTIVE and rel_values["started_on"] else today
        since = min(since, today)
        with self.db.session() as s:
            tags = tags_named(s, person_cols.pop("tags"))
            person = Person(**person_cols, tags=tags)
            rel = Relationship(person=person, status=status, status_changed_on=since, **rel_values)
            if status == RelStatus.ASKED:
                rel.request_sent_on = since
            rel.status_changes.append(StatusChange(status=status, changed_on=since))
            s.add(rel)
            s.flush()
            return rel.id

    def add_contact(self, new: NewRelationship) -> int:
        """Create a person with no relationship (a contact); returns the person id."""
        values = person_values(new)
        with self.db.session() as s:
            tags = tags_named(s, values.pop("tags"))
            person = Person(**values, tags=tags)
            s.add(person)
            s.flush()
            return person.id

    def make_prospect(self, person_id: int) -> int:
        """Turn a contact into a prospect: a relationship in status prospect. Returns its id."""
        today = self.today()
        with self.db.session() as s:
            person = s.get(Person, person_id)
            if person is None:
                raise NotFoundError(translate("Errors", "That person no longer exists"))
            rel = Relationship(
                person=person, role=Role.MENTORS_ME, kind=Kind.INFORMAL, status=RelStatus.PROSPECT
            )
            rel.status_changed_on = today
            rel.status_changes.append(StatusChange(status=RelStatus.PROSPECT, changed_on=today))
            s.add(rel)
            s.flush()
            return rel.id

    def edit_values(self, relationship_id: int) -> NewRelationship:
        """The current values of a relationship and its person, as the edit form shows them."""
        with self.db.reader() as s:
            rel = s.get(Relationship, relationship_id)
            if rel is None:
                raise NotFoundError(translate("Errors", "That relationship no longer exists"))
            values = person_form(rel.person)
            values.update(
                role=rel.role,
                kind=rel.kind,
                status=rel.status,
                cadence_days=rel.cadence_days,
                focus_areas=list(rel.focus_areas or []),
                started_on=rel.started_on,
                ended_on=rel.ended_on,
                hopes=rel.hopes,
                agreed_topics=rel.agreed_topics,
                boundaries=rel.boundaries,
                time_budget=rel.time_budget,
                preferred_channel=rel.preferred_channel,
                review_on=rel.review_on,
            )
            return NewRelationship(**values)

    def contact_values(self, person_id: int) -> NewRelationship:
        """The current values of a person (for editing a contact)."""
        with self.db.reader() as s:
            person = s.get(Person, person_id)
            if person is None:
                raise NotFoundError(translate("Errors", "That person no longer exists"))
            return NewRelationship(**person_form(person))

    def update_relationship(self, relationship_id: int, values: NewRelationship) -> None:
        """Save the edit form: the person and the relationship, in one transaction.

        The status is not changed here (see :meth:`change_status`).
        """
        person_cols = person_values(values)
        rel_values = relationship_values(values)
        validate.date_order(rel_values["started_on"], rel_values["ended_on"], "ended_on")
        with self.db.session() as s:
            rel = s.get(Relationship, relationship_id)
            if rel is None:
                raise NotFoundError(translate("Errors", "That relationship no longer exists"))
            apply_person(s, rel.person, person_cols)
            for key, value in rel_values.items():
                setattr(rel, key, value)

    def update_contact(self, person_id: int, values: NewRelationship) -> None:
        """Save a person's details (a contact, or the person side of a relationship)."""
        person_cols = person_values(values)
        with self.db.session() as s:
            person = s.get(Person, person_id)
            if person is None:
                raise NotFoundError(translate("Errors", "That person no longer exists"))
            apply_person(s, person, person_cols)
