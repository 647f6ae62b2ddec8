"""CSV benchmarks: export every ticket of the cached database, import a 10,000-row 311-style file.

* `csv.export`: `export_tickets` of all tickets (no filter) to a scratch file, wall time; then the
  same export again under `tracemalloc` for the peak Python allocation (bounded memory: it must
  not grow with the number of tickets, so a 10,000-ticket export is measured beside it) and the
  process's resident-set growth.
* `csv.import`: a generated 10,000-row file in a city 311 system's shape (Unix times and US local
  dates, latitude/longitude, categories by name, requesters on half the rows, a third closed with
  a closed date) read, checked and committed through the bulk path into a copy of the database.
* `csv.import_311`: a 9,000-row export as a city's old 311 system writes it (`ID, Title,
  Description, Status, Address, Location, Zip Code, Date Created` in Unix seconds, `Latitude,
  Longitude`, columns the desk does not use), with 600 rows repeated exactly, `completed` rows
  without any resolved or closed date (imported as resolved, date unknown) and the status words
  `submitted`, `received`, `in progress`, `completed` and `other` (`other=new` in the status map),
  read, checked and committed end to end. Budget 3 s (issue 12).
"""

from __future__ import annotations

import random
import time
import tracemalloc
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks.core import Budget, Context, Figure

EXPORT_BUDGET_S = 5.0
IMPORT_BUDGET_S = 10.0
EXPORT_MEMORY_BUDGET_MB = 64.0
IMPORT_ROWS = 10_000
IMPORT_311_BUDGET_S = 3.0
IMPORT_311_ROWS = 9_000
IMPORT_311_REPEATS = 600


def _rss_mb() -> float:
    """The process's current resident set size in MB (Linux; 0 elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    import os

    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def _export(db: Any, path: Path, created_to: date | None = None) -> tuple[int, float]:
    from citydesk.reports.csvio.export import TicketFilter, export_tickets

    started = time.perf_counter()
    with db.read() as session:
        summary = export_tickets(session, path, TicketFilter(created_to=created_to))
    return summary.rows, time.perf_counter() - started


def _peak_mb(db: Any, path: Path, created_to: date | None = None) -> tuple[int, float]:
    tracemalloc.start()
    try:
        rows, _seconds = _export(db, path, created_to)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return rows, peak / 1e6


def bench_export(ctx: Context) -> list[Figure]:
    """Export all tickets; time, peak traced memory at full size and at ~10% of it, RSS growth."""
    from sqlalchemy import func, select

    from citydesk.store.db import open_database
    from citydesk.store.models import Ticket

    db = open_database(ctx.database, read_only=True, create=False)
    out = ctx.scratch / "export.csv"
    try:
        with db.read() as session:
            times = list(session.scalars(select(Ticket.created_at).order_by(Ticket.created_at)))
            total = session.scalar(select(func.count()).select_from(Ticket)) or 0
        tenth = times[len(times) // 10].date() if times else None
        ctx.log(f"  export_tickets × {total:,} ...")
        rss_before = _rss_mb()
        rows, seconds = _export(db, out)
        rss_growth = _rss_mb() - rss_before
        size_mb = out.stat().st_size / 1e6
        runs = [seconds] + [_export(db, out)[1] for _ in range(0 if ctx.quick else 2)]
        _rows, peak_full = _peak_mb(db, out)
        small_rows, peak_small = _peak_mb(db, ctx.scratch / "export-small.csv", tenth)
    finally:
        db.close()
        for name in ("export.csv", "export-small.csv"):
            (ctx.scratch / name).unlink(missing_ok=True)
    best = min(runs)
    return [
        Figure(
            "csv.export",
            f"CSV export of {rows:,} tickets (file {size_mb:.0f} MB)",
            best,
            "s",
            Budget(EXPORT_BUDGET_S),
            note=f"runs {', '.join(f'{r:.2f}' for r in runs)} s",
            detail={"rows": rows, "runs_s": [round(r, 3) for r in runs], "file_mb": round(size_mb, 1)},
        ),
        Figure(
            "csv.export_memory",
            f"CSV export peak Python memory (tracemalloc), {rows:,} vs {small_rows:,} tickets",
            peak_full,
            "MB",
            Budget(EXPORT_MEMORY_BUDGET_MB),
            note=f"{peak_small:.1f} MB for {small_rows:,}; RSS growth {rss_growth:.1f} MB",
            detail={
                "peak_mb": round(peak_full, 1),
                "peak_small_mb": round(peak_small, 1),
                "small_rows": small_rows,
                "rss_growth_mb": round(rss_growth, 1),
            },
        ),
    ]


def write_311_file(path: Path, *, rows: int, categories: list[str], tz: Any, seed: int = 7) -> None:
    """A 311-style CSV: Unix times and US local dates, coordinates, requesters on half the rows."""
    import csv

    rng = random.Random(seed)
    start = datetime(2026, 5, 1, 13, tzinfo=UTC)
    people = [
        (f"Resident {i}", f"555-02{i % 100:02d}-{i:04d}", f"resident{i}@example.org") for i in range(2500)
    ]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Service Request ID", "Title", "Description", "Status", "Address", "Date Created",
                         "Closed Date", "Latitude", "Longitude", "Category", "Source", "Requester Name",
                         "Phone", "Email"])  # fmt: skip
        for i in range(rows):
            created = start + timedelta(minutes=rng.randint(0, 150 * 24 * 60))
            created_text = (
                str(int(created.timestamp()))
                if i % 2
                else created.astimezone(tz).strftime("%m/%d/%Y %I:%M %p")
            )
            closed = rng.random() < 0.35
            closed_text = (created + timedelta(hours=rng.randint(2, 200))).strftime("%Y-%m-%dT%H:%M:%SZ")
            person = people[rng.randrange(len(people))] if rng.random() < 0.5 else ("", "", "")
            writer.writerow([
                f"SR-{100000 + i}", f"{rng.choice(categories)} at block {i % 400}", "Reported by phone",
                "Closed" if closed else rng.choice(("Open", "In Progress", "New")),
                f"{rng.randint(1, 999)} Main St", created_text, closed_text if closed else "",
                f"{41.5 + rng.random() / 10:.5f}", f"{-90.5 + rng.random() / 10:.5f}", rng.choice(categories),
                rng.choice(("Phone Call", "Mobile App", "Web", "Walk In")), *person,
            ])  # fmt: skip


def bench_import(ctx: Context) -> list[Figure]:
    """Read, check and import 10,000 rows (end to end) into a copy of the database."""
    from sqlalchemy import select

    from citydesk.domain.roles import SYSTEM_ACTOR
    from citydesk.reports.csvio.parse import preview, read_csv
    from citydesk.services.csv_import import import_tickets
    from citydesk.store.db import open_database
    from citydesk.store.models import Category
    from citydesk.store.settings import load_calendar

    rows = 1_000 if ctx.quick else IMPORT_ROWS
    source = ctx.scratch / "import-311.csv"
    with ctx.copy("csv-import") as path:
        db = open_database(path)
        try:
            with db.read() as session:
                names = list(session.scalars(select(Category.name).where(Category.active)))
                zone = load_calendar(session).tz
            write_311_file(source, rows=rows, categories=names, tz=zone)
            ctx.log(f"  CSV import × {rows:,} rows ...")
            started = time.perf_counter()
            table = read_csv(source)
            with db.read() as session:
                plan = preview(session, table, None, now=db.clock.now())
            checked = time.perf_counter() - started
            if not plan.ok:
                raise RuntimeError("the generated file did not check: " + "; ".join(plan.error_lines(5)))
            result = import_tickets(db, actor=SYSTEM_ACTOR, plan=plan, source_name=source.name)
            seconds = time.perf_counter() - started
        finally:
            db.close()
            source.unlink(missing_ok=True)
    return [
        Figure(
            "csv.import",
            f"CSV import of {rows:,} rows (read, check, commit)",
            seconds,
            "s",
            Budget(IMPORT_BUDGET_S),
            note=f"check {checked:.2f} s, commit {seconds - checked:.2f} s; "
            f"{result.requesters_created:,} new requesters",
            detail={"rows": rows, "check_s": round(checked, 2), "total_s": round(seconds, 2)},
        )
    ]


def write_311_export(path: Path, *, rows: int, repeats: int, seed: int = 11) -> None:
    """A 311 system's export: Unix seconds, lat/long, unused columns, repeated rows, undated completions."""
    import csv

    rng = random.Random(seed)
    start = datetime(2026, 5, 1, 13, tzinfo=UTC)
    titles = ("Pothole", "Streetlight out", "Graffiti", "Missed trash pickup", "Tree down", "Noise complaint")
    statuses = ("submitted", "received", "in progress", "completed", "completed", "other")
    unique: list[list[str]] = []
    for i in range(rows - repeats):
        created = start + timedelta(minutes=rng.randint(0, 150 * 24 * 60))
        lat, lon = f"{41.5 + rng.random() / 10:.5f}", f"{-90.5 + rng.random() / 10:.5f}"
        unique.append([
            f"311-{200000 + i}", rng.choice(titles), f"Reported near block {i % 400}", rng.choice(statuses),
            f"{rng.randint(1, 999)} Main St", f"({lat}, {lon})", f"6126{i % 10}",
            str(int(created.timestamp())), lat, lon,
            f"https://311.example.org/p/{i}.jpg" if i % 3 == 0 else "", str(i % 5 + 1),
        ])  # fmt: skip
    ordered = list(unique)
    for _ in range(repeats):  # an exact copy right after a row, as exports paging badly write them
        ordered.insert(rng.randrange(1, len(ordered) + 1), list(rng.choice(unique)))
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ID", "Title", "Description", "Status", "Address", "Location", "Zip Code",
                         "Date Created", "Latitude", "Longitude", "Photo URL", "Rating"])  # fmt: skip
        writer.writerows(ordered)


def bench_import_311(ctx: Context) -> list[Figure]:
    """Read, check and import a 9,000-row 311 export (repeats, undated completions, a status map)."""
    from citydesk.domain.roles import SYSTEM_ACTOR
    from citydesk.reports.csvio.mapping import parse_status_map
    from citydesk.reports.csvio.parse import preview, read_csv
    from citydesk.services.csv_import import import_tickets
    from citydesk.store.db import open_database

    rows = 900 if ctx.quick else IMPORT_311_ROWS
    repeats = rows * IMPORT_311_REPEATS // IMPORT_311_ROWS
    source = ctx.scratch / "import-311-export.csv"
    write_311_export(source, rows=rows, repeats=repeats)
    with ctx.copy("csv-import-311") as path:
        db = open_database(path)
        try:
            ctx.log(f"  311 export import × {rows:,} rows ...")
            started = time.perf_counter()
            table = read_csv(source)
            with db.read() as session:
                status_map = parse_status_map("other=new")
                plan = preview(session, table, None, now=db.clock.now(), status_map=status_map)
            checked = time.perf_counter() - started
            if not plan.ok:
                raise RuntimeError("the generated export did not check: " + "; ".join(plan.error_lines(5)))
            result = import_tickets(db, actor=SYSTEM_ACTOR, plan=plan, source_name=source.name)
            seconds = time.perf_counter() - started
        finally:
            db.close()
            source.unlink(missing_ok=True)
    return [
        Figure(
            "csv.import_311",
            f"311 export import of {rows:,} rows ({result.repeated:,} repeated, {result.undated:,} undated)",
            seconds,
            "s",
            Budget(IMPORT_311_BUDGET_S),
            note=f"check {checked:.2f} s, commit {seconds - checked:.2f} s; {result.tickets:,} tickets",
            detail={
                "rows": rows,
                "tickets": result.tickets,
                "repeated": result.repeated,
                "undated": result.undated,
                "check_s": round(checked, 2),
                "total_s": round(seconds, 2),
            },
        )
    ]


def bench_csv(ctx: Context) -> list[Figure]:
    """The CSV benchmarks: export, the 10,000-row import and the 9,000-row 311 export import."""
    return bench_export(ctx) + bench_import(ctx) + bench_import_311(ctx)
