"""Sync by file in tests: an office PC enrolled by file (the admin's enrolment file, imported), the files
it carries, and the server's change-log size. Every part is real; only the keyring is in memory."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import text

from citydesk.server.db import open_server_database
from citydesk.server.enrol_file import enrol_file
from citydesk.server.exchange import exchange
from citydesk.store.db import open_database
from citydesk.sync.by_file import read_reply, write_request
from citydesk.sync.by_file_enrol import import_enrolment
from citydesk.sync.credentials import load_credential
from citydesk.sync.http import SyncClient
from sync_world import URL, Replica, World


@dataclass
class Field:
    """The field office: its replica (HTTP client for the last part), and the files it carries."""

    replica: Replica
    tmp: Path
    world: World
    n: int = 0

    def to_file(self) -> Path:
        """Write the PC's next sync file (a new name each time)."""
        self.n += 1
        target = self.tmp / f"field-{self.n}.sync"
        write_request(self.replica.db, target)
        return target

    def exchange(self, request: Path) -> Path:
        """Run the server's exchange on `request`; the reply file (a new name each time)."""
        self.n += 1
        reply = self.tmp / f"{request.stem}-{self.n}.reply"
        exchange(self.world.url, request, reply, clock=self.world.clock)
        return reply

    def from_file(self, reply: Path) -> Any:
        """Read a reply on the PC."""
        return read_reply(self.replica.db, reply)

    def round_trip(self) -> Any:
        """Write, exchange and read: one sync by file."""
        return self.from_file(self.exchange(self.to_file()))


def enrol_field(world: World, name: str = "field", office: str = "PD", *, clock: Any = None) -> Field:
    """A PC enrolled by file (the admin's enrolment file, imported), with an HTTP client for later."""
    enrolment = world.tmp / f"{name}.enrol"
    enrol_file(world.url, office=office, out=enrolment, device_name=name, server_url=URL, clock=world.clock)
    assert enrolment.stat().st_mode & 0o077 == 0  # a secret until imported
    clock = clock or world.clock
    done = import_enrolment(world.tmp / f"{name}.sqlite", enrolment, clock=clock)
    db = open_database(done.path, clock=clock)
    client = SyncClient(URL, credential=load_credential(URL, done.device_id), client=world.injector.client())
    replica = Replica(name, db, clock, client)
    world.replicas.append(replica)
    return Field(replica, world.tmp, world)


def log_size(world: World) -> int:
    """Rows in the server's change log."""
    db = open_server_database(world.url, migrate=False)
    try:
        with db.read() as session:
            return int(session.execute(text("SELECT count(*) FROM change_log")).scalar_one())
    finally:
        db.close()
