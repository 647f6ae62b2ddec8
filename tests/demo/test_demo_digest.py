"""The demo city does not change by accident: a digest of every table of a small demo database.

The same seed and day give the same city (the benchmarks compare like with like across changes). The
digest covers every row of every table, in insertion order, with two normalisations: UUIDs (random
per run) are replaced by their millisecond-time prefix and the order in which they first appear, and
`sync_state.hlc` (the device's clock counter, bookkeeping rather than city) is left out.

Changing the demo on purpose (new content, another distribution, a new kind of row)? Check the new
city looks right, then run this test, copy the digest it prints into CITY_DIGEST and say so in the
commit. The generator moved from services/ to citydesk.demo without changing the city (digest
82c1af53…, recorded at commit e2b88c3 and after the move); since then the city has a phone number for
status questions on its receipts (the `city_phone` setting, issue 10). Schema 0003 (issue 13) added
`field_clock.author_id` (the system user, for the demo) and `change_id` (NULL: the demo records no outbox
rows for its city); with those two columns dropped the digest is still 82183de9…, the same city.
Addresses then got ids derived from their external ids (UUIDv5, issue 13: two offices importing the same
list create the same rows), so their labels lost the time prefix and the digest became 2c58432f…; with
every UUID labelled by order of appearance alone, the city digests the same before and after (358e210c…).
Schema 0004 (issue 13) added the sync engine's columns to `sync_state` and `deferred_change` and the empty
`sync_lease` table; column names are part of the digest, so it became 779813e3… with the same rows, then
9c59734d… when `sync_state.reference_version` (a counter each city setting moves) joined them.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from citydesk.demo import create_demo
from citydesk.domain.clock import ManualClock
from citydesk.store.db import open_database

AS_OF = date(2026, 11, 18)
CITY_DIGEST = "9c59734dac6d74aa57e66c6cb1037788403d3b949fda0070ae259329fe2a7f76"
"""Digest of `create_demo(as_of=AS_OF, tickets=300, seed=3)` with the clock at 23:00 UTC that day."""

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_LEFT_OUT = {("sync_state", "hlc")}


def city_digest(path: Path) -> str:
    """SHA-256 over every table's rows in insertion order, UUIDs normalised, `sync_state.hlc` left out."""
    labels: dict[str, str] = {}

    def label(match: re.Match[str]) -> str:
        value = match.group(0)
        return labels.setdefault(value, f"{value[:13]}#{len(labels)}")

    def normal(value: Any) -> Any:
        if isinstance(value, str):
            return _UUID.sub(label, value)
        if isinstance(value, bytes):
            return value.hex()
        return value

    digest = hashlib.sha256()
    con = sqlite3.connect(path)
    try:
        tables = [
            r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ]
        for table in tables:
            columns = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
            try:  # insertion order; the full-text index's WITHOUT ROWID tables by their content
                cursor = con.execute(f'SELECT * FROM "{table}" ORDER BY rowid')
            except sqlite3.OperationalError:
                order = ", ".join(str(i + 1) for i in range(len(columns)))
                cursor = con.execute(f'SELECT * FROM "{table}" ORDER BY {order}')
            digest.update(f"{table}:{','.join(columns)}\n".encode())
            for row in cursor:
                values = [
                    None if (table, c) in _LEFT_OUT else normal(v) for c, v in zip(columns, row, strict=True)
                ]
                digest.update(json.dumps(values, ensure_ascii=False).encode() + b"\n")
    finally:
        con.close()
    return digest.hexdigest()


def _demo_city(path: Path) -> Path:
    db = open_database(path, clock=ManualClock(datetime.combine(AS_OF, time(23, 0), tzinfo=UTC)))
    try:
        create_demo(db, as_of=AS_OF, tickets=300, seed=3)
    finally:
        db.close()
    return path


def test_the_demo_city_is_the_recorded_one(tmp_path: Path) -> None:
    digest = city_digest(_demo_city(tmp_path / "demo.sqlite"))
    print(f"demo city digest: {digest}")
    assert digest == CITY_DIGEST, (
        "the demo city changed; if on purpose, update CITY_DIGEST (see the docstring)"
    )


def test_the_device_clock_is_not_behind_any_row(tmp_path: Path) -> None:
    con = sqlite3.connect(_demo_city(tmp_path / "demo.sqlite"))
    try:
        (device,) = con.execute("SELECT hlc FROM sync_state").fetchone()
        newest = max(
            con.execute(f"SELECT coalesce(max(hlc), 0) FROM {table}").fetchone()[0]
            for table in ("timeline_entry", "contact_log", "field_clock", "outbox")
        )
    finally:
        con.close()
    assert newest > 0 and device >= newest
