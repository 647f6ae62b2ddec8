"""A simulated city for the convergence test: the real server app on an SQLite file (or a PostgreSQL
database: `server_path` is then its URL) behind the fault injector, enrolled office databases copied
from a template, controllable clocks. Real parts only; the OS keyring is the one thing replaced (an
in-memory backend)."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine

from citydesk.domain.clock import ManualClock
from citydesk.domain.errors import CitydeskError
from citydesk.domain.roles import Actor
from citydesk.server import admin
from citydesk.server.app import create_app
from citydesk.services.setup import actor_for_username
from citydesk.store.db import Database, open_database
from citydesk.sync.connect import connect
from citydesk.sync.credentials import load_credential
from citydesk.sync.engine import SyncResult, sync_once
from citydesk.sync.http import SyncClient
from factories import START
from fault_injection import FaultInjector
from keyring_memory import MemoryKeyring
from pg_kit import create_database, database_name, drop_database, is_postgresql, with_database

URL = "http://testserver"
PASSWORD = "correct horse"
OFFICE_CODES = ("CLK", "PW", "POL", "FIRE", "LIB")
SHARED_USERS = (("sam", "supervisor"), ("ada", "admin"))


def query(path: Path | str, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Rows of a read-only query on an SQLite file, or a PostgreSQL database given by its URL (what a
    test reads, independent of the code)."""
    if is_postgresql(path):
        return pg_query(str(path), sql, args)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [tuple(r) for r in conn.execute(sql, args)]
    finally:
        conn.close()


_PG_ENGINES: dict[str, Engine] = {}  # the test's own connections, one engine per server database


def pg_query(url: str, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Rows of a query (with `?` placeholders) on a PostgreSQL database."""
    engine = _PG_ENGINES.get(url) or _PG_ENGINES.setdefault(url, create_engine(url))
    with engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql.replace("?", "%s"), args).all()]


def pg_let_go(url: str) -> None:
    """Close the test's connections to a PostgreSQL database (before it is copied or dropped)."""
    engine = _PG_ENGINES.pop(url, None)
    if engine is not None:
        engine.dispose()


@dataclass
class OfficePC:
    """One enrolled office database, its clock and the people who work there."""

    code: str
    db: Database
    clock: ManualClock
    device_id: str
    clerk: Actor
    tech: Actor
    retired: bool = False
    change_ids: set[str] = field(default_factory=set)  # every change this PC recorded


@dataclass
class City:
    """The server (its app behind the fault injector) and its offices."""

    root: Path
    server_path: Path | str  # the SQLite file, or the URL of the PostgreSQL database
    server_clock: ManualClock
    keyring: MemoryKeyring
    offices: list[OfficePC] = field(default_factory=list)
    users: dict[str, Actor] = field(default_factory=dict)
    injector: FaultInjector = field(default_factory=lambda: FaultInjector(None))  # type: ignore[arg-type]
    app: Any = None
    backup: Path | str | None = None

    @property
    def server_url(self) -> str:
        """The server database's URL."""
        if is_postgresql(self.server_path):
            return str(self.server_path)
        return f"sqlite+pysqlite:///{self.server_path}"

    def start_server(self) -> None:
        """A new server app on the database file (a restart)."""
        self.stop_server()
        self.app = create_app(self.server_url, clock=self.server_clock)
        self.injector.app_client = TestClient(self.app)

    def stop_server(self) -> None:
        """Close the app's database (and the test's own connections to it)."""
        if self.app is not None:
            self.app.state.db.close()
            self.app = None
        if is_postgresql(self.server_path):
            pg_let_go(self.server_url)

    def take_backup(self) -> None:
        """An online copy of the server database (what `citydesk-server backup` will make); on PostgreSQL
        a database made from the server's as its template (the server restarts: a template has no
        sessions)."""
        if is_postgresql(self.server_path):
            self.stop_server()
            self.backup = f"{database_name(self.server_url)}_backup"
            create_database(self.server_url, self.backup, template=database_name(self.server_url))
            self.start_server()
            return
        target = self.root / "server-backup.sqlite"
        src, dst = sqlite3.connect(self.server_path), sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            src.close()
            dst.close()
        self.backup = target

    def restore_backup(self) -> None:
        """Put the backup back and start a new epoch: the server forgot everything after the backup."""
        assert self.backup is not None
        self.stop_server()
        if is_postgresql(self.server_path):
            drop_database(self.server_url, database_name(self.server_url))
            create_database(self.server_url, database_name(self.server_url), template=str(self.backup))
            admin.new_epoch(self.server_url, clock=self.server_clock)
            self.start_server()
            return
        for suffix in ("-wal", "-shm"):
            Path(f"{self.server_path}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(self.backup, self.server_path)
        admin.new_epoch(self.server_url, clock=self.server_clock)
        self.start_server()

    def client(self, office: OfficePC) -> SyncClient:
        """The office's sync client, through the fault injector."""
        return SyncClient(
            URL, credential=load_credential(URL, office.device_id), client=self.injector.client()
        )

    def sync(self, office: OfficePC, **options: Any) -> SyncResult | CitydeskError:
        """One sync cycle of the office; a fault's error is returned, not raised."""
        try:
            return sync_once(office.db, self.client(office), holder=f"test-{office.code}", **options)
        except CitydeskError as exc:
            return exc
        finally:
            self.injector.planned.clear()

    def live(self) -> list[OfficePC]:
        """The offices still in service."""
        return [o for o in self.offices if not o.retired]

    def tick(self, seconds: int) -> None:
        """Let time pass on every clock."""
        self.server_clock.advance(seconds=seconds)
        for office in self.offices:
            office.clock.advance(seconds=seconds)

    def close(self) -> None:
        """Release every file (and drop a PostgreSQL server's databases)."""
        self.stop_server()
        for office in self.offices:
            office.db.close()
        if is_postgresql(self.server_path):
            for name in (database_name(self.server_url), f"{database_name(self.server_url)}_backup"):
                drop_database(self.server_url, name)


def build_template(
    root: Path, keyring: MemoryKeyring, offices: int = len(OFFICE_CODES), server_url: str | None = None
) -> City:
    """A server with offices, two departments, three categories, a clerk and a technician per office,
    a supervisor and an admin, and `offices` enrolled PCs; the server on an SQLite file in `root`, or
    on the (new, empty) PostgreSQL database `server_url`."""
    root.mkdir(parents=True, exist_ok=True)
    city = City(
        root=root, server_path=server_url or root / "server.sqlite", server_clock=ManualClock(START),
        keyring=keyring,
    )  # fmt: skip
    url, clock = city.server_url, city.server_clock
    admin.init_server(url, city="City of Testville", time_zone="America/Chicago", admin="root",
                      password=PASSWORD, clock=clock)  # fmt: skip
    admin.add_department(url, code="PW", name="Public Works", clock=clock)
    admin.add_department(url, code="IT", name="Information Technology", clock=clock)
    admin.add_category(url, name="Pothole", department="PW", target_days=5, clock=clock)
    admin.add_category(url, name="Password reset", department="IT", target_days=1, clock=clock)
    for code in OFFICE_CODES[:offices]:
        admin.add_office(url, code=code, name=f"Office {code}", clock=clock)
        for username, role, dept in (
            (f"clerk{code.lower()}", "clerk", None),
            (f"tech{code.lower()}", "technician", "PW"),
        ):
            admin.add_user(url, username=username, display_name=username.title(), role=role, office=code,
                           department=dept, password=PASSWORD, clock=clock)  # fmt: skip
    for username, role in SHARED_USERS:
        admin.add_user(url, username=username, display_name=username.title(), role=role, office=None,
                       department="PW", password=PASSWORD, clock=clock)  # fmt: skip
    clock.advance(minutes=1)
    city.start_server()
    for code in OFFICE_CODES[:offices]:
        enrol = admin.enrol_code(url, office=code, clock=clock)
        office_clock = ManualClock(clock.now())
        done = connect(root / f"{code}.sqlite", URL, enrol, device_name=f"PC {code}", clock=office_clock,
                       client=city.injector.client())  # fmt: skip
        assert done.first_error is None, done.first_error
        db = open_database(root / f"{code}.sqlite", clock=office_clock)
        city.offices.append(OfficePC(code, db, office_clock, done.device_id,
                                     actor_for_username(db, f"clerk{code.lower()}"),
                                     actor_for_username(db, f"tech{code.lower()}")))  # fmt: skip
    city.users = {u: actor_for_username(city.offices[0].db, u) for u, _ in SHARED_USERS}
    return city


def copy_city(template: City, root: Path, offices: int) -> City:
    """A fresh copy of the template's files with its first `offices` offices (same ids, credentials)."""
    root.mkdir(parents=True, exist_ok=True)
    template.stop_server()
    for office in template.offices:
        office.db.close()
    server_path: Path | str = root / "server.sqlite"
    if is_postgresql(template.server_path):
        name = f"{database_name(template.server_url)}_{root.name}".replace("-", "_")
        drop_database(template.server_url, name)
        create_database(template.server_url, name, template=database_name(template.server_url))
        server_path = with_database(template.server_url, name)
    else:
        shutil.copyfile(template.server_path, server_path)
    now = template.server_clock.now() + timedelta(minutes=1)
    city = City(root=root, server_path=server_path, server_clock=ManualClock(now),
                keyring=template.keyring, users=dict(template.users))  # fmt: skip
    for source in template.offices[:offices]:
        target = root / source.db.path.name
        shutil.copyfile(source.db.path, target)
        clock = ManualClock(now)
        db = open_database(target, clock=clock)
        city.offices.append(OfficePC(source.code, db, clock, source.device_id, source.clerk, source.tech))
    city.start_server()
    return city
