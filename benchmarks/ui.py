"""The desktop budgets of issue 3, measured by `ui_probe.py` in a fresh offscreen interpreter."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from benchmarks.core import Budget, Context, Figure

_PROBE = Path(__file__).with_name("ui_probe.py")


def bench_ui(ctx: Context) -> list[Figure]:
    """Start to a usable window, first paint, scrolling bursts, re-sort, search as you type, peak RSS."""
    with ctx.copy("ui") as path:
        done = subprocess.run(
            [sys.executable, str(_PROBE), str(path)], capture_output=True, text=True, check=False
        )
    if done.returncode != 0:
        raise RuntimeError(f"the UI probe failed:\n{done.stderr.strip()[-2000:]}")
    r = json.loads(done.stdout.strip().splitlines()[-1])
    return [
        Figure(
            "ui.start_ms", "start → usable main window (imports included)", r["start_ms"], "ms", Budget(1500)
        ),
        Figure(
            "ui.first_paint_ms",
            "first paint of the table after the window shows",
            r["first_paint_ms"],
            "ms",
            Budget(150),
        ),
        Figure(
            "ui.model_burst_ms",
            f"scrolling {r['rows']:,} rows: longest model burst",
            r["model_burst_max_ms"],
            "ms",
            Budget(50),
        ),
        Figure(
            "ui.scroll_event_ms",
            "scrolling: longest repaint + events step",
            r["scroll_event_burst_max_ms"],
            "ms",
        ),
        Figure(
            "ui.resort_ms",
            "re-sort by another column: click → rows shown (median of 5)",
            r["resort_median_ms"],
            "ms",
            Budget(200),
        ),
        Figure(
            "ui.resort_complete_ms",
            "re-sort: on to the complete ordered id list (background, median of 5)",
            r["resort_complete_median_ms"],
            "ms",
        ),
        Figure(
            "ui.search_ms",
            "search as you type: last key → results, debounce included (median of 5)",
            r["search_median_ms"],
            "ms",
            Budget(100),
        ),
        Figure(
            "ui.search_complete_ms",
            "search: on to the complete id list of the matches (background, median of 5)",
            r["search_complete_median_ms"],
            "ms",
        ),
        Figure("ui.rss_mb", "peak memory (RSS)", r["peak_rss_mb"], "MB", Budget(250)),
    ]
