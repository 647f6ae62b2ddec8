"""Sync benchmarks over loopback HTTP with the real server process (issue 13's budgets).

A `citydesk-server serve` subprocess on a free loopback port serves a server database set up with the
admin functions; two office databases (A and B) are enrolled with `citydesk.sync.connect.connect`. This
process keeps the credentials in an in-memory keyring backend (said in the output); the CLI child of the
start-up figure uses the tests' file keyring backend (tests/keyring_file.py).

    push    A sends N new tickets (created entries; written by the bulk path, untimed) — ≤ 5 s for 10,000
    pull    B pulls and applies them — ≤ 5 s for 10,000
    noop    a sync with nothing to do, warm client, credential cached — median and p95 ≤ 50 ms;
            reported apart: `citydesk sync` as a process (start-up included) and the keyring read
    memory  peak RSS growth (VmHWM after resetting it through /proc/<pid>/clear_refs) of this process and
            of the server during a push and a pull of N and of 2N tickets: bounded by the page size,
            so the 2N growth stays within 1.5× the N growth (+ 16 MB of slack)
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks.core import Budget, Context, Figure, summarize

ROOT = Path(__file__).resolve().parents[1]
PUSH_BUDGET_S = 5.0
PULL_BUDGET_S = 5.0
NOOP_BUDGET_MS = 50.0
BUDGET_TICKETS = 10_000
MEMORY_RATIO = 1.5
MEMORY_SLACK_MB = 16.0
NOOP_RUNS = 30
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
def serve(url: str, folder: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """`citydesk-server serve` on a free loopback port until uvicorn says it listens; (process, base URL)."""
    port = free_port()
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
    try:
        yield process, f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)
        process.stderr.close()


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


def timed(call: Callable[[], Any]) -> tuple[Any, float]:
    """The call's result and its duration in seconds."""
    started = time.perf_counter()
    result = call()
    return result, time.perf_counter() - started


def cli_sync_ms(office: Office, base: str, folder: Path) -> float:
    """`citydesk sync` as a process with nothing to do (start-up, file keyring read, sync), in ms."""
    import json

    from citydesk.sync.credentials import SERVICE, account

    keyring_file = folder / "keyring.json"
    secret = {f"{SERVICE}|{account(base, office.device_id)}": office.client.credential}
    keyring_file.write_text(json.dumps(secret))
    command = [sys.executable, "-m", "citydesk", "sync", "--database", str(office.path)]
    started = time.perf_counter()
    done = subprocess.run(command, env=child_env(folder), capture_output=True, text=True, timeout=120)
    elapsed = (time.perf_counter() - started) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"citydesk sync failed: {done.stderr.strip()}")
    return elapsed


@contextmanager
def memory_keyring() -> Iterator[None]:
    """This process keeps credentials in an in-memory keyring backend for the block (as the tests do)."""
    import keyring
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        """Secrets in a dict."""

        priority = 1  # type: ignore[assignment]

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


def keyring_read_ms(office: Office, base: str, runs: int = 30) -> float:
    """Median ms of `load_credential` with this process's keyring backend."""
    from citydesk.sync.credentials import load_credential

    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        load_credential(base, office.device_id)
        samples.append((time.perf_counter() - started) * 1000)
    return summarize(samples).p50


def memory_figures(runs: dict[int, dict[str, dict[str, float]]]) -> list[Figure]:
    """Peak RSS growth at N and 2N per side and step, each 2N figure judged against its N figure."""
    figures = []
    small, large = sorted(runs)
    for step in ("push", "pull"):
        for side in ("client", "server"):
            base, grown = runs[small][step][side], runs[large][step][side]
            limit = max(base, 0.0) * MEMORY_RATIO + MEMORY_SLACK_MB
            how = "tracemalloc peak" if side == "client" else "VmHWM"
            figures.append(
                Figure(
                    f"sync.memory.{step}_{side}_small",
                    f"{side} memory growth ({how}), {step} {small:,}",
                    base,
                    "MB",
                )
            )
            figures.append(
                Figure(
                    f"sync.memory.{step}_{side}",
                    f"{side} memory growth ({how}), {step} {large:,}",
                    grown,
                    "MB",
                    passed=grown <= limit,
                    note=f"≤ {MEMORY_RATIO}× the {small:,} figure + {MEMORY_SLACK_MB:g} MB",
                    detail={"limit_mb": round(limit, 1)},
                )
            )
    return figures


class Phases:
    """The engine's progress callback: when each phase ("push", "pull", ...) first reported."""

    def __init__(self) -> None:
        self.first: dict[str, float] = {}

    def __call__(self, phase: str, _done: int, _total: int | None) -> None:
        """Record the first report of a phase."""
        self.first.setdefault(phase, time.perf_counter())

    def seconds(self, phase: str, end: float) -> float:
        """From the phase's first report to the next phase's (or `end`)."""
        start = self.first[phase]
        return min([t for t in self.first.values() if t > start] + [end]) - start


@contextmanager
def traced() -> Iterator[dict[str, float]]:
    """This process's peak Python allocation growth in MB (tracemalloc) while the block runs."""
    import tracemalloc

    tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    out: dict[str, float] = {}
    try:
        yield out
    finally:
        out["client"] = round((tracemalloc.get_traced_memory()[1] - base) / 2**20, 1)
        tracemalloc.stop()


def measure_memory(
    a: Office, b: Office, size: int, server_pid: int, log: Callable[[str], None]
) -> dict[str, dict[str, float]]:
    """Push `size` new tickets from A and pull them on B; client (tracemalloc) and server (VmHWM) growth."""
    create_tickets(a, size)
    out: dict[str, dict[str, float]] = {}
    for step, office in (("push", a), ("pull", b)):
        with peak_growth({"server": server_pid}) as server, traced() as client:
            result = office.sync()
        out[step] = {**client, **server}
        log(
            f"  memory, {step} of {size:,} tickets ({result.pushed or result.pulled:,} changes): "
            f"client +{client['client']} MB (tracemalloc), server +{server['server']} MB (VmHWM)"
        )
    return out


def run(
    folder: Path, count: int, log: Callable[[str], None] = print, noop_runs: int = NOOP_RUNS
) -> list[Figure]:
    """The whole sync benchmark in `folder` with `count` tickets (budgets are stated for 10,000 and
    scaled to `count`); memory is compared between count/2 and count more tickets."""
    url = f"sqlite+pysqlite:///{folder / 'server.sqlite'}"
    set_up_server(url)
    scale = count / BUDGET_TICKETS
    figures: list[Figure] = []
    with memory_keyring(), serve(url, folder) as (process, base):
        log(f"  server pid {process.pid} at {base}; this process keeps credentials in an in-memory keyring")
        a = enrol(url, base, folder, "a", "CLK")
        b = enrol(url, base, folder, "b", "PD")
        try:
            log(f"  A writes {count:,} tickets (bulk path, untimed) ...")
            create_tickets(a, count)
            phases = Phases()
            started = time.perf_counter()
            pushed = sync_once_with(a, phases)
            cycle_s = time.perf_counter() - started
            push_s = phases.seconds("push", started + cycle_s)
            log(f"  A pushed {pushed.pushed:,} changes in {push_s:.2f} s (whole cycle {cycle_s:.2f} s)")
            pulled, pull_s = timed(b.sync)
            log(f"  B pulled and applied {pulled.pulled:,} changes in {pull_s:.2f} s")
            detail = {"tickets": count, "changes": pulled.pulled, "budget_scaled_by": round(scale, 3)}
            figures += [
                Figure(
                    "sync.push_s",
                    f"push {count:,} new tickets (A, push phase)",
                    push_s,
                    "s",
                    Budget(PUSH_BUDGET_S * scale),
                    detail={**detail, "cycle_s": round(cycle_s, 3)},
                ),
                Figure(
                    "sync.push_cycle_s",
                    f"A's whole cycle (push + its {pushed.pushed:,} echoes pulled)",
                    cycle_s,
                    "s",
                ),
                Figure(
                    "sync.pull_s",
                    f"pull + apply {count:,} tickets (B)",
                    pull_s,
                    "s",
                    Budget(PULL_BUDGET_S * scale),
                    detail=detail,
                ),
            ]
            b.sync()  # warm: B has nothing to do from here on
            samples = []
            for _ in range(noop_runs):
                result, seconds = timed(b.sync)
                if result.pushed or result.pulled:
                    raise RuntimeError("the no-op sync found work to do")
                samples.append(seconds * 1000)
            stats = summarize(samples)
            noop = Budget(NOOP_BUDGET_MS)
            figures += [
                Figure(
                    "sync.noop_p50_ms",
                    f"sync, nothing to do, median of {noop_runs}",
                    stats.p50,
                    "ms",
                    noop,
                    detail=stats.to_json(),
                ),
                Figure("sync.noop_p95_ms", f"sync, nothing to do, p95 of {noop_runs}", stats.p95, "ms", noop),
                Figure(
                    "sync.keyring_read_ms", "keyring read (in-memory backend)", keyring_read_ms(b, base), "ms"
                ),
                Figure(
                    "sync.cli_ms",
                    "`citydesk sync` process, nothing to do",
                    cli_sync_ms(b, base, folder),
                    "ms",
                    note="start-up + file keyring + sync",
                ),
            ]
            small = max(1, count // 2)
            memory = {size: measure_memory(a, b, size, process.pid, log) for size in (small, count)}
        finally:
            a.close()
            b.close()
    figures.extend(memory_figures(memory))
    return figures


def sync_once_with(office: Office, progress: Callable[[str, int, int | None], None]) -> Any:
    """One `sync_once` cycle reporting progress."""
    from citydesk.sync.engine import sync_once

    return sync_once(office.db, office.client, holder="bench", progress=progress)


def bench_sync(ctx: Context) -> list[Figure]:
    """Issue 13's sync budgets at 10,000 tickets (2,000 with --quick; budgets scaled to the size)."""
    count = 2_000 if ctx.quick else BUDGET_TICKETS
    folder = ctx.scratch / "sync"
    folder.mkdir()
    return run(folder, count, ctx.log)
