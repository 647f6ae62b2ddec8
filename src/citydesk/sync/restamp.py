"""Re-stamping unpushed changes after the server refused a batch stamped in its future (409
"clock_ahead"), in ONE transaction.

Every outbox row past the acknowledged sequence gets a new HLC just above everything this replica has
pushed or received (`max(remote_hlc, server_hlc)`), in sequence order; rows that shared a stamp (a
ticket insert and its `created` entry, a requester's fields) share the new one. The rows carry it too
(`timeline_entry.hlc`, `contact_log.hlc`, `field_clock.hlc` of the clocks naming the change); change
ids stay. Touched tickets are refolded, and `sync_state.hlc` is set just past the new stamps (lowered
from the PC's future time: nothing stamped above them remains), so the next edit is not refused again.
Transactions committed from this module keep their outbox rows (the capture check exempts
`citydesk.sync.restamp`).
"""

from __future__ import annotations

from sqlalchemy import select, update

from citydesk.store import statements as st
from citydesk.store import ticket_cache
from citydesk.store.db import Database
from citydesk.store.models import ContactLog, FieldClock, Outbox, SyncState
from citydesk.store.settings import load_calendar
from citydesk.sync import lease


def restamp_unpushed(db: Database, *, server_hlc: int, lease_token: str) -> int:
    """Give every unpushed change a new HLC above `max(remote_hlc, server_hlc)`; returns the count."""
    now = db.clock.now()
    with db.write() as session:
        lease.check(session, lease_token, now)
        state = session.execute(
            select(SyncState.pushed_seq, SyncState.remote_hlc, SyncState.device_id).where(SyncState.id == 1)
        ).one()
        rows = (
            session.execute(select(Outbox).where(Outbox.seq > (state.pushed_seq or 0)).order_by(Outbox.seq))
            .scalars()
            .all()
        )
        if not rows:
            return 0
        base = max(state.remote_hlc or 0, server_hlc)
        new_of: dict[int, int] = {}
        for row in rows:
            if row.hlc not in new_of:
                new_of[row.hlc] = base + len(new_of) + 1
        entry = st.ENTRY
        tickets: set[str] = set()
        for row in rows:
            stamp = new_of[row.hlc]
            session.execute(update(Outbox).where(Outbox.seq == row.seq).values(hlc=stamp))
            if row.table_name == "timeline_entry":
                result = session.execute(
                    update(entry)
                    .where(entry.c.id == row.row_id)
                    .values(hlc=stamp)
                    .returning(entry.c.ticket_id)
                )
                tickets |= set(result.scalars())
            elif row.table_name == "contact_log":
                session.execute(update(ContactLog).where(ContactLog.id == row.row_id).values(hlc=stamp))
            elif row.table_name != "ticket":
                session.execute(
                    update(FieldClock)
                    .where(
                        FieldClock.table_name == row.table_name,
                        FieldClock.row_id == row.row_id,
                        FieldClock.change_id == row.change_id,
                    )
                    .values(hlc=stamp)
                )
        last = max(new_of.values())
        session.execute(update(SyncState).where(SyncState.id == 1).values(hlc=last))
        if tickets:
            ticket_cache.refresh_batch(session, tickets, calendar=load_calendar(session))
        return len(rows)
