from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import update

from mentordesk.cli import main
from mentordesk.services.errors import ValidationError
from mentordesk.services.people import NewRelationship
from mentordesk.services.search import to_match
from mentordesk.store.models import Meeting, Person


def _add_meeting(services, rid, notes):
    with services.db.session() as s:
        m = Meeting(relationship_id=rid, start=datetime(2026, 5, 2, 9, tzinfo=UTC), notes=notes)
        s.add(m)
        s.flush()
        return m.id


def test_indexing_follows_insert_update_and_delete(services):
    rid = services.people.add_relationship(NewRelationship(name="José Fernández", organization="Acme"))
    mid = _add_meeting(services, rid, "She recommended a book on negotiation")
    [hit] = services.search.search("negotiation", kind="meeting")
    assert (hit.kind, hit.id, hit.title, hit.target_kind, hit.target_id) == (
        "meeting",
        mid,
        "Meeting with José Fernández",
        "meeting",
        mid,
    )
    assert hit.plain_snippet() == "She recommended a book on [negotiation]"

    with services.db.session() as s:
        s.execute(update(Meeting).where(Meeting.id == mid).values(notes="We talked about hiring"))
    assert services.search.search("negotiation") == []
    assert [h.id for h in services.search.search("hiring")] == [mid]

    with services.db.session() as s:
        s.delete(s.get(Meeting, mid))
    assert services.search.search("hiring") == []


def test_accents_prefixes_and_phrases(services):
    rid = services.people.add_relationship(NewRelationship(name="José Fernández", notes="Met at the café"))
    _add_meeting(services, rid, "A book on negotiation, then a long talk on salaries")
    assert [h.title for h in services.search.search("Jose", kind="person")] == ["José Fernández"]
    assert [h.title for h in services.search.search("cafe")] == ["José Fernández"]
    assert len(services.search.search("negot")) == 1  # prefix
    assert len(services.search.search('"book on negotiation"')) == 1
    assert services.search.search('"negotiation on book"') == []
    assert services.search.search('   ""  ') == []


def test_renamed_person_is_found_by_the_new_name(services):
    rid = services.people.add_relationship(NewRelationship(name="Old Name"))
    with services.db.session() as s:
        s.execute(update(Person).values(name="Brand New"))
    hits = services.search.search("brand", kind="person")
    assert [h.target_id for h in hits] == [rid]
    assert services.search.search("old", kind="person") == []


def test_odd_queries_do_not_break(services):
    services.people.add_relationship(NewRelationship(name="Ana"))
    for query in ('"', "AND", "NOT OR", "a*b", "(", "name:ana", "NEAR(", "-x", "ana'"):
        services.search.search(query)
    assert to_match('say "hi there" now') == '"say"* "hi there" "now"*'
    with pytest.raises(ValidationError, match="kind"):
        services.search.search("x", kind="nonsense")


def test_cli_search_finds_a_phrase_from_a_meeting_note(tmp_path, capsys):
    db = str(tmp_path / "m.db")
    main(["--db", db, "demo"])
    capsys.readouterr()
    assert main(["--db", db, "search", '"book on negotiation"', "--limit", "2"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2
    assert all(line.startswith("Meeting") and "[book on negotiation]" in line for line in lines)


def test_command_line_kinds_match_the_service():
    from mentordesk.commands.search import SEARCH_KINDS
    from mentordesk.services.search import KINDS

    assert SEARCH_KINDS == KINDS
