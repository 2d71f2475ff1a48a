"""Insights: the series behind the charts, the progress report's data and the CSV tables.

Every method reads a constant number of SQL statements, whatever the number of meetings
or goals (see :mod:`mentordesk.services.insights_query` and
:mod:`mentordesk.services.insights_report`), and returns the plain, frozen values of
:mod:`mentordesk.domain.series` that :mod:`mentordesk.charts` draws.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import cast

from sqlalchemy import func, select

from mentordesk.domain.enums import RelStatus
from mentordesk.domain.series import (
    AdherenceRow,
    FocusRow,
    GoalProgressSeries,
    MeetingFrequency,
    ReportData,
)
from mentordesk.domain.text import translate
from mentordesk.services import csv_export
from mentordesk.services import insights_goals as g
from mentordesk.services import insights_query as q
from mentordesk.services import insights_report as r
from mentordesk.services.base import Service
from mentordesk.services.errors import ValidationError
from mentordesk.services.insights_types import (
    ChartKind,
    ChartView,
    GoalChoice,
    InsightsFilter,
    Period,
    RangePreset,
    RelationshipChoice,
    period_between,
    preset_period,
)
from mentordesk.store.models import Goal, Person, Relationship

ChartData = (
    tuple[GoalProgressSeries, ...] | MeetingFrequency | tuple[AdherenceRow, ...] | tuple[FocusRow, ...]
)

MAX_GOALS = 8
"""Goals the progress chart shows unless goals are chosen: one colour each."""
MAX_ADHERENCE_ROWS = 15
"""Relationships the cadence chart shows unless relationships are chosen: readable bars."""


def readable_goals(
    series: tuple[GoalProgressSeries, ...], limit: int = MAX_GOALS
) -> tuple[GoalProgressSeries, ...]:
    """At most ``limit`` goals: those with the latest recorded progress, in their original order."""
    if len(series) <= limit:
        return series
    latest = sorted(range(len(series)), key=lambda i: (-series[i].points[-1][0].toordinal(), i))[:limit]
    return tuple(series[i] for i in sorted(latest))


def readable_adherence(
    rows: tuple[AdherenceRow, ...], limit: int = MAX_ADHERENCE_ROWS
) -> tuple[AdherenceRow, ...]:
    """At most ``limit`` relationships: those that kept their cadence least, in their original order."""
    if len(rows) <= limit:
        return rows
    least = sorted(range(len(rows)), key=lambda i: (rows[i].share, -rows[i].longest_gap_days, i))[:limit]
    return tuple(rows[i] for i in sorted(least))


__all__ = [
    "ChartData",
    "ChartKind",
    "ChartView",
    "GoalChoice",
    "InsightsFilter",
    "InsightsService",
    "Period",
    "RangePreset",
    "RelationshipChoice",
]


class InsightsService(Service):
    # -- periods and choices ----------------------------------------------------------------------
    def period(self, preset: RangePreset | str, start: date | None = None, end: date | None = None) -> Period:
        """The dates a range preset covers today ("all" starts on the first day with any data)."""
        first = None
        if RangePreset(preset) == RangePreset.ALL:
            with self.db.reader() as s:
                first = q.first_data_day(s)
        return preset_period(preset, self.today(), first_day=first, start=start, end=end)

    def period_between(self, start: date | None, end: date | None) -> Period:
        """The period of the command line's ``--from`` / ``--to`` (default: the last 12 months)."""
        return period_between(start, end, self.today())

    def relationship_choices(self) -> list[RelationshipChoice]:
        """Relationships the charts can be limited to: active, paused and ended ones, by name."""
        with self.db.reader() as s:
            rows = q.relationship_rows(s, None)
        names = q.display_names([(row.id, row.name) for row in rows])
        return [RelationshipChoice(row.id, names[row.id], str(row.status), row.cadence_days) for row in rows]

    def goal_choices(self) -> list[GoalChoice]:
        """Every goal, open goals first, for the progress chart's goal filter."""
        from types import SimpleNamespace

        from mentordesk.services.raw import day

        with self.db.raw() as con:  # read in SQL: the tab asks for this before any chart
            found = con.execute("SELECT id, title, status, start_on FROM goal").fetchall()
        rows = [
            SimpleNamespace(id=i, title=title, status=status, start_on=day(start))
            for i, title, status, start in found
        ]
        rows.sort(key=g.goal_order)
        return [GoalChoice(row.id, row.title, str(row.status)) for row in rows]

    def relationship_ids_named(self, names: Sequence[str]) -> tuple[int, ...]:
        """The relationships with the people called ``names`` (case-insensitive), for ``--relationship``."""
        wanted = [" ".join(n.split()) for n in names]
        stmt = (
            select(Relationship.id, Person.name, Relationship.status)
            .join(Person, Person.id == Relationship.person_id)
            .where(func.lower(Person.name).in_([n.lower() for n in wanted]))
        )
        with self.db.reader() as s:
            rows = list(s.execute(stmt))
        ids: list[int] = []
        for name in wanted:
            found = [row for row in rows if row.name.lower() == name.lower()]
            if not found:
                raise ValidationError(
                    translate(
                        "Errors", "No relationship with {name!r}; check the spelling of the name"
                    ).format(name=name),
                    field="relationship",
                )
            tracked = [row for row in found if str(row.status) in q.TRACKED] or found
            ids.extend(row.id for row in tracked)
        return tuple(dict.fromkeys(ids))

    # -- the four charts --------------------------------------------------------------------------
    def goal_progress(self, flt: InsightsFilter) -> tuple[GoalProgressSeries, ...]:
        """Progress history, milestones, target and start of each goal in the filter (three statements).

        A goal is shown when progress was recorded in the period, or it was open during it.
        """
        with self.db.reader() as s:
            return g.goal_progress(s, flt)

    def meeting_frequency(self, flt: InsightsFilter) -> MeetingFrequency:
        """Held meetings per month and relationship; target = sum of 30.44 / cadence over active relationships."""
        with self.db.raw() as con:
            return q.meeting_frequency(con, flt)

    def adherence(self, flt: InsightsFilter) -> tuple[AdherenceRow, ...]:
        """Cadence periods met and the longest gap per relationship, over the time it was active."""
        with self.db.reader() as s:
            return q.adherence(s, flt, self.today())

    def focus(self, flt: InsightsFilter) -> tuple[FocusRow, ...]:
        """Held meetings and hours by focus area.

        A meeting counts toward each focus area of its relationship, so with several areas per
        relationship the rows add up to more than the meetings held.
        """
        with self.db.reader() as s:
            return q.focus(s, flt)

    def chart_data(self, kind: ChartKind | str, flt: InsightsFilter) -> ChartData:
        """The series of the chart ``kind`` ("progress", "meetings", "adherence" or "focus")."""
        try:
            chart = ChartKind(kind)
        except ValueError:
            options = ", ".join(k.value for k in ChartKind)
            raise ValidationError(
                translate("Errors", "Unknown chart {kind!r}; use one of: {options}").format(
                    kind=kind, options=options
                ),
                field="kind",
            ) from None
        if chart == ChartKind.PROGRESS:
            return self.goal_progress(flt)
        if chart == ChartKind.MEETINGS:
            return self.meeting_frequency(flt)
        if chart == ChartKind.ADHERENCE:
            return self.adherence(flt)
        return self.focus(flt)

    def chart(self, kind: ChartKind | str, flt: InsightsFilter) -> ChartView:
        """The chart ``kind`` as the tab and the exports show it.

        Without a goal filter the progress chart keeps the :data:`MAX_GOALS` goals updated most
        recently; without a relationship filter the cadence chart keeps the
        :data:`MAX_ADHERENCE_ROWS` relationships that kept their cadence least. ``note`` says so.
        """
        data = self.chart_data(kind, flt)
        chart = ChartKind(kind)
        if chart == ChartKind.PROGRESS and flt.goal_ids is None:
            goals = cast(tuple[GoalProgressSeries, ...], data)
            shown = readable_goals(goals)
            if len(shown) < len(goals):
                note = translate(
                    "Insights",
                    "Showing the {shown} goals with the latest progress, of {total}; choose goals to see the others.",
                ).format(shown=len(shown), total=len(goals))
                return ChartView(chart, shown, note)
        if chart == ChartKind.ADHERENCE and flt.relationship_ids is None:
            rows = cast(tuple[AdherenceRow, ...], data)
            kept = readable_adherence(rows)
            if len(kept) < len(rows):
                note = translate(
                    "Insights",
                    "Showing the {shown} relationships that kept their cadence least, of {total}; "
                    "choose relationships to see the others.",
                ).format(shown=len(kept), total=len(rows))
                return ChartView(chart, kept, note)
        return ChartView(chart, data)

    # -- the progress report ----------------------------------------------------------------------
    def report_data(self, period: Period, *, author: str = "") -> ReportData:
        """Everything the PDF progress report shows for ``period``, over all relationships and goals.

        The charts keep to what stays readable (see :meth:`chart`); the goals table and the
        meeting log list everything.
        """
        flt = InsightsFilter(period)
        today = self.today()
        meetings = self.meeting_frequency(flt)
        with self.db.reader() as s:
            goals, statuses = r.goals_table(s, flt)
            return ReportData(
                period_start=period.start,
                period_end=period.end,
                generated_on=today,
                summary=r.summary(s, flt, today, statuses),
                progress=readable_goals(g.goal_progress(s, flt)),
                meetings=meetings,
                adherence=readable_adherence(q.adherence(s, flt, today)),
                focus=q.focus(s, flt),
                goals=goals,
                meeting_log=r.meeting_log(s, flt),
                author=author,
            )

    # -- tables -----------------------------------------------------------------------------------
    def csv_tables(self) -> dict[str, list[list[object]]]:
        """The data tables for CSV export, by name: relationships, meetings, action items, goals,
        milestones and progress entries (header row first, names and dates rather than keys)."""
        with self.db.reader() as s:
            return csv_export.all_tables(s)

    def has_data(self) -> bool:
        """Whether there is any relationship or goal to chart at all."""
        with self.db.reader() as s:
            rels = s.scalar(
                select(func.count(Relationship.id)).where(Relationship.status != RelStatus.PROSPECT.value)
            )
            goals = s.scalar(select(func.count(Goal.id)))
        return bool(rels or goals)
