"""The data model (SQLAlchemy 2.0 typed mappings).

Every table has an integer key and a stable UUID (JSON export, iCalendar UIDs).
Times are stored in UTC (:class:`UTCDateTime`); calendar dates as dates.
"""

from __future__ import annotations

import uuid as uuidlib
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.orm import relationship as orm_relationship

from mentordesk.domain.enums import (
    DEFAULT_CADENCE_DAYS,
    AppreciationKind,
    Channel,
    GoalCategory,
    GoalStatus,
    Kind,
    MeetingStatus,
    Owner,
    ProgressMode,
    RelStatus,
    Role,
    Source,
)
from mentordesk.store.types import StrEnumType, UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_uuid() -> str:
    return str(uuidlib.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: dict[Any, Any] = {datetime: UTCDateTime(), dict[str, Any]: JSON}


class Keyed:
    """Integer key, stable UUID, creation and change times."""

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid, unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


person_tag = Table(
    "person_tag",
    Base.metadata,
    Column("person_id", ForeignKey("person.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True),
)

goal_relationship = Table(
    "goal_relationship",
    Base.metadata,
    Column("goal_id", ForeignKey("goal.id", ondelete="CASCADE"), primary_key=True),
    Column("relationship_id", ForeignKey("relationship.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_goal_relationship_relationship_id", "relationship_id"),
)

meeting_goal = Table(
    "meeting_goal",
    Base.metadata,
    Column("meeting_id", ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True),
    Column("goal_id", ForeignKey("goal.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_meeting_goal_goal_id", "goal_id"),
)


class Tag(Keyed, Base):
    __tablename__ = "tag"
    name: Mapped[str] = mapped_column(String(80), unique=True)


class Person(Keyed, Base):
    __tablename__ = "person"
    name: Mapped[str] = mapped_column(String(200), index=True)
    email: Mapped[str] = mapped_column(String(320), default="", index=True)
    phone: Mapped[str] = mapped_column(String(64), default="")
    # Further emails, phones and links: [{"kind": "email"|"phone"|"url", "value": ..., "label": ...}]
    other_contacts: Mapped[list[Any]] = mapped_column(JSON, default=list)
    organization: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(200), default="")
    profile_url: Mapped[str] = mapped_column(String(500), default="")
    how_met: Mapped[str] = mapped_column(Text, default="")
    where_met: Mapped[str] = mapped_column(String(200), default="")
    source: Mapped[Source] = mapped_column(StrEnumType(Source), default=Source.OTHER)
    notes: Mapped[str] = mapped_column(Text, default="")
    connected_on: Mapped[date | None] = mapped_column(Date)

    tags: Mapped[list[Tag]] = orm_relationship(secondary=person_tag, order_by=Tag.name)
    relationships: Mapped[list[Relationship]] = orm_relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )


class Relationship(Keyed, Base):
    """A mentorship (or a hoped-for one) with one person."""

    __tablename__ = "relationship"
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    role: Mapped[Role] = mapped_column(StrEnumType(Role), default=Role.MENTORS_ME)
    kind: Mapped[Kind] = mapped_column(StrEnumType(Kind), default=Kind.INFORMAL)
    status: Mapped[RelStatus] = mapped_column(StrEnumType(RelStatus), default=RelStatus.ACTIVE, index=True)
    status_changed_on: Mapped[date | None] = mapped_column(Date)
    started_on: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    cadence_days: Mapped[int] = mapped_column(Integer, default=DEFAULT_CADENCE_DAYS)
    focus_areas: Mapped[list[Any]] = mapped_column(JSON, default=list)
    # The agreement.
    hopes: Mapped[str] = mapped_column(Text, default="")
    agreed_topics: Mapped[str] = mapped_column(Text, default="")
    boundaries: Mapped[str] = mapped_column(Text, default="")
    time_budget: Mapped[str] = mapped_column(String(200), default="")
    preferred_channel: Mapped[Channel | None] = mapped_column(StrEnumType(Channel))
    review_on: Mapped[date | None] = mapped_column(Date)
    request_sent_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")

    person: Mapped[Person] = orm_relationship(back_populates="relationships")
    status_changes: Mapped[list[StatusChange]] = orm_relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="StatusChange.changed_on"
    )
    meetings: Mapped[list[Meeting]] = orm_relationship(
        back_populates="relationship", cascade="all, delete-orphan", passive_deletes=True
    )
    goals: Mapped[list[Goal]] = orm_relationship(secondary=goal_relationship, back_populates="relationships")
    appreciations: Mapped[list[Appreciation]] = orm_relationship(
        back_populates="relationship",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Appreciation.on",
    )


class StatusChange(Keyed, Base):
    __tablename__ = "status_change"
    relationship_id: Mapped[int] = mapped_column(
        ForeignKey("relationship.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[RelStatus] = mapped_column(StrEnumType(RelStatus))
    changed_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class Meeting(Keyed, Base):
    __tablename__ = "meeting"
    # Null for imported calendar events not yet assigned to a relationship.
    relationship_id: Mapped[int | None] = mapped_column(
        ForeignKey("relationship.id", ondelete="CASCADE"), index=True
    )
    start: Mapped[datetime] = mapped_column(index=True)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=60)
    all_day: Mapped[bool] = mapped_column(Boolean, default=False)
    title: Mapped[str] = mapped_column(String(300), default="")
    channel: Mapped[Channel | None] = mapped_column(StrEnumType(Channel))
    location: Mapped[str] = mapped_column(String(500), default="")
    agenda: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    rating: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[MeetingStatus] = mapped_column(
        StrEnumType(MeetingStatus), default=MeetingStatus.PLANNED, index=True
    )
    held_prompted: Mapped[bool] = mapped_column(Boolean, default=False)
    ical_uid: Mapped[str] = mapped_column(String(500), default="")
    ical_occurrence: Mapped[str] = mapped_column(String(40), default="")

    relationship: Mapped[Relationship | None] = orm_relationship(back_populates="meetings")
    action_items: Mapped[list[ActionItem]] = orm_relationship(
        back_populates="meeting", cascade="all, delete-orphan", passive_deletes=True
    )
    goals: Mapped[list[Goal]] = orm_relationship(secondary=meeting_goal, back_populates="meetings")

    __table_args__ = (
        Index("ix_meeting_relationship_id_start", "relationship_id", "start"),
        Index("ix_meeting_relationship_id_status_start", "relationship_id", "status", "start"),
        Index("ix_meeting_ical_uid_ical_occurrence", "ical_uid", "ical_occurrence"),
    )


class ActionItem(Keyed, Base):
    __tablename__ = "action_item"
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    relationship_id: Mapped[int | None] = mapped_column(
        ForeignKey("relationship.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[Owner] = mapped_column(StrEnumType(Owner), default=Owner.ME)
    due_on: Mapped[date | None] = mapped_column(Date)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    done_on: Mapped[date | None] = mapped_column(Date)

    meeting: Mapped[Meeting | None] = orm_relationship(back_populates="action_items")
    relationship: Mapped[Relationship | None] = orm_relationship()

    __table_args__ = (Index("ix_action_item_relationship_id_done", "relationship_id", "done"),)


class Goal(Keyed, Base):
    __tablename__ = "goal"
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[GoalCategory] = mapped_column(StrEnumType(GoalCategory), default=GoalCategory.OTHER)
    status: Mapped[GoalStatus] = mapped_column(StrEnumType(GoalStatus), default=GoalStatus.ACTIVE, index=True)
    start_on: Mapped[date | None] = mapped_column(Date, index=True)
    target_on: Mapped[date | None] = mapped_column(Date, index=True)
    success_criteria: Mapped[str] = mapped_column(Text, default="")
    progress_mode: Mapped[ProgressMode] = mapped_column(
        StrEnumType(ProgressMode), default=ProgressMode.MANUAL
    )
    review_every_days: Mapped[int] = mapped_column(Integer, default=30)
    last_review_on: Mapped[date | None] = mapped_column(Date)
    next_review_on: Mapped[date | None] = mapped_column(Date, index=True)

    relationships: Mapped[list[Relationship]] = orm_relationship(
        secondary=goal_relationship, back_populates="goals"
    )
    milestones: Mapped[list[Milestone]] = orm_relationship(
        back_populates="goal", cascade="all, delete-orphan", passive_deletes=True, order_by="Milestone.due_on"
    )
    progress: Mapped[list[ProgressEntry]] = orm_relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="ProgressEntry.on"
    )
    reviews: Mapped[list[GoalReview]] = orm_relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="GoalReview.reviewed_on"
    )
    meetings: Mapped[list[Meeting]] = orm_relationship(secondary=meeting_goal, back_populates="goals")


class Milestone(Keyed, Base):
    __tablename__ = "milestone"
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    due_on: Mapped[date | None] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)
    weight: Mapped[float] = mapped_column(Float, default=1.0)

    goal: Mapped[Goal] = orm_relationship(back_populates="milestones")


class ProgressEntry(Keyed, Base):
    """One point of a goal's progress history."""

    __tablename__ = "progress_entry"
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id", ondelete="CASCADE"))
    on: Mapped[date] = mapped_column(Date)
    percent: Mapped[float] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_progress_entry_goal_id_on", "goal_id", "on"),)


class GoalReview(Keyed, Base):
    __tablename__ = "goal_review"
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id", ondelete="CASCADE"), index=True)
    reviewed_on: Mapped[date] = mapped_column(Date)
    percent: Mapped[float | None] = mapped_column(Float)
    what_changed: Mapped[str] = mapped_column(Text, default="")
    target_holds: Mapped[bool] = mapped_column(Boolean, default=True)


class Appreciation(Keyed, Base):
    """Thank-you notes and gestures: the appreciation log of a relationship."""

    __tablename__ = "appreciation"
    relationship_id: Mapped[int] = mapped_column(
        ForeignKey("relationship.id", ondelete="CASCADE"), index=True
    )
    on: Mapped[date] = mapped_column(Date)
    kind: Mapped[AppreciationKind] = mapped_column(
        StrEnumType(AppreciationKind), default=AppreciationKind.THANK_YOU
    )
    text: Mapped[str] = mapped_column(Text, default="")

    relationship: Mapped[Relationship] = orm_relationship(back_populates="appreciations")


__all__ = [
    "ActionItem",
    "Appreciation",
    "Base",
    "Goal",
    "GoalReview",
    "Meeting",
    "Milestone",
    "Person",
    "ProgressEntry",
    "Relationship",
    "StatusChange",
    "Tag",
    "goal_relationship",
    "meeting_goal",
    "person_tag",
]
