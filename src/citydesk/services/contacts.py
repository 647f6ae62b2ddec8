"""Counted contacts without a ticket: questions answered on the spot and status inquiries."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import insert

from citydesk.domain import validation
from citydesk.domain.channels import ContactKind
from citydesk.domain.errors import NotFound, ValidationError
from citydesk.domain.permissions import Action
from citydesk.domain.roles import Actor
from citydesk.services._tx import transaction
from citydesk.services.tickets import parse_channel
from citydesk.store.db import Database
from citydesk.store.models import Category, ContactLog, Ticket


@dataclass(frozen=True, slots=True)
class ContactLogged:
    """A logged contact."""

    contact_id: str
    kind: str


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
    try:
        clean_kind = ContactKind(kind)
    except ValueError:
        raise ValidationError("kind", f"Unknown contact kind {kind!r}.") from None
    clean_channel = parse_channel(channel)
    required = clean_kind is ContactKind.QUESTION
    clean_summary = validation.text("summary", summary, required=required, max_len=300)
    if clean_kind is ContactKind.STATUS_INQUIRY and not ticket_id:
        raise ValidationError("ticket", "A status inquiry is about a ticket.")
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
