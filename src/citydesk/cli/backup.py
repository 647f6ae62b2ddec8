"""`citydesk backup` and `citydesk restore`: a timestamped copy of the database, and putting one back."""

from __future__ import annotations

import argparse
from pathlib import Path

from citydesk.cli.common import database_arg, database_path, now


def add_backup_parsers(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `backup` and `restore` subcommands to the `citydesk` parser."""
    backup = subparsers.add_parser("backup", help="copy the database to a timestamped file")
    database_arg(backup)
    backup.add_argument(
        "--to", type=Path, default=None, help="folder for the copy (default: backups/ beside it)"
    )
    backup.set_defaults(handler=cmd_backup)

    restore = subparsers.add_parser("restore", help="replace the database with a verified backup")
    database_arg(restore)
    restore.add_argument("file", type=Path)
    restore.set_defaults(handler=cmd_restore)


def cmd_backup(args: argparse.Namespace) -> int:
    """Back the database up (the copy is named after the clock's time)."""
    from citydesk.store.backup import backup_database

    path = database_path(args)
    target = backup_database(path, args.to or path.parent / "backups", now=now(args))
    print(f"Backed up to {target}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Restore a verified backup (the current file is kept beside it)."""
    from citydesk.store.backup import restore_database

    path = database_path(args)
    kept = restore_database(args.file, path, now=now(args))
    print(f"Restored {args.file} to {path} with a new device identity.")
    if kept:
        print(f"The previous database was kept as {kept}")
    return 0
