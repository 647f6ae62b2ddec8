"""The cached benchmark database: built once per (generator, tickets, seed, as_of, schema), then reused.

The cache folder is $CITYDESK_BENCH_DIR, else $XDG_CACHE_HOME/citydesk-bench, else
~/.cache/citydesk-bench. Each database `<key>.sqlite` has a `<key>.json` beside it recording how and
how fast it was built (the demo-generation figure comes from there when the database is reused). A
database is written under a temporary name and renamed when complete, so an interrupted build is
never reused.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from benchmarks.core import remove_database

DEFAULT_AS_OF = date(2025, 6, 30)
"""A fixed past day, so the same database (and the same open tickets) is rebuilt on any machine."""

GENERATORS = ("demo", "synthetic")

_SRC = Path(__file__).resolve().parents[1] / "src" / "citydesk"
_GENERATOR_SOURCES = (
    "demo",
    "services/addresses.py",
    "services/bulk.py",
    "services/contacts.py",
    "store/fts.py",
    "store/migrations/versions",
)


def cache_dir() -> Path:
    """Where cached databases live ($CITYDESK_BENCH_DIR or the user's cache folder)."""
    if env := os.environ.get("CITYDESK_BENCH_DIR"):
        return Path(env).expanduser()
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "citydesk-bench"


@dataclass(frozen=True, slots=True)
class DatasetSpec:
    """What identifies a cached database."""

    tickets: int
    seed: int
    as_of: date
    generator: str = "demo"

    @property
    def key(self) -> str:
        """File stem: generator, ticket count, seed, as_of and the schema head."""
        from citydesk.store.schema import SCHEMA_HEAD

        return f"{self.generator}-{self.tickets}-s{self.seed}-{self.as_of.isoformat()}-schema{SCHEMA_HEAD}"


def source_fingerprint() -> str:
    """A short hash of the generator's source files (to warn when a cached database may be stale)."""
    digest = hashlib.sha256()
    for rel in _GENERATOR_SOURCES:
        path = _SRC / rel
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            if file.exists():
                digest.update(file.name.encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


def demo_available() -> str | None:
    """None when `create_demo` can be imported, else the reason it cannot."""
    try:
        from citydesk.demo import create_demo  # noqa: F401
    except Exception as exc:  # an engineer may be mid-edit: any import error means "not usable"
        return f"{type(exc).__name__}: {exc}"
    return None


def _progress_printer(log: Callable[[str], None], label: str) -> Callable[[int, int], None]:
    started = time.perf_counter()
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.perf_counter()
        if now - last[0] < 5 and done < total:
            return
        last[0] = now
        rate = done / (now - started) if now > started else 0.0
        log(f"  {label}: {done:,} / {total:,} tickets ({now - started:.0f} s, {rate:,.0f}/s overall)")

    return progress


def _build(spec: DatasetSpec, target: Path, log: Callable[[str], None]) -> dict[str, Any]:
    """Create the database at `target`; returns the build record."""
    from citydesk.store.db import open_database

    started = time.perf_counter()
    db = open_database(target)
    try:
        progress = _progress_printer(log, spec.generator)
        if spec.generator == "demo":
            from citydesk.demo import create_demo

            summary = create_demo(
                db, as_of=spec.as_of, tickets=spec.tickets, seed=spec.seed, progress=progress
            )
            made = summary.tickets
            summary_json: dict[str, Any] = {
                k: (v.isoformat() if isinstance(v, date) else v) for k, v in vars_of(summary).items()
            }
        else:
            from benchmarks.synthetic import create_synthetic

            made = create_synthetic(
                db, as_of=spec.as_of, tickets=spec.tickets, seed=spec.seed, progress=progress
            )
            summary_json = {"tickets": made}
    finally:
        db.close()
    seconds = time.perf_counter() - started
    with sqlite3.connect(target) as conn:  # fold the WAL into the file so plain copies are complete
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return {
        "generator": spec.generator,
        "tickets": made,
        "seed": spec.seed,
        "as_of": spec.as_of.isoformat(),
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "build_seconds": round(seconds, 2),
        "tickets_per_second": round(made / seconds, 1) if seconds else None,
        "file_bytes": target.stat().st_size,
        "sqlite_version": sqlite3.sqlite_version,
        "python": sys.version.split()[0],
        "source_fingerprint": source_fingerprint(),
        "summary": summary_json,
    }


def vars_of(obj: object) -> dict[str, Any]:
    """Fields of a dataclass instance (slots or not) as a dict."""
    import dataclasses

    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
    return dict(vars(obj))


def settle(path: Path) -> None:
    """Fold a WAL left beside the database (e.g. by a read-only sqlite3 shell) back into the file."""
    if Path(f"{path}-wal").exists() or Path(f"{path}-shm").exists():
        with sqlite3.connect(path) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()  # the last connection to close removes the -wal and -shm files


def ensure_database(
    spec: DatasetSpec, *, rebuild: bool = False, log: Callable[[str], None] = print
) -> tuple[Path, dict[str, Any], bool]:
    """The cached database for `spec` (built if missing): its path, build record, and built-now flag."""
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{spec.key}.sqlite"
    meta_path = folder / f"{spec.key}.json"
    if not rebuild and path.exists() and meta_path.exists():
        settle(path)
        record = json.loads(meta_path.read_text())
        if record.get("source_fingerprint") != source_fingerprint():
            log(
                "  note: the demo generator's source changed since this database was built; "
                "use --rebuild to regenerate it"
            )
        return path, record, False
    building = folder / f"{spec.key}.building.sqlite"
    remove_database(building)
    log(f"Building the {spec.tickets:,}-ticket {spec.generator} database in {building.parent} ...")
    try:
        record = _build(spec, building, log)
    except BaseException:
        remove_database(building)
        raise
    remove_database(path)
    building.replace(path)
    remove_database(building)
    meta_path.write_text(json.dumps(record, indent=2) + "\n")
    log(f"  built in {record['build_seconds']:.1f} s ({record['file_bytes'] / 1e6:,.0f} MB)")
    return path, record, True
