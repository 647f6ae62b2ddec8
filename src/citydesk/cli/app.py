"""`citydesk [--demo] [--self-test]`: open the desktop app (the only command that loads Qt)."""

from __future__ import annotations

import argparse

from citydesk import __version__
from citydesk.cli.common import database_arg


def add_app_options(parser: argparse.ArgumentParser) -> None:
    """Add the top-level options: --version, --database, --demo and --self-test."""
    parser.add_argument("--version", action="version", version=f"citydesk {__version__}")
    database_arg(parser, default=None)
    parser.add_argument("--demo", action="store_true", help="open the demo database")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open the main window, wait for the first paint and exit (0 when it worked)",
    )


def cmd_app(args: argparse.Namespace) -> int:
    """Start the desktop app."""
    from citydesk.store.db import default_database_path, demo_database_path

    path = args.database or (demo_database_path() if args.demo else default_database_path())
    from citydesk.ui.app import run_app  # the only place the CLI reaches into the UI layer

    return run_app(path, self_test=args.self_test)
