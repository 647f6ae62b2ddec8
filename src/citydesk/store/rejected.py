"""Changes the server refused (`rejected_change`), as the Conflicts window lists them: what was tried,
why it was refused, and what was kept instead.

A refused change was already undone where it was made (`sync.acknowledge`): a refused entry left the
timeline, a refused field took the server's value. "Kept instead" is therefore the ticket's value of
that field now (for an entry) or the server's value it returned (for a row), or nothing (a note).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from citydesk.store.models import RejectedChange, Ticket, User

_CODE = re.compile(r"^(?P<reason>.*?)\s*\((?P<code>[a-z_]+)\)\s*$", re.S)
# Ticket columns an entry's field is kept in (the fold's fields as the ticket caches them).
_TICKET_COLUMN = {
    "title": "title",
    "description": "description",
    "status": "status",
    "priority": "priority",
    "assignee_id": "assignee_id",
    "department_id": "department_id",
    "category_id": "category_id",
    "escalation_level": "escalation_level",
    "location": "location_text",
}


@dataclass(frozen=True, slots=True)
class RejectedView:
    """One refused change in plain data."""

    change_id: str
    rejected_at: datetime
    table: str
    code: str  # the server's reason code (not_permitted, author_inactive, ...)
    reason: str  # the server's sentence
    author_name: str | None
    ticket_id: str | None
    ticket_number: str | None
    entry_kind: str | None  # a refused timeline entry's kind
    field: str | None
    attempted: Any  # the value the change tried to set (an entry's value, a row's field)
    body: str | None  # a refused note's text
    kept: Any  # what was kept instead (None when nothing was: a refused note or ticket)


def split_reason(text: str) -> tuple[str, str]:
    """(sentence, code) of a stored reason "sentence (code)"; code "" when there is none."""
    match = _CODE.match(text or "")
    if match is None:
        return text, ""
    return match.group("reason"), match.group("code")


def rejected_changes(session: Session, *, limit: int = 500) -> list[RejectedView]:
    """The refused changes, newest first (at most `limit`)."""
    newest = (RejectedChange.rejected_at.desc(), RejectedChange.change_id)
    records = session.scalars(select(RejectedChange).order_by(*newest).limit(limit)).all()
    names = {r[0]: r[1] for r in session.execute(select(User.id, User.display_name))}
    ticket_ids = set()
    for rec in records:
        data = (rec.payload or {}).get("data") or {}
        if rec.table_name == "timeline_entry" and data.get("ticket_id"):
            ticket_ids.add(str(data["ticket_id"]))
        elif rec.table_name == "ticket":
            ticket_ids.add(rec.row_id)
    tickets = {t.id: t for t in session.scalars(select(Ticket).where(Ticket.id.in_(sorted(ticket_ids))))}
    out = []
    for rec in records:
        payload = rec.payload or {}
        data = payload.get("data") or {}
        reason, code = split_reason(rec.reason)
        ticket_id: str | None = None
        number: str | None = None
        kind = field = body = None
        attempted: Any = None
        kept: Any = None
        if rec.table_name == "timeline_entry":
            ticket_id = str(data.get("ticket_id") or "") or None
            kind, field, body = data.get("kind"), data.get("field"), data.get("body")
            attempted = data.get("value")
            ticket = tickets.get(ticket_id or "")
            column = _TICKET_COLUMN.get(field or "")
            if ticket is not None and column is not None:
                kept = getattr(ticket, column)
        elif rec.table_name == "ticket":
            ticket_id = rec.row_id
            number = data.get("number")
        else:
            field = rec.field or next(iter(payload.get("fields") or []), None)
            attempted = data.get(field) if field else None
            server = (rec.server_value or {}).get("data") or {}
            kept = server.get(field) if field else None
        if ticket_id and ticket_id in tickets:
            number = tickets[ticket_id].number
        author = payload.get("author_id")
        out.append(
            RejectedView(
                change_id=rec.change_id,
                rejected_at=rec.rejected_at,
                table=rec.table_name,
                code=code,
                reason=reason,
                author_name=names.get(str(author)) if author else None,
                ticket_id=ticket_id,
                ticket_number=number,
                entry_kind=kind,
                field=field,
                attempted=attempted,
                body=body,
                kept=kept,
            )
        )
    return out
