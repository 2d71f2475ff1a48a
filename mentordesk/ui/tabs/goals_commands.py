"""Undo for the goals tab: every edit moves one goal between two stored states.

An action runs through the service first (so a refusal never reaches the undo stack); the goal
is snapshotted before and after, and the command restores one or the other. Restoring a
snapshot gives back the same ids and uuids, so undo and redo can alternate any number of times.
The timeline's quick edits (drags, ticks) are here too, each run through :func:`perform`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from mentordesk.services.errors import MentorDeskError, NotFoundError
from mentordesk.services.goals_types import GoalRow, GoalSnapshot
from mentordesk.ui.context import AppContext
from mentordesk.ui.dialogs.goal_form import submit_confirmed


class GoalCommand(QUndoCommand):
    """Between ``before`` and ``after``; ``None`` means the goal does not exist in that state."""

    def __init__(
        self,
        ctx: AppContext,
        text: str,
        goal_id: int,
        before: GoalSnapshot | None,
        after: GoalSnapshot | None,
    ) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.goal_id = goal_id
        self.before = before
        self.after = after
        self._applied = True  # the action already ran when the command is pushed

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._put(self.after)

    def undo(self) -> None:
        self._put(self.before)

    def _put(self, snap: GoalSnapshot | None) -> None:
        goals = self.ctx.services.goals
        try:
            if snap is None:
                goals.delete_goal(self.goal_id)
            else:
                goals.restore(snap)
        except NotFoundError:
            pass  # already gone
        except MentorDeskError as exc:
            self.ctx.status(str(exc))
        self.ctx.notify("goals")


def perform(ctx: AppContext, text: str, goal_id: int | None, action: Callable[[], object]) -> int:
    """Run ``action`` (a service write), push its undo command, tell the tabs; returns the goal id.

    ``goal_id`` is None when the action creates the goal (it then returns the new id).
    Errors from the action propagate, and nothing is pushed.
    """
    goals = ctx.services.goals
    before = goals.snapshot(goal_id) if goal_id else None
    result = action()
    gid = goal_id if goal_id else int(result)  # type: ignore[call-overload]
    try:
        after: GoalSnapshot | None = goals.snapshot(gid)
    except NotFoundError:
        after = None
    ctx.undo_stack.push(GoalCommand(ctx, text, gid, before, after))
    ctx.notify("goals")
    return gid


def tick_milestone(
    ctx: AppContext, parent: QWidget, goal: GoalRow, milestone_id: int, done_on: date | None
) -> bool:
    """Mark a milestone done on ``done_on`` (or open again with None), undoably."""
    m = goal.milestone(milestone_id)
    if m is None:
        return False
    if done_on:
        text = QCoreApplication.translate("GoalsCommands", "Tick milestone '{title}'").format(title=m.title)
    else:
        text = QCoreApplication.translate("GoalsCommands", "Reopen milestone '{title}'").format(title=m.title)
    goals = ctx.services.goals
    done, _ = submit_confirmed(
        parent,
        lambda _c: perform(
            ctx,
            text,
            goal.id,
            lambda: goals.set_milestone_done(milestone_id, done_on),
        ),
    )
    return done


def move_milestone(ctx: AppContext, parent: QWidget, goal: GoalRow, milestone_id: int, new: date) -> bool:
    """A milestone dragged to ``new``; asks first when that is outside the goal's dates."""
    m = goal.milestone(milestone_id)
    if m is None:
        return False
    goals = ctx.services.goals
    done, _ = submit_confirmed(
        parent,
        lambda c: perform(
            ctx,
            QCoreApplication.translate("GoalsCommands", "Move milestone '{title}' to {date}").format(
                title=m.title, date=new.isoformat()
            ),
            goal.id,
            lambda: goals.move_milestone(milestone_id, new, confirm=c),
        ),
    )
    if done:
        old = m.due_on.isoformat() if m.due_on else QCoreApplication.translate("GoalsCommands", "no date")
        ctx.status(
            QCoreApplication.translate("GoalsCommands", "Milestone moved from {old} to {new}").format(
                old=old, new=new.isoformat()
            )
        )
    return done


def move_goal_dates(
    ctx: AppContext, parent: QWidget, goal: GoalRow, start: date | None, target: date | None
) -> bool:
    """A bar's end dragged; asks first when milestones would fall outside the new dates."""
    what = "start" if start != goal.start_on else "target"
    day = start if what == "start" else target
    if what == "start":
        text = QCoreApplication.translate("GoalsCommands", "Move the start of '{title}' to {date}")
    else:
        text = QCoreApplication.translate("GoalsCommands", "Move the target of '{title}' to {date}")
    text = text.format(title=goal.title, date=day.isoformat() if day else "…")
    goals = ctx.services.goals
    done, _ = submit_confirmed(
        parent,
        lambda c: perform(
            ctx, text, goal.id, lambda: goals.set_goal_dates(goal.id, start, target, confirm=c)
        ),
    )
    return done
