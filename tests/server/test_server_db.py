"""The server database: its Alembic chain equals its models, PostgreSQL-ready types, WAL and serialised
writes on SQLite, and clear errors for a database that is not (yet) a server's."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateTable

from citydesk.server.app import create_app
from citydesk.server.db import SERVER_HEAD, ServerError, open_server_database, stored_revision
from citydesk.server.models import ServerBase


def test_the_migrations_build_exactly_the_models(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    db = open_server_database(f"sqlite+pysqlite:///{tmp_path / 's.sqlite'}")
    try:
        assert stored_revision(db.engine) == SERVER_HEAD
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"version_table": "server_version"})
            assert compare_metadata(context, ServerBase.metadata) == []
    finally:
        db.close()


def test_the_tables_compile_for_postgresql_with_64_bit_stamps_and_json() -> None:
    ddl = {
        t.name: str(CreateTable(t).compile(dialect=postgresql.dialect()))
        for t in ServerBase.metadata.sorted_tables
    }
    assert "seq BIGSERIAL" in ddl["change_log"]
    assert (
        "hlc BIGINT" in ddl["change_log"]
        and "hlc BIGINT" in ddl["row_state"]
        and "hlc BIGINT" in ddl["user_history"]
    )
    assert "data JSON" in ddl["change_log"] and "clocks JSON" in ddl["row_state"]
    assert "acked_seq BIGINT" in ddl["device_epoch"]


def test_sqlite_runs_in_wal_mode_and_a_write_takes_the_lock_at_its_start(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    db = open_server_database(f"sqlite+pysqlite:///{path}")
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000
        with db.write() as session:
            session.execute(ServerBase.metadata.tables["server_meta"].select())  # a read, first
            other = sqlite3.connect(path, timeout=0, isolation_level=None)
            try:
                with pytest.raises(sqlite3.OperationalError, match="locked"):
                    other.execute("BEGIN IMMEDIATE")  # another writer waits: appends are serialised
            finally:
                other.close()
        with db.read() as session:  # a read takes no write lock
            session.execute(ServerBase.metadata.tables["server_meta"].select())
            other = sqlite3.connect(path, timeout=0, isolation_level=None)
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
            other.close()
    finally:
        db.close()


def test_another_database_or_an_unset_server_is_refused_clearly(tmp_path: Path) -> None:
    foreign = tmp_path / "office.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE ticket (id TEXT)")
    with pytest.raises(ServerError, match="not a citydesk server database"):
        open_server_database(f"sqlite+pysqlite:///{foreign}")
    with pytest.raises(ServerError, match="citydesk-server init"):
        create_app(f"sqlite+pysqlite:///{tmp_path / 'empty.sqlite'}")
    with pytest.raises(ServerError, match="database file"):
        open_server_database("sqlite+pysqlite:///:memory:")
    engine = create_engine(f"sqlite+pysqlite:///{foreign}")
    engine.dispose()
