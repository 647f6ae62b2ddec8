"""The server tests' kit: a set-up server (real SQLite file, the real app through FastAPI's TestClient),
enrolled devices, requests, and realistic wire changes built by hand. Fixtures are in conftest.py."""

from __future__ import annotations

import gzip
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from citydesk import __version__
from citydesk.domain.clock import ManualClock, to_ms
from citydesk.domain.ids import uuid7
from citydesk.server import admin
from citydesk.sync import hlc
from citydesk.sync.messages import PushRequest
from citydesk.sync.wire import VERSION_HEADER, Change, Op

START = datetime(2026, 11, 16, 15, 0, tzinfo=UTC)
PASSWORD = "correct horse"


@dataclass
class Device:
    """An enrolled test device: its identity, credential and the next device sequence it hands out."""

    id: str
    office_id: str
    number: int
    credential: str
    epoch: str
    seq: int = 0

    @property
    def headers(self) -> dict[str, str]:
        """The headers a real client sends."""
        return {"Authorization": f"Bearer {self.credential}", VERSION_HEADER: __version__}


@dataclass
class Server:
    """A set-up server: office CLK (and PD), departments PW and IT, a category, users of each role."""

    url: str
    path: Path | None  # the SQLite file (None on PostgreSQL)
    clock: ManualClock
    client: TestClient
    offices: dict[str, str]
    users: dict[str, str]
    departments: dict[str, str]
    category: str
    _stamp: int = 0
    devices: list[Device] = field(default_factory=list)

    # ---- requests ------------------------------------------------------------------------------

    def enrol(self, office: str = "CLK", name: str = "Front desk") -> Device:
        """Enrol a new device of `office` through the API."""
        code = admin.enrol_code(self.url, office=office, clock=self.clock)
        reply = self.client.post("/v1/enrol", json={"code": code, "device_name": name})
        assert reply.status_code == 200, reply.text
        body = reply.json()
        device = Device(
            body["device_id"], body["office_id"], body["device_number"], body["credential"], body["epoch"]
        )
        self.devices.append(device)
        return device

    def push(
        self,
        device: Device,
        changes: Sequence[Change],
        *,
        seq_first: int | None = None,
        relayed: Sequence[Change] = (),
        epoch: str | None = None,
        batch_id: str | None = None,
        headers: Mapping[str, str] | None = None,
        gzipped: bool = False,
    ) -> httpx.Response:
        """Push `changes` (numbered from the device's next sequence unless they carry one)."""
        numbered = []
        first = seq_first if seq_first is not None else device.seq + 1
        n = first
        for change in changes:
            numbered.append(change if change.seq is not None else _with_seq(change, n))
            n = (numbered[-1].seq or n) + 1
        last = max([c.seq or 0 for c in numbered], default=first - 1)
        request = PushRequest(
            batch_id=batch_id or uuid7(to_ms(self.clock.now())),
            epoch=epoch or device.epoch,
            seq_first=first if numbered else None,
            seq_last=last if numbered else None,
            changes=tuple(numbered),
            relayed=tuple(relayed),
        )
        reply = self.post_push(device, request.to_json(), headers=headers, gzipped=gzipped)
        if reply.status_code == 200:
            device.seq = max(device.seq, last)
        return reply

    def post_push(
        self, device: Device, body: Any, *, headers: Mapping[str, str] | None = None, gzipped: bool = False
    ) -> httpx.Response:
        """POST a raw push body."""
        sent = dict(device.headers if headers is None else headers)
        raw = json.dumps(body).encode()
        if gzipped:
            raw = gzip.compress(raw)
            sent["Content-Encoding"] = "gzip"
        sent["Content-Type"] = "application/json"
        return self.client.post("/v1/sync/push", content=raw, headers=sent)

    def pull(self, device: Device, cursor: str | None = None, limit: int = 1000) -> httpx.Response:
        """GET a pull page."""
        params: dict[str, Any] = {"limit": limit}
        if cursor is not None:
            params["cursor"] = cursor
        return self.client.get("/v1/sync/pull", params=params, headers=device.headers)

    def snapshot(
        self, device: Device, after: str | None = None, limit: int = 1000, cursor: str | None = None
    ) -> httpx.Response:
        """GET a snapshot page."""
        params: dict[str, Any] = {"limit": limit}
        if after is not None:
            params["after"] = after
        if cursor is not None:
            params["cursor"] = cursor
        return self.client.get("/v1/sync/snapshot", params=params, headers=device.headers)

    # ---- database ------------------------------------------------------------------------------

    def count(self, sql: str, **params: Any) -> int:
        """A count straight from the server database file."""
        engine = create_engine(self.url)
        try:
            with engine.connect() as conn:
                return int(conn.execute(text(sql), params).scalar() or 0)
        finally:
            engine.dispose()

    def log_size(self) -> int:
        """Rows in the change log."""
        return self.count("SELECT count(*) FROM change_log")

    # ---- changes -------------------------------------------------------------------------------

    def stamp(self) -> int:
        """A fresh HLC at the server's clock now (strictly increasing)."""
        self._stamp = hlc.tick(self._stamp, to_ms(self.clock.now()))
        return self._stamp


def _with_seq(change: Change, seq: int) -> Change:
    return Change(
        change.change_id,
        change.table,
        change.op,
        change.row_id,
        change.hlc,
        change.device_id,
        change.author_id,
        change.data,
        change.fields,
        change.clocks,
        seq,
    )


def new_id(server: Server) -> str:
    """A UUIDv7 at the server clock."""
    return uuid7(to_ms(server.clock.now()))


def ticket_insert(
    server: Server,
    device: Device,
    author: str,
    *,
    ticket_id: str | None = None,
    number: str | None = None,
    stamp: int | None = None,
) -> Change:
    """A ticket's insert change."""
    ticket_id = ticket_id or new_id(server)
    data = {
        "id": ticket_id,
        "number": number or f"CLK-{device.number}-{_next()}",
        "office_id": device.office_id,
        "created_at": server.clock.now().isoformat(),
        "created_by": author,
    }
    return Change(ticket_id, "ticket", Op.INSERT, ticket_id, stamp or server.stamp(), device.id, author, data)


_counter = [0]


def _next() -> str:
    _counter[0] += 1
    return f"{_counter[0]:06d}"


def entry(
    server: Server,
    device: Device,
    author: str,
    ticket_id: str,
    kind: str,
    *,
    field: str | None = None,
    value: Any = None,
    detail: Any = None,
    body: str | None = None,
    entry_id: str | None = None,
    stamp: int | None = None,
    base: str | None = None,
) -> Change:
    """A timeline entry change."""
    entry_id = entry_id or new_id(server)
    at = stamp or server.stamp()
    data = {
        "id": entry_id,
        "ticket_id": ticket_id,
        "kind": kind,
        "field": field,
        "value": value,
        "detail": detail,
        "body": body,
        "public": False,
        "author_id": author,
        "office_id": device.office_id,
        "device_id": device.id,
        "hlc": at,
        "base_entry_id": base,
        "at": server.clock.now().isoformat(),
    }
    return Change(entry_id, "timeline_entry", Op.ENTRY, entry_id, at, device.id, author, data)


def created(server: Server, device: Device, author: str, ticket_id: str, title: str = "Pothole") -> Change:
    """The `created` entry of a ticket."""
    value = {"title": title, "description": "", "priority": "P3", "channel": "phone"}
    return entry(server, device, author, ticket_id, "created", value=value, entry_id=ticket_id[:-4] + "beef")


def new_ticket(server: Server, device: Device, author: str, title: str = "Pothole") -> tuple[Change, Change]:
    """A ticket insert and its created entry."""
    insert = ticket_insert(server, device, author)
    return insert, created(server, device, author, insert.row_id, title)


def requester_row(
    server: Server,
    device: Device,
    author: str,
    *,
    row_id: str | None = None,
    stamp: int | None = None,
    **values: Any,
) -> Change:
    """A requester row change setting `values` (or every field for a new requester)."""
    row_id = row_id or new_id(server)
    fields = dict(values) or {
        "kind": "citizen",
        "name": "Pat Doe",
        "phone": "555-0100",
        "email": None,
        "address": None,
        "department_id": None,
        "preferred_language": "en",
        "reply_method": "phone",
        "anonymous": False,
        "confidential": False,
        "merged_into": None,
    }
    data = {
        "id": row_id,
        "office_id": device.office_id,
        "created_at": server.clock.now().isoformat(),
        **fields,
    }
    return Change(
        new_id(server),
        "requester",
        Op.ROW,
        row_id,
        stamp or server.stamp(),
        device.id,
        author,
        data,
        tuple(fields),
    )


def make_server(where: Path | str, clock: ManualClock) -> tuple[str, dict[str, Any]]:
    """Set up a server database (an SQLite file path or a database URL) through the admin functions;
    returns its URL and ids."""
    url = f"sqlite+pysqlite:///{where}" if isinstance(where, Path) else where
    admin.init_server(
        url, city="Testville", time_zone="America/Chicago", admin="root", password=PASSWORD, clock=clock
    )
    offices = {
        c: admin.add_office(url, code=c, name=n, clock=clock)
        for c, n in (("CLK", "City Hall"), ("PD", "Police annex"))
    }
    departments = {
        c: admin.add_department(url, code=c, name=n, clock=clock)
        for c, n in (("PW", "Public Works"), ("IT", "Information Technology"))
    }
    category = admin.add_category(url, name="Pothole", department="PW", clock=clock)
    users = {"root": _user_id(url, "root")}
    for username, role in (
        ("clerk", "clerk"),
        ("tech", "technician"),
        ("super", "supervisor"),
        ("boss", "admin"),
    ):
        users[username] = admin.add_user(
            url,
            username=username,
            display_name=username.title(),
            role=role,
            office="CLK",
            password=PASSWORD,
            clock=clock,
        )
    return url, {"offices": offices, "departments": departments, "category": category, "users": users}


def _user_id(url: str, username: str) -> str:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT row_id, data FROM row_state WHERE table_name = 'app_user'")
            ).all()
    finally:
        engine.dispose()
    for row_id, data in rows:
        # SQLite hands JSON back as text, PostgreSQL (psycopg) as the decoded value
        if (json.loads(data) if isinstance(data, str) else data)["username"] == username:
            return str(row_id)
    raise AssertionError(username)
