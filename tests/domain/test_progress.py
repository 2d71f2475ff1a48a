from __future__ import annotations

from datetime import date

from mentordesk.domain.drift import drift_flags, needs_appreciation
from mentordesk.domain.enums import RelStatus
from mentordesk.domain.progress import MilestoneState, is_stalled, next_review, progress_from_milestones


def test_progress_from_weighted_milestones():
    ms = [MilestoneState(1, True), MilestoneState(3, False), MilestoneState(1, True)]
    assert progress_from_milestones(ms) == 40.0
    assert progress_from_milestones([]) == 0.0


def test_next_review_from_last_review_or_start():
    assert next_review(date(2026, 1, 1), date(2025, 1, 1), 30) == date(2026, 1, 31)
    assert next_review(None, date(2026, 1, 1), 14) == date(2026, 1, 15)
    assert next_review(None, None, 14) is None


def test_stalled_when_flat_for_two_review_periods():
    today = date(2026, 6, 30)
    flat = [(date(2026, 1, 1), 10.0), (date(2026, 4, 1), 40.0), (date(2026, 5, 15), 40.0)]
    assert is_stalled(flat, 30, today)
    moving = [*flat, (date(2026, 6, 20), 55.0)]
    assert not is_stalled(moving, 30, today)
    young = [(date(2026, 6, 1), 5.0)]
    assert not is_stalled(young, 30, today)


def test_drift_flags_name_each_problem():
    flags = drift_flags(
        status=RelStatus.ACTIVE,
        cadence_days=30,
        held_dates=[date(2026, 1, 10)],
        active_since=date(2026, 1, 1),
        review_on=date(2026, 5, 1),
        linked_goals=0,
        today=date(2026, 6, 15),
    )
    assert "Cadence missed in 3 of the last 3 periods" in flags
    assert "Agreement review was due on 2026-05-01" in flags
    assert "No goal linked" in flags
    assert "No meeting since the relationship became active" not in flags
    assert (
        drift_flags(
            status=RelStatus.PAUSED,
            cadence_days=30,
            held_dates=[],
            active_since=None,
            review_on=None,
            linked_goals=0,
            today=date(2026, 6, 15),
        )
        == []
    )


def test_appreciation_nudge_after_ninety_days():
    today = date(2026, 6, 15)
    assert needs_appreciation(RelStatus.ACTIVE, date(2026, 3, 1), None, today)
    assert not needs_appreciation(RelStatus.ACTIVE, date(2026, 5, 1), None, today)
    assert not needs_appreciation(RelStatus.PAUSED, date(2025, 1, 1), None, today)
