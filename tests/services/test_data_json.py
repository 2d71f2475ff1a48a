from __future__ import annotations

import contextlib
import json
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentordesk.services.container import Services
from mentordesk.services.errors import ImportFormatError, MentorDeskError
from mentordesk.services.people import NewRelationship


def _strip_time(data: bytes) -> dict:
    doc = json.loads(data)
    doc.pop("exported_at")
    return doc


def test_round_trip_is_byte_identical_apart_from_exported_at(demo_services, tmp_path):
    first = tmp_path / "one.json"
    demo_services.data.export_json(first)
    assert first.stat().st_mode & 0o777 == 0o600
    other = Services.open(tmp_path / "other.db")
    other.data.import_json(first)
    second = tmp_path / "two.json"
    other.data.export_json(second)
    other.close()
    a = [line for line in first.read_bytes().splitlines() if b'"exported_at"' not in line]
    b = [line for line in second.read_bytes().splitlines() if b'"exported_at"' not in line]
    assert a == b
    doc = json.loads(first.read_bytes())
    assert doc["format"] == "mentordesk-export" and doc["format_version"] == 1
    assert len(doc["tables"]["person"]) == 10
    assert "uuid of person" in doc["schema"]["relationship"].values()


def test_import_into_non_empty_database_merges_by_uuid(services, tmp_path):
    services.people.add_relationship(NewRelationship(name="Ana Ruiz"))
    path = tmp_path / "e.json"
    services.data.export_json(path)
    doc = json.loads(path.read_bytes())
    doc["tables"]["person"][0]["notes"] = "Changed elsewhere"
    path.write_text(json.dumps(doc))
    result = services.data.import_json(path)
    assert result.added == 0 and result.updated == 1
    assert "updated 1 person" in result.summary
    assert services.people.list_rows()[0].notes == "Changed elsewhere"


def test_dry_run_changes_nothing(services, demo_services, tmp_path):
    path = tmp_path / "e.json"
    demo_services.data.export_json(path)
    fresh = Services.open(tmp_path / "fresh.db")
    result = fresh.data.import_json(path, dry_run=True)
    assert result.summary.startswith("would have added")
    assert fresh.people.count_relationships() == 0
    fresh.close()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "not UTF-8"),
        (
            b'{"format": "mentordesk-export", "format_version": 1, "tables": {"person": [{"uuid": 5}]}}',
            "person record 1",
        ),
        (b'{"format": "mentordesk-export", "format_version": 99, "tables": {}}', "newer"),
        (b'{"format": "something-else"}', "not a MentorDesk JSON export"),
        (
            b'{"format": "mentordesk-export", "format_version": 1, "tables": {"relationship": '
            b'[{"uuid": "r1", "person": "nobody"}]}}',
            "points at person",
        ),
        (b"[1, 2", "line 1 column 6"),
    ],
)
def test_bad_files_are_rejected_with_one_clear_line_and_no_change(demo_services, tmp_path, content, words):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    before = demo_services.data.export_document()["tables"]
    with pytest.raises(ImportFormatError, match=words) as info:
        demo_services.data.import_json(path)
    assert "\n" not in str(info.value) and "bad.json" in str(info.value)
    assert demo_services.data.export_document()["tables"] == before


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
        lambda children: (
            st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
        ),
        max_leaves=20,
    )
)
def test_random_json_documents_only_raise_our_error(tmp_path_factory, value):
    services = Services.open(":memory:")
    doc = {"format": "mentordesk-export", "format_version": 1, "tables": {"person": [value]}}
    if isinstance(value, dict):
        doc["tables"] = {"person": [value], "relationship": value}
    path = tmp_path_factory.mktemp("j") / "x.json"
    path.write_text(json.dumps(doc))
    with contextlib.suppress(MentorDeskError):
        services.data.import_json(path)
    services.close()


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_only_raise_our_error(data):
    from mentordesk.services.data import DataService

    try:
        DataService.parse_json(data, "x.json")
    except ImportFormatError as exc:
        assert "x.json" in str(exc)


def test_whole_columns_and_record_by_record_store_the_same(demo_services, tmp_path, monkeypatch):
    """An export's records are converted a column at a time; any file the quick way declines goes
    record by record. Both give the same database."""
    from mentordesk.store import portable

    path = tmp_path / "e.json"
    demo_services.data.export_json(path)
    quick = Services.open(tmp_path / "quick.db")
    quick.data.import_json(path)
    calls = []
    monkeypatch.setattr(portable, "_bulk_rows", lambda *args: calls.append(args) or None)
    slow = Services.open(tmp_path / "slow.db")
    slow.data.import_json(path)
    assert calls  # the record by record path did the work
    assert quick.people.count_relationships() == demo_services.people.count_relationships() > 0
    quick.close()
    slow.close()
    # Row for row, value for value, as stored (types too: 1 is not 1.0 or "1" here).
    for table in portable.tables():
        read = f'SELECT * FROM "{table.name}" ORDER BY rowid'
        types = ", ".join(f'typeof("{c.name}")' for c in table.c)
        types = f'SELECT {types} FROM "{table.name}" ORDER BY rowid'
        with (
            contextlib.closing(sqlite3.connect(tmp_path / "quick.db")) as a,
            contextlib.closing(sqlite3.connect(tmp_path / "slow.db")) as b,
        ):
            assert a.execute(read).fetchall() == b.execute(read).fetchall()
            assert a.execute(types).fetchall() == b.execute(types).fetchall()


@pytest.mark.parametrize(
    ("table", "index", "key", "value", "words"),
    [
        ("meeting", 6, "start", "2026-02-30T10:00:00.000000Z", "meeting record 7 (.+): field 'start'"),
        ("meeting", 3, "status", "maybe", "meeting record 4 (.+): field 'status'"),
        ("action_item", 2, "done", "yes", "action_item record 3 (.+): field 'done'"),
        ("action_item", 4, "relationship", "nobody", "action_item record 5 (.+): 'relationship' points at"),
    ],
)
def test_one_bad_value_in_a_whole_export_is_named_by_its_record(
    demo_services, tmp_path, table, index, key, value, words
):
    path = tmp_path / "e.json"
    demo_services.data.export_json(path)
    doc = json.loads(path.read_bytes())
    assert key in doc["tables"][table][index]
    doc["tables"][table][index][key] = value
    path.write_text(json.dumps(doc))
    fresh = Services.open(tmp_path / "fresh.db")
    with pytest.raises(ImportFormatError, match=words):
        fresh.data.import_json(path)
    assert fresh.people.count_relationships() == 0
    fresh.close()
