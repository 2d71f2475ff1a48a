"""Command-line subcommands: contacts (``import vcard FILE`` and ``import linkedin FILE``).

The file is read and parsed before the database is opened, so a file that is not a vCard or
LinkedIn export is refused with an ``error:`` line and leaves the database untouched. The
import itself is one transaction: it commits whole or not at all.
"""

from __future__ import annotations

import argparse
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mentordesk.commands import open_services
from mentordesk.services.errors import MentorDeskError

if TYPE_CHECKING:
    from mentordesk.services.contacts_import import ImportSummary, PlannedAction

FORMATS = {
    "vcard": "contacts from a vCard file (.vcf; versions 2.1, 3.0 and 4.0)",
    "linkedin": "connections from LinkedIn's Connections.csv export",
}


def register(groups: dict[str, Any], commands: dict[str, Any]) -> None:
    """Add this area's subcommands to the parser groups ("import", "export", "" for top level)."""
    for name, what in FORMATS.items():
        parser = groups["import"].add_parser(
            name,
            help=f"import {what}",
            description=f"Import {what}. Imported people become contacts (Mentors tab, Contacts filter); "
            "people already in MentorDesk (same email, or same name and organization) are merged.",
        )
        parser.add_argument("file", metavar="FILE", help="the file to import")
        parser.add_argument("--dry-run", action="store_true", help="show what would happen; change nothing")
        commands[f"import {name}"] = partial(cmd_import, name)


def read_file(path: Path) -> bytes:
    """The file's bytes, or a MentorDeskError that names the file."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise MentorDeskError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise MentorDeskError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise MentorDeskError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _name(action: PlannedAction) -> str:
    record = action.record
    return f"{record.name} ({record.organization})" if record.organization else record.name


def cmd_import(kind: str, args: argparse.Namespace) -> int:
    from mentordesk.formats.contacts import one_line, parse_linkedin, parse_vcard

    path = Path(args.file)
    data = read_file(path)
    parse = parse_vcard if kind == "vcard" else parse_linkedin
    result = parse(data, path.name)  # ImportFormatError: an error line, nothing opened or written

    services = open_services(args)
    try:
        plan = services.contacts_import.preview(result.records)
        if args.dry_run:
            summary = _as_summary(plan)
        else:
            summary = services.contacts_import.apply(plan)
    finally:
        services.close()

    skipped = len(summary.skipped) + len(result.skipped)
    read = f"{path.name}: {_count(len(result.records), 'contact')} read"
    print(read + (f", {len(result.skipped)} could not be read" if result.skipped else ""))
    if args.dry_run:
        print("dry run: nothing was written")
        print(
            f"would import {len(summary.imported)}, would merge {len(summary.merged)}, would skip {skipped}"
        )
    else:
        print(f"imported {len(summary.imported)}, merged {len(summary.merged)}, skipped {skipped}")
    for action in summary.imported:
        print(f"  imported  {one_line(_name(action))}")
    for action in summary.merged:
        adds = ", ".join(action.adds)
        print(
            f"  merged    {one_line(_name(action))} into {one_line(action.target_name)}: {action.reason}; adds {adds}"
        )
    for action in summary.skipped:
        print(f"  skipped   {one_line(_name(action))}: {one_line(action.reason)}")
    for bad in result.skipped:
        print(f"  skipped   {bad.where}: {one_line(bad.reason)}")
    for warning in result.warnings:
        print(f"  warning   {one_line(warning)}")
    if summary.imported and not args.dry_run:
        print("Imported people are contacts: see them in the Mentors tab with the Contacts filter.")
    return 0


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _as_summary(plan: list[PlannedAction]) -> ImportSummary:
    from mentordesk.services.contacts_import import ImportAction, ImportSummary

    return ImportSummary(
        imported=tuple(a for a in plan if a.action == ImportAction.NEW),
        merged=tuple(a for a in plan if a.action == ImportAction.MERGE),
        skipped=tuple(a for a in plan if a.action == ImportAction.SKIP),
        person_ids=(),
    )
