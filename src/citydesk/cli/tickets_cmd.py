"""`citydesk ticket add|note|status` and `citydesk tickets`: headless ticket work (scripts, tests, the e2e).

    citydesk ticket add --title TEXT --category NAME --user NAME [--requester-name NAME]
                        [--requester-phone PHONE] [--priority P2] [--channel phone] [--description TEXT]
    citydesk ticket note NUMBER --text TEXT --user NAME [--public]
    citydesk ticket status NUMBER STATUS --user NAME [--reason REASON --note TEXT]   (resolved needs both)
    citydesk tickets [--open] [--json]

Every write goes through the same services as the app (one transaction, its outbox rows) and names the
person doing it (`--user`). `ticket add` prints the new ticket's number alone on its line. Exit codes:
0 done; 1 bad input (the message names the field), an unknown ticket or user, nothing written.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from citydesk.cli.common import acting_user, database_arg, open_existing, user_arg
from citydesk.domain.errors import NotFound, ValidationError

if TYPE_CHECKING:
    from citydesk.domain.roles import Actor
    from citydesk.store.db import Database


def add_tickets_parsers(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `ticket` (add, note, status) and `tickets` to the `citydesk` parser."""
    ticket = subparsers.add_parser("ticket", help="log a request, add a note, change a status (headless)")
    actions = ticket.add_subparsers(dest="ticket_command", required=True, metavar="{add,note,status}")

    add = actions.add_parser("add", help="log a new request; prints its number")
    add.add_argument("--title", required=True, help="what the request is about")
    add.add_argument("--category", required=True, metavar="NAME", help="the category's name")
    add.add_argument("--description", default="", help="more detail")
    add.add_argument("--requester-name", default=None, metavar="NAME", help="a new requester's name")
    add.add_argument("--requester-phone", default=None, metavar="PHONE", help="a new requester's phone")
    add.add_argument("--priority", default=None, help="P1, P2, P3 or Ops (default: the category's)")
    add.add_argument("--channel", default="phone", help="phone (default), walk_in, email, web, ...")
    database_arg(add)
    user_arg(add)
    add.set_defaults(handler=cmd_ticket_add)

    note = actions.add_parser("note", help="add a note to a ticket")
    note.add_argument("number", metavar="NUMBER")
    note.add_argument("--text", required=True, help="the note")
    note.add_argument("--public", action="store_true", help="the requester may be told (default: internal)")
    database_arg(note)
    user_arg(note)
    note.set_defaults(handler=cmd_ticket_note)

    status = actions.add_parser("status", help="move a ticket to another status")
    status.add_argument("number", metavar="NUMBER")
    status.add_argument(
        "status", metavar="STATUS", help="new, assigned, in_progress, waiting_*, resolved, closed"
    )
    status.add_argument("--reason", default=None, help="resolved: done, duplicate, referred, ...")
    status.add_argument("--note", default=None, help="resolved: the note the requester is told")
    database_arg(status)
    user_arg(status)
    status.set_defaults(handler=cmd_ticket_status)

    listing = subparsers.add_parser("tickets", help="list tickets (newest first)")
    listing.add_argument("--open", dest="open_only", action="store_true", help="open tickets only")
    listing.add_argument("--json", action="store_true", help="one JSON array (default: one line each)")
    database_arg(listing)
    listing.set_defaults(handler=cmd_tickets)


def cmd_ticket_add(args: argparse.Namespace) -> int:
    """Log a request (with a new requester when named) and print its number."""
    from citydesk.services.intake import log_request

    db = open_existing(args, read_only=False)
    try:
        actor = acting_user(db, args)
        category_id = _category_id(db, args.category)
        requester: dict[str, Any] | None = None
        if args.requester_name or args.requester_phone:
            requester = {"name": args.requester_name, "phone": args.requester_phone}
        logged = log_request(
            db, actor=actor, title=args.title, channel=args.channel, new_requester=requester,
            description=args.description, category_id=category_id, priority=args.priority,
        )  # fmt: skip
    finally:
        db.close()
    print(logged.number)
    return 0


def cmd_ticket_note(args: argparse.Namespace) -> int:
    """Add a note to the ticket with this number."""
    from citydesk.services.ticket_work import add_note

    with _ticket_work(args) as (db, actor, ticket_id, number):
        add_note(db, actor=actor, ticket_id=ticket_id, body=args.text, public=args.public)
    print(f"Added a {'public' if args.public else 'internal'} note to {number}.", file=sys.stderr)
    return 0


def cmd_ticket_status(args: argparse.Namespace) -> int:
    """Move the ticket with this number to STATUS (resolved: with --reason and --note)."""
    from citydesk.services.ticket_work import change_status, resolve

    with _ticket_work(args) as (db, actor, ticket_id, number):
        target = str(args.status).strip().lower()
        if target == "resolved":
            if not args.reason or not args.note:
                raise ValidationError(
                    "status", "Resolving needs --reason (done, duplicate, referred, ...) and --note "
                    "(what the requester is told)."
                )  # fmt: skip
            resolve(db, actor=actor, ticket_id=ticket_id, reason=args.reason, public_note=args.note)
        else:
            change_status(db, actor=actor, ticket_id=ticket_id, status=target)
    print(f"{number} is now {target}.", file=sys.stderr)
    return 0


@contextmanager
def _ticket_work(args: argparse.Namespace) -> Iterator[tuple[Database, Actor, str, str]]:
    """The database, the acting --user and the ticket named by NUMBER (id, number), closed after."""
    db = open_existing(args, read_only=False)
    try:
        actor = acting_user(db, args)
        ticket_id, number = _ticket(db, args.number)
        yield db, actor, ticket_id, number
    finally:
        db.close()


def cmd_tickets(args: argparse.Namespace) -> int:
    """List the tickets (open ones with --open), newest first, as JSON or one line each."""
    from sqlalchemy import select

    from citydesk.store.models import Category, Ticket

    db = open_existing(args, read_only=True)
    try:
        with db.read() as session:
            query = (
                select(Ticket.id, Ticket.number, Ticket.title, Ticket.status, Ticket.priority,
                       Ticket.is_open, Ticket.channel, Category.name.label("category"), Ticket.assignee_id,
                       Ticket.requester_name, Ticket.created_at, Ticket.updated_at, Ticket.due_at)
                .outerjoin(Category, Category.id == Ticket.category_id)
                .order_by(Ticket.created_at.desc(), Ticket.number.desc())
            )  # fmt: skip
            if args.open_only:
                query = query.where(Ticket.is_open.is_(True))
            rows = session.execute(query).all()
    finally:
        db.close()
    items = [_ticket_json(row._asdict()) for row in rows]
    if args.json:
        json.dump(items, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        for item in items:
            print(f"{item['number']}\t{item['status']}\t{item['priority']}\t{item['title']}")
    return 0


def _ticket_json(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    out["is_open"] = bool(out["is_open"])
    for key in ("created_at", "updated_at", "due_at"):
        out[key] = out[key].isoformat() if out[key] is not None else None
    return out


def _category_id(db: Any, name: str) -> str:
    """The active category named `name` (case and spaces ignored); a clear error listing them otherwise."""
    from sqlalchemy import select

    from citydesk.store.models import Category

    wanted = " ".join(name.split()).casefold()
    with db.read() as session:
        rows = session.execute(select(Category.id, Category.name).where(Category.active.is_(True))).all()
    for row in rows:
        if " ".join(row.name.split()).casefold() == wanted or row.id == name:
            return str(row.id)
    names = ", ".join(sorted(r.name for r in rows)) or "none yet"
    raise ValidationError("category", f"There is no active category {name!r} (the categories: {names}).")


def _ticket(db: Any, typed: str) -> tuple[str, str]:
    """The id and number of the one ticket with the typed number."""
    from sqlalchemy import select

    from citydesk.domain.numbers import normalize_number
    from citydesk.store.models import Ticket

    number = normalize_number(typed)
    if number is None:
        raise ValidationError("number", f"{typed!r} is not a ticket number (like CLK-3-000042).")
    with db.read() as session:
        ids = session.scalars(select(Ticket.id).where(Ticket.number == number)).all()
    if not ids:
        raise NotFound("ticket", number)
    if len(ids) > 1:
        raise ValidationError(
            "number", f"{len(ids)} tickets carry the number {number} (a conflict to resolve in the app)."
        )
    return str(ids[0]), number
