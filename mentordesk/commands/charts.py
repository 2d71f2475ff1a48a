"""Command-line subcommands: chart images, the CSV tables and the PDF progress report.

    mentordesk export chart {progress,meetings,adherence,focus} OUT.{png,svg,pdf}
        [--from DATE] [--to DATE] [--relationship NAME] [--dpi N]
        [--size WxH|slide|document|square] [--theme light|dark]
    mentordesk export csv DIR
    mentordesk report OUT.pdf [--from DATE] [--to DATE]

matplotlib is imported inside the commands, never when the parser is built.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mentordesk.commands import iso_date, open_services

CHART_KINDS = ("progress", "meetings", "adherence", "focus")
CHART_HELP = {
    "progress": "goal progress over time",
    "meetings": "meetings held per month",
    "adherence": "agreed cadence kept per relationship",
    "focus": "meetings and hours by focus area",
}


def _period_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="start",
        type=iso_date,
        metavar="DATE",
        help="first day (default: 12 months before --to)",
    )
    parser.add_argument("--to", dest="end", type=iso_date, metavar="DATE", help="last day (default: today)")


def register(groups: dict[str, Any], commands: dict[str, Any]) -> None:
    """Add this area's subcommands to the parser groups ("import", "export", "" for top level)."""
    p = groups["export"].add_parser(
        "chart",
        help="a chart as PNG, SVG or PDF",
        description="Draw one of the insight charts into an image file; the suffix chooses the format.",
    )
    p.add_argument(
        "kind",
        choices=CHART_KINDS,
        metavar="KIND",
        help="; ".join(f"{k}: {v}" for k, v in CHART_HELP.items()),
    )
    p.add_argument("out", metavar="OUT", help="the file to write: .png, .svg or .pdf")
    _period_arguments(p)
    p.add_argument(
        "--relationship",
        action="append",
        metavar="NAME",
        help="only the relationship with this person (repeat for several)",
    )
    p.add_argument("--dpi", type=int, default=150, metavar="N", help="resolution of a PNG (default 150)")
    p.add_argument(
        "--size",
        metavar="SIZE",
        help="WIDTHxHEIGHT in pixels, or slide, document or square (default: the chart's own size)",
    )
    p.add_argument("--theme", choices=("light", "dark"), default="light", help="colours (default light)")
    commands["export chart"] = cmd_export_chart

    p = groups["export"].add_parser(
        "csv",
        help="the tables as CSV files in a folder",
        description="Write relationships, meetings, action items, goals, milestones and progress entries "
        "as CSV files (one per table) into DIR.",
    )
    p.add_argument("out", metavar="DIR", help="the folder to write into (created when missing)")
    commands["export csv"] = cmd_export_csv

    p = groups[""].add_parser(
        "report",
        help="a PDF progress report",
        description="A multi-page PDF: summary, the four charts, goals with milestones and the meeting log.",
    )
    p.add_argument("out", metavar="OUT.pdf")
    _period_arguments(p)
    commands["report"] = cmd_report


def cmd_export_chart(args: argparse.Namespace) -> int:
    from mentordesk.charts.export import format_for, parse_size
    from mentordesk.services.insights_types import InsightsFilter

    out = Path(args.out)
    format_for(out)  # a wrong suffix is refused before any work
    size = parse_size(args.size, dpi=args.dpi) if args.size else None
    services = open_services(args)
    try:
        insights = services.insights
        period = insights.period_between(args.start, args.end)
        ids = insights.relationship_ids_named(args.relationship) if args.relationship else None
        data = insights.chart_data(args.kind, InsightsFilter(period, relationship_ids=ids))
        today = insights.today()
    finally:
        services.close()

    from mentordesk.charts.export import export_figure
    from mentordesk.charts.figures import chart_figure

    fig = chart_figure(args.kind, data, theme=args.theme, start=period.start, end=period.end, today=today)
    export_figure(fig, out, dpi=args.dpi, size=size)
    print(
        f"{CHART_HELP[args.kind]} ({period.start.isoformat()} to {period.end.isoformat()}) written to {out}"
    )
    return 0


def cmd_export_csv(args: argparse.Namespace) -> int:
    from mentordesk.charts.export import write_csv_tables

    services = open_services(args)
    try:
        tables = services.insights.csv_tables()
    finally:
        services.close()
    paths = write_csv_tables(Path(args.out), tables)
    for path, rows in zip(paths, tables.values(), strict=True):
        print(f"{path}: {len(rows) - 1} rows")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from mentordesk.services.errors import ValidationError

    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise ValidationError(
            f"The report is a PDF: choose a file name ending in .pdf, not {out.name!r}", field="path"
        )
    services = open_services(args)
    try:
        period = services.insights.period_between(args.start, args.end)
        data = services.insights.report_data(period)
    finally:
        services.close()

    from mentordesk.charts.report import build_report

    pages = build_report(data, out)
    print(
        f"progress report ({period.start.isoformat()} to {period.end.isoformat()}, {pages} pages) written to {out}"
    )
    return 0
