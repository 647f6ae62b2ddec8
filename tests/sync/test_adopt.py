"""Adopting a standalone office end to end in process: the real server app (sync_world), the `citydesk`
CLI and the engine. A standalone office with tickets, users and categories and a user name the server
has: refused, renamed, adopted; every number unchanged; the office then syncs both ways with another
office, and its city settings are the city's."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from sqlalchemy import func, select

from citydesk.cli import main
from citydesk.domain.clock import ManualClock
from citydesk.domain.errors import ReferenceReadOnly
from citydesk.domain.roles import SYSTEM_ACTOR
from citydesk.services import setup
from citydesk.services.users import rename_user
from citydesk.store.db import open_database
from citydesk.store.models import CitySetting, Device, Outbox, RejectedChange, SyncState, Ticket, User
from citydesk.sync.adopt import AdoptionRefused, adopt_office
from citydesk.sync.connect import ConnectRefused
from citydesk.sync.credentials import load_credential
from citydesk.sync.http import SyncClient
from factories import mark_demo
from standalone_kit import TICKETS, make_standalone
from sync_world import URL, Replica, World, server_admin, sync_world


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    with sync_world(tmp_path) as made:
        monkeypatch.setattr("citydesk.cli.sync.http_client", made.injector.client)
        yield made


def numbers_of(path: Path, clock: ManualClock) -> dict[str, str]:
    """number -> title of every ticket in the database at `path`."""
    db = open_database(path, clock=clock, create=False)
    try:
        with db.read() as session:
            return {r.number: r.title for r in session.execute(select(Ticket.number, Ticket.title))}
    finally:
        db.close()


def due_dates(path: Path, clock: ManualClock) -> dict[str, object]:
    """number -> due_at of every open ticket in the database at `path`."""
    db = open_database(path, clock=clock, create=False)
    try:
        with db.read() as session:
            rows = session.execute(select(Ticket.number, Ticket.due_at).where(Ticket.is_open.is_(True)))
            return {r.number: r.due_at for r in rows}
    finally:
        db.close()


def cli(world: World, path: Path, *argv: str) -> int:
    """Run `citydesk ... --database path` on the world's clock."""
    return main([*argv, "--database", str(path)], clock=world.clock)


def replica_of(world: World, path: Path, device_id: str) -> Replica:
    """An adopted database as a replica of the world (its credential from the keyring)."""
    db = open_database(path, clock=world.clock)
    client = SyncClient(URL, credential=load_credential(URL, device_id), client=world.injector.client())
    replica = Replica("east", db, world.clock, client)
    world.replicas.append(replica)
    return replica


def test_a_colliding_user_name_is_refused_renamed_and_the_office_adopted(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    path = world.tmp / "east.sqlite"
    numbers = make_standalone(path)
    before = numbers_of(path, world.clock)
    due_before = due_dates(path, world.clock)
    code = server_admin().adoption_code(world.url, by="root", clock=world.clock)

    assert cli(world, path, "connect", URL, "--code", code, "--adopt", "--name", "East desk") == 1
    err = capsys.readouterr().err
    assert "'carla'" in err and "citydesk user rename carla carla2 --database FILE" in err
    db = open_database(path, clock=world.clock)
    try:
        with db.read() as session:
            assert session.scalar(select(SyncState.server_url)) is None  # nothing changed here
            waiting = session.scalar(select(func.count()).select_from(Outbox))
    finally:
        db.close()
    assert waiting and waiting > TICKETS * 2
    assert not list((world.tmp / "before-adoption").glob("*.sqlite"))  # a refusal keeps no copy

    assert cli(world, path, "user", "rename", "carla", "carla.east") == 0
    assert "carla is now carla.east" in capsys.readouterr().out
    assert cli(world, path, "connect", URL, "--code", code, "--adopt", "--name", "East desk") == 0
    out = capsys.readouterr().out
    assert "Backed up" in out and "before-adoption" in out
    assert "office EAST, this PC is number 1" in out and "EAST-QXB-..." in out
    assert "replaced by the city's (as expected)" in out
    assert list((world.tmp / "before-adoption").glob("east-*.sqlite"))

    after = numbers_of(path, world.clock)
    assert {n: t for n, t in after.items() if n.startswith("EAST-")} == before  # numbers never change
    assert sorted(before) == sorted(numbers)
    # due dates follow the city's calendar now (Chicago closes an hour before Denver)
    due_after = due_dates(path, world.clock)
    assert len(due_before) == TICKETS and all(due_before.values())
    assert {n: due_after[n] + timedelta(hours=1) for n in due_before} == due_before  # type: ignore[operator]
    db = open_database(path, clock=world.clock)
    try:
        with db.read() as session:
            state = session.execute(select(SyncState)).scalar_one()
            assert (state.server_url, state.number_prefix, state.device_number) == (URL, "EAST-QXB", 1)
            assert session.scalar(select(func.count()).select_from(Outbox)) == 0
            settings = {k: v for k, v in session.execute(select(CitySetting.key, CitySetting.value))}
            assert settings["city_name"] == "Testville" and settings["time_zone"] == "America/Chicago"
            me = session.get(Device, state.device_id)
            assert me is not None and (me.number, me.tag, me.name) == (1, "QXB", "East desk")
            refused = set(session.scalars(select(RejectedChange.table_name)))
            assert refused == {"city_setting", "device"}
            users = set(session.scalars(select(User.username)))
            assert {"carla", "carla.east", "erin", "olga", "root"} <= users
        device_id = state.device_id
    finally:
        db.close()

    # the office now syncs both ways with another office
    east = replica_of(world, path, device_id)
    clk = world.enrol("clk-front", "CLK")
    assert set(numbers) <= set(clk.tickets())
    east.log("erin", "After adoption")  # the office's own admin, in the city's Pothole category
    east.sync()
    clk.log("carla", "From city hall")
    clk.sync()
    east.sync()
    assert "After adoption" in clk.tickets().values() and "From city hall" in east.tickets().values()
    new_number = next(n for n, t in east.tickets().items() if t == "After adoption")
    assert new_number == f"EAST-QXB-{TICKETS + 1:06d}"
    # reference rows belong to the server now
    with pytest.raises(ReferenceReadOnly):
        rename_user(east.db, actor=SYSTEM_ACTOR, old="olga", new="olga2")


def test_adoption_refuses_databases_it_cannot_adopt_before_sending_the_code(world: World) -> None:
    code = server_admin().adoption_code(world.url, by="root", clock=world.clock)
    with pytest.raises(ConnectRefused, match="no office database"):
        adopt_office(world.tmp / "missing.sqlite", URL, code, device_name="x", clock=world.clock,
                     client=world.injector.client())  # fmt: skip
    clk = world.enrol("clk-front", "CLK")
    with pytest.raises(ConnectRefused, match="already connected"):
        adopt_office(clk.db.path, URL, code, device_name="x", clock=world.clock,
                     client=world.injector.client())  # fmt: skip
    demo = world.tmp / "demo.sqlite"
    make_standalone(demo, colliding=False)
    db = open_database(demo, clock=world.clock)
    mark_demo(db)
    db.close()
    with pytest.raises(ConnectRefused, match="demo"):
        adopt_office(demo, URL, code, device_name="x", clock=world.clock, client=world.injector.client())
    path = world.tmp / "east.sqlite"
    make_standalone(path, colliding=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(Exception, match="No usable keyring"):
            adopt_office(path, URL, code, device_name="x", clock=world.clock, client=world.injector.client())
    finally:
        keyring.set_keyring(previous)
    asked = [e for e, _f in world.injector.log if "enrol" in str(e)]
    assert len(asked) == 1  # only the CLK PC's own enrolment reached the server
    done = adopt_office(path, URL, code, device_name="East", clock=world.clock,
                        client=world.injector.client())  # fmt: skip
    assert done.first_error is None and done.number_prefix == "EAST-QXB"
    assert done.backup is not None and done.backup.exists()
    assert done.first_sync is not None and done.first_sync.pushed > TICKETS * 2


def test_an_ordinary_code_or_a_taken_office_code_is_refused_in_the_servers_words(world: World) -> None:
    path = world.tmp / "east.sqlite"
    make_standalone(path, colliding=False)
    ordinary = server_admin().enrol_code(world.url, office="CLK", clock=world.clock)
    with pytest.raises(AdoptionRefused, match="without --adopt") as refused:
        adopt_office(path, URL, ordinary, device_name="x", clock=world.clock, client=world.injector.client())
    assert refused.value.code == "not_adoption_code"
    server_admin().add_office(world.url, code="EAST", name="East (made on the server)", clock=world.clock)
    code = server_admin().adoption_code(world.url, by="root", clock=world.clock)
    with pytest.raises(AdoptionRefused, match="already has an office EAST") as refused:
        adopt_office(path, URL, code, device_name="x", clock=world.clock, client=world.injector.client())
    assert refused.value.code == "office_code_taken" and refused.value.usernames == ()
    db = open_database(path, clock=world.clock)
    try:
        with db.read() as session:
            assert session.scalar(select(SyncState.server_url)) is None
    finally:
        db.close()


def test_a_refusal_names_the_user_names_to_rename(world: World) -> None:
    path = world.tmp / "east.sqlite"
    make_standalone(path)
    code = server_admin().adoption_code(world.url, by="root", clock=world.clock)
    with pytest.raises(AdoptionRefused, match="citydesk user rename carla") as refused:
        adopt_office(path, URL, code, device_name="x", clock=world.clock, client=world.injector.client())
    assert (refused.value.code, refused.value.usernames) == ("username_taken", ("carla",))


def test_rename_checks_its_input_and_writes_its_outbox_row(world: World) -> None:
    path = world.tmp / "east.sqlite"
    make_standalone(path)
    db = open_database(path, clock=world.clock)
    try:
        for old, new, why in (("nobody", "x", "no user"), ("carla", "olga", "taken"),
                              ("system", "x", "fixed"), ("carla", "two words", "no spaces"),
                              ("carla", "carla", "already called")):  # fmt: skip
            with pytest.raises(Exception, match=why):
                rename_user(db, actor=SYSTEM_ACTOR, old=old, new=new)
        clerk = setup.actor_for_username(db, "carla")
        with pytest.raises(Exception, match=r"not allowed|may not|permission"):
            rename_user(db, actor=clerk, old="olga", new="olga2")
        with db.read() as session:
            before = session.scalar(select(func.count()).select_from(Outbox))
        user_id = rename_user(db, actor=SYSTEM_ACTOR, old="CARLA", new="Carla.East")
        with db.read() as session:
            assert session.get(User, user_id).username == "carla.east"  # type: ignore[union-attr]
            stmt = select(Outbox.table_name, Outbox.field).where(Outbox.row_id == user_id)
            rows = session.execute(stmt).all()
            assert ("app_user", "username") in [tuple(r) for r in rows]
            assert session.scalar(select(func.count()).select_from(Outbox)) == (before or 0) + 1
    finally:
        db.close()
