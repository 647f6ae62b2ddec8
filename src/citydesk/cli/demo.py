"""`citydesk demo`: create the demo database (a realistic small city)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from citydesk.cli.common import city_today, database_arg


def add_demo_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `demo` subcommand to the `citydesk` parser."""
    demo = subparsers.add_parser("demo", help="create the demo database (a realistic small city)")
    database_arg(demo)
    demo.add_argument(
        "--tickets", type=int, default=None, help="number of tickets (default: 26 weeks' worth)"
    )
    demo.add_argument(
        "--as-of", type=date.fromisoformat, default=None, help="last day of the data (YYYY-MM-DD)"
    )
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--if-missing", action="store_true", help="do nothing when the demo database exists")
    demo.add_argument("--force", action="store_true", help="replace an existing demo database")
    demo.set_defaults(handler=cmd_demo)


def _progress(done: int, total: int) -> None:
    if total:
        width = 30
        filled = int(width * done / total)
        print(f"\r  [{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,} tickets", end="", flush=True)


def cmd_demo(args: argparse.Namespace) -> int:
    """Create the demo database; --as-of defaults to today in the demo city's time zone."""
    from citydesk.domain.clock import ManualClock
    from citydesk.store.db import demo_database_path, open_database

    path: Path = args.database or demo_database_path()
    if path.exists() and path.stat().st_size > 0:
        if args.if_missing:
            print(f"Demo database already at {path}")
            return 0
        if not args.force:
            print(f"A demo database already exists at {path}; use --force to replace it.", file=sys.stderr)
            return 2
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    from datetime import UTC, datetime, time

    from citydesk.demo import create_demo
    from citydesk.demo.content import TIME_ZONE

    as_of = args.as_of or city_today(args, TIME_ZONE)
    clock = ManualClock(datetime.combine(as_of, time(23, 0), tzinfo=UTC))
    db = open_database(path, clock=clock)
    try:
        print(f"Creating the demo city in {path} ...")
        summary = create_demo(db, as_of=as_of, tickets=args.tickets, seed=args.seed, progress=_progress)
    finally:
        db.close()
    print(
        f"\nDone: {summary.tickets:,} tickets, {summary.requesters:,} requesters, "
        f"{summary.addresses:,} addresses, {summary.contacts:,} questions and status inquiries, "
        f"{summary.users} staff, "
        f"{summary.first_date} to {summary.last_date}, in {summary.elapsed_seconds:.1f} s."
    )
    return 0
