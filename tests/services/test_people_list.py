"""The mentors list read ahead, on a connection of its own, gives the window the rows its own read
would give, in the same order; a file at another revision or one that cannot be read gives none."""

from __future__ import annotations

import sqlite3

import pytest

from mentordesk.services.container import Services
from mentordesk.services.people_forms import NewRelationship
from mentordesk.services.people_list import read_ahead, records_from_json
from mentordesk.services.raw import json_list
from mentordesk.store.migrate import HEAD_REVISION


def _selects(statements: list[str]) -> list[str]:
    return [s for s in statements if s.lstrip().upper().startswith("SELECT")]


@pytest.fixture
def filed(tmp_path, today):  # type: ignore[no-untyped-def]
    """Sample data in a file, with what orders and reads awkwardly: two contacts and a mentor
    of the same name, a name in another script, tags, empty fields."""
    path = tmp_path / "mentors.db"
    services = Services.open(path, today=lambda: today)
    services.demo.generate(seed=3)
    people = services.people
    people.add_contact(NewRelationship(name="Ana Ruiz", email="ana@example.org", tags=["Met at PyCon"]))
    people.add_contact(NewRelationship(name="Ana Ruiz", organization="Contoso"))
    people.add_relationship(
        NewRelationship(name="Ana Ruiz", focus_areas=["career_guidance", "networking"], tags=["a", "b"])
    )
    people.add_relationship(NewRelationship(name="Łucja Żak", notes="line one\nline two\x1ftab"))
    # Focus areas that are not a JSON list, as an old or hand-edited file may hold them.
    for name, stored in (("Odd Text", "not json"), ("Odd Object", '{"a": 1}'), ("Odd Empty", "")):
        rid = people.add_relationship(NewRelationship(name=name))
        with services.db.raw() as con:
            con.execute("UPDATE relationship SET focus_areas = ? WHERE id = ?", (stored, rid))
    yield services, path
    services.close()


def test_the_rows_read_ahead_are_the_rows_of_the_list(filed):
    services, path = filed
    expected = services.people_read.list_entries()
    assert sum(1 for r in expected if r.name == "Ana Ruiz") >= 3
    odd = {r.name: r.focus_areas for r in expected if r.name.startswith("Odd ")}
    assert odd == {"Odd Text": (), "Odd Object": (), "Odd Empty": ()}

    services.people_read.offer_read_ahead(read_ahead(path, HEAD_REVISION))
    with services.db.statements() as statements:
        first = services.people_read.list_entries()
    assert first == expected
    assert _selects(statements) == []  # nothing read again

    with services.db.statements() as statements:
        again = services.people_read.list_entries()  # what was read ahead serves once
    assert again == expected and len(_selects(statements)) == 1


def test_the_order_is_the_statements_own(filed):
    _, path = filed
    con = sqlite3.connect(path)
    from mentordesk.services.people_list import list_sql

    rows = con.execute(list_sql(include_contacts=True)).fetchall()
    con.close()
    text = read_ahead(path, HEAD_REVISION)
    assert text is not None

    def focus_read(record: list | tuple) -> tuple:  # type: ignore[type-arg]
        # The read-ahead gives the stored JSON list as a list, the statement its text.
        return (*record[:8], json_list(record[8]), *record[9:])

    assert [focus_read(r) for r in records_from_json(text)] == [focus_read(r) for r in rows]


def test_a_file_at_another_revision_or_not_a_database_gives_nothing(filed, tmp_path):
    services, path = filed
    assert read_ahead(path, "0001") is None  # about to be upgraded: its rows may change
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"not a database" * 100)
    assert read_ahead(junk, HEAD_REVISION) is None
    assert read_ahead(tmp_path / "missing.db", HEAD_REVISION) is None
    assert not (tmp_path / "missing.db").exists()  # read only: nothing created
