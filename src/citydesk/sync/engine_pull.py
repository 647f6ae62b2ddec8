"""The pull half of a sync cycle: the snapshot (first sync, after a server restore or 410) and the pull
pages after the cursor. Each page is applied in one transaction that saves the cursor (or the snapshot
position) with the rows it covers (`sync.apply.apply_page`), so a crash resumes where it stopped.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from citydesk.sync import wire
from citydesk.sync.engine_cycle import Cycle
from citydesk.sync.engine_push import relay_missing
from citydesk.sync.http import BadReply, CursorGone


def pull_all(cycle: Cycle) -> None:
    """Snapshot when there is no cursor (relaying first what a restored server lacks) or a snapshot is
    under way; then pull pages until the server has no more. A gone cursor (410) means a new snapshot."""
    state = cycle.state()
    if state.pull_cursor is None and state.snapshot_cursor is None:
        relay_missing(cycle)
        snapshot(cycle, start=None, after=None)
    elif state.snapshot_cursor is not None:
        snapshot(cycle, start=state.snapshot_cursor, after=state.snapshot_after)
    pull(cycle)
    skip_issued_numbers(cycle)


def skip_issued_numbers(cycle: Cycle) -> int:
    """Move this database's number counter past every ticket number of its prefix it now holds: a copy of
    this database (or the lost future of a restored one) may have issued some before the server caught
    it, and a number is never handed out twice by one replica. Reads first; writes (through the cycle's
    writer, as a page with no tickets) only when the counter must move. Returns the counter."""
    from sqlalchemy import select, update

    from citydesk.store.models import NumberCounter, SyncState
    from citydesk.sync import lease

    with cycle.db.read() as session:
        prefix = session.scalar(select(SyncState.number_prefix).where(SyncState.id == 1))
        if not prefix:
            return 0
        issued = _highest_issued(session, prefix)
        counter = session.scalar(select(NumberCounter.last_seq).where(NumberCounter.prefix == prefix)) or 0
    if issued <= counter:
        return counter

    def bump() -> None:
        with cycle.db.write() as session:
            lease.check(session, cycle.token, cycle.db.clock.now())
            current = session.scalar(select(NumberCounter.last_seq).where(NumberCounter.prefix == prefix))
            if current is not None and current < issued:
                session.execute(
                    update(NumberCounter).where(NumberCounter.prefix == prefix).values(last_seq=issued)
                )

    cycle.run_write(bump)
    cycle.page_done(frozenset())
    return issued


def _highest_issued(session: Any, prefix: str) -> int:
    """The highest sequence of a ticket number "<prefix>-NNNNNN" held here (0: none)."""
    from sqlalchemy import func, select

    from citydesk.domain.numbers import SEQ_DIGITS
    from citydesk.store.models import Ticket

    low, high = f"{prefix}-", f"{prefix}."  # "." sorts just after "-": the prefix's index range
    mine = (Ticket.number >= low) & (Ticket.number < high)
    longest = session.scalar(select(func.max(func.length(Ticket.number))).where(mine))
    if longest is None:
        return 0
    top = session.scalar(select(func.max(Ticket.number)).where(mine, func.length(Ticket.number) == longest))
    tail = str(top or "")[len(low) :]
    return int(tail) if tail.isdigit() and len(tail) >= SEQ_DIGITS else 0


def pull(cycle: Cycle) -> None:
    """Pull and apply pages after the saved cursor until `has_more` is false."""
    cursor = cycle.state().pull_cursor
    limit = min(cycle.page_size, wire.MAX_PAGE)
    gone = False
    cycle.report("pull", cycle.pulled, None)
    while True:
        try:
            page = cycle.client.pull(cursor, limit)
        except CursorGone:
            if gone:
                raise
            gone = True  # the server no longer has history after our cursor: a full download
            snapshot(cycle, start=None, after=None)
            cursor = cycle.state().pull_cursor
            continue
        next_cursor = page.next_cursor or cursor
        # This PC's own changes coming back are already here: only the cursor moves past them. "Own" is
        # a change of this identity that this database holds (its journal or outbox): a copy of this
        # database made changes under the same identity before the server caught it, and a restored
        # backup gets back what it lost; both are applied (applying is idempotent).
        held = _held(cycle, [c.change_id for c in page.changes if c.device_id == cycle.device_id])
        others = [c for c in page.changes if c.change_id not in held]
        if others or next_cursor != cursor:
            _apply(cycle, others, cursor=next_cursor, received_hlc=page.server_hlc)
        cursor = next_cursor
        cycle.report("pull", cycle.pulled, None)
        if not page.has_more:
            return
        cycle.between_pages()


def snapshot(cycle: Cycle, *, start: str | None, after: str | None) -> None:
    """Download every row page by page (resuming at `after` of the snapshot that began at `start`)."""
    limit = min(cycle.page_size, wire.MAX_PAGE)
    restarted = False
    cycle.report("snapshot", cycle.pulled, None)
    while True:
        try:
            page = cycle.client.snapshot(start, after, limit)
        except CursorGone:
            if restarted or start is None:
                raise
            restarted = True  # the snapshot being resumed is too old: start it again
            start = after = None
            continue
        if start is None:
            if page.start_cursor is None:
                raise BadReply("The sync server's first snapshot page has no start cursor.")
            start = page.start_cursor
        done = not page.has_more
        if not done and page.next_after is None:
            raise BadReply("The sync server's snapshot page says there is more but not where it continues.")
        _apply(cycle, page.changes, snapshot_cursor=start, snapshot_after=page.next_after,
               snapshot_done=done, received_hlc=page.server_hlc)  # fmt: skip
        after = page.next_after
        cycle.report("snapshot", cycle.pulled, None)
        if done:
            return
        cycle.between_pages()


def _apply(cycle: Cycle, changes: Sequence[wire.Change], **options: Any) -> None:
    from citydesk.sync.apply import apply_page

    result = cycle.run_write(
        functools.partial(apply_page, cycle.db, changes=changes, lease_token=cycle.token, **options)
    )
    cycle.pulled += sum(1 for c in changes if c.device_id != cycle.device_id)  # not this PC's own
    cycle.ticket_ids.update(result.ticket_ids)
    cycle.page_done(result.ticket_ids)


def _held(cycle: Cycle, change_ids: Sequence[str]) -> set[str]:
    """Those of `change_ids` this database sent or is about to send (its journal and outbox)."""
    from sqlalchemy import select, union

    from citydesk.store.models import Outbox, SentJournal

    held: set[str] = set()
    with cycle.db.read() as session:
        for start in range(0, len(change_ids), 500):
            part = change_ids[start : start + 500]
            query = union(select(SentJournal.change_id).where(SentJournal.change_id.in_(part)),
                          select(Outbox.change_id).where(Outbox.change_id.in_(part)))  # fmt: skip
            held.update(session.scalars(query))
    return held
