"""The push half of a sync cycle: the sent journal (after a server restore), then the outbox, batch by
batch; and the relay of pulled changes a restored server lacks.

- A batch's id is saved in `sync_state` (`push_batch_id`, `push_batch_last`) before it is sent; after a
  lost reply the same range goes again with the same id, and the server answers it from its record.
- 409 clock_ahead: the PC clock's offset is recorded, the unpushed changes are re-stamped above every
  HLC seen (`restamp_unpushed`, same change ids) and the batch is retried, once per cycle.
- 409 sequence_gap: when the server expects changes this PC already had acknowledged (it lost them) and
  the journal still holds them, `pushed_seq` goes back and they are pushed again; otherwise an error.
- The journal is pushed first whenever it holds rows above `pushed_seq` (a new epoch resets it to 0), so
  an interrupted re-push resumes in the next cycle.
"""

from __future__ import annotations

import dataclasses
import functools
from datetime import datetime
from typing import Any

from sqlalchemy import select

from citydesk.domain.clock import to_ms
from citydesk.domain.ids import uuid7
from citydesk.store.models import Outbox, SentJournal
from citydesk.sync import wire
from citydesk.sync.engine_cycle import Cycle, clock_warning
from citydesk.sync.http import BadReply, ClockAhead, SequenceGap
from citydesk.sync.messages import PushRequest


def push_all(cycle: Cycle) -> None:
    """Push the journal rows above `pushed_seq`, then the outbox, until both are empty."""
    from citydesk.sync.acknowledge import acknowledge
    from citydesk.sync.outgoing import journal_batch, next_batch, pending_counts

    limit = min(cycle.page_size, wire.MAX_BATCH)
    total = pending_counts(cycle.db).outbox
    gap_fixed = False
    cycle.report("push", 0, total)
    while True:
        state = cycle.state()
        batch = journal_batch(cycle.db, after_seq=state.pushed_seq, limit=limit)
        if batch is None:
            batch = next_batch(cycle.db, limit=limit)
        if batch is None:
            return
        batch, batch_id = in_flight(cycle, batch, state.push_batch_id, state.push_batch_last)
        request = PushRequest(batch_id=batch_id, epoch=cycle.epoch, seq_first=batch.seq_first,
                              seq_last=batch.seq_last, changes=tuple(batch.changes))  # fmt: skip
        try:
            reply = cycle.client.push(request)
        except ClockAhead as exc:
            if cycle.restamped:
                raise
            restamp(cycle, exc)
            continue
        except SequenceGap as exc:
            if gap_fixed or not _journal_holds(cycle, exc.expected_seq, state.pushed_seq):
                raise
            gap_fixed = True
            cycle.write_state(pushed_seq=exc.expected_seq - 1, push_batch_id=None, push_batch_last=None)
            continue
        ack = cycle.run_write(
            functools.partial(acknowledge, cycle.db, batch=batch, batch_id=batch_id, reply=reply,
                              lease_token=cycle.token)
        )  # fmt: skip
        cycle.pushed += ack.accepted
        cycle.rejected.extend(ack.rejected)
        cycle.ticket_ids.update(ack.ticket_ids)
        cycle.page_done(ack.ticket_ids)
        if not ack.accepted and not ack.rejected and cycle.state().pushed_seq == state.pushed_seq:
            raise BadReply(
                f"The sync server acknowledged none of the changes {batch.seq_first}–{batch.seq_last}; "
                "they are kept and sent again at the next sync."
            )
        cycle.report("push", cycle.pushed + len(cycle.rejected), total)
        cycle.between_pages()


def in_flight(cycle: Cycle, batch: Any, saved_id: str | None, saved_last: int | None) -> tuple[Any, str]:
    """The batch to send and its id: the saved batch again (same id, same range, trimmed to it) when one
    was in flight, else this one under a new id saved before it is sent."""
    if saved_id is not None and saved_last is not None and batch.seq_first <= saved_last:
        kept = tuple(c for c in batch.changes if c.seq is None or c.seq <= saved_last)
        if kept:
            return dataclasses.replace(
                batch, changes=kept, seq_last=min(batch.seq_last, saved_last)
            ), saved_id
    batch_id = uuid7(to_ms(cycle.db.clock.now()))
    cycle.write_state(push_batch_id=batch_id, push_batch_last=batch.seq_last)
    return batch, batch_id


def restamp(cycle: Cycle, exc: ClockAhead) -> None:
    """After 409 clock_ahead: record the PC clock's offset, re-stamp the unpushed changes, new batch id."""
    from citydesk.sync.restamp import restamp_unpushed

    offset = offset_ms(exc.server_time, cycle.db.clock.now())
    cycle.write_state(clock_offset_ms=offset, push_batch_id=None, push_batch_last=None)
    restamp_unpushed(cycle.db, server_hlc=exc.server_hlc, lease_token=cycle.token)
    cycle.restamped = True
    cycle.clock_warning = clock_warning(offset) or cycle.clock_warning


def offset_ms(server_time: str, now: datetime) -> int:
    """The server's clock minus this PC's, in ms (negative: the PC is ahead)."""
    try:
        server = datetime.fromisoformat(server_time)
    except ValueError:
        raise BadReply(f"The sync server sent a time that cannot be read: {server_time!r}.") from None
    if server.tzinfo is None:
        raise BadReply(f"The sync server sent a time without its UTC offset: {server_time!r}.")
    return to_ms(server) - to_ms(now)


def _journal_holds(cycle: Cycle, expected_seq: int, pushed_seq: int) -> bool:
    """True when the server's gap is behind this PC's acknowledged sequence and the journal has rows
    from `expected_seq` on (so going back re-pushes them)."""
    if expected_seq < 1 or expected_seq > pushed_seq:
        return False
    with cycle.db.read() as session:
        found = session.scalar(
            select(SentJournal.seq)
            .where(SentJournal.seq >= expected_seq, SentJournal.seq <= pushed_seq)
            .limit(1)
        )
    return found is not None


def relay_missing(cycle: Cycle) -> None:
    """After a server restore: offer the server every change this PC holds that it lacks (pulled from
    other offices, with their original author, device and change id), page by page."""
    from citydesk.sync.outgoing import local_change_ids, relay_changes

    limit = min(cycle.page_size, wire.MAX_BATCH)
    after: str | None = None
    offered = 0
    cycle.report("relay", 0, None)
    while True:
        ids = local_change_ids(cycle.db, after=after, limit=limit)
        if not ids:
            return
        after = ids[-1]
        offered += len(ids)
        with cycle.db.read() as session:
            unpushed = set(session.scalars(select(Outbox.change_id).where(Outbox.change_id.in_(ids))))
        wanted = [c for c in ids if c not in unpushed]
        missing = cycle.client.missing(wanted) if wanted else []
        if missing:
            changes = relay_changes(cycle.db, missing)
            for start in range(0, len(changes), wire.MAX_BATCH):
                chunk = tuple(changes[start : start + wire.MAX_BATCH])
                request = PushRequest(batch_id=uuid7(to_ms(cycle.db.clock.now())), epoch=cycle.epoch,
                                      seq_first=None, seq_last=None, changes=(), relayed=chunk)  # fmt: skip
                reply = cycle.client.push(request)
                cycle.relayed += len(reply.accepted)
        cycle.report("relay", offered, None)
        cycle.between_pages()
