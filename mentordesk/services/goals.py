"""Goals: the timeline's list, goal and milestone edits, progress history, reviews, meeting links.

Every write is one transaction and is validated first; a refused write leaves the database as it
was. A milestone outside its goal's dates is allowed only once confirmed: without
``confirm=True`` the write raises :class:`ConfirmationNeeded`, which the GUI turns into a question.
Progress is kept as history (:class:`ProgressEntry`): recorded by hand, or, for goals that follow
their milestones, recorded whenever the milestones change the derived percentage.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from mentordesk.domain.enums import GoalStatus, ProgressMode
from mentordesk.domain.progress import MilestoneState, next_review, progress_from_milestones
from mentordesk.domain.text import QT_TRANSLATE_NOOP, translate
from mentordesk.services import goals_snapshot, validate
from mentordesk.services.errors import NotFoundError, ValidationError
from mentordesk.services.goals_checks import check_goal, check_milestone, check_outside, clean_review
from mentordesk.services.goals_checks import percent as check_percent
from mentordesk.services.goals_read import GoalReader
from mentordesk.services.goals_types import (
    ConfirmationNeeded,
    GoalDetail,
    GoalInput,
    GoalMeeting,
    GoalRow,
    GoalSnapshot,
    Helper,
    MilestoneInput,
    MilestoneRow,
    ProgressPoint,
    ProgressSince,
    RelationshipOption,
    ReviewInput,
    ReviewRow,
)
from mentordesk.store.models import (
    Goal,
    GoalReview,
    Meeting,
    Milestone,
    ProgressEntry,
    Relationship,
    meeting_goal,
)

__all__ = [
    "ConfirmationNeeded",
    "GoalDetail",
    "GoalInput",
    "GoalMeeting",
    "GoalRow",
    "GoalService",
    "GoalSnapshot",
    "Helper",
    "MilestoneInput",
    "MilestoneRow",
    "ProgressPoint",
    "ProgressSince",
    "RelationshipOption",
    "ReviewInput",
    "ReviewRow",
]


class GoalService(GoalReader):
    def count_goals(self) -> int:
        with self.db.reader() as s:
            return int(s.scalar(select(func.count()).select_from(Goal)) or 0)

    # -- snapshots (undo) -----------------------------------------------------------------------
    def snapshot(self, goal_id: int) -> GoalSnapshot:
        """The goal as stored now, children and links included."""
        with self.db.reader() as s:
            return goals_snapshot.take(s, goal_id)

    def restore(self, snap: GoalSnapshot) -> None:
        """Put the goal back exactly as ``snap`` (same ids and uuids), recreating it if deleted."""
        with self.db.session() as s:
            goals_snapshot.restore(s, snap)

    # -- goals ----------------------------------------------------------------------------------
    def create_goal(self, data: GoalInput, *, confirm: bool = False) -> int:
        clean = check_goal(data, self.today(), confirm=confirm)
        with self.db.session() as s:
            goal = Goal(**clean.fields)
            goal.relationships = _relationships(s, clean.relationship_ids)
            for m in clean.milestones:
                goal.milestones.append(
                    Milestone(title=m.title, due_on=m.due_on, done_on=m.done_on, weight=m.weight)
                )
            goal.next_review_on = next_review(None, goal.start_on, goal.review_every_days)
            s.add(goal)
            s.flush()
            self._sync_derived(s, goal, "Progress from the milestones")
            return goal.id

    def update_goal(self, goal_id: int, data: GoalInput, *, confirm: bool = False) -> None:
        """Replace the goal's fields, helpers and (unless ``data.milestones`` is None) milestones."""
        with self.db.session() as s:
            goal = _goal(s, goal_id)
            keep = None if data.milestones is not None else list(goal.milestones)
            clean = check_goal(data, self.today(), confirm=confirm, existing=keep)
            mode_before = goal.progress_mode
            for key, value in clean.fields.items():
                setattr(goal, key, value)
            goal.relationships = _relationships(s, clean.relationship_ids)
            if data.milestones is not None:
                _sync_milestones(s, goal, clean.milestones)
            goal.next_review_on = next_review(goal.last_review_on, goal.start_on, goal.review_every_days)
            s.flush()
            note = (
                "Progress now follows the milestones"
                if mode_before != goal.progress_mode
                else "Milestones changed"
            )
            self._sync_derived(s, goal, note)

    def delete_goal(self, goal_id: int) -> GoalSnapshot:
        """Delete the goal with its milestones, history and reviews; the snapshot undoes it."""
        with self.db.session() as s:
            snap = goals_snapshot.take(s, goal_id)
            s.execute(delete(Goal).where(Goal.id == goal_id))
            return snap

    def set_goal_dates(
        self, goal_id: int, start_on: date | None, target_on: date | None, *, confirm: bool = False
    ) -> None:
        """Move a goal's start and target (the timeline's bar ends)."""
        validate.date_order(start_on, target_on, "target_on", QT_TRANSLATE_NOOP("Field", "Target"))
        with self.db.session() as s:
            goal = _goal(s, goal_id)
            if not confirm:
                check_outside([(m.title, m.due_on) for m in goal.milestones], start_on, target_on)
            goal.start_on, goal.target_on = start_on, target_on
            goal.next_review_on = next_review(goal.last_review_on, start_on, goal.review_every_days)

    def link_relationship(self, goal_id: int, relationship_id: int) -> None:
        with self.db.session() as s:
            goal = _goal(s, goal_id)
            rel = _relationships(s, [relationship_id])[0]
            if rel not in goal.relationships:
                goal.relationships.append(rel)

    def unlink_relationship(self, goal_id: int, relationship_id: int) -> None:
        with self.db.session() as s:
            goal = _goal(s, goal_id)
            goal.relationships = [r for r in goal.relationships if r.id != relationship_id]

    def link_meeting(self, goal_id: int, meeting_id: int) -> None:
        """Name the goal as discussed in a meeting."""
        with self.db.session() as s:
            goal = _goal(s, goal_id)
            meeting = s.get(Meeting, meeting_id)
            if meeting is None:
                raise NotFoundError(
                    translate("Errors", "This meeting no longer exists (it may have been deleted)")
                )
            if meeting not in goal.meetings:
                goal.meetings.append(meeting)

    def unlink_meeting(self, goal_id: int, meeting_id: int) -> None:
        with self.db.session() as s:
            s.execute(
                delete(meeting_goal).where(
                    meeting_goal.c.goal_id == goal_id, meeting_goal.c.meeting_id == meeting_id
                )
            )

    # -- milestones -------------------------------------------------------------------------------
    def add_milestone(self, goal_id: int, data: MilestoneInput, *, confirm: bool = False) -> int:
        with self.db.session() as s:
            goal = _goal(s, goal_id)
            m = check_milestone(data, self.today())
            if not confirm:
                check_outside([(m.title, m.due_on)], goal.start_on, goal.target_on)
            ms = Milestone(title=m.title, due_on=m.due_on, done_on=m.done_on, weight=m.weight)
            goal.milestones.append(ms)
            s.flush()
            self._sync_derived(s, goal, f"Milestone added: {m.title}")
            return ms.id

    def update_milestone(self, milestone_id: int, data: MilestoneInput, *, confirm: bool = False) -> None:
        with self.db.session() as s:
            ms = _milestone(s, milestone_id)
            m = check_milestone(data, self.today())
            if not confirm:
                check_outside([(m.title, m.due_on)], ms.goal.start_on, ms.goal.target_on)
            was_done = ms.done_on is not None
            ms.title, ms.due_on, ms.done_on, ms.weight = m.title, m.due_on, m.done_on, m.weight
            s.flush()
            note = (
                f"Milestone done: {m.title}"
                if m.done_on and not was_done
                else f"Milestone changed: {m.title}"
            )
            self._sync_derived(s, ms.goal, note)

    def delete_milestone(self, milestone_id: int) -> GoalSnapshot:
        """Delete a milestone; returns the goal as it was before (restore it to undo)."""
        with self.db.session() as s:
            ms = _milestone(s, milestone_id)
            goal = ms.goal
            snap = goals_snapshot.take(s, goal.id)
            goal.milestones.remove(ms)
            s.delete(ms)
            s.flush()
            self._sync_derived(s, goal, f"Milestone removed: {ms.title}")
            return snap

    def move_milestone(self, milestone_id: int, due_on: date | None, *, confirm: bool = False) -> None:
        """Give a milestone a new due date (dragging its marker on the timeline)."""
        with self.db.session() as s:
            ms = _milestone(s, milestone_id)
            if not confirm:
                check_outside([(ms.title, due_on)], ms.goal.start_on, ms.goal.target_on)
            ms.due_on = due_on

    def set_milestone_done(self, milestone_id: int, done_on: date | None) -> None:
        """Tick a milestone (``done_on`` a date) or open it again (``None``)."""
        if done_on is not None and done_on > self.today():
            raise ValidationError(
                translate("Errors", "Done date {done_on} is in the future").format(
                    done_on=done_on.isoformat()
                ),
                field="done_on",
            )
        with self.db.session() as s:
            ms = _milestone(s, milestone_id)
            ms.done_on = done_on
            s.flush()
            what = "done" if done_on else "reopened"
            self._sync_derived(s, ms.goal, f"Milestone {what}: {ms.title}")

    # -- progress and reviews --------------------------------------------------------------------
    def record_progress(
        self, goal_id: int, percent: float | None, on: date | None = None, note: str = ""
    ) -> int:
        """Record progress by hand (0-100, not in the future); returns the history entry's id."""
        value = check_percent(percent)
        day = on or self.today()
        if day > self.today():
            raise ValidationError(
                translate("Errors", "Progress date {day} is in the future").format(day=day.isoformat()),
                field="on",
            )
        text = validate.optional_text(note, "note", QT_TRANSLATE_NOOP("Field", "Note"), max_len=2000)
        with self.db.session() as s:
            goal = _goal(s, goal_id)
            if goal.progress_mode == ProgressMode.MILESTONES:
                raise ValidationError(
                    translate(
                        "Errors",
                        "This goal's progress follows its milestones; tick a milestone, or edit the goal to record progress by hand",
                    ),
                    field="percent",
                )
            entry = ProgressEntry(goal_id=goal.id, on=day, percent=value, note=text)
            s.add(entry)
            s.flush()
            return entry.id

    def review_goal(self, goal_id: int, data: ReviewInput) -> int:
        """Record a review and move the next review date; returns the review's id."""
        with self.db.session() as s:
            goal = _goal(s, goal_id)
            review = clean_review(data, self.today(), goal.start_on)
            derived = goal.progress_mode == ProgressMode.MILESTONES
            current = _current(s, goal)
            percent = current if derived or review.percent is None else review.percent
            if not derived and review.percent is not None and abs(review.percent - current) >= 0.05:
                note = f"Review: {review.what_changed}" if review.what_changed else "Review"
                s.add(
                    ProgressEntry(
                        goal_id=goal.id, on=review.reviewed_on, percent=review.percent, note=note[:2000]
                    )
                )
            if not review.target_holds and review.new_target_on is not None:
                goal.target_on = review.new_target_on
            row = GoalReview(
                goal_id=goal.id,
                reviewed_on=review.reviewed_on,
                percent=percent,
                what_changed=review.what_changed,
                target_holds=review.target_holds,
            )
            s.add(row)
            if goal.last_review_on is None or review.reviewed_on >= goal.last_review_on:
                goal.last_review_on = review.reviewed_on
            goal.next_review_on = next_review(goal.last_review_on, goal.start_on, goal.review_every_days)
            if goal.status == GoalStatus.PLANNED and percent > 0:
                goal.status = GoalStatus.ACTIVE
            s.flush()
            return row.id

    # -- helpers ---------------------------------------------------------------------------------
    def _sync_derived(self, s: Session, goal: Goal, note: str) -> None:
        """For goals following their milestones: record the derived progress when it changed."""
        if goal.progress_mode != ProgressMode.MILESTONES:
            return
        derived = _current(s, goal)
        last = s.scalar(
            select(ProgressEntry.percent)
            .where(ProgressEntry.goal_id == goal.id)
            .order_by(ProgressEntry.on.desc(), ProgressEntry.id.desc())
            .limit(1)
        )
        if (last is None and derived > 0) or (last is not None and abs(last - derived) >= 0.05):
            s.add(ProgressEntry(goal_id=goal.id, on=self.today(), percent=derived, note=note[:2000]))


def _goal(s: Session, goal_id: int) -> Goal:
    goal = s.get(Goal, goal_id)
    if goal is None:
        raise NotFoundError(translate("Errors", "This goal no longer exists (it may have been deleted)"))
    return goal


def _milestone(s: Session, milestone_id: int) -> Milestone:
    ms = s.get(Milestone, milestone_id)
    if ms is None:
        raise NotFoundError(translate("Errors", "This milestone no longer exists (it may have been deleted)"))
    return ms


def _current(s: Session, goal: Goal) -> float:
    if goal.progress_mode == ProgressMode.MILESTONES:
        return progress_from_milestones(
            MilestoneState(m.weight, m.done_on is not None) for m in goal.milestones
        )
    last = s.scalar(
        select(ProgressEntry.percent)
        .where(ProgressEntry.goal_id == goal.id)
        .order_by(ProgressEntry.on.desc(), ProgressEntry.id.desc())
        .limit(1)
    )
    return float(last or 0.0)


def _relationships(s: Session, ids: list[int]) -> list[Relationship]:
    if not ids:
        return []
    found = {r.id: r for r in s.scalars(select(Relationship).where(Relationship.id.in_(ids)))}
    missing = [i for i in ids if i not in found]
    if missing:
        raise ValidationError(
            translate("Errors", "A chosen mentor relationship no longer exists"), field="relationships"
        )
    return [found[i] for i in dict.fromkeys(ids)]


def _sync_milestones(s: Session, goal: Goal, wanted: list[MilestoneInput]) -> None:
    """Make the goal's milestones ``wanted``: update those with an id, add the rest, drop the missing."""
    by_id = {m.id: m for m in goal.milestones}
    keep: set[int] = set()
    for m in wanted:
        existing = by_id.get(m.id) if m.id is not None else None
        if existing is None:
            goal.milestones.append(
                Milestone(title=m.title, due_on=m.due_on, done_on=m.done_on, weight=m.weight)
            )
            continue
        keep.add(existing.id)
        existing.title, existing.due_on, existing.done_on, existing.weight = (
            m.title,
            m.due_on,
            m.done_on,
            m.weight,
        )
    for mid, ms in by_id.items():
        if mid not in keep:
            goal.milestones.remove(ms)
            s.delete(ms)
