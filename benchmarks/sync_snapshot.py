"""Snapshot benchmark (issue 14's budget): a fresh office PC's first download from a big server.

A `citydesk-server serve` subprocess on a free loopback port serves a server database holding N tickets
with 5 timeline entries each (100,000 by default; 10,000 with --quick). That database is built once
and cached (see `ensure_server`): office A, enrolled with `connect`, writes the tickets by the bulk
path (created, two notes, a call and a resolution each) and pushes them to the real server
process in the ordinary way, 10,000 tickets at a time. Each run works on a copy of it.

    first   office B's `connect`: enrol + the whole first snapshot + the pull after it, ≤ 120 s for
            100,000 tickets (scaled linearly for other sizes); the snapshot phase is reported beside it,
            and the CPU time both processes used (what the wall time comes to on an idle machine: the
            client waits for each page, the server for the next request)
    cut     office C's `connect` with the server killed (SIGKILL) once about half of the changes are
            applied; the server is started again on the same port and a sync (`sync_once`) resumes: it must
            pull only what was left (≤ the rest + one page), and C ends with every ticket and entry
    memory  client: this process's peak Python allocations (tracemalloc) while C applied the first half
            and over C's whole download (cut and resume); server: peak RSS growth (VmHWM, reset through
            /proc/<pid>/clear_refs) during B's snapshot, read when half of it was applied and at the end.
            Bounded by the page size (1,000 changes), so the whole figure stays within 1.5× the half
            figure + 8 MB
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks.core import Budget, Context, Figure, remove_database
from benchmarks.sync_setup import (
    Office,
    enrol,
    memory_keyring,
    peak_growth,
    reset_peak,
    serve,
    set_up_server,
    vm_kb,
)

BUDGET_S = 120.0
BUDGET_TICKETS = 100_000
ENTRIES = 5  # per ticket: created, note, call, note, resolution
# 2: a call instead of a status change (the bulk path writes no base entry, so two status entries of
# one ticket made every ticket a conflict, which no office has)
DATASET_VERSION = 2
BUILD_CHUNK = 10_000  # tickets written and pushed at a time while building the server database
MEMORY_RATIO = 1.5
MEMORY_SLACK_MB = 8.0
PAGE = 1000


def dataset_key(tickets: int) -> str:
    """The cached server database's folder name: size, entries, client and server schema heads."""
    from citydesk.server.db import SERVER_HEAD
    from citydesk.store.schema import SCHEMA_HEAD

    return f"server-{tickets}x{ENTRIES}-v{DATASET_VERSION}-schema{SCHEMA_HEAD}-{SERVER_HEAD}"


def create_worked_tickets(office: Office, count: int, start: datetime) -> None:
    """Write `count` tickets by the bulk path, each with 5 entries: created (by the clerk), then a note,
    a call, a note and a resolution (by the admin), an hour apart, from `start` on. One entry sets a
    conflict-prone field (the resolution's status): the bulk path writes no base entries, so two such
    entries would make every ticket a conflict."""
    from sqlalchemy import select

    from citydesk.domain.timeline import EntryKind
    from citydesk.services.bulk import BulkEntry, BulkTicket, bulk_create_tickets
    from citydesk.services.setup import actor_for_username
    from citydesk.store.models import Category, User

    with office.db.read() as session:
        category, department = session.execute(select(Category.id, Category.department_id)).one()
        clerk = str(session.scalar(select(User.id).where(User.username == "carla")))
        admin = str(session.scalar(select(User.id).where(User.username == "root")))
    hour = timedelta(hours=1)
    step = timedelta(seconds=20)

    def ticket(index: int) -> BulkTicket:
        at = start + step * index
        street = f"{index % 2999 + 1} Main St"
        return BulkTicket(
            created_at=at,
            created_by=clerk,
            fields={
                "title": f"Pothole at {street}",
                "description": "Reported by phone: a deep pothole in the right lane.",
                "priority": "P3",
                "channel": "phone",
                "category_id": category,
                "department_id": department,
                "location": {"text": street},
            },
            entries=(
                BulkEntry(EntryKind.NOTE, at + hour, admin, body="Crew notified; on the list for this week."),
                BulkEntry(EntryKind.CALL, at + 2 * hour, admin, body="Called the crew lead."),
                BulkEntry(EntryKind.NOTE, at + 3 * hour, admin, body="Called the resident back."),
                BulkEntry(
                    EntryKind.RESOLUTION,
                    at + 4 * hour,
                    admin,
                    field="status",
                    value="resolved",
                    detail={"reason": "done"},
                    body="Filled with cold patch.",
                    public=True,
                ),
            ),
        )

    bulk_create_tickets(
        office.db,
        actor=actor_for_username(office.db, "root"),
        tickets=(ticket(i) for i in range(count)),
    )


def ensure_server(tickets: int, log: Callable[[str], None]) -> tuple[Path, dict[str, Any]]:
    """The cached server database with `tickets` worked tickets (built now when missing); (file, record).

    Built in a temporary folder renamed when complete, so an interrupted build is never reused.
    """
    from benchmarks.dataset import cache_dir

    folder = cache_dir() / dataset_key(tickets)
    record_file = folder / "build.json"
    if record_file.exists():
        return folder / "server.sqlite", json.loads(record_file.read_text())
    work = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    url = f"sqlite+pysqlite:///{work / 'server.sqlite'}"
    log(f"  building the server database with {tickets:,} tickets × {ENTRIES} entries (cached) ...")
    started = time.perf_counter()
    set_up_server(url)
    pushed = 0
    with memory_keyring(), serve(url, work) as (_process, base):
        office = enrol(url, base, work, "a", "CLK")
        try:
            start = datetime.now(UTC) - timedelta(days=40)
            for first in range(0, tickets, BUILD_CHUNK):
                size = min(BUILD_CHUNK, tickets - first)
                create_worked_tickets(office, size, start + timedelta(seconds=20) * first)
                result = office.sync()
                pushed += result.pushed
                if result.rejected:
                    raise RuntimeError(f"the server refused {result.rejected} changes while building")
                log(f"    {first + size:,} tickets pushed ({time.perf_counter() - started:.0f} s)")
        finally:
            office.close()
    remove_database(work / "a.sqlite")
    record = {
        "tickets": tickets,
        "entries_per_ticket": ENTRIES,
        "changes_pushed": pushed,
        "build_seconds": round(time.perf_counter() - started, 1),
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "how": "office A (bulk path) pushed to a real server process, 10,000 tickets at a time",
    }
    (work / "build.json").write_text(json.dumps(record, indent=2) + "\n")
    (work / "keyring.json").unlink(missing_ok=True)
    shutil.rmtree(work / "data", ignore_errors=True)
    work.rename(folder)
    log(f"  built in {record['build_seconds']} s")
    return folder / "server.sqlite", record


def copy_server(source: Path, folder: Path) -> str:
    """A working copy of the cached server database in `folder`; its URL."""
    target = folder / "server.sqlite"
    remove_database(target)
    shutil.copyfile(source, target)
    return f"sqlite+pysqlite:///{target}"


def cpu_seconds(pid: int) -> float:
    """The CPU time (user + system) a process has used so far, from /proc/<pid>/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def local_counts(path: Path) -> tuple[int, int]:
    """(tickets, timeline entries) in an office database."""
    import sqlite3

    with sqlite3.connect(path) as conn:
        tickets = conn.execute("SELECT count(*) FROM ticket").fetchone()[0]
        entries = conn.execute("SELECT count(*) FROM timeline_entry").fetchone()[0]
    return int(tickets), int(entries)


class Phases:
    """`connect`'s progress callback: when each phase first reported, and the changes pulled so far."""

    def __init__(self, on_report: Callable[[str, int], None] | None = None) -> None:
        self.first: dict[str, float] = {}
        self.pulled = 0
        self.on_report = on_report

    def __call__(self, phase: str, done: int, _total: int | None) -> None:
        """Record the report; pass it on."""
        self.first.setdefault(phase, time.perf_counter())
        if phase in ("snapshot", "pull"):
            self.pulled = done
        if self.on_report is not None:
            self.on_report(phase, done)

    def seconds(self, phase: str, end: float) -> float:
        """From the phase's first report to the next phase's (or `end`)."""
        start = self.first[phase]
        return min([t for t in self.first.values() if t > start] + [end]) - start


def first_snapshot(url: str, base: str, folder: Path, server_pid: int, tickets: int,
                   log: Callable[[str], None]) -> dict[str, Any]:  # fmt: skip
    """Office B's `connect`, timed; the server's peak RSS growth when half the changes were applied
    and at the end."""
    total_changes = tickets * (1 + ENTRIES)
    from citydesk.server import admin
    from citydesk.sync.connect import connect

    code = admin.enrol_code(url, office="PD")
    half: dict[str, float] = {}

    def on_report(phase: str, done: int) -> None:
        if phase == "snapshot" and done >= total_changes // 2 and not half:
            half["server"] = round((vm_kb(server_pid, "VmHWM") - start_rss) / 1024, 1)

    phases = Phases(on_report)
    start_rss = reset_peak(server_pid)
    with peak_growth({"server": server_pid}) as server:
        server_cpu, client_cpu = cpu_seconds(server_pid), time.process_time()
        started = time.perf_counter()
        done = connect(folder / "b.sqlite", base, code, device_name="b", progress=phases)
        total_s = time.perf_counter() - started
        client_cpu = time.process_time() - client_cpu
        server_cpu = cpu_seconds(server_pid) - server_cpu
    if done.first_error is not None:
        raise RuntimeError(f"B's first sync failed: {done.first_error}")
    snapshot_s = phases.seconds("snapshot", started + total_s)
    counts = local_counts(folder / "b.sqlite")
    log(
        f"  B: connect + first snapshot of {counts[0]:,} tickets, {counts[1]:,} entries "
        f"({phases.pulled:,} changes) in {total_s:.1f} s (snapshot phase {snapshot_s:.1f} s); "
        f"server +{server['server']} MB (VmHWM); CPU: client {client_cpu:.1f} s, server {server_cpu:.1f} s"
    )
    if counts != (tickets, tickets * ENTRIES):
        raise RuntimeError(f"B holds {counts}, expected {(tickets, tickets * ENTRIES)}")
    return {"total_s": total_s, "snapshot_s": snapshot_s, "changes": phases.pulled,
            "server_mb": server["server"], "server_half_mb": half["server"],
            "client_cpu_s": client_cpu, "server_cpu_s": server_cpu}  # fmt: skip


def cut_and_resume(url: str, base: str, folder: Path, process: Any, total_changes: int,
                   stack: ExitStack, log: Callable[[str], None]) -> dict[str, Any]:  # fmt: skip
    """Office C's `connect` cut at about half (the server killed), the server started again on the same
    port (kept running in `stack`), and `sync_once` resuming; with client and server memory."""
    import tracemalloc

    from citydesk.server import admin
    from citydesk.store.db import open_database
    from citydesk.sync.connect import connect
    from citydesk.sync.credentials import load_credential
    from citydesk.sync.engine import sync_once
    from citydesk.sync.http import SyncClient

    code = admin.enrol_code(url, office="PD")
    half = total_changes // 2
    seen: dict[str, float] = {}

    def on_report(phase: str, done: int) -> None:
        if phase == "snapshot" and done >= half and "client_half" not in seen:
            seen["client_half"] = tracemalloc.get_traced_memory()[1] - base_traced
            seen["cut_at"] = done
            process.kill()  # the cut: the next page request finds nobody listening
            process.wait(timeout=30)

    phases = Phases(on_report)
    tracemalloc.start()
    try:
        base_traced = tracemalloc.get_traced_memory()[0]
        done = connect(folder / "c.sqlite", base, code, device_name="c", progress=phases)
        if done.first_error is None or "cut_at" not in seen:
            raise RuntimeError("C's first sync was not cut")
        log(f"  C: cut after {seen['cut_at']:,} of {total_changes:,} changes: {done.first_error}")
        port = int(base.rsplit(":", 1)[1])
        stack.enter_context(serve(url, folder, port=port))
        db = open_database(folder / "c.sqlite")
        client = SyncClient(base, credential=load_credential(base, done.device_id))
        try:
            started = time.perf_counter()
            resumed = sync_once(db, client, holder="bench")
            resume_s = time.perf_counter() - started
        finally:
            client.close()
            db.close()
        client_all = tracemalloc.get_traced_memory()[1] - base_traced
    finally:
        tracemalloc.stop()
    counts = local_counts(folder / "c.sqlite")
    log(
        f"  C: resumed and pulled {resumed.pulled:,} more changes in {resume_s:.1f} s; "
        f"holds {counts[0]:,} tickets, {counts[1]:,} entries"
    )
    figures = {
        "cut_at": seen["cut_at"],
        "resume_pulled": resumed.pulled,
        "resume_s": resume_s,
        "counts": counts,
        "client_half_mb": round(seen["client_half"] / 2**20, 1),
        "client_all_mb": round(client_all / 2**20, 1),
    }
    return figures


def run(folder: Path, source: Path, tickets: int, log: Callable[[str], None] = print) -> list[Figure]:
    """The snapshot benchmark on a copy of the cached server database `source` with `tickets` tickets."""
    url = copy_server(source, folder)
    total_changes = tickets * (1 + ENTRIES)
    scale = tickets / BUDGET_TICKETS
    with ExitStack() as stack:
        stack.enter_context(memory_keyring())
        process, base = stack.enter_context(serve(url, folder))
        log(f"  server pid {process.pid} at {base}")
        first = first_snapshot(url, base, folder, process.pid, tickets, log)
        cut = cut_and_resume(url, base, folder, process, total_changes, stack, log)
    rest = total_changes - cut["cut_at"]
    resumed_ok = cut["resume_pulled"] <= rest + PAGE and cut["counts"] == (tickets, tickets * ENTRIES)
    detail = {"tickets": tickets, "entries_per_ticket": ENTRIES, "budget_scaled_by": round(scale, 3)}
    figures = [
        Figure(
            "snapshot.first_s",
            f"connect + first snapshot, {tickets:,} tickets × {ENTRIES} entries",
            first["total_s"],
            "s",
            Budget(BUDGET_S * scale),
            detail={**detail, "changes": first["changes"]},
        ),
        Figure("snapshot.phase_s", "of which the snapshot phase", first["snapshot_s"], "s"),
        Figure(
            "snapshot.cpu_s",
            "CPU time of the two processes (client + server; the wall time on an idle machine)",
            first["client_cpu_s"] + first["server_cpu_s"],
            "s",
            detail={"client_s": round(first["client_cpu_s"], 1), "server_s": round(first["server_cpu_s"], 1)},
        ),
        Figure(
            "snapshot.rate", "snapshot rate", first["changes"] / max(first["snapshot_s"], 1e-9), "changes/s"
        ),
        Figure(
            "snapshot.resume_pulled",
            f"resumed after a cut at {cut['cut_at']:,} of {total_changes:,}: changes pulled",
            cut["resume_pulled"],
            "changes",
            passed=resumed_ok,
            note=f"≤ the {rest:,} left + one page; all rows present",
        ),
        Figure("snapshot.resume_s", "the resumed sync (traced)", cut["resume_s"], "s"),
    ]
    pairs = (
        ("client", cut["client_half_mb"], cut["client_all_mb"], "tracemalloc peak"),
        ("server", first["server_half_mb"], first["server_mb"], "VmHWM"),
    )
    for side, half, whole, how in pairs:
        limit = max(half, 0.0) * MEMORY_RATIO + MEMORY_SLACK_MB
        figures += [
            Figure(
                f"snapshot.memory_{side}_half", f"{side} memory ({how}), first {tickets // 2:,}", half, "MB"
            ),
            Figure(
                f"snapshot.memory_{side}",
                f"{side} memory ({how}), all {tickets:,}",
                whole,
                "MB",
                passed=whole <= limit,
                note=f"≤ {MEMORY_RATIO}× the half figure + {MEMORY_SLACK_MB:g} MB",
                detail={"limit_mb": round(limit, 1)},
            ),
        ]
    return figures


def bench_snapshot(ctx: Context) -> list[Figure]:
    """Issue 14's snapshot budget: 100,000 tickets × 5 entries (10,000 with --quick; budget scaled)."""
    tickets = 10_000 if ctx.quick else BUDGET_TICKETS
    source, record = ensure_server(tickets, ctx.log)
    ctx.log(f"  server database: {source} (built in {record['build_seconds']} s, {record['how']})")
    folder = ctx.scratch / "snapshot"
    folder.mkdir()
    return run(folder, source, tickets, ctx.log)
