"""A small sync world for the engine's integration tests: the real server app (through FastAPI's TestClient
wrapped in a fault injector), set up by its admin functions, and office databases enrolled with `connect`.

Every part is real (server, app, SQLite files, engine); only the OS keyring is an in-memory backend.
"""

from __future__ import annotations

import importlib
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from citydesk.domain.clock import ManualClock
from citydesk.store.db import Database, open_database
from citydesk.store.models import Outbox, SyncState, Ticket, TimelineEntry
from citydesk.sync.http import SyncClient
from factories import START
from fault_injection import FaultInjector
from keyring_memory import MemoryKeyring, memory_keyring

URL = "http://testserver"


def server_admin() -> Any:
    """`citydesk.server.admin` (imported when used: the engine's tests import no server code at load)."""
    return importlib.import_module("citydesk.server.admin")


def server_app() -> Any:
    """`citydesk.server.app`."""
    return importlib.import_module("citydesk.server.app")


PASSWORD = "correct horse"


@dataclass
class Replica:
    """An enrolled office database and its sync client."""

    name: str
    db: Database
    clock: ManualClock
    client: Any  # SyncClient

    def sync(self, **options: Any) -> Any:
        """One sync cycle (`sync_once`)."""
        from citydesk.sync.engine import sync_once

        return sync_once(self.db, self.client, **options)

    def actor(self, username: str) -> Any:
        """The Actor of a user the server created (arrived by the first sync)."""
        from citydesk.services.setup import actor_for_username

        return actor_for_username(self.db, username)

    def log(self, username: str, title: str, **extra: Any) -> Any:
        """Log a request as `username` in the Pothole category."""
        from citydesk.services.intake import log_request

        with self.db.read() as session:
            from citydesk.store.models import Category

            category = session.scalar(select(Category.id).where(Category.name == "Pothole"))
        return log_request(self.db, actor=self.actor(username), title=title, channel="phone",
                           category_id=category, **extra)  # fmt: skip

    def state(self) -> SyncState:
        """The sync_state row."""
        with self.db.read() as session:
            return session.execute(select(SyncState)).scalar_one()

    def outbox(self) -> int:
        """Outbox rows waiting."""
        with self.db.read() as session:
            return int(session.scalar(select(func.count()).select_from(Outbox)) or 0)

    def tickets(self) -> dict[str, str]:
        """number -> title of every ticket."""
        with self.db.read() as session:
            return {r.number: r.title for r in session.execute(select(Ticket.number, Ticket.title))}

    def entries(self) -> list[tuple[str, str, str | None]]:
        """(id, kind, body) of every timeline entry, by id."""
        with self.db.read() as session:
            rows = session.execute(
                select(TimelineEntry.id, TimelineEntry.kind, TimelineEntry.body).order_by(TimelineEntry.id)
            )
            return [(r.id, r.kind, r.body) for r in rows]


@dataclass
class World:
    """The server, its app behind a fault injector, the shared clock and the enrolled offices."""

    tmp: Path
    url: str  # the server's database URL
    clock: ManualClock
    injector: FaultInjector
    keyring: MemoryKeyring
    stack: ExitStack
    replicas: list[Replica] = field(default_factory=list)
    apps: list[Any] = field(default_factory=list)

    def enrol(self, name: str, office: str = "CLK", *, clock: ManualClock | None = None) -> Replica:
        """Enrol a new office PC with a fresh code (`connect`) and open its database."""
        from citydesk.sync.connect import connect
        from citydesk.sync.credentials import load_credential
        from citydesk.sync.http import SyncClient

        clock = clock or self.clock
        code = server_admin().enrol_code(self.url, office=office, clock=self.clock)
        path = self.tmp / f"{name}.sqlite"
        done = connect(path, URL, code, device_name=name, clock=clock, client=self.injector.client())
        assert done.first_error is None, done.first_error
        db = open_database(path, clock=clock)
        credential = load_credential(URL, done.device_id)
        replica = Replica(
            name, db, clock, SyncClient(URL, credential=credential, client=self.injector.client())
        )
        self.replicas.append(replica)
        return replica

    def serve(self, path: Path) -> None:
        """Serve the server database at `path` (a restart, or a restore from a backup file)."""
        self.url = f"sqlite+pysqlite:///{path}"
        app = server_app().create_app(self.url, clock=self.clock)
        self.apps.append(app)
        self.injector.app_client = self.stack.enter_context(TestClient(app))

    def backup(self, name: str) -> Path:
        """A copy of the server's database file now (the app keeps running)."""
        source = Path(self.url.removeprefix("sqlite+pysqlite:///"))
        target = self.tmp / name
        import sqlite3

        src = sqlite3.connect(source)
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            src.close()
            dst.close()
        return target

    def at(self, when: datetime) -> None:
        """Set the shared clock."""
        self.clock.set(when)


def set_up_server(url: str, clock: ManualClock) -> None:
    """A city with two offices, Public Works and its Pothole category, and four users."""
    admin = server_admin()
    admin.init_server(url, city="Testville", time_zone="America/Chicago", admin="root", password=PASSWORD,
                      clock=clock)  # fmt: skip
    admin.add_office(url, code="CLK", name="City Hall", clock=clock)
    admin.add_office(url, code="PD", name="Police annex", clock=clock)
    admin.add_department(url, code="PW", name="Public Works", clock=clock)
    admin.add_category(url, name="Pothole", department="PW", clock=clock)
    for username, role, office, department in (
        ("carla", "clerk", "CLK", None),
        ("pete", "clerk", "PD", None),
        ("tomas", "technician", "CLK", "PW"),
        ("sam", "supervisor", "CLK", "PW"),
    ):
        admin.add_user(url, username=username, display_name=username.title(), role=role, office=office,
                       department=department, password=PASSWORD, clock=clock)  # fmt: skip


@contextmanager
def sync_world(tmp: Path, template: Path | None = None) -> Iterator[World]:
    """A fresh world in `tmp` (the server database copied from `template` when given)."""
    clock = ManualClock(START)
    path = tmp / "server.sqlite"
    if template is not None:
        shutil.copyfile(template, path)
    else:
        set_up_server(f"sqlite+pysqlite:///{path}", clock)
    clock.advance(minutes=1)
    with ExitStack() as stack:
        keyring = stack.enter_context(memory_keyring())
        world = World(tmp=tmp, url="", clock=clock, injector=FaultInjector(None),  # type: ignore[arg-type]
                      keyring=keyring, stack=stack)  # fmt: skip
        world.serve(path)
        try:
            yield world
        finally:
            for replica in world.replicas:
                replica.db.close()
            stack.close()
            for app in world.apps:
                app.state.db.close()


def copy_of(world: World, replica: Replica, name: str) -> Replica:
    """A copy of `replica`'s database file made by hand, using the same keyring entry."""
    target = world.tmp / f"{name}.sqlite"
    src, dst = sqlite3.connect(replica.db.path), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    db = open_database(target, clock=replica.clock)
    copy = Replica(name, db, replica.clock, SyncClient(URL, credential=replica.client.credential,
                                                      client=world.injector.client()))  # fmt: skip
    world.replicas.append(copy)
    return copy


@contextmanager
def cli_sync_world(tmp: Path, monkeypatch: Any) -> Iterator[World]:
    """A sync world for `citydesk` command tests: a data folder of its own, and the commands reach the
    in-process server through the world's fault injector."""
    monkeypatch.setenv("CITYDESK_DATA_DIR", str(tmp / "data-dir"))
    monkeypatch.setenv("CITYDESK_DATABASE", str(tmp / "data-dir" / "default.sqlite"))
    with sync_world(tmp) as made:
        monkeypatch.setattr("citydesk.cli.sync.http_client", made.injector.client)
        yield made
