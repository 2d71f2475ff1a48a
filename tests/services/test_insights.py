"""InsightsService: chart series, report data and CSV tables from a small journal written by hand.

Today is 2026-06-15 (see tests/conftest.py). The journal:

- Ana Ruiz, active since 1 Jan 2026, monthly, focus career guidance + skill development;
  held 10 Jan, 12 Feb, 20 Apr (90 min), 1 Jun; cancelled 5 Mar; planned 20 Jun.
- Bo Chen, active since 1 Mar 2026, every 14 days, focus networking; held (30 min each)
  3 Mar, 17 Mar, 14 Apr, 30 May.
- Cy Dale, active 1 Jan 2026, paused 1 Apr 2026, monthly, no focus areas; held (45 min)
  15 Jan, 20 Mar.
- Dee Eve, a prospect with no meetings.
- Goals: "Give a talk" (Ana; 10 % 31 Jan, 40 % 15 Mar, 60 % 20 May; milestone "Submit the
  abstract" done 10 Feb, "Deliver the talk" due 15 Sep), "Learn Rust" (Bo; achieved in 2025),
  "Meet product people" (Bo; 5 % 1 Feb, 20 % 1 Jun).
"""

from __future__ import annotations

import csv
import stat
import time as clock
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from mentordesk.domain.enums import GoalStatus, MeetingStatus, RelStatus
from mentordesk.domain.series import AdherenceRow, FocusRow, GoalProgressSeries, MilestoneMark
from mentordesk.services.errors import ValidationError
from mentordesk.services.insights_types import InsightsFilter, Period, month_starts
from mentordesk.store.models import (
    ActionItem,
    Goal,
    Meeting,
    Milestone,
    Person,
    ProgressEntry,
    Relationship,
    StatusChange,
)

THIS_YEAR = Period(date(2026, 1, 1), date(2026, 6, 15))


def at(day: date, hour: int = 10) -> datetime:
    """A local wall-clock time on ``day`` as an aware datetime (the day the user sees)."""
    return datetime.combine(day, time(hour, 0)).astimezone()


def _rel(name: str, status: RelStatus, cadence: int, started: date | None, focus: list[str]) -> Relationship:
    return Relationship(
        person=Person(name=name),
        status=status,
        cadence_days=cadence,
        started_on=started,
        focus_areas=focus,
    )


def fill_journal(services) -> dict[str, int]:
    """Write the journal above; returns the ids by short name."""
    with services.db.session() as s:
        ana = _rel(
            "Ana Ruiz", RelStatus.ACTIVE, 30, date(2026, 1, 1), ["career_guidance", "skill_development"]
        )
        ana.status_changes = [StatusChange(status=RelStatus.ACTIVE, changed_on=date(2026, 1, 1))]
        bo = _rel("Bo Chen", RelStatus.ACTIVE, 14, date(2026, 3, 1), ["networking"])
        bo.status_changes = [StatusChange(status=RelStatus.ACTIVE, changed_on=date(2026, 3, 1))]
        cy = _rel("Cy Dale", RelStatus.PAUSED, 30, date(2026, 1, 1), [])
        cy.status_changes = [
            StatusChange(status=RelStatus.ACTIVE, changed_on=date(2026, 1, 1)),
            StatusChange(status=RelStatus.PAUSED, changed_on=date(2026, 4, 1)),
        ]
        dee = _rel("Dee Eve", RelStatus.PROSPECT, 30, None, ["networking"])
        s.add_all([ana, bo, cy, dee])
        held = MeetingStatus.HELD
        for day, minutes in ((date(2026, 1, 10), 60), (date(2026, 4, 20), 90), (date(2026, 6, 1), 60)):
            s.add(Meeting(relationship=ana, start=at(day), duration_minutes=minutes, status=held, rating=4))
        feb = Meeting(
            relationship=ana,
            start=at(date(2026, 2, 12)),
            duration_minutes=60,
            status=held,
            rating=5,
            notes="  Talked about\n the abstract  ",
        )
        feb.action_items = [
            ActionItem(
                relationship=ana, text="Send the =SUM(A1) draft", done=True, done_on=date(2026, 2, 20)
            ),
            ActionItem(relationship=ana, text="Book the room", done=False),
        ]
        s.add(feb)
        s.add(Meeting(relationship=ana, start=at(date(2026, 3, 5)), status=MeetingStatus.CANCELLED))
        s.add(Meeting(relationship=ana, start=at(date(2026, 6, 20)), status=MeetingStatus.PLANNED))
        for day in (date(2026, 3, 3), date(2026, 3, 17), date(2026, 4, 14), date(2026, 5, 30)):
            s.add(Meeting(relationship=bo, start=at(day, 18), duration_minutes=30, status=held))
        for day in (date(2026, 1, 15), date(2026, 3, 20)):
            s.add(Meeting(relationship=cy, start=at(day, 8), duration_minutes=45, status=held))

        talk = Goal(
            title="Give a talk",
            status=GoalStatus.ACTIVE,
            start_on=date(2026, 1, 1),
            target_on=date(2026, 9, 30),
            relationships=[ana],
        )
        talk.progress = [
            ProgressEntry(on=date(2026, 1, 31), percent=10.0),
            ProgressEntry(on=date(2026, 3, 15), percent=40.0),
            ProgressEntry(on=date(2026, 5, 20), percent=60.0),
        ]
        talk.milestones = [
            Milestone(title="Submit the abstract", due_on=date(2026, 2, 1), done_on=date(2026, 2, 10)),
            Milestone(title="Deliver the talk", due_on=date(2026, 9, 15)),
        ]
        rust = Goal(
            title="Learn Rust",
            status=GoalStatus.ACHIEVED,
            start_on=date(2025, 6, 1),
            target_on=date(2025, 12, 31),
            relationships=[bo],
        )
        rust.progress = [
            ProgressEntry(on=date(2025, 7, 1), percent=50.0),
            ProgressEntry(on=date(2025, 11, 30), percent=100.0),
        ]
        product = Goal(
            title="Meet product people",
            status=GoalStatus.ACTIVE,
            start_on=date(2026, 2, 1),
            target_on=date(2026, 12, 31),
            relationships=[bo],
        )
        product.progress = [
            ProgressEntry(on=date(2026, 2, 1), percent=5.0),
            ProgressEntry(on=date(2026, 6, 1), percent=20.0),
        ]
        s.add_all([talk, rust, product])
        s.flush()
        return {
            "ana": ana.id,
            "bo": bo.id,
            "cy": cy.id,
            "dee": dee.id,
            "talk": talk.id,
            "rust": rust.id,
            "product": product.id,
        }


@pytest.fixture
def journal(services):
    return fill_journal(services)


# --------------------------------------------------------------------------- periods


@pytest.mark.parametrize(
    ("preset", "expected"),
    [
        ("this_quarter", Period(date(2026, 4, 1), date(2026, 6, 15))),
        ("this_year", THIS_YEAR),
        ("last_12_months", Period(date(2025, 7, 1), date(2026, 6, 15))),
        ("all", Period(date(2025, 6, 1), date(2026, 6, 15))),  # the "Learn Rust" goal's start
    ],
)
def test_presets_end_today(services, journal, preset, expected):
    assert services.insights.period(preset) == expected


def test_custom_period_and_command_line_period(services):
    insights = services.insights
    assert insights.period("custom", date(2026, 2, 1), date(2026, 2, 28)) == Period(
        date(2026, 2, 1), date(2026, 2, 28)
    )
    assert insights.period_between(None, None) == Period(date(2025, 7, 1), date(2026, 6, 15))
    assert insights.period_between(date(2026, 3, 1), None) == Period(date(2026, 3, 1), date(2026, 6, 15))
    with pytest.raises(ValidationError, match="--to 2026-01-01 is before --from 2026-02-01"):
        insights.period_between(date(2026, 2, 1), date(2026, 1, 1))
    with pytest.raises(ValidationError, match="needs a start and an end"):
        insights.period("custom")


def test_all_time_on_an_empty_database_is_this_month(services):
    assert services.insights.period("all") == Period(date(2026, 6, 1), date(2026, 6, 15))


# --------------------------------------------------------------------------- choices


def test_choices_leave_out_prospects_and_list_goals_open_first(services, journal):
    insights = services.insights
    assert [(c.name, c.status, c.cadence_days) for c in insights.relationship_choices()] == [
        ("Ana Ruiz", "active", 30),
        ("Bo Chen", "active", 14),
        ("Cy Dale", "paused", 30),
    ]
    assert [(g.title, g.status) for g in insights.goal_choices()] == [
        ("Give a talk", "active"),
        ("Meet product people", "active"),
        ("Learn Rust", "achieved"),
    ]


def test_relationships_by_name_for_the_command_line(services, journal):
    insights = services.insights
    assert insights.relationship_ids_named(["ana ruiz", "  Bo   Chen "]) == (journal["ana"], journal["bo"])
    with pytest.raises(ValidationError, match="No relationship with 'Zed'"):
        insights.relationship_ids_named(["Zed"])


# --------------------------------------------------------------------------- the four series


def test_meeting_frequency_per_month_and_relationship(services, journal):
    freq = services.insights.meeting_frequency(InsightsFilter(THIS_YEAR))
    assert freq.months == tuple(date(2026, m, 1) for m in range(1, 7))
    # Most meetings first (Ana and Bo both 4: by name); cancelled and planned meetings do not count.
    assert freq.by_relationship == (
        ("Ana Ruiz", (1, 1, 0, 1, 0, 1)),
        ("Bo Chen", (0, 0, 2, 1, 1, 0)),
        ("Cy Dale", (1, 0, 1, 0, 0, 0)),
    )
    # Active relationships only: 30.44 / 30 + 30.44 / 14.
    assert freq.target_per_month == 3.19


def test_meeting_frequency_filtered_by_relationship_and_period(services, journal):
    flt = InsightsFilter(Period(date(2026, 3, 1), date(2026, 4, 30)), relationship_ids=(journal["bo"],))
    freq = services.insights.meeting_frequency(flt)
    assert freq.months == (date(2026, 3, 1), date(2026, 4, 1))
    assert freq.by_relationship == (("Bo Chen", (2, 1)),)
    assert freq.target_per_month == 2.17  # 30.44 / 14


def test_meeting_frequency_reads_a_short_period_by_start_and_many_years_by_status(services, journal):
    """Over a year SQLite should find that year's meetings through their start, not read every
    held meeting of ten years to test its start; over many years the status index is quicker."""

    def plan(period: Period) -> str:
        with services.db.statements() as statements:
            services.insights.meeting_frequency(InsightsFilter(period))
        sql = next(s for s in statements if "count(*)" in s and "FROM meeting" in s)
        with services.db.raw() as con:
            rows = con.execute("EXPLAIN QUERY PLAN " + sql, ["x"] * sql.count("?")).fetchall()
        return " / ".join(str(row[3]) for row in rows)

    assert "ix_meeting_start" in plan(THIS_YEAR)
    assert "ix_meeting_status" in plan(Period(date(2016, 1, 1), date(2026, 6, 30)))


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Berlin"])
def test_meetings_near_month_and_period_ends_count_in_the_month_the_user_sees(services, monkeypatch, zone):
    """A meeting late on the 31st in UTC may be on the 1st where the user is (UTC+14), and one early
    on the 1st may still be the 31st (UTC-11); an all-day meeting is on its own day anywhere.
    The expected months come from Python's zone data, the counts from SQL."""
    monkeypatch.setenv("TZ", zone)
    clock.tzset()
    try:
        period = Period(date(2026, 1, 31), date(2026, 3, 1))
        starts = [  # in UTC, around the month ends and the period's ends
            datetime(2026, m, d, h, 30, tzinfo=UTC)
            for m, d in ((1, 30), (1, 31), (2, 1), (2, 2), (2, 27), (2, 28), (3, 1), (3, 2))
            for h in (0, 10, 13, 23)
        ]
        all_day = [
            date(2026, 1, 30),
            date(2026, 1, 31),
            date(2026, 2, 1),
            date(2026, 2, 28),
            date(2026, 3, 1),
        ]
        with services.db.session() as s:
            rel = _rel("Ana Ruiz", RelStatus.ACTIVE, 30, date(2025, 1, 1), [])
            s.add(rel)
            for start in starts:
                s.add(Meeting(relationship=rel, start=start, duration_minutes=30, status=MeetingStatus.HELD))
            for day in all_day:
                start = datetime.combine(day, time(0), UTC)
                s.add(Meeting(relationship=rel, start=start, all_day=True, status=MeetingStatus.HELD))
        local = ZoneInfo(zone)
        days = [start.astimezone(local).date() for start in starts] + all_day
        shown = [d for d in days if period.start <= d <= period.end]
        months = month_starts(period.start, period.end)
        expected = tuple(sum(1 for d in shown if (d.year, d.month) == (m.year, m.month)) for m in months)
        assert expected[0] and expected[2]  # the data does reach across both ends
        freq = services.insights.meeting_frequency(InsightsFilter(period))
        assert freq.by_relationship == (("Ana Ruiz", expected),)
        # The same over a long period, read through the status index.
        long = Period(period.start - timedelta(days=900), period.end)
        freq = services.insights.meeting_frequency(InsightsFilter(long))
        assert freq.by_relationship[0][1][-3:] == (
            sum(1 for d in days if d.month == 1 and d.year == 2026),
            expected[1],
            expected[2],
        )
    finally:
        monkeypatch.undo()
        clock.tzset()


def test_meeting_frequency_merges_the_quietest_people_beyond_eight(services, journal):
    with services.db.session() as s:
        for n in range(7):  # seven more people, each with n + 1 meetings in May
            rel = _rel(f"Extra {n}", RelStatus.ENDED, 30, date(2026, 1, 1), [])
            s.add(rel)
            for k in range(n + 1):
                s.add(Meeting(relationship=rel, start=at(date(2026, 5, 1 + k)), status=MeetingStatus.HELD))
    freq = services.insights.meeting_frequency(InsightsFilter(THIS_YEAR))
    # Most meetings first: Extra 6 (7), Extra 5 (6), Extra 4 (5), Ana and Extra 3 (4 each), Bo (4), ...
    assert [name for name, _ in freq.by_relationship] == [
        "Extra 6",
        "Extra 5",
        "Extra 4",
        "Ana Ruiz",
        "Bo Chen",
        "Extra 3",
        "Extra 2",
        "Everyone else (3 people)",
    ]
    # Extra 1 (2 in May), Cy Dale (Jan, Mar) and Extra 0 (1 in May) share the last stack.
    assert freq.by_relationship[-1][1] == (1, 0, 1, 0, 3, 0)
    assert freq.total == 10 + 28


def test_adherence_counts_only_active_time(services, journal):
    rows = services.insights.adherence(InsightsFilter(THIS_YEAR))
    assert rows == (
        # 1 Jan - 15 Jun: 166 days in 6 windows of 30; met in windows 1, 2, 4 and 6; 20 Apr after 12 Feb.
        AdherenceRow("Ana Ruiz", 6, 4, 67, 30),
        # 1 Mar - 15 Jun: 107 days in 8 windows of 14; 14 Apr to 30 May is the longest gap.
        AdherenceRow("Bo Chen", 8, 4, 46, 14),
        # Active 1 Jan - 31 Mar only (paused on 1 Apr): 3 windows, met in the first and the third.
        AdherenceRow("Cy Dale", 3, 2, 64, 30),
    )


def test_focus_counts_a_meeting_toward_each_area_of_its_relationship(services, journal):
    rows = services.insights.focus(InsightsFilter(THIS_YEAR))
    assert rows == (
        FocusRow("Career guidance", 4, 4.5),
        FocusRow("Skill development", 4, 4.5),
        FocusRow("Networking", 4, 2.0),
    )


def test_goal_progress_in_the_period(services, journal):
    series = services.insights.goal_progress(InsightsFilter(THIS_YEAR))
    assert series == (
        GoalProgressSeries(
            "Give a talk",
            ((date(2026, 1, 31), 10.0), (date(2026, 3, 15), 40.0), (date(2026, 5, 20), 60.0)),
            (
                MilestoneMark("Submit the abstract", date(2026, 2, 1), date(2026, 2, 10)),
                MilestoneMark("Deliver the talk", date(2026, 9, 15), None),
            ),
            date(2026, 9, 30),
            date(2026, 1, 1),
        ),
        GoalProgressSeries(
            "Meet product people",
            ((date(2026, 2, 1), 5.0), (date(2026, 6, 1), 20.0)),
            (),
            date(2026, 12, 31),
            date(2026, 2, 1),
        ),
    )  # "Learn Rust" was achieved before the period


def test_goal_progress_keeps_the_value_that_held_at_the_start(services, journal):
    insights = services.insights
    flt = InsightsFilter(Period(date(2026, 4, 1), date(2026, 4, 30)), goal_ids=(journal["talk"],))
    [talk] = insights.goal_progress(flt)
    assert talk.points == ((date(2026, 3, 15), 40.0),)  # no entry in April; 40 % held then
    by_rel = insights.goal_progress(
        InsightsFilter(Period(date(2025, 1, 1), date(2026, 6, 15)), (journal["bo"],))
    )
    assert [g.title for g in by_rel] == ["Meet product people", "Learn Rust"]


def test_every_chart_reads_a_constant_number_of_statements(services, journal):
    flt = InsightsFilter(THIS_YEAR)

    def counts() -> list[int]:
        found = []
        for kind in ("progress", "meetings", "adherence", "focus"):
            with services.db.statements() as statements:  # through the ORM or the plain connection
                services.insights.chart_data(kind, flt)
            found.append(len([s for s in statements if s.lstrip().upper().startswith("SELECT")]))
        return found

    before = counts()
    with services.db.session() as s:
        extra = Relationship(person=Person(name="Eli"), status=RelStatus.ACTIVE, cadence_days=7,
                             started_on=date(2026, 1, 1), focus_areas=["accountability"])  # fmt: skip
        s.add(extra)
        for week in range(20):
            s.add(
                Meeting(relationship=extra, start=at(date(2026, 1, 5 + week % 20)), status=MeetingStatus.HELD)
            )
        goal = Goal(title="Extra", start_on=date(2026, 1, 1), relationships=[extra])
        goal.progress = [ProgressEntry(on=date(2026, 1, d), percent=d) for d in range(2, 20)]
        s.add(goal)
    assert counts() == before
    assert min(before) >= 1 and max(before) <= 4


# --------------------------------------------------------------------------- the report


def test_report_data(services, journal):
    data = services.insights.report_data(THIS_YEAR, author="Alex")
    s = data.summary
    assert (s.relationships_active, s.relationships_paused, s.relationships_ended) == (2, 1, 0)
    # Held: 4 + 4 + 2. Expected: 166/30 + 107/14 + 90/30 = 16.18, rounded down.
    assert (s.meetings_held, s.meetings_expected) == (10, 16)
    assert (s.goals_achieved, s.goals_in_progress) == (0, 2)
    assert [(g.title, g.status, g.progress, g.target) for g in data.goals] == [
        ("Give a talk", "In progress", 60.0, date(2026, 9, 30)),
        ("Meet product people", "In progress", 20.0, date(2026, 12, 31)),
    ]
    assert [m.title for m in data.goals[0].milestones] == ["Submit the abstract", "Deliver the talk"]
    log = [(m.held_on, m.person, m.status) for m in data.meeting_log]
    assert log == [
        (date(2026, 1, 10), "Ana Ruiz", "Held"),
        (date(2026, 1, 15), "Cy Dale", "Held"),
        (date(2026, 2, 12), "Ana Ruiz", "Held"),
        (date(2026, 3, 3), "Bo Chen", "Held"),
        (date(2026, 3, 5), "Ana Ruiz", "Cancelled"),
        (date(2026, 3, 17), "Bo Chen", "Held"),
        (date(2026, 3, 20), "Cy Dale", "Held"),
        (date(2026, 4, 14), "Bo Chen", "Held"),
        (date(2026, 4, 20), "Ana Ruiz", "Held"),
        (date(2026, 5, 30), "Bo Chen", "Held"),
        (date(2026, 6, 1), "Ana Ruiz", "Held"),
    ]
    february = data.meeting_log[2]
    assert (february.rating, february.notes_summary) == (5, "Talked about the abstract")
    assert february.closed_actions == ("Send the =SUM(A1) draft",)
    assert (data.period_start, data.period_end, data.generated_on, data.author) == (
        date(2026, 1, 1),
        date(2026, 6, 15),
        date(2026, 6, 15),
        "Alex",
    )


def test_report_of_an_earlier_period_counts_relationships_as_they_were(services, journal):
    data = services.insights.report_data(Period(date(2025, 6, 1), date(2025, 12, 31)))
    s = data.summary
    assert (s.relationships_active, s.relationships_paused, s.meetings_held) == (0, 0, 0)
    assert [(g.title, g.status) for g in data.goals] == [("Learn Rust", "Achieved")]
    assert s.goals_achieved == 1


# --------------------------------------------------------------------------- CSV tables


def test_csv_tables_are_readable_and_neutralise_formulas(services, journal, tmp_path):
    from mentordesk.charts.export import write_csv_tables

    with services.db.session() as s:
        s.add(Relationship(person=Person(name='=HYPERLINK("x")'), status=RelStatus.ACTIVE))
    tables = services.insights.csv_tables()
    assert list(tables) == [
        "relationships",
        "meetings",
        "action_items",
        "goals",
        "milestones",
        "progress_entries",
    ]
    paths = write_csv_tables(tmp_path / "out", tables)
    assert stat.S_IMODE((tmp_path / "out").stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in paths)

    def read(name: str) -> list[dict[str, str]]:
        with (tmp_path / "out" / f"{name}.csv").open(encoding="utf-8-sig", newline="") as handle:
            return list(csv.DictReader(handle))

    rels = read("relationships")
    assert [r["Name"] for r in rels] == ['\'=HYPERLINK("x")', "Ana Ruiz", "Bo Chen", "Cy Dale", "Dee Eve"]
    assert rels[1]["Status"] == "Active" and rels[1]["Focus areas"] == "Career guidance; Skill development"
    assert rels[1]["Started"] == "2026-01-01" and rels[1]["Cadence (days)"] == "30"
    meetings = read("meetings")
    assert (meetings[0]["Date"], meetings[0]["Time"], meetings[0]["With"]) == (
        "2026-01-10",
        "10:00",
        "Ana Ruiz",
    )
    assert len(meetings) == 12
    actions = read("action_items")
    assert [(a["Action item"], a["With"], a["Meeting date"], a["Done"]) for a in actions] == [
        ("Send the =SUM(A1) draft", "Ana Ruiz", "2026-02-12", "yes"),
        ("Book the room", "Ana Ruiz", "2026-02-12", "no"),
    ]
    goals = read("goals")
    assert [(g["Goal"], g["Status"], g["Progress (%)"], g["Worked on with"]) for g in goals] == [
        ("Learn Rust", "Achieved", "100", "Bo Chen"),
        ("Give a talk", "Active", "60", "Ana Ruiz"),
        ("Meet product people", "Active", "20", "Bo Chen"),
    ]
    assert [(m["Goal"], m["Milestone"], m["Done on"]) for m in read("milestones")] == [
        ("Give a talk", "Submit the abstract", "2026-02-10"),
        ("Give a talk", "Deliver the talk", ""),
    ]
    assert len(read("progress_entries")) == 7


def test_charts_stay_readable_with_many_goals_or_relationships(services, journal):
    with services.db.session() as s:
        for n in range(9):  # nine more goals, the n-th updated on 1 + n May
            goal = Goal(title=f"Goal {n}", start_on=date(2026, 1, 1))
            goal.progress = [ProgressEntry(on=date(2026, 5, 1 + n), percent=10.0)]
            s.add(goal)
        for n in range(13):  # thirteen more monthly relationships, each held once in June
            rel = _rel(f"Person {n:02d}", RelStatus.ACTIVE, 30, date(2026, 1, 1), [])
            s.add(rel)
            s.add(Meeting(relationship=rel, start=at(date(2026, 6, 2)), status=MeetingStatus.HELD))
    insights = services.insights
    view = insights.chart("progress", InsightsFilter(THIS_YEAR))
    # Latest progress: Meet product people (1 Jun), Give a talk (20 May), Goal 8 .. Goal 3 (9 .. 4 May);
    # shown in timeline order (open goals by start date, then title).
    assert [g.title for g in view.data] == [
        "Give a talk",
        *(f"Goal {n}" for n in range(3, 9)),
        "Meet product people",
    ]
    assert view.note == "Showing the 8 goals with the latest progress, of 11; choose goals to see the others."
    chosen = insights.chart("progress", InsightsFilter(THIS_YEAR, goal_ids=tuple(range(1, 13))))
    assert len(chosen.data) == 11 and chosen.note == ""

    view = insights.chart("adherence", InsightsFilter(THIS_YEAR))
    # The thirteen newcomers kept 1 of 6 periods; then Bo Chen (4 of 8) and Ana Ruiz / Cy Dale (2/3)
    # tie, the longer gap (Ana's 67 days) going first.
    assert len(view.data) == 15
    assert [r.name for r in view.data][:2] == ["Ana Ruiz", "Bo Chen"]
    assert "Cy Dale" not in [r.name for r in view.data]
    assert view.note.startswith("Showing the 15 relationships that kept their cadence least, of 16")
    assert insights.chart("meetings", InsightsFilter(THIS_YEAR)).note == ""
