"""Command-line subcommands: search."""

from __future__ import annotations

import argparse
from typing import Any

from mentordesk.commands import open_services

# The kinds the search service indexes (kept light here: the service module loads the database layer).
SEARCH_KINDS = ("person", "relationship", "meeting", "action_item", "goal", "milestone", "appreciation")


def register(groups: dict[str, Any], commands: dict[str, Any]) -> None:
    p = groups[""].add_parser("search", help="find notes, meetings, goals and people by their words")
    p.add_argument("query", metavar="QUERY", help='words (prefixes match), "a phrase" in quotes')
    p.add_argument("--kind", choices=SEARCH_KINDS, help="only this kind of item")
    p.add_argument("--limit", type=int, default=20, help="at most this many results (default 20)")
    commands["search"] = cmd_search


def cmd_search(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        hits = services.search.search(args.query, kind=args.kind, limit=args.limit)
    finally:
        services.close()
    if not hits:
        print(f"no matches for {args.query!r}")
        return 0
    for hit in hits:
        day = hit.day.isoformat() if hit.day else "-"
        snippet = " ".join(hit.plain_snippet().split())
        print(f"{hit.kind_label:<12} {day:<10}  {hit.title}  —  {snippet}")
    return 0
