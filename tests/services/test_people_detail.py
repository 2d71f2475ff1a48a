"""The detail panel's numbers, the appreciation log, delete and its exact undo (today 2026-06-15)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from sqlalchemy import func, select

from mentordesk.domain.cadence import Overdue
from mentordesk.domain.enums import AppreciationKind, MeetingStatus, ProgressMode, RelStatus
from mentordesk.services.errors import ValidationError
from mentordesk.services.people import NewRelationship
from mentordesk.store.models import (
    ActionItem,
    Appreciation,
    Goal,
    Meeting,
    Milestone,
    ProgressEntry,
    Relationship,
    StatusChange,
)


def at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour)).astimezone().astimezone(UTC)


@pytest.fixture
def ana(services):
    """An active relationship with meetings, action items, three goals and one thank-you."""
    rid = services.people.add_relationship(
        NewRelationship(name="Ana Ruiz", started_on=date(2025, 1, 10), review_on=date(2026, 6, 1))
    )
    with services.db.session() as s:
        rel = s.get(Relationship, rid)
        held = [date(2025, 11, 20), date(2026, 2, 3), date(2026, 5, 20)]
        for d in held:
            s.add(Meeting(relationship=rel, start=at(d), status=MeetingStatus.HELD))
        s.add(Meeting(relationship=rel, start=at(date(2026, 4, 1)), status=MeetingStatus.CANCELLED))
        planned = Meeting(relationship=rel, start=at(date(2026, 6, 20)), status=MeetingStatus.PLANNED)
        s.add(planned)
        s.add(Meeting(relationship=rel, start=at(date(2026, 7, 20)), status=MeetingStatus.PLANNED))
        planned.action_items.append(ActionItem(relationship=rel, text="Send CV"))
        s.add(ActionItem(relationship=rel, text="Read the book"))
        s.add(ActionItem(relationship=rel, text="Draft the talk", done=True))
        manual = Goal(title="Give a talk", relationships=[rel])
        manual.progress = [
            ProgressEntry(on=date(2026, 3, 1), percent=20.0),
            ProgressEntry(on=date(2026, 5, 1), percent=45.0),
        ]
        by_milestones = Goal(
            title="Become staff engineer", progress_mode=ProgressMode.MILESTONES, relationships=[rel]
        )
        by_milestones.milestones = [
            Milestone(title="Design doc", weight=1.0, done_on=date(2026, 2, 1)),
            Milestone(title="Lead a project", weight=3.0),
        ]
        planned.goals.append(by_milestones)
        s.add_all([manual, by_milestones, Goal(title="Write more", relationships=[rel])])
        s.add(Appreciation(relationship=rel, on=date(2026, 1, 10), text="Thank-you card"))
    return rid


def test_summary_strip_and_agreement_drift(services, ana):
    d = services.people.detail(ana)
    assert d.summary.held_this_year == 2
    assert d.summary.last_meeting == date(2026, 5, 20)
    assert d.summary.next_meeting is not None and d.summary.next_meeting.astimezone().date() == date(
        2026, 6, 20
    )
    assert (d.summary.next_due, d.summary.level) == (date(2026, 6, 19), Overdue.DUE_SOON)
    assert d.summary.open_actions == 2
    assert [(g.title, g.percent) for g in d.summary.goals] == [
        ("Become staff engineer", 25.0),
        ("Give a talk", 45.0),
        ("Write more", None),
    ]
    assert d.drift == ("Cadence missed in 2 of the last 3 periods", "Agreement review was due on 2026-06-01")
    assert d.appreciation_nudge is True
    assert [(a.on, a.text) for a in d.appreciations] == [(date(2026, 1, 10), "Thank-you card")]


def test_appreciation_log_add_remove_restore(services, ana):
    aid = services.people.add_appreciation(ana, kind="gesture", text="Coffee and cake", on=date(2026, 6, 14))
    d = services.people.detail(ana)
    assert [(a.kind, a.text) for a in d.appreciations][0] == (AppreciationKind.GESTURE, "Coffee and cake")
    assert d.appreciation_nudge is False
    removed = services.people.remove_appreciation(aid)
    assert services.people.detail(ana).appreciation_nudge is True
    services.people.restore_appreciation(removed)
    assert services.people.detail(ana).appreciations[0].id == aid


def test_an_empty_appreciation_is_refused(services, ana):
    with pytest.raises(ValidationError, match="What you did cannot be empty") as info:
        services.people.add_appreciation(ana, text="  ")
    assert info.value.field == "text"


def test_paused_relationship_has_no_drift_and_no_nudge(services, ana):
    services.people.pause(ana)
    d = services.people.detail(ana)
    assert (d.drift, d.appreciation_nudge, d.summary.next_due) == ((), False, None)


def _counts(services):
    with services.db.reader() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(m))
            for m in (Relationship, StatusChange, Meeting, ActionItem, Appreciation, Goal)
        )


def test_delete_says_what_goes_and_undo_restores_the_same_rows(services, ana):
    before = services.people.detail(ana)
    with services.db.reader() as s:
        uuids = sorted(s.scalars(select(Meeting.uuid)))
    impact = services.people.deletion_impact(ana)
    assert (impact.meetings, impact.action_items, impact.appreciations, impact.goal_links) == (6, 3, 1, 3)
    assert impact.removes_person
    assert _counts(services) == (1, 1, 6, 3, 1, 3)

    snap = services.people.delete_relationship(ana)
    assert services.people.list_entries() == []
    assert _counts(services) == (0, 0, 0, 0, 0, 3)  # goals stay

    services.people.restore(snap)
    assert _counts(services) == (1, 1, 6, 3, 1, 3)
    after = services.people.detail(ana)
    assert after == before
    with services.db.reader() as s:
        assert sorted(s.scalars(select(Meeting.uuid))) == uuids
        staff = s.scalars(select(Goal).where(Goal.title == "Become staff engineer")).one()
        assert len(staff.meetings) == 1


def test_restore_leaves_out_links_to_goals_deleted_meanwhile(services, ana):
    snap = services.people.delete_relationship(ana)
    with services.db.session() as s:
        s.delete(s.scalars(select(Goal).where(Goal.title == "Write more")).one())
    services.people.restore(snap)
    assert [g.title for g in services.people.detail(ana).summary.goals] == [
        "Become staff engineer",
        "Give a talk",
    ]


def test_deleting_one_of_two_relationships_keeps_the_person(services):
    rid = services.people.add_relationship(NewRelationship(name="Bo Li", status="prospect"))
    pid = services.people.detail(rid).person.id
    second = services.people.make_prospect(pid)
    snap = services.people.delete_relationship(rid)
    assert not snap.removes_person
    assert services.people.person_detail(pid).relationship_ids == (second,)


def test_deleting_a_contact_and_undoing_it(services):
    pid = services.people.add_contact(NewRelationship(name="Bo Li", tags=["linkedin"]))
    snap = services.people.delete_person(pid)
    assert services.people.list_entries() == []
    services.people.restore(snap)
    assert services.people.person_detail(pid).tags == ("linkedin",)


def test_list_with_contacts_is_one_statement_whatever_the_size(services):
    for i in range(400):
        services.people.add_relationship(NewRelationship(name=f"Person {i:03}", tags=["t"]))
    for i in range(50):
        services.people.add_contact(NewRelationship(name=f"Contact {i:02}"))
    with services.db.statements() as statements:
        rows = services.people.list_entries()
    assert len(rows) == 450
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1


def test_request_draft_has_the_four_parts(services):
    rid = services.people.add_relationship(
        NewRelationship(
            name="Kenji Watanabe",
            status="prospect",
            organization="Proseware",
            title="Director of Platform",
            how_met="Connected after his article on platform teams",
            focus_areas=["skill_development", "networking"],
            hopes="Learn how to run a platform team",
            cadence_days=30,
            preferred_channel="video",
        )
    )
    text = services.people.request_draft(rid, sender="Sam")
    assert "Dear Kenji," in text
    assert "You may remember me (Connected after his article on platform teams)." in text
    assert "your work as Director of Platform at Proseware" in text
    assert "skill development and networking" in text
    assert "What I hope to achieve: Learn how to run a platform team." in text
    assert "30-minute video call once a month for the next three months" in text
    assert '"not now" is completely fine' in text
    assert text.endswith("Sam")


def test_request_draft_marks_what_is_not_known(services):
    rid = services.people.add_relationship(NewRelationship(name="Lee", status="prospect"))
    text = services.people.request_draft(rid)
    assert "[Why them:" in text and "[What you hope to achieve" in text and text.endswith("[Your name]")
    assert services.people.detail(rid).status == RelStatus.PROSPECT
