"""Copied databases on the server: every pushed (device, seq) pair is recorded, a pair reused with another
change id is 409 identity_reused before anything is written, a hello from a database older than what the
server acknowledged is refused the same way, and `POST /v1/sync/reidentify` gives a new identity."""

from __future__ import annotations

import dataclasses
import time

from server_kit import Device, Server, new_ticket, requester_row, ticket_insert

from citydesk.server.db import open_server_database
from citydesk.server.prefixes import prefixes_of
from citydesk.sync.wire import MAX_BATCH


def _pairs(server: Server, device: Device) -> int:
    return server.count("SELECT count(*) FROM device_sequence WHERE device_id = :d", d=device.id)


def _copy(device: Device) -> Device:
    """Another database holding the same identity and credential (a copy made now)."""
    return Device(device.id, device.office_id, device.number, device.credential, device.epoch, device.seq)


def test_every_pushed_change_records_its_device_sequence(server: Server) -> None:
    device = server.enrol()
    reply = server.push(device, [*new_ticket(server, device, server.users["clerk"])])
    assert reply.status_code == 200, reply.text
    assert _pairs(server, device) == 2
    rows = server.count("SELECT count(*) FROM device_sequence WHERE device_id = :d AND seq IN (1, 2)",
                        d=device.id)  # fmt: skip
    assert rows == 2


def test_a_sequence_reused_with_another_change_is_refused_before_anything_is_written(server: Server) -> None:
    clerk = server.users["clerk"]
    original = server.enrol()
    copy = _copy(original)
    assert server.push(original, [*new_ticket(server, original, clerk)]).status_code == 200
    log, pairs = server.log_size(), _pairs(server, original)
    # the copy made its own first ticket: same sequence numbers, other change ids
    reply = server.push(copy, [requester_row(server, copy, clerk), *new_ticket(server, copy, clerk)],
                        seq_first=1)  # fmt: skip
    assert reply.status_code == 409
    body = reply.json()
    assert body["error"] == "identity_reused"
    assert "copy or a restored backup" in body["message"]
    assert server.log_size() == log  # nothing of the batch was written
    assert _pairs(server, original) == pairs
    assert server.count("SELECT count(*) FROM row_state WHERE table_name = 'requester'") == 0


def test_a_batch_naming_two_changes_with_one_sequence_is_refused(server: Server) -> None:
    device = server.enrol()
    a = requester_row(server, device, server.users["clerk"])
    b = requester_row(server, device, server.users["clerk"])
    numbered = [a, b]
    reply = server.push(device, numbered, seq_first=1)
    assert reply.status_code == 200
    twice = [dataclasses.replace(requester_row(server, device, server.users["clerk"]), seq=3),
             dataclasses.replace(requester_row(server, device, server.users["clerk"]), seq=3)]  # fmt: skip
    assert server.push(device, twice, seq_first=3).json()["error"] == "identity_reused"


def test_idempotent_duplicates_and_a_repeated_batch_are_still_accepted(server: Server) -> None:
    clerk = server.users["clerk"]
    device = server.enrol()
    changes = [*new_ticket(server, device, clerk)]
    first = server.push(device, changes, batch_id="0192aaaa-0000-7000-8000-000000000001")
    assert first.status_code == 200
    again = server.push(device, changes, seq_first=1, batch_id="0192aaaa-0000-7000-8000-000000000001")
    assert again.status_code == 200, again.text
    assert sorted(again.json()["accepted"]) == sorted(c.change_id for c in changes)
    assert _pairs(server, device) == 2
    # the copy pushing the very same changes under the same numbers (copied before they were sent) is fine
    assert server.push(_copy(device), changes, seq_first=1).status_code == 200


def test_a_hello_from_a_database_older_than_the_server_knows_is_refused(server: Server) -> None:
    device = server.enrol()
    assert server.push(device, [*new_ticket(server, device, server.users["clerk"])]).status_code == 200
    ok = server.client.get("/v1/sync/hello", params={"device_seq": 2}, headers=device.headers)
    assert ok.status_code == 200
    plain = server.client.get("/v1/sync/hello", headers=device.headers)
    assert plain.status_code == 200  # older clients say nothing
    old = server.client.get("/v1/sync/hello", params={"device_seq": 1}, headers=device.headers)
    assert old.status_code == 409
    assert old.json()["error"] == "identity_reused"
    bad = server.client.get("/v1/sync/hello", params={"device_seq": -1}, headers=device.headers)
    assert bad.status_code == 422


def test_reidentify_gives_a_new_device_number_credential_and_prefix(server: Server) -> None:
    clerk = server.users["clerk"]
    old = server.enrol()
    server.enrol()  # CLK-2
    assert server.push(old, [*new_ticket(server, old, clerk)]).status_code == 200
    cursor_log = server.log_size()
    reply = server.client.post("/v1/sync/reidentify", json={"acked_seq": 5}, headers=old.headers)
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["device_id"] != old.id
    assert body["device_number"] == 3
    assert body["tag"] == "3"
    assert body["office_code"] == "CLK"
    assert body["credential"] != old.credential
    new = Device(body["device_id"], body["office_id"], 3, body["credential"], body["epoch"], seq=5)
    assert server.count("SELECT count(*) FROM device WHERE id = :o AND replaced_by = :n",
                        o=old.id, n=new.id) == 1  # fmt: skip
    assert server.count("SELECT count(*) FROM device_epoch WHERE device_id = :n AND acked_seq = 5",
                        n=new.id) == 1  # fmt: skip
    assert server.count("SELECT count(*) FROM number_prefix WHERE prefix = 'CLK-3' AND device_id = :n "
                        "AND source = 'reidentify'", n=new.id) == 1  # fmt: skip
    # the device row travels like an enrolment's
    assert server.log_size() == cursor_log + 1
    assert server.count("SELECT count(*) FROM change_log WHERE table_name = 'device' AND row_id = :n",
                        n=new.id) == 1  # fmt: skip
    # the new identity pushes from its next sequence; the old credential keeps working (the other copy)
    assert server.push(new, [*new_ticket(server, new, clerk)]).status_code == 200
    assert server.client.get("/v1/sync/hello", headers=old.headers).status_code == 200


def test_reidentify_keeps_a_restored_databases_tag_when_free(server: Server) -> None:
    old = server.enrol()
    reply = server.client.post("/v1/sync/reidentify", json={"tag": "QXB"}, headers=old.headers)
    assert reply.status_code == 200
    body = reply.json()
    assert body["tag"] == "QXB"
    db = open_server_database(server.url, clock=server.clock)
    try:
        with db.read() as session:
            assert prefixes_of(session, body["device_id"]) == ["CLK-QXB"]
    finally:
        db.close()
    # a tag another identity holds: the number is the tag
    again = server.client.post("/v1/sync/reidentify", json={"tag": "QXB"}, headers=old.headers)
    assert again.json()["tag"] == str(again.json()["device_number"])


def test_reidentify_refuses_bad_input_and_strangers(server: Server) -> None:
    device = server.enrol()
    before = server.count("SELECT count(*) FROM device")
    for body in ({"acked_seq": -1}, {"acked_seq": "3"}, {"tag": "q!"}, {"tag": "ABCD"}, [1],
                 {"device_name": 5}):  # fmt: skip
        reply = server.client.post("/v1/sync/reidentify", json=body, headers=device.headers)
        assert reply.status_code == 422, body
    stranger = server.client.post("/v1/sync/reidentify", json={}, headers={"Authorization": "Bearer nope"})
    assert stranger.status_code == 401
    assert server.count("SELECT count(*) FROM device") == before


def test_pairs_stay_cheap_for_a_full_batch(server: Server) -> None:
    clerk = server.users["clerk"]
    device = server.enrol()
    changes = [ticket_insert(server, device, clerk) for _ in range(MAX_BATCH)]
    started = time.perf_counter()
    assert server.push(device, changes).status_code == 200
    assert server.push(device, changes, seq_first=1).status_code == 200  # all duplicates
    assert time.perf_counter() - started < 10
    assert _pairs(server, device) == MAX_BATCH
