"""Ticket numbers: gap-free and unique from the counter row, even with two processes writing at once."""

from __future__ import annotations

import multiprocessing
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select, text

from citydesk.domain.errors import ValidationError
from citydesk.domain.roles import SYSTEM_ACTOR, Actor, Role
from citydesk.services import tickets as svc
from citydesk.services.bulk import BulkTicket, bulk_create_tickets
from citydesk.store.db import open_database
from citydesk.store.detail import ticket_ids_by_number
from citydesk.store.models import NumberCounter, Outbox, Ticket
from factories import Office

PREFIX = "CLK-TST"


def numbers_in_row_order(office: Office) -> list[str]:
    with office.db.read() as s:
        return list(s.scalars(select(Ticket.number).order_by(Ticket.row_no)))


def seq_of(number: str) -> int:
    match = re.fullmatch(rf"{PREFIX}-(\d{{6}})", number)
    assert match, number
    return int(match.group(1))


def counter(office: Office, prefix: str = PREFIX) -> int | None:
    with office.db.read() as s:
        return s.scalar(select(NumberCounter.last_seq).where(NumberCounter.prefix == prefix))


def test_many_service_and_bulk_inserts_give_gap_free_increasing_numbers(office: Office) -> None:
    created = []
    for i in range(200):
        office.clock.advance(seconds=30)
        created.append(
            svc.create_ticket(office.db, actor=office.clerk, title=f"Request {i}", channel="phone")
        )
    assert [c.number for c in created] == [f"{PREFIX}-{i:06d}" for i in range(1, 201)]

    start = office.clock.advance(minutes=5)
    batch = [
        BulkTicket(
            created_at=start + timedelta(seconds=i),
            created_by=office.clerk.user_id,
            fields={"title": f"Imported {i}", "channel": "web"},
        )
        for i in range(150)
    ]
    result = bulk_create_tickets(office.db, actor=SYSTEM_ACTOR, tickets=batch, batch_size=40)
    assert result.count == 150
    assert list(result.numbers) == [f"{PREFIX}-{i:06d}" for i in range(201, 351)]

    office.clock.advance(minutes=5)
    after = [
        svc.create_ticket(office.db, actor=office.clerk, title=f"Later {i}", channel="walk_in").number
        for i in range(3)
    ]
    assert after == [f"{PREFIX}-{i:06d}" for i in range(351, 354)]

    numbers = numbers_in_row_order(office)
    seqs = [seq_of(n) for n in numbers]
    assert seqs == list(range(1, 354))  # unique, no gaps, increasing in insertion order
    assert counter(office) == 353


def test_a_failed_creation_does_not_use_up_a_number(office: Office) -> None:
    first = svc.create_ticket(office.db, actor=office.clerk, title="One", channel="phone")
    with pytest.raises(ValidationError, match="category"):
        svc.create_ticket(office.db, actor=office.clerk, title="Two", channel="phone", category_id="nope")
    with pytest.raises(ValidationError, match="Row 2"):
        bulk_create_tickets(
            office.db,
            actor=SYSTEM_ACTOR,
            tickets=[
                BulkTicket(
                    created_at=office.clock.now(), created_by=office.clerk.user_id, fields={"title": "a"}
                ),
                BulkTicket(
                    created_at=office.clock.now(), created_by=office.clerk.user_id, fields={"title": ""}
                ),
            ],
        )
    second = svc.create_ticket(office.db, actor=office.clerk, title="Three", channel="phone")
    assert (first.number, second.number) == (f"{PREFIX}-000001", f"{PREFIX}-000002")
    assert counter(office) == 2


def test_counter_not_max_plus_one_decides_the_next_number(office: Office) -> None:
    """The counter row is the only source: a number is never reissued even if the highest ticket is gone."""
    svc.create_ticket(office.db, actor=office.clerk, title="One", channel="phone")
    svc.create_ticket(office.db, actor=office.clerk, title="Two", channel="phone")
    with office.db.write() as s:  # simulate the counter being ahead of the rows (e.g. rows pulled away)
        s.execute(text("UPDATE number_counter SET last_seq = 41 WHERE prefix = :p"), {"p": PREFIX})
    created = svc.create_ticket(office.db, actor=office.clerk, title="Three", channel="phone")
    assert created.number == f"{PREFIX}-000042"


def test_bulk_tickets_with_another_prefix_get_their_own_counter(office: Office) -> None:
    svc.create_ticket(office.db, actor=office.clerk, title="Local", channel="phone")
    now = office.clock.now()
    result = bulk_create_tickets(
        office.db,
        actor=SYSTEM_ACTOR,
        tickets=[
            BulkTicket(
                created_at=now, created_by=office.clerk.user_id, fields={"title": f"Other {i}"}, prefix="PW-2"
            )
            for i in range(3)
        ],
    )
    assert list(result.numbers) == ["PW-2-000001", "PW-2-000002", "PW-2-000003"]
    assert counter(office, "PW-2") == 3 and counter(office) == 1
    local = svc.create_ticket(office.db, actor=office.clerk, title="Local again", channel="phone")
    assert local.number == f"{PREFIX}-000002"


# -- two processes, one file ----------------------------------------------------------------------


def _create_in_child(path: str, user_id: str, label: str, count: int, barrier: Any, out: Any) -> None:
    """Run in a spawned process: open the database itself and create `count` tickets."""
    db = open_database(Path(path))
    actor = Actor(user_id=user_id, role=Role.CLERK, display_name=label)
    numbers = []
    try:
        # The first creation warms up imports and statement caches, so that the timed part overlaps.
        numbers.append(svc.create_ticket(db, actor=actor, title=f"{label} 0", channel="phone").number)
        for i in range(1, count):
            barrier.wait(timeout=60)  # both processes go for the write lock at the same moment, every time
            numbers.append(svc.create_ticket(db, actor=actor, title=f"{label} {i}", channel="phone").number)
    except BaseException as exc:  # report any failure to the parent instead of dying silently
        out.put((label, numbers, repr(exc)))
        raise
    finally:
        db.close()
    out.put((label, numbers, None))


def test_two_processes_creating_at_once_never_share_a_number(office: Office) -> None:
    per_process = 50
    path = office.db.path
    office.db.close()
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    out = ctx.Queue()
    workers = [
        ctx.Process(
            target=_create_in_child,
            args=(str(path), office.clerk.user_id, label, per_process, barrier, out),
        )
        for label in ("front", "back")
    ]
    for worker in workers:
        worker.start()
    results = {}
    for _ in workers:
        label, numbers, error = out.get(timeout=120)
        results[label] = (numbers, error)
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    assert all(error is None for _numbers, error in results.values()), results

    front, back = results["front"][0], results["back"][0]
    assert len(front) == len(back) == per_process
    assert not set(front) & set(back)
    for numbers in (front, back):  # each process saw its own numbers increase
        assert [seq_of(n) for n in numbers] == sorted(seq_of(n) for n in numbers)
    db = open_database(path)
    try:
        with db.read() as s:
            stored = list(s.scalars(select(Ticket.number).order_by(Ticket.row_no)))
            last = s.scalar(select(NumberCounter.last_seq).where(NumberCounter.prefix == PREFIX))
            outbox_seqs = list(s.scalars(select(Outbox.seq)))
            ticket_outbox = s.scalar(
                select(func.count()).select_from(Outbox).where(Outbox.table_name == "ticket")
            )
    finally:
        db.close()
    front_seqs, back_seqs = [seq_of(n) for n in front], [seq_of(n) for n in back]
    assert max(front_seqs) > min(back_seqs) and max(back_seqs) > min(front_seqs)  # they did interleave
    assert sorted(stored) == sorted(front + back)
    assert sorted(seq_of(n) for n in stored) == list(range(1, 2 * per_process + 1))
    assert last == 2 * per_process
    assert len(outbox_seqs) == len(set(outbox_seqs))  # the device sequence did not collide either
    assert ticket_outbox == 2 * per_process


# -- finding a typed number -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed", ["CLK-TST-000042", "clk-tst-42", "Clk-Tst-0042", "  clk-tst-000042 ", "clk - tst - 42"]
)
def test_a_typed_number_is_found_in_any_case_and_with_missing_zeros(office: Office, typed: str) -> None:
    start = office.clock.now()
    result = bulk_create_tickets(
        office.db,
        actor=SYSTEM_ACTOR,
        tickets=[
            BulkTicket(created_at=start, created_by=office.clerk.user_id, fields={"title": f"Ticket {i}"})
            for i in range(45)
        ],
    )
    wanted = result.numbers[41]
    assert wanted == "CLK-TST-000042"
    with office.db.read() as s:
        expected = s.scalar(select(Ticket.id).where(Ticket.number == wanted))
        assert ticket_ids_by_number(s, typed) == [expected]
        assert ticket_ids_by_number(s, "clk-tst-46") == []
        assert ticket_ids_by_number(s, "not a number") == []
        assert ticket_ids_by_number(s, "42") == []  # bare digits go through search, not this lookup


def test_a_number_shared_by_two_tickets_lists_both(office: Office) -> None:
    now = office.clock.now()
    result = bulk_create_tickets(
        office.db,
        actor=SYSTEM_ACTOR,
        tickets=[
            BulkTicket(created_at=now, created_by=office.clerk.user_id, fields={"title": "A"}, prefix="PW-2"),
        ],
    )
    with office.db.write() as s:  # a clash that arrived from elsewhere: both keep the number
        s.execute(text("UPDATE number_counter SET last_seq = 0 WHERE prefix = 'PW-2'"))
    bulk_create_tickets(
        office.db,
        actor=SYSTEM_ACTOR,
        tickets=[
            BulkTicket(created_at=now, created_by=office.clerk.user_id, fields={"title": "B"}, prefix="PW-2"),
        ],
    )
    with office.db.read() as s:
        assert len(ticket_ids_by_number(s, result.numbers[0].lower())) == 2


def test_number_lookup_uses_the_number_index(office: Office) -> None:
    for i in range(5):
        svc.create_ticket(office.db, actor=office.clerk, title=f"T{i}", channel="phone")
    with office.db.read() as s:
        indexes = {r[1] for r in s.execute(text("PRAGMA index_list('ticket')"))}
        assert "ix_ticket_number" in indexes
        columns = [r[2] for r in s.execute(text("PRAGMA index_info('ix_ticket_number')"))]
        assert columns == ["number"]

    seen: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if "FROM ticket" in statement and "number" in statement:
            seen.append((statement, parameters))

    event.listen(office.db.engine, "before_cursor_execute", capture)
    try:
        with office.db.read() as s:
            assert len(ticket_ids_by_number(s, "clk-tst-3")) == 1
    finally:
        event.remove(office.db.engine, "before_cursor_execute", capture)
    assert len(seen) == 1
    statement, parameters = seen[0]
    with office.db.read() as s:
        raw = s.connection().connection.driver_connection
        assert raw is not None
        plan = " | ".join(row[3] for row in raw.execute("EXPLAIN QUERY PLAN " + statement, parameters))
    assert re.search(r"SEARCH ticket USING (COVERING )?INDEX ix_ticket_number \(number=\?\)", plan), plan
