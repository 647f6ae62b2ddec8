"""Once a PC is enrolled, reference rows are the server's: the local services refuse to edit them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select, update

from citydesk.domain.errors import ReferenceReadOnly
from citydesk.services import setup
from citydesk.services import tickets as svc
from citydesk.services.receipts import set_receipt_texts
from citydesk.services.requesters import create_requester
from citydesk.store.models import CitySetting, Outbox, ReceiptText, SyncState
from factories import TEST_PASSWORD, Office

SERVER = "https://citydesk.example.gov"


def enrol(office: Office) -> None:
    """Mark the database enrolled, as `citydesk connect` will (sync_state is device-local)."""
    with office.db.write() as session:
        session.execute(update(SyncState).values(server_url=SERVER))


def outbox_count(office: Office) -> int:
    with office.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Outbox)) or 0)


EDITS: dict[str, Callable[[Office], Any]] = {
    "offices": lambda o: setup.add_office(o.db, actor=o.admin, code="PWY", name="Public Works Yard"),
    "departments": lambda o: setup.add_department(o.db, actor=o.admin, code="PK", name="Parks"),
    "categories": lambda o: setup.add_category(
        o.db, actor=o.admin, name="Graffiti", department_id=o.public_works
    ),
    "users": lambda o: setup.add_user(
        o.db, actor=o.admin, username="nina", display_name="Nina New", role="clerk", password=TEST_PASSWORD
    ),
    "city settings": lambda o: setup.set_setting(o.db, actor=o.admin, key="city_name", value="New Testville"),
}


@pytest.mark.parametrize("what", list(EDITS))
def test_reference_edits_are_refused_on_an_enrolled_pc(office: Office, what: str) -> None:
    EDITS[what](office)  # a standalone office edits its own reference data
    enrol(office)
    before = outbox_count(office)
    with pytest.raises(ReferenceReadOnly) as refused:
        EDITS[what](office)
    message = str(refused.value)
    assert message.startswith("Reference data is edited on the server once this PC is enrolled")
    assert SERVER in message and f"change the {what} there" in message
    assert outbox_count(office) == before  # nothing written


def test_the_receipt_phone_is_a_city_setting_but_the_texts_stay_editable(office: Office) -> None:
    enrol(office)
    with pytest.raises(ReferenceReadOnly):
        set_receipt_texts(
            office.db,
            actor=office.admin,
            language="es",
            values={"heading": "Hola"},
            city_phone="555-010-9999",
        )
    with office.db.read() as s:
        assert s.scalar(select(func.count()).select_from(ReceiptText)) == 0  # the whole call was refused
        assert s.get(CitySetting, "city_phone") is None
    set_receipt_texts(office.db, actor=office.admin, language="es", values={"heading": "Hola"})


def test_ordinary_work_goes_on_on_an_enrolled_pc(office: Office) -> None:
    enrol(office)
    svc.create_ticket(
        office.db, actor=office.clerk, title="Pothole on Oak", channel="phone", category_id=office.pothole
    )
    create_requester(office.db, actor=office.clerk, name="Lu Chen", phone="555-010-7000")
