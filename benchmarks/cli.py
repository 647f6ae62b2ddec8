"""`python -m benchmarks`: build or reuse the cached database, run the benchmarks, print and save results.

    python -m benchmarks                 # everything at 100,000 tickets → benchmarks/results/latest.json
    python -m benchmarks --quick         # smoke run at 10,000 tickets, fewer repetitions
    python -m benchmarks --only search,list
    python -m benchmarks --tickets 50000 --json /tmp/bench.json

Only a complete run at the default size writes `benchmarks/results/latest.json` by default; other
runs write `benchmarks/results/scratch-<tickets>.json` (ignored by git) unless --json is given.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from benchmarks import (
    counter,
    csvio,
    dataset,
    machine,
    reads,
    receipts,
    report,
    requesters,
    sync,
    sync_pg,
    sync_snapshot,
    ui,
    ui_sync,
    writes,
)
from benchmarks.core import Context, Figure

DEFAULT_TICKETS = 100_000
QUICK_TICKETS = 10_000
RESULTS = Path(__file__).with_name("results")

BENCHMARKS: dict[str, Callable[[Context], list[Figure]]] = {
    "create": writes.bench_create,
    "bulk": writes.bench_bulk,
    "list": reads.bench_list,
    "search": reads.bench_search,
    "open": reads.bench_open,
    "requesters": requesters.bench_requesters,
    "ui": ui.bench_ui,
    "counter": counter.bench_counter,
    "csv": csvio.bench_csv,
    "report": report.bench_report,
    "status": receipts.bench_status,
    "sync": sync.bench_sync,
    "snapshot": sync_snapshot.bench_snapshot,
    "sync_pg": sync_pg.bench_sync_pg,
    "ui_sync": ui_sync.bench_ui_sync,
}
"""Runnable benchmarks by name, in run order (`demo` is reported from the database build)."""
NAMES = (*BENCHMARKS, "demo")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--tickets", type=int, help=f"tickets in the database (default {DEFAULT_TICKETS:,})")
    parser.add_argument(
        "--quick", action="store_true", help=f"smoke run: {QUICK_TICKETS:,} tickets, fewer runs"
    )
    parser.add_argument(
        "--only", metavar="NAME[,NAME]", help=f"run only these benchmarks: {', '.join(NAMES)}"
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="where to write the JSON results")
    parser.add_argument("--seed", type=int, default=1, help="demo seed (default 1)")
    parser.add_argument(
        "--as-of", type=date.fromisoformat, default=dataset.DEFAULT_AS_OF, help="demo as_of day (YYYY-MM-DD)"
    )
    parser.add_argument(
        "--generator",
        choices=("auto", *dataset.GENERATORS),
        default="auto",
        help="demo (create_demo), synthetic (benchmarks' own), auto: demo if it imports",
    )
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached database")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a figure misses its budget")
    args = parser.parse_args(argv)
    if args.tickets is None:
        args.tickets = QUICK_TICKETS if args.quick else DEFAULT_TICKETS
    if args.tickets < 1000:
        parser.error("--tickets must be at least 1,000")
    selected = [n.strip() for n in (args.only or "").split(",") if n.strip()] or list(NAMES)
    unknown = [n for n in selected if n not in NAMES]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(NAMES)}")
    args.selected = selected
    return args


def _generator(choice: str, log: Callable[[str], None]) -> str:
    reason = dataset.demo_available()
    if choice == "demo" and reason:
        raise SystemExit(f"create_demo is not usable: {reason}")
    if choice == "auto":
        if reason:
            log(f"  note: create_demo is not usable ({reason}); using the synthetic generator")
            return "synthetic"
        return "demo"
    return choice


def demo_figures(record: dict[str, Any], built_now: bool) -> list[Figure]:
    """Measurement 7: how long generating the database took (now, or when the cache was built)."""
    when = "built in this run" if built_now else "cached build"
    return [
        Figure(
            "demo.seconds",
            f"{record['generator']} generation of {record['tickets']:,} tickets",
            record["build_seconds"],
            "s",
            note=when,
            detail=record,
        ),
        Figure("demo.rate", f"generation rate ({when})", record.get("tickets_per_second"), "tickets/s"),
    ]


def render_table(figures: list[tuple[str, Figure]]) -> str:
    """The results table: benchmark, figure, value, budget, result."""
    header = ("benchmark", "figure", "value", "budget", "result")
    rows = []
    for name, fig in figures:
        budget = fig.budget.describe(fig.unit) if fig.budget else ""
        result = {True: "PASS", False: "FAIL", None: ""}[fig.passed]
        value = fig.shown_value() if fig.value is not None else (fig.note or "—")
        rows.append((name, fig.label, value, budget, result))
    widths = [max(len(str(r[i])) for r in (header, *rows)) for i in range(len(header))]
    line = "  ".join("-" * w for w in widths)

    def fmt(row: tuple[str, ...]) -> str:
        cells = [
            str(c).ljust(w) if i != 2 else str(c).rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        return "  ".join(cells).rstrip()

    return "\n".join([fmt(header), line, *(fmt(r) for r in rows)])


def _default_json(args: argparse.Namespace) -> Path:
    complete = set(args.selected) == set(NAMES)
    if complete and args.tickets == DEFAULT_TICKETS and not args.quick:
        return RESULTS / "latest.json"
    return RESULTS / f"scratch-{args.tickets}.json"


def write_json(path: Path, data: dict[str, Any]) -> None:
    """Write the results atomically (via a .tmp file beside the target)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=2, default=str) + "\n")
    tmp.replace(path)


def main(argv: list[str] | None = None) -> int:
    """Run the selected benchmarks; returns the exit status."""
    args = parse_args(argv)
    started = time.perf_counter()

    def log(message: str) -> None:
        print(message, flush=True)

    generator = _generator(args.generator, log)
    spec = dataset.DatasetSpec(tickets=args.tickets, seed=args.seed, as_of=args.as_of, generator=generator)
    path, record, built_now = dataset.ensure_database(spec, rebuild=args.rebuild, log=log)
    log(f"Database: {path} ({path.stat().st_size / 1e6:,.0f} MB, {'built now' if built_now else 'cached'})")
    info = machine.describe(path.parent)
    log(
        f"Machine: {info['cpu']}, {info['cores']} cores, {info['ram_gb']} GB RAM, Python {info['python']}, "
        f"SQLite {info['sqlite']}, fsync p50 {info['fsync_ms']['p50']} ms"
    )
    load = info["load_average_at_start"]
    if load and load[0] > 0.5 * (info["usable_cores"] or 1):
        log(
            f"  warning: the machine is busy (load {load[0]}); figures will be slower than on an idle machine"
        )
    figures: list[tuple[str, Figure]] = []
    errors: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="run-", dir=path.parent) as scratch:
        ctx = Context(
            database=path,
            scratch=Path(scratch),
            tickets=args.tickets,
            quick=args.quick,
            build=record,
            log=log,
        )
        for name, bench in BENCHMARKS.items():
            if name not in args.selected:
                continue
            log(f"[{name}]")
            t0 = time.perf_counter()
            try:
                result = bench(ctx)
            except Exception as exc:  # report and go on: one broken benchmark must not hide the rest
                errors[name] = f"{type(exc).__name__}: {exc}"
                log(f"  FAILED: {errors[name]}")
                result = [
                    Figure(f"{name}.error", "benchmark raised", None, passed=False, note=errors[name][:40])
                ]
            log(f"  ({time.perf_counter() - t0:.1f} s)")
            figures.extend((name, fig) for fig in result)
    if "demo" in args.selected:
        figures.extend(("demo", fig) for fig in demo_figures(record, built_now))

    print()
    print(render_table(figures))
    failed = [f"{name}: {fig.label}" for name, fig in figures if fig.passed is False]
    total = time.perf_counter() - started
    print(
        f"\n{len(failed)} figure(s) miss their budget; total {total:.0f} s"
        if failed
        else f"\nAll budgets met; total {total:.0f} s"
    )

    out = args.json or _default_json(args)
    write_json(
        out,
        {
            "format": 1,
            "date": datetime.now(UTC).isoformat(timespec="seconds"),
            "command": "python -m benchmarks " + " ".join(sys.argv[1:] if argv is None else argv),
            "options": {
                "tickets": args.tickets,
                "quick": args.quick,
                "seed": args.seed,
                "as_of": args.as_of.isoformat(),
                "generator": generator,
                "only": args.selected,
            },
            "machine": info,
            "database": {
                "file": path.name,
                "cache_dir": str(path.parent) if os.environ.get("CITYDESK_BENCH_DIR") else "(default)",
                "bytes": path.stat().st_size,
                "built_now": built_now,
                "build": record,
            },
            "figures": {fig.key: {"benchmark": name, **fig.to_json()} for name, fig in figures},
            "load_average_at_end": machine.load_average(),
            "failed": failed,
            "errors": errors,
            "total_seconds": round(total, 1),
        },
    )
    print(f"Results written to {out}")
    return 1 if (args.strict and failed) or errors else 0
