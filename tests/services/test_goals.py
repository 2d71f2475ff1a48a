"""GoalService: the timeline's list, goal edits, validation in words, snapshots for undo."""

from __future__ import annotations

from datetime import date

import pytest

from mentordesk.domain.enums import GoalCategory, GoalStatus, ProgressMode
from mentordesk.services.errors import ValidationError
from mentordesk.services.goals import ConfirmationNeeded, GoalInput, MilestoneInput
from mentordesk.services.people import NewRelationship


def _goal(**kwargs):
    base = dict(
        title="Give a conference talk",
        category=GoalCategory.SKILL,
        start_on=date(2026, 3, 1),
        target_on=date(2026, 9, 30),
    )
    base.update(kwargs)
    return GoalInput(**base)


def test_create_and_list_with_helpers_and_milestones(services):
    ana = services.people.add_relationship(NewRelationship(name="Ana Ruiz"))
    bo = services.people.add_relationship(NewRelationship(name="Bo Chen"))
    gid = services.goals.create_goal(
        _goal(
            relationship_ids=[bo, ana],
            milestones=[
                MilestoneInput("Submit the abstract", due_on=date(2026, 4, 1), done_on=date(2026, 3, 28)),
                MilestoneInput("Deliver the talk", due_on=date(2026, 9, 15), weight=3),
            ],
        )
    )
    [row] = services.goals.list_goals()
    assert (row.id, row.title, row.category, row.status) == (gid, "Give a conference talk", "skill", "active")
    assert row.helper_names == ("Ana Ruiz", "Bo Chen")
    assert [(m.title, m.done) for m in row.milestones] == [
        ("Submit the abstract", True),
        ("Deliver the talk", False),
    ]
    # Manual progress with no history yet; the first review is a cadence after the start.
    assert row.progress == 0.0
    assert row.next_review_on == date(2026, 3, 31)
    assert row.review_due and not row.overdue


def test_derived_progress_follows_milestone_weights_and_is_recorded(services):
    gid = services.goals.create_goal(
        _goal(
            progress_mode=ProgressMode.MILESTONES,
            milestones=[
                MilestoneInput("Outline", due_on=date(2026, 4, 1), weight=1),
                MilestoneInput("Rehearse", due_on=date(2026, 6, 1), weight=1),
                MilestoneInput("Deliver", due_on=date(2026, 9, 1), weight=2),
            ],
        )
    )
    outline, rehearse, _deliver = services.goals.goal(gid).milestones
    services.goals.set_milestone_done(outline.id, date(2026, 4, 2))
    assert services.goals.goal(gid).progress == 25.0
    services.goals.set_milestone_done(rehearse.id, date(2026, 6, 10))
    assert services.goals.goal(gid).progress == 50.0
    history = services.goals.progress_history(gid)
    assert [(p.on, p.percent, p.note) for p in history] == [
        (date(2026, 6, 15), 25.0, "Milestone done: Outline"),
        (date(2026, 6, 15), 50.0, "Milestone done: Rehearse"),
    ]
    services.goals.set_milestone_done(rehearse.id, None)
    assert services.goals.goal(gid).progress == 25.0
    assert services.goals.progress_history(gid)[-1].note == "Milestone reopened: Rehearse"


def test_progress_by_hand_is_kept_as_history(services):
    gid = services.goals.create_goal(_goal())
    services.goals.record_progress(gid, 20, date(2026, 4, 1), "abstract drafted")
    services.goals.record_progress(gid, 45, date(2026, 6, 1))
    row = services.goals.goal(gid)
    assert (row.progress, row.progress_on) == (45.0, date(2026, 6, 1))
    assert [(p.percent, p.note) for p in services.goals.progress_history(gid)] == [
        (20.0, "abstract drafted"),
        (45.0, ""),
    ]


@pytest.mark.parametrize(
    ("percent", "words"),
    [
        (-1, "Progress must be between 0 and 100 (got -1)"),
        (100.5, "Progress must be between 0 and 100 (got 100.5)"),
        (250, "Progress must be between 0 and 100 (got 250)"),
        (None, "Enter progress as a number from 0 to 100"),
    ],
)
def test_progress_outside_0_to_100_is_refused(services, percent, words):
    gid = services.goals.create_goal(_goal())
    with pytest.raises(ValidationError) as info:
        services.goals.record_progress(gid, percent)
    assert str(info.value) == words
    assert info.value.field == "percent"
    assert services.goals.progress_history(gid) == []


def test_manual_progress_refused_when_goal_follows_milestones(services):
    gid = services.goals.create_goal(_goal(progress_mode="milestones"))
    with pytest.raises(ValidationError, match="follows its milestones"):
        services.goals.record_progress(gid, 40)


def test_target_before_start_is_refused_in_words(services):
    with pytest.raises(ValidationError) as info:
        services.goals.create_goal(_goal(start_on=date(2026, 5, 1), target_on=date(2026, 4, 1)))
    assert info.value.field == "target_on"
    assert str(info.value) == "Target date 2026-04-01 is before the start date 2026-05-01"
    assert services.goals.count_goals() == 0


@pytest.mark.parametrize(
    ("kwargs", "field", "words"),
    [
        ({"title": "  "}, "title", "Title cannot be empty"),
        ({"review_every_days": 0}, "review_every_days", "at least one day"),
        ({"status": "finished"}, "status", "is not one of"),
        (
            {"milestones": [MilestoneInput("  ")]},
            "milestones",
            "Milestone 1: Milestone title cannot be empty",
        ),
        ({"milestones": [MilestoneInput("Plan", weight=0)]}, "milestones", "Weight must be more than 0"),
        (
            {"milestones": [MilestoneInput("Plan", done_on=date(2026, 7, 1))]},
            "milestones",
            "Done date 2026-07-01 is in the future",
        ),
    ],
)
def test_invalid_goal_input_is_refused_with_words(services, kwargs, field, words):
    with pytest.raises(ValidationError, match=words) as info:
        services.goals.create_goal(_goal(**kwargs))
    assert info.value.field == field
    assert services.goals.count_goals() == 0


def test_milestone_outside_goal_dates_asks_for_confirmation(services):
    gid = services.goals.create_goal(_goal())
    late = MilestoneInput("Write the blog post", due_on=date(2026, 11, 1))
    with pytest.raises(ConfirmationNeeded) as info:
        services.goals.add_milestone(gid, late)
    assert str(info.value) == (
        "Milestone 'Write the blog post' is due on 2026-11-01, outside the goal's dates "
        "(2026-03-01 to 2026-09-30). Keep it there?"
    )
    assert not isinstance(info.value, ValidationError)
    assert services.goals.goal(gid).milestones == ()
    services.goals.add_milestone(gid, late, confirm=True)
    assert [m.due_on for m in services.goals.goal(gid).milestones] == [date(2026, 11, 1)]


def test_moving_goal_dates_past_its_milestones_asks_first(services):
    gid = services.goals.create_goal(_goal(milestones=[MilestoneInput("Rehearse", due_on=date(2026, 9, 1))]))
    with pytest.raises(ConfirmationNeeded, match="'Rehearse' is due on 2026-09-01"):
        services.goals.set_goal_dates(gid, date(2026, 3, 1), date(2026, 8, 1))
    assert services.goals.goal(gid).target_on == date(2026, 9, 30)
    services.goals.set_goal_dates(gid, date(2026, 3, 1), date(2026, 8, 1), confirm=True)
    assert services.goals.goal(gid).target_on == date(2026, 8, 1)
    with pytest.raises(ValidationError, match="before the start date"):
        services.goals.set_goal_dates(gid, date(2026, 8, 2), date(2026, 8, 1))


def test_move_milestone(services):
    gid = services.goals.create_goal(_goal(milestones=[MilestoneInput("Rehearse", due_on=date(2026, 9, 1))]))
    [ms] = services.goals.goal(gid).milestones
    services.goals.move_milestone(ms.id, date(2026, 8, 20))
    assert services.goals.goal(gid).milestones[0].due_on == date(2026, 8, 20)


def test_review_records_progress_and_moves_next_review(services):
    gid = services.goals.create_goal(_goal(review_every_days=30))
    services.goals.record_progress(gid, 30, date(2026, 5, 1))
    from mentordesk.services.goals import ReviewInput

    services.goals.review_goal(
        gid,
        ReviewInput(
            date(2026, 6, 10),
            percent=55,
            what_changed="Abstract accepted",
            target_holds=False,
            new_target_on=date(2026, 10, 31),
        ),
    )
    row = services.goals.goal(gid)
    assert (row.last_review_on, row.next_review_on, row.progress) == (
        date(2026, 6, 10),
        date(2026, 7, 10),
        55.0,
    )
    assert row.target_on == date(2026, 10, 31)
    assert not row.review_due
    [review] = services.goals.reviews(gid)
    assert (review.percent, review.what_changed, review.target_holds) == (55.0, "Abstract accepted", False)
    assert services.goals.progress_history(gid)[-1].note == "Review: Abstract accepted"


def test_review_in_the_future_is_refused(services):
    from mentordesk.services.goals import ReviewInput

    gid = services.goals.create_goal(_goal())
    with pytest.raises(ValidationError, match="Review date 2026-06-16 is in the future"):
        services.goals.review_goal(gid, ReviewInput(date(2026, 6, 16)))
    assert services.goals.reviews(gid) == []


def test_due_reviews_and_stalled_goals(services):
    flat = services.goals.create_goal(_goal(title="Flat", start_on=date(2026, 1, 1), review_every_days=30))
    services.goals.record_progress(flat, 40, date(2026, 2, 1))
    moving = services.goals.create_goal(_goal(title="Moving", start_on=date(2026, 1, 1)))
    services.goals.record_progress(moving, 40, date(2026, 2, 1))
    services.goals.record_progress(moving, 60, date(2026, 6, 1))
    idle = services.goals.create_goal(_goal(title="Never started", start_on=date(2026, 2, 1)))
    done = services.goals.create_goal(
        _goal(title="Done", status=GoalStatus.ACHIEVED, start_on=date(2026, 1, 1))
    )
    assert [g.title for g in services.goals.stalled_goals()] == ["Flat", "Never started"]
    due = [g.id for g in services.goals.due_for_review()]
    assert set(due) == {flat, moving, idle} and done not in due


def test_delete_returns_a_snapshot_that_restores_exactly(services):
    ana = services.people.add_relationship(NewRelationship(name="Ana Ruiz"))
    gid = services.goals.create_goal(
        _goal(relationship_ids=[ana], milestones=[MilestoneInput("Outline", due_on=date(2026, 4, 1))])
    )
    services.goals.record_progress(gid, 10, date(2026, 4, 2), "started")
    before = services.goals.goal(gid)
    history = services.goals.progress_history(gid)
    snap = services.goals.delete_goal(gid)
    assert services.goals.list_goals() == []
    services.goals.restore(snap)
    assert services.goals.goal(gid) == before
    assert services.goals.progress_history(gid) == history
    assert services.goals.snapshot(gid) == snap


def test_restore_undoes_an_edit_of_milestones(services):
    gid = services.goals.create_goal(
        _goal(milestones=[MilestoneInput("Outline", due_on=date(2026, 4, 1)), MilestoneInput("Rehearse")])
    )
    before = services.goals.snapshot(gid)
    outline = services.goals.goal(gid).milestones[0]
    services.goals.update_goal(
        gid, _goal(title="Give two talks", milestones=[MilestoneInput("Outline v2", id=outline.id)])
    )
    row = services.goals.goal(gid)
    assert row.title == "Give two talks"
    assert [(m.id, m.title) for m in row.milestones] == [(outline.id, "Outline v2")]
    services.goals.restore(before)
    assert services.goals.snapshot(gid) == before


def test_list_is_four_statements_whatever_the_size(services):
    ana = services.people.add_relationship(NewRelationship(name="Ana Ruiz"))
    for i in range(120):
        gid = services.goals.create_goal(
            _goal(
                title=f"Goal {i:03}",
                relationship_ids=[ana],
                milestones=[MilestoneInput(f"Step {j}", due_on=date(2026, 5, 1 + j)) for j in range(4)],
            )
        )
        services.goals.record_progress(gid, i % 100, date(2026, 5, 1))
    with services.db.statements() as statements:
        rows = services.goals.list_goals()
    assert len(rows) == 120 and all(len(r.milestones) == 4 and r.helper_names == ("Ana Ruiz",) for r in rows)
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 4


def test_meetings_that_discussed_a_goal_and_progress_since(demo_services):
    goals = demo_services.goals.list_goals()
    talk = next(g for g in goals if g.title == "Give a talk at a regional conference")
    rel = talk.helpers[0].relationship_id
    since = demo_services.goals.progress_since(rel, date(2026, 1, 1))
    assert talk.id in [p.goal_id for p in since]
    from sqlalchemy import select

    from mentordesk.store.models import Meeting

    with demo_services.db.reader() as s:
        meeting_id = s.scalars(select(Meeting.id).where(Meeting.relationship_id == rel).limit(1)).one()
    demo_services.goals.link_meeting(talk.id, meeting_id)
    [meeting] = demo_services.goals.meetings_for_goal(talk.id)
    assert meeting.id == meeting_id and meeting.with_name == talk.helpers[0].name
    demo_services.goals.unlink_meeting(talk.id, meeting_id)
    assert demo_services.goals.meetings_for_goal(talk.id) == []
