"""Sync by file with a real server database and real office databases: an office PC with no connection
enrolled by file syncs by carrying signed files (first a whole copy, then changes both ways), a second
exchange changes nothing, a file applied twice and a file overtaken by an HTTP sync change nothing twice,
and then the same PC syncs over HTTP. Altered, foreign, older, already read and misaddressed files are
refused with nothing written. Only the OS keyring is an in-memory backend."""

from __future__ import annotations

import base64
import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from citydesk.server.db import ServerError, open_server_database
from citydesk.server.enrol_file import enrol_file
from citydesk.server.exchange import exchange
from citydesk.store.db import open_database
from citydesk.store.models import LocalSetting, Outbox, SyncState
from citydesk.sync.by_file import file_sync_status, write_request
from citydesk.sync.by_file_enrol import import_enrolment
from citydesk.sync.signing import SyncFileError
from file_sync_kit import enrol_field, log_size
from sync_world import Replica, World, set_up_server, sync_world


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with sync_world(tmp_path) as made:
        yield made


def snapshot_of(replica: Replica) -> tuple[Any, ...]:
    """Everything reading a file may change on the office PC."""
    with replica.db.read() as session:
        state = session.execute(
            select(
                SyncState.pull_cursor, SyncState.pushed_seq, SyncState.server_epoch, SyncState.last_sync_at
            )
        ).one()
        outbox = session.scalar(select(func.count()).select_from(Outbox))
        settings = {r.key: r.value for r in session.execute(select(LocalSetting.key, LocalSetting.value))}
    return (tuple(state), outbox, replica.tickets(), replica.entries(), settings)


def test_a_field_office_syncs_by_file_twice_then_by_http(world: World) -> None:
    hall = world.enrol("hall")
    hall.log("carla", "Pothole on Main")
    hall.sync()
    field = enrol_field(world)
    assert field.replica.state().number_prefix == "PD-1"
    assert field.replica.tickets() == {}  # nothing until the first reply
    first = field.round_trip()  # the first exchange brings a whole copy
    assert first.snapshot and first.accepted == 0
    assert field.replica.tickets() == {"CLK-1-000001": "Pothole on Main"}
    assert field.replica.state().pull_cursor is not None

    world.clock.advance(minutes=5)
    made = field.replica.log("pete", "Hydrant leaking at the fire station")
    assert made.number == "PD-1-000001" and field.replica.outbox() > 0
    request = field.to_file()
    reply = field.exchange(request)
    done = field.from_file(reply)
    assert done.accepted >= 2 and done.rejected == () and not done.snapshot
    assert field.replica.outbox() == 0 and field.replica.state().pushed_seq > 0
    hall.sync()
    assert hall.tickets()["PD-1-000001"] == "Hydrant leaking at the fire station"

    # the same file brought to city hall again changes nothing on the server
    size = log_size(world)
    again = field.exchange(request)
    assert log_size(world) == size
    with pytest.raises(SyncFileError, match="already read"):
        field.from_file(reply)

    # a second exchange with nothing new changes nothing on either side
    world.clock.advance(minutes=5)
    before = field.replica.tickets(), field.replica.entries(), field.replica.state().pushed_seq
    quiet = field.round_trip()
    assert (quiet.accepted, quiet.received, quiet.rejected) == (0, 0, ())
    assert (field.replica.tickets(), field.replica.entries(), field.replica.state().pushed_seq) == before
    assert log_size(world) == size

    # city hall works on; the next reply brings it, and the reply to the repeated file is now older
    hall.log("carla", "Streetlight out")
    hall.sync()
    assert field.round_trip().received >= 2
    assert "Streetlight out" in field.replica.tickets().values()
    before = snapshot_of(field.replica)
    with pytest.raises(SyncFileError, match="older"):
        field.from_file(again)
    assert snapshot_of(field.replica) == before

    # a file overtaken by an HTTP sync: the same changes reach the server once
    world.clock.advance(minutes=5)
    field.replica.log("pete", "Smoke alarm check")
    carried = field.to_file()
    http = field.replica.sync()
    assert http.pushed >= 2 and field.replica.outbox() == 0
    size = log_size(world)
    late = field.exchange(carried)
    assert log_size(world) == size
    seq = field.replica.state().pushed_seq
    field.from_file(late)
    assert field.replica.state().pushed_seq == seq  # never acknowledged twice, never moved back
    assert field.replica.sync().pushed == 0
    hall.sync()
    assert "Smoke alarm check" in hall.tickets().values()


def test_an_altered_request_or_reply_is_refused_and_nothing_is_written(world: World) -> None:
    field = enrol_field(world)
    field.round_trip()
    field.replica.log("pete", "Hydrant leaking")
    request = field.to_file()
    tampered = field.tmp / "tampered.sync"
    tampered.write_bytes(_altered(request.read_bytes(), "Hydrant leaking", "Hydrant fixed!"))
    size = log_size(world)
    with pytest.raises(SyncFileError, match="changed after it was written"):
        field.exchange(tampered)
    assert log_size(world) == size and not list(field.tmp.glob("tampered*.reply"))
    raw = bytearray(request.read_bytes())
    spot = raw.index(b'"payload": "') + 40
    raw[spot] = ord("A") if raw[spot] != ord("A") else ord("B")  # a damaged byte, not a clean edit
    tampered.write_bytes(bytes(raw))
    with pytest.raises(SyncFileError, match="Nothing was applied"):
        field.exchange(tampered)
    assert log_size(world) == size

    reply = field.exchange(request)
    before = snapshot_of(field.replica)
    bad = field.tmp / "bad.reply"
    bad.write_bytes(_altered(reply.read_bytes(), '"accepted":[', '"accepted":["x",'))
    with pytest.raises(SyncFileError, match="changed after it was written"):
        field.from_file(bad)
    bad.write_bytes(b"not a sync file at all")
    with pytest.raises(SyncFileError, match="not a citydesk sync file"):
        field.from_file(bad)
    with pytest.raises(SyncFileError, match="not a reply written by the server"):
        field.from_file(request)  # the office's own file carried back by mistake
    assert snapshot_of(field.replica) == before
    field.from_file(reply)
    assert field.replica.outbox() == 0


def test_files_of_another_city_and_replies_for_another_pc_are_refused(world: World, tmp_path: Path) -> None:
    field = enrol_field(world)
    second = enrol_field(world, "second")
    other = tmp_path / "other"
    other.mkdir()
    other_url = f"sqlite+pysqlite:///{other / 'server.sqlite'}"
    set_up_server(other_url, world.clock)  # another city's server, with its own signing key
    _rename_city(other_url, "Otherville")
    stranger_file = other / "stranger.enrol"
    enrol_file(other_url, office="CLK", out=stranger_file, device_name="stranger", clock=world.clock)
    stranger = import_enrolment(other / "stranger.sqlite", stranger_file, clock=world.clock)
    stranger_db = open_database(stranger.path, clock=world.clock)
    try:
        foreign_request = other / "stranger.sync"
        write_request(stranger_db, foreign_request)
        size = log_size(world)
        with pytest.raises(SyncFileError, match="another city"):
            exchange(world.url, foreign_request, other / "x.reply", clock=world.clock)
        assert log_size(world) == size
        foreign_reply = other / "stranger.reply"
        exchange(other_url, foreign_request, foreign_reply, clock=world.clock)
    finally:
        stranger_db.close()

    before = snapshot_of(field.replica)
    with pytest.raises(SyncFileError, match="another city"):
        field.from_file(foreign_reply)
    with pytest.raises(SyncFileError, match="another PC"):
        field.from_file(second.exchange(second.to_file()))
    assert snapshot_of(field.replica) == before


def test_a_revoked_pc_and_an_unknown_pc_are_refused(world: World) -> None:
    from citydesk.server.admin import revoke_device

    field = enrol_field(world)
    request = field.to_file()
    hall = world.enrol("hall")  # enrolled over HTTP, never registered for files
    with pytest.raises(SyncFileError, match="not set up for sync by file"):
        write_request(hall.db, field.tmp / "hall.sync")
    revoke_device(world.url, device=field.replica.state().device_id, clock=world.clock)
    with pytest.raises(SyncFileError, match="removed from the server"):
        field.exchange(request)


def test_the_server_signing_key_is_private_and_reused(world: World) -> None:
    key = Path(world.url.removeprefix("sqlite+pysqlite:///") + ".signing-key")
    field = enrol_field(world)
    assert key.stat().st_mode & 0o777 == 0o600
    content = key.read_bytes()
    field.round_trip()
    assert key.read_bytes() == content
    key.chmod(0o644)
    with pytest.raises(Exception, match="chmod 600"):
        field.exchange(field.to_file())


def test_the_status_says_what_waits(world: World) -> None:
    field = enrol_field(world)
    status = file_sync_status(field.replica.db)
    assert status.ready and status.first_exchange and status.last_written_at is None
    field.round_trip()
    field.replica.log("pete", "Hydrant")
    status = file_sync_status(field.replica.db)
    assert not status.first_exchange and status.pending > 0
    assert status.last_written_at is not None and status.last_read_at is not None


def _altered(raw: bytes, old: str, new: str) -> bytes:
    """The sync file with `old` replaced by `new` inside its payload, the signature left as it was."""
    outer = json.loads(raw)
    inner = gzip.decompress(base64.b64decode(outer["payload"])).decode()
    assert old in inner
    outer["payload"] = base64.b64encode(gzip.compress(inner.replace(old, new, 1).encode())).decode()
    return json.dumps(outer).encode()


def _rename_city(url: str, city: str) -> None:
    db = open_server_database(url, migrate=False)
    try:
        with db.write() as session:
            session.execute(text("UPDATE server_meta SET city = :city"), {"city": city})
    finally:
        db.close()


def test_after_a_server_restore_the_reply_is_a_whole_copy_and_the_next_file_sends_everything_again(
    world: World,
) -> None:
    field = enrol_field(world)
    field.round_trip()
    field.replica.log("pete", "Hydrant leaking")
    field.round_trip()
    journal = field.replica.state().pushed_seq
    assert journal > 0
    backup = world.backup("before.sqlite")  # the server's file before the field's next change reached it
    world.clock.advance(minutes=5)
    field.replica.log("pete", "Smoke alarm check")
    field.round_trip()
    key = Path(world.url.removeprefix("sqlite+pysqlite:///") + ".signing-key")
    world.serve(backup)
    from citydesk.server.admin import new_epoch

    with pytest.raises(ServerError, match=r"signing key .* does not exist"):
        field.exchange(field.to_file())  # the key stays with the server's folder, never made anew here
    moved = Path(str(backup) + ".signing-key")
    moved.write_bytes(key.read_bytes())
    moved.chmod(0o600)

    epoch = new_epoch(world.url, clock=world.clock)
    world.clock.advance(minutes=10)
    field.replica.log("pete", "Ladder inspection")
    done = field.round_trip()  # written for the old epoch: nothing applied, a whole copy back
    assert done.snapshot and done.accepted == 0
    state = field.replica.state()
    assert state.server_epoch == epoch and state.pushed_seq == 0 and field.replica.outbox() > 0
    again = field.round_trip()  # the journal and the outbox go again
    assert again.accepted > 0 and field.replica.outbox() == 0
    hall = world.enrol("hall")
    assert {"Hydrant leaking", "Smoke alarm check", "Ladder inspection"} <= set(hall.tickets().values())


def test_a_pc_clock_running_ahead_gets_its_changes_restamped_for_the_next_file(world: World) -> None:
    from citydesk.domain.clock import ManualClock

    ahead = ManualClock(world.clock.now())
    field = enrol_field(world, clock=ahead)
    field.round_trip()
    ahead.advance(minutes=30)  # the fire station's PC clock runs half an hour fast
    made = field.replica.log("pete", "Hydrant leaking")
    size = log_size(world)
    done = field.round_trip()
    assert log_size(world) == size and done.accepted == 0
    assert done.clock_warning is not None and "ahead" in done.clock_warning
    assert field.replica.state().clock_offset_ms < 0 and field.replica.outbox() > 0
    again = field.round_trip()  # re-stamped: accepted now, under the same change ids
    assert again.accepted > 0 and field.replica.outbox() == 0 and again.clock_warning is None
    hall = world.enrol("hall")
    assert made.number in hall.tickets()


def test_a_file_of_many_batches_is_applied_in_order_and_each_batch_acknowledged(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    field = enrol_field(world)
    field.round_trip()
    for n in range(3):
        field.replica.log("pete", f"Hydrant {n}")
    waiting = field.replica.outbox()
    monkeypatch.setattr("citydesk.sync.wire.MAX_BATCH", 2)  # the office builds batches of 2
    request = field.to_file()
    with field.replica.db.read() as session:
        sent = session.get(LocalSetting, "sync.file.sent").value[-1]["batches"]
    assert len(sent) == (waiting + 1) // 2
    assert [b["seq_first"] for b in sent[1:]] == [b["seq_last"] + 1 for b in sent[:-1]]
    done = field.from_file(field.exchange(request))
    assert done.accepted == waiting and field.replica.outbox() == 0
    assert field.replica.state().pushed_seq == sent[-1]["seq_last"]
    hall = world.enrol("hall")
    assert {f"Hydrant {n}" for n in range(3)} <= set(hall.tickets().values())
