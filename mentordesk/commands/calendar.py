"""Command-line subcommands: calendar (iCalendar export and import, overdue check-ins).

mentordesk export ics OUT [--from DATE] [--to DATE] [--relationship NAME]
mentordesk import ics FILE [--from DATE] [--to DATE] [--relationship NAME] [--dry-run]
mentordesk overdue
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from mentordesk.commands import iso_date, open_services


def register(groups: dict[str, Any], commands: dict[str, Any]) -> None:
    """Add this area's subcommands to the parser groups ("import", "export", "" for top level)."""
    export = groups["export"].add_parser(
        "ics",
        help="meetings as an iCalendar file for other calendars",
        description="Export meetings as iCalendar.",
    )
    export.add_argument("out", metavar="OUT", help="the .ics file to write (written owner-only)")
    export.add_argument(
        "--from", dest="from_date", type=iso_date, metavar="DATE", help="first day (YYYY-MM-DD)"
    )
    export.add_argument("--to", dest="to_date", type=iso_date, metavar="DATE", help="last day (YYYY-MM-DD)")
    export.add_argument("--relationship", metavar="NAME", help="only the meetings with this person")
    commands["export ics"] = cmd_export_ics

    imp = groups["import"].add_parser(
        "ics",
        help="meetings from an iCalendar file",
        description="Import the events of an iCalendar file as meetings. Recurring events are expanded "
        "between --from and --to (default: one year back to one year ahead of today).",
    )
    imp.add_argument("file", metavar="FILE", help="the .ics file to read")
    imp.add_argument("--from", dest="from_date", type=iso_date, metavar="DATE", help="first day (YYYY-MM-DD)")
    imp.add_argument("--to", dest="to_date", type=iso_date, metavar="DATE", help="last day (YYYY-MM-DD)")
    imp.add_argument(
        "--relationship",
        metavar="NAME",
        help="put events that match nobody with this person (else unassigned)",
    )
    imp.add_argument("--dry-run", action="store_true", help="show what would be imported, change nothing")
    commands["import ics"] = cmd_import_ics

    groups[""].add_parser(
        "overdue",
        help="check-ins overdue or due within 7 days, one per line (for scripts)",
        description="One line per relationship, tab-separated: name, due date, state.",
    )
    commands["overdue"] = cmd_overdue


def _window(args: argparse.Namespace, today: date) -> tuple[date, date]:
    start = args.from_date or today - timedelta(days=365)
    end = args.to_date or today + timedelta(days=365)
    if end < start:
        from mentordesk.services.errors import ValidationError

        raise ValidationError(f"--to {end.isoformat()} is before --from {start.isoformat()}", field="to")
    return start, end


def cmd_overdue(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        today = services.meetings.today()
        rows = services.meetings.check_ins()
    finally:
        services.close()
    for r in rows:
        print(f"{r.person}\t{r.due.isoformat()}\t{r.describe(today)}")
    if not rows:
        print("no check-in is overdue or due in the next 7 days", file=sys.stderr)
    return 0


def cmd_export_ics(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        start, end = (
            _window(args, services.calendar_io.today()) if (args.from_date or args.to_date) else (None, None)
        )
        count = services.calendar_io.export_to_file(
            Path(args.out), start=start, end=end, relationship=args.relationship
        )
    finally:
        services.close()
    print(f"exported {count} meeting{'s' if count != 1 else ''} to {args.out}")
    return 0


def cmd_import_ics(args: argparse.Namespace) -> int:
    path = Path(args.file)
    services = open_services(args)
    try:
        start, end = _window(args, services.calendar_io.today())
        summary = services.calendar_io.import_file(
            path, start=start, end=end, relationship=args.relationship, dry_run=args.dry_run
        )
    finally:
        services.close()
    for line in summary.lines():
        print(line)
    return 0
