"""The behavioural capture check: every write to a synced column has its outbox row in its transaction.

Installed for the whole suite by `tests/conftest.py` (class-level SQLAlchemy listeners, so every engine
`store.db` makes is watched; $CITYDESK_CAPTURE_CHECK=0 turns it off to time the suite without it).

On each connection, TEMP triggers — built from the registry (`citydesk.sync.tables`) — log into a
TEMP table every insert and delete of a synced row and every update that *changes* a synced column
(key, insert-only column or field), plus every `field_clock` write; another TEMP trigger logs the
outbox rows written. TEMP tables roll back with the transaction, so at each commit the log holds
exactly that transaction's writes. Just before the commit, each logged write must be covered by an
outbox row of the same transaction:

- an insert by the row's `insert` (or `entry`) outbox row, or by `update` rows for all its fields;
- a changed field (or its `field_clock` row) by the row's `insert` row or an `update` row of that field;
- a blanked entry body by a `redaction` entry of the same transaction naming the entry;
- a changed key or insert-only column, a deleted row: never (synced rows are not edited or deleted).

Derived and device-local columns have no triggers. The exceptions, by name (`EXEMPT_*`): the apply
path (`citydesk.sync.apply`, not built yet: pulled changes came from the server), migrations
(`citydesk.store.migrate`: every replica runs them alike; the triggers are dropped while it upgrades
or downgrades, and rebuilt for the new schema after), the fixed system user (the same row on every
database), and a demo database's bulk writes (`capture=False`: a transaction on a demo database that
writes no outbox row at all; demo databases never sync). A test's deliberate direct write says why in
`unwatched("...")`. The restore's identity change (`store/backup.py: _new_identity`) and other plain
sqlite3 connections (and subprocesses: the CLI tests) are not watched.

A violation is recorded (not raised inside the commit, which a UI worker could swallow) and the
autouse fixture in `tests/conftest.py` fails the test that made it.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.pool import Pool

from citydesk.domain.roles import SYSTEM_USER_ID
from citydesk.store import migrate
from citydesk.sync.tables import SYNCED_TABLES, Merge, SyncedTable

ENABLED = os.environ.get("CITYDESK_CAPTURE_CHECK", "1") != "0"

# Transactions committed from inside these modules write without outbox rows, by design.
EXEMPT_MODULES: dict[str, str] = {
    "citydesk.sync.apply": "the apply path writes changes pulled from the server",
    "citydesk.sync.acknowledge": "a rejected change is undone with the server's value",
    "citydesk.sync.restamp": "re-stamping unpushed changes after a clock refusal keeps their outbox rows",
    "citydesk.store.migrate": "a migration rewrites rows alike on every replica",
}
# Rows written without an outbox row, by design: (table, row id) -> why.
EXEMPT_ROWS: dict[tuple[str, str], str] = {
    ("app_user", SYSTEM_USER_ID): "the system user: the same fixed row on every database",
}

LOG = "capture_write"
OUTBOX_LOG = "capture_outbox"
_INSTALLED = "citydesk_capture_check"


@dataclass(frozen=True, slots=True)
class Violation:
    """A write to a synced column committed without its outbox row."""

    table: str
    row_id: str
    column: str | None
    op: str
    database: str

    def __str__(self) -> str:
        what = f"{self.table}.{self.column}" if self.column else self.table
        return f"{self.op} of {what} row {self.row_id!r} without its outbox row ({self.database})"


violations: list[Violation] = []
_lock = threading.Lock()
_unwatched: list[str] = []  # reasons of the `unwatched` blocks open now


@contextmanager
def unwatched(reason: str) -> Iterator[None]:
    """A test's deliberate direct write (a change the test pretends came from elsewhere, e.g. a user
    the server disabled): its commits are not checked. Give the reason."""
    assert reason.strip(), "say why the write needs no outbox row"
    _unwatched.append(reason)
    try:
        yield
    finally:
        _unwatched.pop()


def _row_id_sql(table: SyncedTable, ref: str) -> str:
    return " || ':' || ".join(f"{ref}.{name}" for name in table.key)


def trigger_sql(table: SyncedTable, present: set[str]) -> list[str]:
    """The TEMP triggers logging the writes to one synced table's synced columns (those `present` in
    this file's schema: an older revision, during a migration test, lacks some)."""
    name = table.name
    if table.merge is Merge.CLOCK:  # logged under the row it times: (table, row id, field)
        changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in table.fields if c in present)
        log = f"INSERT INTO {LOG} VALUES (NEW.table_name, NEW.row_id, NEW.field, 'clock')"
        return [
            f"CREATE TEMP TRIGGER IF NOT EXISTS cc_{name}_i AFTER INSERT ON main.{name} BEGIN {log}; END",
            f"CREATE TEMP TRIGGER IF NOT EXISTS cc_{name}_u AFTER UPDATE ON main.{name} WHEN {changed} "
            f"BEGIN {log}; END",
            f"CREATE TEMP TRIGGER IF NOT EXISTS cc_{name}_d AFTER DELETE ON main.{name} BEGIN "
            f"INSERT INTO {LOG} VALUES (OLD.table_name, OLD.row_id, OLD.field, 'clock-delete'); END",
        ]
    columns = [c for c in table.synced_columns if c in present]
    changes = " UNION ALL ".join(f"SELECT '{c}' AS col WHERE NEW.{c} IS NOT OLD.{c}" for c in columns)
    return [
        f"CREATE TEMP TRIGGER IF NOT EXISTS cc_{name}_i AFTER INSERT ON main.{name} BEGIN "
        f"INSERT INTO {LOG} VALUES ('{name}', {_row_id_sql(table, 'NEW')}, NULL, 'insert'); END",
        f"CREATE TEMP TRIGGER IF NOT EXISTS cc_{name}_u AFTER UPDATE OF {', '.join(columns)} "
        f"ON main.{name} BEGIN "
        f"INSERT INTO {LOG} SELECT '{name}', {_row_id_sql(table, 'NEW')}, col, 'update' "
        f"FROM ({changes}); END",
        f"CREATE TEMP TRIGGER IF NOT EXISTS cc_{name}_d AFTER DELETE ON main.{name} BEGIN "
        f"INSERT INTO {LOG} VALUES ('{name}', {_row_id_sql(table, 'OLD')}, NULL, 'delete'); END",
    ]


def install_sql(schema: dict[str, set[str]]) -> list[str]:
    """Every statement that sets up the check on one connection, for a schema (table -> columns)."""
    statements = [
        f"CREATE TEMP TABLE IF NOT EXISTS {LOG} (tbl TEXT, row_id TEXT, col TEXT, op TEXT)",
        f"CREATE TEMP TABLE IF NOT EXISTS {OUTBOX_LOG} (tbl TEXT, row_id TEXT, field TEXT, op TEXT)",
        f"CREATE TEMP TRIGGER IF NOT EXISTS cc_outbox_i AFTER INSERT ON main.outbox BEGIN "
        f"INSERT INTO {OUTBOX_LOG} VALUES (NEW.table_name, NEW.row_id, NEW.field, NEW.op); END",
    ]
    for table in SYNCED_TABLES:
        statements += trigger_sql(table, schema[table.name])
    return statements


_TABLES = {t.name: t for t in SYNCED_TABLES}
_TRIGGERS = ["cc_outbox_i"] + [f"cc_{t}_{op}" for t in _TABLES for op in "iud"]
_sql_by_schema: dict[tuple[tuple[str, str], ...], list[str]] = {}
_migrating: list[bool] = []


def _install(dbapi: sqlite3.Connection, info: dict[str, Any]) -> None:
    """Create the log and triggers on this connection once its schema has the synced tables."""
    if info.get(_INSTALLED) or _migrating:
        return
    tables = dbapi.execute("SELECT name, sql FROM main.sqlite_master WHERE type = 'table'").fetchall()
    if not {"outbox", *_TABLES} <= {name for name, _sql in tables}:
        return  # not migrated yet: installed at a later commit
    key = tuple(sorted(tables))
    if key not in _sql_by_schema:
        schema = {t: {r[1] for r in dbapi.execute(f"PRAGMA main.table_info({t})")} for t in _TABLES}
        _sql_by_schema[key] = install_sql(schema)
    dbapi.execute("SAVEPOINT capture_check")
    try:
        for statement in _sql_by_schema[key]:
            dbapi.execute(statement)
    except sqlite3.Error:
        dbapi.execute("ROLLBACK TO capture_check")
        raise
    finally:
        dbapi.execute("RELEASE capture_check")
    info[_INSTALLED] = True


def _uninstall(dbapi: sqlite3.Connection, info: dict[str, Any]) -> None:
    """Drop the triggers (a migration is about to change the tables they name)."""
    for name in _TRIGGERS:
        dbapi.execute(f"DROP TRIGGER IF EXISTS temp.{name}")
    info[_INSTALLED] = False


def _on_checkout(dbapi: Any, record: Any, _proxy: Any) -> None:
    # At checkout, not connect: citydesk's own connect listener sets `PRAGMA temp_store`, which drops
    # every TEMP object, and a class-level listener runs before it.
    if not isinstance(dbapi, sqlite3.Connection):
        return
    if _migrating:
        _uninstall(dbapi, record.info)
    elif not record.info.get(_INSTALLED):
        with contextlib.suppress(sqlite3.OperationalError):  # a read-only file: nothing is written
            _install(dbapi, record.info)


def _migration(run: Callable[..., None]) -> Callable[..., None]:
    """`store.migrate.upgrade`/`downgrade`, with the triggers off while the schema changes."""

    @functools.wraps(run)
    def migrate_unwatched(*args: Any, **kwargs: Any) -> None:
        _migrating.append(True)
        try:
            run(*args, **kwargs)
        finally:
            _migrating.pop()

    return migrate_unwatched


def _on_commit(conn: Any) -> None:
    dbapi = conn.connection.dbapi_connection
    if not isinstance(dbapi, sqlite3.Connection):
        return
    info = conn.connection.info
    if not info.get(_INSTALLED):
        with contextlib.suppress(sqlite3.OperationalError):
            _install(dbapi, info)  # inside this transaction: the triggers commit with it
        return
    writes = dbapi.execute(f"SELECT tbl, row_id, col, op FROM temp.{LOG}").fetchall()
    if not writes:
        return
    outbox = dbapi.execute(f"SELECT tbl, row_id, field, op FROM temp.{OUTBOX_LOG}").fetchall()
    dbapi.execute(f"DELETE FROM temp.{LOG}")
    dbapi.execute(f"DELETE FROM temp.{OUTBOX_LOG}")
    missing = uncovered(dbapi, writes, outbox)
    if not missing or _unwatched or _exempt_caller():
        return
    if not outbox and _is_demo(dbapi):
        return  # a demo bulk write (capture=False): demo databases never sync
    database = dbapi.execute("PRAGMA database_list").fetchone()[2]
    with _lock:
        violations.extend(Violation(t, r, c, o, database) for t, r, c, o in missing)


def uncovered(
    dbapi: sqlite3.Connection, writes: list[tuple[str, str, str | None, str]], outbox: list[tuple[Any, ...]]
) -> list[tuple[str, str, str | None, str]]:
    """The logged writes that no outbox row of the same transaction covers (exempt rows aside)."""
    inserted = {(t, r) for t, r, _f, op in outbox if op in ("insert", "entry")}
    updated = {(t, r, f) for t, r, f, op in outbox if op == "update"}
    redacted: set[str] | None = None
    missing = []
    for table, row_id, column, op in writes:
        if (table, row_id) in EXEMPT_ROWS or (table, row_id) in inserted:
            continue
        spec = _TABLES.get(table)
        if op == "insert" and spec is not None and spec.fields:
            if all((table, row_id, f) in updated for f in spec.fields):
                continue
        elif op in ("update", "clock") and spec is not None and column in spec.fields:
            if (table, row_id, column) in updated:
                continue
        elif op == "update" and spec is not None and column in spec.redactable:
            if redacted is None:
                redacted = _redacted_entries(dbapi, [r for t, r, _f, o in outbox if o == "entry"])
            if row_id in redacted:
                continue
        missing.append((table, row_id, column, op))
    return missing


def _redacted_entries(dbapi: sqlite3.Connection, entry_ids: list[str]) -> set[str]:
    """The entries named by the redaction entries among `entry_ids`."""
    found: set[str] = set()
    for entry_id in entry_ids:
        row = dbapi.execute(
            "SELECT json_extract(detail, '$.target_entry_id') FROM timeline_entry "
            "WHERE id = ? AND kind = 'redaction'",
            (entry_id,),
        ).fetchone()
        if row and row[0]:
            found.add(row[0])
    return found


def _is_demo(dbapi: sqlite3.Connection) -> bool:
    row = dbapi.execute("SELECT is_demo FROM sync_state WHERE id = 1").fetchone()
    return bool(row and row[0])


def _exempt_caller() -> bool:
    """True when the committing call stack runs through an exempt module."""
    frame: Any = sys._getframe(1)
    while frame is not None:
        if frame.f_globals.get("__name__") in EXEMPT_MODULES:
            return True
        frame = frame.f_back
    return False


def install() -> None:
    """Watch every engine made from now on (and every connection they open)."""
    if ENABLED and not event.contains(Engine, "commit", _on_commit):
        migrate.upgrade = _migration(migrate.upgrade)
        migrate.downgrade = _migration(migrate.downgrade)
        event.listen(Pool, "checkout", _on_checkout)
        event.listen(Engine, "commit", _on_commit)


def is_own(sql: str) -> bool:
    """True for a statement the check itself runs (statement-counting tests leave them out)."""
    return f"temp.{LOG}" in sql or f"temp.{OUTBOX_LOG}" in sql


def take_violations() -> list[Violation]:
    """The violations recorded since the last call (and forget them)."""
    with _lock:
        found = list(violations)
        violations.clear()
    return found
