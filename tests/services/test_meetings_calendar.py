"""MeetingService reads: month days, agenda, check-ins, clashes, proposals, prep, held prompts."""

from __future__ import annotations

import time as _time
from datetime import UTC, date, datetime, time

import pytest

from mentordesk.domain.cadence import Overdue
from mentordesk.domain.enums import GoalStatus, MeetingStatus, Owner, ProgressMode, RelStatus
from mentordesk.services.meetings import MeetingInput
from mentordesk.services.people import NewRelationship
from mentordesk.store.models import Goal, Milestone, ProgressEntry, Relationship


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.fixture
def berlin(monkeypatch):
    """Run the test with the machine's time zone set to Europe/Berlin (UTC+2 in summer)."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    _time.tzset()
    yield
    monkeypatch.undo()
    _time.tzset()


def add(services, name, **kw):
    return services.people.add_relationship(NewRelationship(name=name, **kw))


def meet(services, rid, start, **kw):
    return services.meetings.create(MeetingInput(relationship_id=rid, start=start, **kw))


def count_selects(services, fn):
    with services.db.statements() as statements:
        result = fn()
    return result, len([s for s in statements if s.lstrip().upper().startswith("SELECT")])


def test_days_group_by_local_day_with_dots(services, berlin):
    ana, sam = add(services, "Ana"), add(services, "Sam")
    meet(services, ana, utc(2026, 6, 2, 22, 30))  # 00:30 on 3 June in Berlin
    meet(services, sam, utc(2026, 6, 3, 9), status="held")
    meet(services, sam, utc(2026, 6, 3, 12), status="cancelled")
    meet(services, None, utc(2026, 6, 3), all_day=True, title="Conference")
    days, selects = count_selects(
        services, lambda: services.meetings.days(date(2026, 6, 1), date(2026, 6, 30))
    )
    assert selects == 1
    assert list(days) == [date(2026, 6, 3)]
    day = days[date(2026, 6, 3)]
    assert day.count == 3  # the cancelled one is shown but not counted
    assert [(d.person, d.status) for d in day.dots] == [
        ("", MeetingStatus.PLANNED),  # the all-day event, stored at midnight UTC
        ("Ana", MeetingStatus.PLANNED),
        ("Sam", MeetingStatus.HELD),
        ("Sam", MeetingStatus.CANCELLED),
    ]


def test_days_is_one_statement_whatever_the_number(services):
    rid = add(services, "Ana")
    for d in range(1, 29):
        meet(services, rid, utc(2026, 2, d, 9))
        meet(services, rid, utc(2026, 2, d, 15))
    days, selects = count_selects(
        services, lambda: services.meetings.days(date(2026, 2, 1), date(2026, 2, 28))
    )
    assert selects == 1 and len(days) == 28 and all(d.count == 2 for d in days.values())


def test_agenda_for_a_week_in_local_time(services, berlin):
    ana = add(services, "Ana")
    late = meet(services, ana, utc(2026, 6, 14, 22, 30))  # Monday 15 June, 00:30 in Berlin
    noon = meet(services, ana, utc(2026, 6, 17, 10))
    meet(services, ana, utc(2026, 6, 21, 22, 30))  # Monday 22 June in Berlin: next week
    rows = services.meetings.agenda(date(2026, 6, 15), date(2026, 6, 21))
    assert [r.id for r in rows] == [late, noon]
    assert rows[0].day == date(2026, 6, 15)


def test_check_ins_overdue_due_soon_paused_excluded(services):
    overdue = add(services, "Olga", cadence_days=30, started_on=date(2026, 1, 1))
    soon = add(services, "Sean", cadence_days=14)
    add(services, "Fresh", cadence_days=30)  # started today: due in 30 days, not listed
    paused = add(services, "Paula", cadence_days=7, started_on=date(2026, 1, 1), status="paused")
    meet(services, overdue, utc(2026, 5, 1, 10), status="held")  # due 31 May
    meet(services, soon, utc(2026, 6, 5, 10), status="held")  # due 19 June
    meet(services, soon, utc(2026, 6, 18, 10))  # already planned
    meet(services, paused, utc(2026, 1, 2, 10), status="held")
    rows = services.meetings.check_ins()
    assert [(r.person, r.due, r.level, r.days_late) for r in rows] == [
        ("Olga", date(2026, 5, 31), Overdue.OVERDUE, 15),
        ("Sean", date(2026, 6, 19), Overdue.DUE_SOON, 0),
    ]
    assert rows[0].describe(date(2026, 6, 15)) == "overdue by 15 days"
    assert rows[1].describe(date(2026, 6, 15)) == "due in 4 days"
    assert rows[1].next_planned == utc(2026, 6, 18, 10)
    assert rows[0].next_planned is None


def test_overlaps_are_found_but_not_touching_or_cancelled(services):
    ana, sam = add(services, "Ana"), add(services, "Sam")
    a = meet(services, ana, utc(2026, 6, 20, 10), duration_minutes=60)
    meet(services, sam, utc(2026, 6, 20, 11), duration_minutes=30)  # starts when a ends
    meet(services, sam, utc(2026, 6, 20, 10, 15), status="cancelled")
    meet(services, None, utc(2026, 6, 20), all_day=True, title="Holiday")
    assert [r.id for r in services.meetings.find_overlaps(utc(2026, 6, 20, 9, 30), 45)] == [a]
    assert services.meetings.find_overlaps(utc(2026, 6, 20, 9, 0), 60) == []
    assert services.meetings.find_overlaps(utc(2026, 6, 20, 10, 0), 60, exclude_id=a) == []


def test_propose_next_follows_cadence_usual_time_and_avoids_clashes(services, berlin):
    ana, sam = add(services, "Ana", cadence_days=14), add(services, "Sam")
    meet(services, ana, utc(2026, 6, 8, 13, 0), status="held")  # Monday 15:00 in Berlin
    meet(services, sam, utc(2026, 6, 22, 13, 30))  # Sam at 15:30 on the day Ana is due
    proposed = services.meetings.propose_next(ana)
    # Due 22 June (a Monday): 15:00 clashes with Sam, so the nearest free half hour wins:
    # 14:30-15:30 ends as Sam's begins.
    assert proposed == utc(2026, 6, 22, 12, 30)
    assert services.meetings.find_overlaps(proposed, 60) == []


def test_propose_next_when_overdue_starts_tomorrow_and_skips_the_weekend(services, berlin):
    rid = add(services, "Olga", cadence_days=30, started_on=date(2026, 1, 1))
    meet(services, rid, utc(2026, 3, 6, 8, 0), status="held")  # Friday 09:00 in Berlin
    # Today is Monday 15 June: the proposal is Tuesday at the usual time.
    assert services.meetings.propose_next(rid) == utc(2026, 6, 16, 7, 0)


def test_pending_held_prompts_ask_once(services):
    ana = add(services, "Ana")
    past = meet(services, ana, utc(2026, 6, 10, 9))
    meet(services, ana, utc(2026, 6, 10, 11), status="held")
    ongoing = meet(services, ana, utc(2026, 6, 15, 9), duration_minutes=120)
    now = utc(2026, 6, 15, 10)
    assert [r.id for r in services.meetings.pending_held_prompts(now)] == [past]
    services.meetings.answer_held_prompt(past, "held")
    assert services.meetings.pending_held_prompts(now) == []
    assert [r.id for r in services.meetings.pending_held_prompts(utc(2026, 6, 15, 11))] == [ongoing]
    services.meetings.answer_held_prompt(ongoing, None)
    assert services.meetings.get(ongoing).row.status == MeetingStatus.PLANNED
    assert services.meetings.pending_held_prompts(utc(2026, 6, 15, 11)) == []


def test_upcoming_lists_planned_timed_meetings_in_a_window(services):
    ana = add(services, "Ana")
    soon = meet(services, ana, utc(2026, 6, 15, 10, 10))
    meet(services, ana, utc(2026, 6, 15, 11, 0))
    meet(services, ana, utc(2026, 6, 15, 10, 5), status="cancelled")
    rows = services.meetings.upcoming(utc(2026, 6, 15, 10, 0), utc(2026, 6, 15, 10, 15))
    assert [r.id for r in rows] == [soon]


def test_prep_collects_actions_goals_last_notes_and_agenda(services):
    ana = add(services, "Ana Ruiz", agreed_topics="Career, talks")
    with services.db.session() as s:
        rel = s.get(Relationship, ana)
        manual = Goal(title="Give a talk", status=GoalStatus.ACTIVE, relationships=[rel])
        manual.progress = [
            ProgressEntry(on=date(2026, 4, 1), percent=20),
            ProgressEntry(on=date(2026, 6, 1), percent=45),
        ]
        steps = Goal(title="Get promoted", progress_mode=ProgressMode.MILESTONES, relationships=[rel])
        steps.milestones = [
            Milestone(title="Doc", weight=1, done_on=date(2026, 4, 20)),
            Milestone(title="Design", weight=2, done_on=date(2026, 6, 1)),
            Milestone(title="Panel", weight=1),
        ]
        stale = Goal(title="Read more", relationships=[rel])
        stale.progress = [ProgressEntry(on=date(2026, 3, 1), percent=30)]
        done = Goal(title="Old goal", status=GoalStatus.ACHIEVED, relationships=[rel])
        s.add_all([manual, steps, stale, done])
    last = meet(services, ana, utc(2026, 5, 1, 9), status="held", notes="Talked about the abstract", rating=4)
    services.meetings.add_action(meeting_id=last, text="Send the abstract", due_on=date(2026, 6, 1))
    services.meetings.add_action(meeting_id=last, text="Share slides", owner=Owner.THEM)
    closed = services.meetings.add_action(meeting_id=last, text="Closed one")
    services.meetings.set_action_done(closed, True)
    planned = meet(services, ana, utc(2026, 6, 20, 9), agenda="Promotion case")

    prep = services.meetings.prep(planned)
    assert prep.last_meeting is not None and prep.last_meeting.id == last
    assert [a.text for a in prep.open_actions] == ["Send the abstract", "Share slides"]
    assert [(g.title, g.percent, g.percent_then) for g in prep.goals] == [
        ("Get promoted", 75.0, 25.0),
        ("Give a talk", 45.0, 20.0),
        ("Read more", 30.0, 30.0),
    ]
    assert prep.suggested_agenda == (
        "Promotion case",
        "Follow up: Send the abstract (me, due 2026-06-01 — overdue)",
        "Follow up: Share slides (them)",
        "Progress on “Get promoted”: now 75%, +50 points since 2026-05-01",
        "Progress on “Give a talk”: now 45%, +25 points since 2026-05-01",
        "What is in the way of “Read more”? (unchanged at 30% since 2026-05-01)",
        "Agree next steps and the date of the next meeting",
    )
    text = prep.markdown()
    assert text.startswith("# Meeting prep: Ana Ruiz\n")
    assert "- [ ] Share slides (them)" in text
    assert "- Give a talk (active): 45%, was 20% at the last meeting" in text
    assert "Talked about the abstract" in text
    assert "## Agreed topics\n\nCareer, talks" in text


def test_prep_of_a_first_meeting(services):
    rid = add(services, "Sam")
    mid = meet(services, rid, utc(2026, 6, 20, 9))
    prep = services.meetings.prep(mid)
    assert prep.last_meeting is None and prep.goals == () and prep.open_actions == ()
    assert prep.suggested_agenda == ("Agree next steps and the date of the next meeting",)
    assert "This is the first meeting." in prep.markdown()


def test_relationship_choices_put_current_ones_first(services):
    add(services, "Zoe")
    add(services, "Ben", status="ended")
    add(services, "Amy", status="paused")
    assert [(c.person, c.status) for c in services.meetings.relationship_choices()] == [
        ("Amy", RelStatus.PAUSED),
        ("Zoe", RelStatus.ACTIVE),
        ("Ben", RelStatus.ENDED),
    ]
    assert [c.person for c in services.meetings.relationship_choices(include_inactive=False)] == [
        "Amy",
        "Zoe",
    ]


def test_current_time_is_on_the_service_day(services):
    now = services.meetings.current_time()
    assert now.tzinfo is not None and now.astimezone().date() == date(2026, 6, 15)
    assert isinstance(now.time(), time)
