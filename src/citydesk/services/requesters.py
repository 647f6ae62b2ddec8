"""Requester use cases: create, edit (per-field clocks), merge duplicates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select, update

from citydesk.domain import validation
from citydesk.domain.channels import LANGUAGES, ReplyMethod, RequesterKind
from citydesk.domain.errors import NotFound, ValidationError
from citydesk.domain.permissions import Action, require
from citydesk.domain.requesters import shown
from citydesk.domain.roles import Actor
from citydesk.domain.text import fold
from citydesk.domain.timeline import EntryKind
from citydesk.services.transaction import Tx, transaction
from citydesk.store import ticket_cache
from citydesk.store.db import Database
from citydesk.store.merges import families, merged_into_shown
from citydesk.store.models import Department, FieldClock, Requester, Ticket, TicketReporter

SYNCED_FIELDS = (
    "kind",
    "name",
    "phone",
    "email",
    "address",
    "department_id",
    "preferred_language",
    "reply_method",
    "anonymous",
    "confidential",
    "merged_into",
)
IDENTIFYING = ("name", "phone", "email", "address")


@dataclass(frozen=True, slots=True)
class RequesterSaved:
    """A created or updated requester."""

    requester_id: str
    display_name: str


def phone_digits(phone: str | None) -> str | None:
    """Only the digits of a phone number (for lookup)."""
    return re.sub(r"\D", "", phone) if phone else None


def name_key(name: str | None) -> str | None:
    """Lower-cased name without accents, used for lookup ("José Núñez" -> "jose nunez")."""
    return fold(name)


def _default_reply(out: dict[str, Any], values: dict[str, Any]) -> str:
    """Reply the way the requester can be reached: phone, then e-mail, then letter, else none."""
    if values.get("anonymous"):
        return "none"
    for method, field in (("phone", "phone"), ("email", "email"), ("letter", "address")):
        if out.get(field):
            return method
    return "none"


def clean_requester(values: dict[str, Any]) -> dict[str, Any]:
    """Validate requester fields; anonymous requesters may carry nothing identifying."""
    out: dict[str, Any] = {}
    try:
        out["kind"] = RequesterKind(values.get("kind") or "citizen").value
    except ValueError:
        raise ValidationError("kind", "A requester is a citizen or a staff member.") from None
    out["name"] = (
        validation.text("name", values.get("name"), required=False, max_len=validation.NAME_MAX) or None
    )
    out["phone"] = validation.phone(values.get("phone"))
    out["email"] = validation.email(values.get("email"))
    out["address"] = validation.text("address", values.get("address"), required=False, max_len=300) or None
    out["department_id"] = values.get("department_id") or None
    language = values.get("preferred_language") or "en"
    if language not in LANGUAGES:
        raise ValidationError("preferred_language", f"Unknown language {language!r}.")
    out["preferred_language"] = language
    try:
        out["reply_method"] = ReplyMethod(values.get("reply_method") or _default_reply(out, values)).value
    except ValueError:
        raise ValidationError(
            "reply_method", f"Unknown reply method {values.get('reply_method')!r}."
        ) from None
    out["anonymous"] = bool(values.get("anonymous"))
    out["confidential"] = bool(values.get("confidential"))
    if out["anonymous"]:
        filled = [f for f in IDENTIFYING if out[f]]
        if filled:
            raise ValidationError(
                filled[0], "An anonymous requester cannot have a name, phone, e-mail or address."
            )
        if out["reply_method"] not in ("none",):
            out["reply_method"] = "none"
    elif not (out["name"] or out["phone"] or out["email"]):
        raise ValidationError("name", "Give a name, phone or e-mail, or mark the requester anonymous.")
    if out["reply_method"] == "phone" and not out["phone"] and not out["anonymous"]:
        raise ValidationError("phone", "A phone number is needed to reply by phone.")
    if out["reply_method"] == "email" and not out["email"]:
        raise ValidationError("email", "An e-mail address is needed to reply by e-mail.")
    if out["reply_method"] == "letter" and not out["address"]:
        raise ValidationError("address", "A postal address is needed to reply by letter.")
    if out["kind"] == "staff" and not out["department_id"]:
        raise ValidationError("department", "Choose the staff member's department.")
    return out


def _check_department(tx: Tx, department_id: str | None) -> None:
    if department_id and tx.session.get(Department, department_id) is None:
        raise ValidationError("department", f"Unknown department {department_id!r}.")


def create_requester(db: Database, *, actor: Actor, **values: Any) -> RequesterSaved:
    """Create a citizen or staff requester (insert row, field clocks and outbox row)."""
    with transaction(db, actor, Action.EDIT_REQUESTER) as tx:
        return create_requester_in(tx, **values)


def create_requester_in(tx: Tx, **values: Any) -> RequesterSaved:
    """`create_requester` inside a caller's transaction (the counter logs a request in the same one)."""
    require(tx.actor.role, Action.EDIT_REQUESTER)
    clean = clean_requester(values)
    _check_department(tx, clean["department_id"])
    stamp = tx.capture.stamp()
    requester_id = tx.capture.new_id()
    tx.session.execute(
        insert(Requester).values(
            id=requester_id,
            **clean,
            phone_digits=phone_digits(clean["phone"]),
            name_key=name_key(clean["name"]),
            office_id=stamp.office_id,
            created_at=stamp.at,
            updated_at=stamp.at,
        )
    )
    change_id = tx.capture.record(op="insert", table="requester", row_id=requester_id, hlc=stamp.hlc)
    # A new row has no clocks yet: one multi-row insert (merging each would read first).
    tx.session.execute(
        insert(FieldClock),
        [tx.clock("requester", requester_id, name, stamp, change_id) for name in SYNCED_FIELDS],
    )
    return RequesterSaved(
        requester_id,
        "Anonymous" if clean["anonymous"] else (clean["name"] or clean["phone"] or clean["email"]),
    )


def update_requester(db: Database, *, actor: Actor, requester_id: str, **changes: Any) -> RequesterSaved:
    """Edit a requester: one outbox row and one field clock per changed field."""
    unknown = set(changes) - set(SYNCED_FIELDS) - {"merged_into"}
    if unknown:
        raise ValidationError(sorted(unknown)[0], "This field cannot be edited.")
    with transaction(db, actor, Action.EDIT_REQUESTER) as tx:
        row = tx.session.get(Requester, requester_id)
        if row is None:
            raise NotFound("requester", requester_id)
        stored = {f: getattr(row, f) for f in SYNCED_FIELDS if f != "merged_into"}
        # What the user saw (the cross-field rules applied on read, `domain.requesters.shown`): only
        # the fields they changed are written, so no office writes a repair of a merged row.
        current = shown(stored)
        clean = clean_requester({**current, **changes})
        _check_department(tx, clean["department_id"])
        changed = [f for f, v in clean.items() if current.get(f) != v]
        if not changed:
            return RequesterSaved(requester_id, row.name or "")
        after = {**stored, **{f: clean[f] for f in changed}}
        stamp = tx.capture.stamp()
        tx.session.execute(
            update(Requester)
            .where(Requester.id == requester_id)
            .values(
                **{f: clean[f] for f in changed},
                phone_digits=phone_digits(after["phone"]),
                name_key=name_key(after["name"]),
                updated_at=stamp.at,
            )
        )
        for name in changed:
            change_id = tx.capture.record(
                op="update", table="requester", row_id=requester_id, field=name, hlc=stamp.hlc
            )
            tx.set_clock("requester", requester_id, name, stamp, change_id)
        _refresh_names(tx, [requester_id])
        return RequesterSaved(requester_id, clean["name"] or "")


def _refresh_names(tx: Tx, requester_ids: list[str]) -> None:
    # Tickets reported under a requester merged into one of these show its name too.
    members = set().union(*families(tx.session, requester_ids).values())
    ticket_ids = set(
        tx.session.scalars(
            select(TicketReporter.ticket_id).where(TicketReporter.requester_id.in_(sorted(members)))
        )
    )
    for ticket_id in ticket_ids:
        ticket_cache.refresh(tx.session, ticket_id, calendar=tx.calendar)


@dataclass(frozen=True, slots=True)
class RequestersMerged:
    """A merge of a duplicate requester: the survivor and the tickets whose reporters moved."""

    requester_id: str
    display_name: str
    merged_id: str
    ticket_ids: tuple[str, ...]


def merge_requesters(db: Database, *, actor: Actor, source_id: str, target_id: str) -> RequestersMerged:
    """Merge a duplicate requester into another, in one transaction.

    The duplicate row stays (with `merged_into` set, so the merge can be traced and lookups follow it);
    each ticket it reported gets one `reporter_merged` timeline entry, whose fold re-points the
    ticket's reporter rows to the surviving requester.
    """
    if source_id == target_id:
        raise ValidationError("target", "Choose two different requesters to merge.")
    with transaction(db, actor, Action.MERGE_REQUESTERS) as tx:
        source = tx.session.get(Requester, source_id)
        target = tx.session.get(Requester, target_id)
        if source is None or target is None:
            raise NotFound("requester", source_id if source is None else target_id)
        # Merges as read (`store.merges`): the survivor of a loop left by crossed merges is not merged.
        if merged_into_shown(tx.session, source_id, source.merged_into):
            raise ValidationError("source", "This requester was already merged into another.")
        if merged_into_shown(tx.session, target_id, target.merged_into):
            raise ValidationError("target", "That requester was itself merged into another; choose that one.")
        stamp = tx.capture.stamp()
        tx.session.execute(
            update(Requester)
            .where(Requester.id == source_id)
            .values(merged_into=target_id, updated_at=stamp.at)
        )
        change_id = tx.capture.record(
            op="update", table="requester", row_id=source_id, field="merged_into", hlc=stamp.hlc
        )
        tx.set_clock("requester", source_id, "merged_into", stamp, change_id)
        ticket_ids = tuple(
            tx.session.scalars(
                select(TicketReporter.ticket_id)
                .where(TicketReporter.requester_id == source_id)
                .distinct()
                .order_by(TicketReporter.ticket_id)
            )
        )
        detail = {"from": source_id, "to": target_id}
        for ticket_id in ticket_ids:
            tx.append(tx.ticket(ticket_id), EntryKind.REPORTER_MERGED, detail=detail, reporters_changed=True)
        # Tickets still naming a requester merged into the duplicate earlier now show the survivor's name.
        _refresh_names(tx, [source_id])
        return RequestersMerged(target_id, target.name or "", source_id, ticket_ids)


def requester_ticket_ids(db: Database, requester_id: str) -> list[str]:
    """Ids of the tickets a requester reported, newest first."""
    with db.read() as session:
        return list(
            session.scalars(
                select(Ticket.id)
                .join(TicketReporter, TicketReporter.ticket_id == Ticket.id)
                .where(TicketReporter.requester_id == requester_id)
                .order_by(Ticket.created_at.desc())
            )
        )
