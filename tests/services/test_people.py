from __future__ import annotations

import pytest

from mentordesk.domain.cadence import Overdue
from mentordesk.domain.enums import RelStatus
from mentordesk.services.errors import ValidationError
from mentordesk.services.people import NewRelationship


def test_add_and_list(services):
    rid = services.people.add_relationship(
        NewRelationship(
            name="  Ana Ruiz ", organization="Northwind", email="Ana@Example.org", tags=["b", "a"]
        )
    )
    [row] = services.people.list_rows()
    assert (row.id, row.name, row.organization, row.email, row.tags) == (
        rid,
        "Ana Ruiz",
        "Northwind",
        "ana@example.org",
        ("a", "b"),
    )
    assert row.status == RelStatus.ACTIVE and row.next_due is not None


@pytest.mark.parametrize(
    ("kwargs", "field", "words"),
    [
        ({"name": "  "}, "name", "Name cannot be empty"),
        ({"name": "A", "email": "not-an-email"}, "email", "is not an email address"),
        ({"name": "A", "cadence_days": 0}, "cadence_days", "at least one day"),
        ({"name": "A", "status": "married"}, "status", "is not one of"),
    ],
)
def test_invalid_input_is_refused_with_words(services, kwargs, field, words):
    with pytest.raises(ValidationError, match=words) as info:
        services.people.add_relationship(NewRelationship(**kwargs))
    assert info.value.field == field
    assert services.people.count_relationships() == 0


def test_demo_list_marks_overdue_and_paused(demo_services):
    rows = {r.name: r for r in demo_services.people.list_rows()}
    assert rows["Priya Natarajan"].level == Overdue.OVERDUE
    assert rows["Grace Liu"].status == RelStatus.PAUSED and rows["Grace Liu"].level == Overdue.NONE
    assert rows["Grace Liu"].next_due is None


def test_list_is_one_statement_whatever_the_size(services):
    for i in range(400):
        services.people.add_relationship(NewRelationship(name=f"Person {i:03}", tags=["t"]))
    with services.db.statements() as statements:
        rows = services.people.list_rows()
    assert len(rows) == 400
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1
