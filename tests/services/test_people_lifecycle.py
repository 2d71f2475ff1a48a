"""Editing relationships and moving them through their lifecycle (today is 2026-06-15)."""

from __future__ import annotations

from datetime import date

import pytest

from mentordesk.domain.enums import Channel, Kind, RelStatus, Role
from mentordesk.services.errors import ValidationError
from mentordesk.services.people import ContactRow, NewRelationship, PeopleService, RelationshipRow


def _add(services, **kwargs):
    return services.people.add_relationship(NewRelationship(**{"name": "Ana Ruiz", **kwargs}))


def test_edit_saves_person_and_relationship_but_not_status(services):
    rid = _add(services, organization="Northwind", tags=["career"])
    values = services.people.edit_values(rid)
    assert (values.name, values.organization, values.tags, values.status) == (
        "Ana Ruiz",
        "Northwind",
        ["career"],
        RelStatus.ACTIVE,
    )
    values.organization = "Contoso"
    values.title = "Staff engineer"
    values.tags = ["mentor", "career"]
    values.cadence_days = 14
    values.focus_areas = ["networking"]
    values.preferred_channel = "video"
    values.hopes = "Learn to lead without authority"
    values.status = RelStatus.ENDED  # ignored: status changes go through the lifecycle
    services.people.update_relationship(rid, values)
    d = services.people.detail(rid)
    assert (d.person.organization, d.person.title, d.person.tags) == (
        "Contoso",
        "Staff engineer",
        ("career", "mentor"),
    )
    assert (d.cadence_days, d.focus_areas, d.preferred_channel) == (14, ("networking",), Channel.VIDEO)
    assert d.hopes == "Learn to lead without authority"
    assert d.status == RelStatus.ACTIVE


def test_a_refused_edit_changes_nothing(services):
    rid = _add(services, email="ana@example.org")
    values = services.people.edit_values(rid)
    values.organization = "Contoso"
    values.email = "ana at example"
    with pytest.raises(ValidationError) as info:
        services.people.update_relationship(rid, values)
    assert info.value.field == "email"
    d = services.people.detail(rid)
    assert (d.person.organization, d.person.email) == ("", "ana@example.org")


def test_end_before_start_is_refused_with_words(services):
    with pytest.raises(ValidationError, match="before the start date 2026-03-01") as info:
        _add(services, started_on=date(2026, 3, 1), ended_on=date(2026, 2, 1))
    assert info.value.field == "ended_on"


def test_lifecycle_records_each_change_with_its_date(db):
    clock = [date(2026, 5, 20)]
    people = PeopleService(db, today=lambda: clock[0])
    rid = people.add_relationship(NewRelationship(name="Ana Ruiz", status="prospect"))
    clock[0] = date(2026, 6, 15)
    people.mark_asked(rid, on=date(2026, 6, 1))
    people.accept(rid, on=date(2026, 6, 5))
    people.pause(rid, on=date(2026, 6, 10))
    people.resume(rid)
    d = people.detail(rid)
    assert [(s.status.value, s.on.isoformat()) for s in d.history] == [
        ("prospect", "2026-05-20"),
        ("asked", "2026-06-01"),
        ("active", "2026-06-05"),
        ("paused", "2026-06-10"),
        ("active", "2026-06-15"),
    ]
    assert (d.request_sent_on, d.started_on, d.status) == (
        date(2026, 6, 1),
        date(2026, 6, 5),
        RelStatus.ACTIVE,
    )


def test_moves_outside_the_lifecycle_are_refused(services):
    rid = _add(services, status="prospect")
    with pytest.raises(ValidationError, match="A relationship that is prospect cannot become paused"):
        services.people.pause(rid)
    services.people.mark_asked(rid)
    with pytest.raises(ValidationError, match="already asked"):
        services.people.mark_asked(rid)
    services.people.decline(rid)
    assert services.people.detail(rid).status == RelStatus.DECLINED
    assert services.people.detail(rid).next_statuses == (RelStatus.PROSPECT,)


def test_a_change_dated_in_the_future_or_before_the_last_change_is_refused(db):
    clock = [date(2026, 6, 1)]
    people = PeopleService(db, today=lambda: clock[0])
    rid = people.add_relationship(NewRelationship(name="Ana Ruiz", status="prospect"))
    clock[0] = date(2026, 6, 15)
    with pytest.raises(ValidationError, match="cannot be in the future") as info:
        people.mark_asked(rid, on=date(2026, 6, 16))
    assert info.value.field == "changed_on"
    with pytest.raises(ValidationError, match="2026-05-31 is before the previous change \\(2026-06-01\\)"):
        people.mark_asked(rid, on=date(2026, 5, 31))
    people.mark_asked(rid, on=date(2026, 6, 10))
    with pytest.raises(ValidationError, match="before the previous change"):
        people.accept(rid, on=date(2026, 6, 9))
    assert people.detail(rid).status == RelStatus.ASKED


def test_revert_puts_status_dates_and_history_back(services):
    rid = _add(services, status="prospect")
    before = services.people.detail(rid)
    undo = services.people.mark_asked(rid)
    services.people.revert_status(undo)
    after = services.people.detail(rid)
    assert (after.status, after.request_sent_on, after.history) == (
        RelStatus.PROSPECT,
        None,
        before.history,
    )
    services.people.redo_status(undo)
    assert services.people.detail(rid).request_sent_on == date(2026, 6, 15)


def test_ending_and_restarting_sets_and_clears_the_end_date(services):
    rid = _add(services, started_on=date(2026, 1, 10))
    services.people.end(rid, on=date(2026, 6, 1))
    assert services.people.detail(rid).ended_on == date(2026, 6, 1)
    services.people.resume(rid)
    d = services.people.detail(rid)
    assert (d.ended_on, d.started_on) == (None, date(2026, 1, 10))


def test_contacts_are_listed_apart_and_can_become_prospects(services):
    pid = services.people.add_contact(NewRelationship(name="Bo Li", organization="Fabrikam"))
    _add(services)
    entries = services.people.list_entries()
    assert [type(e).__name__ for e in entries] == ["RelationshipRow", "ContactRow"]
    assert [r.name for r in services.people.list_rows()] == ["Ana Ruiz"]
    contact = entries[1]
    assert isinstance(contact, ContactRow) and (contact.person_id, contact.organization) == (pid, "Fabrikam")
    rid = services.people.make_prospect(pid)
    row = next(r for r in services.people.list_entries() if r.name == "Bo Li")
    assert isinstance(row, RelationshipRow)
    assert (row.id, row.status, row.role, row.kind) == (
        rid,
        RelStatus.PROSPECT,
        Role.MENTORS_ME,
        Kind.INFORMAL,
    )


def test_pipeline_lists_prospects_and_requests_oldest_first(db):
    clock = [date(2026, 5, 1)]
    people = PeopleService(db, today=lambda: clock[0])

    def add(name, status="prospect", **kw):
        return people.add_relationship(NewRelationship(name=name, status=status, **kw))

    a = add("Zoe Prospect", source="social")
    b = add("Yan Asked")
    c = add("Xia Asked")
    add("Active One", status="active")
    clock[0] = date(2026, 6, 15)
    people.mark_asked(b, on=date(2026, 6, 2))
    people.mark_asked(c, on=date(2026, 6, 12))
    pipe = people.pipeline()
    assert [r.id for r in pipe.prospects] == [a]
    assert pipe.prospects[0].source.value == "social"
    assert [r.name for r in pipe.asked] == ["Yan Asked", "Xia Asked"]
