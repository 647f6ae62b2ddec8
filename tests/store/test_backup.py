"""Backup with SQLite's online backup API, and a restore that verifies first and gives a new identity."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from citydesk.domain.errors import CitydeskError
from citydesk.domain.numbers import normalize_number
from citydesk.services import tickets as svc
from citydesk.store import migrate
from citydesk.store.backup import backup_database, restore_database, verify_backup
from citydesk.store.db import StorageError, open_database
from citydesk.store.detail import local_identity
from citydesk.store.models import Device
from citydesk.store.schema import SCHEMA_HEAD
from factories import START, Office


def make_tickets(office: Office, count: int, word: str = "Pothole") -> list[str]:
    numbers = []
    for i in range(count):
        office.clock.advance(minutes=1)
        created = svc.create_ticket(
            office.db, actor=office.clerk, title=f"{word} {i}", channel="phone", requester_id=office.citizen
        )
        numbers.append(created.number)
    return numbers


def query(path: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def tickets_of(path: Path) -> list[tuple[Any, ...]]:
    return query(path, "SELECT id, number, title, status FROM ticket ORDER BY row_no")


def outbox_of(path: Path) -> list[tuple[Any, ...]]:
    return query(path, "SELECT seq, change_id, op, table_name, row_id, field FROM outbox ORDER BY seq")


def identity_of(path: Path) -> tuple[str, str, str]:
    rows = query(path, "SELECT device_id, office_id, number_prefix FROM sync_state WHERE id = 1")
    assert len(rows) == 1
    return rows[0]


def ticket_count(path: Path) -> int:
    """Tickets in a file (0 when the file has no ticket table at all)."""
    if not query(path, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ticket'"):
        return 0
    return int(query(path, "SELECT count(*) FROM ticket")[0][0])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_in(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


# -- backup ---------------------------------------------------------------------------------------


def test_backup_is_a_timestamped_copy_with_the_same_tickets(office: Office, tmp_path: Path) -> None:
    make_tickets(office, 5)
    now = office.clock.now()
    target = backup_database(office.db.path, tmp_path / "backups", now=now)

    assert target.parent == tmp_path / "backups"
    assert target.name == f"office-{now:%Y%m%d-%H%M%S}.sqlite"
    assert not list(target.parent.glob("*.partial"))
    assert target.read_bytes()[:16] == b"SQLite format 3\x00"
    assert verify_backup(target) == SCHEMA_HEAD
    assert query(target, "PRAGMA integrity_check") == [("ok",)]
    # The copy opens with the application's own code and holds the same tickets and identity.
    copy = open_database(target, clock=office.clock)
    try:
        with copy.read() as s:
            ident = local_identity(s)
            assert ident is not None and ident.number_prefix == "CLK-TST"
    finally:
        copy.close()
    assert len(tickets_of(target)) == 5
    assert tickets_of(target) == tickets_of(office.db.path)
    assert outbox_of(target) == outbox_of(office.db.path)


def test_backup_of_a_live_database_sees_committed_work_only(office: Office, tmp_path: Path) -> None:
    make_tickets(office, 2)
    first = backup_database(office.db.path, tmp_path / "b", now=office.clock.now())
    make_tickets(office, 3)
    second = backup_database(office.db.path, tmp_path / "b", now=office.clock.advance(seconds=1))
    assert first != second
    assert [r[1] for r in tickets_of(first)] == ["CLK-TST-000001", "CLK-TST-000002"]
    assert len(tickets_of(second)) == 5


def test_backup_of_a_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="There is no database"):
        backup_database(tmp_path / "nothing.sqlite", tmp_path / "backups", now=START)
    assert not (tmp_path / "backups").exists()


# -- restore: verification before anything is replaced --------------------------------------------


def _not_sqlite(office: Office, folder: Path) -> Path:
    path = folder / "notes.sqlite"
    path.write_text("Dear council, these are my meeting notes, not a database.\n" * 200)
    return path


def _damaged(office: Office, folder: Path) -> Path:
    path = backup_database(office.db.path, folder, now=office.clock.now())
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    pages = len(data) // page_size
    assert pages > 10
    start = (pages // 2) * page_size
    data[start : start + 2 * page_size] = b"\xff" * (2 * page_size)  # two pages in the middle
    path.write_bytes(bytes(data))
    assert path.read_bytes()[:16] == b"SQLite format 3\x00"  # the header still looks right
    return path


def _foreign(office: Office, folder: Path) -> Path:
    path = folder / "recipes.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipe (name TEXT, minutes INTEGER)")
    conn.execute("INSERT INTO recipe VALUES ('soup', 40)")
    conn.commit()
    conn.close()
    return path


def _newer(office: Office, folder: Path) -> Path:
    path = backup_database(office.db.path, folder, now=office.clock.now())
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    return path


def _empty(office: Office, folder: Path) -> Path:
    path = folder / "empty.sqlite"
    path.write_bytes(b"")
    return path


def _missing(office: Office, folder: Path) -> Path:
    return folder / "no-such-backup.sqlite"


BAD_BACKUPS: list[tuple[str, Callable[[Office, Path], Path], type[CitydeskError], str]] = [
    ("not sqlite", _not_sqlite, StorageError, "not an SQLite file"),
    ("damaged", _damaged, StorageError, r"damaged|not a readable database"),
    ("foreign sqlite", _foreign, migrate.SchemaError, "not a citydesk database"),
    ("newer schema", _newer, migrate.SchemaError, r"newer version of citydesk \(schema 9999\)"),
    ("empty file", _empty, StorageError, "not a citydesk backup"),
    ("missing file", _missing, StorageError, "There is no file"),
]


@pytest.mark.parametrize(
    ("make_bad", "error", "message"),
    [case[1:] for case in BAD_BACKUPS],
    ids=[case[0] for case in BAD_BACKUPS],
)
def test_restore_refuses_a_bad_file_and_leaves_the_database_untouched(
    office: Office,
    tmp_path: Path,
    make_bad: Callable[[Office, Path], Path],
    error: type[CitydeskError],
    message: str,
) -> None:
    make_tickets(office, 3)
    bad_folder = tmp_path / "incoming"
    bad_folder.mkdir()
    bad = make_bad(office, bad_folder)
    target = office.db.path
    office.db.close()
    live_folder = target.parent
    before_files = files_in(live_folder)
    before = digest(target)

    with pytest.raises(error, match=message) as info:
        restore_database(bad, target, now=office.clock.now())

    assert str(info.value).strip()
    assert digest(target) == before
    assert files_in(live_folder) == before_files  # no staging copy, no .replaced file
    assert [r[1] for r in tickets_of(target)] == ["CLK-TST-000001", "CLK-TST-000002", "CLK-TST-000003"]


def test_verify_names_the_damaged_file(office: Office, tmp_path: Path) -> None:
    bad = _damaged(office, tmp_path)
    with pytest.raises(StorageError) as info:
        verify_backup(bad)
    assert bad.name in str(info.value) and "nothing was restored" in str(info.value)


# -- restore: a good backup -----------------------------------------------------------------------


def test_good_restore_replaces_the_database_with_a_new_identity(office: Office, tmp_path: Path) -> None:
    before_backup = make_tickets(office, 3)
    backup = backup_database(office.db.path, tmp_path / "backups", now=office.clock.now())
    backup_outbox = outbox_of(backup)
    after_backup = make_tickets(office, 2)  # printed and handed out after the backup was taken
    target = office.db.path
    old_device, old_office, old_prefix = identity_of(target)
    old_tickets = tickets_of(target)
    office.db.close()

    now = office.clock.advance(hours=1)
    kept = restore_database(backup, target, now=now)

    # The old file is kept beside the new one, whole.
    assert kept == target.with_name(f"office.replaced-{now:%Y%m%d-%H%M%S}.sqlite")
    assert kept.exists() and tickets_of(kept) == old_tickets
    assert not target.with_name(target.name + ".restoring").exists()
    assert query(target, "PRAGMA integrity_check") == [("ok",)]

    # The content is the backup's.
    assert [r[1] for r in tickets_of(target)] == before_backup

    # A restored database is a new database: new device, new number tag, same office.
    new_device, new_office, new_prefix = identity_of(target)
    assert new_device != old_device
    assert new_office == old_office
    assert new_prefix != old_prefix and new_prefix.startswith("CLK-")
    tag = new_prefix.split("-")[1]
    assert len(tag) == 3 and tag.isalpha() and tag.isupper()
    devices = dict(query(target, "SELECT id, tag FROM device"))
    assert devices[new_device] == tag and old_device in devices
    counters = dict(query(target, "SELECT prefix, last_seq FROM number_counter"))
    assert counters == {old_prefix: 3, new_prefix: 0}
    assert query(target, "SELECT server_epoch FROM sync_state") == [(None,)]

    # Un-pushed changes are kept with their change ids.
    assert outbox_of(target) == backup_outbox

    # The next ticket gets the new tag, so numbers printed after the backup are never issued again.
    restored = open_database(target, clock=office.clock)
    try:
        office.clock.advance(minutes=5)
        created = svc.create_ticket(restored, actor=office.clerk, title="After restore", channel="phone")
        with restored.read() as s:
            ident = local_identity(s)
        assert ident is not None and ident.device_id == new_device
    finally:
        restored.close()
    assert created.number == f"{new_prefix}-000001"
    assert created.number not in before_backup + after_backup
    assert normalize_number(created.number) == created.number

    # New changes continue the outbox: the kept rows are unchanged and no sequence or change id repeats.
    outbox = outbox_of(target)
    assert outbox[: len(backup_outbox)] == backup_outbox
    new_rows = outbox[len(backup_outbox) :]
    assert len(new_rows) == 2 and min(r[0] for r in new_rows) > max(r[0] for r in backup_outbox)
    assert len({r[1] for r in outbox}) == len(outbox)
    entry_devices = query(
        target,
        "SELECT e.device_id FROM timeline_entry e JOIN ticket t ON t.id = e.ticket_id WHERE t.number = ?",
        (created.number,),
    )
    assert entry_devices == [(new_device,)]


def test_restoring_the_same_backup_twice_gives_two_identities(office: Office, tmp_path: Path) -> None:
    make_tickets(office, 1)
    backup = backup_database(office.db.path, tmp_path / "backups", now=office.clock.now())
    office.db.close()
    first_pc, second_pc = tmp_path / "pc1" / "citydesk.sqlite", tmp_path / "pc2" / "citydesk.sqlite"
    for pc in (first_pc, second_pc):
        pc.parent.mkdir()
        assert restore_database(backup, pc, now=office.clock.advance(seconds=1)) is None
    original = identity_of(backup)
    one, two = identity_of(first_pc), identity_of(second_pc)
    assert len({original[0], one[0], two[0]}) == 3
    assert original[2] not in (one[2], two[2])


def test_restore_onto_a_missing_file_creates_it(office: Office, tmp_path: Path) -> None:
    make_tickets(office, 2)
    backup = backup_database(office.db.path, tmp_path / "backups", now=office.clock.now())
    target = tmp_path / "fresh" / "citydesk.sqlite"
    target.parent.mkdir()
    assert restore_database(backup, target, now=office.clock.now()) is None
    assert len(tickets_of(target)) == 2
    assert files_in(target.parent) == {"citydesk.sqlite"}


def test_restore_after_a_crash_keeps_the_committed_work_in_the_replaced_copy(
    office: Office, tmp_path: Path
) -> None:
    """After a power cut the last committed tickets live in the -wal file; the kept copy must hold them."""
    make_tickets(office, 2)
    backup = backup_database(office.db.path, tmp_path / "backups", now=office.clock.now())
    make_tickets(office, 3)  # committed, but (so far) only in the write-ahead log
    live = office.db.path
    assert Path(f"{live}-wal").stat().st_size > 0
    crashed = tmp_path / "crashed" / "citydesk.sqlite"
    witness = tmp_path / "witness" / "citydesk.sqlite"
    for copy in (crashed, witness):  # the files as a power cut leaves them: main file + its -wal
        copy.parent.mkdir()
        shutil.copyfile(live, copy)
        shutil.copyfile(f"{live}-wal", f"{copy}-wal")
    office.db.close()
    assert ticket_count(witness) == 5  # SQLite recovers all five from the log

    kept = restore_database(backup, crashed, now=office.clock.advance(hours=1))

    assert kept is not None
    assert ticket_count(crashed) == 2
    assert ticket_count(kept) == 5, "the replaced database lost tickets that were in its -wal file"


def test_restored_device_row_is_stamped_with_the_restore_time(office: Office, tmp_path: Path) -> None:
    make_tickets(office, 1)
    backup = backup_database(office.db.path, tmp_path / "backups", now=office.clock.now())
    office.db.close()
    restored_at = office.clock.advance(days=2)
    restore_database(backup, office.db.path, now=restored_at)
    db = open_database(office.db.path, clock=office.clock)
    try:
        with db.read() as s:
            ident = local_identity(s)
            assert ident is not None
            device = s.get(Device, ident.device_id)
            old = s.get(Device, identity_of(backup)[0])
    finally:
        db.close()
    assert device is not None and old is not None
    assert device.created_at == restored_at and old.created_at == START
    assert device.office_id == old.office_id and device.name.endswith("(restored)")
    assert not device.revoked


def test_restored_file_is_usable_for_search_and_new_work(office: Office, tmp_path: Path) -> None:
    make_tickets(office, 2, word="Streetlight")
    backup = backup_database(office.db.path, tmp_path / "backups", now=office.clock.now())
    office.db.close()
    restore_database(backup, office.db.path, now=office.clock.advance(minutes=1))
    from citydesk.store import queries

    db = open_database(office.db.path, clock=office.clock)
    try:
        svc.create_ticket(db, actor=office.clerk, title="Streetlight flickers", channel="walk_in")
        with db.read() as s:
            assert queries.search(s, "streetlight").total == 3
    finally:
        db.close()


def test_old_ticket_numbers_still_resolve_after_restore(office: Office, tmp_path: Path) -> None:
    numbers = make_tickets(office, 2)
    backup = backup_database(office.db.path, tmp_path / "backups", now=office.clock.now())
    office.db.close()
    restore_database(backup, office.db.path, now=office.clock.advance(minutes=1))
    db = open_database(office.db.path, clock=office.clock)
    try:
        assert svc.ticket_number_exists(db, numbers[0].lower())
        later = office.clock.now() + timedelta(minutes=1)
        office.clock.set(later)
        created = svc.create_ticket(db, actor=office.clerk, title="Another", channel="phone")
        assert not created.number.startswith("CLK-TST-")
    finally:
        db.close()


def test_backup_is_one_self_contained_file_that_reading_does_not_touch(
    office: Office, tmp_path: Path
) -> None:
    make_tickets(office, 2)
    folder = tmp_path / "backups"
    backup = backup_database(office.db.path, folder, now=office.clock.now())
    before = digest(backup)
    verify_backup(backup)
    restore_database(backup, tmp_path / "elsewhere.sqlite", now=office.clock.now())
    assert files_in(folder) == {backup.name}
    assert digest(backup) == before
    conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal"
    finally:
        conn.close()
