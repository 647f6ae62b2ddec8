"""After a restore from an older backup: re-pushed journals, relayed changes of other devices, and the
authenticated device recorded beside the device a change names."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fastapi.testclient import TestClient
from server_kit import Server, entry, new_ticket
from sqlalchemy.engine import make_url

from citydesk.domain.roles import SYSTEM_USER_ID
from citydesk.server import admin
from citydesk.server.app import create_app
from citydesk.server.changes import SERVER_DEVICE_ID
from citydesk.sync.messages import Page, PushReply
from pg_kit import create_database, drop_database


def backup(server: Server, target: Path) -> None:
    """A consistent copy of the live server database: SQLite's online backup; on PostgreSQL a database
    created from the live one as its template (named after `target`)."""
    if server.path is None:
        server.client.app.state.db.close()  # type: ignore[attr-defined]  # a template has no sessions
        create_database(server.url, _backup_name(server), template=make_url(server.url).database)
        return
    source, copy = sqlite3.connect(server.path), sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        source.close()
        copy.close()


def _backup_name(server: Server) -> str:
    return f"{make_url(server.url).database}_backup"


def restore(server: Server, copy: Path) -> str:
    """Replace the server database with the backup, start a new epoch and a new app; returns the epoch."""
    server.client.close()
    server.client.app.state.db.close()  # type: ignore[attr-defined]
    if server.path is None:
        live = make_url(server.url).database or ""
        drop_database(server.url, live)
        create_database(server.url, live, template=_backup_name(server))
        drop_database(server.url, _backup_name(server))
    else:
        for suffix in ("-wal", "-shm"):
            Path(f"{server.path}{suffix}").unlink(missing_ok=True)
        server.path.write_bytes(copy.read_bytes())
    epoch = admin.new_epoch(server.url, clock=server.clock)
    server.client = TestClient(create_app(server.url, clock=server.clock))
    return epoch


def test_an_office_relays_what_a_restored_server_lost(server: Server, tmp_path: Path) -> None:
    a, b = server.enrol(), server.enrol("PD")
    clerk = server.users["clerk"]
    saved = tmp_path / "backup.sqlite"
    backup(server, saved)
    # after the backup: a user is added on the server, office A pushes a ticket, office B pulls it all
    server.clock.advance(minutes=1)
    newcomer = admin.add_user(
        server.url,
        username="nina",
        display_name="Nina",
        role="technician",
        office="CLK",
        password="correct horse",
        clock=server.clock,
    )
    server.clock.advance(minutes=1)
    insert, first = new_ticket(server, a, clerk)
    note = entry(server, a, newcomer, insert.row_id, "note", body="on my way")
    assert PushReply.from_json(server.push(a, [insert, first, note]).json()).rejected == ()
    pulled = Page.from_json(server.pull(b).json()).changes
    lost = [
        c
        for c in pulled
        if c.change_id in {insert.change_id, first.change_id, note.change_id}
        or (c.table == "app_user" and c.row_id == newcomer)
    ]
    assert len(lost) == 4
    epoch = restore(server, saved)  # office A never comes back
    b.epoch = epoch
    missing = server.client.post(
        "/v1/sync/missing", json={"change_ids": [c.change_id for c in lost]}, headers=b.headers
    ).json()["missing"]
    assert sorted(missing) == sorted(c.change_id for c in lost)
    reply = server.push(b, [], relayed=lost)
    assert reply.status_code == 200, reply.text
    result = PushReply.from_json(reply.json())
    assert result.rejected == () and set(result.accepted) == {c.change_id for c in lost}
    # the relayed changes keep their author and device; the server records who relayed them
    assert (
        server.count(
            "SELECT count(*) FROM change_log WHERE change_id = :c AND device_id = :a AND pushed_by = :b",
            c=note.change_id,
            a=a.id,
            b=b.id,
        )
        == 1
    )
    assert (
        server.count(
            "SELECT count(*) FROM change_log WHERE author_id = :s AND pushed_by = :b",
            s=SYSTEM_USER_ID,
            b=b.id,
        )
        == 1
    )
    # the newcomer exists again, so her later work is accepted
    later = entry(server, b, newcomer, insert.row_id, "note", body="fixed")
    assert PushReply.from_json(server.push(b, [later]).json()).accepted == (later.change_id,)


def test_a_relayed_change_may_claim_the_system_user_only_as_the_servers_own(server: Server) -> None:
    desk = server.enrol()
    forged = new_ticket(server, desk, SYSTEM_USER_ID)[0]
    reply = PushReply.from_json(server.push(desk, [], relayed=[forged]).json())
    assert [r.code for r in reply.rejected] == ["system_author"]
    assert forged.device_id != SERVER_DEVICE_ID


def test_the_authenticated_device_is_recorded_whatever_the_payload_claims(server: Server) -> None:
    desk, other = server.enrol(), server.enrol("PD")
    insert, first = new_ticket(server, other, server.users["clerk"])  # names the other device
    assert PushReply.from_json(server.push(desk, [insert, first]).json()).rejected == ()
    assert (
        server.count(
            "SELECT count(*) FROM change_log WHERE pushed_by = :d AND change_id IN (:i, :f)",
            d=desk.id,
            i=insert.change_id,
            f=first.change_id,
        )
        == 2
    )


def test_last_sync_per_office_is_reported_by_hello(server: Server) -> None:
    desk, other = server.enrol(), server.enrol("PD")
    server.clock.advance(minutes=3)
    assert server.pull(desk).status_code == 200
    offices = {
        o["code"]: o for o in server.client.get("/v1/sync/hello", headers=other.headers).json()["offices"]
    }
    assert offices["CLK"]["last_sync_at"] == server.clock.now().isoformat()
    assert offices["PD"]["last_sync_at"] is None
