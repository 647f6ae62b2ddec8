"""Opening, migrating, and the clear errors for bad files, read-only files and full disks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from citydesk.services import tickets as svc
from citydesk.store import migrate
from citydesk.store.db import StorageError, open_database
from citydesk.store.models import Ticket
from citydesk.store.schema import KNOWN_REVISIONS, SCHEMA_HEAD
from factories import Office


def test_new_file_gets_wal_full_sync_and_head(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a.sqlite")
    with db.read() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == SCHEMA_HEAD
    db.close()


def test_schema_constant_matches_alembic_scripts() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(config)
    assert script.get_current_head() == SCHEMA_HEAD
    ordered = [r.revision for r in reversed(list(script.walk_revisions()))]
    assert tuple(ordered) == KNOWN_REVISIONS


def test_downgrade_and_upgrade_round_trip(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a.sqlite")
    migrate.downgrade(db.engine, "base")
    with db.engine.connect() as c:
        names = {r[0] for r in c.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
    assert names <= {"alembic_version"}
    migrate.upgrade(db.engine)
    with db.read() as s:
        assert s.execute(text("SELECT count(*) FROM ticket_fts")).scalar() == 0
    db.close()


def test_older_revision_is_backed_up_then_migrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.sqlite"
    open_database(path).close()
    # Pretend the code has moved on to a newer head: the file's revision is now the previous one.
    monkeypatch.setattr(migrate, "KNOWN_REVISIONS", (*KNOWN_REVISIONS, "9999"))
    monkeypatch.setattr(migrate, "SCHEMA_HEAD", "9999")
    calls: list[str] = []
    monkeypatch.setattr(migrate, "upgrade", lambda engine, revision="head": calls.append(revision))
    open_database(path).close()
    backups = list(tmp_path.glob(f"old.before-{SCHEMA_HEAD}-*.sqlite"))
    assert calls == ["head"] and len(backups) == 1
    conn = sqlite3.connect(backups[0])
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == SCHEMA_HEAD
    conn.close()


def test_head_revision_opens_without_alembic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.sqlite"
    open_database(path).close()
    monkeypatch.setattr(migrate, "upgrade", lambda *a, **k: pytest.fail("migrated a database at head"))
    open_database(path).close()


def test_not_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("these are my notes, not a database")
    with pytest.raises(StorageError, match="not an SQLite file"):
        open_database(path)
    assert path.read_text() == "these are my notes, not a database"


def test_foreign_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(migrate.SchemaError, match="not a citydesk database"):
        open_database(path)


def test_newer_schema_revision(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    with pytest.raises(migrate.SchemaError, match="newer version of citydesk"):
        open_database(path)


def test_read_only_database_refuses_writes_clearly(office: Office) -> None:
    svc.create_ticket(office.db, actor=office.clerk, title="one", channel="phone")
    path = office.db.path
    office.db.close()
    ro = open_database(path, read_only=True)
    with pytest.raises(StorageError, match="read-only"):
        svc.create_ticket(ro, actor=office.clerk, title="two", channel="phone")
    with ro.read() as s:
        assert s.scalar(select(func.count()).select_from(Ticket)) == 1
    ro.close()


def test_read_only_file_mode_uri_refuses_writes(office: Office) -> None:
    """A database opened with SQLite's mode=ro (as on a read-only disk) gives a clear error."""
    path = office.db.path
    office.db.close()
    from citydesk.store.db import Database, make_engine

    db = Database(path=path, engine=make_engine(path, read_only=True), clock=office.clock)
    with pytest.raises(StorageError, match="read-only"):
        svc.create_ticket(db, actor=office.clerk, title="two", channel="phone")
    db.close()


def test_full_disk_refuses_clearly_and_writes_nothing(office: Office) -> None:
    db = office.db
    with db.read() as s:
        pages = s.execute(text("PRAGMA page_count")).scalar()
        before = s.scalar(select(func.count()).select_from(Ticket))
    from sqlalchemy import event

    @event.listens_for(db.engine, "connect")
    def _limit(dbapi_conn, _rec):  # type: ignore[no-untyped-def]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    db.engine.dispose()
    saved = 0
    with pytest.raises(StorageError, match="full"):
        for _ in range(500):
            svc.create_ticket(
                db, actor=office.clerk, title="x" * 200, channel="phone", description="y" * 9000
            )
            saved += 1
    event.remove(db.engine, "connect", _limit)
    db.engine.dispose()
    with db.read() as s:
        after = s.scalar(select(func.count()).select_from(Ticket))
        assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    assert after == (before or 0) + saved  # the failed ticket left nothing behind


@pytest.mark.filterwarnings("ignore:.*expression-based index")
def test_models_equal_the_migrated_schema(tmp_path: Path) -> None:
    """Alembic's autogenerate finds nothing to add: every model change came with a migration."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from citydesk.store.models import Base

    db = open_database(tmp_path / "a.sqlite")
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": False})
        diff = [
            d
            for d in compare_metadata(context, Base.metadata)
            # the FTS5 virtual table and its shadow tables are created by hand in store/fts.py
            if not (d[0] == "remove_table" and d[1].name.startswith("ticket_fts"))
        ]
    db.close()
    assert diff == []


def test_migration_0002_keeps_tickets_and_search(tmp_path: Path) -> None:
    """A 0001 database with a ticket migrates to head: the ticket stays findable, `ward` is empty."""
    from citydesk.services.tickets import create_ticket
    from citydesk.store.queries import search
    from factories import make_office

    office = make_office(tmp_path / "old.sqlite")
    created = create_ticket(office.db, actor=office.clerk, title="Broken swing in Elm Park", channel="phone")
    migrate.downgrade(office.db.engine, "0001")
    migrate.upgrade(office.db.engine)
    with office.db.read() as s:
        assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == SCHEMA_HEAD
        assert s.scalar(select(Ticket.ward).where(Ticket.id == created.ticket_id)) is None
        row_no = s.scalar(select(Ticket.row_no).where(Ticket.id == created.ticket_id))
        assert search(s, "swing").row_nos == [row_no]
    office.db.close()
