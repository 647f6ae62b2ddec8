"""The server on a real PostgreSQL: the Alembic chain equals the models there, 64-bit columns, pooled
connections, the advisory lock that serialises writes (so change-log order is commit order), a
consistent view per read, and a clear message and exit code 1 when the database cannot be reached."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from citydesk.server.cli import main
from citydesk.server.db import (
    PG_APPEND_LOCK,
    PG_POOL_SIZE,
    SERVER_HEAD,
    open_server_database,
    stored_revision,
)
from citydesk.server.models import ServerBase
from pg_kit import create_database, drop_database, with_database

ROOT = Path(__file__).resolve().parents[2]
_numbers = itertools.count(1)
# Nothing listens on port 1 of the loopback interface: the connection is refused at once.
UNREACHABLE = "postgresql+psycopg://citydesk:s3cret-pw@127.0.0.1:1/city"


@pytest.fixture
def pg_database(pg_url: str) -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database (dropped afterwards)."""
    name = f"citydesk_db_test_{os.getpid()}_{next(_numbers)}"
    drop_database(pg_url, name)
    create_database(pg_url, name)
    yield with_database(pg_url, name)
    drop_database(pg_url, name)


def test_the_migrations_build_exactly_the_models_on_postgresql(pg_database: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    db = open_server_database(pg_database)
    try:
        assert stored_revision(db.engine) == SERVER_HEAD
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"version_table": "server_version"})
            assert compare_metadata(context, ServerBase.metadata) == []
            types = dict(
                conn.execute(
                    text(
                        "SELECT table_name || '.' || column_name, data_type FROM information_schema.columns"
                        " WHERE table_schema = 'public'"
                    )
                ).all()
            )
    finally:
        db.close()
    for column in ("change_log.seq", "change_log.hlc", "row_state.hlc", "server_meta.hlc"):
        assert types[column] == "bigint", column
    assert types["change_log.data"] == "json" and types["row_state.clocks"] == "json"


def test_the_engine_pools_pre_pinged_connections(pg_database: str) -> None:
    db = open_server_database(pg_database)
    try:
        assert db.engine.pool.size() == PG_POOL_SIZE
        assert db.engine.pool._pre_ping  # type: ignore[attr-defined]
    finally:
        db.close()


def test_reads_see_one_snapshot_and_writes_run_at_read_committed(pg_database: str) -> None:
    db = open_server_database(pg_database)
    try:
        with db.read() as session:
            assert session.scalar(text("SHOW transaction_isolation")) == "repeatable read"
        with db.write() as session:
            assert session.scalar(text("SHOW transaction_isolation")) == "read committed"
    finally:
        db.close()


def test_a_write_holds_the_append_lock_until_it_commits(pg_database: str) -> None:
    db = open_server_database(pg_database)
    other = create_engine(pg_database)
    try:

        def lock_is_free() -> bool:
            with other.begin() as conn:
                return bool(conn.scalar(text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": PG_APPEND_LOCK}))

        assert lock_is_free()
        order: list[str] = []
        with db.write() as session:
            session.execute(text("SELECT 1"))
            assert not lock_is_free()
            # a second writer waits for the lock, so it starts only after this one has committed
            second = threading.Thread(target=lambda: _write_and_note(db, order))
            second.start()
            _until_a_writer_waits_for_the_lock(other)
            assert order == [] and second.is_alive()
            order.append("first commits")
        second.join(timeout=30)
        assert order == ["first commits", "second writes"]
        assert lock_is_free()
    finally:
        other.dispose()
        db.close()


def _until_a_writer_waits_for_the_lock(engine: Engine) -> None:
    """Return once PostgreSQL shows a session waiting for the append lock (fail after 30 s)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with engine.connect() as conn:
            if conn.scalar(text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")):
                return
    raise AssertionError("the second writer never waited for the lock")


def _write_and_note(db: object, order: list[str]) -> None:
    with db.write():  # type: ignore[attr-defined]
        order.append("second writes")


@pytest.mark.parametrize(
    "argv",
    [
        ["serve"],
        ["device", "list"],
        ["office", "add", "--code", "CLK", "--name", "City Hall"],
        [
            "init",
            "--city",
            "Testville",
            "--time-zone",
            "America/Chicago",
            "--admin",
            "root",
            "--password",
            "correct horse",
        ],
    ],
    ids=["serve", "device-list", "office-add", "init"],
)
def test_an_unreachable_database_is_a_clear_message_and_exit_1(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*argv, "--database-url", UNREACHABLE]) == 1
    err = capsys.readouterr().err
    assert "Cannot reach the server database postgresql+psycopg://citydesk:***@127.0.0.1:1/city" in err
    assert "Check that PostgreSQL is running" in err
    assert "s3cret-pw" not in err


def test_serve_exits_non_zero_at_once_when_the_database_is_unreachable() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    env.pop("CITYDESK_SERVER_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "citydesk.server.cli", "serve", "--port", "1", "--database-url", UNREACHABLE],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "Cannot reach the server database" in done.stderr and "s3cret-pw" not in done.stderr
    assert "Traceback" not in done.stderr


def test_an_unknown_database_kind_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["device", "list", "--database-url", "mysql://someone@db/city"]) == 1
    assert "Unsupported server database" in capsys.readouterr().err
