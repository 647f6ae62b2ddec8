"""Bad requests get a clear error body with the right status, and nothing is written."""

from __future__ import annotations

import gzip
from collections.abc import Callable

import httpx
import pytest
from server_kit import Server, entry, new_ticket

from citydesk.domain.clock import to_ms
from citydesk.server import admin
from citydesk.sync import hlc
from citydesk.sync.messages import PushReply
from citydesk.sync.wire import MAX_BATCH, VERSION_HEADER, Change, Op

TABLES = ("change_log", "rejection", "row_state", "user_history", "device_epoch")


def snapshot_counts(server: Server) -> dict[str, int]:
    """Row counts of every table a push writes."""
    return {t: server.count(f"SELECT count(*) FROM {t}") for t in TABLES}


def refused(server: Server, send: Callable[[], httpx.Response], status: int, code: str) -> dict[str, object]:
    """Send, expect `status`/`code`, and check nothing was written."""
    before = snapshot_counts(server)
    reply = send()
    assert reply.status_code == status, reply.text
    body = reply.json()
    assert body["error"] == code, body
    assert body["message"]
    assert snapshot_counts(server) == before
    return dict(body)


def test_malformed_json_is_400(server: Server) -> None:
    desk = server.enrol()
    headers = {**desk.headers, "Content-Type": "application/json"}
    refused(
        server,
        lambda: server.client.post("/v1/sync/push", content=b"{not json", headers=headers),
        400,
        "bad_json",
    )
    bad_gzip = {**headers, "Content-Encoding": "gzip"}
    refused(
        server,
        lambda: server.client.post("/v1/sync/push", content=b"plain", headers=bad_gzip),
        400,
        "bad_request",
    )
    zipped = {**headers, "Content-Encoding": "gzip"}
    refused(
        server,
        lambda: server.client.post("/v1/sync/push", content=gzip.compress(b"[1,"), headers=zipped),
        400,
        "bad_json",
    )


@pytest.mark.parametrize(
    ("patch", "where", "code"),
    [
        ({"table": "no_such_table"}, "changes[1].table", "bad_change"),
        ({"table": "field_clock"}, "changes[1].table", "bad_change"),
        ({"op": "row"}, "changes[1].op", "bad_change"),
        ({"op": "delete"}, "changes[1].op", "bad_request"),
        ({"hlc": "soon"}, "changes[1].hlc", "bad_request"),
        ({"data": {"id": "x"}}, "changes[1].data", "bad_change"),
    ],
)
def test_bad_types_and_unknown_tables_are_422_with_nothing_written(
    server: Server, patch: dict[str, object], where: str, code: str
) -> None:
    desk = server.enrol()
    insert, first = new_ticket(server, desk, server.users["clerk"])
    body = {
        "batch_id": "b",
        "epoch": desk.epoch,
        "seq_first": 1,
        "seq_last": 2,
        "changes": [insert.to_json(), {**first.to_json(), **patch}],
    }
    result = refused(server, lambda: server.post_push(desk, body), 422, code)
    assert str(result.get("where", "")).startswith(where)


def test_a_wrongly_typed_value_is_422(server: Server) -> None:
    desk = server.enrol()
    insert, first = new_ticket(server, desk, server.users["clerk"])
    bad = {**first.to_json(), "data": {**first.data, "public": "yes"}}
    body = {
        "batch_id": "b",
        "epoch": desk.epoch,
        "seq_first": 1,
        "seq_last": 2,
        "changes": [insert.to_json(), bad],
    }
    result = refused(server, lambda: server.post_push(desk, body), 422, "bad_change")
    assert result["where"] == "changes[1].data.public"
    not_a_list = {"batch_id": "b", "epoch": desk.epoch, "changes": "many"}
    refused(server, lambda: server.post_push(desk, not_a_list), 422, "bad_request")


def test_an_oversize_batch_is_413(server: Server) -> None:
    desk = server.enrol()
    clerk = server.users["clerk"]
    changes = [entry(server, desk, clerk, "t", "note", body="x") for _ in range(MAX_BATCH + 1)]
    result = refused(server, lambda: server.push(desk, changes), 413, "batch_too_large")
    assert result["max_batch"] == MAX_BATCH


def test_a_too_old_or_unnamed_client_is_426(server: Server) -> None:
    desk = server.enrol()
    insert, first = new_ticket(server, desk, server.users["clerk"])
    old = {**desk.headers, VERSION_HEADER: "0.0.9"}
    result = refused(server, lambda: server.push(desk, [insert, first], headers=old), 426, "client_too_old")
    assert result["min_version"] == "0.1.0"
    unnamed = {k: v for k, v in desk.headers.items() if k != VERSION_HEADER}
    refused(server, lambda: server.push(desk, [insert, first], headers=unnamed), 426, "client_too_old")
    hello = server.client.get("/v1/sync/hello", headers=old)
    assert hello.status_code == 426
    assert server.client.get("/v1/sync/hello", headers=unnamed).status_code == 200


def test_a_sequence_gap_is_409_with_the_expected_sequence(server: Server) -> None:
    desk = server.enrol()
    clerk = server.users["clerk"]
    insert, first = new_ticket(server, desk, clerk)
    # the first batch of a device in an epoch may start anywhere (a journal re-push, a restored PC)
    assert PushReply.from_json(server.push(desk, [insert, first], seq_first=40).json()).acked_seq == 41
    note = entry(server, desk, clerk, insert.row_id, "note", body="later")
    result = refused(server, lambda: server.push(desk, [note], seq_first=43), 409, "sequence_gap")
    assert result["expected_seq"] == 42
    assert server.push(desk, [note], seq_first=42).status_code == 200


def test_a_batch_stamped_more_than_5_minutes_ahead_is_409_with_the_server_time(server: Server) -> None:
    desk = server.enrol()
    clerk = server.users["clerk"]
    insert, first = new_ticket(server, desk, clerk)
    ahead = hlc.pack(to_ms(server.clock.now()) + 6 * 60 * 1000)
    late = entry(server, desk, clerk, insert.row_id, "note", body="from the future", stamp=ahead)
    result = refused(server, lambda: server.push(desk, [insert, first, late]), 409, "clock_ahead")
    assert result["server_time"] == server.clock.now().isoformat()
    assert isinstance(result["server_hlc"], int) and result["server_hlc"] < ahead
    near = hlc.pack(to_ms(server.clock.now()) + 4 * 60 * 1000)
    ok = entry(server, desk, clerk, insert.row_id, "note", body="slightly ahead", stamp=near)
    reply = server.push(desk, [insert, first, ok])
    assert reply.status_code == 200
    assert PushReply.from_json(reply.json()).server_hlc > near  # the server's clock moved past it


def test_wrong_and_revoked_credentials_are_401(server: Server) -> None:
    desk = server.enrol()
    insert, first = new_ticket(server, desk, server.users["clerk"])
    wrong = {**desk.headers, "Authorization": "Bearer not-a-credential"}
    refused(server, lambda: server.push(desk, [insert, first], headers=wrong), 401, "unauthorized")
    missing = {k: v for k, v in desk.headers.items() if k != "Authorization"}
    refused(server, lambda: server.push(desk, [insert, first], headers=missing), 401, "unauthorized")
    admin.revoke_device(server.url, device=f"CLK-{desk.number}", clock=server.clock)
    before = snapshot_counts(server)
    for reply in (
        server.push(desk, [insert, first]),
        server.pull(desk),
        server.client.get("/v1/sync/hello", headers=desk.headers),
    ):
        assert reply.status_code == 401 and reply.json()["error"] == "revoked"
    assert snapshot_counts(server) == before


def test_a_device_of_an_inactive_office_is_403(server: Server) -> None:
    desk = server.enrol()
    insert, first = new_ticket(server, desk, server.users["clerk"])
    _deactivate_office(server, "CLK")
    refused(server, lambda: server.push(desk, [insert, first]), 403, "office_inactive")


def _deactivate_office(server: Server, code: str) -> None:
    """An admin PC deactivates the office through the server (a row change authored by an admin)."""
    boss = server.enrol("PD", "Admin laptop")
    office_id = server.offices[code]
    change = Change(
        "01a00000-0000-7000-8000-00000000dead",
        "office",
        Op.ROW,
        office_id,
        server.stamp(),
        boss.id,
        server.users["boss"],
        {"id": office_id, "active": False},
        ("active",),
    )
    reply = PushReply.from_json(server.push(boss, [change]).json())
    assert reply.accepted == (change.change_id,)


def test_a_push_for_another_epoch_is_410(server: Server) -> None:
    desk = server.enrol()
    insert, first = new_ticket(server, desk, server.users["clerk"])
    result = refused(
        server, lambda: server.push(desk, [insert, first], epoch="old-epoch"), 410, "epoch_changed"
    )
    assert result["epoch"] == desk.epoch


def test_a_declared_oversize_body_is_413_before_it_is_read(server: Server) -> None:
    desk = server.enrol()
    headers = {**desk.headers, "Content-Type": "application/json", "Content-Length": str(65 * 1024 * 1024)}
    request = server.client.build_request("POST", "/v1/sync/push", content=b"{}", headers=headers)
    reply = server.client.send(request)
    assert reply.status_code == 413 and reply.json()["error"] == "too_large"


def test_an_enrolment_with_a_wrongly_typed_name_is_422(server: Server) -> None:
    code = admin.enrol_code(server.url, office="CLK", clock=server.clock)
    reply = server.client.post("/v1/enrol", json={"code": code, "device_name": 5})
    assert reply.status_code == 422 and "text" in reply.json()["message"]
    assert server.count("SELECT count(*) FROM device") == 0


def test_an_unexpected_failure_is_a_500_error_body_with_nothing_written(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fastapi.testclient import TestClient

    from citydesk.server import changes

    desk = server.enrol()
    insert, first = new_ticket(server, desk, server.users["clerk"])

    def broken(self: changes.Ledger) -> None:
        self.session.execute(changes.insert(changes.core_table("change_log")), self.log)  # written, then:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(changes.Ledger, "flush", broken)
    quiet = TestClient(server.client.app, raise_server_exceptions=False)
    before = snapshot_counts(server)
    request = push_body(desk.epoch, [insert, first])
    reply = quiet.post("/v1/sync/push", json=request, headers=desk.headers)
    assert reply.status_code == 500 and reply.json()["error"] == "internal"
    assert snapshot_counts(server) == before


def push_body(epoch: str, changes: list[Change]) -> dict[str, object]:
    """A push body numbering `changes` from 1."""
    return {
        "batch_id": "b",
        "epoch": epoch,
        "seq_first": 1,
        "seq_last": len(changes),
        "changes": [c.to_json() for c in changes],
    }
