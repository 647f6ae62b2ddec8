"""The headless sync commands as real processes against a real `citydesk-server serve` process on a free
loopback port: two office PCs enrol, one logs a ticket, both sync, the other sees it.

Each child gets a test keyring backend sharing secrets through a file (tests/keyring_file.py): the
processes cannot share an in-memory one. (The end-to-end test with a `kill -9` of the server mid-push
builds on this.)
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from citydesk.domain.clock import SystemClock
from sync_world import server_admin, set_up_server

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A set-up server database and `citydesk-server serve` on it; yields (database URL, base URL)."""
    url = f"sqlite+pysqlite:///{tmp_path / 'server.sqlite'}"
    set_up_server(url, SystemClock())  # type: ignore[arg-type]
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", "import sys; from citydesk.server.cli import main; sys.exit(main())",
         "serve", "--database-url", url, "--host", "127.0.0.1", "--port", str(port)],
        env=child_env(tmp_path), stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    assert process.stderr is not None
    seen = []
    for line in process.stderr:  # blocks until uvicorn says it listens (or the process ends)
        seen.append(line)
        if "Uvicorn running on" in line:
            break
    else:
        pytest.fail("citydesk-server did not start:\n" + "".join(seen))
    try:
        yield url, f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)
        process.stderr.close()


def child_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT / "tests")]),
        PYTHON_KEYRING_BACKEND="keyring_file.FileKeyring",
        CITYDESK_TEST_KEYRING=str(tmp_path / "keyring.json"),
        CITYDESK_DATA_DIR=str(tmp_path / "data"),
        CITYDESK_DATABASE=str(tmp_path / "data" / "default.sqlite"),
        QT_QPA_PLATFORM="offscreen",
        LANG="C.UTF-8",
    )
    return env


def citydesk(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "citydesk", *argv], env=child_env(tmp_path),
                          capture_output=True, text=True, timeout=120)  # fmt: skip


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
