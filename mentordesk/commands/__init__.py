"""Command-line subcommands, one module per area. Each module has ``register(sub)``.

Modules here import only the standard library and mentordesk's light layers at module level;
anything heavy is imported inside the command function.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mentordesk.services.container import Services

Handler = Callable[[argparse.Namespace], int]

# The area modules, in the order their commands appear in --help.
AREAS = ("contacts", "calendar", "charts", "data", "search")


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (expected YYYY-MM-DD)") from None


def open_services(args: argparse.Namespace) -> Services:
    """The services over the database chosen by --db / MENTORDESK_DB / the user data folder."""
    from mentordesk.paths import resolve_db_path
    from mentordesk.services.container import Services

    return Services.open(resolve_db_path(args.db))
