"""Drift: where reality has left the agreement. Pure functions returning plain sentences."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from mentordesk.domain.enums import RelStatus
from mentordesk.domain.text import translate

NUDGE_APPRECIATION_DAYS = 90


def drift_flags(
    *,
    status: RelStatus | str,
    cadence_days: int,
    held_dates: Sequence[date],
    active_since: date | None,
    review_on: date | None,
    linked_goals: int,
    today: date,
    periods_checked: int = 3,
) -> list[str]:
    """Sentences naming each way the relationship has drifted from its agreement (translated)."""
    if RelStatus(status) != RelStatus.ACTIVE:
        return []
    flags: list[str] = []
    held = sorted(d for d in held_dates if d <= today)
    if active_since is not None and not [d for d in held if d >= active_since]:
        flags.append(translate("Drift", "No meeting since the relationship became active"))
    if cadence_days >= 1:
        missed = 0
        for i in range(periods_checked):
            end = today - timedelta(days=i * cadence_days)
            start = end - timedelta(days=cadence_days)
            if active_since is not None and start < active_since:
                break
            if not any(start < d <= end for d in held):
                missed += 1
        if missed:
            flags.append(
                translate("Drift", "Cadence missed in {missed} of the last {periods} periods").format(
                    missed=missed, periods=periods_checked
                )
            )
    if review_on is not None and review_on < today:
        flags.append(
            translate("Drift", "Agreement review was due on {date}").format(date=review_on.isoformat())
        )
    if linked_goals == 0:
        flags.append(translate("Drift", "No goal linked"))
    return flags


def needs_appreciation(
    status: RelStatus | str, last_appreciation: date | None, since: date | None, today: date
) -> bool:
    """A gentle nudge: an active relationship with no appreciation shown in 90 days."""
    if RelStatus(status) != RelStatus.ACTIVE:
        return False
    anchor = last_appreciation or since
    return anchor is not None and (today - anchor).days >= NUDGE_APPRECIATION_DAYS
