"""Reading goals in SQL over the plain ``sqlite3`` connection: the timeline's list and one goal's detail.

The goals tab reads every goal when it first shows, so this is written for speed: five statements
whatever the number of goals, and of the progress history only what the rules need (the latest
point for the current value, and for the stalled rule the last one before the
two review periods and those inside them) instead of every entry ever recorded.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Collection
from datetime import date

from mentordesk.domain.enums import GoalCategory, GoalStatus, ProgressMode
from mentordesk.domain.progress import (
    MilestoneState,
    current_progress,
    goal_overdue,
    goal_stalled,
    milestone_overdue,
    progress_on,
    review_due,
)
from mentordesk.domain.text import translate
from mentordesk.services.base import Service
from mentordesk.services.errors import NotFoundError
from mentordesk.services.goals_types import (
    GoalDetail,
    GoalMeeting,
    GoalRow,
    Helper,
    MilestoneRow,
    ProgressPoint,
    ProgressSince,
    RelationshipOption,
    ReviewRow,
)
from mentordesk.services.raw import as_local_date, day, member, placeholders

# The first day of a goal's two last review periods (the stalled rule's window), in SQL.
_WINDOW = "date(:today, '-' || (2 * g.review_every_days) || ' days')"

_GOALS_SQL = f"""
SELECT g.id, g.uuid, g.title, g.description, g.category, g.status, g.start_on, g.target_on,
       g.success_criteria, g.progress_mode, g.review_every_days, g.last_review_on, g.next_review_on,
       (SELECT e."on" || ' ' || e.percent FROM progress_entry AS e WHERE e.goal_id = g.id
         ORDER BY e."on" DESC, e.id DESC LIMIT 1),
       (SELECT e."on" || ' ' || e.percent FROM progress_entry AS e WHERE e.goal_id = g.id
         AND e."on" <= {_WINDOW} ORDER BY e."on" DESC, e.percent DESC LIMIT 1)
FROM goal AS g {{where}}
"""

# Progress points inside each goal's window (the goal first, so each goal is one index range).
_RECENT_SQL = f"""
SELECT e.goal_id, e."on", e.percent FROM goal AS g
CROSS JOIN progress_entry AS e ON e.goal_id = g.id AND e."on" > {_WINDOW} {{where}}
ORDER BY e.goal_id, e."on", e.id
"""

_MILESTONES_SQL = """
SELECT m.id, m.uuid, m.goal_id, m.title, m.due_on, m.done_on, m.weight FROM milestone AS m {where}
ORDER BY m.goal_id, m.due_on IS NULL, m.due_on, m.id
"""

_HELPERS_SQL = """
SELECT gr.goal_id, r.id, p.name FROM goal_relationship AS gr
JOIN relationship AS r ON r.id = gr.relationship_id JOIN person AS p ON p.id = r.person_id {where}
ORDER BY gr.goal_id, p.name, r.id
"""


def timeline_order(row: GoalRow) -> tuple[int, int, int, str, int]:
    """Open goals first, then by start date (undated last), target date and title."""
    return (
        0 if row.is_open else 1,
        row.start_on.toordinal() if row.start_on else 10**7,
        row.target_on.toordinal() if row.target_on else 10**7,
        row.title.casefold(),
        row.id,
    )


def _point(text: str | None) -> tuple[date, float] | None:
    if not text:
        return None
    on, percent = text.split(" ")
    return date.fromisoformat(on), float(percent)


def load_rows(con: sqlite3.Connection, today: date, ids: Collection[int] | None = None) -> list[GoalRow]:
    """Every goal (or those in ``ids``) with milestones, helpers and progress, in timeline order."""
    params: dict[str, object] = {"today": today.isoformat()}

    def where(column: str, keyword: str = "WHERE") -> str:
        if ids is None:
            return ""
        params.update({f"id{i}": goal_id for i, goal_id in enumerate(ids)})
        return f"{keyword} {column} IN ({', '.join(f':id{i}' for i in range(len(ids)))})"

    goals = con.execute(_GOALS_SQL.format(where=where("g.id")), params).fetchall()
    milestones: dict[int, list[MilestoneRow]] = defaultdict(list)
    for mid, uuid, goal_id, title, due, done, weight in con.execute(
        _MILESTONES_SQL.format(where=where("m.goal_id")), params
    ):
        due_on, done_on = day(due), day(done)
        milestones[goal_id].append(
            MilestoneRow(
                mid, uuid, goal_id, title, due_on, done_on, weight, milestone_overdue(due_on, done_on, today)
            )
        )
    helpers: dict[int, list[Helper]] = defaultdict(list)
    for goal_id, rel_id, name in con.execute(_HELPERS_SQL.format(where=where("gr.goal_id")), params):
        helpers[goal_id].append(Helper(rel_id, name))
    recent: dict[int, list[tuple[date, float]]] = defaultdict(list)
    for goal_id, on, percent in con.execute(_RECENT_SQL.format(where=where("g.id")), params):
        recent[goal_id].append((date.fromisoformat(on), percent))

    rows: list[GoalRow] = []
    for g in goals:
        status, mode = member(GoalStatus, g[5]), member(ProgressMode, g[9])
        start_on, target_on, next_review_on = day(g[6]), day(g[7]), day(g[12])
        latest, baseline = _point(g[13]), _point(g[14])
        ms = tuple(milestones.get(g[0], ()))
        progress = current_progress(
            mode, [latest] if latest else [], (MilestoneState(m.weight, m.done) for m in ms)
        )
        # The stalled rule sees the last point before the window and those inside it: the same
        # answer as with every point ever recorded (older points are never its baseline, and the
        # goal's start counts only when no point comes before it, which the baseline settles).
        points = [*([baseline] if baseline else []), *recent.get(g[0], ())]
        stalled = status == GoalStatus.ACTIVE and goal_stalled(points, g[10], start_on, today)
        rows.append(
            GoalRow(
                id=g[0],
                uuid=g[1],
                title=g[2],
                description=g[3],
                category=member(GoalCategory, g[4]),
                status=status,
                start_on=start_on,
                target_on=target_on,
                success_criteria=g[8],
                progress_mode=mode,
                review_every_days=g[10],
                last_review_on=day(g[11]),
                next_review_on=next_review_on,
                progress=progress,
                progress_on=latest[0] if latest else None,
                milestones=ms,
                helpers=tuple(helpers.get(g[0], ())),
                overdue=goal_overdue(target_on, status, today),
                review_due=review_due(next_review_on, status, today),
                stalled=stalled,
            )
        )
    rows.sort(key=timeline_order)
    return rows


class GoalReader(Service):
    """The goals tab's reads; :class:`GoalService` inherits them."""

    def list_goals(self) -> list[GoalRow]:
        """Every goal with milestones, helpers and current progress (five statements in all)."""
        with self.db.raw() as con:
            return load_rows(con, self.today())

    def goal(self, goal_id: int) -> GoalRow:
        with self.db.raw() as con:
            rows = load_rows(con, self.today(), [goal_id])
        if not rows:
            raise NotFoundError(translate("Errors", "This goal no longer exists (it may have been deleted)"))
        return rows[0]

    def detail(self, goal_id: int) -> GoalDetail:
        """One goal with its progress history, reviews and the meetings that discussed it."""
        with self.db.raw() as con:
            rows = load_rows(con, self.today(), [goal_id])
            if not rows:
                raise NotFoundError(
                    translate("Errors", "This goal no longer exists (it may have been deleted)")
                )
            return GoalDetail(
                rows[0],
                tuple(_progress_history(con, goal_id)),
                tuple(_reviews(con, goal_id)),
                tuple(_meetings_for_goal(con, goal_id)),
            )

    def due_for_review(self) -> list[GoalRow]:
        """Open goals whose review date has come, the longest overdue first."""
        rows = [g for g in self.list_goals() if g.review_due]
        return sorted(rows, key=lambda g: (g.next_review_on or date.max, g.title.casefold()))

    def stalled_goals(self) -> list[GoalRow]:
        """Active goals whose progress has not moved in two review periods."""
        return [g for g in self.list_goals() if g.stalled]

    def progress_history(self, goal_id: int) -> list[ProgressPoint]:
        with self.db.raw() as con:
            return _progress_history(con, goal_id)

    def reviews(self, goal_id: int) -> list[ReviewRow]:
        """The goal's reviews, the latest first."""
        with self.db.raw() as con:
            return _reviews(con, goal_id)

    def meetings_for_goal(self, goal_id: int) -> list[GoalMeeting]:
        """Meetings that named this goal as discussed, the latest first."""
        with self.db.raw() as con:
            return _meetings_for_goal(con, goal_id)

    def relationship_options(self) -> list[RelationshipOption]:
        """Every relationship, named by the other person (for the editor and the filters)."""
        with self.db.raw() as con:
            rows = con.execute(
                "SELECT r.id, p.name, r.role, r.status FROM relationship AS r"
                " JOIN person AS p ON p.id = r.person_id ORDER BY p.name, r.id"
            ).fetchall()
        return [RelationshipOption(rid, name, role, status) for rid, name, role, status in rows]

    def progress_since(self, relationship_id: int, since: date) -> list[ProgressSince]:
        """The goals a relationship helps with, with their progress on ``since`` and now."""
        with self.db.raw() as con:
            ids = [
                r[0]
                for r in con.execute(
                    "SELECT goal_id FROM goal_relationship WHERE relationship_id = ?", (relationship_id,)
                )
            ]
            if not ids:
                return []
            rows = load_rows(con, self.today(), ids)
            history: dict[int, list[tuple[date, float]]] = defaultdict(list)
            for gid, on, pct in con.execute(
                f'SELECT goal_id, "on", percent FROM progress_entry WHERE goal_id IN ({placeholders(ids)})'
                ' ORDER BY goal_id, "on", id',
                ids,
            ):
                history[gid].append((date.fromisoformat(on), pct))
        return [ProgressSince(g.id, g.title, progress_on(history[g.id], since), g.progress) for g in rows]


def _progress_history(con: sqlite3.Connection, goal_id: int) -> list[ProgressPoint]:
    rows = con.execute(
        'SELECT id, "on", percent, note FROM progress_entry WHERE goal_id = ? ORDER BY "on", id', (goal_id,)
    )
    return [ProgressPoint(i, date.fromisoformat(on), percent, note or "") for i, on, percent, note in rows]


def _reviews(con: sqlite3.Connection, goal_id: int) -> list[ReviewRow]:
    rows = con.execute(
        "SELECT id, reviewed_on, percent, what_changed, target_holds FROM goal_review WHERE goal_id = ?"
        " ORDER BY reviewed_on DESC, id DESC",
        (goal_id,),
    )
    return [
        ReviewRow(i, date.fromisoformat(on), percent, changed or "", bool(holds))
        for i, on, percent, changed, holds in rows
    ]


def _meetings_for_goal(con: sqlite3.Connection, goal_id: int) -> list[GoalMeeting]:
    rows = con.execute(
        "SELECT m.id, m.start, m.title, p.name, m.status FROM meeting AS m"
        " JOIN meeting_goal AS mg ON mg.meeting_id = m.id"
        " LEFT JOIN relationship AS r ON r.id = m.relationship_id"
        " LEFT JOIN person AS p ON p.id = r.person_id"
        " WHERE mg.goal_id = ? ORDER BY m.start DESC, m.id",
        (goal_id,),
    )
    result = []
    for mid, start, title, name, status in rows:
        on = as_local_date(start)
        assert on is not None
        result.append(GoalMeeting(mid, on, title, name or "", status))
    return result
