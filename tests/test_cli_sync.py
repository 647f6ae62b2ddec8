"""`citydesk connect`, `sync`, `sync-status` and `conflicts` in-process against the real server app (through
FastAPI's TestClient behind the fault injector; only the OS keyring is an in-memory backend)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail

from citydesk.cli import main
from citydesk.sync import lease
from factories import Office, mark_demo
from fault_injection import Fault
from sync_world import URL, World, cli_sync_world, server_admin


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    with cli_sync_world(tmp_path, monkeypatch) as made:
        yield made


def cli(world: World, path: Path, *argv: str) -> int:
    return main([*argv, "--database", str(path)], clock=world.clock)


def connect(world: World, name: str, capsys: pytest.CaptureFixture[str], office: str = "CLK") -> Path:
    admin = server_admin()
    code = admin.enrol_code(world.url, office=office, clock=world.clock)
    path = world.tmp / f"{name}.sqlite"
    assert cli(world, path, "connect", URL, "--code", code, "--name", name) == 0, capsys.readouterr().err
    return path


def status(world: World, path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    capsys.readouterr()
    assert cli(world, path, "sync-status", "--json") == 0
    return dict(json.loads(capsys.readouterr().out))


def add_ticket(world: World, path: Path, capsys: pytest.CaptureFixture[str], title: str) -> str:
    capsys.readouterr()
    assert (
        cli(world, path, "ticket", "add", "--title", title, "--category", "Pothole", "--user", "carla") == 0
    )
    return capsys.readouterr().out.strip()


def test_connect_add_sync_and_see_it_on_another_pc(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    a = connect(world, "front-desk", capsys)
    out = capsys.readouterr().out
    assert "this PC is CLK-1 (office CLK)" in out and "Downloaded" in out
    number = add_ticket(world, a, capsys, "Pothole on Elm")
    assert number == "CLK-1-000001"
    assert status(world, a, capsys)["pending"] >= 2
    assert cli(world, a, "sync") == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("Sent ") and "Receiving" in captured.err  # progress on stderr
    after = status(world, a, capsys)
    assert (after["pending"], after["parked"], after["rejected"]) == (0, 0, 0)
    assert after["server"] == URL and after["last_sync_at"] == world.clock.now().isoformat()
    assert after["last_error"] is None and after["clock_warning"] is None
    b = connect(world, "annex", capsys, office="PD")
    capsys.readouterr()
    assert cli(world, b, "tickets", "--json") == 0
    assert [t["number"] for t in json.loads(capsys.readouterr().out)] == [number]


def test_two_pcs_changing_the_same_priority_offline_show_one_conflict(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    from citydesk.services.setup import actor_for_username
    from citydesk.services.ticket_work import change_priority
    from citydesk.store.db import open_database

    a, b = connect(world, "a", capsys), connect(world, "b", capsys)
    number = add_ticket(world, a, capsys, "Water main")
    assert cli(world, a, "sync") == 0 and cli(world, b, "sync") == 0
    for path, priority in ((a, "P1"), (b, "P2")):
        db = open_database(path, clock=world.clock)
        try:
            from sqlalchemy import select

            from citydesk.store.models import Ticket

            with db.read() as s:
                ticket_id = s.scalar(select(Ticket.id).where(Ticket.number == number))
            change_priority(
                db, actor=actor_for_username(db, "tomas"), ticket_id=str(ticket_id), priority=priority
            )
        finally:
            db.close()
        world.clock.advance(seconds=5)
    for path in (a, b, a):
        assert cli(world, path, "sync") == 0
    capsys.readouterr()
    assert cli(world, a, "conflicts", "--json") == 0
    found = json.loads(capsys.readouterr().out)
    assert len(found) == 1 and found[0]["number"] == number and found[0]["field"] == "priority"
    assert sorted(side["value"] for side in found[0]["entries"]) == ["P1", "P2"]
    assert cli(world, b, "conflicts", "--json") == 0
    assert json.loads(capsys.readouterr().out) == found  # the same on every PC


def test_an_unreachable_server_or_a_running_sync_exit_75_and_keep_everything(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    from citydesk.store.db import open_database

    a = connect(world, "a", capsys)
    add_ticket(world, a, capsys, "Downed sign")
    world.injector.plan(Fault.DROP_REQUEST, "hello")
    assert cli(world, a, "sync") == 75
    assert "could not be reached" in capsys.readouterr().err
    state = status(world, a, capsys)
    assert state["pending"] >= 2 and "could not be reached" in state["last_error"]
    db = open_database(a, clock=world.clock)
    token = lease.acquire(db, holder="app", ttl=timedelta(minutes=2))
    assert token is not None
    assert cli(world, a, "sync") == 75
    assert "Another sync of this database is running (app)" in capsys.readouterr().err
    lease.release(db, token)
    db.close()
    assert cli(world, a, "sync") == 0 and status(world, a, capsys)["pending"] == 0


def test_a_revoked_pc_is_told_and_keeps_its_changes(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    admin = server_admin()
    a = connect(world, "a", capsys)
    add_ticket(world, a, capsys, "Icy steps")
    admin.revoke_device(world.url, device="CLK-1", clock=world.clock)
    assert cli(world, a, "sync") == 1
    assert "does not accept this PC's credential" in capsys.readouterr().err
    assert status(world, a, capsys)["pending"] >= 2


def test_without_a_usable_keyring_connect_refuses_before_spending_the_code(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    admin = server_admin()
    code = admin.enrol_code(world.url, office="CLK", clock=world.clock)
    path = world.tmp / "pc.sqlite"
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        assert cli(world, path, "connect", URL, "--code", code) == 1
    finally:
        keyring.set_keyring(previous)
    err = capsys.readouterr().err
    assert "No usable keyring" in err and "gnome-keyring-daemon" in err
    assert [e for e, _f in world.injector.log] == []  # the server was never asked
    assert cli(world, path, "connect", URL, "--code", code) == 0  # the code still works


def test_connect_refuses_demo_and_set_up_databases_and_a_wrong_code(
    world: World, office: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(world, office.db.path, "connect", URL, "--code", "whatever") == 1
    assert "already set up as a standalone office" in capsys.readouterr().err
    mark_demo(office.db)
    assert cli(world, office.db.path, "connect", URL, "--code", "whatever") == 1
    assert "demo database" in capsys.readouterr().err
    assert cli(world, world.tmp / "new.sqlite", "connect", URL, "--code", "not-a-code") == 1
    assert "did not accept the enrolment code" in capsys.readouterr().err
    assert cli(world, world.tmp / "new2.sqlite", "connect", "sync.city.gov", "--code", "x") == 1
    assert "not a server address" in capsys.readouterr().err


def test_sync_on_a_standalone_database_says_how_to_connect(
    world: World, office: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(world, office.db.path, "sync") == 1
    assert "citydesk connect" in capsys.readouterr().err
    state = status(world, office.db.path, capsys)
    assert state["server"] is None and state["pending"] > 0


def test_a_refused_change_is_reported_in_words_and_counted(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    admin = server_admin()
    a = connect(world, "a", capsys)
    number = add_ticket(world, a, capsys, "Loose manhole")
    assert cli(world, a, "sync") == 0
    world.clock.advance(minutes=1)
    admin.disable_user(world.url, username="carla", clock=world.clock)  # the PC does not know yet
    world.clock.advance(minutes=1)
    assert cli(world, a, "ticket", "note", number, "--text", "still open?", "--user", "carla") == 0
    capsys.readouterr()
    assert cli(world, a, "sync") == 0  # the sync itself worked
    out = capsys.readouterr().out
    assert "A change to a ticket was refused:" in out and "kept on this PC" in out
    state = status(world, a, capsys)
    assert (state["pending"], state["rejected"]) == (0, 1)


def test_the_ca_bundle_given_at_connect_is_remembered_for_sync(
    world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = server_admin()
    from citydesk.store.db import open_database
    from citydesk.sync.connect import saved_ca_bundle

    bundle = world.tmp / "city-ca.pem"
    bundle.write_text("(the test's client does not read it)")
    code = admin.enrol_code(world.url, office="CLK", clock=world.clock)
    path = world.tmp / "tls.sqlite"
    assert cli(world, path, "connect", URL, "--code", code, "--ca-bundle", str(bundle)) == 0
    db = open_database(path, clock=world.clock)
    try:
        assert saved_ca_bundle(db) == bundle.resolve()
    finally:
        db.close()
    seen: list[Path | None] = []
    real = __import__("citydesk.cli.sync", fromlist=["make_client"]).make_client

    def recording(url: str, credential: str | None, ca_bundle: Path | None) -> Any:
        seen.append(ca_bundle)
        return real(url, credential, None)  # the in-process app speaks plain HTTP

    monkeypatch.setattr("citydesk.cli.sync.make_client", recording)
    assert cli(world, path, "sync") == 0
    assert seen == [bundle.resolve()]
