"""Opening the local SQLite database: pragmas, read and write sessions, migrations, clear errors."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError
from sqlalchemy.orm import Session

from citydesk.domain.clock import Clock, SystemClock
from citydesk.domain.errors import CitydeskError
from citydesk.store import migrate

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


class StorageError(CitydeskError):
    """The database could not be read or written (read-only, disk full, locked, damaged)."""


def default_data_dir() -> Path:
    """The per-user data folder (platformdirs), or $CITYDESK_DATA_DIR."""
    if env := os.environ.get("CITYDESK_DATA_DIR"):
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("citydesk", appauthor=False))


def default_database_path() -> Path:
    """The office's real database: $CITYDESK_DATABASE or citydesk.sqlite in the data folder."""
    if env := os.environ.get("CITYDESK_DATABASE"):
        return Path(env)
    return default_data_dir() / "citydesk.sqlite"


def demo_database_path() -> Path:
    """The demo database, kept apart from the real one."""
    return default_data_dir() / "demo.sqlite"


def _explain(exc: Exception, path: Path) -> StorageError:
    message = str(getattr(exc, "orig", exc)).lower()
    if "readonly" in message or "read-only" in message:
        return StorageError(
            f"The database {path} is read-only, so nothing was saved. "
            "Check the file's permissions or the disk."
        )
    if "full" in message:
        return StorageError(
            f"The disk holding {path} is full, so nothing was saved. Free some space and try again."
        )
    if "locked" in message or "busy" in message:
        return StorageError(
            "The database is busy with another program (a sync or a report). Try again in a moment."
        )
    if isinstance(exc, IntegrityError | sqlite3.IntegrityError):
        return StorageError(f"The change conflicts with data already saved ({getattr(exc, 'orig', exc)}).")
    return StorageError(f"The database {path} could not be used: {getattr(exc, 'orig', exc)}")


def check_sqlite_file(path: Path) -> None:
    """Raise StorageError unless `path` is missing, empty, or starts with the SQLite header."""
    if not path.exists() or path.stat().st_size == 0:
        return
    if path.is_dir():
        raise StorageError(f"{path} is a folder, not a database file.")
    with path.open("rb") as handle:
        if handle.read(16) != SQLITE_MAGIC:
            raise StorageError(f"{path} is not a citydesk database (it is not an SQLite file).")


def _install_pragmas(engine: Engine, *, read_only: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (below)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not read_only:
            cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA temp_store = MEMORY")
        cur.execute("PRAGMA cache_size = -32000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        # On the driver: the same BEGIN without SQLAlchemy's per-statement work (~15 µs a transaction).
        conn.connection.dbapi_connection.execute(f"BEGIN {mode}")


@dataclass
class Database:
    """An open local database: a read path, a single-writer path and the clock stamps come from."""

    path: Path
    engine: Engine
    clock: Clock
    read_only: bool = False
    cache: dict[str, Any] = field(default_factory=dict)  # derived from synced rows; cleared when they change

    @cached_property
    def write_engine(self) -> Engine:
        """The engine whose transactions start with BEGIN IMMEDIATE (take the write lock first)."""
        return self.engine.execution_options(sqlite_begin="IMMEDIATE")

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; one consistent snapshot until it closes."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                with session.begin():
                    yield session
            except (OperationalError, DatabaseError, sqlite3.DatabaseError) as exc:
                raise _explain(exc, self.path) from exc

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: committed when the block ends, rolled back entirely on any error."""
        if self.read_only:
            raise StorageError(f"The database {self.path} was opened read-only, so nothing was saved.")
        with Session(self.write_engine, expire_on_commit=False, autoflush=False) as session:
            try:
                with session.begin():
                    yield session
            except (OperationalError, DatabaseError, sqlite3.DatabaseError) as exc:  # sqlite3: store.prepared
                raise _explain(exc, self.path) from exc

    def close(self) -> None:
        """Release every connection (checkpointing the WAL)."""
        self.engine.dispose()


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    """An SQLAlchemy engine on the file with citydesk's pragmas and transaction handling."""
    url = f"sqlite+pysqlite:///file:{path}?mode=ro&uri=true" if read_only else f"sqlite+pysqlite:///{path}"
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000})
    _install_pragmas(engine, read_only=read_only)
    return engine


def open_database(
    path: Path | str, *, clock: Clock | None = None, read_only: bool = False, create: bool = True
) -> Database:
    """Open (and if needed create or migrate) the database at `path`.

    Migration runs only when the stored revision differs from the code's head; the file is
    copied first. Raises StorageError / SchemaError with a readable message.
    """
    path = Path(path)
    clock = clock or SystemClock()
    check_sqlite_file(path)
    if not path.exists():
        if not create or read_only:
            raise StorageError(f"There is no database at {path}.")
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        probe = sqlite3.connect(f"file:{path}?mode=ro" if read_only else str(path), uri=read_only)
        try:
            revision = migrate.stored_revision(probe)
        finally:
            probe.close()
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"{path} is damaged or not a database: {exc}") from exc
    engine = make_engine(path, read_only=read_only)
    try:
        if migrate.needs_migration(revision):
            if read_only:
                raise migrate.SchemaError(f"{path} needs an upgrade but was opened read-only.")
            if revision is not None:
                migrate.backup_before_migration(path, revision, clock.now())
            migrate.upgrade(engine)
    except (OperationalError, DatabaseError) as exc:
        engine.dispose()
        raise _explain(exc, path) from exc
    except Exception:
        engine.dispose()
        raise
    return Database(path=path, engine=engine, clock=clock, read_only=read_only)
