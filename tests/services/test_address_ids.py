"""Deterministic address ids: two offices importing the same list offline create the same rows.

An address's id is derived from its external id (UUIDv5 over a fixed namespace), or, for a row
without one, from its folded text; receipt texts are keyed by language and key. So when both offices'
changes reach the server, the inserts name the same rows and merge field by field instead of
becoming duplicates.
"""

from __future__ import annotations

import dataclasses
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from citydesk.domain.clock import ManualClock
from citydesk.domain.ids import ADDRESS_NAMESPACE, address_id
from citydesk.services.addresses import AddressRow, bulk_add_addresses, import_addresses
from citydesk.services.receipts import set_receipt_text
from citydesk.store.db import open_database
from citydesk.store.models import Address, FieldClock, Outbox, ReceiptText
from factories import START, Office

LIST = "id,address,ward\nA-1,120 Main St,Ward 1\n,Lincoln Park,Ward 2\nA-2,7 Oak Ave,\n"


@pytest.fixture
def other_office(office_template: Office, tmp_path: Path) -> Iterator[Office]:
    """A second office database (another copy of the template), as another PC would have."""
    path = tmp_path / "other.sqlite"
    shutil.copyfile(office_template.db.path, path)
    clock = ManualClock(START)
    made = dataclasses.replace(office_template, db=open_database(path, clock=clock), clock=clock)
    yield made
    made.db.close()


def _addresses(office: Office) -> dict[str, tuple[str | None, str]]:
    with office.db.read() as s:
        return {r.id: (r.external_id, r.text) for r in s.scalars(select(Address))}


def test_the_id_comes_from_the_external_id_else_the_folded_text() -> None:
    assert address_id("A-1", "120 Main St") == str(uuid.uuid5(ADDRESS_NAMESPACE, "id:A-1"))
    assert address_id(" A-1 ", "another text") == address_id("A-1", "120 Main St")
    assert address_id(None, "Lincoln  Park") == str(uuid.uuid5(ADDRESS_NAMESPACE, "text:lincoln park"))
    assert address_id("", "LINCOLN PARK") == address_id(None, "lincoln park")
    assert address_id("Lincoln Park", "x") != address_id(None, "Lincoln Park")  # an id is not a text


def test_two_offices_importing_the_same_list_get_the_same_ids(office: Office, other_office: Office) -> None:
    office.clock.advance(minutes=5)  # the offices import at different times, by different admins
    import_addresses(office.db, actor=office.admin, data=LIST)
    import_addresses(other_office.db, actor=other_office.admin, data=LIST.replace("Ward 2", "W2"))
    here, there = _addresses(office), _addresses(other_office)
    assert set(here) == set(there) and len(here) == 3
    assert here[address_id("A-1", "")] == ("A-1", "120 Main St")
    assert here[address_id(None, "lincoln park")] == (None, "Lincoln Park")
    with office.db.read() as s:  # the outbox inserts and field clocks name the derived ids
        assert set(s.scalars(select(Outbox.row_id).where(Outbox.table_name == "address"))) == set(here)
        assert set(s.scalars(select(FieldClock.row_id).where(FieldClock.table_name == "address"))) == set(
            here
        )


def test_a_reimport_keeps_the_id_and_a_new_row_gets_its_derived_id(office: Office) -> None:
    import_addresses(office.db, actor=office.admin, data=LIST)
    import_addresses(
        office.db, actor=office.admin, data="id,address\nA-1,120 Main Street\n,lincoln park\n,9 Elm St\n"
    )
    rows = _addresses(office)
    assert rows[address_id("A-1", "")] == ("A-1", "120 Main Street")
    assert rows[address_id(None, "Lincoln Park")] == (None, "lincoln park")
    assert rows[address_id(None, "9 elm st")] == (None, "9 Elm St")
    assert len(rows) == 4


def test_bulk_add_derives_the_same_ids_as_the_import(office: Office, other_office: Office) -> None:
    rows = [
        AddressRow(1, "120 Main St", "A-1", "Ward 1", None, None, ()),
        AddressRow(2, "Lincoln Park", None, None, None, None, ()),
    ]
    ids = bulk_add_addresses(office.db, actor=office.admin, rows=rows)
    import_addresses(other_office.db, actor=other_office.admin, data=LIST)
    assert ids == [address_id("A-1", ""), address_id(None, "Lincoln Park")]
    assert set(ids) <= set(_addresses(other_office))


def test_two_offices_writing_the_same_receipt_text_name_the_same_row(
    office: Office, other_office: Office
) -> None:
    set_receipt_text(office.db, actor=office.admin, language="es", key="heading", value="Recibido")
    other_office.clock.advance(minutes=1)
    set_receipt_text(other_office.db, actor=other_office.admin, language="es", key="heading", value="Hola")
    keys = []
    for each in (office, other_office):
        with each.db.read() as s:
            (row,) = s.scalars(
                select(ReceiptText).where(ReceiptText.key == "heading", ReceiptText.language == "es")
            )
            outbox = s.scalars(select(Outbox).where(Outbox.table_name == "receipt_text")).one()
            keys.append(((row.language, row.key), outbox.row_id))
    assert keys[0] == keys[1] == (("es", "heading"), "es:heading")
