"""Run in a fresh interpreter by the `open` benchmark: time import + open_database + first SELECT 1.

Usage: python benchmarks/open_probe.py DATABASE. Prints one JSON line with the timings (ms), how
many modules were loaded, and which heavy libraries (that must load lazily) were imported.
"""

import time

_started = time.perf_counter()

import json  # noqa: E402
import sys  # noqa: E402

HEAVY = ("alembic", "reportlab", "PySide6", "httpx", "keyring", "apscheduler", "fastapi")


def main(path: str) -> None:
    """Open the database, run the first query, print the timings as JSON."""
    t0 = time.perf_counter()
    import sqlalchemy  # citydesk.store.db imports it anyway: timed apart for the breakdown

    t_core = time.perf_counter()
    import sqlalchemy.orm  # noqa: F401

    t_orm = time.perf_counter()
    from sqlalchemy import text

    from citydesk.store.db import open_database

    t1 = time.perf_counter()
    db = open_database(path)
    t2 = time.perf_counter()
    with db.read() as session:
        session.execute(text("SELECT 1")).scalar_one()
    t3 = time.perf_counter()
    db.close()
    loaded = set(sys.modules)
    print(
        json.dumps(
            {
                "ready_ms": (t3 - t0) * 1000,
                "import_ms": (t1 - t0) * 1000,
                "import_sqlalchemy_ms": (t_core - t0) * 1000,
                "import_sqlalchemy_orm_ms": (t_orm - t_core) * 1000,
                "import_citydesk_ms": (t1 - t_orm) * 1000,
                "open_ms": (t2 - t1) * 1000,
                "first_query_ms": (t3 - t2) * 1000,
                "since_interpreter_ready_ms": (t3 - _started) * 1000,
                "modules": len(loaded),
                "asyncio_loaded": "asyncio" in loaded,
                "bytecode_writing": not sys.dont_write_bytecode,
                "heavy_modules": [name for name in HEAVY if name in loaded],
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
