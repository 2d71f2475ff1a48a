"""Validation of goal, milestone and review input, in words a person understands."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from mentordesk.domain.enums import GoalCategory, GoalStatus, ProgressMode
from mentordesk.domain.progress import outside_goal_dates
from mentordesk.domain.text import QT_TRANSLATE_NOOP, translate
from mentordesk.services import validate
from mentordesk.services.errors import ValidationError
from mentordesk.services.goals_types import ConfirmationNeeded, GoalInput, MilestoneInput, ReviewInput

MAX_WEIGHT = 1000.0


@dataclass(frozen=True)
class CleanGoal:
    fields: dict[str, Any]
    relationship_ids: list[int]
    milestones: list[MilestoneInput]


@dataclass(frozen=True)
class CleanReview:
    reviewed_on: date
    percent: float | None
    what_changed: str
    target_holds: bool
    new_target_on: date | None


def percent(value: float | None, field: str = "percent") -> float:
    """Progress in percent, 0 to 100."""
    if value is None:
        raise ValidationError(translate("Errors", "Enter progress as a number from 0 to 100"), field=field)
    if not (0 <= value <= 100):
        raise ValidationError(
            translate("Errors", "Progress must be between 0 and 100 (got {value:g})").format(value=value),
            field=field,
        )
    return float(value)


def review_cadence(days: int | None) -> int:
    if days is None or days < 1:
        raise ValidationError(
            translate("Errors", "Review every must be at least one day"), field="review_every_days"
        )
    if days > 3660:
        raise ValidationError(
            translate("Errors", "Review every must be at most ten years (3660 days)"),
            field="review_every_days",
        )
    return int(days)


def check_milestone(data: MilestoneInput, today: date) -> MilestoneInput:
    title = validate.required_text(data.title, "title", QT_TRANSLATE_NOOP("Field", "Milestone title"))
    if data.done_on is not None and data.done_on > today:
        raise ValidationError(
            translate("Errors", "Done date {done_on} is in the future").format(
                done_on=data.done_on.isoformat()
            ),
            field="done_on",
        )
    try:
        weight = float(data.weight)
    except (TypeError, ValueError):
        raise ValidationError(
            translate("Errors", "Weight '{weight}' is not a number").format(weight=data.weight),
            field="weight",
        ) from None
    if not (0 < weight <= MAX_WEIGHT):
        raise ValidationError(
            translate(
                "Errors", "Weight must be more than 0 and at most {max_weight:g} (got {weight:g})"
            ).format(max_weight=MAX_WEIGHT, weight=weight),
            field="weight",
        )
    return MilestoneInput(title=title, due_on=data.due_on, done_on=data.done_on, weight=weight, id=data.id)


def check_outside(items: Sequence[tuple[str, date | None]], start: date | None, target: date | None) -> None:
    """Ask for confirmation when milestones fall outside the goal's dates."""
    outside = [
        (title, due) for title, due in items if due is not None and outside_goal_dates(due, start, target)
    ]
    if not outside:
        return
    span = translate("Errors", "{start} to {target}").format(
        start=start.isoformat() if start else "…", target=target.isoformat() if target else "…"
    )
    if len(outside) == 1:
        title, due = outside[0]
        assert due is not None
        message = translate(
            "Errors", "Milestone '{title}' is due on {due}, outside the goal's dates ({span}). Keep it there?"
        ).format(title=title, due=due.isoformat(), span=span)
    else:
        names = ", ".join(f"'{t}'" for t, _ in outside[:4]) + (" …" if len(outside) > 4 else "")
        message = translate(
            "Errors", "{count} milestones fall outside the goal's dates ({span}): {names}. Keep them there?"
        ).format(count=len(outside), span=span, names=names)
    raise ConfirmationNeeded(message, field="due_on")


def check_goal(
    data: GoalInput, today: date, *, confirm: bool, existing: Sequence[Any] | None = None
) -> CleanGoal:
    """Validate a goal form; ``existing`` are the goal's stored milestones when the form leaves them."""
    fields: dict[str, Any] = {
        "title": validate.required_text(data.title, "title", QT_TRANSLATE_NOOP("Field", "Title")),
        "description": validate.optional_text(
            data.description, "description", QT_TRANSLATE_NOOP("Field", "Description")
        ),
        "category": validate.enum_value(
            GoalCategory, data.category, "category", QT_TRANSLATE_NOOP("Field", "Category")
        ),
        "status": validate.enum_value(
            GoalStatus, data.status, "status", QT_TRANSLATE_NOOP("Field", "Status")
        ),
        "start_on": data.start_on,
        "target_on": data.target_on,
        "success_criteria": validate.optional_text(
            data.success_criteria, "success_criteria", QT_TRANSLATE_NOOP("Field", "Success criteria")
        ),
        "progress_mode": validate.enum_value(
            ProgressMode, data.progress_mode, "progress_mode", QT_TRANSLATE_NOOP("Field", "Progress")
        ),
        "review_every_days": review_cadence(data.review_every_days),
    }
    validate.date_order(data.start_on, data.target_on, "target_on", QT_TRANSLATE_NOOP("Field", "Target"))
    milestones: list[MilestoneInput] = []
    for i, m in enumerate(data.milestones or [], start=1):
        try:
            milestones.append(check_milestone(m, today))
        except ValidationError as exc:
            name = f" ('{m.title.strip()}')" if m.title and m.title.strip() else ""
            raise ValidationError(
                translate("Errors", "Milestone {number}{name}: {message}").format(
                    number=i, name=name, message=exc.message
                ),
                field="milestones",
            ) from None
    if not confirm:
        if data.milestones is not None:
            items = [(m.title, m.due_on) for m in milestones]
        else:
            items = [(m.title, m.due_on) for m in existing or []]
        check_outside(items, data.start_on, data.target_on)
    return CleanGoal(fields, list(dict.fromkeys(data.relationship_ids)), milestones)


def clean_review(data: ReviewInput, today: date, start: date | None) -> CleanReview:
    day = data.reviewed_on or today
    if day > today:
        raise ValidationError(
            translate("Errors", "Review date {day} is in the future").format(day=day.isoformat()),
            field="reviewed_on",
        )
    value = None if data.percent is None else percent(data.percent)
    new_target = None
    if not data.target_holds and data.new_target_on is not None:
        validate.date_order(
            start, data.new_target_on, "new_target_on", QT_TRANSLATE_NOOP("Field", "New target")
        )
        new_target = data.new_target_on
    return CleanReview(
        reviewed_on=day,
        percent=value,
        what_changed=validate.optional_text(
            data.what_changed, "what_changed", QT_TRANSLATE_NOOP("Field", "What changed"), max_len=10_000
        ),
        target_holds=bool(data.target_holds),
        new_target_on=new_target,
    )
