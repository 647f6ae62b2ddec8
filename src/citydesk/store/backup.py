"""Backup with SQLite's online backup API, and a verified restore that never half-replaces a file."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from citydesk.domain.clock import to_ms
from citydesk.domain.ids import uuid7
from citydesk.domain.numbers import random_tag
from citydesk.store import migrate
from citydesk.store.db import StorageError, check_sqlite_file
from citydesk.store.types import to_db_text

# Set by restoring an enrolled database: the next sync takes a new identity from the server before it
# pushes anything (`citydesk.sync.identity`). Its value: {"reason": "restored", "tag": <the new tag>}.
NEW_IDENTITY_SETTING = "sync.new_identity"


def backup_database(source: Path, target_dir: Path, *, now: datetime) -> Path:
    """Copy the live database to `<target_dir>/<name>-YYYYmmdd-HHMMSS.sqlite`; returns the path."""
    if not source.exists():
        raise StorageError(f"There is no database at {source}.")
    target_dir.mkdir(parents=True, exist_ok=True)
    target = _unused(target_dir / f"{source.stem}-{now:%Y%m%d-%H%M%S}.sqlite")
    partial = target.with_suffix(".partial")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
        finally:
            dst.close()
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise StorageError(f"The backup could not be written to {target_dir}: {exc}") from exc
    finally:
        src.close()
    os.replace(partial, target)
    return target


def verify_backup(path: Path) -> str:
    """Check a backup file (SQLite header, integrity_check, known schema); returns its revision."""
    check_sqlite_file(path)
    if not path.exists():
        raise StorageError(f"There is no file at {path}.")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
            if result != "ok":
                raise StorageError(f"{path} is damaged ({result}); nothing was restored.")
            revision = migrate.stored_revision(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"{path} is not a readable database ({exc}); nothing was restored.") from exc
    if revision is None:
        raise StorageError(f"{path} is not a citydesk backup; nothing was restored.")
    migrate.needs_migration(revision)  # raises for a newer schema
    return revision


def restore_database(backup: Path, target: Path, *, now: datetime) -> Path | None:
    """Replace `target` with a verified copy of `backup`, with a new device identity.

    The current file is kept as `<name>.replaced-<stamp>.sqlite`; returns that path (or None).
    A restored database counts as a new database: new number tag at once, outbox kept. A standalone one
    gets a new device id here; an enrolled one keeps its device id (its credential is found by it) and is
    marked so its next sync takes a new identity from the server before it pushes (`NEW_IDENTITY_SETTING`).
    """
    verify_backup(backup)
    staging = target.with_name(target.name + ".restoring")
    staging.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(staging)
        try:
            src.backup(dst)
            _new_identity(dst, now)
            dst.commit()
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    kept = None
    if target.exists():
        kept = _unused(target.with_name(f"{target.stem}.replaced-{now:%Y%m%d-%H%M%S}{target.suffix}"))
        _keep_copy(target, kept)
        for suffix in ("-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
    os.replace(staging, target)
    return kept


def _unused(path: Path) -> Path:
    """`path`, or `path` with -2, -3, ... before the suffix when it already exists."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def _keep_copy(target: Path, kept: Path) -> None:
    """Copy the current database (including work still in its WAL) before it is replaced."""
    try:
        src = sqlite3.connect(target)
        try:
            dst = sqlite3.connect(kept)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.DatabaseError:
        # Not readable as a database: keep its bytes, WAL included, exactly as they are.
        shutil.copy2(target, kept)
        wal = Path(str(target) + "-wal")
        if wal.exists():
            shutil.copy2(wal, Path(str(kept) + "-wal"))


def _new_identity(conn: sqlite3.Connection, now: datetime) -> None:
    row = conn.execute(
        "SELECT device_id, office_id, number_prefix, server_url FROM sync_state WHERE id = 1"
    ).fetchone()
    if row is None:
        return
    _old_device, _office_id, prefix, server_url = row
    device_id = uuid7(to_ms(now))
    office_code = prefix.split("-")[0]
    tag = random_tag()
    existing = {r[0] for r in conn.execute("SELECT prefix FROM number_counter")}
    while f"{office_code}-{tag}" in existing:
        tag = random_tag()
    new_prefix = f"{office_code}-{tag}"
    if server_url:
        _mark_enrolled(conn, new_prefix, tag)
        return
    stamp = to_db_text(now)
    conn.execute(
        "INSERT INTO device (id, office_id, name, number, tag, created_at, revoked) "
        "SELECT ?, office_id, name || ' (restored)', NULL, ?, ?, 0 FROM device WHERE id = ?",
        (device_id, tag, stamp, _old_device),
    )
    conn.execute(
        "UPDATE sync_state SET device_id = ?, number_prefix = ?, server_epoch = NULL WHERE id = 1",
        (device_id, new_prefix),
    )
    conn.execute("INSERT INTO number_counter (prefix, last_seq) VALUES (?, 0)", (new_prefix,))


def _mark_enrolled(conn: sqlite3.Connection, new_prefix: str, tag: str) -> None:
    """A restored enrolled database: new tickets take a new tag at once (no number the lost future
    issued can come again); the sync identity is replaced by the server at the next sync (the mark)."""
    conn.execute("UPDATE sync_state SET number_prefix = ? WHERE id = 1", (new_prefix,))
    conn.execute("INSERT INTO number_counter (prefix, last_seq) VALUES (?, 0)", (new_prefix,))
    conn.execute(
        "INSERT OR REPLACE INTO local_setting (key, value) VALUES (?, ?)",
        (NEW_IDENTITY_SETTING, json.dumps({"reason": "restored", "tag": tag})),
    )
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "sync_lease" in tables:  # a backup taken mid-sync: that sync is not running here
        conn.execute("DELETE FROM sync_lease")
    columns = {r[1] for r in conn.execute("PRAGMA table_info(sync_state)")}
    if "push_batch_id" in columns:  # the in-flight batch of the old identity is not resent as such
        conn.execute("UPDATE sync_state SET push_batch_id = NULL, push_batch_last = NULL WHERE id = 1")
