"""Report benchmarks: all weekly metrics for a week, the same for a surge week, and the whole PDF.

The ordinary week and the PDF only read the database (the PDF goes to the scratch folder), so they
use the cached file. The week is the last full week before the demo's `as_of` day (about 800
requests at 100k tickets), the report made at noon city time on the `as_of` day, for the whole city.
The surge week is the same week in a throw-away copy of the cached database into which
`benchmarks.surge.add_surge` replays the city's own requests of the two weeks before until it holds
about 2,500 requests, a quarter of them P1 (see that module); its metrics have the same budget.
"""

from __future__ import annotations

import time
from datetime import datetime
from datetime import time as dtime
from zoneinfo import ZoneInfo

from benchmarks.core import Budget, Context, Figure, summarize, time_calls

METRICS_BUDGET_MS = 100.0
SURGE_BUDGET_MS = 100.0
PDF_BUDGET_S = 2.0


def _as_of(ctx: Context, tz_name: str) -> datetime:
    from datetime import date

    as_of = date.fromisoformat(str(ctx.build.get("as_of", "2025-06-30")))
    return datetime.combine(as_of, dtime(12, 0), tzinfo=ZoneInfo(tz_name))


def bench_report(ctx: Context) -> list[Figure]:
    """Measurements: `weekly_metrics` for one week and for a surge week (median of runs), and
    `write_weekly_report` end to end."""
    from citydesk.reports.metrics import Scope, last_full_week, weekly_metrics
    from citydesk.reports.weekly.writer import write_weekly_report
    from citydesk.store.db import open_database
    from citydesk.store.settings import load_calendar

    runs = 5 if ctx.quick else 15
    db = open_database(ctx.database, read_only=True, create=False)
    try:
        with db.read() as session:
            calendar = load_calendar(session)
        now = _as_of(ctx, calendar.tz_name)
        year, week = last_full_week(calendar, now)

        def metrics() -> object:
            with db.read() as session:
                return weekly_metrics(session, year=year, week=week, scope=Scope.city(), now=now)

        result = metrics()
        samples = time_calls(metrics, runs=runs, warmup=2)
        stats = summarize(samples)
        opened = int(result.opened.current or 0)  # type: ignore[attr-defined]
        ctx.log(f"  metrics {year}-W{week:02d} ({opened} requests opened): p50 {stats.p50:.1f} ms")

        pdf_runs = 3 if ctx.quick else 7
        seconds = []
        pages = 0
        for i in range(pdf_runs + 1):
            out = ctx.scratch / f"report-{i}.pdf"
            started = time.perf_counter()
            write_weekly_report(db, now=now, scope="city", week=(year, week), out=out)
            elapsed = time.perf_counter() - started
            if i:  # the first run imports ReportLab and registers the fonts
                seconds.append(elapsed)
            if not pages:
                pages = out.read_bytes().count(b"/Type /Page\n")
        pdf = summarize([s * 1000 for s in seconds])
        ctx.log(f"  PDF end to end: p50 {pdf.p50 / 1000:.2f} s")
    finally:
        db.close()
    surge = bench_surge_week(ctx, now, year, week, runs)
    return [
        Figure(
            "report.metrics_ms",
            f"all weekly metrics, {year}-W{week:02d} ({opened:,} requests opened): p50",
            round(stats.p50, 1),
            "ms",
            Budget(METRICS_BUDGET_MS),
            detail={"stats": stats.to_json(), "week": f"{year}-W{week:02d}", "opened": opened},
        ),
        surge,
        Figure(
            "report.pdf_s",
            "weekly report PDF end to end (metrics + layout + file): p50",
            round(pdf.p50 / 1000, 2),
            "s",
            Budget(PDF_BUDGET_S),
            detail={"stats_ms": pdf.to_json(), "pages": pages},
        ),
    ]


def bench_surge_week(ctx: Context, now: datetime, year: int, week: int, runs: int) -> Figure:
    """`weekly_metrics` for the week made a surge week in a copy of the database (median of runs)."""
    from benchmarks.surge import add_surge
    from citydesk.reports.metrics import Scope, weekly_metrics
    from citydesk.store.db import open_database

    with ctx.copy("surge") as path:
        db = open_database(path)
        try:
            started = time.perf_counter()
            made = add_surge(db, year=year, week=week)
            ctx.log(
                f"  surge week {year}-W{week:02d}: {made.added:,} requests replayed into it in "
                f"{time.perf_counter() - started:.1f} s ({made.requests:,} requests, {made.p1:,} P1)"
            )
        finally:
            db.close()  # the last connection's close checkpoints the WAL, like a week-old database
        db = open_database(path, read_only=True, create=False)
        try:

            def metrics() -> object:
                with db.read() as session:
                    return weekly_metrics(session, year=year, week=week, scope=Scope.city(), now=now)

            result = metrics()
            stats = summarize(time_calls(metrics, runs=runs, warmup=2))
        finally:
            db.close()
    opened = int(result.opened.current or 0)  # type: ignore[attr-defined]
    ctx.log(f"  metrics of the surge week ({opened} requests opened): p50 {stats.p50:.1f} ms")
    return Figure(
        "report.metrics_surge_ms",
        f"all weekly metrics, surge week {year}-W{week:02d} ({opened:,} requests, {made.p1:,} P1): p50",
        round(stats.p50, 1),
        "ms",
        Budget(SURGE_BUDGET_MS),
        detail={
            "stats": stats.to_json(),
            "week": f"{year}-W{week:02d}",
            "opened": opened,
            "p1": made.p1,
            "replayed": made.added,
        },
    )
