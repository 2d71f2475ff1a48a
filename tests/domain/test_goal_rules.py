"""Pure goal rules: derived progress, stalled detection, review scheduling, overdue marks."""

from __future__ import annotations

from datetime import date

from mentordesk.domain.progress import (
    MilestoneState,
    current_progress,
    days_since_review_due,
    goal_overdue,
    goal_stalled,
    is_open,
    milestone_overdue,
    next_review,
    outside_goal_dates,
    progress_on,
    review_due,
)

TODAY = date(2026, 6, 15)


def test_derived_progress_uses_weights_not_counts():
    ms = [MilestoneState(1, True), MilestoneState(1, False), MilestoneState(2, False)]
    assert current_progress("milestones", [], ms) == 25.0
    assert current_progress("milestones", [(date(2026, 1, 1), 90.0)], ms) == 25.0
    assert current_progress("milestones", [], [MilestoneState(2, True), MilestoneState(1, True)]) == 100.0
    # Negative weights count as nothing; a goal without milestones is at 0.
    assert current_progress("milestones", [], [MilestoneState(-3, True), MilestoneState(1, False)]) == 0.0
    assert current_progress("milestones", [], []) == 0.0


def test_manual_progress_is_the_last_recorded_value():
    history = [(date(2026, 1, 1), 10.0), (date(2026, 3, 1), 35.0), (date(2026, 3, 1), 30.0)]
    assert current_progress("manual", history, [MilestoneState(1, True)]) == 30.0
    assert current_progress("manual", [], []) == 0.0


def test_progress_on_a_day_is_the_last_point_on_or_before_it():
    history = [(date(2026, 1, 1), 10.0), (date(2026, 3, 1), 35.0)]
    assert progress_on(history, date(2025, 12, 31)) is None
    assert progress_on(history, date(2026, 1, 1)) == 10.0
    assert progress_on(history, date(2026, 2, 28)) == 10.0
    assert progress_on(history, date(2026, 6, 1)) == 35.0


def test_review_scheduling():
    # The first review is a cadence after the start; afterwards a cadence after the last review.
    assert next_review(None, date(2026, 3, 1), 30) == date(2026, 3, 31)
    assert next_review(date(2026, 6, 10), date(2026, 3, 1), 30) == date(2026, 7, 10)
    assert next_review(date(2026, 6, 10), None, 91) == date(2026, 9, 9)
    assert next_review(None, date(2026, 3, 1), 0) is None
    assert review_due(date(2026, 6, 15), "active", TODAY)
    assert review_due(date(2026, 6, 1), "on_hold", TODAY)
    assert not review_due(date(2026, 6, 16), "active", TODAY)
    assert not review_due(date(2026, 6, 1), "achieved", TODAY)
    assert not review_due(None, "active", TODAY)
    assert days_since_review_due(date(2026, 6, 1), TODAY) == 14
    assert days_since_review_due(date(2026, 7, 1), TODAY) == 0


def test_stalled_after_two_flat_review_periods():
    start = date(2026, 1, 1)
    flat = [(date(2026, 2, 1), 40.0), (date(2026, 5, 1), 40.2)]
    assert goal_stalled(flat, 30, start, TODAY)
    moved = [*flat, (date(2026, 6, 1), 50.0)]
    assert not goal_stalled(moved, 30, start, TODAY)
    # With a quarterly review two periods reach back before the start: too young to call stalled.
    assert not goal_stalled(flat, 91, start, TODAY)


def test_goal_with_no_progress_since_its_start_stalls_once_old_enough():
    assert goal_stalled([], 30, date(2026, 3, 1), TODAY)
    assert not goal_stalled([], 30, date(2026, 5, 1), TODAY)
    assert not goal_stalled([], 30, None, TODAY)
    assert not goal_stalled([], 30, date(2026, 9, 1), TODAY)


def test_overdue_goals_and_milestones():
    assert goal_overdue(date(2026, 6, 14), "active", TODAY)
    assert not goal_overdue(date(2026, 6, 15), "active", TODAY)
    assert not goal_overdue(date(2026, 1, 1), "achieved", TODAY)
    assert not goal_overdue(date(2026, 1, 1), "dropped", TODAY)
    assert milestone_overdue(date(2026, 6, 1), None, TODAY)
    assert not milestone_overdue(date(2026, 6, 1), date(2026, 6, 3), TODAY)
    assert not milestone_overdue(None, None, TODAY)
    assert is_open("planned") and is_open("on_hold") and not is_open("achieved")


def test_outside_goal_dates():
    start, target = date(2026, 3, 1), date(2026, 9, 30)
    assert outside_goal_dates(date(2026, 2, 28), start, target)
    assert outside_goal_dates(date(2026, 10, 1), start, target)
    assert not outside_goal_dates(date(2026, 3, 1), start, target)
    assert not outside_goal_dates(date(2026, 9, 30), start, target)
    assert not outside_goal_dates(None, start, target)
    assert not outside_goal_dates(date(2020, 1, 1), None, None)
