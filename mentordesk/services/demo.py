"""Sample data that looks like a real mentoring journal, relative to today.

``small``: about nine people across every relationship kind and status, 18 months of meetings
following each cadence (a few missed), action items, six goals with milestones and progress
history, appreciation entries. ``large``: the benchmark data set (ten years, 400 relationships).
The same seed gives the same data.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select

from mentordesk.domain.enums import (
    AppreciationKind,
    Channel,
    GoalStatus,
    MeetingStatus,
    ProgressMode,
    RelStatus,
    Role,
)
from mentordesk.domain.text import translate
from mentordesk.services.base import Service
from mentordesk.services.demo_data import ACTIONS, AGENDAS, GOALS, NOTES, PEOPLE, PersonSpec, slug
from mentordesk.services.errors import MentorDeskError
from mentordesk.store.models import (
    ActionItem,
    Appreciation,
    Base,
    Goal,
    Meeting,
    Milestone,
    Person,
    ProgressEntry,
    Relationship,
    StatusChange,
    Tag,
)


@dataclass(frozen=True)
class DemoSummary:
    people: int
    relationships: int
    meetings: int
    action_items: int
    goals: int
    milestones: int
    progress_entries: int
    appreciations: int

    def __str__(self) -> str:
        return (
            f"{self.people} people, {self.relationships} relationships, {self.meetings} meetings, "
            f"{self.action_items} action items, {self.goals} goals, {self.milestones} milestones, "
            f"{self.progress_entries} progress entries, {self.appreciations} appreciation entries"
        )


def _months_ago(today: date, months: int) -> date:
    y, m = divmod(today.year * 12 + today.month - 1 - months, 12)
    return date(y, m + 1, min(today.day, 28))


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute)).astimezone().astimezone(UTC)


class DemoService(Service):
    def is_empty(self) -> bool:
        with self.db.reader() as s:
            return not s.scalar(select(func.count()).select_from(Person))

    def clear(self) -> None:
        with self.db.session() as s:
            for table in reversed(Base.metadata.sorted_tables):
                if table.name != "alembic_version":
                    s.execute(table.delete())

    def generate(self, *, seed: int = 1, scale: str = "small", force: bool = False) -> DemoSummary:
        if scale not in ("small", "large"):
            raise MentorDeskError(
                translate("Errors", "unknown demo scale {scale!r} (choose small or large)").format(
                    scale=scale
                )
            )
        if not self.is_empty():
            if not force:
                raise MentorDeskError(
                    "the database already has data; use --force to replace it with sample data"
                )
            self.clear()
        if scale == "large":
            from mentordesk.services.demo_large import generate_large

            return generate_large(self.db, seed=seed, today=self.today())
        return self._small(random.Random(seed))

    def _small(self, rnd: random.Random) -> DemoSummary:
        today = self.today()
        counts = dict.fromkeys(("m", "a", "ms", "p", "ap"), 0)
        with self.db.session() as s:
            tags: dict[str, Tag] = {}
            rels: dict[str, Relationship] = {}
            for spec in PEOPLE:
                person = Person(
                    name=spec.name,
                    email=spec.email,
                    organization=spec.org,
                    title=spec.title,
                    source=spec.source,
                    how_met=spec.how_met,
                    profile_url="https://www.linkedin.com/in/" + slug(spec.name),
                    tags=[tags.setdefault(t, Tag(name=t)) for t in spec.tags],
                )
                started = _months_ago(today, spec.months_ago) if spec.months_ago else None
                ended = _months_ago(today, spec.ended_months_ago) if spec.ended_months_ago else None
                rel = Relationship(
                    person=person,
                    role=spec.role,
                    kind=spec.kind,
                    status=spec.status,
                    started_on=started,
                    ended_on=ended,
                    cadence_days=spec.cadence,
                    focus_areas=[f.value for f in spec.focus],
                    preferred_channel=rnd.choice([Channel.VIDEO, Channel.IN_PERSON, Channel.VIDEO]),
                    hopes="Grow towards a staff role and get honest feedback"
                    if spec.role == Role.MENTORS_ME
                    else "Help them find their feet and learn from their perspective",
                    agreed_topics=", ".join(f.label for f in spec.focus),
                    boundaries="One hour a month, no weekend messages"
                    if spec.cadence >= 30
                    else "30 minutes every two weeks",
                    time_budget=f"{60 if spec.cadence >= 30 else 30} minutes per meeting",
                    review_on=(started + timedelta(days=365)) if started else None,
                    request_sent_on=today - timedelta(days=10) if spec.status == RelStatus.ASKED else None,
                )
                history = self._status_history(spec, started, ended, today)
                rel.status_changed_on = history[-1][1]
                rel.status_changes = [StatusChange(status=st, changed_on=d) for st, d in history]
                s.add(rel)
                rels[spec.name] = rel
                if started:
                    counts["m"] += self._meetings(s, rnd, rel, spec, started, ended, today, counts)
                    counts["ap"] += self._appreciation(s, rnd, rel, spec, started, ended or today)
            s.flush()
            for title, cat, status, start_m, target_m, mode, milestones, helpers in GOALS:
                start = _months_ago(today, -start_m)
                target = _months_ago(today, -target_m)
                goal = Goal(
                    title=title,
                    category=cat,
                    status=status,
                    start_on=start,
                    target_on=target,
                    progress_mode=mode,
                    review_every_days=30,
                    description=f"Worked on with {', '.join(helpers)}.",
                    success_criteria="Agreed with my mentors as the measure of done.",
                    relationships=[rels[h] for h in helpers],
                )
                span = (target - start).days
                for i, mt in enumerate(milestones):
                    due = start + timedelta(days=span * (i + 1) // (len(milestones) + 1))
                    done = (
                        due + timedelta(days=rnd.randint(-10, 10))
                        if due < today - timedelta(days=10)
                        else None
                    )
                    if status == GoalStatus.ACHIEVED:
                        done = done or due
                    goal.milestones.append(Milestone(title=mt, due_on=due, done_on=done, weight=1.0))
                    counts["ms"] += 1
                if mode == ProgressMode.MILESTONES:
                    # Progress follows the milestones: a point each time one was reached.
                    done_dates = sorted(
                        m.done_on for m in goal.milestones if m.done_on and m.done_on <= today
                    )
                    for n, day in enumerate(done_dates, start=1):
                        pct = round(100.0 * n / len(goal.milestones), 1)
                        goal.progress.append(ProgressEntry(on=day, percent=pct, note="Milestone reached"))
                        counts["p"] += 1
                else:
                    pct = 0.0
                    d = start
                    final = 100.0 if status == GoalStatus.ACHIEVED else rnd.uniform(35, 75)
                    steps = max(1, min((today - start).days, (target - start).days) // 30)
                    for _ in range(steps):
                        d += timedelta(days=30)
                        if d > today:
                            break
                        pct = min(final, pct + final / steps * rnd.uniform(0.6, 1.4))
                        goal.progress.append(ProgressEntry(on=d, percent=round(pct, 1), note=""))
                        counts["p"] += 1
                goal.last_review_on = today - timedelta(days=rnd.randint(5, 45))
                goal.next_review_on = goal.last_review_on + timedelta(days=goal.review_every_days)
                s.add(goal)
        return DemoSummary(
            people=len(PEOPLE),
            relationships=len(PEOPLE),
            meetings=counts["m"],
            action_items=counts["a"],
            goals=len(GOALS),
            milestones=counts["ms"],
            progress_entries=counts["p"],
            appreciations=counts["ap"],
        )

    @staticmethod
    def _status_history(
        spec: PersonSpec, started: date | None, ended: date | None, today: date
    ) -> list[tuple[RelStatus, date]]:
        if started is None:
            first = today - timedelta(days=30)
            steps = [(RelStatus.PROSPECT, first)]
            if spec.status in (RelStatus.ASKED, RelStatus.DECLINED):
                steps.append((RelStatus.ASKED, today - timedelta(days=10)))
            if spec.status == RelStatus.DECLINED:
                steps.append((RelStatus.DECLINED, today - timedelta(days=4)))
            return steps
        steps = [(RelStatus.ASKED, started - timedelta(days=14)), (RelStatus.ACTIVE, started)]
        if spec.status == RelStatus.PAUSED:
            steps.append((RelStatus.PAUSED, today - timedelta(days=100)))
        if spec.status == RelStatus.ENDED and ended:
            steps.append((RelStatus.ENDED, ended))
        return steps

    @staticmethod
    def _meetings(s, rnd, rel, spec, started, ended, today, counts) -> int:  # type: ignore[no-untyped-def]
        stop = ended or today
        if spec.status == RelStatus.PAUSED:
            stop = today - timedelta(days=100)
        last_forced = today - timedelta(days=spec.last_held_days_ago) if spec.last_held_days_ago else None
        if last_forced:
            stop = min(stop, last_forced)
        day = started + timedelta(days=rnd.randint(0, 5))
        n = 0
        held_days: list[date] = []
        while day <= stop:
            status = MeetingStatus.HELD
            roll = rnd.random()
            if roll < 0.07:
                status = MeetingStatus.MISSED
            elif roll < 0.11:
                status = MeetingStatus.CANCELLED
            m = Meeting(
                relationship=rel,
                start=_at(day, rnd.choice([9, 10, 11, 14, 15, 16]), rnd.choice([0, 30])),
                duration_minutes=rnd.choice([30, 45, 60]) if spec.cadence < 30 else 60,
                channel=rel.preferred_channel,
                location="https://meet.example/" + slug(spec.name).split("-")[0]
                if rel.preferred_channel == Channel.VIDEO
                else "Café near the office",
                agenda=rnd.choice(AGENDAS),
                notes=rnd.choice(NOTES) if status == MeetingStatus.HELD else "",
                rating=rnd.randint(3, 5) if status == MeetingStatus.HELD else None,
                status=status,
                held_prompted=True,
            )
            if status == MeetingStatus.HELD:
                held_days.append(day)
                for text, owner in rnd.sample(ACTIONS, rnd.randint(0, 2)):
                    due = day + timedelta(days=14)
                    done = due < today - timedelta(days=20) or rnd.random() < 0.3
                    m.action_items.append(
                        ActionItem(
                            relationship=rel,
                            text=text,
                            owner=owner,
                            due_on=due,
                            done=done,
                            done_on=due if done else None,
                        )
                    )
                    counts["a"] += 1
            s.add(m)
            n += 1
            day += timedelta(days=spec.cadence + rnd.randint(-3, 4))
        if last_forced and (not held_days or held_days[-1] != last_forced):
            s.add(
                Meeting(
                    relationship=rel,
                    start=_at(last_forced, 10),
                    duration_minutes=60,
                    channel=rel.preferred_channel,
                    agenda="Catch-up",
                    notes=rnd.choice(NOTES),
                    rating=4,
                    status=MeetingStatus.HELD,
                    held_prompted=True,
                )
            )
            n += 1
        if spec.status == RelStatus.ACTIVE:
            nxt = (last_forced or today) + timedelta(days=spec.cadence)
            if nxt <= today:
                nxt = today + timedelta(days=3)
            s.add(
                Meeting(
                    relationship=rel,
                    start=_at(nxt, 10),
                    duration_minutes=60,
                    channel=rel.preferred_channel,
                    agenda=rnd.choice(AGENDAS),
                    status=MeetingStatus.PLANNED,
                )
            )
            n += 1
        return n

    @staticmethod
    def _appreciation(s, rnd, rel, spec, started, stop) -> int:  # type: ignore[no-untyped-def]
        if spec.name == "Priya Natarajan":  # the nudge: none in the last 90 days
            stop = stop - timedelta(days=120)
        n = 0
        day = started + timedelta(days=60)
        while day <= stop:
            kind = rnd.choice(list(AppreciationKind))
            text = {
                AppreciationKind.THANK_YOU: "Thank-you note after the session",
                AppreciationKind.GESTURE: "Brought coffee and cake",
                AppreciationKind.GIFT: "Sent the book they recommended to a colleague too",
                AppreciationKind.SHOUT_OUT: "Credited their advice in the team retro",
                AppreciationKind.UPDATE: "Told them how the advice worked out",
            }[kind]
            s.add(Appreciation(relationship=rel, on=day, kind=kind, text=text))
            n += 1
            day += timedelta(days=rnd.randint(70, 110))
        return n
