"""`citydesk report`: write the weekly status report PDF headless (for scripts and the scheduler).

    citydesk report [--week 2026-W47] [--scope city|office:CODE|department:CODE] --out FILE.pdf
                    [--page-size letter|a4] [--database PATH]

The default week is the last full week in city time (now: the database's clock). Prints the path
written and exits 0; a clear message and exit 1 on bad input (unknown week or scope, future week,
unwritable folder).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from citydesk.cli.common import database_arg, existing_database, open_existing
from citydesk.domain.errors import CitydeskError


def add_report_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """Add the `report` subcommand to the `citydesk` parser."""
    parser = subparsers.add_parser(
        "report",
        help="write the weekly status report as a PDF",
        description="Write the weekly status report (PDF) for one week and scope.",
    )
    parser.add_argument(
        "--week",
        metavar="YYYY-Www",
        default=None,
        help="the ISO week (default: the last full week, city time)",
    )
    parser.add_argument(
        "--scope",
        default="city",
        metavar="SCOPE",
        help="city (default), office:CODE or department:CODE",
    )
    parser.add_argument("--out", metavar="FILE.pdf", type=Path, required=True, help="the PDF file to write")
    parser.add_argument(
        "--page-size", choices=("letter", "a4"), default="letter", help="paper size (default letter)"
    )
    database_arg(parser)
    parser.set_defaults(handler=cmd_report)
    return parser


def cmd_report(args: argparse.Namespace) -> int:
    """Run `citydesk report`: compute the week's metrics and write the PDF; 0 on success, 1 on error."""
    try:
        path = _write_report(args)
    except CitydeskError as exc:
        print(f"citydesk report: {exc}", file=sys.stderr)
        return 1
    print(path)
    return 0


def _write_report(args: argparse.Namespace) -> Path:
    from citydesk.domain.calendar import parse_week
    from citydesk.reports.weekly.writer import write_weekly_report

    database = existing_database(args)
    week = parse_week(args.week) if args.week else None
    db = open_existing(args, read_only=True, checked=database)
    try:
        written = write_weekly_report(
            db, now=db.clock.now(), scope=args.scope, week=week, out=args.out, page_size=args.page_size
        )
    finally:
        db.close()
    return written.path
