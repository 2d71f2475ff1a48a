"""The plain chart/report input types."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from mentordesk.domain.series import (
    AdherenceRow,
    FocusRow,
    GoalProgressSeries,
    MeetingFrequency,
    MilestoneMark,
    ReportData,
    ReportSummary,
)


def test_adherence_share_is_periods_met_over_periods() -> None:
    assert AdherenceRow("Ana", periods=10, periods_met=8, longest_gap_days=21, cadence_days=14).share == 0.8
    assert AdherenceRow(
        "Ben", periods=3, periods_met=1, longest_gap_days=40, cadence_days=30
    ).share == pytest.approx(1 / 3)


def test_adherence_share_without_periods_is_zero_and_never_above_one() -> None:
    assert AdherenceRow("New", 0, 0, 5, 14).share == 0.0
    assert AdherenceRow("Odd", 2, 3, 5, 14).share == 1.0


def test_meeting_frequency_totals_per_month() -> None:
    freq = MeetingFrequency(
        (date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1)),
        (("Ana", (2, 0, 1)), ("Ben", (1, 1, 0))),
        target_per_month=2.5,
    )
    assert freq.totals == (3, 1, 1)
    assert freq.total == 5


def test_meeting_frequency_rejects_counts_of_the_wrong_length() -> None:
    with pytest.raises(ValueError, match="Ana"):
        MeetingFrequency((date(2025, 1, 1), date(2025, 2, 1)), (("Ana", (1,)),))


def test_goal_value_on_a_day_holds_until_the_next_point() -> None:
    goal = GoalProgressSeries("G", ((date(2025, 1, 10), 0.0), (date(2025, 2, 15), 40.0)))
    assert goal.value_on(date(2025, 1, 9)) is None
    assert goal.value_on(date(2025, 1, 10)) == 0.0
    assert goal.value_on(date(2025, 2, 14)) == 0.0
    assert goal.value_on(date(2025, 2, 15)) == 40.0
    assert goal.value_on(date(2026, 1, 1)) == 40.0


def test_milestone_done_and_drawing_date() -> None:
    done = MilestoneMark("Draft", due=date(2025, 3, 1), done_on=date(2025, 3, 4))
    open_ = MilestoneMark("Final", due=date(2025, 5, 1))
    assert done.done and done.when == date(2025, 3, 4)
    assert not open_.done and open_.when == date(2025, 5, 1)
    assert MilestoneMark("Someday").when is None


def test_values_are_frozen() -> None:
    row = FocusRow("Career", 3, 2.5)
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.meetings = 4  # type: ignore[misc]


def test_report_data_defaults_to_empty_series() -> None:
    data = ReportData(date(2025, 1, 1), date(2025, 6, 30), date(2025, 7, 1), ReportSummary())
    assert data.progress == () and data.meetings.months == () and data.meeting_log == ()
    assert data.author == ""
