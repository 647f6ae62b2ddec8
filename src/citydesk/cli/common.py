"""What the `citydesk` subcommands share: the --database option, opening the file, the clock."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from citydesk.domain.clock import Clock
    from citydesk.domain.roles import Actor
    from citydesk.store.db import Database

DATABASE_HELP = "the database file (default: $CITYDESK_DATABASE or the user's data folder)"
USER_HELP = "your user name (an active user allowed to do this): every change names the person who made it"


def database_arg(parser: argparse.ArgumentParser, default: object = argparse.SUPPRESS) -> None:
    """Add --database; SUPPRESS (the subcommands' default) keeps a --database given before the subcommand."""
    parser.add_argument("--database", default=default, metavar="PATH", type=Path, help=DATABASE_HELP)


def user_arg(parser: argparse.ArgumentParser) -> None:
    """Add the required --user of a command that writes (its changes are authored by that user)."""
    parser.add_argument("--user", required=True, metavar="NAME", help=USER_HELP)


def setup_admin_arg(parser: argparse.ArgumentParser) -> None:
    """Add the optional --user of a setup command: the admin doing it, else the system (as at setup)."""
    parser.add_argument(
        "--user", default=None, metavar="NAME", help="the admin doing this (default: the system, as at setup)"
    )


def setup_actor(db: Database, args: argparse.Namespace) -> Actor:
    """The actor of a setup command: the admin --user names, else the system user."""
    from citydesk.domain.roles import SYSTEM_ACTOR
    from citydesk.services.setup import actor_for_username

    return actor_for_username(db, args.user) if args.user else SYSTEM_ACTOR


def acting_user(db: Database, args: argparse.Namespace) -> Actor:
    """The signed-in identity for --user: an active user of the database, never the system user."""
    from citydesk.services.setup import actor_for_username

    return actor_for_username(db, args.user)


def database_path(args: argparse.Namespace) -> Path:
    """The database the command works on: --database, else the office's default database."""
    from citydesk.store.db import default_database_path

    given: Path | None = getattr(args, "database", None)
    return given or default_database_path()


def clock_of(args: argparse.Namespace) -> Clock:
    """The clock the command's database runs on: the one given to `main(clock=...)`, else the system's."""
    from citydesk.domain.clock import SystemClock

    clock: Clock | None = getattr(args, "clock", None)
    return clock or SystemClock()


def now(args: argparse.Namespace) -> datetime:
    """The current instant (UTC) from the command's clock."""
    return clock_of(args).now()


def city_today(args: argparse.Namespace, time_zone: str) -> date:
    """Today's date in the city's time zone, from the command's clock."""
    from zoneinfo import ZoneInfo

    return now(args).astimezone(ZoneInfo(time_zone)).date()


def existing_database(args: argparse.Namespace) -> Path:
    """The command's database file; StorageError when there is none."""
    from citydesk.store.db import StorageError

    database = database_path(args)
    if not database.exists():
        raise StorageError(f"There is no database at {database}.")
    return database


def open_existing(args: argparse.Namespace, *, read_only: bool, checked: Path | None = None) -> Database:
    """Open the command's existing database (`checked`: already found by existing_database) on its clock."""
    from citydesk.store.db import open_database

    database = checked or existing_database(args)
    return open_database(database, clock=clock_of(args), read_only=read_only, create=False)
