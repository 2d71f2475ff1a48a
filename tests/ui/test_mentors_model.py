"""The mentors list model (its filters and order too), without a window."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from mentordesk.domain.cadence import Overdue
from mentordesk.domain.enums import Kind, RelStatus, Role, Source
from mentordesk.services.people import ContactRow, RelationshipRow
from mentordesk.ui.models.relationships import (
    CONTACT,
    ROW_ROLE,
    RelationshipTableModel,
)
from mentordesk.ui.theme import AMBER, RED

M = RelationshipTableModel
TODAY = date(2026, 6, 15)


def rel(i, name, *, status=RelStatus.ACTIVE, kind=Kind.INFORMAL, role=Role.MENTORS_ME, **kw):
    values = dict(
        id=i,
        person_id=100 + i,
        name=name,
        organization="",
        email="",
        role=role,
        kind=kind,
        status=status,
        focus_areas=(),
        cadence_days=30,
        last_meeting=None,
        next_due=None,
        level=Overdue.NONE,
        open_actions=0,
        goals=(),
        tags=(),
        notes="",
        source=Source.OTHER,
    )
    values.update(kw)
    return RelationshipRow(**values)


@pytest.fixture
def rows():
    return [
        rel(
            1,
            "Ana Ruiz",
            organization="Northwind",
            focus_areas=("career_guidance", "networking"),
            last_meeting=date(2026, 4, 1),
            next_due=date(2026, 5, 1),
            level=Overdue.OVERDUE,
            open_actions=3,
            goals=("Give a talk", "Get promoted"),
            tags=("leadership",),
        ),
        rel(
            2,
            "bo li",
            kind=Kind.PEER,
            role=Role.PEERS,
            next_due=date(2026, 6, 20),
            level=Overdue.DUE_SOON,
            notes="Met at the Rust meetup",
        ),
        rel(3, "Carla Diaz", status=RelStatus.PAUSED, last_meeting=date(2026, 1, 5), open_actions=1),
        rel(4, "Dev Patel", status=RelStatus.PROSPECT, kind=Kind.FORMAL, role=Role.I_MENTOR),
        ContactRow(200, "Eve Imported", "Fabrikam", "eve@example.org", "CTO", Source.SOCIAL, (), ""),
    ]


@pytest.fixture
def proxy(qapp, rows):
    model = RelationshipTableModel()
    model.set_rows(rows, TODAY)
    return model


def shown(p, col=M.NAME):
    return [p.data(p.index(r, col)) for r in range(p.rowCount())]


def test_columns_show_what_a_person_reads(proxy):
    model = proxy
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "Name",
        "Organization",
        "My role",
        "Kind",
        "Status",
        "Focus areas",
        "Last meeting",
        "Next check-in",
        "Actions",
        "Goals",
    ]
    first = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert first == [
        "Ana Ruiz",
        "Northwind",
        "Mentors me",
        "Informal",
        "Active",
        "Career guidance, Networking",
        "2026-04-01",
        "2026-05-01 (45 d late)",
        "3",
        "Give a talk, Get promoted",
    ]
    assert model.data(model.index(1, M.NEXT)) == "2026-06-20 (in 5 d)"
    assert model.data(model.index(2, M.NEXT)) == "paused"
    model.set_status({CONTACT})
    assert model.data(model.index(0, M.STATUS)) == "Contact"
    assert model.data(model.index(0, M.ROLE)) == ""


def test_overdue_is_red_due_soon_amber_paused_plain(proxy):
    model = proxy
    fg = Qt.ItemDataRole.ForegroundRole
    assert model.data(model.index(0, M.NEXT), fg) == RED
    assert model.data(model.index(1, M.NEXT), fg) == AMBER
    assert model.data(model.index(2, M.NEXT), fg) is None
    assert "Paused" in model.data(model.index(2, M.NEXT), Qt.ItemDataRole.ToolTipRole)


def test_default_view_shows_relationships_not_contacts(proxy):
    assert shown(proxy) == ["Ana Ruiz", "bo li", "Carla Diaz", "Dev Patel"]
    proxy.set_status({CONTACT})
    assert shown(proxy) == ["Eve Imported"]
    proxy.set_status({CONTACT, "active"})
    assert shown(proxy) == ["Ana Ruiz", "bo li", "Eve Imported"]


def test_quick_filters_by_status_kind_and_role(proxy):
    proxy.set_status({"active", "paused"})
    assert shown(proxy) == ["Ana Ruiz", "bo li", "Carla Diaz"]
    proxy.set_status(None)
    proxy.set_kind("peer")
    assert shown(proxy) == ["bo li"]
    proxy.set_kind(None)
    proxy.set_role("i_mentor")
    assert shown(proxy) == ["Dev Patel"]


def test_text_filter_matches_name_organization_tag_and_notes(proxy):
    for text, expected in (
        ("north", ["Ana Ruiz"]),
        ("LEADERSHIP", ["Ana Ruiz"]),
        ("rust meetup", ["bo li"]),
        ("ana north", ["Ana Ruiz"]),
        ("nobody", []),
    ):
        proxy.set_text(text)
        assert shown(proxy) == expected, text


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        (M.NAME, ["Ana Ruiz", "bo li", "Carla Diaz", "Dev Patel"]),
        (M.LAST, ["bo li", "Dev Patel", "Carla Diaz", "Ana Ruiz"]),
        (M.NEXT, ["Ana Ruiz", "bo li", "Carla Diaz", "Dev Patel"]),
        (M.ACTIONS, ["bo li", "Dev Patel", "Carla Diaz", "Ana Ruiz"]),
        (M.GOALS, ["bo li", "Carla Diaz", "Dev Patel", "Ana Ruiz"]),
        (M.STATUS, ["Ana Ruiz", "bo li", "Carla Diaz", "Dev Patel"]),
    ],
)
def test_every_column_sorts(proxy, column, expected):
    proxy.sort(column, Qt.SortOrder.AscendingOrder)
    assert shown(proxy) == expected


def test_row_role_hands_back_the_row(proxy, rows):
    assert proxy.data(proxy.index(0, 3), ROW_ROLE) is rows[0]
    assert proxy.row_of(3) == 2
    assert proxy.row_of_person(200) == -1  # a contact: hidden while only relationships show
    assert proxy.find("person", 200) is rows[4]
    proxy.set_status({CONTACT, "active", "paused", "prospect"})
    assert proxy.row_of_person(200) == 4
