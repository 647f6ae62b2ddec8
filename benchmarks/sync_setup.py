"""The sync benchmark's world: the server database set up with the admin functions, `citydesk-server
serve` as a subprocess on a free loopback port, office PCs enrolled with `connect`, new tickets by the
bulk path, an in-memory keyring for this process, and memory probes (VmHWM, tracemalloc)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "correct horse battery"


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def set_up_server(url: str) -> None:
    """A city with one office, a department, its category, an admin and a clerk (the admin functions)."""
    from citydesk.server import admin

    admin.init_server(url, city="Benchville", time_zone="America/Chicago", admin="root", password=PASSWORD)
    admin.add_office(url, code="CLK", name="City Hall")
    admin.add_office(url, code="PD", name="Police annex")
    admin.add_department(url, code="PW", name="Public Works")
    admin.add_category(url, name="Pothole", department="PW")
    admin.add_user(
        url,
        username="carla",
        display_name="Carla",
        role="clerk",
        office="CLK",
        department=None,
        password=PASSWORD,
    )


def child_env(folder: Path) -> dict[str, str]:
    """The environment of the server and CLI children: this source tree, the tests' file keyring."""
    env = dict(os.environ)
    env.update(
        PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT / "tests")]),
        PYTHON_KEYRING_BACKEND="keyring_file.FileKeyring",
        CITYDESK_TEST_KEYRING=str(folder / "keyring.json"),
        CITYDESK_DATA_DIR=str(folder / "data"),
        QT_QPA_PLATFORM="offscreen",
        LANG="C.UTF-8",
    )
    return env


@contextmanager
def serve(url: str, folder: Path, port: int | None = None) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """`citydesk-server serve` on a loopback port (a free one unless given) until uvicorn says it listens;
    (process, base URL). Its log lines are drained by a thread from then on (a full pipe would stall
    the server after a few hundred requests)."""
    port = port or free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from citydesk.server.cli import main; sys.exit(main())",
            "serve",
            "--database-url",
            url,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        env=child_env(folder),
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    assert process.stderr is not None
    seen = []
    for line in process.stderr:  # blocks until uvicorn listens (or the process ends)
        seen.append(line)
        if "Uvicorn running on" in line:
            break
    else:
        raise RuntimeError("citydesk-server did not start:\n" + "".join(seen))
    drain = threading.Thread(target=_drain, args=(process.stderr,), daemon=True)
    drain.start()
    try:
        yield process, f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)
        drain.join(timeout=30)
        process.stderr.close()


def _drain(stream: Any) -> None:
    """Read a child's stderr to its end (the lines are dropped)."""
    for _line in stream:
        pass


def vm_kb(pid: int | str, field: str) -> int:
    """A `Vm…` line of /proc/<pid>/status in kB (VmRSS, VmHWM)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/{pid}/status")


def reset_peak(pid: int | str) -> int:
    """Reset the peak RSS of a process (writing 5 to clear_refs); its RSS now, in kB."""
    Path(f"/proc/{pid}/clear_refs").write_text("5")
    return vm_kb(pid, "VmRSS")


@contextmanager
def peak_growth(pids: dict[str, int | str]) -> Iterator[dict[str, float]]:
    """Peak RSS growth in MB of each named process while the block runs."""
    start = {name: reset_peak(pid) for name, pid in pids.items()}
    growth: dict[str, float] = {}
    yield growth
    for name, pid in pids.items():
        growth[name] = round((vm_kb(pid, "VmHWM") - start[name]) / 1024, 1)


@dataclass
class Office:
    """An enrolled office database, open, with its warm sync client."""

    path: Path
    db: Any
    client: Any
    device_id: str

    def sync(self) -> Any:
        """One `sync_once` cycle."""
        from citydesk.sync.engine import sync_once

        return sync_once(self.db, self.client, holder="bench")

    def close(self) -> None:
        """Close the client and the database."""
        self.client.close()
        self.db.close()


def enrol(url: str, base: str, folder: Path, name: str, office: str) -> Office:
    """Enrol an office PC (`connect`) against the running server; its database opened with a warm client."""
    from citydesk.server import admin
    from citydesk.store.db import open_database
    from citydesk.sync.connect import connect
    from citydesk.sync.credentials import load_credential
    from citydesk.sync.http import SyncClient

    path = folder / f"{name}.sqlite"
    done = connect(path, base, admin.enrol_code(url, office=office), device_name=name)
    if done.first_error is not None:
        raise RuntimeError(f"first sync of {name} failed: {done.first_error}")
    db = open_database(path)
    client = SyncClient(base, credential=load_credential(base, done.device_id))
    return Office(path, db, client, done.device_id)


def create_tickets(office: Office, count: int) -> None:
    """Write `count` new tickets (each with its `created` entry) by the bulk path, as the admin, authored
    by the clerk; created in the last minutes so their clocks are near the server's."""
    from sqlalchemy import select

    from citydesk.services.bulk import BulkTicket, bulk_create_tickets
    from citydesk.services.setup import actor_for_username
    from citydesk.store.models import Category, User

    with office.db.read() as session:
        category, department = session.execute(select(Category.id, Category.department_id)).one()
        clerk = session.scalar(select(User.id).where(User.username == "carla"))
    start = datetime.now(UTC) - timedelta(minutes=1)
    step = timedelta(minutes=1) / count
    tickets = (
        BulkTicket(
            created_at=start + step * index,
            created_by=str(clerk),
            fields={
                "title": f"Pothole at {index % 2999 + 1} Main St",
                "description": "Reported by phone.",
                "priority": "P3",
                "channel": "phone",
                "category_id": category,
                "department_id": department,
                "location": {"text": f"{index % 2999 + 1} Main St"},
            },
        )
        for index in range(count)
    )
    bulk_create_tickets(office.db, actor=actor_for_username(office.db, "root"), tickets=tickets)


@contextmanager
def memory_keyring() -> Iterator[None]:
    """This process keeps credentials in an in-memory keyring backend for the block (as the tests do)."""
    import keyring
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        """Secrets in a dict."""

        priority = 1

        def __init__(self) -> None:
            super().__init__()
            self.secrets: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            """The stored secret or None."""
            return self.secrets.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            """Store a secret."""
            self.secrets[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            """Forget a secret."""
            self.secrets.pop((service, username), None)

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


@contextmanager
def traced() -> Iterator[dict[str, float]]:
    """This process's peak Python allocation growth in MB (tracemalloc) while the block runs."""
    import tracemalloc

    started_here = not tracemalloc.is_tracing()
    if started_here:
        tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    out: dict[str, float] = {}
    try:
        yield out
    finally:
        out["client"] = round((tracemalloc.get_traced_memory()[1] - base) / 2**20, 1)
        if started_here:
            tracemalloc.stop()
