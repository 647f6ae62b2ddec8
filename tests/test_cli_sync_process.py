"""The headless sync commands as real processes against a real `citydesk-server serve` process on a free
loopback port: two office PCs enrol, one logs a ticket, both sync, the other sees it.

Each child gets a test keyring backend sharing secrets through a file (tests/keyring_file.py): the
processes cannot share an in-memory one. (tests/test_e2e_sync.py builds on this: the
server set up by its CLI, a `kill -9` mid-push.)
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from citydesk.domain.clock import SystemClock
from server_process import ServerProcess, citydesk, free_port
from sync_world import server_admin, set_up_server

pytestmark = pytest.mark.slow


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A set-up server database and `citydesk-server serve` on it; yields (database URL, base URL)."""
    url = f"sqlite+pysqlite:///{tmp_path / 'server.sqlite'}"
    set_up_server(url, SystemClock())  # type: ignore[arg-type]
    process = ServerProcess(tmp_path, url, free_port()).start()
    try:
        yield url, process.base
    finally:
        process.stop()


def test_two_office_pcs_sync_through_a_real_server_process(tmp_path: Path, server: tuple[str, str]) -> None:
    admin = server_admin()
    url, base = server
    a, b = str(tmp_path / "a.sqlite"), str(tmp_path / "b.sqlite")
    for path, office in ((a, "CLK"), (b, "PD")):
        code = admin.enrol_code(url, office=office)
        done = citydesk(tmp_path, "connect", base, "--code", code, "--database", path, "--name", office)
        assert done.returncode == 0, done.stderr
    added = citydesk(tmp_path, "ticket", "add", "--title", "Pothole on Oak", "--category", "Pothole",
                     "--user", "carla", "--database", a)  # fmt: skip
    assert added.returncode == 0, added.stderr
    number = added.stdout.strip()
    assert number == "CLK-1-000001"
    for path in (a, b):
        synced = citydesk(tmp_path, "sync", "--database", path)
        assert synced.returncode == 0, synced.stderr
    listed = citydesk(tmp_path, "tickets", "--json", "--database", b)
    assert [t["number"] for t in json.loads(listed.stdout)] == [number]
    status = json.loads(citydesk(tmp_path, "sync-status", "--json", "--database", a).stdout)
    assert (status["pending"], status["rejected"], status["server"]) == (0, 0, base)
    keyring_file = json.loads((tmp_path / "keyring.json").read_text())
    assert len(keyring_file) == 2  # one credential per PC, in the (test) keyring only
    for path in (a, b):
        assert all(
            secret not in Path(path).read_bytes().decode("latin-1") for secret in keyring_file.values()
        )
