"""What one `create_ticket` writes, row by row, and the few statements it takes to write it."""

from __future__ import annotations

import itertools
import sqlite3
from typing import Any

from sqlalchemy import text

import capture_check
from citydesk.services import tickets as svc
from factories import Office

Snapshot = dict[str, set[tuple[Any, ...]]]


def snapshot(office: Office) -> Snapshot:
    """Every row of every table (the full-text index included), as stored."""
    with office.db.read() as session:
        tables = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        names = session.scalars(text(tables + "AND name NOT LIKE 'ticket_fts_%' ORDER BY name")).all()
        return {name: set(map(tuple, session.execute(text(f"SELECT * FROM {name}")))) for name in names}


def changes(before: Snapshot, after: Snapshot) -> dict[str, tuple[int, int]]:
    """(rows added, rows removed) of each table that changed."""
    out = {}
    for name in after:
        added, removed = len(after[name] - before[name]), len(before[name] - after[name])
        if added or removed:
            out[name] = (added, removed)
    return out


def create(office: Office, title: str = "Pothole on Elm St") -> svc.TicketCreated:
    return svc.create_ticket(
        office.db, actor=office.clerk, title=title, channel="phone", category_id=office.pothole,
        requester_id=office.citizen, location="12 Elm St", intake_answers={"How deep?": "Very"},
    )  # fmt: skip


def test_a_creation_writes_the_ticket_its_entry_reporter_outbox_counter_and_index(office: Office) -> None:
    create(office, "First")  # the number counter row exists from here on
    before = snapshot(office)
    created = create(office)
    after = snapshot(office)
    assert changes(before, after) == {
        "ticket": (1, 0),
        "timeline_entry": (1, 0),
        "ticket_reporter": (1, 0),
        "outbox": (2, 0),
        "number_counter": (1, 1),  # last_seq + 1
        "sync_state": (1, 1),  # HLC and device sequence
        "ticket_fts": (1, 0),
    }
    with office.db.read() as session:
        ticket = session.execute(text("SELECT * FROM ticket WHERE id = :id"), {"id": created.ticket_id})
        row = ticket.mappings().one()
        assert (row["number"], row["title"], row["status"], row["priority"], row["priority_rank"]) == (
            "CLK-TST-000002", "Pothole on Elm St", "new", "P3", 3,
        )  # fmt: skip
        assert (row["location_text"], row["requester_name"], row["reporter_count"], row["is_open"]) == (
            "12 Elm St", "Jane Roe", 1, 1,
        )  # fmt: skip
        entry = session.execute(
            text("SELECT id, kind, value, detail, hlc FROM timeline_entry WHERE ticket_id = :id"),
            {"id": created.ticket_id},
        ).one()
        assert entry.id == created.entry_id and entry.kind == "created"
        assert '"title": "Pothole on Elm St"' in entry.value and '"How deep?": "Very"' in entry.detail
        outbox = session.execute(
            text("SELECT seq, op, table_name, row_id, hlc FROM outbox ORDER BY seq DESC LIMIT 2")
        ).all()
        assert [(o.op, o.table_name, o.row_id, o.hlc) for o in reversed(outbox)] == [
            ("insert", "ticket", created.ticket_id, entry.hlc),
            ("entry", "timeline_entry", created.entry_id, entry.hlc),
        ]
        state = session.execute(text("SELECT hlc, device_seq FROM sync_state")).one()
        assert (state.hlc, state.device_seq) == (entry.hlc, outbox[0].seq)
        reporter = session.execute(
            text("SELECT requester_id, entry_id FROM ticket_reporter WHERE ticket_id = :id"),
            {"id": created.ticket_id},
        ).one()
        assert tuple(reporter) == (office.citizen, created.entry_id)
        found = session.execute(text("SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH 'Roe'")).scalars()
        assert row["row_no"] in set(found)


def test_a_creation_takes_as_few_statements_as_raw_sqlite(office: Office) -> None:
    """BEGIN, one read of the device and actor, one of the references, the counter, five inserts,
    the device counters, COMMIT: the same statements the raw sqlite3 baseline of the benchmark runs
    plus the one read of the references."""
    create(office, "First")
    statements: list[str] = []
    raw = office.db.engine.raw_connection()
    driver = raw.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    driver.set_trace_callback(statements.append)
    raw.close()  # back to the pool: the next transaction takes this connection
    try:
        create(office)
    finally:
        driver.set_trace_callback(None)
    # Lines starting "--" are the triggers' own statements; a statement is traced again as each of its
    # triggers runs, so repeats in a row (triggers aside) are one statement. The suite's capture check
    # (tests/capture_check.py) reads its own log at commit: not the app's statements.
    own = [sql for sql in statements if not sql.startswith("--") and not capture_check.is_own(sql)]
    top_level = [sql.split(None, 1)[0] for sql, _ in itertools.groupby(own)]
    assert top_level == [
        "BEGIN", "SELECT", "SELECT", "UPDATE", "INSERT", "INSERT", "INSERT", "INSERT", "INSERT", "UPDATE",
        "COMMIT",
    ]  # fmt: skip
