"""The goal list reads only part of the progress history: it must judge as if it read all of it."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentordesk.domain.enums import GoalCategory, GoalStatus, ProgressMode
from mentordesk.domain.progress import goal_stalled
from mentordesk.store.models import Goal, ProgressEntry

TODAY = date(2026, 6, 15)

# Few distinct days, on and around the window edges (every 7, 30 or 90 days: 14, 60, 180 back),
# so that points share a day and sit exactly on an edge.
DAYS = [-400, -181, -180, -179, -90, -61, -60, -59, -15, -14, -13, -1, 0]
points = st.lists(
    st.tuples(st.sampled_from(DAYS), st.sampled_from([0.0, 10.0, 10.2, 10.6, 40.0, 100.0])),
    max_size=8,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    history=points,
    every=st.sampled_from([0, 7, 30, 90]),
    start=st.one_of(st.none(), st.sampled_from([-500, *DAYS, 30])),
)
def test_stalled_and_progress_match_the_rules_over_the_whole_history(services, history, every, start):
    start_on = TODAY + timedelta(days=start) if start is not None else None
    with services.db.session() as s:
        goal = Goal(
            title="Goal",
            category=GoalCategory.SKILL,
            status=GoalStatus.ACTIVE,
            progress_mode=ProgressMode.MANUAL,
            start_on=start_on,
            review_every_days=every,
        )
        s.add(goal)
        s.flush()
        for offset, percent in history:
            s.add(ProgressEntry(goal_id=goal.id, on=TODAY + timedelta(days=offset), percent=percent))
        gid = goal.id
    # Every point in the order it was recorded (date, then entry), as the rules expect it.
    recorded = sorted(
        ((TODAY + timedelta(days=offset), percent, i) for i, (offset, percent) in enumerate(history)),
        key=lambda p: (p[0], p[2]),
    )
    whole = [(on, percent) for on, percent, _ in recorded]
    row = services.goals.goal(gid)
    assert row.stalled == goal_stalled(whole, every, start_on, TODAY)
    assert row.progress == (whole[-1][1] if whole else 0.0)
    assert row.progress_on == (whole[-1][0] if whole else None)
    assert next(g for g in services.goals.list_goals() if g.id == gid).stalled == row.stalled
