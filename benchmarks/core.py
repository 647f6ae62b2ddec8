"""Shared pieces: the Figure a benchmark reports, budgets, statistics, the run context, database copies."""

from __future__ import annotations

import shutil
import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class Budget:
    """An issue's budget for one figure: `value <= limit` (at_most) or `value >= limit`."""

    limit: float
    at_most: bool = True

    def check(self, value: float) -> bool:
        """True when `value` is within the budget."""
        return value <= self.limit if self.at_most else value >= self.limit

    def describe(self, unit: str) -> str:
        """`≤ 10 ms`, `≥ 250 tickets/s`."""
        limit = f"{self.limit:,.0f}" if self.limit == int(self.limit) else f"{self.limit:g}"
        return f"{'≤' if self.at_most else '≥'} {limit} {unit}".rstrip()


@dataclass(slots=True)
class Figure:
    """One reported number: its key, a readable label, the value, the budget and any detail."""

    key: str
    label: str
    value: float | None
    unit: str = "ms"
    budget: Budget | None = None
    passed: bool | None = None
    note: str = ""
    detail: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.passed is None and self.budget is not None and self.value is not None:
            self.passed = self.budget.check(self.value)

    def shown_value(self) -> str:
        """The value with its unit, as the table shows it."""
        if self.value is None:
            return self.note or "—"
        return f"{format_number(self.value)} {self.unit}".rstrip()

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        data: dict[str, Any] = {"label": self.label, "value": self.value, "unit": self.unit}
        if self.budget is not None:
            data["budget"] = {"limit": self.budget.limit, "at_most": self.budget.at_most}
        data["passed"] = self.passed
        if self.note:
            data["note"] = self.note
        if self.detail:
            data["detail"] = self.detail
        return data


def format_number(value: float) -> str:
    """Readable figures: thousands separators, 2 significant decimals below 10."""
    if value == int(value) and abs(value) >= 10:
        return f"{int(value):,}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:,.1f}"
    return f"{value:.2f}"


@dataclass(frozen=True, slots=True)
class Stats:
    """Summary of a list of durations in milliseconds."""

    count: int
    p50: float
    p95: float
    max: float
    min: float
    mean: float

    def to_json(self) -> dict[str, float]:
        """A JSON-ready dict (rounded to microseconds)."""
        return {
            "count": self.count,
            "p50_ms": round(self.p50, 3),
            "p95_ms": round(self.p95, 3),
            "max_ms": round(self.max, 3),
            "min_ms": round(self.min, 3),
            "mean_ms": round(self.mean, 3),
        }


def summarize(samples_ms: Sequence[float]) -> Stats:
    """Median, 95th percentile (inclusive method), max, min and mean of durations in ms."""
    if not samples_ms:
        raise ValueError("no samples")
    ordered = sorted(samples_ms)
    p95 = statistics.quantiles(ordered, n=100, method="inclusive")[94] if len(ordered) > 1 else ordered[0]
    return Stats(
        count=len(ordered),
        p50=statistics.median(ordered),
        p95=p95,
        max=ordered[-1],
        min=ordered[0],
        mean=statistics.fmean(ordered),
    )


def time_calls(call: Callable[[], object], *, runs: int, warmup: int = 3) -> list[float]:
    """Call `call` warmup + runs times; the durations of the measured runs in ms."""
    for _ in range(warmup):
        call()
    samples: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


@dataclass
class Context:
    """What every benchmark gets: the cached database, a scratch folder and the run's options."""

    database: Path
    scratch: Path
    tickets: int
    quick: bool
    build: dict[str, Any]
    log: Callable[[str], None] = print
    results: dict[str, list[Figure]] = field(default_factory=dict)

    @contextmanager
    def copy(self, name: str) -> Iterator[Path]:
        """A throw-away copy of the cached database (removed with its WAL files afterwards)."""
        target = self.scratch / f"{name}.sqlite"
        remove_database(target)
        started = time.perf_counter()
        shutil.copyfile(self.database, target)
        self.log(f"  copied the database for {name} in {time.perf_counter() - started:.1f} s")
        try:
            yield target
        finally:
            remove_database(target)


def remove_database(path: Path) -> None:
    """Delete an SQLite file with its -wal, -shm and -journal companions."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
