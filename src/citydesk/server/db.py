"""Opening the server database: engines, read and write transactions, migrations, clear errors.

SQLite (`sqlite+pysqlite:///path`) runs in WAL mode with a busy timeout, and every write transaction
starts with BEGIN IMMEDIATE, so writers queue and the change log's sequence follows commit order (a
pull never sees sequence n+1 before n). PostgreSQL (`postgresql+psycopg://`, psycopg 3) takes a
transaction-scoped advisory lock as the first statement of every write transaction (`_serialise_writes`),
so writers run one at a time, each takes its change-log sequence numbers while holding the lock and
commits before the next one starts: sequence order is commit order there too. PostgreSQL reads run at
REPEATABLE READ (one consistent view per pull or snapshot page, like an SQLite read transaction); writes
at READ COMMITTED, so after waiting for the lock they see everything committed before them. The engine
pools connections (pre-pinged, so a restarted PostgreSQL costs no failed request).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session

from citydesk.domain.clock import Clock, SystemClock
from citydesk.domain.errors import CitydeskError
from citydesk.server.models import ServerMeta

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
VERSION_TABLE = "server_version"
SERVER_HEAD = "s0004"  # the lead relinks s0004 after s0003 at merge
BUSY_TIMEOUT_MS = 10_000
URL_ENV = "CITYDESK_SERVER_DATABASE_URL"
# The advisory lock key that serialises change-log appends on PostgreSQL ("citydesk" in ASCII).
PG_APPEND_LOCK = 0x63697479_6465736B & ((1 << 63) - 1)
# PostgreSQL connection pool: enough for uvicorn's worker threads (FastAPI runs sync endpoints in a pool
# of 40 threads, but writers queue on the advisory lock anyway); idle connections are recycled hourly.
PG_POOL_SIZE = 10
PG_MAX_OVERFLOW = 20
PG_POOL_RECYCLE_S = 3600
PG_CONNECT_TIMEOUT_S = 10


class ServerError(CitydeskError):
    """The server database could not be opened or used (bad URL, not set up, damaged)."""


def normalize_url(url: str) -> str:
    """A database URL; a plain file path means an SQLite file there."""
    if "://" not in url:
        return f"sqlite+pysqlite:///{Path(url).expanduser().resolve()}"
    return url


def default_url() -> str | None:
    """The database URL from $CITYDESK_SERVER_DATABASE_URL, if set."""
    return os.environ.get(URL_ENV) or None


def _install_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # BEGIN is issued below
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.connection.dbapi_connection.execute(f"BEGIN {mode}")


def make_engine(url: str) -> Engine:
    """An engine for the server database URL (SQLite pragmas and BEGIN handling on SQLite)."""
    try:
        parsed = make_url(normalize_url(url))
    except ArgumentError as exc:
        raise ServerError(f"Not a database URL: {url!r} ({exc}).") from None
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if not database or database == ":memory:":
            raise ServerError("The server needs a database file: sqlite+pysqlite:///path/to/server.sqlite")
        if not Path(database).parent.is_dir():
            raise ServerError(f"The folder of {database} does not exist.")
        engine = create_engine(
            parsed, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
        )
        _install_sqlite(engine)
        return engine
    if parsed.get_backend_name() == "postgresql":
        try:
            return create_engine(
                parsed,
                pool_pre_ping=True,
                pool_size=PG_POOL_SIZE,
                max_overflow=PG_MAX_OVERFLOW,
                pool_recycle=PG_POOL_RECYCLE_S,
                isolation_level="REPEATABLE READ",
                connect_args={"connect_timeout": PG_CONNECT_TIMEOUT_S, "application_name": "citydesk-server"},
            )
        except (NoSuchModuleError, ImportError) as exc:
            raise ServerError(
                f"Cannot use {shown_url(url)}: {exc}. Use postgresql+psycopg://user@host:5432/database "
                "with psycopg 3 installed (pip install 'psycopg[binary]')."
            ) from None
    raise ServerError(
        f"Unsupported server database {shown_url(url)}: use sqlite+pysqlite:///path/to/server.sqlite "
        "or postgresql+psycopg://user@host:5432/database."
    )


def shown_url(url: str) -> str:
    """`url` with its password hidden (for messages and logs)."""
    try:
        return make_url(normalize_url(url)).render_as_string(hide_password=True)
    except ArgumentError:
        return "the given database URL"


def check_reachable(engine: Engine) -> None:
    """Connect once; ServerError with a clear message when the database cannot be reached."""
    try:
        with engine.connect():
            pass
    except DBAPIError as exc:
        detail = str(getattr(exc, "orig", exc)).strip()
        reason = detail.splitlines()[0] if detail else type(exc).__name__
        hint = (
            "Check that PostgreSQL is running, that host, port, user, password and database name are "
            "right, and that this machine may connect (pg_hba.conf)."
            if engine.dialect.name == "postgresql"
            else "Check that the file is readable and writable by the server's user."
        )
        raise ServerError(
            f"Cannot reach the server database {engine.url.render_as_string(hide_password=True)}: "
            f"{reason}. {hint}"
        ) from None


def _serialise_writes(session: Session) -> None:
    """Dialect branch: make this write transaction the only one appending to the change log."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_APPEND_LOCK})
    # SQLite: the transaction began with BEGIN IMMEDIATE (see ServerDatabase.write_engine).


@dataclass
class ServerDatabase:
    """An open server database: read transactions, serialised write transactions, the clock."""

    url: str
    engine: Engine
    clock: Clock

    @property
    def write_engine(self) -> Engine:
        """The engine of write transactions: BEGIN IMMEDIATE on SQLite, READ COMMITTED on PostgreSQL."""
        if self.engine.dialect.name == "postgresql":
            return self.engine.execution_options(isolation_level="READ COMMITTED")
        return self.engine.execution_options(sqlite_begin="IMMEDIATE")

    @contextmanager
    def read(self) -> Iterator[Session]:
        """One read transaction (a consistent view until it ends)."""
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction, serialised with every other; committed when the block ends."""
        with Session(self.write_engine, expire_on_commit=False, autoflush=False) as session, session.begin():
            _serialise_writes(session)
            yield session

    def session(self, *, write: bool) -> Session:
        """A session whose transaction the caller begins and ends (the app's request dependency)."""
        return Session(self.write_engine if write else self.engine, expire_on_commit=False, autoflush=False)

    def begin(self, session: Session, *, write: bool) -> None:
        """Begin the session's transaction (serialised when it writes)."""
        session.begin()
        if write:
            _serialise_writes(session)

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()


def stored_revision(engine: Engine) -> str | None:
    """The server schema revision stored in the database (None: empty); ServerError for another file."""
    try:
        tables = set(inspect(engine).get_table_names())
    except (OperationalError, DatabaseError) as exc:
        raise ServerError(f"The server database could not be read: {getattr(exc, 'orig', exc)}") from None
    if VERSION_TABLE not in tables:
        if tables:
            raise ServerError("This database is not a citydesk server database (it has other tables).")
        return None
    with engine.connect() as conn:
        return conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the server's Alembic chain up to `revision`."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def open_server_database(url: str, *, clock: Clock | None = None, migrate: bool = True) -> ServerDatabase:
    """Open the server database at `url`, bringing its schema to the head (created when empty)."""
    engine = make_engine(url)
    try:
        check_reachable(engine)
        revision = stored_revision(engine)
        if revision != SERVER_HEAD:
            if not migrate:
                raise ServerError("The server database is not set up: run `citydesk-server init` first.")
            upgrade(engine)
    except Exception:
        engine.dispose()
        raise
    return ServerDatabase(url=normalize_url(url), engine=engine, clock=clock or SystemClock())


def read_meta(session: Session) -> ServerMeta:
    """The server's meta row; ServerError when `init` has not run."""
    meta = session.scalar(select(ServerMeta).where(ServerMeta.id == 1))
    if meta is None:
        raise ServerError("The server is not set up yet: run `citydesk-server init` first.")
    return meta
