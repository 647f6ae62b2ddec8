"""`citydesk connect`, `citydesk sync`, `citydesk sync-status` and `citydesk conflicts`: sync, headless.

    citydesk connect URL --code CODE [--ca-bundle FILE] [--name PC-NAME] [--database PATH] [--reenrol]
    citydesk connect URL --code CODE --adopt --database STANDALONE.sqlite [--ca-bundle FILE]
    citydesk connect --enrol-file FILE [--url URL] [--database PATH]     (see cli.sync_file)
    citydesk sync [--to-file FILE | --from-file REPLY | --export-outbox FILE] [--database PATH]
    citydesk sync-status [--json] [--database PATH]
    citydesk conflicts [--json] [--database PATH]

`sync` runs one full cycle (send this PC's changes, receive everyone else's), shows progress on stderr
and a summary on stdout. Exit codes: 0 done; 1 an error the message explains (a refused credential, a
too-old citydesk, bad input); 75 try again later (the server unreachable, another sync running).
The credential lives only in the OS keyring (see `citydesk.sync.credentials` when there is none).
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
from dataclasses import asdict, is_dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from citydesk.cli.common import clock_of, database_arg, database_path, open_existing
from citydesk.cli.sync_file import (
    add_file_options,
    cmd_connect_file,
    cmd_enable_file_sync,
    cmd_sync_file,
    wants_file,
)
from citydesk.domain.errors import CitydeskError

if TYPE_CHECKING:
    import httpx

    from citydesk.store.db import Database
    from citydesk.sync.http import SyncClient

EXIT_TEMPORARY = 75  # EX_TEMPFAIL: the server unreachable or another sync running; try again later


class ConnectUsage(CitydeskError):
    """`connect` given neither URL and --code nor --enrol-file."""


def add_sync_parsers(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `connect`, `sync`, `sync-status` and `conflicts` to the `citydesk` parser."""
    connect = subparsers.add_parser(
        "connect",
        help="enrol this PC with the city's sync server (makes a new office database)",
        description="Enrol this PC with a one-time code from the city's administrator. Makes a new "
        "database (or fills an empty one), keeps the PC's credential in the OS keyring, and downloads "
        "everything.",
    )
    connect.add_argument(
        "url", metavar="URL", nargs="?", default=None, help="the server's address, e.g. https://sync.city.gov"
    )
    connect.add_argument("--code", default=None, help="the one-time enrolment code")
    connect.add_argument("--ca-bundle", type=Path, default=None, metavar="FILE",
                         help="a PEM file of the authority that issued the server's certificate")  # fmt: skip
    connect.add_argument(
        "--name", default=None, metavar="PC-NAME", help="this PC's name (default: its host name)"
    )
    connect.add_argument("--adopt", action="store_true",
                         help="adopt the standalone office database given with --database (an adoption "
                         "code): its tickets, users and numbers join the city's server")  # fmt: skip
    database_arg(connect)
    connect.set_defaults(handler=cmd_connect)
    add_reenrol_option(connect)

    sync = subparsers.add_parser("sync", help="send this PC's changes and receive everyone else's (once)")
    database_arg(sync)
    add_export_option(sync)
    sync.set_defaults(handler=cmd_sync)

    status = subparsers.add_parser("sync-status", help="what waits to be sent, parked or refused; last sync")
    status.add_argument("--json", action="store_true", help="as one JSON object")
    database_arg(status)
    status.set_defaults(handler=cmd_sync_status)

    conflicts = subparsers.add_parser("conflicts", help="fields two people changed differently at once")
    conflicts.add_argument("--json", action="store_true", help="as one JSON array")
    database_arg(conflicts)
    conflicts.set_defaults(handler=cmd_conflicts)
    add_file_options(sync, connect)


def http_client() -> httpx.Client | None:
    """The httpx client the commands reach the server through: None makes a real one (tests replace this
    function to reach an in-process server through FastAPI's TestClient)."""
    return None


def make_client(url: str, credential: str | None, ca_bundle: Path | None) -> SyncClient:
    """The SyncClient of the commands."""
    from citydesk.sync.http import SyncClient

    return SyncClient(url, credential=credential, client=http_client(), ca_bundle=ca_bundle)


def cmd_connect(args: argparse.Namespace) -> int:
    """Enrol this PC and download everything."""
    from citydesk.sync.connect import connect

    if args.enrol_file is not None:
        return cmd_connect_file(args)
    if not args.url or not args.code:
        raise ConnectUsage("Give the server's address and --code CODE (or --enrol-file FILE).")
    if getattr(args, "reenrol", False):
        return cmd_reenrol(args)
    path = database_path(args)
    name = args.name or socket.gethostname()
    if args.adopt:
        return _adopt(args, path, name)
    try:
        done = connect(path, args.url, args.code, ca_bundle=args.ca_bundle, device_name=name,
                       clock=clock_of(args), client=http_client(), progress=_progress)  # fmt: skip
    finally:
        _end_progress()
    print(
        f"Connected {path} to {done.server_url}: this PC is {done.number_prefix} "
        f"(office {done.office_code}); its tickets are numbered {done.number_prefix}-000001 on."
    )
    if done.first_error is not None:
        print(f"citydesk: the first download stopped: {done.first_error}\n"
              "Run `citydesk sync` to finish it.", file=sys.stderr)  # fmt: skip
        return 1
    if done.first_sync is not None:
        print(f"Downloaded {done.first_sync.pulled} changes.")
    return 0


def _adopt(args: argparse.Namespace, path: Path, name: str) -> int:
    """`connect --adopt`: adopt the standalone office at `path` and send its whole history."""
    from citydesk.sync.adopt import adopt_office

    try:
        done = adopt_office(path, args.url, args.code, ca_bundle=args.ca_bundle, device_name=name,
                            clock=clock_of(args), client=http_client(), progress=_progress)  # fmt: skip
    finally:
        _end_progress()
    print(f"Backed up {path} to {done.backup} before connecting.")
    print(
        f"Adopted {path} into {done.server_url}: office {done.office_code}, this PC is number "
        f"{done.device_number}; its tickets keep their numbers ({done.number_prefix}-...)."
    )
    if done.first_error is not None:
        print(f"citydesk: sending the office's history stopped: {done.first_error}\n"
              "Run `citydesk sync` to finish it.", file=sys.stderr)  # fmt: skip
        return 1
    if done.first_sync is not None:
        first = done.first_sync
        print(f"Sent {first.pushed} changes, received {first.pulled}.")
        kept = [r for r in first.rejected if r.code == "adoption_reserved"]
        if kept:
            print(f"{len(kept)} of this office's own city settings and PC rows were replaced by the city's "
                  "(as expected).")  # fmt: skip
        for rejected in first.rejected:
            if rejected.code != "adoption_reserved":
                print(_rejected_text(rejected))
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    """One full sync cycle; exit 0 only when it completed."""
    from citydesk.sync.engine import SyncBusy, sync_once
    from citydesk.sync.http import ServerUnreachable, SyncError

    if getattr(args, "export_outbox", None) is not None:
        return cmd_export_outbox(args)
    if args.enable_file_sync:
        return cmd_enable_file_sync(args, _client_for)
    if wants_file(args):
        return cmd_sync_file(args)
    db = open_existing(args, read_only=False)
    try:
        client = _client_for(db)
        try:
            result = sync_once(db, client, holder="cli", progress=_progress)
        except (ServerUnreachable, SyncBusy) as exc:
            _end_progress()
            print(f"citydesk: {exc}", file=sys.stderr)
            return EXIT_TEMPORARY
        except SyncError:
            _end_progress()
            raise
        finally:
            client.close()
    finally:
        db.close()
    _end_progress()
    print(f"Sent {result.pushed} change{'s' if result.pushed != 1 else ''}, "
          f"received {result.pulled}.")  # fmt: skip
    if result.new_identity is not None:
        print(_new_identity_text(result.new_identity))
    for rejected in result.rejected:
        print(_rejected_text(rejected))
    if result.parked:
        print(f"{result.parked} received change(s) wait for data not arrived yet (or a newer citydesk).")
    if result.conflicts:
        print(f"{len(result.conflicts)} conflict(s) to look at: `citydesk conflicts`.")
    if result.clock_warning:
        print(f"Warning: {result.clock_warning}", file=sys.stderr)
    return 0


def cmd_sync_status(args: argparse.Namespace) -> int:
    """Counts of changes waiting, parked and refused; the last sync and its server."""
    from sqlalchemy import select

    from citydesk.store.models import SyncState
    from citydesk.sync.engine_cycle import clock_warning
    from citydesk.sync.outgoing import pending_counts

    db = open_existing(args, read_only=True)
    try:
        counts = pending_counts(db)
        with db.read() as session:
            row = session.execute(select(SyncState).where(SyncState.id == 1)).scalar_one_or_none()
        state = {
            "server": row.server_url if row else None,
            "device_id": row.device_id if row else None,
            "number_prefix": row.number_prefix if row else None,
            "epoch": row.server_epoch if row else None,
            "pending": counts.outbox,
            "parked": counts.parked,
            "rejected": counts.rejected,
            "last_sync_at": _iso(row.last_sync_at) if row else None,
            "last_attempt_at": _iso(row.last_attempt_at) if row else None,
            "last_error": row.last_error if row else None,
            "clock_offset_ms": (row.clock_offset_ms or 0) if row else 0,
            "clock_warning": clock_warning(row.clock_offset_ms or 0) if row else None,
            "new_identity_pending": _identity_pending(db),
        }
    finally:
        db.close()
    if args.json:
        print(json.dumps(state, ensure_ascii=False, indent=1))
        return 0
    print(f"Server: {state['server'] or 'not connected (standalone)'}")
    print(f"Last sync: {state['last_sync_at'] or 'never'}")
    print(f"Changes waiting to be sent: {state['pending']}")
    print(f"Received changes parked: {state['parked']}")
    print(f"Changes the server refused: {state['rejected']}")
    if state["last_error"] and state["last_attempt_at"] != state["last_sync_at"]:
        print(f"Last attempt ({state['last_attempt_at']}) failed: {state['last_error']}")
    if state["clock_warning"]:
        print(f"Warning: {state['clock_warning']}")
    if state["new_identity_pending"]:
        print("This database was restored from a backup: the next sync gives it a new identity first.")
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    """The open conflicts: two or more different values on one field from the same starting point."""
    from citydesk.store.shared_numbers import duplicate_numbers
    from citydesk.sync.conflicts import open_conflicts

    db = open_existing(args, read_only=True)
    try:
        found = [_jsonable(c) for c in open_conflicts(db)]
        numbers = duplicate_numbers(db)
    finally:
        db.close()
    if args.json:
        shared = [{"kind": "duplicate_number", **_jsonable(d)} for d in numbers]
        print(json.dumps(found + shared, ensure_ascii=False, indent=1))
        return 0
    if not found and not numbers:
        print("No conflicts.")
    for duplicate in numbers:
        titles = "; ".join(f"{t.title!r} ({t.created_at:%Y-%m-%d})" for t in duplicate.tickets)
        print(f"{duplicate.number} is carried by {len(duplicate.tickets)} tickets (both keep it): {titles}")
    for item in found:
        sides = "; ".join(
            f"{s.get('author_name') or s.get('author_id')}: {s.get('value')!r}" for s in item["entries"]
        )
        print(f"{item['number']} {item['field']}: {sides}")
    return 0


# ---- copies, restores and revoked PCs ---------------------------------------------------------------


def add_reenrol_option(connect: argparse.ArgumentParser) -> None:
    """`connect --reenrol`: enrol this existing database again with a new code, as a new identity."""
    connect.add_argument(
        "--reenrol",
        action="store_true",
        help="enrol this existing database again (a revoked PC, a lost credential) with a new code; its "
        "unsent changes are then sent under the new identity",
    )


def add_export_option(sync: argparse.ArgumentParser) -> None:
    """`sync --export-outbox FILE`: write the unsent changes to a file instead of syncing (offline)."""
    sync.add_argument(
        "--export-outbox",
        type=Path,
        default=None,
        metavar="FILE",
        help="write this PC's unsent changes to FILE (JSON) and do not sync; works offline",
    )


def cmd_export_outbox(args: argparse.Namespace) -> int:
    """Export the outbox (no server contact)."""
    from citydesk.sync.outbox_export import export_outbox

    db = open_existing(args, read_only=True)
    try:
        done = export_outbox(db, args.export_outbox)
    finally:
        db.close()
    print(f"Wrote {done.changes} unsent change{'s' if done.changes != 1 else ''} to {done.path}.")
    return 0


def cmd_reenrol(args: argparse.Namespace) -> int:
    """Enrol an existing database again with a new code, then sync (its outbox goes under the new id)."""
    from citydesk.sync.connect import ConnectRefused, normalize_url, saved_ca_bundle
    from citydesk.sync.credentials import check_available
    from citydesk.sync.engine import sync_once
    from citydesk.sync.engine_cycle import read_state
    from citydesk.sync.identity import reenrol_database

    url = normalize_url(args.url)
    db = open_existing(args, read_only=False)
    try:
        state = read_state(db)
        if state.server_url != url:
            raise ConnectRefused(
                f"{db.path} is connected to {state.server_url or 'no server'}, not {url}; --reenrol enrols "
                "a database again with the server it belongs to."
            )
        check_available()
        ca = args.ca_bundle.resolve() if args.ca_bundle is not None else saved_ca_bundle(db)
        client = make_client(url, None, ca)
        try:
            name = args.name or socket.gethostname()
            new = reenrol_database(db, client, code=args.code.strip(), device_name=name)
            print(_new_identity_text(new))
            try:
                result = sync_once(db, client, holder="connect", progress=_progress)
            finally:
                _end_progress()
        finally:
            client.close()
    finally:
        db.close()
    print(f"Sent {result.pushed} change{'s' if result.pushed != 1 else ''}, received {result.pulled}.")
    for rejected in result.rejected:
        print(_rejected_text(rejected))
    return 0


def _identity_pending(db: Database) -> bool:
    """True when a restore marked the database for a new identity at its next sync."""
    from citydesk.sync.identity import pending_mark

    return pending_mark(db) is not None


def _new_identity_text(new: Any) -> str:
    """The line saying a database took a new identity."""
    return (
        f"This database took a new identity on the server: new tickets are numbered {new.number_prefix}-…; "
        f"numbers already given keep theirs; {new.outbox} unsent change(s) keep their ids."
    )


# ---- helpers --------------------------------------------------------------------------------------


def _client_for(db: Database) -> SyncClient:
    """The SyncClient of an enrolled database, with its credential from the keyring."""
    from citydesk.sync.connect import saved_ca_bundle
    from citydesk.sync.credentials import load_credential
    from citydesk.sync.engine_cycle import read_state
    from citydesk.sync.http import Unauthorized

    state = read_state(db)
    if not state.server_url:
        from citydesk.sync.engine import NotEnrolled

        raise NotEnrolled(
            f"{db.path} is not connected to a sync server; run `citydesk connect URL --code CODE`."
        )
    credential = load_credential(state.server_url, state.device_id)
    if credential is None:
        raise Unauthorized(
            f"This PC's credential for {state.server_url} is not in the keyring (it is kept nowhere else). "
            "Ask the administrator for a new enrolment code and connect again."
        )
    return make_client(state.server_url, credential, saved_ca_bundle(db))


_progress_shown = [False]


def _progress(phase: str, done: int, total: int | None) -> None:
    """Progress on stderr, one updating line."""
    what = {"hello": "Contacting the server", "push": "Sending", "relay": "Offering the server what it lacks",
            "snapshot": "Downloading everything", "pull": "Receiving",
            "identity": "Taking a new identity (a copied database)"}.get(phase, phase)  # fmt: skip
    count = f" {done}/{total}" if total else (f" {done}" if done else "")
    end = "\r" if sys.stderr.isatty() else "\n"
    print(f"{what}…{count}", end=end, file=sys.stderr, flush=True)
    _progress_shown[0] = True


def _end_progress() -> None:
    if _progress_shown[0] and sys.stderr.isatty():
        print(file=sys.stderr)
    _progress_shown[0] = False


_WHAT = {
    "timeline_entry": "A change to a ticket",
    "ticket": "A new ticket",
    "contact_log": "A counted contact",
    "requester": "A change to a requester",
    "address": "A change to an address",
    "receipt_text": "A change to a receipt text",
}


def _rejected_text(info: Any) -> str:
    """One refused change in a clerk's words: what it was and why."""
    data = _jsonable(info)
    if not isinstance(data, dict):
        return str(info)
    what = _WHAT.get(str(data.get("table")), "A change")
    reason = str(data.get("reason") or data.get("code") or "no reason given").rstrip(".")
    return f"{what} was refused: {reason}. It is kept on this PC (citydesk sync-status counts it)."


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _jsonable(value: Any) -> Any:
    """Dataclasses, datetimes, tuples and sets as JSON values."""
    if is_dataclass(value) and not isinstance(value, type):
        return _jsonable(asdict(value))
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value
