"""Command-line subcommands: charts."""

from __future__ import annotations

from typing import Any


def register(groups: dict[str, Any], commands: dict[str, Any]) -> None:
    """Add this area's subcommands to the parser groups ("import", "export", "" for top level)."""
