"""The sync benchmark (benchmarks/sync.py) runs end to end at a tiny size: a real `citydesk-server serve`
process, two enrolled offices, push, pull, no-op syncs, the CLI child and the memory figures.

No timing is asserted (the budgets are the benchmark's business); only that every figure is produced
and the changes went through.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def test_sync_benchmark_runs_at_a_tiny_size(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    try:
        from benchmarks import sync
    finally:
        sys.path.remove(str(ROOT))
    logged: list[str] = []
    figures = sync.run(tmp_path, 50, logged.append, noop_runs=3)
    by_key = {figure.key: figure for figure in figures}
    assert {"sync.push_s", "sync.push_cycle_s", "sync.pull_s", "sync.noop_p50_ms", "sync.noop_p95_ms",
            "sync.keyring_read_us", "sync.cli_ms"} <= set(by_key)  # fmt: skip
    for step in ("push", "pull"):
        for side in ("client", "server"):
            assert by_key[f"sync.memory.{step}_{side}"].value is not None
            assert by_key[f"sync.memory.{step}_{side}_small"].value is not None
    assert by_key["sync.pull_s"].detail["changes"] == 100  # 50 tickets + their created entries
    assert by_key["sync.push_s"].budget is not None and by_key["sync.push_s"].passed is not None
    assert all(figure.value is None or figure.value >= 0 for figure in figures if "memory" not in figure.key)
    assert any("in-memory keyring" in line for line in logged)
