"""The suite's capture check (tests/capture_check.py) catches a synced write without its outbox row.

These tests write directly, then take the recorded violations themselves (so the autouse check in
conftest.py sees none left).
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

import capture_check
from citydesk.services import tickets as svc
from citydesk.services.contacts import log_contact
from factories import Office


def _write(office: Office, *statements: tuple[str, dict[str, Any]]) -> list[str]:
    capture_check.take_violations()
    with office.db.write() as session:
        for sql, params in statements:
            session.execute(text(sql), params)
    return [f"{v.op} {v.table} {v.column}" for v in capture_check.take_violations()]


def test_a_direct_write_of_a_synced_field_is_caught(office: Office) -> None:
    found = _write(
        office,
        ("UPDATE requester SET phone = '555', phone_digits = '555' WHERE id = :id", {"id": office.citizen}),
        ("UPDATE category SET active = 0 WHERE id = :id", {"id": office.pothole}),
        ("UPDATE city_setting SET value = '\"Elsewhere\"' WHERE key = 'city_name'", {}),
    )
    assert found == ["update requester phone", "update category active", "update city_setting value"]


def test_inserts_insert_only_columns_clocks_bodies_and_deletes_are_caught(office: Office) -> None:
    ticket = svc.create_ticket(office.db, actor=office.clerk, title="Pothole", channel="phone")
    note = svc.add_note(
        office.db, actor=office.clerk, ticket_id=ticket.ticket_id, body="secret", public=False
    )
    log_contact(office.db, actor=office.clerk, kind="question", channel="phone", summary="Hours?")
    found = _write(
        office,
        ("UPDATE ticket SET number = 'X-1' WHERE id = :id", {"id": ticket.ticket_id}),
        ("UPDATE timeline_entry SET body = NULL WHERE id = :id", {"id": note.entry_id}),
        ("INSERT INTO department (id, code, name, active) VALUES ('d1', 'PK', 'Parks', 1)", {}),
        (
            "INSERT INTO field_clock (table_name, row_id, field, hlc, device_id) "
            "VALUES ('requester', :id, 'name', 1, 'x') "
            "ON CONFLICT DO UPDATE SET hlc = hlc + 1",
            {"id": office.citizen},
        ),
        ("DELETE FROM contact_log", {}),
    )
    assert found == [
        "update ticket number", "update timeline_entry body", "insert department None",
        "clock requester name", "delete contact_log None",
    ]  # fmt: skip


def test_derived_columns_rolled_back_writes_and_service_writes_pass(office: Office) -> None:
    ticket = svc.create_ticket(office.db, actor=office.clerk, title="Pothole", channel="phone")
    svc.add_note(office.db, actor=office.clerk, ticket_id=ticket.ticket_id, body="text", public=False)
    assert capture_check.take_violations() == []
    assert (
        _write(
            office,
            ("UPDATE ticket SET title = 'cache', is_open = 0 WHERE id = :id", {"id": ticket.ticket_id}),
            ("UPDATE requester SET name_key = 'zz' WHERE id = :id", {"id": office.citizen}),
            ("UPDATE requester SET phone = phone WHERE id = :id", {"id": office.citizen}),  # no change
        )
        == []
    )
    with pytest.raises(RuntimeError), office.db.write() as session:
        session.execute(text("UPDATE department SET name = 'gone' WHERE id = :id"), {"id": office.it})
        raise RuntimeError("rolled back")
    assert capture_check.take_violations() == []


def test_a_redaction_may_blank_the_body_it_names(office: Office) -> None:
    ticket = svc.create_ticket(office.db, actor=office.clerk, title="Pothole", channel="phone")
    note = svc.add_note(office.db, actor=office.clerk, ticket_id=ticket.ticket_id, body="ssn", public=False)
    svc.redact_note(office.db, actor=office.supervisor, entry_id=note.entry_id, reason="personal data")
    assert capture_check.take_violations() == []


def test_the_apply_path_is_excepted_by_name(office: Office) -> None:
    def write(name: str = "Parks") -> None:
        with office.db.write() as session:
            session.execute(
                text("UPDATE department SET name = :name WHERE id = :id"), {"id": office.it, "name": name}
            )

    capture_check.take_violations()
    applied: dict[str, Any] = {"__name__": "citydesk.sync.apply", "write": write}
    exec("def apply_page():\n    write()\n", applied)
    applied["apply_page"]()
    assert capture_check.take_violations() == []
    write("Parks and Recreation")
    assert [v.column for v in capture_check.take_violations()] == ["name"]
