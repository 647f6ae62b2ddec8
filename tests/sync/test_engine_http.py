"""SyncClient against a tiny FastAPI app defined here with canned replies: headers, gzip, the mapping of
every error reply to its SyncError, and an unreachable server. (The real server is tested after merging.)"""

from __future__ import annotations

import gzip
import json
import socket
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Request, Response
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient

from citydesk import __version__
from citydesk.store.schema import SCHEMA_HEAD
from citydesk.sync import http, messages, wire
from citydesk.sync.messages import Hello, PushReply, PushRequest
from citydesk.sync.wire import Change, Op

HELLO = Hello(epoch="E1", server_time="2026-11-16T15:00:00+00:00", server_hlc=123 << 16, schema_min="0004",
              schema_max="0004", min_client_version="0.1.0", city_settings={"city_name": "Testville"},
              offices=(messages.OfficeSync("o1", "CLK", None),))  # fmt: skip
CHANGE = Change(change_id="e1", table="timeline_entry", op=Op.ENTRY, row_id="e1", hlc=5 << 16, device_id="d1",
                author_id="u1", data={"id": "e1", "body": "ñ" * 3000}, seq=1)  # fmt: skip


class Canned:
    """What the test app saw and what it answers next."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, str], bytes, dict[str, str]]] = []
        self.error: tuple[int, Any] | None = None


@pytest.fixture
def canned() -> Canned:
    return Canned()


@pytest.fixture
def client(canned: Canned) -> Iterator[http.SyncClient]:
    app = FastAPI()
    app.add_middleware(GZipMiddleware, minimum_size=10)

    @app.middleware("http")
    async def record(request: Request, call_next: Any) -> Response:
        raw = await request.body()
        canned.requests.append((request.url.path, dict(request.headers), raw, dict(request.query_params)))
        if canned.error is not None:
            status, body = canned.error
            if isinstance(body, str):
                return Response(body, status_code=status, media_type="text/plain")
            return JSONResponse(body, status_code=status)
        response: Response = await call_next(request)
        return response

    @app.get("/v1/sync/hello")
    def hello() -> dict[str, Any]:
        return HELLO.to_json()

    @app.post("/v1/sync/push")
    async def push(request: Request) -> dict[str, Any]:
        body = json.loads(gzip.decompress(await request.body()))
        ids = [c["change_id"] for c in body["changes"]]
        return PushReply(
            accepted=tuple(ids), rejected=(), server_hlc=9 << 16, acked_seq=body["seq_last"]
        ).to_json()

    @app.get("/v1/sync/pull")
    def pull(cursor: str | None = None, limit: int = 1000) -> dict[str, Any]:
        return messages.Page(
            changes=(CHANGE,) * 40, has_more=True, server_hlc=7, next_cursor="E1:40"
        ).to_json()

    @app.get("/v1/sync/snapshot")
    def snapshot(cursor: str | None = None, after: str | None = None, limit: int = 1000) -> dict[str, Any]:
        return messages.Page(
            changes=(), has_more=False, server_hlc=7, start_cursor="E1:3", next_after=None
        ).to_json()

    @app.post("/v1/sync/missing")
    async def missing(request: Request) -> dict[str, Any]:
        return {"missing": [c for c in (await request.json())["change_ids"] if c.startswith("x")]}

    @app.post("/v1/enrol")
    async def enrol(request: Request) -> dict[str, Any]:
        body = await request.json()
        return {"device_id": "d9", "office_id": "o1", "office_code": "CLK", "device_number": 3,
                "credential": f"cred-for-{body['device_name']}", "epoch": "E1", "server_hlc": 77}  # fmt: skip

    with TestClient(app) as test_client:
        yield http.SyncClient("http://testserver/", credential="tok-1", client=test_client)


def test_every_request_carries_credential_version_and_schema(client: http.SyncClient, canned: Canned) -> None:
    assert client.hello() == HELLO
    path, headers, _raw, _q = canned.requests[-1]
    assert path == "/v1/sync/hello"
    assert headers["authorization"] == "Bearer tok-1"
    assert headers[wire.VERSION_HEADER.lower()] == __version__
    assert headers[wire.SCHEMA_HEADER.lower()] == SCHEMA_HEAD


def test_push_is_sent_gzipped_and_the_reply_parsed(client: http.SyncClient, canned: Canned) -> None:
    request = PushRequest(batch_id="b1", epoch="E1", seq_first=1, seq_last=1, changes=(CHANGE,))
    reply = client.push(request)
    assert reply == PushReply(accepted=("e1",), rejected=(), server_hlc=9 << 16, acked_seq=1)
    _path, headers, raw, _q = canned.requests[-1]
    assert headers["content-encoding"] == "gzip"
    assert len(raw) < len(json.dumps(request.to_json()).encode())  # compressed on the wire
    assert json.loads(gzip.decompress(raw)) == request.to_json()


def test_a_gzipped_reply_is_read(client: http.SyncClient, canned: Canned) -> None:
    page = client.pull("E1:0", 40)
    assert len(page.changes) == 40 and page.next_cursor == "E1:40" and page.has_more
    assert canned.requests[-1][3] == {"cursor": "E1:0", "limit": "40"}
    assert "gzip" in canned.requests[-1][1]["accept-encoding"]


def test_snapshot_missing_and_enrol(client: http.SyncClient, canned: Canned) -> None:
    page = client.snapshot(None, None, 500)
    assert page.start_cursor == "E1:3" and not page.has_more
    assert canned.requests[-1][3] == {"limit": "500"}
    client.snapshot("E1:3", "ticket:abc", 500)
    assert canned.requests[-1][3] == {"cursor": "E1:3", "after": "ticket:abc", "limit": "500"}
    assert client.missing(["a", "x1", "b", "x2"]) == ["x1", "x2"]
    enrolment = client.enrol("CODE-1", "Front desk")
    assert enrolment.credential == "cred-for-Front desk" and enrolment.number_prefix == "CLK-3"
    assert "authorization" not in canned.requests[-1][1]  # enrolling sends no credential


@pytest.mark.parametrize(
    ("status", "body", "error", "words"),
    [
        (401, messages.error_body("unauthorized", "revoked"), http.Unauthorized, "does not accept this PC"),
        (403, messages.error_body("forbidden", "office inactive"), http.Forbidden, "office inactive"),
        (410, messages.error_body("cursor_gone", "old"), http.CursorGone, "full download"),
        (410, messages.error_body("epoch_changed", "restored"), http.EpochChanged, "full download"),
        (413, messages.error_body("too_large", "1001 changes"), http.BatchTooLarge, "too large"),
        (
            426,
            messages.error_body("client_too_old", "update", min_version="0.2.0"),
            http.ClientTooOld,
            "0.2.0",
        ),
        (400, messages.error_body("malformed", "body is not JSON"), http.BadRequest, "body is not JSON"),
        (422, messages.error_body("wire", "changes[0].table: unknown"), http.BadRequest, "unknown"),
        (500, "Internal Server Error", http.ServerUnreachable, "HTTP 500"),
        (503, messages.error_body("down", "maintenance"), http.ServerUnreachable, "nothing was lost"),
        (404, {"detail": "Not Found"}, http.BadReply, "HTTP 404"),
    ],
)
def test_error_replies_map_to_sync_errors(
    client: http.SyncClient, canned: Canned, status: int, body: Any, error: type[Exception], words: str
) -> None:
    canned.error = (status, body)
    with pytest.raises(error, match=words) as caught:
        client.pull("E1:0", 10)
    assert isinstance(caught.value, http.SyncError)
    if isinstance(caught.value, http.ClientTooOld):
        assert caught.value.min_version == "0.2.0"


def test_clock_ahead_and_sequence_gap_carry_their_details(client: http.SyncClient, canned: Canned) -> None:
    canned.error = (409, messages.error_body("clock_ahead", "ahead", server_time="2026-11-16T15:00:00+00:00",
                                         server_hlc=42))  # fmt: skip
    request = PushRequest(batch_id="b1", epoch="E1", seq_first=1, seq_last=1, changes=(CHANGE,))
    with pytest.raises(http.ClockAhead) as ahead:
        client.push(request)
    assert (ahead.value.server_time, ahead.value.server_hlc) == ("2026-11-16T15:00:00+00:00", 42)
    canned.error = (409, messages.error_body("sequence_gap", "gap", expected_seq=17))
    with pytest.raises(http.SequenceGap) as gap:
        client.push(request)
    assert gap.value.expected_seq == 17
    canned.error = (409, messages.error_body("sequence_gap", "gap"))
    with pytest.raises(http.BadReply):
        client.push(request)


def test_a_wrong_enrolment_code_says_so(client: http.SyncClient, canned: Canned) -> None:
    canned.error = (401, messages.error_body("bad_code", "no such code"))
    with pytest.raises(http.Unauthorized, match="did not accept the enrolment code"):
        client.enrol("WRONG", "pc")


def test_unreadable_replies_are_bad_replies(client: http.SyncClient, canned: Canned) -> None:
    canned.error = (200, {"gone": ["a"]})
    with pytest.raises(http.BadReply, match="no list"):
        client.missing(["a"])
    canned.error = (200, "this is not json")
    with pytest.raises(http.BadReply, match="not JSON"):
        client.hello()
    canned.error = (200, {"epoch": "E1"})
    with pytest.raises(http.BadReply, match="could not be read"):
        client.hello()


def test_a_refused_connection_is_server_unreachable() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # the port is closed now: nothing listens there
    client = http.SyncClient(f"http://127.0.0.1:{port}", credential="x", timeout=5)
    with client, pytest.raises(http.ServerUnreachable, match="could not be reached"):
        client.hello()


def test_a_timeout_is_server_unreachable() -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    transport = httpx.MockTransport(slow)
    client = http.SyncClient("http://sync.test", credential="x", client=httpx.Client(transport=transport))
    with client, pytest.raises(http.ServerUnreachable, match="did not answer in time"):
        client.hello()


def test_a_missing_or_unreadable_ca_bundle_is_a_clear_error(tmp_path: Any) -> None:
    with pytest.raises(http.SyncError, match="does not exist"):
        http.SyncClient("https://sync.test", credential="x", ca_bundle=tmp_path / "nope.pem")
    junk = tmp_path / "junk.pem"
    junk.write_text("-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n")
    with pytest.raises(http.SyncError, match="could not be read as PEM"):
        http.SyncClient("https://sync.test", credential="x", ca_bundle=junk)
