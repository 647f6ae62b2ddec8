"""PostgreSQL benchmark (issue 14's budget): push and pull of N tickets through a server on PostgreSQL
within 1.5× of the same through a server on SQLite.

Each backend gets the sync benchmark's world (benchmarks/sync_setup.py): a `citydesk-server serve`
subprocess on a free loopback port, set up with the admin functions; office A writes N new tickets by
the bulk path (untimed) and pushes them; office B pulls and applies them. The two backends run
alternately, twice each, and the better run of each counts (the machine is shared). PostgreSQL is a
throwaway cluster this benchmark starts (initdb in a temporary folder, default durability: fsync on,
like the SQLite server's synchronous=FULL), or the server named by $CITYDESK_BENCH_PG_URL; either way
the benchmark creates its own database there and drops it afterwards.

    push    the push phase of A's cycle, PostgreSQL ÷ SQLite ≤ 1.5
    pull    B's pull + apply, PostgreSQL ÷ SQLite ≤ 1.5
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.core import Budget, Context, Figure
from benchmarks.sync import Phases, sync_once_with, timed
from benchmarks.sync_setup import create_tickets, enrol, free_port, memory_keyring, serve, set_up_server

RATIO_BUDGET = 1.5
BUDGET_TICKETS = 10_000
RUNS = 2
URL_ENV = "CITYDESK_BENCH_PG_URL"


def _pg_bin() -> Path:
    """The folder of PostgreSQL's server programs (initdb, pg_ctl)."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    if not versions:
        raise RuntimeError(
            f"PostgreSQL is not installed (apt-get install postgresql) and ${URL_ENV} is unset"
        )
    return versions[-1]


@contextmanager
def throwaway_postgres() -> Iterator[str]:
    """A PostgreSQL cluster in a temporary folder on a free loopback port (as `postgres` when root),
    with its default durability; its maintenance database URL until the block ends."""
    pgbin = _pg_bin()
    as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    folder = Path(tempfile.mkdtemp(prefix="citydesk-bench-pg-"))
    if as_pg:
        shutil.chown(folder, "postgres", "postgres")
    data = folder / "data"

    def run(*argv: str) -> None:
        subprocess.run([*as_pg, *argv], cwd=folder, check=True, capture_output=True, timeout=120)

    try:
        run(str(pgbin / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8")
        port = free_port()
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {folder}"
        run(str(pgbin / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w", "-o", options, "start")
        try:
            yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
        finally:
            run(str(pgbin / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def database(server_url: str, name: str) -> Iterator[str]:
    """A new database `name` on the PostgreSQL server (dropped afterwards); its URL."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


def push_pull(url: str, folder: Path, count: int, log: Callable[[str], None]) -> dict[str, float]:
    """On a new server database at `url`: A pushes `count` new tickets, B pulls them; the seconds."""
    set_up_server(url)
    folder.mkdir(parents=True, exist_ok=True)
    with memory_keyring(), serve(url, folder) as (_process, base):
        a = enrol(url, base, folder, "a", "CLK")
        b = enrol(url, base, folder, "b", "PD")
        try:
            create_tickets(a, count)
            phases = Phases()
            started = time.perf_counter()
            pushed = sync_once_with(a, phases)
            cycle_s = time.perf_counter() - started
            push_s = phases.seconds("push", started + cycle_s)
            pulled, pull_s = timed(b.sync)
        finally:
            a.close()
            b.close()
    if pulled.pulled < pushed.pushed or pushed.rejected:
        raise RuntimeError(f"B pulled {pulled.pulled} of {pushed.pushed} changes ({pushed.rejected} refused)")
    log(f"    push {push_s:.2f} s ({pushed.pushed:,} changes), pull + apply {pull_s:.2f} s")
    return {"push_s": push_s, "pull_s": pull_s, "cycle_s": cycle_s}


def run(folder: Path, count: int, pg_server: str, log: Callable[[str], None] = print) -> list[Figure]:
    """Both backends, alternately, RUNS times each; the best push and pull of each and their ratios."""
    best: dict[str, dict[str, float]] = {}
    for attempt in range(RUNS):
        for backend in ("sqlite", "postgresql"):
            log(f"  {backend}, run {attempt + 1} of {RUNS}:")
            where = folder / f"{backend}-{attempt}"
            if backend == "sqlite":
                where.mkdir(parents=True)
                figures = push_pull(f"sqlite+pysqlite:///{where / 'server.sqlite'}", where, count, log)
            else:
                with database(pg_server, f"citydesk_bench_{os.getpid()}_{attempt}") as url:
                    figures = push_pull(url, where, count, log)
            held = best.setdefault(backend, dict(figures))
            for key, value in figures.items():
                held[key] = min(held[key], value)
    out: list[Figure] = []
    for step, label in (("push", "push (A, push phase)"), ("pull", "pull + apply (B)")):
        lite, pg = best["sqlite"][f"{step}_s"], best["postgresql"][f"{step}_s"]
        out += [
            Figure(f"sync_pg.{step}_sqlite_s", f"{label}, {count:,} tickets, SQLite server", lite, "s"),
            Figure(f"sync_pg.{step}_postgresql_s", f"{label}, {count:,} tickets, PostgreSQL server", pg, "s"),
            Figure(
                f"sync_pg.{step}_ratio",
                f"{step}: PostgreSQL ÷ SQLite",
                pg / lite,
                "×",
                Budget(RATIO_BUDGET),
                detail={"runs": RUNS, "best_of": "each backend's best run"},
            ),
        ]
    return out


def bench_sync_pg(ctx: Context) -> list[Figure]:
    """Issue 14's PostgreSQL budget at 10,000 tickets (2,000 with --quick)."""
    count = 2_000 if ctx.quick else BUDGET_TICKETS
    folder = ctx.scratch / "sync_pg"
    folder.mkdir()
    given = os.environ.get(URL_ENV)
    if given:
        return run(folder, count, given, ctx.log)
    with throwaway_postgres() as server_url:
        ctx.log(f"  a throwaway PostgreSQL at {server_url} (fsync on)")
        return run(folder, count, server_url, ctx.log)
