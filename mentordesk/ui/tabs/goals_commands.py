"""Undo for the goals tab: every edit moves one goal between two stored states.

An action runs through the service first (so a refusal never reaches the undo stack); the goal
is snapshotted before and after, and the command restores one or the other. Restoring a
snapshot gives back the same ids and uuids, so undo and redo can alternate any number of times.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from mentordesk.services.errors import MentorDeskError, NotFoundError
from mentordesk.services.goals_types import GoalSnapshot
from mentordesk.ui.context import AppContext


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
