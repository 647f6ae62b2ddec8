"""The server's reply to a push, applied in ONE transaction: accepted changes to the journal, rejected
ones taken back (kept visible in `rejected_change`), the acknowledged sequence and the server's clock.

A rejection takes the change out of the outbox into `rejected_change` (its payload, the reason, the
server's current value), and undoes its effect here:

- an entry leaves `timeline_entry`; a later local entry not pushed yet whose base was it takes its
  base (one the server already accepted keeps the base the server has); its ticket
  is refolded (reporter rows and search row rebuilt); a rejected redaction gives the target back the
  body the server returns in `current` (without one the body stays blank);
- a ticket insert takes the ticket and every entry and counted contact of it along (each to
  `rejected_change`, as depending on the rejected ticket), with its reporter rows and search row;
- a counted contact leaves `contact_log`;
- a row change gets the server's value and clock from `current` (the rejected change's clocks are
  dropped first, so the server's value wins even when its clock is older); without a current value the
  row stays as it is (a requester is never deleted: tickets may name it).

Transactions committed from this module write without outbox rows, by design (the capture check
exempts `citydesk.sync.acknowledge`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import String, delete, literal, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from citydesk.store import fts, ticket_cache
from citydesk.store import statements as st
from citydesk.store.db import Database
from citydesk.store.models import ContactLog, FieldClock, Outbox, RejectedChange, SyncState
from citydesk.store.settings import load_calendar
from citydesk.sync import capture, lease, merge
from citydesk.sync.apply_batch import existing_ids, redactions_of
from citydesk.sync.apply_rows import Unfit, apply_row, prepare
from citydesk.sync.messages import PushReply, Rejection
from citydesk.sync.outgoing import OutgoingBatch
from citydesk.sync.wire import Change, Op


@dataclass(frozen=True, slots=True)
class RejectedInfo:
    """One change the server refused (what the app shows): its id, what it touched, code and reason."""

    change_id: str
    table: str
    row_id: str
    code: str
    reason: str


@dataclass(frozen=True, slots=True)
class AckResult:
    """What an acknowledgement did: changes accepted, changes rejected (dependents included) and the
    tickets that changed or went away."""

    accepted: int
    rejected: tuple[RejectedInfo, ...]
    ticket_ids: frozenset[str]


def acknowledge(
    db: Database, *, batch: OutgoingBatch, batch_id: str, reply: PushReply, lease_token: str
) -> AckResult:
    """Apply a push reply in one transaction (see the module docstring); `LeaseLost` writes nothing."""
    now = db.clock.now()
    in_batch = {c.change_id: c for c in batch.changes}
    with db.write() as session:
        lease.check(session, lease_token, now)
        accepted = [c for c in reply.accepted if c in in_batch]
        moved = _journal(session, accepted, batch_id, now)
        undo = _Undo(session, now)
        for rejection in reply.rejected:
            change = in_batch.get(rejection.change_id)
            if change is not None:
                undo.reject(change, rejection)
        undo.finish()
        capture.merge_received_hlc(session, db.clock, [reply.server_hlc])
        remote = session.scalar(select(SyncState.remote_hlc).where(SyncState.id == 1)) or 0
        session.execute(
            update(SyncState)
            .where(SyncState.id == 1)
            .values(
                pushed_seq=reply.acked_seq,
                push_batch_id=None,
                push_batch_last=None,
                remote_hlc=max(remote, reply.server_hlc),
            )
        )
    return AckResult(moved, tuple(undo.rejected), frozenset(undo.tickets))


def _journal(session: Session, change_ids: list[str], batch_id: str, now: datetime) -> int:
    """Move the accepted outbox rows to `sent_journal` (one INSERT ... SELECT per 500); returns how many."""
    outbox, journal = st.OUTBOX, st.OUTBOX.metadata.tables["sent_journal"]
    columns = ("change_id", "seq", "op", "table_name", "row_id", "field", "hlc")
    moved = 0
    for start in range(0, len(change_ids), 500):
        chunk = change_ids[start : start + 500]
        chosen = outbox.c.change_id.in_(chunk)
        rows = select(
            *[outbox.c[c] for c in columns],
            literal(batch_id, String).label("batch_id"),
            literal(now, journal.c.acked_at.type).label("acked_at"),
        ).where(chosen)
        session.execute(
            sqlite_insert(journal)
            .from_select([*columns, "batch_id", "acked_at"], rows)
            .on_conflict_do_nothing()
        )
        moved += session.execute(delete(outbox).where(chosen)).rowcount  # type: ignore[attr-defined]
    return moved


class _Undo:
    """Takes rejected changes back inside the acknowledgement's transaction."""

    def __init__(self, session: Session, now: datetime) -> None:
        self.session = session
        self.now = now
        self.rejected: list[RejectedInfo] = []
        self.tickets: set[str] = set()
        self.refold: set[str] = set()
        self.reindex: set[str] = set()

    def reject(self, change: Change, rejection: Rejection) -> None:
        """Undo one rejected change and keep it in `rejected_change`."""
        if any(r.change_id == change.change_id for r in self.rejected):
            return  # taken back already with its rejected ticket
        if change.table == "timeline_entry":
            self._entry(change, rejection)
        elif change.table == "ticket":
            self._ticket(change, rejection)
        elif change.table == "contact_log":
            self.session.execute(delete(ContactLog).where(ContactLog.id == change.row_id))
        elif change.op is Op.ROW:
            self._row(change, rejection)
        self._keep(change, rejection.code, rejection.reason, rejection.current)

    def _keep(self, change: Change, code: str, reason: str, current: Change | None) -> None:
        row = self.session.execute(
            select(Outbox).where(Outbox.change_id == change.change_id)
        ).scalar_one_or_none()
        op = row.op if row is not None else ("entry" if change.op is Op.ENTRY else change.op.value)
        field = row.field if row is not None else None
        self.session.execute(
            sqlite_insert(RejectedChange)
            .values(
                change_id=change.change_id,
                op=op,
                table_name=change.table,
                row_id=change.row_id,
                field=field,
                payload=change.to_json(),
                reason=f"{reason} ({code})",
                server_value=None if current is None else current.to_json(),
                rejected_at=self.now,
            )
            .on_conflict_do_nothing()
        )
        self.session.execute(delete(Outbox).where(Outbox.change_id == change.change_id))
        self.rejected.append(RejectedInfo(change.change_id, change.table, change.row_id, code, reason))

    def _entry(self, change: Change, rejection: Rejection) -> None:
        entry = st.ENTRY
        row = self.session.execute(
            select(entry.c.ticket_id, entry.c.base_entry_id).where(entry.c.id == change.row_id)
        ).one_or_none()
        if row is None:
            return
        target = merge.redaction_target(change)
        if target is not None:
            self._unredact(target, change.row_id, rejection)
        # Later local entries not pushed yet take its base (one the server accepted keeps what it has).
        unpushed = select(Outbox.row_id).where(Outbox.op == "entry", Outbox.change_id != change.change_id)
        self.session.execute(
            update(entry)
            .where(entry.c.base_entry_id == change.row_id, entry.c.id.in_(unpushed))
            .values(base_entry_id=row.base_entry_id)
        )
        self.session.execute(delete(entry).where(entry.c.id == change.row_id))
        self.tickets.add(row.ticket_id)
        self.refold.add(row.ticket_id)
        self.reindex.add(row.ticket_id)

    def _unredact(self, target: str, redaction_id: str, rejection: Rejection) -> None:
        """Give the target of a rejected redaction back the body the server returns, unless another
        redaction (from another office, accepted) blanks it too."""
        entry = st.ENTRY
        others = [
            r for r in redactions_of(self.session, [target], every=True).get(target, []) if r != redaction_id
        ]
        if others:
            self.session.execute(
                update(entry)
                .where(entry.c.id == target, entry.c.redacted_by == redaction_id)
                .values(redacted_by=others[0])
            )
            return
        body = rejection.current.data.get("body") if rejection.current is not None else None
        if isinstance(body, str) and body:
            self.session.execute(
                update(entry)
                .where(entry.c.id == target, entry.c.redacted_by == redaction_id)
                .values(body=body, redacted_by=None)
            )

    def _ticket(self, change: Change, rejection: Rejection) -> None:
        ticket_id = change.row_id
        entry = st.ENTRY
        entries = self.session.execute(select(entry).where(entry.c.ticket_id == ticket_id)).all()
        why = f"its ticket was refused: {rejection.reason}"
        for row in entries:
            payload = Change(
                change_id=row.id,
                table="timeline_entry",
                op=Op.ENTRY,
                row_id=row.id,
                hlc=row.hlc,
                device_id=row.device_id,
                author_id=row.author_id,
                data={k: _json(v) for k, v in row._mapping.items() if k != "redacted_by"},
            )
            self._keep(payload, "depends_on_rejected", why, None)
        fts.delete_tickets(self.session.connection(), [ticket_id])
        self.session.execute(delete(st.REPORTER).where(st.REPORTER.c.ticket_id == ticket_id))
        contacts = self.session.execute(select(ContactLog).where(ContactLog.ticket_id == ticket_id)).scalars()
        for contact in list(contacts):
            copy = Change(
                change_id=contact.id,
                table="contact_log",
                op=Op.INSERT,
                row_id=contact.id,
                hlc=contact.hlc,
                device_id=contact.device_id,
                author_id=contact.author_id,
                data={c.name: _json(getattr(contact, c.name)) for c in ContactLog.__table__.columns},
            )
            self._keep(copy, "depends_on_rejected", why, None)
        self.session.execute(delete(ContactLog).where(ContactLog.ticket_id == ticket_id))
        self.session.execute(delete(entry).where(entry.c.ticket_id == ticket_id))
        self.session.execute(delete(st.TICKET).where(st.TICKET.c.id == ticket_id))
        self.tickets.add(ticket_id)
        self.refold.discard(ticket_id)
        self.reindex.discard(ticket_id)

    def _row(self, change: Change, rejection: Rejection) -> None:
        current = rejection.current
        if current is None or not current.fields:
            return
        self.session.execute(
            delete(FieldClock).where(
                FieldClock.table_name == change.table,
                FieldClock.row_id == change.row_id,
                FieldClock.change_id == change.change_id,
            )
        )
        try:
            prepared = prepare(current)
        except Unfit:
            return
        exists = change.row_id in existing_ids(self.session, change.table, [change.row_id])
        apply_row(self.session, prepared, exists=exists)
        if change.table == "requester":
            self.refold |= _requester_tickets(self.session, change.row_id)

    def finish(self) -> None:
        """Refold the tickets whose entries were taken back and recompute their search rows."""
        gone = set(st_ids(self.session, self.refold | self.reindex))
        if gone:
            calendar = load_calendar(self.session)
            ticket_cache.refresh_batch(self.session, gone, calendar=calendar)
            fts.reindex_tickets(self.session.connection(), sorted(gone))
        self.tickets |= self.refold


def st_ids(session: Session, ticket_ids: set[str]) -> list[str]:
    """The tickets among `ticket_ids` that still exist."""
    return sorted(existing_ids(session, "ticket", ticket_ids)) if ticket_ids else []


def _requester_tickets(session: Session, requester_id: str) -> set[str]:
    return set(
        session.scalars(select(st.REPORTER.c.ticket_id).where(st.REPORTER.c.requester_id == requester_id))
    )


def _json(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    return value
