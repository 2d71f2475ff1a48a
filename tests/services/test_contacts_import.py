"""Contact import into the database: plan, duplicates, merge, one transaction."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from mentordesk.domain.enums import Source
from mentordesk.formats.contacts import ContactRecord, parse_linkedin, parse_vcard
from mentordesk.services import contacts_import
from mentordesk.services.contacts_import import ImportAction
from mentordesk.services.people import ContactRow, NewRelationship
from mentordesk.store.models import Person, Relationship

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "contacts_import"


def people(services):
    with services.db.reader() as s:
        return {p.name: p for p in s.scalars(select(Person))}


def test_new_people_become_contacts_with_every_field(services):
    result = parse_vcard((FIXTURES / "team.vcf").read_bytes(), "team.vcf")
    plan = services.contacts_import.preview(result.records)
    assert [(a.record.name, a.action) for a in plan] == [
        ("Ana Ruiz", ImportAction.NEW),
        ("Bo Li", ImportAction.NEW),
        ("Chidi Okeke", ImportAction.NEW),
        ("Chidi Okeke", ImportAction.MERGE),
    ]
    assert plan[3].reason == "same email chidi@example.org as card 3 (line 20) in this file"
    assert plan[3].adds == ("title",)
    summary = services.contacts_import.apply(plan)
    assert (len(summary.imported), len(summary.merged), len(summary.skipped)) == (3, 1, 0)

    found = people(services)
    assert sorted(found) == ["Ana Ruiz", "Bo Li", "Chidi Okeke"]
    ana = found["Ana Ruiz"]
    assert (ana.email, ana.phone, ana.organization, ana.title) == (
        "ana.ruiz@northwind.example",
        "+1 555 0100",
        "Northwind Labs",
        "VP of Engineering",
    )
    assert ana.profile_url == "https://www.linkedin.com/in/ana-ruiz"
    assert ana.notes == "Met at the leadership offsite"
    assert ana.other_contacts == [{"kind": "email", "value": "ana@home.example", "label": ""}]
    assert ana.source == Source.MY_NETWORK
    assert found["Bo Li"].phone == "+44 20 7946 0000"
    assert found["Bo Li"].other_contacts == [{"kind": "phone", "value": "+44 7700 900123", "label": ""}]
    assert (found["Chidi Okeke"].email, found["Chidi Okeke"].title) == (
        "chidi@example.org",
        "Engineering manager",
    )
    with services.db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Relationship)) == 0
    assert all(isinstance(r, ContactRow) for r in services.people.list_entries())


def test_linkedin_merges_by_name_and_organization_and_fills_only_what_is_empty(services):
    services.people.add_relationship(
        NewRelationship(
            name="Ana Ruiz", organization="Northwind Labs", title="VP Engineering", notes="My mentor"
        )
    )
    result = parse_linkedin((FIXTURES / "connections.csv").read_bytes(), "connections.csv")
    plan = services.contacts_import.preview(result.records)
    assert [(a.record.name, a.action.value, a.reason) for a in plan] == [
        ("Ana Ruiz", "merge", "same name and organization"),
        ("Dana Kim", "new", ""),
        ("Mei 陈", "new", ""),
    ]
    assert plan[0].adds == ("profile URL", "connection date")
    services.contacts_import.apply(plan)
    found = people(services)
    ana = found["Ana Ruiz"]
    assert (ana.title, ana.notes) == ("VP Engineering", "My mentor")  # kept, not overwritten
    assert (ana.profile_url, ana.connected_on) == ("https://www.linkedin.com/in/ana-ruiz", date(2024, 3, 15))
    assert (found["Dana Kim"].organization, found["Dana Kim"].source) == ("Contoso, Ltd.", Source.SOCIAL)
    assert (found["Mei 陈"].organization, found["Mei 陈"].title) == ("上海星辰科技", "产品经理 🚀")
    assert len(found) == 3


def test_same_email_merges_extra_emails_and_phones_and_appends_a_new_note(services):
    services.people.add_contact(NewRelationship(name="A. Ruiz", email="ana@home.example", notes="Old friend"))
    record = ContactRecord(
        name="Ana Ruiz",
        emails=("ANA@home.example", "ana.ruiz@northwind.example"),
        phones=("+1 555 0100",),
        note="Met at the offsite",
        source="vcard",
        where="card 1 (line 1)",
    )
    [action] = services.contacts_import.preview([record])
    assert (action.action, action.target_name, action.reason) == (
        ImportAction.MERGE,
        "A. Ruiz",
        "same email ana@home.example",
    )
    services.contacts_import.apply([action])
    ana = people(services)["A. Ruiz"]
    assert (ana.email, ana.phone) == ("ana@home.example", "+1 555 0100")
    assert ana.other_contacts == [{"kind": "email", "value": "ana.ruiz@northwind.example", "label": ""}]
    assert ana.notes == "Old friend\n\nMet at the offsite"


def test_same_name_in_another_organization_is_someone_else(services):
    services.people.add_contact(NewRelationship(name="Sam Lee", organization="Contoso"))
    [action] = services.contacts_import.preview([ContactRecord(name="Sam Lee", organization="Fabrikam")])
    assert action.action == ImportAction.NEW


def test_importing_the_same_file_twice_adds_nothing(services):
    data = (FIXTURES / "team.vcf").read_bytes()
    services.contacts_import.apply(services.contacts_import.preview(parse_vcard(data, "team.vcf").records))
    before = {name: (p.email, p.phone, p.other_contacts, p.notes) for name, p in people(services).items()}
    plan = services.contacts_import.preview(parse_vcard(data, "team.vcf").records)
    assert [a.action for a in plan] == [ImportAction.SKIP] * 4
    assert (
        plan[0].reason == "already in MentorDesk (same email ana.ruiz@northwind.example), nothing new to add"
    )
    summary = services.contacts_import.apply(plan)
    assert (len(summary.imported), len(summary.merged), len(summary.skipped)) == (0, 0, 4)
    after = {name: (p.email, p.phone, p.other_contacts, p.notes) for name, p in people(services).items()}
    assert after == before


def test_preview_writes_nothing(services):
    with services.db.statements() as seen:
        services.contacts_import.preview(
            parse_vcard((FIXTURES / "team.vcf").read_bytes(), "team.vcf").records
        )
    statements = [s.lstrip().split()[0].upper() for s in seen]
    assert set(statements) - {"BEGIN", "COMMIT", "ROLLBACK"} == {"SELECT"}
    assert people(services) == {}


def test_only_selected_records_are_imported(services):
    plan = services.contacts_import.preview(
        parse_vcard((FIXTURES / "team.vcf").read_bytes(), "team.vcf").records
    )
    # Leave out Ana and the first Chidi: the second Chidi (a merge into the first) becomes new.
    summary = services.contacts_import.apply(plan, selected={1, 3})
    assert sorted(people(services)) == ["Bo Li", "Chidi Okeke"]
    assert people(services)["Chidi Okeke"].title == "Engineering manager"
    assert [(a.record.name, a.reason) for a in summary.skipped] == [
        ("Ana Ruiz", "not selected"),
        ("Chidi Okeke", "not selected"),
    ]


def test_an_import_commits_whole_or_not_at_all(services, monkeypatch):
    services.people.add_contact(NewRelationship(name="Chidi Okeke", email="chidi@example.org"))
    plan = services.contacts_import.preview(
        parse_vcard((FIXTURES / "team.vcf").read_bytes(), "team.vcf").records
    )
    real = contacts_import.merge_into
    calls = []

    def failing(state, record):
        calls.append(record.name)
        if len(calls) == 3:  # Ana and Bo are added; the merge into Chidi fails
            raise RuntimeError("disk full")
        return real(state, record)

    monkeypatch.setattr(contacts_import, "merge_into", failing)
    assert [a.action.value for a in plan] == ["new", "new", "skip", "merge"]
    with pytest.raises(RuntimeError):
        services.contacts_import.apply(plan)
    assert calls == ["Ana Ruiz", "Bo Li", "Chidi Okeke"]
    found = people(services)
    assert list(found) == ["Chidi Okeke"] and found["Chidi Okeke"].title == ""
