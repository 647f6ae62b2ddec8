"""Copied and restored office databases through the engine and the real server app: a copy is caught at
its push (a sequence number reused) or at hello (nothing new, but older than the server knows), takes a new
identity and converges; numbers never change and a shared number is listed; a local restore of an enrolled
database is re-identified before it pushes and gets back what it lost; a later server restore still gets
everything back from the renumbered journal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from citydesk.store.backup import NEW_IDENTITY_SETTING, backup_database, restore_database
from citydesk.store.db import open_database
from citydesk.store.models import LocalSetting, NumberCounter, Outbox, SentJournal
from citydesk.store.shared_numbers import duplicate_numbers
from citydesk.sync.credentials import load_credential
from citydesk.sync.http import SyncClient
from sync_world import URL, Replica, World, copy_of, server_admin, sync_world


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with sync_world(tmp_path) as made:
        yield made


def server_count(world: World, sql: str) -> int:
    from sqlalchemy import create_engine, text

    engine = create_engine(world.url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(sql)).scalar() or 0)
    finally:
        engine.dispose()


def titles(replica: Replica) -> list[tuple[str, str]]:
    """(number, title) of every ticket, by title."""
    from citydesk.store.models import Ticket

    with replica.db.read() as s:
        return sorted(((n, t) for n, t in s.execute(select(Ticket.number, Ticket.title))), key=lambda r: r[1])


def test_a_copy_that_logged_tickets_is_caught_at_push_and_both_converge(world: World) -> None:
    a = world.enrol("a")
    a.log("carla", "Before the copy")
    a.sync()
    b = copy_of(world, a, "b")
    old_device = a.state().device_id
    world.clock.advance(minutes=1)
    made_a = a.log("carla", "Logged on the original")
    made_b = b.log("carla", "Logged on the copy")
    assert made_a.number == made_b.number == "CLK-1-000002"  # the copy numbers like the original
    assert b.log("carla", "Copy's second").number == "CLK-1-000003"
    assert a.sync().new_identity is None
    result = b.sync()
    assert result.new_identity is not None
    assert result.new_identity.old_device_id == old_device
    state = b.state()
    assert state.device_id != old_device and state.device_number == 2
    assert state.number_prefix == "CLK-2" and b.outbox() == 0
    assert load_credential(URL, state.device_id) == b.client.credential
    assert load_credential(URL, old_device) == a.client.credential  # the original still uses it
    assert b.client.credential != a.client.credential
    a.sync()
    expected = {"Before the copy", "Logged on the original", "Logged on the copy", "Copy's second"}
    with a.db.read() as s, b.db.read() as t:
        from citydesk.store.models import Ticket

        rows_a = sorted(s.execute(select(Ticket.number, Ticket.title)))
        rows_b = sorted(t.execute(select(Ticket.number, Ticket.title)))
    assert rows_a == rows_b and {title for _n, title in rows_a} == expected
    assert a.entries() == b.entries()
    # numbers never changed; the shared one is listed on both replicas and on the server
    for replica in (a, b):
        found = duplicate_numbers(replica.db)
        assert [d.number for d in found] == ["CLK-1-000002"]
        assert {t.ticket_id for t in found[0].tickets} == {made_a.ticket_id, made_b.ticket_id}
    assert set(server_admin().duplicate_numbers(world.url)["CLK-1-000002"]) == {
        made_a.ticket_id, made_b.ticket_id
    }  # fmt: skip
    # the copy's new tickets use its new prefix; nothing is sent twice
    assert b.log("carla", "After the new identity").number == "CLK-2-000001"
    # the original never hands out a number of its prefix the copy already gave
    assert a.log("carla", "Original goes on").number == "CLK-1-000004"
    assert b.sync().pushed >= 2 and a.sync().new_identity is None
    assert server_count(world, "SELECT count(*) FROM number_prefix WHERE prefix = 'CLK-2' "
                               "AND source = 'reidentify'") == 1  # fmt: skip


def test_a_copy_with_nothing_new_is_caught_at_hello_and_applies_what_the_original_sent(world: World) -> None:
    a = world.enrol("a")
    a.log("carla", "Before the copy")
    a.sync()
    b = copy_of(world, a, "b")
    world.clock.advance(minutes=1)
    a.log("carla", "Only on the original")
    a.sync()
    before = len(world.injector.log)
    written: list[str] = []

    def writer(fn: Any) -> Any:
        written.append(getattr(getattr(fn, "func", fn), "__name__", "?"))
        return fn()

    result = b.sync(writer=writer)
    assert result.new_identity is not None
    assert "adopt_identity" in written  # the identity's transaction runs through the app's writer too
    assert not [e for e, _f in world.injector.log[before:] if e == "push"]  # nothing of its own to send
    expected = {"CLK-1-000001": "Before the copy", "CLK-1-000002": "Only on the original"}
    assert b.tickets() == a.tickets() == expected
    assert b.state().number_prefix == "CLK-2"
    with b.db.read() as s:
        assert s.scalar(select(NumberCounter.last_seq).where(NumberCounter.prefix == "CLK-1")) == 1
    # the original is untouched by its copy's new identity
    assert a.state().number_prefix == "CLK-1" and a.sync().new_identity is None


def test_unsent_changes_keep_their_ids_under_the_new_identity(world: World) -> None:
    a = world.enrol("a")
    a.log("carla", "Sent")
    a.sync()
    b = copy_of(world, a, "b")
    a.log("carla", "Original's second")
    a.sync()
    made = b.log("carla", "Copy's second")
    with b.db.read() as s:
        ids_before = list(s.scalars(select(Outbox.change_id).order_by(Outbox.seq)))
        journal = len(list(s.scalars(select(SentJournal.change_id))))
    pushed = []
    world.injector.before = lambda request: pushed.append(request) if str(
        getattr(request, "url", "")).endswith("/reidentify") else None  # fmt: skip
    b.sync()
    assert len(pushed) == 1
    with b.db.read() as s:
        sent = {c: q for c, q in s.execute(select(SentJournal.change_id, SentJournal.seq))}
    assert set(ids_before) <= set(sent)  # the same change ids, acknowledged under the new identity
    assert sorted(sent[c] for c in ids_before) == list(range(journal + 1, journal + 1 + len(ids_before)))
    assert a.sync().pulled >= 2 and made.number in a.tickets()


def test_a_restored_backup_of_an_enrolled_office_takes_a_new_identity_before_it_pushes(world: World) -> None:
    a = world.enrol("a")
    a.log("carla", "In the backup")
    a.sync()
    backup = backup_database(a.db.path, world.tmp / "backups", now=world.clock.now())
    world.clock.advance(minutes=1)
    a.log("carla", "Lost with the PC")
    a.sync()
    old_device, old_credential = a.state().device_id, a.client.credential
    a.db.close()
    restore_database(backup, a.db.path, now=world.clock.now())
    db = open_database(a.db.path, clock=a.clock)
    restored = Replica("a-restored", db, a.clock, SyncClient(URL, credential=old_credential,
                                                             client=world.injector.client()))  # fmt: skip
    world.replicas[world.replicas.index(a)] = restored
    state = restored.state()
    assert state.device_id == old_device  # the credential is found by it until the server gives a new one
    tag = state.number_prefix.split("-")[1]
    assert tag.isalpha() and len(tag) == 3
    with db.read() as s:
        assert s.get(LocalSetting, NEW_IDENTITY_SETTING) is not None
    offline = restored.log("carla", "Logged after the restore, before any sync")
    assert offline.number == f"CLK-{tag}-000001"  # never a number the lost future issued
    result = restored.sync()
    assert result.new_identity is not None
    state = restored.state()
    assert state.device_id != old_device and state.number_prefix == f"CLK-{tag}"
    with db.read() as s:
        assert s.get(LocalSetting, NEW_IDENTITY_SETTING) is None
    assert load_credential(URL, old_device) is None  # the restored-over identity is gone from the keyring
    assert load_credential(URL, state.device_id) == restored.client.credential
    assert restored.tickets() == {
        "CLK-1-000001": "In the backup",
        "CLK-1-000002": "Lost with the PC",  # its own lost future, applied back
        f"CLK-{tag}-000001": "Logged after the restore, before any sync",
    }
    assert restored.log("carla", "Next").number == f"CLK-{tag}-000002"
    assert server_count(world, f"SELECT count(*) FROM number_prefix WHERE prefix = 'CLK-{tag}'") == 1
    assert duplicate_numbers(restored.db) == []


def test_a_server_restore_after_a_new_identity_gets_everything_back(world: World) -> None:
    admin = server_admin()
    a = world.enrol("a")
    a.log("carla", "First")
    a.sync()
    b = copy_of(world, a, "b")
    a.log("carla", "Original's")
    a.sync()
    b.log("carla", "Copy's")
    b.sync()
    backup = world.backup("before-the-loss.sqlite")
    a.sync()
    admin.new_epoch(f"sqlite+pysqlite:///{backup}", clock=world.clock)
    world.serve(backup)
    b.log("carla", "After the server restore")
    b.sync()
    a.sync()
    b.sync()
    c = world.enrol("c")
    assert titles(c) == titles(a) == titles(b)
    assert [t for _n, t in titles(c)] == ["After the server restore", "Copy's", "First", "Original's"]
    assert c.entries() == a.entries() == b.entries()
