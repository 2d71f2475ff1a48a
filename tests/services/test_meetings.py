"""MeetingService writes: create, edit, move, cancel, delete and put back, log, action items."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from mentordesk.domain.enums import Channel, MeetingStatus, Owner
from mentordesk.services.errors import NotFoundError, ValidationError
from mentordesk.services.meetings import LogInput, MeetingInput, parse_action_lines
from mentordesk.services.people import NewRelationship
from mentordesk.store.models import ActionItem, Goal, Meeting, meeting_goal


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.fixture
def ana(services):
    return services.people.add_relationship(NewRelationship(name="Ana Ruiz", email="ana@example.org"))


@pytest.fixture
def goal(services, ana):
    with services.db.session() as s:
        g = Goal(title="Give a talk")
        s.add(g)
        s.flush()
        return g.id


def test_create_and_read_back(services, ana, goal):
    mid = services.meetings.create(
        MeetingInput(
            relationship_id=ana,
            start=datetime(2026, 6, 20, 14, 30, tzinfo=UTC),
            duration_minutes=45,
            channel="video",
            location="https://meet.example/ana",
            agenda="  CV review ",
            goal_ids=[goal],
        )
    )
    detail = services.meetings.get(mid)
    row = detail.row
    assert (row.person, row.start, row.duration_minutes, row.channel, row.location, row.agenda) == (
        "Ana Ruiz",
        utc(2026, 6, 20, 14, 30),
        45,
        Channel.VIDEO,
        "https://meet.example/ana",
        "CV review",
    )
    assert row.status == MeetingStatus.PLANNED
    assert [g.title for g in detail.goals] == ["Give a talk"]
    assert detail.held_prompted is False


def test_start_given_in_another_zone_is_stored_in_utc(services, ana):
    from zoneinfo import ZoneInfo

    start = datetime(2026, 6, 20, 9, 0, tzinfo=ZoneInfo("America/New_York"))
    mid = services.meetings.create(MeetingInput(relationship_id=ana, start=start))
    assert services.meetings.get(mid).row.start == utc(2026, 6, 20, 13, 0)


def test_all_day_meeting_keeps_its_date(services, ana):
    from zoneinfo import ZoneInfo

    start = datetime(2026, 6, 20, 0, 0, tzinfo=ZoneInfo("Pacific/Auckland"))
    mid = services.meetings.create(
        MeetingInput(relationship_id=ana, start=start, all_day=True, duration_minutes=60)
    )
    row = services.meetings.get(mid).row
    assert row.start == utc(2026, 6, 20) and row.all_day and row.duration_minutes == 1440
    assert row.day == date(2026, 6, 20)


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"relationship_id": None}, "relationship", "Choose who the meeting is with"),
        ({"relationship_id": 999}, "relationship", "no longer exists"),
        ({"duration_minutes": 0}, "duration", "between 1 minute and 31 days"),
        ({"rating": 6}, "rating", "from 1 to 5"),
        ({"status": "postponed"}, "status", "is not one of"),
        ({"channel": "pigeon"}, "channel", "is not one of"),
        ({"status": "held"}, "status", "still ahead"),
        ({"start": datetime(2026, 6, 20, 10, 0)}, "start", "time zone"),
        ({"goal_ids": [404]}, "goals", "no longer exists"),
    ],
)
def test_refused_input_names_the_field_and_writes_nothing(services, ana, changes, field, words):
    values = {"relationship_id": ana, "start": utc(2026, 6, 20, 10)} | changes
    with pytest.raises(ValidationError, match=words) as info:
        services.meetings.create(MeetingInput(**values))
    assert info.value.field == field
    with services.db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Meeting)) == 0


def test_unassigned_meeting_needs_a_title(services):
    mid = services.meetings.create(
        MeetingInput(relationship_id=None, title="Team lunch", start=utc(2026, 6, 1, 12))
    )
    row = services.meetings.get(mid).row
    assert row.relationship_id is None and row.label == "Team lunch"


def test_update_changes_fields_and_assigns_action_items(services, ana):
    mid = services.meetings.create(
        MeetingInput(relationship_id=None, title="Coffee", start=utc(2026, 6, 1, 9))
    )
    services.meetings.add_action(meeting_id=mid, text="Send notes")
    services.meetings.update(
        mid,
        MeetingInput(
            relationship_id=ana,
            title="Coffee",
            start=utc(2026, 6, 1, 9),
            status="held",
            notes="Good",
            rating=4,
        ),
    )
    detail = services.meetings.get(mid)
    assert (detail.row.person, detail.row.status, detail.row.rating, detail.row.notes) == (
        "Ana Ruiz",
        MeetingStatus.HELD,
        4,
        "Good",
    )
    assert detail.action_items[0].relationship_id == ana
    assert [a.text for a in services.meetings.open_actions(ana)] == ["Send notes"]


def test_move_keeps_everything_else_and_asks_again(services, ana):
    mid = services.meetings.create(MeetingInput(relationship_id=ana, start=utc(2026, 6, 10, 9), agenda="CV"))
    services.meetings.answer_held_prompt(mid, None)
    assert services.meetings.get(mid).held_prompted is True
    services.meetings.move(mid, utc(2026, 6, 22, 15), 30)
    detail = services.meetings.get(mid)
    assert (detail.row.start, detail.row.duration_minutes, detail.row.agenda) == (
        utc(2026, 6, 22, 15),
        30,
        "CV",
    )
    assert detail.held_prompted is False


def test_a_held_meeting_cannot_move_into_the_future(services, ana):
    mid = services.meetings.create(
        MeetingInput(relationship_id=ana, start=utc(2026, 6, 10, 9), status="held")
    )
    with pytest.raises(ValidationError, match="still ahead"):
        services.meetings.move(mid, utc(2026, 6, 30, 9))
    assert services.meetings.get(mid).row.start == utc(2026, 6, 10, 9)


def test_cancel_and_status(services, ana):
    mid = services.meetings.create(MeetingInput(relationship_id=ana, start=utc(2026, 6, 10, 9)))
    services.meetings.cancel(mid)
    assert services.meetings.get(mid).row.status == MeetingStatus.CANCELLED
    services.meetings.set_status(mid, "missed")
    assert services.meetings.get(mid).row.status == MeetingStatus.MISSED


def test_delete_and_restore_give_back_the_same_rows(services, ana, goal):
    mid = services.meetings.create(
        MeetingInput(
            relationship_id=ana, start=utc(2026, 6, 10, 9), status="held", notes="n", goal_ids=[goal]
        )
    )
    a1 = services.meetings.add_action(
        meeting_id=mid, text="Read the book", owner="them", due_on=date(2026, 7, 1)
    )
    services.meetings.set_action_done(a1, True)
    services.meetings.add_action(meeting_id=mid, text="Draft outline")
    before = services.meetings.get(mid)
    with services.db.reader() as s:
        uuid_before = s.scalar(select(Meeting.uuid).where(Meeting.id == mid))
        action_uuids = sorted(s.scalars(select(ActionItem.uuid)))
        created = s.scalar(select(Meeting.created_at).where(Meeting.id == mid))

    snap = services.meetings.delete(mid)
    with pytest.raises(NotFoundError):
        services.meetings.get(mid)
    with services.db.reader() as s:
        assert s.scalar(select(func.count()).select_from(ActionItem)) == 0
        assert s.scalar(select(func.count()).select_from(meeting_goal)) == 0

    assert services.meetings.restore(snap) == mid
    after = services.meetings.get(mid)
    assert after == before
    with services.db.reader() as s:
        assert s.scalar(select(Meeting.uuid).where(Meeting.id == mid)) == uuid_before
        assert sorted(s.scalars(select(ActionItem.uuid))) == action_uuids
        assert s.scalar(select(Meeting.created_at).where(Meeting.id == mid)) == created


def test_restore_replaces_an_edited_meeting(services, ana):
    mid = services.meetings.create(MeetingInput(relationship_id=ana, start=utc(2026, 6, 10, 9), agenda="old"))
    snap = services.meetings.snapshot(mid)
    services.meetings.update(mid, MeetingInput(relationship_id=ana, start=utc(2026, 6, 11, 9), agenda="new"))
    services.meetings.restore(snap)
    row = services.meetings.get(mid).row
    assert (row.start, row.agenda) == (utc(2026, 6, 10, 9), "old")


def test_log_meeting_adds_a_held_meeting_with_actions(services, ana):
    result = services.meetings.log_meeting(
        LogInput(
            relationship_id=ana,
            start=utc(2026, 6, 12, 8),
            duration_minutes=30,
            notes="Talked about the promotion case",
            rating=5,
            action_items=parse_action_lines("- send the doc\nthem: intro to Grace"),
        )
    )
    assert result.replaced is None
    detail = services.meetings.get(result.meeting_id)
    assert (detail.row.status, detail.row.rating, detail.held_prompted) == (MeetingStatus.HELD, 5, True)
    assert [(a.text, a.owner, a.relationship_id) for a in detail.action_items] == [
        ("send the doc", Owner.ME, ana),
        ("intro to Grace", Owner.THEM, ana),
    ]


def test_log_meeting_turns_the_planned_one_of_that_day_into_held(services, ana):
    planned = services.meetings.create(
        MeetingInput(relationship_id=ana, start=utc(2026, 6, 12, 14), agenda="Talk prep", channel="phone")
    )
    result = services.meetings.log_meeting(
        LogInput(relationship_id=ana, start=utc(2026, 6, 12, 15), notes="Done")
    )
    assert result.meeting_id == planned
    assert result.replaced is not None and dict(result.replaced.meeting)["status"] == MeetingStatus.PLANNED
    row = services.meetings.get(planned).row
    assert (row.status, row.start, row.agenda, row.notes, row.channel) == (
        MeetingStatus.HELD,
        utc(2026, 6, 12, 15),
        "Talk prep",
        "Done",
        Channel.PHONE,
    )
    with services.db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Meeting)) == 1
    services.meetings.restore(result.replaced)
    assert services.meetings.get(planned).row.status == MeetingStatus.PLANNED


def test_log_meeting_refuses_the_future_and_a_missing_person(services, ana):
    with pytest.raises(ValidationError, match="still ahead"):
        services.meetings.log_meeting(LogInput(relationship_id=ana, start=utc(2026, 6, 16, 9)))
    with pytest.raises(ValidationError, match="Choose who you met") as info:
        services.meetings.log_meeting(LogInput(relationship_id=None, start=utc(2026, 6, 1, 9)))
    assert info.value.field == "relationship"


def test_action_items_crud(services, ana):
    mid = services.meetings.create(MeetingInput(relationship_id=ana, start=utc(2026, 6, 1, 9), status="held"))
    aid = services.meetings.add_action(
        meeting_id=mid, text="Send slides", owner=Owner.THEM, due_on=date(2026, 6, 20)
    )
    item = services.meetings.action(aid)
    assert (item.text, item.owner, item.due_on, item.done, item.relationship_id) == (
        "Send slides",
        Owner.THEM,
        date(2026, 6, 20),
        False,
        ana,
    )
    services.meetings.update_action(aid, text="Send the slides", owner="me", due_on=None)
    services.meetings.set_action_done(aid, True)
    item = services.meetings.action(aid)
    assert (item.text, item.owner, item.due_on, item.done, item.done_on) == (
        "Send the slides",
        Owner.ME,
        None,
        True,
        date(2026, 6, 15),
    )
    assert services.meetings.open_actions(ana) == []
    snap = services.meetings.delete_action(aid)
    assert services.meetings.actions_of_meeting(mid) == []
    services.meetings.restore_action(snap)
    assert services.meetings.action(aid) == item


def test_relationship_action_without_meeting_and_refusals(services, ana):
    aid = services.meetings.add_action(relationship_id=ana, text="Write a thank-you note")
    assert services.meetings.action(aid).meeting_id is None
    with pytest.raises(ValidationError, match="cannot be empty") as info:
        services.meetings.add_action(relationship_id=ana, text="   ")
    assert info.value.field == "text"
    with pytest.raises(ValidationError, match="meeting or a relationship"):
        services.meetings.add_action(text="Orphan")


def test_open_actions_show_on_the_mentors_list(services, ana):
    mid = services.meetings.create(MeetingInput(relationship_id=ana, start=utc(2026, 6, 1, 9), status="held"))
    services.meetings.add_action(meeting_id=mid, text="One")
    services.meetings.add_action(meeting_id=mid, text="Two")
    [row] = services.people.list_rows()
    assert row.open_actions == 2


def test_logging_resets_the_check_in(services):
    rid = services.people.add_relationship(
        NewRelationship(name="Sam", cadence_days=14, started_on=date(2026, 5, 1))
    )
    assert [c.person for c in services.meetings.check_ins()] == ["Sam"]  # due 15 May: overdue
    services.meetings.log_meeting(LogInput(relationship_id=rid, start=utc(2026, 6, 14, 10)))
    assert services.meetings.check_ins() == []
    [row] = services.people.list_rows()
    assert row.next_due == date(2026, 6, 28)


def test_parse_action_lines():
    assert parse_action_lines("- [ ] call Ana\n\n* them: send deck\nMe: book room\nnote: keep") == [
        ("call Ana", Owner.ME),
        ("send deck", Owner.THEM),
        ("book room", Owner.ME),
        ("note: keep", Owner.ME),
    ]


def test_moving_a_meeting_to_a_day_keeps_time_of_a_deleted_relationship_out(services, ana):
    mid = services.meetings.create(MeetingInput(relationship_id=ana, start=utc(2026, 6, 1, 9)))
    snap = services.meetings.delete(mid)
    with services.db.session() as s:
        from mentordesk.store.models import Relationship

        s.delete(s.get(Relationship, ana))
    with pytest.raises(NotFoundError, match="relationship no longer exists"):
        services.meetings.restore(snap)
    with pytest.raises(NotFoundError):
        services.meetings.move(mid, utc(2026, 6, 2, 9) + timedelta(hours=1))
