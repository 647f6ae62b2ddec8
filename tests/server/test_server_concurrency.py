"""Concurrent pushes are serialised: each batch's changes take consecutive places in the change log, so
pulls see them in commit order."""

from __future__ import annotations

import threading
from dataclasses import replace

from fastapi.testclient import TestClient
from server_kit import Server, new_ticket

from citydesk.sync.messages import PushReply, PushRequest


def test_concurrent_pushes_append_whole_batches_in_commit_order(server: Server) -> None:
    devices = [server.enrol("CLK" if i % 2 else "PD", f"PC {i}") for i in range(4)]
    clerk = server.users["clerk"]
    batches: dict[str, list[PushRequest]] = {}
    for device in devices:
        batches[device.id] = []
        for b in range(4):
            changes = []
            for i in range(25):
                changes += new_ticket(server, device, clerk, f"{device.number}-{b}-{i}")
            first = b * 50 + 1
            numbered = [replace(c, seq=first + k) for k, c in enumerate(changes)]
            batches[device.id].append(
                PushRequest(f"{device.id[:30]}-{b}", device.epoch, first, first + 49, tuple(numbered))
            )
    errors: list[str] = []
    barrier = threading.Barrier(len(devices))

    def run(device_index: int) -> None:
        device = devices[device_index]
        with TestClient(server.client.app) as client:
            barrier.wait()
            for request in batches[device.id]:
                reply = client.post("/v1/sync/push", json=request.to_json(), headers=device.headers)
                if reply.status_code != 200 or PushReply.from_json(reply.json()).rejected:
                    errors.append(reply.text)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(devices))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    for requests in batches.values():
        for request in requests:
            ids = [c.change_id for c in request.changes]
            seqs = sorted(server_seq(server, ids))
            assert len(seqs) == 50 and seqs == list(range(seqs[0], seqs[0] + 50)), "a batch was interleaved"


def server_seq(server: Server, change_ids: list[str]) -> list[int]:
    """The change-log sequence numbers of `change_ids`."""
    from sqlalchemy import create_engine, text

    engine = create_engine(server.url)
    try:
        with engine.connect() as conn:
            found = conn.execute(text("SELECT change_id, seq FROM change_log")).all()
    finally:
        engine.dispose()
    wanted = set(change_ids)
    return [seq for change_id, seq in found if change_id in wanted]
