"""The `citydesk` command: the desktop app, and subcommands for headless work.

One module per command group: `app` (the window), `demo`, `backup` (backup and restore),
`addresses` (import-addresses), `report` (the weekly PDF), `tickets_csv` (export,
export-metrics, import), `tickets_cmd` (ticket add|note|status, tickets), `sync` (connect and
connect --adopt, sync, sync-status, conflicts), `users` (user rename) and `settings_cmd` (setting
list|set). Each adds its subparser with a `handler`; only `app` loads Qt, and only inside a function.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from citydesk.cli.addresses import add_addresses_parser
from citydesk.cli.app import add_app_options, cmd_app
from citydesk.cli.backup import add_backup_parsers
from citydesk.cli.demo import add_demo_parser
from citydesk.cli.report import add_report_parser
from citydesk.cli.settings_cmd import add_settings_parsers
from citydesk.cli.sync import add_sync_parsers
from citydesk.cli.tickets_cmd import add_tickets_parsers
from citydesk.cli.tickets_csv import add_csv_parsers
from citydesk.cli.users import add_users_parsers
from citydesk.domain.errors import CitydeskError

if TYPE_CHECKING:
    from citydesk.domain.clock import Clock


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for `citydesk`."""
    parser = argparse.ArgumentParser(prog="citydesk", description="citydesk: the city's service desk.")
    add_app_options(parser)
    sub = parser.add_subparsers(dest="command")
    add_demo_parser(sub)
    add_backup_parsers(sub)
    add_addresses_parser(sub)
    add_report_parser(sub)
    add_csv_parsers(sub)
    add_tickets_parsers(sub)
    add_sync_parsers(sub)
    add_users_parsers(sub)
    add_settings_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None, *, clock: Clock | None = None) -> int:
    """Entry point of the `citydesk` command; `clock` (default: the system's) gives every default "now"."""
    args = build_parser().parse_args(argv)
    args.clock = clock
    handler = getattr(args, "handler", cmd_app)
    try:
        return int(handler(args))
    except CitydeskError as exc:
        print(f"citydesk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\ncitydesk: interrupted; nothing was half-written.", file=sys.stderr)
        return 130
