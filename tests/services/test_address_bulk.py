"""Adding generated addresses in bulk: the import's rules, field clocks, outbox rows unless turned off."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func, select

from citydesk.domain.errors import CitydeskError, PermissionDenied, ValidationError
from citydesk.domain.roles import SYSTEM_ACTOR
from citydesk.services.addresses import AddressRow, bulk_add_addresses
from citydesk.store.models import Address
from factories import Office, address_counts, mark_demo

ROWS = [
    AddressRow(1, "120 Main St", "A-1", "Ward 1", 41.85, -89.69, ("City Hall",)),
    AddressRow(2, "Lincoln Park", None, None, None, None, ()),
]


def test_rows_with_clocks_and_outbox_and_ids_in_order(office: Office) -> None:
    ids = bulk_add_addresses(office.db, actor=office.admin, rows=ROWS)
    assert address_counts(office) == (2, 14, 2)
    with office.db.read() as s:
        texts = [s.get(Address, i).text for i in ids]  # type: ignore[union-attr]
        main = s.get(Address, ids[0])
    assert texts == ["120 Main St", "Lincoln Park"]
    assert main is not None and (main.street_key, main.block, main.ward) == ("main st", 1, "Ward 1")


def test_without_capture_no_outbox_rows(office: Office) -> None:
    mark_demo(office.db)  # capture=False is the demo city's path: demo databases never sync
    bulk_add_addresses(office.db, actor=SYSTEM_ACTOR, rows=ROWS, capture=False)
    assert address_counts(office) == (2, 14, 0)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"text": ""}, "Row 2: the address is empty"),
        ({"text": "x" * 301}, "Row 2: longer than 300"),
        ({"latitude": 41.0}, "Row 2: give both latitude and longitude"),
        ({"latitude": 91.0, "longitude": 0.0}, "Row 2: .*out of range"),
        ({"external_id": "A-1"}, "Row 2: the id 'A-1' is already on the list"),
        ({"ward": "w" * 61}, "Row 2: longer than 60 characters"),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_written(
    office: Office, change: dict[str, object], message: str
) -> None:
    rows = [ROWS[0], dataclasses.replace(ROWS[1], **change)]  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=message):
        bulk_add_addresses(office.db, actor=SYSTEM_ACTOR, rows=rows)
    assert address_counts(office) == (0, 0, 0)


def test_an_address_already_on_the_list_is_refused(office: Office) -> None:
    bulk_add_addresses(office.db, actor=SYSTEM_ACTOR, rows=ROWS)
    with pytest.raises(ValidationError, match="Row 2: the same address is already on the list"):
        bulk_add_addresses(office.db, actor=SYSTEM_ACTOR, rows=[ROWS[1]])


def test_only_an_admin_or_the_system_adds_addresses(office: Office) -> None:
    with pytest.raises(PermissionDenied):
        bulk_add_addresses(office.db, actor=office.clerk, rows=ROWS)
    assert address_counts(office) == (0, 0, 0)


def test_an_office_database_never_writes_without_change_records(office: Office) -> None:
    """`capture=False` is the demo city's path; on an office database it would never sync: refused."""
    with pytest.raises(CitydeskError, match="demo city only"):
        bulk_add_addresses(office.db, actor=SYSTEM_ACTOR, rows=ROWS, capture=False)
    with office.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Address)) == 0
