"""Bring a database file to the code's schema head, with a backup copy taken first."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from citydesk.domain.errors import CitydeskError
from citydesk.store.schema import KNOWN_REVISIONS, SCHEMA_HEAD

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


class SchemaError(CitydeskError):
    """The file is not a citydesk database this version can use."""


def stored_revision(conn: sqlite3.Connection) -> str | None:
    """The Alembic revision stored in the file, or None for a file without citydesk tables."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "alembic_version" not in tables:
        if tables - {"sqlite_sequence"}:
            raise SchemaError("This file is an SQLite database but not a citydesk database.")
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def needs_migration(revision: str | None) -> bool:
    """True unless the stored revision is the head; raises SchemaError for a newer revision."""
    if revision == SCHEMA_HEAD:
        return False
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise SchemaError(
            f"This database was written by a newer version of citydesk (schema {revision}); "
            f"this version knows up to {SCHEMA_HEAD}. Install the newer version to open it."
        )
    return True


def backup_before_migration(path: Path, revision: str, now: datetime) -> Path:
    """Copy the file with SQLite's online backup API next to it; returns the copy's path."""
    target = path.with_name(f"{path.stem}.before-{revision}-{now:%Y%m%d-%H%M%S}{path.suffix}")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run Alembic's upgrade on `engine` (Alembic is imported only here)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Run Alembic's downgrade (used by migration tests)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)
