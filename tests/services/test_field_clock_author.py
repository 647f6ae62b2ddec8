"""Every last-writer-wins write names its author and the change that carried it (schema 0003)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, text

from citydesk.services.addresses import (
    bulk_add_addresses,
    import_addresses,
    parse_address_csv,
    read_address_csv,
)
from citydesk.services.bulk import bulk_create_requesters
from citydesk.services.receipts import set_receipt_texts
from citydesk.services.requesters import create_requester, merge_requesters, update_requester
from citydesk.services.tickets import create_ticket
from citydesk.store import migrate
from citydesk.store.models import FieldClock, Outbox
from citydesk.store.queries import search
from factories import Office, mark_demo

ADDRESSES = "id,address\nA-1,1 Elm St\nA-2,2 Elm St\n"


def clocks(office: Office, table: str) -> list[FieldClock]:
    with office.db.read() as s:
        return list(s.scalars(select(FieldClock).where(FieldClock.table_name == table)))


def assert_carried_by_their_outbox_rows(office: Office, rows: list[FieldClock]) -> None:
    """Each clock's change id is the outbox row of the same table, row and HLC (its field, or the insert)."""
    with office.db.read() as s:
        outbox = {o.change_id: o for o in s.scalars(select(Outbox))}
    for clock in rows:
        carrier = outbox[clock.change_id or ""]
        assert (carrier.table_name, carrier.row_id, carrier.hlc) == (
            clock.table_name,
            clock.row_id,
            clock.hlc,
        )
        assert carrier.field == clock.field or (carrier.op, carrier.field) == ("insert", None)


def by_field(rows: list[FieldClock], row_id: str) -> dict[str, FieldClock]:
    return {c.field: c for c in rows if c.row_id == row_id}


def test_requester_writes_name_their_author_and_change(office: Office) -> None:
    made = create_requester(office.db, actor=office.clerk, name="Ann Lee", phone="555-010-4000")
    other = create_requester(office.db, actor=office.clerk, name="Ann Lee", phone="555-010-4001")
    update_requester(office.db, actor=office.tech, requester_id=made.requester_id, email="ann@example.org")
    merge_requesters(
        office.db, actor=office.supervisor, source_id=other.requester_id, target_id=made.requester_id
    )
    rows = clocks(office, "requester")
    assert_carried_by_their_outbox_rows(office, rows)
    mine = by_field(rows, made.requester_id)
    assert mine["email"].author_id == office.tech.user_id  # the edit's author, not the creator
    assert mine["name"].author_id == office.clerk.user_id
    assert mine["email"].change_id != mine["name"].change_id
    assert by_field(rows, other.requester_id)["merged_into"].author_id == office.supervisor.user_id


def test_bulk_requesters_receipt_texts_and_addresses_name_the_admin(office: Office) -> None:
    (rid,) = bulk_create_requesters(
        office.db, actor=office.admin, requesters=[{"name": "Bo Diaz", "phone": "555-010-5000"}]
    )
    set_receipt_texts(office.db, actor=office.admin, language="es", values={"heading": "Gracias por llamar"})
    set_receipt_texts(office.db, actor=office.admin, language="es", values={"heading": "Gracias"})
    import_addresses(office.db, actor=office.admin, data=ADDRESSES)
    import_addresses(office.db, actor=office.admin, data=ADDRESSES.replace("2 Elm St", "2 Elm Street"))
    for table in ("requester", "receipt_text", "address"):
        rows = [c for c in clocks(office, table) if table != "requester" or c.row_id == rid]
        assert rows and {c.author_id for c in rows} == {office.admin.user_id}
        assert_carried_by_their_outbox_rows(office, rows)
    (receipt,) = clocks(office, "receipt_text")
    with office.db.read() as s:
        assert s.scalar(select(Outbox.op).where(Outbox.change_id == receipt.change_id)) == "update"


def test_rows_without_an_outbox_row_keep_no_change_id(office: Office) -> None:
    """The demo city writes without capture: its clocks name the author but no change."""
    mark_demo(office.db)  # capture=False is the demo city's path: demo databases never sync
    rows, _ = parse_address_csv(read_address_csv("address\n9 Oak Ave\n"))
    (address_id,) = bulk_add_addresses(office.db, actor=office.admin, rows=rows, capture=False)
    mine = [c for c in clocks(office, "address") if c.row_id == address_id]
    assert mine and {(c.author_id, c.change_id) for c in mine} == {(office.admin.user_id, None)}


def test_migration_0003_backfills_change_ids_from_the_outbox(office: Office) -> None:
    """A 0002 file's clocks get the change id of their outbox row and no author; search survives."""
    made = create_requester(office.db, actor=office.clerk, name="Cy Park", phone="555-010-6000")
    update_requester(office.db, actor=office.clerk, requester_id=made.requester_id, name="Cyrus Park")
    created = create_ticket(office.db, actor=office.clerk, title="Fallen tree on Birch Rd", channel="phone")
    before = {(c.table_name, c.row_id, c.field): c.change_id for c in clocks(office, "requester")}
    migrate.downgrade(office.db.engine, "0002")
    with office.db.engine.connect() as conn:
        columns = {r[1] for r in conn.execute(text("PRAGMA table_info(field_clock)"))}
    assert "change_id" not in columns and "author_id" not in columns
    migrate.upgrade(office.db.engine)
    after = clocks(office, "requester")
    assert {(c.table_name, c.row_id, c.field): c.change_id for c in after} == before
    assert {c.author_id for c in after} == {None}  # who wrote a value before 0003 was never recorded
    assert (
        by_field(after, made.requester_id)["name"].change_id
        != by_field(after, made.requester_id)["phone"].change_id
    )
    with office.db.read() as s:
        assert [r for r in s.execute(text("SELECT name FROM sqlite_master WHERE name LIKE 'tmp_%'"))] == []
        assert len(search(s, "birch").row_nos) == 1, created.number


def field_clock_columns() -> dict[str, Any]:
    return {c.name: c for c in FieldClock.__table__.columns}


def test_field_clock_has_author_and_change_columns() -> None:
    columns = field_clock_columns()
    assert columns["author_id"].nullable and columns["change_id"].nullable


def test_opening_a_0002_file_backs_it_up_then_migrates(office: Office) -> None:
    """The real start-up path: a backup copy next to the file, then 0003 with its backfill."""
    from citydesk.store.db import open_database

    create_requester(office.db, actor=office.clerk, name="Di Fox", phone="555-010-8000")
    migrate.downgrade(office.db.engine, "0002")
    path = office.db.path
    office.db.close()
    db = open_database(path, clock=office.clock)
    try:
        (backup,) = path.parent.glob(f"{path.stem}.before-0002-*{path.suffix}")
        assert backup.stat().st_size > 0
        with db.read() as s:
            assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == migrate.SCHEMA_HEAD
            assert None not in s.scalars(
                select(FieldClock.change_id).where(FieldClock.table_name == "requester")
            )
    finally:
        db.close()
