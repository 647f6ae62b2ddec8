"""Read benchmarks on the cached database: the list query and its plan, full-text search, opening.

These only read, so they use the cached database itself (no copy).
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import event, text

from benchmarks.core import Budget, Context, Figure, summarize, time_calls

LIST_BUDGET_MS = 2.0
SEARCH_BUDGET_MS = 10.0
OPEN_BUDGET_MS = 300.0
PLAN_INDEXES = ("ix_ticket_open_created", "ix_ticket_open_priority")
COMMON_SHARE = 0.20
# fmt: off
_STOPWORDS = frozenset((
    "about", "after", "again", "also", "been", "from", "have", "into", "just", "more", "over", "some",
    "than", "that", "their", "them", "then", "there", "they", "this", "very", "were", "what", "when",
    "will", "with", "your",
))
# fmt: on


@contextmanager
def captured_sql(engine: Any) -> Iterator[list[tuple[str, Any]]]:
    """Record the (statement, parameters) the engine sends while the block runs."""
    seen: list[tuple[str, Any]] = []

    def listener(_conn: Any, _cursor: Any, statement: str, params: Any, _ctx: Any, _many: bool) -> None:
        seen.append((statement, params))

    event.listen(engine, "before_cursor_execute", listener)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", listener)


def query_plan(session: Any, statement: str, params: Any) -> list[str]:
    """`EXPLAIN QUERY PLAN` of a statement as indented lines (the sqlite3 shell's tree)."""
    rows = session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", params).all()
    depth: dict[int, int] = {0: -1}
    lines = []
    for node, parent, _unused, detail in rows:
        depth[node] = depth.get(parent, -1) + 1
        lines.append("  " * depth[node] + str(detail))
    return lines


def bench_list(ctx: Context) -> list[Figure]:
    """Measurement 4: `recent_open_high_priority(session, 50)`: median time and the plan's index."""
    from citydesk.store.db import open_database
    from citydesk.store.queries import recent_open_high_priority

    runs = 100 if ctx.quick else 300
    db = open_database(ctx.database)
    try:
        with db.read() as session:
            with captured_sql(db.engine) as seen:
                rows = recent_open_high_priority(session, 50)
            statement, params = next((s, p) for s, p in seen if s.lstrip().upper().startswith("SELECT"))
            plan = query_plan(session, statement, params)
            in_session = time_calls(lambda: recent_open_high_priority(session, 50), runs=runs, warmup=10)

        def with_session() -> None:
            with db.read() as fresh:
                recent_open_high_priority(fresh, 50)

        per_session = time_calls(with_session, runs=runs, warmup=10)
    finally:
        db.close()
    used = [name for name in PLAN_INDEXES if any(name in line for line in plan)]
    temp_sort = any("TEMP B-TREE" in line for line in plan)
    ctx.log("  plan of recent_open_high_priority:\n" + "\n".join(f"    {line}" for line in plan))
    s = summarize(in_session)
    detail = {
        "rows": len(rows),
        "runs": runs,
        "query": s.to_json(),
        "with_read_session_p50_ms": round(statistics.median(per_session), 3),
        "sql": statement,
        "plan": plan,
    }
    return [
        Figure(
            "list.median_ms",
            "recent_open_high_priority(50) median",
            s.p50,
            "ms",
            Budget(LIST_BUDGET_MS),
            detail=detail,
        ),
        Figure("list.p95_ms", "recent_open_high_priority(50) p95", s.p95, "ms"),
        Figure(
            "list.plan",
            "plan uses a partial open index",
            None,
            passed=bool(used),
            note=(", ".join(used) if used else "no partial index") + (" + temp sort" if temp_sort else ""),
            detail={"plan": plan},
        ),
    ]


def _vocabulary(path: Path, low: int, high: int, *, title_min: int = 0) -> list[tuple[str, int]]:
    """(term, tickets) from the FTS index with counts in [low, high] (and in >= title_min titles)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.bench_rows USING fts5vocab(main, ticket_fts, row)")
        conn.execute("CREATE VIRTUAL TABLE temp.bench_cols USING fts5vocab(main, ticket_fts, col)")
        sql = "SELECT r.term, r.doc FROM temp.bench_rows r WHERE r.doc BETWEEN ? AND ?"
        params: tuple[int, ...] = (low, high)
        if title_min:
            sql += " AND (SELECT c.doc FROM temp.bench_cols c WHERE c.term = r.term AND c.col = 'title') >= ?"
            params += (title_min,)
        rows = conn.execute(sql + " ORDER BY r.term", params).fetchall()
    finally:
        conn.close()
    return [(t, d) for t, d in rows if t.isalpha() and t.isascii() and len(t) >= 4 and t not in _STOPWORDS]


def _pick_words(session: Any, path: Path, tickets: int) -> tuple[tuple[str, int], tuple[str, int] | None]:
    """A common title word (search total closest to 20% of tickets) and a rare word (about 10 hits)."""
    from citydesk.store.queries import search

    target = COMMON_SHARE * tickets
    candidates = _vocabulary(path, int(tickets * 0.08), int(tickets * 0.35), title_min=int(tickets * 0.03))
    if not candidates:  # a generator without such title words: any common word will do
        candidates = _vocabulary(path, int(tickets * 0.08), int(tickets * 0.35))
    best: tuple[str, int] | None = None
    for term, _doc in sorted(candidates, key=lambda td: abs(td[1] - target))[:15]:
        total = search(session, term, limit=1).total  # the search adds a prefix match: count what it sees
        if best is None or abs(total - target) < abs(best[1] - target):
            best = (term, total)
        if abs(total - target) <= 0.02 * tickets:
            break
    rare = sorted(_vocabulary(path, 1, 40), key=lambda td: (abs(td[1] - 10), len(td[0]), td[0]))
    rare_pick: tuple[str, int] | None = None
    for term, _doc in rare[:20]:
        total = search(session, term, limit=1).total
        if 1 <= total <= 50:
            rare_pick = (term, total)
            break
    if best is None:
        raise RuntimeError("no word in 8-35% of tickets in the full-text index")
    return best, rare_pick


_COUNT = "SELECT count(*) FROM ticket_fts WHERE ticket_fts MATCH :q"
_TOP50 = "SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH :q ORDER BY rowid DESC LIMIT 50"


def _fetch_all(session: Any, sql: str, match: str | None) -> list[Any]:
    return list(session.execute(text(sql), {"q": match}).all())


def _search_figure(session: Any, kind: str, word: str, hits: int, *, runs: int, tickets: int) -> Figure:
    """Time `search(session, word, limit=50)`, and its two statements on their own."""
    from citydesk.store.queries import fts_query, search

    match = fts_query(word)
    samples = time_calls(partial(search, session, word, limit=50), runs=runs, warmup=3)
    count_ms = time_calls(partial(_fetch_all, session, _COUNT, match), runs=max(10, runs // 3))
    top_ms = time_calls(partial(_fetch_all, session, _TOP50, match), runs=max(10, runs // 3))
    s = summarize(samples)
    return Figure(
        f"search.{kind}_median_ms",
        f"search {kind} {word!r} ({hits:,} hits)",
        s.p50,
        "ms",
        Budget(SEARCH_BUDGET_MS) if kind == "common" else None,
        detail={
            "word": word,
            "fts_query": match,
            "hits": hits,
            "share": round(hits / max(tickets, 1), 3),
            "search": s.to_json(),
            "count_only_median_ms": round(statistics.median(count_ms), 3),
            "top50_only_median_ms": round(statistics.median(top_ms), 3),
        },
    )


def bench_search(ctx: Context) -> list[Figure]:
    """Measurement 5: `search(session, word, limit=50)` for a common (~20%) and a rare word."""
    from citydesk.store.db import open_database

    runs = 30 if ctx.quick else 60
    db = open_database(ctx.database)
    try:
        with db.read() as session:
            (common, common_hits), rare = _pick_words(session, ctx.database, ctx.tickets)
            ctx.log(f"  common word {common!r}: {common_hits:,} tickets; rare word: {rare or 'none found'}")
            figures = [_search_figure(session, "common", common, common_hits, runs=runs, tickets=ctx.tickets)]
            if rare is not None:
                figures.append(_search_figure(session, "rare", *rare, runs=runs, tickets=ctx.tickets))
            return figures
    finally:
        db.close()


_PROBE = Path(__file__).with_name("open_probe.py")


def bench_open(ctx: Context) -> list[Figure]:
    """Measurement 6: `open_database` to a ready session in a fresh interpreter, median of several."""
    runs = 3 if ctx.quick else 9
    results: list[dict[str, Any]] = []
    walls: list[float] = []
    for index in range(runs + 1):  # the first run warms the OS file cache and .pyc files; not counted
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, str(_PROBE), str(ctx.database)], capture_output=True, text=True, check=False
        )
        wall = (time.perf_counter() - started) * 1000
        if done.returncode != 0:
            raise RuntimeError(f"the open probe failed:\n{done.stderr.strip()}")
        if index:
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
            walls.append(wall)
    in_process = [r["ready_ms"] for r in results]
    s = summarize(in_process)
    heavy = sorted({m for r in results for m in r["heavy_modules"]})
    detail = {
        "runs": runs,
        "in_process": s.to_json(),
        **{
            f"{key}_median_ms": round(statistics.median(r[f"{key}_ms"] for r in results), 2)
            for key in ("import", "import_sqlalchemy", "import_sqlalchemy_orm", "import_citydesk")
        },
        "open_database_median_ms": round(statistics.median(r["open_ms"] for r in results), 2),
        "first_query_median_ms": round(statistics.median(r["first_query_ms"] for r in results), 2),
        "wall": summarize(walls).to_json(),
        "modules_loaded": results[-1]["modules"],
        "asyncio_loaded": results[-1]["asyncio_loaded"],
        "bytecode_writing": results[-1]["bytecode_writing"],
        "heavy_modules_loaded": heavy,
    }
    after_imports = statistics.median(r["open_ms"] + r["first_query_ms"] for r in results)
    return [
        Figure(
            "open.after_imports_ms",
            "open_database → ready session, after imports",
            after_imports,
            "ms",
            Budget(OPEN_BUDGET_MS),
        ),
        Figure(
            "open.median_ms",
            "same, including importing SQLAlchemy and citydesk",
            s.p50,
            "ms",
            detail=detail,
        ),
        Figure("open.wall_median_ms", "same, whole subprocess wall time", statistics.median(walls), "ms"),
        Figure(
            "open.lazy_imports",
            "no heavy import at open",
            None,
            passed=not heavy,
            note=", ".join(heavy) if heavy else "none loaded",
        ),
    ]
