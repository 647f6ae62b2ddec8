"""Sync by file, headless: `citydesk sync --to-file FILE`, `citydesk sync --from-file REPLY` and
`citydesk connect --enrol-file FILE [--url URL]`, and `citydesk sync --enable-file-sync` for a PC enrolled
over the network (the options are added to the `sync` and `connect`
parsers of `cli.sync`, which hand over to these functions when they are given).

Exit codes as `citydesk sync`: 0 done; 1 the message explains (an altered, foreign or already read file);
75 another sync is running (try again in a moment).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from citydesk.cli.common import clock_of, database_path, open_existing

if TYPE_CHECKING:
    from citydesk.store.db import Database
    from citydesk.sync.http import SyncClient

EXIT_TEMPORARY = 75


def add_file_options(sync: argparse.ArgumentParser, connect: argparse.ArgumentParser) -> None:
    """Add --to-file/--from-file to `sync` and --enrol-file/--url to `connect`."""
    group = sync.add_mutually_exclusive_group()
    group.add_argument("--to-file", type=Path, default=None, metavar="FILE",
                       help="no connection: write this PC's unsent changes to FILE (a USB stick) for the "
                       "city's server (`citydesk-server exchange`)")  # fmt: skip
    group.add_argument("--from-file", type=Path, default=None, metavar="REPLY",
                       help="read the reply the city's server wrote for this PC's last file")  # fmt: skip
    group.add_argument("--enable-file-sync", action="store_true",
                       help="while connected: set this PC up to sync by file too")  # fmt: skip
    connect.add_argument("--enrol-file", type=Path, default=None, metavar="FILE",
                         help="enrol with the file the administrator wrote (`citydesk-server device "
                         "enrol-file`) instead of URL and --code; delete the file afterwards")  # fmt: skip
    connect.add_argument("--url", dest="enrol_url", default=None, metavar="URL",
                         help="with --enrol-file: the server's address when the file has none")  # fmt: skip


def wants_file(args: argparse.Namespace) -> bool:
    """True when `sync` was given --to-file or --from-file."""
    return getattr(args, "to_file", None) is not None or getattr(args, "from_file", None) is not None


def cmd_sync_file(args: argparse.Namespace) -> int:
    """Write this PC's sync file, or read the server's reply."""
    from citydesk.sync.by_file import read_reply, write_request
    from citydesk.sync.engine_cycle import SyncBusy

    db = open_existing(args, read_only=False)
    try:
        if args.to_file is not None:
            written = write_request(db, args.to_file)
            asks = " and asks for a full copy of the city's data" if written.first_exchange else ""
            print(f"Wrote {written.changes} change(s) to {written.path}{asks}.")
            print("Carry the file to city hall; bring back the reply and run "
                  "`citydesk sync --from-file REPLY`.")  # fmt: skip
            return 0
        try:
            done = read_reply(db, args.from_file, progress=_progress)
        except SyncBusy as exc:
            print(f"citydesk: {exc}", file=sys.stderr)
            return EXIT_TEMPORARY
    finally:
        db.close()
    copy = " (a full copy of the city's data)" if done.snapshot else ""
    print(f"The server accepted {done.accepted} change(s) from this PC; received {done.received}{copy}.")
    for rejected in done.rejected:
        print(f"A change was refused: {rejected.reason.rstrip('.')}. It is kept on this PC.")
    if done.parked:
        print(f"{done.parked} received change(s) wait for data not arrived yet (or a newer citydesk).")
    if done.clock_warning:
        print(f"Warning: {done.clock_warning}", file=sys.stderr)
        return 1
    return 0


def cmd_enable_file_sync(args: argparse.Namespace, client_for: Callable[[Database], SyncClient]) -> int:
    """Register this connected PC's key for sync by file (`client_for` makes its HTTP client)."""
    from citydesk.sync.by_file_enrol import enable_file_sync

    db = open_existing(args, read_only=False)
    try:
        client = client_for(db)
        try:
            city = enable_file_sync(db, client)
        finally:
            client.close()
    finally:
        db.close()
    print(f"This PC can now also sync with {city}'s server by file: `citydesk sync --to-file FILE`.")
    return 0


def cmd_connect_file(args: argparse.Namespace) -> int:
    """Import an enrolment file into a new office database."""
    from citydesk.sync.by_file_enrol import import_enrolment

    path = database_path(args)
    done = import_enrolment(path, args.enrol_file, server_url=args.enrol_url or args.url,
                            ca_bundle=args.ca_bundle, clock=clock_of(args))  # fmt: skip
    print(f"Enrolled {path} as {done.number_prefix} (office {done.office_code}) of {done.city}; its tickets "
          f"are numbered {done.number_prefix}-000001 on.")  # fmt: skip
    print("Next: `citydesk sync --to-file FILE`, carry FILE to city hall, and read the reply with "
          "`citydesk sync --from-file REPLY` (the first reply brings all the city's data).")  # fmt: skip
    print(f"Now delete {args.enrol_file}: it is a secret and is no longer needed.", file=sys.stderr)
    return 0


def _progress(phase: str, done: int, total: int | None) -> None:
    what = {"snapshot": "Reading the full copy", "pull": "Reading the changes"}.get(phase, phase)
    print(f"{what}… {done}/{total}" if total else f"{what}…", file=sys.stderr, flush=True)
