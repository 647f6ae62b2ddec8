"""Counted contacts without a ticket: questions answered on the spot and status inquiries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from citydesk.domain import validation
from citydesk.domain.channels import Channel, ContactKind
from citydesk.domain.clock import to_ms
from citydesk.domain.errors import NotFound, ValidationError
from citydesk.domain.ids import uuid7
from citydesk.domain.permissions import Action
from citydesk.domain.roles import Actor
from citydesk.services.tickets import parse_channel
from citydesk.services.transaction import transaction
from citydesk.store import statements as st
from citydesk.store.bulk_insert import RowWriter
from citydesk.store.db import Database
from citydesk.store.models import Category, ContactLog, Office, Ticket, User
from citydesk.sync import hlc as hlc_mod

BULK_BATCH = 5_000
"""Rows per executemany in `bulk_log_contacts`."""


@dataclass(frozen=True, slots=True)
class ContactLogged:
    """A logged contact."""

    contact_id: str
    kind: str


@dataclass(frozen=True, slots=True)
class BulkContact:
    """A counted contact to log in bulk: what, who took it, where and when (`office_id` None = local)."""

    kind: str
    channel: str
    at: datetime
    author_id: str
    office_id: str | None = None
    category_id: str | None = None
    ticket_id: str | None = None
    summary: str = ""


def _clean_contact(
    kind: str, channel: str, summary: str, ticket_id: str | None
) -> tuple[ContactKind, Channel, str]:
    """The checked kind, channel and summary of a contact (the rules `log_contact` applies)."""
    try:
        clean_kind = ContactKind(kind)
    except ValueError:
        raise ValidationError("kind", f"Unknown contact kind {kind!r}.") from None
    clean_channel = parse_channel(channel)
    required = clean_kind is ContactKind.QUESTION
    clean_summary = validation.text("summary", summary, required=required, max_len=300)
    if clean_kind is ContactKind.STATUS_INQUIRY and not ticket_id:
        raise ValidationError("ticket", "A status inquiry is about a ticket.")
    return clean_kind, clean_channel, clean_summary


def log_contact(
    db: Database,
    *,
    actor: Actor,
    kind: str,
    channel: str,
    category_id: str | None = None,
    ticket_id: str | None = None,
    summary: str = "",
) -> ContactLogged:
    """Log a question answered on the spot or a status inquiry about a ticket (counted in reports)."""
    clean_kind, clean_channel, clean_summary = _clean_contact(kind, channel, summary, ticket_id)
    with transaction(db, actor, Action.LOG_CONTACT) as tx:
        if category_id and tx.session.get(Category, category_id) is None:
            raise ValidationError("category", f"Unknown category {category_id!r}.")
        if ticket_id and tx.session.query(Ticket.row_no).filter(Ticket.id == ticket_id).first() is None:
            raise NotFound("ticket", ticket_id)
        stamp = tx.capture.stamp()
        contact_id = tx.capture.new_id()
        tx.session.execute(
            insert(ContactLog).values(
                id=contact_id,
                kind=clean_kind.value,
                channel=clean_channel.value,
                category_id=category_id,
                ticket_id=ticket_id,
                summary=clean_summary,
                author_id=actor.user_id,
                office_id=stamp.office_id,
                device_id=stamp.device_id,
                hlc=stamp.hlc,
                at=stamp.at,
            )
        )
        tx.capture.record(op="insert", table="contact_log", row_id=contact_id, hlc=stamp.hlc)
        return ContactLogged(contact_id, clean_kind.value)


def bulk_log_contacts(
    db: Database, *, actor: Actor, contacts: Iterable[BulkContact], capture: bool = True
) -> int:
    """Log many contacts in one all-or-nothing transaction (same rules as `log_contact`); returns how many.

    Each contact keeps its own time, author and office (past contacts, e.g. the demo city's); its HLC
    is minted from its time like the bulk ticket path's, and outbox rows are written unless `capture`
    is off (the demo city, which never syncs).
    """
    with transaction(db, actor, Action.IMPORT_DATA) as tx:
        tx.require_capture(capture)
        session = tx.session
        users = set(session.scalars(select(User.id)))
        offices = set(session.scalars(select(Office.id)))
        categories = set(session.scalars(select(Category.id)))
        stamp = tx.capture.stamp()
        last_hlc = stamp.hlc
        rows: list[dict[str, Any]] = []
        for index, item in enumerate(contacts, start=1):
            try:
                kind, channel, summary = _clean_contact(item.kind, item.channel, item.summary, item.ticket_id)
                if item.at.tzinfo is None:
                    raise ValidationError("at", "The contact's time has no time zone.")
                if item.author_id not in users:
                    raise ValidationError("author", f"Unknown user {item.author_id!r}.")
                if item.office_id is not None and item.office_id not in offices:
                    raise ValidationError("office", f"Unknown office {item.office_id!r}.")
                if item.category_id and item.category_id not in categories:
                    raise ValidationError("category", f"Unknown category {item.category_id!r}.")
            except ValidationError as exc:
                raise ValidationError(exc.field, f"Row {index}: {exc.message}") from None
            last_hlc = hlc_mod.tick(last_hlc, to_ms(item.at))
            rows.append(
                {"id": uuid7(to_ms(item.at)), "kind": kind.value, "channel": channel.value,
                 "category_id": item.category_id, "ticket_id": item.ticket_id, "summary": summary,
                 "author_id": item.author_id, "office_id": item.office_id or stamp.office_id,
                 "device_id": stamp.device_id, "hlc": last_hlc, "at": item.at}
            )  # fmt: skip
        _check_tickets_exist(tx.session, {r["ticket_id"] for r in rows if r["ticket_id"]})
        for start in range(0, len(rows), BULK_BATCH):
            session.execute(insert(ContactLog), rows[start : start + BULK_BATCH])
        if capture and rows:
            first = tx.capture.reserve(len(rows))
            RowWriter(st.OUTBOX).write(
                session.connection(),
                [
                    {"seq": first + i, "change_id": row["id"], "op": "insert",
                     "table_name": "contact_log", "row_id": row["id"], "field": None, "hlc": row["hlc"],
                     "created_at": row["at"]}
                    for i, row in enumerate(rows)
                ],
            )  # fmt: skip
        tx.capture.observe_hlc(last_hlc)
        return len(rows)


def _check_tickets_exist(session: Session, ticket_ids: set[str]) -> None:
    """NotFound for the first of `ticket_ids` that is not a ticket."""
    wanted = sorted(ticket_ids)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found = set(session.scalars(select(Ticket.id).where(Ticket.id.in_(chunk))))
        for ticket_id in chunk:
            if ticket_id not in found:
                raise NotFound("ticket", ticket_id)
