"""Database health: integrity, foreign keys and domain sanity (``mentordesk check``)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, text

from mentordesk.domain.enums import DEFAULT_CADENCE_DAYS
from mentordesk.services.base import Service
from mentordesk.store.models import Base, Goal, Meeting, Milestone, ProgressEntry, Relationship, new_uuid


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

    def repair(self) -> list[str]:
        """Fix what is safe to fix; returns a sentence per change. Take a backup before calling.

        Rows pointing at missing records lose the link when it is optional, or are removed when it
        is not; progress is clamped to 0-100; duplicated UUIDs get new ones; cadences under a day
        become the default. Milestones outside their goal's dates are left for the user to decide.
        """
        changes: list[str] = []
        with self.db.session() as s:
            conn = s.connection()
            if conn.exec_driver_sql("PRAGMA integrity_check").scalar() != "ok":
                conn.exec_driver_sql("REINDEX")
                changes.append("rebuilt the indexes")
            for table, rowid, parent, fkid in conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall():
                fk_rows = conn.exec_driver_sql(f'PRAGMA foreign_key_list("{table}")').fetchall()
                column = next(r[3] for r in fk_rows if r[0] == fkid)
                nullable = Base.metadata.tables[table].c[column].nullable
                if nullable:
                    conn.exec_driver_sql(f'UPDATE "{table}" SET "{column}" = NULL WHERE rowid = ?', (rowid,))
                    changes.append(f"{table} row {rowid}: removed the link to a missing {parent}")
                else:
                    conn.exec_driver_sql(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
                    changes.append(f"{table} row {rowid}: removed (it belonged to a missing {parent})")
            for entry in s.scalars(
                select(ProgressEntry).where((ProgressEntry.percent < 0) | (ProgressEntry.percent > 100))
            ):
                clamped = min(100.0, max(0.0, entry.percent))
                changes.append(f"progress entry {entry.id}: {entry.percent} set to {clamped}")
                entry.percent = clamped
            for name, table in Base.metadata.tables.items():
                if "uuid" not in table.c:
                    continue
                dupes = (
                    s.execute(select(table.c.uuid).group_by(table.c.uuid).having(func.count() > 1))
                    .scalars()
                    .all()
                )
                for uuid in dupes:
                    ids = s.execute(
                        select(table.c.id).where(table.c.uuid == uuid).order_by(table.c.id)
                    ).scalars()
                    for row_id in list(ids)[1:]:
                        s.execute(table.update().where(table.c.id == row_id).values(uuid=new_uuid()))
                        changes.append(f"{name} row {row_id}: gave a new UUID in place of duplicate {uuid}")
            for rel in s.scalars(select(Relationship).where(Relationship.cadence_days < 1)):
                changes.append(
                    f"relationship {rel.id}: cadence {rel.cadence_days} days set to {DEFAULT_CADENCE_DAYS}"
                )
                rel.cadence_days = DEFAULT_CADENCE_DAYS
        return changes
