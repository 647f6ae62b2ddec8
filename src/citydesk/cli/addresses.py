"""`citydesk import-addresses`: import the city's address list from a CSV file (all or nothing)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from citydesk.cli.common import acting_user, clock_of, database_arg, database_path, user_arg


def add_addresses_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `import-addresses` subcommand to the `citydesk` parser."""
    addresses = subparsers.add_parser(
        "import-addresses", help="import the city's address list from a CSV file"
    )
    database_arg(addresses)
    user_arg(addresses)
    addresses.add_argument("file", type=Path, help="CSV: address, id, ward/district, lat, long, aliases")
    addresses.add_argument("--dry-run", action="store_true", help="check the file and say what would change")
    addresses.set_defaults(handler=cmd_import_addresses)


def cmd_import_addresses(args: argparse.Namespace) -> int:
    """Import (or with --dry-run, check) an address list, as the admin named by --user."""
    from citydesk.domain.csvfile import CsvProblems
    from citydesk.services.addresses import import_addresses
    from citydesk.store.db import open_database

    db = open_database(database_path(args), clock=clock_of(args))
    try:
        actor = acting_user(db, args)
        summary = import_addresses(db, actor=actor, path=args.file, dry_run=args.dry_run)
    except CsvProblems as exc:
        print(f"citydesk: nothing was imported from {args.file}:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem.text()}", file=sys.stderr)
        return 1
    finally:
        db.close()
    if summary.notice:
        print(f"Note: {summary.notice}", file=sys.stderr)
    print(("Dry run (nothing written): " if args.dry_run else "") + summary.describe())
    return 0
