"""The server's OpenAPI schema fuzzed with schemathesis: no request gets a 5xx.

Every operation of the real app's schema (on an SQLite server) gets generated requests, valid and
invalid ones, with a real enrolled device's Bearer credential and client version (and some without a
credential); half of the push bodies carry the device's real epoch, so the fuzzer gets past the epoch
check into the batch itself, and the enrolment rate limit is reset before each request so guessed codes
reach the code check. Derandomized and bounded, so it runs the same way in CI in well under a minute.
The 5xx it (and the probes written beside it) found are kept as plain regression tests below; those run
on both backends.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from server_kit import Device, Server, created, new_id, ticket_insert

from citydesk.server import admin
from citydesk.server.ratelimit import EnrolLimiter
from citydesk.sync.wire import VERSION_HEADER, Change, Op

try:
    import schemathesis
    from schemathesis import GenerationMode
    from schemathesis.checks import not_a_server_error
except ImportError:  # pragma: no cover - the dev extras install it
    if os.environ.get("CI") == "true":
        raise
    pytest.skip("needs schemathesis (pip install -e '.[dev]')", allow_module_level=True)

EXAMPLES = 100  # per operation and generation mode
REAL_HEADERS = frozenset({"authorization", VERSION_HEADER.lower()})
OPERATIONS = {"/v1/enrol", "/v1/sync/hello", "/v1/sync/push", "/v1/sync/pull", "/v1/sync/snapshot",
              "/v1/sync/missing", "/healthz"}  # fmt: skip


def _fuzzer(
    server: Server, device: Device, operation: Any, mode: Any, failures: list[str]
) -> Callable[[], None]:
    """A hypothesis test sending generated requests of one operation and generation mode."""

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        case=operation.as_strategy(generation_mode=mode),
        authenticated=st.sampled_from([True, True, False]),
        real_epoch=st.booleans(),
    )
    def fuzz(case: Any, authenticated: bool, real_epoch: bool) -> None:
        if real_epoch and isinstance(case.body, dict) and "epoch" in case.body:
            case.body["epoch"] = device.epoch
        server.client.app.state.enrol_limiter = EnrolLimiter()  # else guessed codes get 429 after a few
        headers = {k: v for k, v in (case.headers or {}).items() if k.lower() not in REAL_HEADERS}
        if authenticated:
            headers.update(device.headers)
        case.headers = headers
        response = case.call()
        try:
            case.validate_response(response, checks=[not_a_server_error])
        except Exception as exc:
            failures.append(f"{operation.method.upper()} {operation.path} ({mode.value}): {exc}")
            raise

    return fuzz


@pytest.mark.sqlite_only("the schema is the same on both backends")
def test_the_post_bodies_are_described(server: Server) -> None:
    """The POST endpoints' bodies are in the schema (so the fuzzer sends bodies, not nothing)."""
    spec = server.client.get("/openapi.json").json()
    for path in ("/v1/enrol", "/v1/sync/push", "/v1/sync/missing"):
        body = spec["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"]
        assert body["type"] == "object" and body["required"], path
    change = spec["paths"]["/v1/sync/push"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    tables = {v["properties"]["table"]["enum"][0] for v in change["properties"]["changes"]["items"]["oneOf"]}
    assert {"ticket", "timeline_entry", "requester", "app_user"} <= tables


@pytest.mark.slow
@pytest.mark.sqlite_only("the fuzzer checks the app's handling of requests; the regressions run on both")
def test_fuzzed_requests_never_get_a_server_error(server: Server) -> None:
    """Generated requests to every operation, with and without a credential: never a 5xx."""
    device = server.enrol()
    schema = schemathesis.openapi.from_asgi("/openapi.json", server.client.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.path for op in operations} >= OPERATIONS
    failures: list[str] = []
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            try:
                _fuzzer(server, device, operation, mode, failures)()
            except Exception:
                continue  # recorded in `failures`; the other operations are fuzzed too
    assert not failures, "\n\n".join(failures[:5])


# ---- regressions: the 5xx the fuzzer and the probes beside it found (each was a 500) ---------------


def post_raw(server: Server, device: Device, path: str, body: bytes) -> Any:
    """POST raw bytes as JSON with the device's credential."""
    headers = {**device.headers, "Content-Type": "application/json"}
    return server.client.post(path, content=body, headers=headers)


def push_body(device: Device, **fields: Any) -> bytes:
    """A push body (no changes unless given) with `fields` replaced, as JSON bytes."""
    body = {"batch_id": "b1", "epoch": device.epoch, "seq_first": 1, "seq_last": 1, "changes": [], **fields}
    return json.dumps(body).encode()


def test_a_lone_surrogate_in_a_body_is_a_400(server: Server) -> None:
    """A \\ud800 escape (text no database stores) anywhere in a body: 400 bad_json, nothing written."""
    device = server.enrol()
    before = server.log_size()
    for path, body in (
        ("/v1/sync/missing", b'{"change_ids": ["\\ud800"]}'),
        ("/v1/sync/push", push_body(device, batch_id="\ud800")),
        ("/v1/enrol", b'{"code": "abc", "device_name": "\\udfff"}'),
    ):
        reply = post_raw(server, device, path, body)
        assert reply.status_code == 400, (path, reply.text)
        assert reply.json()["error"] == "bad_json"
    assert server.log_size() == before
    # an escaped surrogate pair is ordinary text (an emoji); an escaped backslash is no surrogate
    reply = post_raw(server, device, "/v1/sync/missing", b'{"change_ids": ["\\ud83d\\ude00", "\\\\ud800"]}')
    assert reply.status_code == 200, reply.text
    assert reply.json()["missing"] == ["\U0001f600", "\\ud800"]


def test_a_body_nested_too_deeply_is_a_400(server: Server) -> None:
    device = server.enrol()
    reply = post_raw(server, device, "/v1/sync/push", b"[" * 100_000 + b"]" * 100_000)
    assert reply.status_code == 400 and "nested too deeply" in reply.json()["message"]


def test_numbers_past_64_bits_are_a_422(server: Server) -> None:
    """Sequences and field clocks past 64 bits in a push, and a cursor's sequence: 422, nothing written."""
    device = server.enrol()
    clerk = server.users["clerk"]
    before = server.log_size()
    huge = 10**23
    for fields, where in (
        ({"seq_first": huge, "seq_last": huge}, "seq_first"),
        ({"seq_last": huge}, "seq_last"),
    ):
        reply = post_raw(server, device, "/v1/sync/push", push_body(device, **fields))
        assert reply.status_code == 422, reply.text
        assert reply.json()["where"] == where
    insert = ticket_insert(server, device, clerk).to_json()
    row_id = new_id(server)
    row = Change(
        new_id(server), "requester", Op.ROW, row_id, server.stamp(), device.id, clerk, {"id": row_id}
    )
    clocked = dict(row.to_json(), clocks={"name": {"hlc": huge, "device_id": device.id}})
    for bad in (dict(insert, seq=huge), dict(clocked, seq=1)):
        reply = post_raw(server, device, "/v1/sync/push", push_body(device, changes=[bad]))
        assert reply.status_code == 422, reply.text
        assert reply.json()["where"] == "changes[0]"
    assert server.log_size() == before
    for endpoint in ("/v1/sync/pull", "/v1/sync/snapshot"):
        for cursor in (f"{device.epoch}:{huge}", f"{device.epoch}:\u00b2"):  # "²" is a digit int() refuses
            reply = server.client.get(endpoint, params={"cursor": cursor}, headers=device.headers)
            assert reply.status_code == 422, (endpoint, cursor, reply.text)
            assert "malformed cursor" in reply.json()["message"]


def test_a_nul_character_in_an_id_is_a_422(server: Server) -> None:
    """PostgreSQL stores no NUL character in text: ids, snapshot positions and PC names holding one are
    refused as bad requests on both backends."""
    device = server.enrol()
    change = dict(ticket_insert(server, device, server.users["clerk"]).to_json(), seq=1)
    change["change_id"] = change["row_id"] = "t\x00"
    change["data"] = dict(change["data"], id="t\x00")
    reply = post_raw(server, device, "/v1/sync/push", push_body(device, changes=[change]))
    assert reply.status_code == 422 and "NUL" in reply.json()["message"], reply.text
    note = dict(created(server, device, server.users["clerk"], new_id(server)).to_json(), seq=1)
    note["data"] = dict(note["data"], ticket_id="t\x00")  # kept as the entry's parent on the server
    reply = post_raw(server, device, "/v1/sync/push", push_body(device, changes=[note]))
    assert reply.status_code == 422 and "NUL" in reply.json()["message"], reply.text
    reply = post_raw(server, device, "/v1/sync/missing", json.dumps({"change_ids": ["a\x00b"]}).encode())
    assert reply.status_code == 422, reply.text
    reply = server.client.get("/v1/sync/snapshot", params={"after": "ticket:\x00"}, headers=device.headers)
    assert reply.status_code == 422 and "snapshot position" in reply.json()["message"]
    code = admin.enrol_code(server.url, office="CLK", clock=server.clock)
    reply = server.client.post("/v1/enrol", json={"code": code, "device_name": "front\x00desk"})
    assert reply.status_code == 422 and "NUL" in reply.json()["message"]
    assert (
        server.client.post("/v1/enrol", json={"code": code, "device_name": "front desk"}).status_code == 200
    )
