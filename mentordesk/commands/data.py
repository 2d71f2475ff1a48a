"""Command-line subcommands: backups, restore, the full JSON export and import."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mentordesk.commands import open_services


def register(groups: dict[str, Any], commands: dict[str, Any]) -> None:
    top = groups[""]
    p = top.add_parser("backup", help="back up the database now (verified copy)")
    p.add_argument("--out", metavar="FILE", help="write the backup here instead of the backups folder")
    commands["backup"] = cmd_backup

    top.add_parser("backups", help="list the automatic backups")
    commands["backups"] = cmd_backups

    p = top.add_parser(
        "restore", help="replace the database with a backup (the current state is saved first)"
    )
    p.add_argument("file", metavar="FILE")
    commands["restore"] = cmd_restore

    p = groups["export"].add_parser("json", help="everything, losslessly, as JSON")
    p.add_argument("out", metavar="OUT")
    commands["export json"] = cmd_export_json

    p = groups["import"].add_parser("json", help="a MentorDesk JSON export (merged by UUID)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="say what would change, change nothing")
    commands["import json"] = cmd_import_json


def cmd_backup(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        path = services.data.backup(Path(args.out) if args.out else None)
    finally:
        services.close()
    print(f"backup written to {path}")
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        backups = services.data.backups()
    finally:
        services.close()
    if not backups:
        print("no backups yet (make one with 'mentordesk backup')")
        return 0
    for b in backups:
        counts = (
            f"{b.people} people, {b.meetings} meetings, {b.goals} goals"
            if b.people is not None
            else "unreadable"
        )
        print(f"{b.taken_at:%Y-%m-%d %H:%M:%S}  {b.size / 1024:8.0f} KB  {b.reason:<28} {counts}  {b.path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from mentordesk.paths import resolve_db_path
    from mentordesk.services.data import restore_database
    from mentordesk.store.migrate import open_database

    db_path = resolve_db_path(args.db)
    saved = restore_database(db_path, Path(args.file))
    open_database(db_path).close()  # migrates an older backup now, with its own safety copy
    if saved:
        print(f"the previous state was saved to {saved}")
    print(f"restored {args.file} into {db_path}")
    return 0


def cmd_export_json(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        counts = services.data.export_json(Path(args.out))
    finally:
        services.close()
    total = sum(counts.values())
    print(f"exported {total} records to {args.out}")
    return 0


def cmd_import_json(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        result = services.data.import_json(Path(args.file), dry_run=args.dry_run)
    finally:
        services.close()
    if result.backup:
        print(f"backed up the database first to {result.backup}")
    print(result.summary)
    return 0
