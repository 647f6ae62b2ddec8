"""Change capture: HLC stamps and outbox rows written in the same transaction as each edit."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from citydesk.domain.clock import Clock, to_ms
from citydesk.domain.ids import uuid7
from citydesk.store import statements as st
from citydesk.sync import hlc as hlc_mod


@dataclass(frozen=True, slots=True)
class Stamp:
    """When and where a change happened: HLC, wall time, device and office."""

    hlc: int
    at: datetime
    device_id: str
    office_id: str


class Capture:
    """Per-transaction capture: hands out HLC stamps and outbox sequence numbers.

    The device sequence is a persistent counter in `sync_state` (never the outbox rowid);
    `finish()` writes the counters back before the transaction commits.
    """

    def __init__(self, session: Session, clock: Clock, state: Any = None) -> None:
        """Read the counters from `sync_state`, or take them from `state` (a row the caller read)."""
        row = state if state is not None else session.execute(st.SELECT_STATE).one_or_none()
        if row is None:
            from citydesk.store.db import StorageError

            raise StorageError("This database has not been set up yet (no office or device).")
        self.session = session
        self.clock = clock
        self.device_id: str = row.device_id
        self.office_id: str = row.office_id
        self.number_prefix: str = row.number_prefix
        self._hlc: int = row.hlc
        # The PC clock's offset from the server's, measured at a refused push (0 until then): HLC
        # stamps follow the server's time so a PC whose clock runs ahead is not refused again.
        self._offset_ms: int = row.clock_offset_ms or 0
        self._seq: int = row.device_seq
        self._start_seq = self._seq
        self._start_hlc = self._hlc

    @property
    def hlc(self) -> int:
        """The last HLC handed out or received (what `finish()` saves)."""
        return self._hlc

    def stamp(self) -> Stamp:
        """A new HLC stamp for one change made now."""
        now = self.clock.now()
        self._hlc = hlc_mod.tick(self._hlc, to_ms(now) + self._offset_ms)
        return Stamp(hlc=self._hlc, at=now, device_id=self.device_id, office_id=self.office_id)

    def new_id(self) -> str:
        """A UUIDv7 for a new row or entry."""
        return uuid7(to_ms(self.clock.now()))

    def record(self, *, op: str, table: str, row_id: str, hlc: int, field: str | None = None) -> str:
        """Write one outbox row (a reference to the changed row); returns its change id.

        A timeline entry, a ticket's insert and a counted contact are written once and never change:
        their change id is the row's own id (`change_id_for`), so a replica can name the change that
        carried any of them (the relay after a server restore). Other changes get a new UUIDv7.
        """
        self._seq += 1
        now = self.clock.now()
        change_id = change_id_for(op, table, row_id, now)
        st.RUN_INSERT_OUTBOX.execute(
            self.session,
            {
                "seq": self._seq,
                "change_id": change_id,
                "op": op,
                "table_name": table,
                "row_id": row_id,
                "field": field,
                "hlc": hlc,
                "created_at": now,
            },
        )
        return change_id

    def reserve(self, count: int) -> int:
        """Reserve `count` sequence numbers for a bulk write; returns the first."""
        first = self._seq + 1
        self._seq += count
        return first

    def observe_hlc(self, value: int) -> None:
        """Move the clock past a stamp written by a bulk path."""
        self._hlc = max(self._hlc, value)

    def receive(self, remote: int) -> int:
        """Merge an HLC received from another replica (`hlc.receive` at this clock's now); returns it.

        Every later `stamp()` is above `remote`, even on a PC whose wall clock is behind; `finish()`
        saves the merged value in `sync_state` with the rows the caller applies.
        """
        self._hlc = hlc_mod.receive(self._hlc, remote, to_ms(self.clock.now()) + self._offset_ms)
        return self._hlc

    def finish(self) -> None:
        """Persist the HLC and device sequence counters (inside the same transaction)."""
        if self._seq != self._start_seq or self._hlc != self._start_hlc:
            st.RUN_UPDATE_STATE.execute(self.session, {"v_hlc": self._hlc, "v_seq": self._seq})


# Rows written once and never changed: the change that carries one is named by the row's id.
SELF_NAMED = frozenset({("entry", "timeline_entry"), ("insert", "ticket"), ("insert", "contact_log")})


def change_id_for(op: str, table: str, row_id: str, now: datetime) -> str:
    """The change id of a new outbox row: the row's own id for entries, ticket and contact inserts."""
    return row_id if (op, table) in SELF_NAMED else uuid7(to_ms(now))


def merge_received_hlc(session: Session, clock: Clock, remotes: Iterable[int]) -> int:
    """Merge the HLCs of received changes into `sync_state.hlc`, inside the caller's transaction.

    The apply path calls this with the stamps of the rows it applies, in the transaction that applies
    them, so the clock and the rows commit (or roll back) together. Returns the saved HLC.
    """
    capture = Capture(session, clock)
    highest = max(remotes, default=None)
    if highest is not None:
        capture.receive(highest)
    capture.finish()
    return capture.hlc


def field_clock_row(
    table: str, row_id: str, field: str, stamp: Stamp, *, author_id: str | None, change_id: str | None
) -> dict[str, Any]:
    """The `field_clock` columns of one last-writer-wins write: HLC, device, author and change id."""
    return {
        "table_name": table,
        "row_id": row_id,
        "field": field,
        "hlc": stamp.hlc,
        "device_id": stamp.device_id,
        "author_id": author_id,
        "change_id": change_id,
    }
