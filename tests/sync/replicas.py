"""Several office replicas of one city for sync tests, and a relay that plays the server's part.

`make_replicas` copies the session's template office (same office, users, categories) into N files,
each given a new device identity and number prefix, an empty outbox (its setup rows are what the
server would have sent) and a sync lease. `Relay` keeps the changes pushed to it in order (the
server's log): `push` sends a replica's outbox batch by batch and acknowledges every change,
`pull` applies the log after the replica's cursor in pages.
"""

from __future__ import annotations

import dataclasses
import random
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from citydesk.domain.clock import ManualClock, to_ms
from citydesk.domain.ids import uuid7
from citydesk.store.db import open_database
from citydesk.sync import lease
from citydesk.sync.acknowledge import AckResult, acknowledge
from citydesk.sync.apply import ApplyResult, apply_page
from citydesk.sync.messages import PushReply, Rejection
from citydesk.sync.outgoing import next_batch
from citydesk.sync.wire import Change
from factories import START, Office


@dataclass
class Replica:
    """One office PC: its test office (database, clock, actors) and its sync lease token."""

    name: str
    office: Office
    token: str

    @property
    def db(self):  # type: ignore[no-untyped-def]
        """The replica's database."""
        return self.office.db

    @property
    def clock(self) -> ManualClock:
        """The replica's manual clock."""
        return self.office.clock


def new_identity(path: Path, number: int) -> str:
    """Give a copied office database its own device id and number prefix, an empty outbox and the
    state of an enrolled PC (plain sqlite3: not a synced write)."""
    device_id = uuid7(to_ms(START) + number)
    conn = sqlite3.connect(path)
    try:
        prefix = f"CLK-{number}"
        conn.execute("DELETE FROM outbox")
        conn.execute(
            "UPDATE sync_state SET device_id = ?, number_prefix = ?, pushed_seq = device_seq, "
            "server_url = 'https://server.test', server_epoch = 'epoch-1', device_number = ? WHERE id = 1",
            (device_id, prefix, number),
        )
        conn.execute("INSERT INTO number_counter (prefix, last_seq) VALUES (?, 0)", (prefix,))
        conn.commit()
    finally:
        conn.close()
    return device_id


def make_replicas(template: Office, folder: Path, count: int) -> list[Replica]:
    """`count` replicas of the template office, each with its own file, clock and device."""
    out = []
    for n in range(1, count + 1):
        path = folder / f"office{n}.sqlite"
        shutil.copyfile(template.db.path, path)
        new_identity(path, n)
        clock = ManualClock(START)
        db = open_database(path, clock=clock)
        office = dataclasses.replace(template, db=db, clock=clock)
        token = lease.acquire(db, holder="test", ttl=timedelta(days=3650))
        assert token is not None
        out.append(Replica(chr(ord("A") + n - 1), office, token))
    return out


@dataclass
class Relay:
    """The server's part, simplified: an ordered log of accepted changes, cursors per replica."""

    log: list[Change] = field(default_factory=list)
    cursors: dict[str, int] = field(default_factory=dict)
    rejections: dict[str, Rejection] = field(default_factory=dict)  # change id -> refuse it

    @property
    def server_hlc(self) -> int:
        """The highest HLC the server has seen."""
        return max((c.hlc for c in self.log), default=0)

    def push(self, replica: Replica, *, limit: int = 1000) -> list[AckResult]:
        """Push the replica's whole outbox, batch by batch, accepting all but `rejections`."""
        results = []
        while (batch := next_batch(replica.db, limit=limit)) is not None:
            accepted = [c for c in batch.changes if c.change_id not in self.rejections]
            rejected = tuple(
                self.rejections[c.change_id] for c in batch.changes if c.change_id in self.rejections
            )
            self.log += [dataclasses.replace(c, seq=None) for c in accepted]
            reply = PushReply(
                accepted=tuple(c.change_id for c in accepted),
                rejected=rejected,
                server_hlc=self.server_hlc,
                acked_seq=batch.seq_last,
            )
            results.append(
                acknowledge(
                    replica.db, batch=batch, batch_id=uuid7(1), reply=reply, lease_token=replica.token
                )
            )
        return results

    def pull(
        self, replica: Replica, *, page: int = 1000, shuffle: random.Random | None = None
    ) -> list[ApplyResult]:
        """Apply every logged change after the replica's cursor, page by page (each page's changes in a
        random order when `shuffle` is given: apply must not depend on the order within a page)."""
        results = []
        while (start := self.cursors.get(replica.name, 0)) < len(self.log):
            changes = self.log[start : start + page]
            if shuffle is not None:
                changes = shuffle.sample(changes, len(changes))
            end = start + len(changes)
            results.append(
                apply_page(
                    replica.db,
                    changes=changes,
                    lease_token=replica.token,
                    cursor=f"epoch-1:{end}",
                    received_hlc=self.server_hlc,
                )
            )
            self.cursors[replica.name] = end
        return results

    def sync(self, *replicas: Replica) -> None:
        """Everyone pushes, then everyone pulls (twice round, so nothing waits on anyone)."""
        for _ in range(2):
            for replica in replicas:
                self.push(replica)
            for replica in replicas:
                self.pull(replica)
