"""Database health: integrity, foreign keys and domain sanity (``mentordesk check``)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, text

from mentordesk.services.base import Service
from mentordesk.store.models import Base, Goal, Meeting, Milestone, ProgressEntry, Relationship


@dataclass(frozen=True)
class Finding:
    kind: str  # "integrity", "foreign-key", "domain"
    message: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.message}"


class MaintenanceService(Service):
    def check(self) -> list[Finding]:
        """Every problem found; an empty list means the database is healthy."""
        findings: list[Finding] = []
        with self.db.reader() as s:
            for (row,) in s.execute(text("PRAGMA integrity_check")):
                if row != "ok":
                    findings.append(Finding("integrity", str(row)))
            for table, rowid, parent, _fk in s.execute(text("PRAGMA foreign_key_check")):
                findings.append(Finding("foreign-key", f"{table} row {rowid} points at a missing {parent}"))
            for name, table in Base.metadata.tables.items():
                if "uuid" not in table.c:
                    continue
                dupes = s.execute(
                    select(table.c.uuid, func.count()).group_by(table.c.uuid).having(func.count() > 1)
                ).all()
                for uuid, n in dupes:
                    findings.append(Finding("domain", f"{name}: UUID {uuid} is used by {n} rows"))
            for gid, title, pct in s.execute(
                select(Goal.id, Goal.title, ProgressEntry.percent)
                .join(ProgressEntry, ProgressEntry.goal_id == Goal.id)
                .where((ProgressEntry.percent < 0) | (ProgressEntry.percent > 100))
            ):
                findings.append(Finding("domain", f"goal {gid} '{title}': progress {pct} is outside 0-100"))
            for mid, mtitle, due, gtitle, start, target in s.execute(
                select(
                    Milestone.id, Milestone.title, Milestone.due_on, Goal.title, Goal.start_on, Goal.target_on
                )
                .join(Goal, Goal.id == Milestone.goal_id)
                .where(
                    Milestone.due_on.is_not(None)
                    & (
                        (Goal.start_on.is_not(None) & (Milestone.due_on < Goal.start_on))
                        | (Goal.target_on.is_not(None) & (Milestone.due_on > Goal.target_on))
                    )
                )
            ):
                findings.append(
                    Finding(
                        "domain",
                        f"milestone {mid} '{mtitle}' is due {due} outside its goal '{gtitle}' ({start} to {target})",
                    )
                )
            for rid, days in s.execute(
                select(Relationship.id, Relationship.cadence_days).where(Relationship.cadence_days < 1)
            ):
                findings.append(Finding("domain", f"relationship {rid} has a cadence of {days} days"))
            orphans = s.scalar(
                select(func.count())
                .select_from(Meeting)
                .outerjoin(Relationship, Relationship.id == Meeting.relationship_id)
                .where(Meeting.relationship_id.is_not(None), Relationship.id.is_(None))
            )
            if orphans:
                findings.append(Finding("domain", f"{orphans} meetings point at deleted relationships"))
        return findings
