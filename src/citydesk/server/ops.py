"""Server operations: online backup of the SQLite file, restore from a backup (a new epoch follows), the
health check, and the lock file `serve` holds so a restore refuses to run under a live server.

PostgreSQL is backed up and restored with its own tools (`pg_dump`, `pg_restore`), then `new-epoch`.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from citydesk.domain.clock import Clock, SystemClock
from citydesk.server.db import (
    MIGRATIONS_DIR,
    VERSION_TABLE,
    ServerDatabase,
    ServerError,
    normalize_url,
    open_server_database,
    read_meta,
)

try:  # the lock file uses POSIX advisory locks (the server runs on Linux); elsewhere no lock is taken
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

PG_BACKUP = (
    "This server runs on PostgreSQL: back it up with pg_dump (for example "
    "`pg_dump --format=custom --file=citydesk.dump DBNAME`) and restore with pg_restore, then run "
    "`citydesk-server new-epoch`."
)


@dataclass(frozen=True, slots=True)
class Restored:
    """What `restore` did: the backup now in place, where the old file was kept, the new epoch."""

    database: Path
    kept: Path | None
    epoch: str


def sqlite_path(url: str) -> Path:
    """The file of an SQLite server URL; ServerError for PostgreSQL (pg_dump is the way) or a bad URL."""
    try:
        parsed = make_url(normalize_url(url))
    except ArgumentError as exc:
        raise ServerError(f"Not a database URL: {url!r} ({exc}).") from None
    if parsed.get_backend_name() != "sqlite":
        raise ServerError(PG_BACKUP)
    if not parsed.database or parsed.database == ":memory:":
        raise ServerError("The server needs a database file: sqlite+pysqlite:///path/to/server.sqlite")
    return Path(parsed.database)


def known_revisions() -> set[str]:
    """Every revision of the server's Alembic chain."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}


def _copy(source: Path, target: Path) -> None:
    """Copy the SQLite database `source` to the new file `target` with SQLite's online backup API
    (consistent even while the server writes; the write-ahead log's content included)."""
    reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    with closing(reader) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def backup(url: str, target: Path) -> Path:
    """Copy the running server's SQLite database to the new file `target` (online: the server keeps
    serving). ServerError for PostgreSQL, a missing database, or a target that exists."""
    source = sqlite_path(url)
    target = Path(target).expanduser().resolve()
    if not source.is_file():
        raise ServerError(f"There is no server database at {source}.")
    if target.exists():
        raise ServerError(f"{target} already exists; choose a new file name (nothing was written).")
    if not target.parent.is_dir():
        raise ServerError(f"The folder of {target} does not exist.")
    check_backup_file(source)
    partial = target.with_name(target.name + ".partial")
    try:
        _copy(source, partial)
        os.replace(partial, target)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise ServerError(f"The backup failed: {exc}; nothing was written.") from None
    return target


def check_backup_file(path: Path) -> str:
    """The schema revision of the citydesk server database `path`; ServerError when it is not one (or is
    damaged, or from a revision this citydesk-server does not know)."""
    if not path.is_file():
        raise ServerError(f"There is no file {path}.")
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            if conn.execute("PRAGMA quick_check").fetchone() != ("ok",):
                raise ServerError(f"{path} is damaged (SQLite's check failed); it cannot be used.")
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if VERSION_TABLE not in tables or "server_meta" not in tables:
                raise ServerError(f"{path} is not a citydesk server database.")
            revision = conn.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
            meta = conn.execute("SELECT count(*) FROM server_meta").fetchone()
    except sqlite3.DatabaseError as exc:
        raise ServerError(f"{path} is not a citydesk server database ({exc}).") from None
    if revision is None or revision[0] not in known_revisions():
        found = revision[0] if revision else "none"
        raise ServerError(f"{path} is a server database of an unknown revision ({found}); use the "
                          "citydesk-server version that made it.")  # fmt: skip
    if not meta or meta[0] != 1:
        raise ServerError(f"{path} is a server database that was never set up (`init` did not run).")
    return str(revision[0])


def lock_path(database: Path) -> Path:
    """The lock file `serve` holds beside the database file."""
    return database.with_name(database.name + ".lock")


@contextmanager
def serving_lock(url: str) -> Iterator[None]:
    """Held by `serve` on an SQLite database while it runs (nothing on PostgreSQL): ServerError when
    another server already serves the same file."""
    try:
        database = sqlite_path(url)
    except ServerError:
        yield
        return
    with _locked(lock_path(database), "Another citydesk-server already serves this database."):
        yield


@contextmanager
def _locked(path: Path, busy: str) -> Iterator[None]:
    if fcntl is None:  # pragma: no cover - Windows
        yield
        return
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ServerError(busy) from None
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def restore(url: str, backup_file: Path, *, clock: Clock | None = None) -> Restored:
    """Put the backup `backup_file` in place of the server database at `url` and start a new epoch.

    The server must be stopped (ServerError while `serve` holds the lock). The old database is kept as
    `NAME.before-restore-TIMESTAMP`; the backup file itself is copied, never moved. Offices re-push what
    the backup lacks at their next sync (the new epoch makes them)."""
    from citydesk.server.admin import new_epoch

    clock = clock or SystemClock()
    database = sqlite_path(url)
    backup_file = Path(backup_file).expanduser().resolve()
    check_backup_file(backup_file)
    if backup_file == database.resolve():
        raise ServerError("The backup is the server database itself; give a backup file.")
    if not database.parent.is_dir():
        raise ServerError(f"The folder of {database} does not exist.")
    stopped = "The server is running on this database: stop it first (systemctl stop citydesk-server)."
    with _locked(lock_path(database), stopped):
        kept: Path | None = None
        if database.exists():
            kept = database.with_name(f"{database.name}.before-restore-{utc_stamp(clock.now())}")
            if kept.exists():
                raise ServerError(f"{kept} already exists; nothing was changed.")
            _copy(database, kept)
        incoming = database.with_name(database.name + ".restoring")
        incoming.unlink(missing_ok=True)
        _copy(backup_file, incoming)
        for suffix in ("-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        os.replace(incoming, database)
        url = f"sqlite+pysqlite:///{database}"
        open_server_database(url, clock=clock).close()  # a backup of an older revision is brought up to date
        epoch = new_epoch(url, clock=clock)
    return Restored(database=database, kept=kept, epoch=epoch)


def health(db: ServerDatabase) -> str:
    """The epoch when the database answers; ServerError otherwise."""
    try:
        with db.read() as session:
            return read_meta(session).epoch
    except SQLAlchemyError as exc:
        raise ServerError(f"The database does not answer: {type(exc).__name__}.") from None


def utc_stamp(now: datetime) -> str:
    """A compact UTC timestamp for file names."""
    return now.strftime("%Y%m%dT%H%M%SZ")
