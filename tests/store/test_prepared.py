"""Statements run on the driver (store.prepared) store exactly what SQLAlchemy's Core would store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import insert, text

import capture_check
from citydesk.store import statements as st
from citydesk.store.db import StorageError
from citydesk.store.prepared import Prepared, prepared_insert
from factories import START, Office


@pytest.fixture(autouse=True)
def _rows_written_directly() -> Iterator[None]:
    """These tests write rows on the driver and through SQLAlchemy to compare them, not to sync them."""
    with capture_check.unwatched("rows written directly to compare the driver's with SQLAlchemy's"):
        yield


def stored(office: Office, table: str, key: str, value: Any) -> list[tuple[Any, ...]]:
    """Every column of one row (but the key and the rowid) with its SQLite storage class, as stored."""
    with office.db.read() as session:
        columns = [row[1] for row in session.execute(text(f"PRAGMA table_info({table})"))]
        select_list = ", ".join(f"{c}, typeof({c})" for c in columns if c not in (key, "row_no"))
        return list(
            session.execute(text(f"SELECT {select_list} FROM {table} WHERE {key} = :v"), {"v": value})
        )


def office_id(office: Office) -> str:
    with office.db.read() as session:
        return str(session.execute(text("SELECT office_id FROM sync_state")).scalar_one())


def ticket_id(office: Office) -> str:
    from citydesk.services import tickets

    created = tickets.create_ticket(
        office.db, actor=office.clerk, title="Pothole", channel="phone", requester_id=office.citizen
    )
    return created.ticket_id


@pytest.mark.parametrize(
    ("value", "detail", "public", "body"),
    [
        (None, None, False, None),
        ({"text": "12 Elm St", "lat": 41.5}, {"reporter": {"id": "r"}}, True, "Called back"),
        ("assigned", {}, False, ""),
    ],
)
def test_an_entry_written_on_the_driver_equals_one_written_by_sqlalchemy(
    office: Office, value: Any, detail: Any, public: bool, body: str | None
) -> None:
    ticket = ticket_id(office)
    at = START + timedelta(minutes=3, microseconds=12)

    def row(entry_id: str) -> dict[str, Any]:
        return {
            "id": entry_id, "ticket_id": ticket, "kind": "note", "field": None, "value": value,
            "detail": detail, "body": body, "public": public, "author_id": office.clerk.user_id,
            "office_id": office_id(office), "device_id": "d", "hlc": 42, "base_entry_id": None, "at": at,
        }  # fmt: skip

    with office.db.write() as session:
        session.execute(insert(st.ENTRY), row("by-sqlalchemy"))
        st.RUN_INSERT_ENTRY.execute(session, row("on-the-driver"))
    assert stored(office, "timeline_entry", "id", "on-the-driver") == stored(
        office, "timeline_entry", "id", "by-sqlalchemy"
    )


def test_ticket_outbox_and_reporter_rows_equal_sqlalchemy_ones(office: Office) -> None:
    ticket = ticket_id(office)
    with office.db.read() as session:
        full = dict(
            session.execute(text("SELECT * FROM ticket WHERE id = :id"), {"id": ticket}).mappings().one()
        )
        entry = session.execute(text("SELECT id FROM timeline_entry WHERE ticket_id = :id"), {"id": ticket})
        entry_id = entry.scalar_one()
    for name in ("created_at", "updated_at", "due_at"):
        full[name] = START + timedelta(hours=1)
    full["due_override"] = None
    full.pop("row_no")
    outbox = {"seq": 9000, "change_id": "c", "op": "insert", "table_name": "ticket", "row_id": ticket,
              "field": None, "hlc": 7, "created_at": START}  # fmt: skip
    reporter = {"id": "rep", "ticket_id": ticket, "requester_id": office.citizen, "channel": "phone",
                "reply_method": "phone", "reported_at": START, "entry_id": entry_id}  # fmt: skip
    with office.db.write() as session:
        session.execute(insert(st.TICKET), {**full, "id": "t-sa", "number": "N-1"})
        st.RUN_INSERT_TICKET.execute(session, {**full, "id": "t-driver", "number": "N-2"})
        session.execute(insert(st.OUTBOX), outbox)
        st.RUN_INSERT_OUTBOX.execute(session, {**outbox, "seq": 9001, "change_id": "c2"})
        session.execute(insert(st.REPORTER), reporter)
        st.RUN_INSERT_REPORTER.execute_many(session, [{**reporter, "id": "rep2"}])
    by_sa, on_driver = stored(office, "ticket", "id", "t-sa"), stored(office, "ticket", "id", "t-driver")
    assert [c for c in on_driver[0] if c not in ("N-2",)] == [c for c in by_sa[0] if c not in ("N-1",)]
    assert stored(office, "outbox", "seq", 9001)[0][1:] == stored(office, "outbox", "seq", 9000)[0][1:]
    assert stored(office, "ticket_reporter", "id", "rep2") == stored(office, "ticket_reporter", "id", "rep")


def test_a_column_left_out_takes_its_default_or_null_as_sqlalchemy_does(office: Office) -> None:
    ticket = ticket_id(office)
    base = {"ticket_id": ticket, "kind": "note", "author_id": office.clerk.user_id,
            "office_id": office_id(office), "device_id": "d", "hlc": 1, "at": START}  # fmt: skip
    few = prepared_insert(st.ENTRY, [c.name for c in st.ENTRY.columns])
    with office.db.write() as session:
        session.execute(insert(st.ENTRY), {**base, "id": "sa"})
        few.execute(session, {**base, "id": "driver"})
    assert stored(office, "timeline_entry", "id", "driver") == stored(office, "timeline_entry", "id", "sa")


def test_a_select_names_its_columns_and_a_missing_parameter_is_an_error(office: Office) -> None:
    with office.db.write() as session:
        row = st.RUN_STATE_AND_ACTOR.one_or_none(session, {"actor_id": office.clerk.user_id})
        assert (row.number_prefix, row.actor_role, bool(row.actor_active)) == ("CLK-TST", "clerk", True)
        nobody = st.RUN_STATE_AND_ACTOR.one_or_none(session, {"actor_id": "nobody"})
        assert nobody.actor_role is None and nobody.device_id == row.device_id
        with pytest.raises(KeyError, match="actor_id"):
            st.RUN_STATE_AND_ACTOR.one_or_none(session, {})
        assert Prepared(st.CATEGORY_TARGET).scalar(session, {"id": office.pothole}) == 5


def test_a_naive_datetime_is_refused_like_the_column_type_does(office: Office) -> None:
    naive = {"seq": 1, "change_id": "c", "op": "insert", "table_name": "ticket", "row_id": "x",
             "field": None, "hlc": 1, "created_at": datetime(2026, 1, 1)}  # fmt: skip
    with pytest.raises(ValueError, match="naive"), office.db.write() as session:
        st.RUN_INSERT_OUTBOX.execute(session, naive)


def test_a_driver_error_is_explained_and_rolls_the_transaction_back(office: Office) -> None:
    ticket = ticket_id(office)
    outbox = {"seq": 9100, "change_id": "same", "op": "insert", "table_name": "ticket", "row_id": ticket,
              "field": None, "hlc": 7, "created_at": START}  # fmt: skip
    with pytest.raises(StorageError, match="conflicts with data already saved"), office.db.write() as session:
        st.RUN_INSERT_OUTBOX.execute(session, outbox)
        st.RUN_INSERT_OUTBOX.execute(session, {**outbox, "seq": 9101})  # change_id is unique
    assert stored(office, "outbox", "seq", 9100) == []
