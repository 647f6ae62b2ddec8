"""The snapshot and PostgreSQL benchmarks (benchmarks/sync_snapshot.py, benchmarks/sync_pg.py) run end to
end at a tiny size: the cached server database built by pushing from an office, a fresh office's first
snapshot through `connect`, a cut (the server killed) and the resume, the memory figures; and push and
pull on SQLite and PostgreSQL servers.

No timing is asserted (the budgets are the benchmarks' business); only that every figure is produced,
the resume did not start over and the changes went through.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
TICKETS = 400  # 2,400 changes: three snapshot pages, so the cut falls between pages

pytestmark = pytest.mark.slow


def _benchmark(name: str) -> ModuleType:
    sys.path.insert(0, str(ROOT))
    try:
        import importlib

        return importlib.import_module(f"benchmarks.{name}")
    finally:
        sys.path.remove(str(ROOT))


def test_snapshot_benchmark_runs_at_a_tiny_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CITYDESK_BENCH_DIR", str(tmp_path / "cache"))
    snapshot = _benchmark("sync_snapshot")
    logged: list[str] = []
    source, record = snapshot.ensure_server(TICKETS, logged.append)
    assert record["changes_pushed"] == TICKETS * (1 + snapshot.ENTRIES)
    assert snapshot.ensure_server(TICKETS, logged.append) == (source, record)  # cached: not built again
    folder = tmp_path / "run"
    folder.mkdir()
    figures = {figure.key: figure for figure in snapshot.run(folder, source, TICKETS, logged.append)}
    assert {"snapshot.first_s", "snapshot.phase_s", "snapshot.rate", "snapshot.resume_s"} <= set(figures)
    assert figures["snapshot.first_s"].detail["changes"] >= TICKETS * (1 + snapshot.ENTRIES)
    resumed = figures["snapshot.resume_pulled"]
    assert resumed.passed is True  # only what was left after the cut, and every row arrived
    assert 0 < resumed.value < TICKETS * (1 + snapshot.ENTRIES)
    for side in ("client", "server"):
        assert figures[f"snapshot.memory_{side}"].value is not None
        assert figures[f"snapshot.memory_{side}_half"].value is not None
    assert any("cut after" in line for line in logged)


def test_postgresql_benchmark_runs_at_a_tiny_size(tmp_path: Path, pg_url: str) -> None:
    sync_pg = _benchmark("sync_pg")
    logged: list[str] = []
    figures = {figure.key: figure for figure in sync_pg.run(tmp_path, 50, pg_url, logged.append)}
    for step in ("push", "pull"):
        for backend in ("sqlite", "postgresql"):
            assert figures[f"sync_pg.{step}_{backend}_s"].value > 0
        assert figures[f"sync_pg.{step}_ratio"].budget is not None
        assert figures[f"sync_pg.{step}_ratio"].passed is not None
    assert sum("push" in line and "100 changes" in line for line in logged) == 2 * sync_pg.RUNS
