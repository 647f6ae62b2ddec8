"""Sync benchmarks over loopback HTTP with the real server process (issue 13's budgets).

A `citydesk-server serve` subprocess on a free loopback port serves a server database set up with the
admin functions; two office databases (A and B) are enrolled with `citydesk.sync.connect.connect`. This
process keeps the credentials in an in-memory keyring backend (said in the output); the CLI child of the
start-up figure uses the tests' file keyring backend (tests/keyring_file.py).

    push    A sends N new tickets with their created entries (written by the bulk path, untimed):
            the push phase of A's cycle ≤ 5 s for 10,000; A's whole cycle (which also pulls its own
            changes back) is reported beside it
    pull    B pulls and applies them — ≤ 5 s for 10,000
    noop    a sync with nothing to do, warm client, credential cached — median and p95 ≤ 50 ms;
            reported apart: `citydesk sync` as a process (start-up included) and the keyring read
    memory  memory growth during a push and a pull of N/2 and of N more tickets: this process's peak
            Python allocations (tracemalloc) and the server's peak RSS (VmHWM, reset through
            /proc/<pid>/clear_refs). Bounded by the page size (1,000 changes), so the N figure stays
            within 1.5× the N/2 figure + 8 MB

Budgets are stated for 10,000 tickets and scaled linearly for other sizes (--quick: 2,000).
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.core import Budget, Context, Figure, summarize
from benchmarks.sync_setup import (
    Office,
    child_env,
    create_tickets,
    enrol,
    memory_keyring,
    peak_growth,
    serve,
    set_up_server,
    traced,
)

PUSH_BUDGET_S = 5.0
PULL_BUDGET_S = 5.0
NOOP_BUDGET_MS = 50.0
BUDGET_TICKETS = 10_000
MEMORY_RATIO = 1.5
MEMORY_SLACK_MB = 8.0
NOOP_RUNS = 30


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


def keyring_read_us(office: Office, base: str, runs: int = 30) -> float:
    """Median µs of `load_credential` with this process's keyring backend."""
    from citydesk.sync.credentials import load_credential

    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        load_credential(base, office.device_id)
        samples.append((time.perf_counter() - started) * 1_000_000)
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
                    "sync.keyring_read_us", "keyring read (in-memory backend)", keyring_read_us(b, base), "µs"
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
