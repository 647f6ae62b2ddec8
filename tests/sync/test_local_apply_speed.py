"""Applying 10,000 pulled tickets with their created entries, in pages of 1,000, stays fast."""

from __future__ import annotations

import time
from datetime import timedelta

from replicas import Relay, Replica
from sqlalchemy import func, select

from citydesk.services.bulk import BulkTicket, bulk_create_tickets
from citydesk.store.models import Ticket, TicketReporter
from citydesk.sync.compare import derived_problems
from factories import START

COUNT = 10_000
BUDGET_S = 5.0  # the budget for pull and apply of 10,000 with HTTP; measured locally ≈ 1.5 s


def test_ten_thousand_pulled_tickets_apply_within_budget(pair: list[Replica]) -> None:
    a, b = pair
    o = a.office
    rows = [
        BulkTicket(
            created_at=START - timedelta(minutes=n),
            created_by=o.clerk.user_id,
            fields={
                "title": f"Pothole number {n}",
                "description": "Deep hole",
                "category_id": o.pothole,
                "location": f"{n} Main St",
            },
            reporters=({"requester_id": o.citizen, "channel": "phone", "reply_method": "phone"},)
            if n % 2
            else (),
        )
        for n in range(COUNT)
    ]
    bulk_create_tickets(a.db, actor=o.admin, tickets=rows)
    relay = Relay()
    relay.push(a)
    assert len(relay.log) == 2 * COUNT
    started = time.perf_counter()
    results = relay.pull(b, page=1000)
    elapsed = time.perf_counter() - started
    print(f"\napplied {len(relay.log)} changes in {len(results)} pages: {elapsed:.2f} s")
    assert sum(r.applied for r in results) == 2 * COUNT and sum(r.parked for r in results) == 0
    with b.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Ticket)) == COUNT
        assert s.scalar(select(func.count()).select_from(TicketReporter)) == COUNT // 2
        hits = s.connection().exec_driver_sql(
            "SELECT count(*) FROM ticket_fts WHERE ticket_fts MATCH 'pothole'"
        )
        assert hits.scalar() == COUNT
    assert elapsed < BUDGET_S
    assert derived_problems(b.db)[:3] == []
