"""Commit a checked CSV import plan through the bulk path: requesters and tickets, all or nothing.

The plan comes from `citydesk.reports.csvio.parse` (which reads and checks the file). Here, in ONE
transaction: the plan's source ids are checked again against the database; each person named on
the rows becomes one requester (the same e-mail, phone or name on several rows is one person, and
a live requester with the same e-mail or phone is reused); then the tickets are written by
`bulk.write_tickets`, so they get numbers from the counter row, a `created` entry that records the
source (`detail.import`), outbox rows and the search index like any other ticket. A resolved or
closed row gets its resolution entry (and its move to closed) at the source's timestamps. Any
error rolls everything back.

A row whose resolution date is unknown (`ImportRow.date_unknown`) gets a resolution entry marked
`detail = {"reason": ..., "date_unknown": true, "imported": true}`, stamped at the import's instant
(the database clock) or, when the row gives a closed date, at that date; the fold gives it no
`resolved_at`, so it is in no week's resolved figures and no resolution time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from citydesk.domain.clock import to_ms
from citydesk.domain.errors import ValidationError
from citydesk.domain.ids import uuid7
from citydesk.domain.imports import ImportPlan, ImportRow, RequesterIn
from citydesk.domain.permissions import Action
from citydesk.domain.roles import Actor
from citydesk.domain.statuses import Status
from citydesk.domain.timeline import EntryKind
from citydesk.services.bulk import BulkEntry, BulkTicket, write_requesters, write_tickets
from citydesk.services.requesters import phone_digits
from citydesk.services.transaction import Tx, transaction
from citydesk.store.db import Database
from citydesk.store.imports import existing_source_ids
from citydesk.store.merges import live_requesters
from citydesk.store.models import Requester

Progress = Callable[[int, int], None]
IMPORTED_NOTE = "Resolved (imported from a spreadsheet)."


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import wrote."""

    tickets: int
    requesters_created: int
    requesters_reused: int
    first_number: str | None
    last_number: str | None
    undated: int = 0  # rows imported as resolved with the date unknown
    repeated: int = 0  # rows skipped as identical to an earlier row


def _existing_requesters(tx: Tx, people: list[RequesterIn]) -> dict[str, str]:
    """Live requesters with the same e-mail or phone digits as someone in the file: key -> id."""
    emails = sorted({p.email.lower() for p in people if p.email})
    phones = sorted({d for p in people if p.phone and (d := phone_digits(p.phone))})
    found: dict[str, str] = {}
    live = live_requesters(tx.session)
    for start in range(0, max(len(emails), len(phones)), 500):
        if part := emails[start : start + 500]:
            for rid, email in tx.session.execute(
                select(Requester.id, Requester.email).where(live, Requester.email.in_(part))
            ):
                found.setdefault("e:" + (email or "").lower(), rid)
        if part := phones[start : start + 500]:
            for rid, digits in tx.session.execute(
                select(Requester.id, Requester.phone_digits).where(live, Requester.phone_digits.in_(part))
            ):
                found.setdefault("p:" + (digits or ""), rid)
    return found


def _people(tx: Tx, rows: tuple[ImportRow, ...]) -> tuple[dict[str, str], list[dict[str, Any]], int]:
    """The requester id of every person key, the new requester rows, and how many were reused."""
    people = {r.requester.key: r.requester for r in rows if r.requester is not None}
    existing = _existing_requesters(tx, list(people.values()))
    ids: dict[str, str] = {}
    new_rows: list[dict[str, Any]] = []
    reused = 0
    first_seen: dict[str, ImportRow] = {}
    for row in rows:
        if row.requester is not None:
            first_seen.setdefault(row.requester.key, row)
    for key, person in people.items():
        match = existing.get(key)
        if match is None and person.phone:
            match = existing.get("p:" + (phone_digits(person.phone) or ""))
        if match is not None:
            ids[key] = match
            reused += 1
            continue
        at = first_seen[key].created_at
        rid = uuid7(to_ms(at))
        ids[key] = rid
        new_rows.append(
            {
                "id": rid,
                "name": person.name,
                "phone": person.phone,
                "email": person.email,
                "address": person.address,
                "confidential": person.confidential,
                "created_at": at,
            }
        )
    return ids, new_rows, reused


def _reply(person: RequesterIn) -> str:
    if person.phone:
        return "phone"
    if person.email:
        return "email"
    return "letter" if person.address else "none"


def _tickets(
    plan: ImportPlan, actor: Actor, people: dict[str, str], source: str, now: datetime
) -> Iterator[BulkTicket]:
    author = actor.user_id
    for row in plan.rows:
        status = Status(row.status)
        reporters: tuple[dict[str, Any], ...] = ()
        if row.requester is not None:
            reporters = (
                {
                    "requester_id": people[row.requester.key],
                    "channel": row.channel,
                    "reply_method": _reply(row.requester),
                },
            )
        entries: list[BulkEntry] = []
        resolved_at = row.resolved_at
        detail: dict[str, Any] = {"reason": row.resolution_reason}
        if not status.is_open and row.date_unknown:
            resolved_at = max(row.closed_at or now, row.created_at)
            detail.update(date_unknown=True, imported=True)
        if not status.is_open and resolved_at is not None:
            entries.append(
                BulkEntry(
                    kind=EntryKind.RESOLUTION,
                    at=resolved_at,
                    author_id=author,
                    field="status",
                    value=Status.RESOLVED.value,
                    detail=detail,
                    body=row.resolution_note or IMPORTED_NOTE,
                    public=True,
                )
            )
            if status is Status.CLOSED:
                entries.append(
                    BulkEntry(
                        kind=EntryKind.STATUS,
                        at=row.closed_at or resolved_at,
                        author_id=author,
                        field="status",
                        value="closed",
                    )
                )
        provenance: dict[str, Any] = {"file": source, "row": row.line}
        if row.source_id:
            provenance["source_id"] = row.source_id
        yield BulkTicket(
            created_at=row.created_at,
            created_by=author,
            fields={
                "title": row.title,
                "description": row.description,
                "status": row.status if status.is_open else Status.NEW.value,
                "priority": row.priority,
                "channel": row.channel,
                "category_id": row.category_id,
                "department_id": row.department_id,
                "location": row.location,
            },
            reporters=reporters,
            entries=tuple(entries),
            extra={"import": provenance},
        )


def import_tickets(
    db: Database,
    *,
    actor: Actor,
    plan: ImportPlan,
    source_name: str = "",
    progress: Progress | None = None,
) -> ImportResult:
    """Write a checked plan's requesters and tickets in one transaction; ValidationError if it has errors."""
    if plan.problems or plan.errors:
        count = len(plan.problems) + len(plan.errors)
        raise ValidationError("file", f"The file has {count} problem(s); nothing was imported.")
    if not plan.rows:
        raise ValidationError("file", "There are no rows to import.")
    with transaction(db, actor, Action.IMPORT_DATA) as tx:
        now = db.clock.now()
        wanted = sorted({r.source_id for r in plan.rows if r.source_id})
        if again := existing_source_ids(tx.session, wanted):
            raise ValidationError(
                "source_id",
                f"{len(again)} source id(s) are already in this database ({', '.join(sorted(again)[:5])}); "
                "nothing was imported.",
            )
        people, new_rows, reused = _people(tx, plan.rows)
        write_requesters(tx, requesters=new_rows)
        result = write_tickets(
            tx,
            tickets=_tickets(plan, actor, people, source_name, now),
            batch_size=1000,
            progress=progress,
            total=len(plan.rows),
        )
    numbers = result.numbers
    return ImportResult(
        tickets=result.count,
        requesters_created=len(new_rows),
        requesters_reused=reused,
        first_number=numbers[0] if numbers else None,
        last_number=numbers[-1] if numbers else None,
        undated=plan.undated,
        repeated=plan.repeated,
    )
