"""Requesters window read queries on the cached database (≈20,000 requesters): listing, a page, one person.

Reads only, so the cached database is used as it is. No issue sets a budget for these; the window
runs them on a reader thread, so the figures say how soon the list and the form fill in.
"""

from __future__ import annotations

from sqlalchemy import func, select

from benchmarks.core import Context, Figure, summarize, time_calls


def bench_requesters(ctx: Context) -> list[Figure]:
    """Median times of the Requesters window's queries (all ids, a page of rows, a busy requester)."""
    from citydesk.store import requesters_view as rv
    from citydesk.store.db import open_database
    from citydesk.store.models import TicketReporter

    runs = 10 if ctx.quick else 40
    db = open_database(ctx.database)
    figures = []
    try:
        with db.read() as session:
            ids = rv.search_requester_ids(session, "")
            busiest, reported = session.execute(
                select(TicketReporter.requester_id, func.count())
                .group_by(TicketReporter.requester_id)
                .order_by(func.count().desc())
                .limit(1)
            ).one()

            def every() -> object:
                return rv.search_requester_ids(session, "")

            def surname() -> object:
                return rv.search_requester_ids(session, "smi")

            def page() -> object:
                return rv.requester_rows(session, ids[:100])

            def person() -> object:
                return rv.requester_detail(session, busiest), rv.requester_tickets(session, busiest)

            cases = (
                ("all_ids", f"Requesters: every id in name order ({len(ids):,})", every),
                ("name", "Requesters: search a surname prefix (“smi”)", surname),
                ("page", "Requesters: one page of 100 rows with ticket counts", page),
                ("detail", f"Requesters: form and tickets of the busiest ({reported:,} tickets)", person),
            )
            for key, label, call in cases:
                s = summarize(time_calls(call, runs=runs, warmup=2))
                figures.append(Figure(f"requesters.{key}_ms", label, s.p50, "ms", detail=s.to_json()))
    finally:
        db.close()
    return figures
