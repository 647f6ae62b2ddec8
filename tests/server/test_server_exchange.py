"""`citydesk-server exchange` on both backends: a device's signed file is verified and applied in one push
transaction with HTTP's dedup (a file applied twice changes nothing; a sequence range already seen is a
duplicate, not a gap; a real gap is refused with nothing written), and the signed reply carries the push
verdicts and a snapshot on the first exchange, pull pages after. The file-key endpoint registers a PC's
key; the server's signing key lives in a private file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from server_kit import Device, Server, new_ticket

from citydesk.server.db import ServerError
from citydesk.server.exchange import exchange
from citydesk.server.signing import key_path
from citydesk.sync import signing
from citydesk.sync.messages import Page, PushReply, PushRequest
from citydesk.sync.signing import SyncFileError
from citydesk.sync.wire import Change


@pytest.fixture(autouse=True)
def signing_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The server's signing key file (PostgreSQL has no database file to keep it beside)."""
    path = tmp_path / "keys" / "signing-key"
    path.parent.mkdir()
    monkeypatch.setenv("CITYDESK_SERVER_SIGNING_KEY", str(path))
    return path


def register(server: Server, device: Device) -> tuple[str, dict[str, Any]]:
    """A file key registered for `device` over HTTP: its private key and the server's reply."""
    private = signing.new_private_key()
    reply = server.client.post(
        "/v1/sync/file-key", json={"public_key": signing.public_of(private)}, headers=device.headers
    )
    assert reply.status_code == 200, reply.text
    return private, reply.json()


def request_file(
    path: Path, device: Device, private: str, trust: dict[str, Any], changes: list[Change], *,
    seq_first: int, cursor: str | None = None, epoch: str | None = None,
) -> Path:  # fmt: skip
    numbered = [_with_seq(c, seq_first + i) for i, c in enumerate(changes)]
    batch = PushRequest(batch_id=f"batch-{seq_first}", epoch=epoch or device.epoch, seq_first=seq_first,
                        seq_last=seq_first + len(changes) - 1, changes=tuple(numbered))  # fmt: skip
    body = {"file_id": f"file-{path.stem}", "device_id": device.id, "city": trust["city"],
            "server_key": trust["server_key"], "epoch": epoch or device.epoch, "cursor": cursor,
            "batches": [batch.to_json()]}  # fmt: skip
    path.write_bytes(signing.seal("request", device.id, body, private))
    return path


def read(reply: Path, trust: dict[str, Any]) -> dict[str, Any]:
    envelope = signing.open_envelope(reply.read_bytes(), expect="reply")
    return signing.verify(envelope, trust["server_public_key"])


def test_a_file_is_applied_once_and_answered_with_a_snapshot_then_pull_pages(
    server: Server, tmp_path: Path
) -> None:
    device = server.enrol("PD", "Fire station")
    private, trust = register(server, device)
    assert trust["city"] == "Testville"
    ticket, created = new_ticket(server, device, server.users["clerk"])
    first = request_file(tmp_path / "one.sync", device, private, trust, [ticket, created], seq_first=1)
    size = server.log_size()
    done = exchange(server.url, first, tmp_path / "one.reply", clock=server.clock)
    assert (done.accepted, done.rejected, done.snapshot) == (2, 0, True)
    assert server.log_size() == size + 2
    body = read(tmp_path / "one.reply", trust)
    assert body["device_id"] == device.id and body["request_id"] == "file-one"
    push = PushReply.from_json(body["push"][0]["reply"])
    assert set(push.accepted) == {ticket.change_id, created.change_id} and push.acked_seq == 2
    pages = [Page.from_json(p) for p in body["pages"]]
    assert pages[0].start_cursor is not None and not pages[-1].has_more
    assert ticket.row_id in {c.row_id for p in pages for c in p.changes}

    again = exchange(server.url, first, tmp_path / "again.reply", clock=server.clock)
    assert again.accepted == 2 and server.log_size() == size + 2  # the same verdicts, nothing twice

    # a range already seen (1..2) plus a new change is a duplicate and a new one, not a gap
    more, more_created = new_ticket(server, device, server.users["clerk"])
    cursor = pages[0].start_cursor
    carried = [ticket, created, more, more_created]
    second = request_file(tmp_path / "two.sync", device, private, trust, carried, seq_first=1, cursor=cursor)
    done = exchange(server.url, second, tmp_path / "two.reply", clock=server.clock)
    assert done.accepted == 4 and not done.snapshot and server.log_size() == size + 4
    body = read(tmp_path / "two.reply", trust)
    assert body["cursor"] == cursor
    pulled = {c.change_id for p in body["pages"] for c in Page.from_json(p).changes}
    assert pulled == {more.change_id, more_created.change_id}  # only what came after the snapshot

    # a real gap is refused and nothing is written
    late, late_created = new_ticket(server, device, server.users["clerk"])
    gap = request_file(tmp_path / "gap.sync", device, private, trust, [late, late_created], seq_first=9)
    with pytest.raises(SyncFileError, match="sequence 5"):
        exchange(server.url, gap, tmp_path / "gap.reply", clock=server.clock)
    assert server.log_size() == size + 4 and not (tmp_path / "gap.reply").exists()


def test_a_file_for_an_old_epoch_gets_a_snapshot_and_applies_nothing(server: Server, tmp_path: Path) -> None:
    device = server.enrol("PD")
    private, trust = register(server, device)
    ticket, created = new_ticket(server, device, server.users["clerk"])
    old = request_file(tmp_path / "old.sync", device, private, trust, [ticket, created], seq_first=1,
                       epoch="0190aaaa-0000-7000-8000-000000000000")  # fmt: skip
    size = server.log_size()
    done = exchange(server.url, old, tmp_path / "old.reply", clock=server.clock)
    assert done.snapshot and done.accepted == 0 and server.log_size() == size
    assert read(tmp_path / "old.reply", trust)["epoch"] == device.epoch


def test_the_file_key_endpoint_needs_a_credential_and_a_real_key(server: Server) -> None:
    device = server.enrol()
    assert server.client.post("/v1/sync/file-key", json={"public_key": "x"}).status_code == 401
    bad = server.client.post("/v1/sync/file-key", json={"public_key": "bm90IGEga2V5"}, headers=device.headers)
    assert bad.status_code == 422 and "public key" in bad.json()["message"]
    assert server.count("SELECT count(*) FROM device_file_key") == 0


def test_the_signing_key_is_found_beside_sqlite_or_named_for_postgresql(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CITYDESK_SERVER_SIGNING_KEY")
    assert key_path("sqlite+pysqlite:////srv/citydesk/server.sqlite") == Path(
        "/srv/citydesk/server.sqlite.signing-key"
    )
    with pytest.raises(ServerError, match="--signing-key"):
        key_path("postgresql+psycopg://citydesk@db/citydesk")
    assert key_path("postgresql+psycopg://citydesk@db/citydesk", "/run/credentials/k") == Path(
        "/run/credentials/k"
    )


def _with_seq(change: Change, seq: int) -> Change:
    return Change(change.change_id, change.table, change.op, change.row_id, change.hlc, change.device_id,
                  change.author_id, change.data, change.fields, change.clocks, seq)  # fmt: skip
