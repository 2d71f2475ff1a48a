"""The command line: the GUI launcher and every headless command.

Exit codes: 0 success, 1 a user-facing error (one ``error:`` line on stderr), 2 usage error.
Heavy modules (Qt, matplotlib, file parsers) are imported inside the commands that need them.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from mentordesk import __version__
from mentordesk.commands import AREAS, open_services
from mentordesk.services.errors import MentorDeskError

if TYPE_CHECKING:
    pass

TABS = ("mentors", "calendar", "goals", "insights")
COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(
    name: str,
) -> Callable[[Callable[[argparse.Namespace], int]], Callable[[argparse.Namespace], int]]:
    def register(fn: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        COMMANDS[name] = fn
        return fn

    return register


def window_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a size (expected WIDTHxHEIGHT, e.g. 1280x800)"
        ) from None
    if not (200 <= w <= 10000 and 200 <= h <= 10000):
        raise argparse.ArgumentTypeError(f"'{text}': width and height must be between 200 and 10000")
    return w, h


def build_parser(*, only_gui: bool = False) -> argparse.ArgumentParser:
    """The whole command line; ``only_gui`` leaves out the headless commands (and the imports
    their options need), for a start of the window that names no other command."""
    parser = argparse.ArgumentParser(
        prog="mentordesk",
        description="MentorDesk: your mentoring relationships, meetings and goals, offline.",
    )
    parser.add_argument("--version", action="version", version=f"MentorDesk {__version__}")
    parser.add_argument(
        "--self-test", action="store_true", help="check this installation end to end, then exit"
    )
    parser.add_argument(
        "--db", metavar="PATH", help="database file (default: MENTORDESK_DB or the user data folder)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = sub.add_parser("gui", help="open the main window (the default)")
    gui.add_argument("--tab", choices=TABS, help="tab to show first")
    gui.add_argument(
        "--screenshot", metavar="PNG", help="render the window once data has loaded, save it, exit"
    )
    gui.add_argument("--size", type=window_size, metavar="WxH", help="window size, e.g. 1280x800")
    gui.add_argument("--theme", choices=("system", "light", "dark"), help="colour theme")
    if only_gui:
        return parser

    demo = sub.add_parser("demo", help="fill the database with realistic sample data")
    demo.add_argument("--scale", choices=("small", "large"), default="small")
    demo.add_argument("--seed", type=int, default=1, help="same seed, same data (default 1)")
    demo.add_argument("--force", action="store_true", help="replace existing data (a backup is taken first)")

    check = sub.add_parser("check", help="check the database's integrity and data")
    check.add_argument("--repair", action="store_true", help="fix what is safe to fix (after a backup)")

    import_p = sub.add_parser("import", help="import contacts, calendars or a full export")
    export_p = sub.add_parser("export", help="export meetings, charts, tables or everything")
    groups = {
        "import": import_p.add_subparsers(dest="format", metavar="FORMAT", required=True),
        "export": export_p.add_subparsers(dest="format", metavar="FORMAT", required=True),
        "": sub,
    }
    for area in AREAS:
        module = importlib.import_module(f"mentordesk.commands.{area}")
        module.register(groups, COMMANDS)
    return parser


GLOBAL_FLAGS_WITH_VALUE = {"--db"}


def _only_gui(argv: list[str]) -> bool:
    """Whether ``argv`` (with the default command in place) starts the window, not asking for the
    whole command line's help."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ("-h", "--help"):
            return False
        if arg in GLOBAL_FLAGS_WITH_VALUE:
            i += 2
        elif arg.startswith("-"):
            i += 1
        else:
            return arg == "gui"
    return False


def _with_default_command(argv: list[str]) -> list[str]:
    """``mentordesk [--db X] [--tab ...]`` means ``mentordesk [--db X] gui [--tab ...]``."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in GLOBAL_FLAGS_WITH_VALUE:
            i += 2
            continue
        if arg.startswith("--db=") or arg in ("-h", "--help", "--version", "--self-test"):
            i += 1
            continue
        if arg.startswith("-"):
            return [*argv[:i], "gui", *argv[i:]]
        return argv
    return [*argv, "gui"]


@command("gui")
def cmd_gui(args: argparse.Namespace) -> int:
    from mentordesk import memory

    memory.start_app_lifetime()
    check = None
    if args.db or os.environ.get("MENTORDESK_DB"):
        # The file is known before Qt loads: the reads the window waits for start now.
        from mentordesk.paths import resolve_db_path
        from mentordesk.services.start_reads import StartReads

        check = StartReads.of(resolve_db_path(args.db))
    from mentordesk.ui.app import run_gui

    code = run_gui(
        db=args.db, tab=args.tab, screenshot=args.screenshot, size=args.size, theme=args.theme, check=check
    )
    if args.screenshot:
        # The picture is written and the database closed: nothing is left to save, so skip
        # tearing down thousands of Qt objects one by one (a screenshot run is often scripted).
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


@command("demo")
def cmd_demo(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        if args.force and not services.demo.is_empty() and services.db_path is not None:
            from mentordesk.store.backup import backup_database

            saved = backup_database(services.db_path, reason="before-demo")
            print(f"backed up the existing data to {saved}")
        summary = services.demo.generate(seed=args.seed, scale=args.scale, force=args.force)
    finally:
        services.close()
    print(f"sample data written: {summary}")
    return 0


@command("check")
def cmd_check(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        findings = services.maintenance.check()
        if args.repair and findings:
            saved = services.data.backup(reason="before-repair")
            print(f"backed up the database first to {saved}")
            for change in services.maintenance.repair():
                print(f"repaired: {change}")
            findings = services.maintenance.check()
    finally:
        services.close()
    for finding in findings:
        print(finding)
    if findings:
        print(f"{len(findings)} problem(s) found", file=sys.stderr)
        return 1
    print("database is healthy: integrity, foreign keys and data checks passed")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if getattr(sys, "frozen", False):
        _frozen_setup()
    if "--self-test" in args_list:
        from mentordesk.ui.selftest import run_self_test

        return run_self_test()
    args_list = _with_default_command(args_list)
    parser = build_parser(only_gui=_only_gui(args_list))
    args = parser.parse_args(args_list)
    try:
        key = args.command if args.command not in ("import", "export") else f"{args.command} {args.format}"
        return COMMANDS[key](args)
    except MentorDeskError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 1
    except OSError as exc:
        name = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {name}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: keep the promise of one line, keep the details for a report
        if os.environ.get("MENTORDESK_DEBUG"):
            raise
        print(
            f"error: unexpected {type(exc).__name__}: {exc} (run with MENTORDESK_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return 1


def _frozen_setup() -> None:
    """In the bundle: matplotlib's font cache goes to the user's cache folder, built once.

    PyInstaller's runtime hook points MPLCONFIGDIR at a fresh temporary folder on every start,
    which rebuilds the cache each time; this replaces it before matplotlib is imported.
    """
    from mentordesk.paths import cache_dir, ensure_private_dir

    os.environ["MPLCONFIGDIR"] = str(ensure_private_dir(cache_dir() / "matplotlib"))


def gui_main() -> int:
    return main(["gui", *sys.argv[1:]])
