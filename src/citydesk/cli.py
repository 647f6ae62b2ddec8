"""The `citydesk` command: the desktop app, and subcommands for headless work."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from citydesk import __version__
from citydesk.domain.errors import CitydeskError


def _database_arg(parser: argparse.ArgumentParser, default: object = None) -> None:
    parser.add_argument(
        "--database",
        default=default,
        metavar="PATH",
        type=Path,
        help="the database file (default: $CITYDESK_DATABASE or the user's data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for `citydesk`."""
    parser = argparse.ArgumentParser(prog="citydesk", description="citydesk: the city's service desk.")
    parser.add_argument("--version", action="version", version=f"citydesk {__version__}")
    _database_arg(parser)
    parser.add_argument("--demo", action="store_true", help="open the demo database")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open the main window, wait for the first paint and exit (0 when it worked)",
    )
    sub = parser.add_subparsers(dest="command")

    demo = sub.add_parser("demo", help="create the demo database (a realistic small city)")
    _database_arg(demo, default=argparse.SUPPRESS)
    demo.add_argument(
        "--tickets", type=int, default=None, help="number of tickets (default: 26 weeks' worth)"
    )
    demo.add_argument(
        "--as-of", type=date.fromisoformat, default=None, help="last day of the data (YYYY-MM-DD)"
    )
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--if-missing", action="store_true", help="do nothing when the demo database exists")
    demo.add_argument("--force", action="store_true", help="replace an existing demo database")

    backup = sub.add_parser("backup", help="copy the database to a timestamped file")
    _database_arg(backup, default=argparse.SUPPRESS)
    backup.add_argument(
        "--to", type=Path, default=None, help="folder for the copy (default: backups/ beside it)"
    )

    restore = sub.add_parser("restore", help="replace the database with a verified backup")
    _database_arg(restore, default=argparse.SUPPRESS)
    restore.add_argument("file", type=Path)

    addresses = sub.add_parser("import-addresses", help="import the city's address list from a CSV file")
    _database_arg(addresses, default=argparse.SUPPRESS)
    addresses.add_argument("file", type=Path, help="CSV: address, id, ward/district, lat, long, aliases")
    addresses.add_argument("--dry-run", action="store_true", help="check the file and say what would change")

    from citydesk.reports.commands import add_report_parser

    add_report_parser(sub)
    from citydesk.reports.csv_commands import add_csv_parsers

    add_csv_parsers(sub)
    return parser


def _progress(done: int, total: int) -> None:
    if total:
        width = 30
        filled = int(width * done / total)
        print(f"\r  [{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,} tickets", end="", flush=True)


def cmd_demo(args: argparse.Namespace) -> int:
    """Create the demo database."""
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

    as_of = args.as_of or date.today()
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


def cmd_backup(args: argparse.Namespace) -> int:
    """Back the database up."""
    from citydesk.domain.clock import SystemClock
    from citydesk.store.backup import backup_database
    from citydesk.store.db import default_database_path

    path: Path = args.database or default_database_path()
    target = backup_database(path, args.to or path.parent / "backups", now=SystemClock().now())
    print(f"Backed up to {target}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Restore a verified backup (the current file is kept beside it)."""
    from citydesk.domain.clock import SystemClock
    from citydesk.store.backup import restore_database
    from citydesk.store.db import default_database_path

    path: Path = args.database or default_database_path()
    kept = restore_database(args.file, path, now=SystemClock().now())
    print(f"Restored {args.file} to {path} with a new device identity.")
    if kept:
        print(f"The previous database was kept as {kept}")
    return 0


def cmd_app(args: argparse.Namespace) -> int:
    """Start the desktop app."""
    from citydesk.store.db import default_database_path, demo_database_path

    path = args.database or (demo_database_path() if args.demo else default_database_path())
    from citydesk.ui.app import run_app  # the only place the CLI reaches into the UI layer

    return run_app(path, self_test=args.self_test)


def cmd_report(args: argparse.Namespace) -> int:
    """Write the weekly status report PDF."""
    from citydesk.reports.commands import cmd_report as run

    return run(args)


def cmd_import_addresses(args: argparse.Namespace) -> int:
    """Import (or with --dry-run, check) an address list, as the system actor."""
    from citydesk.domain.roles import SYSTEM_ACTOR
    from citydesk.services.addresses import AddressFileError, import_addresses
    from citydesk.store.db import default_database_path, open_database

    db = open_database(args.database or default_database_path())
    try:
        summary = import_addresses(db, actor=SYSTEM_ACTOR, path=args.file, dry_run=args.dry_run)
    except AddressFileError as exc:
        print(f"citydesk: nothing was imported from {args.file}:", file=sys.stderr)
        for error in exc.errors:
            print(f"  {error}", file=sys.stderr)
        return 1
    finally:
        db.close()
    print(("Dry run (nothing written): " if args.dry_run else "") + summary.describe())
    return 0


def cmd_csv(args: argparse.Namespace) -> int:
    """CSV export and import (handlers in `citydesk.reports.csv_commands`)."""
    return int(args.handler(args))


COMMANDS = {"demo": cmd_demo, "backup": cmd_backup, "restore": cmd_restore, "report": cmd_report,
            "import-addresses": cmd_import_addresses}  # fmt: skip
COMMANDS.update({"export": cmd_csv, "export-metrics": cmd_csv, "import": cmd_csv})


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `citydesk` command."""
    args = build_parser().parse_args(argv)
    handler = COMMANDS.get(args.command or "", cmd_app)
    try:
        return handler(args)
    except CitydeskError as exc:
        print(f"citydesk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\ncitydesk: interrupted; nothing was half-written.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
