"""Settling a conflict, and the conflicts the app shows.

A conflict (derived, never synced: `sync.conflicts`) is two or more entries on the same shown field of
a ticket with the same base and different values. `settle_conflict` chooses one of the values: it writes
one ordinary entry of the field's kind carrying that value with `detail = {"settles": [entry ids]}`, in
one transaction with its outbox row like every service, so it syncs like any entry and every office
that holds it derives the same settled state. The permission is the one an ordinary change of that
field needs (`sync.tables.entry_action`, as the server judges it).

`open_conflicts(db, ticket_ids)` is the read the app needs (the UI may not import `sync`): every open
conflict, or only those of some tickets (after a pulled page).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from typing import Any

from citydesk.domain.errors import ValidationError
from citydesk.domain.permissions import require
from citydesk.domain.roles import Actor
from citydesk.domain.statuses import Status
from citydesk.domain.timeline import Entry, EntryKind
from citydesk.services.transaction import EntryAdded, transaction
from citydesk.store.db import Database
from citydesk.sync import conflicts as derived
from citydesk.sync.conflicts import Conflict, ConflictSide
from citydesk.sync.tables import entry_action

__all__ = ["Conflict", "ConflictSide", "open_conflicts", "settle_conflict", "settling_kind"]

# The kind of the entry that settles a conflict on each field.
FIELD_KINDS: dict[str, EntryKind] = {
    "priority": EntryKind.PRIORITY,
    "status": EntryKind.STATUS,
    "assignee_id": EntryKind.ASSIGNMENT,
    "title": EntryKind.EDIT,
    "description": EntryKind.EDIT,
}


def value_key(value: Any) -> str:
    """A comparable form of an entry's JSON value (the same one `sync.conflicts` compares)."""
    return json.dumps(value, sort_keys=True, default=str)


def settling_kind(field: str, chosen: Entry) -> tuple[EntryKind, dict[str, Any]]:
    """The kind and detail of the entry that settles a conflict on `field` with `chosen`'s value.

    A chosen resolution stays a resolution (its reason and references come along, so the ticket
    reads "Resolved: done" again); every other status is a plain status change, so choosing a reopen
    does not count a second reopen.
    """
    if field == "status" and chosen.kind is EntryKind.RESOLUTION and chosen.value == Status.RESOLVED.value:
        detail = {k: v for k, v in dict(chosen.detail).items() if k != "settles"}
        return EntryKind.RESOLUTION, detail
    return FIELD_KINDS[field], {}


def settle_conflict(
    db: Database, *, actor: Actor, ticket_id: str, entry_ids: Sequence[str], value: Any
) -> EntryAdded:
    """Settle the open conflict made of `entry_ids` on one ticket by choosing `value` (one of its sides).

    Unknown entries, entries that are not one open conflict, a conflict already settled or a value
    that none of the sides has: a ValidationError, and nothing is written.
    """
    wanted = {str(e) for e in entry_ids}
    if len(wanted) < 2:
        raise ValidationError("entries", "Choose the conflicting changes to settle (at least two).")
    with transaction(db, actor) as tx:
        ticket = tx.ticket(ticket_id)
        entries = tx.entries(ticket.id)
        by_id = {e.id: e for e in entries}
        missing = sorted(wanted - set(by_id))
        if missing:
            raise ValidationError(
                "entries", f"Ticket {ticket.number} has no change {missing[0]}; the list may be out of date."
            )
        group = next(
            (g for g in derived.ticket_conflicts(entries) if {e.id for e in g.entries} == wanted), None
        )
        if group is None:
            if _settled(entries, wanted):
                raise ValidationError(
                    "entries", f"This conflict on {ticket.number} was settled already; nothing was changed."
                )
            raise ValidationError(
                "entries", f"Those changes of {ticket.number} are not one open conflict; nothing was changed."
            )
        key = value_key(value)
        chosen = next((e for e in reversed(group.entries) if value_key(e.value) == key), None)
        if chosen is None:
            raise ValidationError("value", "Choose one of the values in the conflict.")
        kind, detail = settling_kind(group.field, chosen)
        action = entry_action(kind, field=group.field, value=chosen.value, author_id=actor.user_id)
        require(actor.role, action)
        detail["settles"] = sorted(wanted)
        return tx.append(ticket, kind, field=group.field, value=chosen.value, detail=detail)


def _settled(entries: Sequence[Entry], wanted: set[str]) -> bool:
    for entry in entries:
        settles = entry.detail.get("settles") if isinstance(entry.detail, dict) else None
        if isinstance(settles, list) and wanted <= {str(s) for s in settles}:
            return True
    return False


def open_conflicts(db: Database, ticket_ids: Collection[str] | None = None) -> list[Conflict]:
    """Every open conflict (`ticket_ids` None), or those of these tickets, by number then field (the
    app's views reach `sync.conflicts` through here)."""
    return derived.open_conflicts(db, ticket_ids)
