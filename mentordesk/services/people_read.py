"""The mentors list and its detail panel, read in SQL over the plain ``sqlite3`` connection.

These are the first screen's reads: written in SQL (not through the ORM) so that the window shows
a filled list before SQLAlchemy is imported. Each call runs a fixed number of statements,
whatever the number of people, meetings or goals. :class:`PeopleService` inherits them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date
from typing import Any

from mentordesk.domain.cadence import check_in
from mentordesk.domain.drift import drift_flags, needs_appreciation
from mentordesk.domain.enums import (
    STATUS_TRANSITIONS,
    AppreciationKind,
    Channel,
    GoalStatus,
    Kind,
    MeetingStatus,
    ProgressMode,
    RelStatus,
    Role,
    Source,
)
from mentordesk.domain.progress import MilestoneState, progress_from_milestones
from mentordesk.domain.text import translate
from mentordesk.services.base import Service
from mentordesk.services.errors import NotFoundError
from mentordesk.services.people_list import list_sql, records_from_json
from mentordesk.services.people_rows import (
    AppreciationEntry,
    ContactRow,
    GoalProgress,
    ListRow,
    OtherContact,
    PersonDetail,
    Pipeline,
    RelationshipDetail,
    RelationshipRow,
    StatusStep,
    Summary,
    pipeline_of,
)
from mentordesk.services.raw import as_local_date, day, json_list, member, utc

_SEP = "\x1f"


def allowed_next(status: RelStatus | str) -> tuple[RelStatus, ...]:
    """The statuses a relationship in ``status`` may move to, in lifecycle order."""
    nxt = STATUS_TRANSITIONS[RelStatus(status)]
    return tuple(s for s in RelStatus if s in nxt)


def _names(value: str | None) -> tuple[str, ...]:
    return tuple(sorted(value.split(_SEP), key=str.casefold)) if value else ()


class PeopleReader(Service):
    """Reads of people and relationships that the first screen needs."""

    _ahead: str | None = None  # the list read ahead, for the first list_entries (offer_read_ahead)

    def list_rows(self) -> list[RelationshipRow]:
        """Every relationship with its aggregates, in one SQL statement."""
        return [r for r in self._rows(include_contacts=False) if isinstance(r, RelationshipRow)]

    def list_entries(self) -> list[ListRow]:
        """Every relationship and every contact (person without a relationship), in one statement
        (or none, the first time, when :meth:`offer_read_ahead` was given them)."""
        ahead, self._ahead = self._ahead, None
        if ahead is not None:
            return self._rows_of(records_from_json(ahead))
        return self._rows(include_contacts=True)

    def offer_read_ahead(self, text: str | None) -> None:
        """The list as :func:`mentordesk.services.people_list.read_ahead` read it on another
        connection, for the next :meth:`list_entries` (the window's first) to use instead of
        reading it again. Only for a file opened at the revision it was read at, unchanged since."""
        self._ahead = text

    def pipeline(self) -> Pipeline:
        """Prospects and pending requests (status prospect or asked), oldest request first."""
        return pipeline_of(self.list_rows())

    def _rows(self, *, include_contacts: bool) -> list[ListRow]:
        with self.db.raw() as con:
            records = con.execute(list_sql(include_contacts=include_contacts)).fetchall()
        return self._rows_of(records)

    def _rows_of(self, records: Sequence[Sequence[Any]]) -> list[ListRow]:
        today = self.today()
        rows: list[ListRow] = []
        for r in records:
            tag_names = tuple(sorted(r[14].split(_SEP))) if r[14] else ()
            source = member(Source, r[16])
            if r[0] is None:
                rows.append(ContactRow(r[1], r[2], r[3], r[4], r[17], source, tag_names, r[15], day(r[20])))
                continue
            status = member(RelStatus, r[7])
            started = day(r[10])
            last = as_local_date(r[11])
            ci = check_in(status, r[9], last, started, today)
            rows.append(
                RelationshipRow(
                    id=r[0],
                    person_id=r[1],
                    name=r[2],
                    organization=r[3],
                    email=r[4],
                    role=member(Role, r[5]),
                    kind=member(Kind, r[6]),
                    status=status,
                    focus_areas=tuple(json_list(r[8])),
                    cadence_days=r[9],
                    last_meeting=last,
                    next_due=ci.due,
                    level=ci.level,
                    open_actions=r[12] or 0,
                    goals=_names(r[13]),
                    tags=tag_names,
                    notes=r[15],
                    source=source,
                    title=r[17],
                    status_changed_on=day(r[18]),
                    request_sent_on=day(r[19]),
                )
            )
        return rows

    def person_detail(self, person_id: int) -> PersonDetail:
        with self.db.raw() as con:
            return _person(con, person_id)

    def detail(self, relationship_id: int) -> RelationshipDetail:
        """Everything the detail panel shows for one relationship."""
        today = self.today()
        with self.db.raw() as con:
            rel = con.execute(
                "SELECT id, uuid, person_id, role, kind, status, status_changed_on, started_on, ended_on,"
                " cadence_days, focus_areas, hopes, agreed_topics, boundaries, time_budget,"
                " preferred_channel, review_on, request_sent_on FROM relationship WHERE id = ?",
                (relationship_id,),
            ).fetchone()
            if rel is None:
                raise NotFoundError(translate("Errors", "That relationship no longer exists"))
            person = _person(con, rel[2])
            history = tuple(
                StatusStep(member(RelStatus, st), date.fromisoformat(on), note or "")
                for st, on, note in con.execute(
                    "SELECT status, changed_on, note FROM status_change WHERE relationship_id = ?"
                    " ORDER BY changed_on, id",
                    (relationship_id,),
                )
            )
            held: list[date] = []
            upcoming: list[str] = []
            for start, meeting_status in con.execute(
                "SELECT start, status FROM meeting WHERE relationship_id = ? AND status IN (?, ?)",
                (relationship_id, MeetingStatus.HELD.value, MeetingStatus.PLANNED.value),
            ):
                on = as_local_date(start)
                assert on is not None
                if meeting_status == MeetingStatus.HELD:
                    held.append(on)
                elif on >= today:
                    upcoming.append(start)
            open_actions = con.execute(
                "SELECT count(id) FROM action_item WHERE relationship_id = ? AND done = 0", (relationship_id,)
            ).fetchone()[0]
            goals = _goals(con, relationship_id)
            appreciations = tuple(
                AppreciationEntry(i, date.fromisoformat(on), member(AppreciationKind, kind), text)
                for i, on, kind, text in con.execute(
                    'SELECT id, "on", kind, text FROM appreciation WHERE relationship_id = ?'
                    ' ORDER BY "on" DESC, id DESC',
                    (relationship_id,),
                )
            )
        status = RelStatus(rel[5])
        started_on, cadence_days, review_on = day(rel[7]), rel[9], day(rel[16])
        activations = [step.on for step in history if step.status == RelStatus.ACTIVE]
        active_since = activations[-1] if activations else started_on
        last = max(held) if held else None
        ci = check_in(status, cadence_days, last, started_on, today)
        drift = drift_flags(
            status=status,
            cadence_days=cadence_days,
            held_dates=held,
            active_since=active_since,
            review_on=review_on,
            linked_goals=len(goals),
            today=today,
        )
        last_thanks = max((a.on for a in appreciations), default=None)
        next_meeting = min(upcoming) if upcoming else None
        return RelationshipDetail(
            id=rel[0],
            uuid=rel[1],
            person=person,
            role=member(Role, rel[3]),
            kind=member(Kind, rel[4]),
            status=status,
            status_changed_on=day(rel[6]),
            history=history,
            next_statuses=allowed_next(status),
            started_on=started_on,
            ended_on=day(rel[8]),
            cadence_days=cadence_days,
            focus_areas=tuple(json_list(rel[10])),
            hopes=rel[11],
            agreed_topics=rel[12],
            boundaries=rel[13],
            time_budget=rel[14],
            preferred_channel=member(Channel, rel[15]),
            review_on=review_on,
            request_sent_on=day(rel[17]),
            drift=tuple(drift),
            appreciations=appreciations,
            appreciation_nudge=needs_appreciation(status, last_thanks, active_since, today),
            summary=Summary(
                held_this_year=sum(1 for d in held if d.year == today.year and d <= today),
                last_meeting=last,
                next_meeting=utc(next_meeting),
                next_due=ci.due,
                level=ci.level,
                open_actions=int(open_actions or 0),
                goals=goals,
            ),
        )


def _person(con: sqlite3.Connection, person_id: int) -> PersonDetail:
    row = con.execute(
        "SELECT id, name, email, phone, other_contacts, organization, title, profile_url, how_met,"
        " where_met, source, notes, connected_on FROM person WHERE id = ?",
        (person_id,),
    ).fetchone()
    if row is None:
        raise NotFoundError(translate("Errors", "That person no longer exists"))
    others = tuple(
        OtherContact(str(o.get("kind", "")), str(o.get("value", "")), str(o.get("label", "")))
        for o in json_list(row[4])
        if isinstance(o, dict) and o.get("value")
    )
    rel_ids = tuple(
        r[0] for r in con.execute("SELECT id FROM relationship WHERE person_id = ? ORDER BY id", (person_id,))
    )
    tags = tuple(
        r[0]
        for r in con.execute(
            "SELECT t.name FROM tag AS t JOIN person_tag AS pt ON pt.tag_id = t.id"
            " WHERE pt.person_id = ? ORDER BY t.name",
            (person_id,),
        )
    )
    return PersonDetail(
        id=row[0],
        name=row[1],
        email=row[2],
        phone=row[3],
        other_contacts=others,
        organization=row[5],
        title=row[6],
        profile_url=row[7],
        how_met=row[8],
        where_met=row[9],
        source=member(Source, row[10]),
        tags=tags,
        notes=row[11],
        connected_on=day(row[12]),
        relationship_ids=rel_ids,
    )


def _goals(con: sqlite3.Connection, relationship_id: int) -> tuple[GoalProgress, ...]:
    """Linked goals with their progress: latest recorded percent, or milestone weights."""
    goals = con.execute(
        "SELECT g.id, g.title, g.status, g.progress_mode, g.target_on FROM goal AS g"
        " JOIN goal_relationship AS gr ON gr.goal_id = g.id WHERE gr.relationship_id = ?"
        " ORDER BY g.title, g.id",
        (relationship_id,),
    ).fetchall()
    if not goals:
        return ()
    milestones: dict[int, list[MilestoneState]] = {}
    for goal_id, weight, done_on in con.execute(
        "SELECT m.goal_id, m.weight, m.done_on FROM milestone AS m"
        " JOIN goal_relationship AS gr ON gr.goal_id = m.goal_id WHERE gr.relationship_id = ?",
        (relationship_id,),
    ):
        milestones.setdefault(goal_id, []).append(MilestoneState(weight or 0.0, done_on is not None))
    latest: dict[int, float] = {}
    for goal_id, recorded in con.execute(
        "SELECT e.goal_id, e.percent FROM progress_entry AS e"
        " JOIN goal_relationship AS gr ON gr.goal_id = e.goal_id WHERE gr.relationship_id = ?"
        ' ORDER BY e.goal_id, e."on", e.id',
        (relationship_id,),
    ):
        latest[goal_id] = recorded
    result = []
    for goal_id, title, status, mode, target in goals:
        percent: float | None
        if mode == ProgressMode.MILESTONES:
            states = milestones.get(goal_id, [])
            percent = progress_from_milestones(states) if states else None
        else:
            percent = latest.get(goal_id)
        result.append(
            GoalProgress(
                goal_id,
                title,
                member(GoalStatus, status),
                member(ProgressMode, mode),
                percent,
                day(target),
            )
        )
    return tuple(result)
