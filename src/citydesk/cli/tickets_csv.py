"""`citydesk export`, `citydesk export-metrics` and `citydesk import`: CSV in and out, headless.

    citydesk export FILE.csv [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--status new,in_progress]
                    [--open | --closed] [--department CODE|NAME] [--category NAME] [--priority P1]
                    [--scope city|office:CODE|department:CODE] [--notes] [--public-records]
    citydesk export-metrics FILE.csv [--week 2026-W47] [--scope city]
    citydesk import FILE.csv --user NAME [--map 'Title=title,Date Created=created_at,...'] [--dry-run]
                    [--status-map 'other=new,archived=closed'] [--problems PROBLEMS.csv]

`--user` names the admin doing the import (required, also with --dry-run): the imported tickets and
requesters are authored by that person, never by the system user.

Exit codes: 0 done; 1 bad input or nothing imported (every problem is printed, one per line, with
its spreadsheet row number and column, and with `--problems` written to a CSV file); the import
writes all rows or none.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from citydesk.cli.common import acting_user, database_arg, open_existing, user_arg
from citydesk.domain.errors import CitydeskError


def add_csv_parsers(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `export`, `export-metrics` and `import` to the `citydesk` parser."""
    export = subparsers.add_parser(
        "export",
        help="export tickets as CSV (UTF-8 with BOM, city time with offset)",
        description="Export tickets as CSV for a spreadsheet.",
    )
    export.add_argument("file", type=Path, metavar="FILE.csv")
    export.add_argument("--from", dest="created_from", type=date.fromisoformat, metavar="YYYY-MM-DD",
                        help="created on or after this day (city time)")  # fmt: skip
    export.add_argument("--to", dest="created_to", type=date.fromisoformat, metavar="YYYY-MM-DD",
                        help="created on or before this day (city time)")  # fmt: skip
    export.add_argument("--status", default="", help="comma-separated statuses (new,in_progress,...)")
    state = export.add_mutually_exclusive_group()
    state.add_argument("--open", dest="open_only", action="store_const", const=True, help="open tickets only")
    state.add_argument("--closed", dest="open_only", action="store_const", const=False,
                       help="resolved and closed tickets only")  # fmt: skip
    export.add_argument("--department", help="department code or name")
    export.add_argument("--category", help="category name")
    export.add_argument("--priority", help="P1, P2, P3 or Ops")
    export.add_argument("--scope", default="city", help="city (default), office:CODE or department:CODE")
    export.add_argument("--notes", action="store_true", help="add a column with the tickets' notes")
    export.add_argument(
        "--public-records",
        action="store_true",
        help="redact confidential requesters, leave out internal notes, and say so in the file",
    )
    database_arg(export)
    export.set_defaults(handler=cmd_export)

    metrics = subparsers.add_parser(
        "export-metrics", help="export a week's metrics as CSV", description="Export a week's metrics as CSV."
    )
    metrics.add_argument("file", type=Path, metavar="FILE.csv")
    metrics.add_argument(
        "--week", metavar="YYYY-Www", default=None, help="ISO week (default: last full week)"
    )
    metrics.add_argument("--scope", default="city", help="city (default), office:CODE or department:CODE")
    database_arg(metrics)
    metrics.set_defaults(handler=cmd_export_metrics)

    imp = subparsers.add_parser(
        "import",
        help="import tickets and requesters from a spreadsheet CSV (all rows or none)",
        description="Import tickets and their requesters from a CSV file. Every row is checked first; "
        "if any row has a problem nothing is written.",
    )
    imp.add_argument("file", type=Path, metavar="FILE.csv")
    imp.add_argument(
        "--map",
        dest="mapping",
        default=None,
        metavar="'Column=field,...'",
        help="source column to citydesk field (default: guessed from the column names); fields: "
        + ", ".join(_targets()),
    )
    imp.add_argument(
        "--status-map",
        default=None,
        metavar="'word=status,...'",
        help="status words of the source system and the citydesk status each means "
        "(new, assigned, in_progress, waiting_requester, waiting_vendor, waiting_parts, resolved, closed)",
    )
    imp.add_argument(
        "--problems",
        type=Path,
        default=None,
        metavar="PROBLEMS.csv",
        help="write every problem (row, column, message) to this CSV file, for a spreadsheet",
    )
    imp.add_argument("--dry-run", action="store_true", help="check and report; write nothing")
    database_arg(imp)
    user_arg(imp)
    imp.set_defaults(handler=cmd_import)


def _targets() -> list[str]:
    from citydesk.reports.csvio.mapping import TARGETS

    return list(TARGETS)


def _fail(command: str, exc: CitydeskError) -> int:
    print(f"citydesk {command}: {exc}", file=sys.stderr)
    return 1


def cmd_export(args: argparse.Namespace) -> int:
    """Run `citydesk export`."""
    from citydesk.reports.csvio.export import export_tickets, make_filter
    from citydesk.reports.metrics import parse_scope

    try:
        db = open_existing(args, read_only=True)
        try:
            with db.read() as session:
                flt = make_filter(
                    session,
                    created_from=args.created_from,
                    created_to=args.created_to,
                    statuses=args.status.split(",") if args.status else (),
                    open_only=args.open_only,
                    department=args.department,
                    category=args.category,
                    priority=args.priority,
                    scope=parse_scope(session, args.scope),
                )
                summary = export_tickets(session, args.file, flt, public_records=args.public_records,
                                         with_notes=args.notes, now=db.clock.now())  # fmt: skip
        finally:
            db.close()
    except CitydeskError as exc:
        return _fail("export", exc)
    extra = " (public records: confidential requesters redacted, internal notes left out)"
    print(f"{summary.rows:,} tickets written to {summary.path}{extra if summary.public_records else ''}")
    return 0


def cmd_export_metrics(args: argparse.Namespace) -> int:
    """Run `citydesk export-metrics`."""
    from citydesk.domain.calendar import parse_week
    from citydesk.reports.csvio.metrics_export import export_metrics
    from citydesk.reports.metrics import last_full_week, parse_scope, weekly_metrics
    from citydesk.reports.working_language import working_language
    from citydesk.store.settings import load_calendar

    try:
        db = open_existing(args, read_only=True)
        try:
            now = db.clock.now()
            with db.read() as session:
                calendar = load_calendar(session)
                year, week = parse_week(args.week) if args.week else last_full_week(calendar, now)
                scope = parse_scope(session, args.scope)
                metrics = weekly_metrics(session, year=year, week=week, scope=scope, now=now)
                language = working_language(session)  # the header row in the city's working language
        finally:
            db.close()
        summary = export_metrics(metrics, args.file, language=language)
    except CitydeskError as exc:
        return _fail("export-metrics", exc)
    print(f"Metrics of {metrics.week_id} ({metrics.scope_name}) written to {summary.path}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Run `citydesk import`: check every row, print the problems, write all rows or none."""
    from citydesk.domain.csvfile import CsvProblems
    from citydesk.domain.permissions import Action, require
    from citydesk.reports.csvio.mapping import format_mapping, guess_mapping, parse_mapping, parse_status_map
    from citydesk.reports.csvio.parse import preview, read_csv
    from citydesk.reports.csvio.problems import write_problems
    from citydesk.services.csv_import import import_tickets

    try:
        status_map = parse_status_map(args.status_map) if args.status_map else {}
        try:
            table = read_csv(args.file)
        except CsvProblems as exc:  # an unreadable file: its problems go to the list too
            if args.problems:
                write_problems(args.problems, exc.problems)
            raise
        mapping = parse_mapping(args.mapping, table.headers) if args.mapping else guess_mapping(table.headers)
        if table.notice:
            print(f"Note: {table.notice}", file=sys.stderr)
        print(f"Mapping: {format_mapping(mapping) or '(none)'}")
        db = open_existing(args, read_only=args.dry_run)
        try:
            actor = acting_user(db, args)
            require(actor.role, Action.IMPORT_DATA)
            with db.read() as session:
                plan = preview(session, table, mapping, now=db.clock.now(), status_map=status_map)
            lines = plan.error_lines()
            for line in lines:  # every problem, as the module docstring promises
                print(line, file=sys.stderr)
            for notice in plan.notices():
                print(f"Note: {notice}", file=sys.stderr)
            if args.problems:  # before any import: a path that cannot be written stops it
                write_problems(args.problems, plan.all_problems)
                print(f"{len(lines):,} problem(s) written to {args.problems}", file=sys.stderr)
            if not plan.ok:
                print(
                    f"Nothing was imported: {len(lines):,} problem(s) in {plan.total:,} rows.",
                    file=sys.stderr,
                )
                return 1
            if args.dry_run:
                print(f"Dry run: all {len(plan.rows):,} rows are ready to import; nothing was written.")
                return 0
            result = import_tickets(db, actor=actor, plan=plan, source_name=args.file.name)
        finally:
            db.close()
    except CitydeskError as exc:
        print(f"citydesk import: {exc}", file=sys.stderr)
        print("Nothing was imported.", file=sys.stderr)
        return 1
    extra = ""
    if result.repeated:
        extra += f"; {result.repeated:,} repeated rows skipped"
    if result.undated:
        extra += f"; {result.undated:,} imported as resolved (date unknown)"
    print(
        f"Imported {result.tickets:,} tickets ({result.first_number} to {result.last_number}); "
        f"{result.requesters_created:,} new requesters, {result.requesters_reused:,} matched existing ones"
        f"{extra}."
    )
    return 0
