"""Status questions and receipt slips (issue 4 items 4–5) at 100k tickets: the lookup by number, phone
or name (Enter → list or view), the read-aloud view, and one receipt slip written as a PDF.

The issue gives no millisecond budget ("answer in seconds"); the figures show how far below that
the desk stays. Every call runs in its own read session, as the dialog's background queries do.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from benchmarks.core import Context, Figure, summarize, time_calls


def bench_status(ctx: Context) -> list[Figure]:
    """Status lookup (number, phone, name), the read-aloud view, and a receipt PDF."""
    from citydesk.reports.receipt import write_receipt_pdf
    from citydesk.store.db import open_database
    from citydesk.store.models import Requester, Ticket, TicketReporter
    from citydesk.store.receipts import receipt_data
    from citydesk.store.status import status_matches, status_view

    rng = random.Random(5)
    runs = 2 if ctx.quick else 5
    figures: list[Figure] = []
    db = open_database(ctx.database)
    try:
        with db.read() as session:
            numbers = [n for (n,) in session.execute(select(Ticket.number).order_by(func.random()).limit(20))]
            people = session.execute(
                select(Requester.name, Requester.phone)
                .join(TicketReporter, TicketReporter.requester_id == Requester.id)
                .where(Requester.phone.is_not(None), Requester.name.is_not(None))
                .order_by(func.random())
                .limit(20)
            ).all()
            ticket_ids = [t for (t,) in session.execute(select(Ticket.id).order_by(func.random()).limit(20))]
        typed = {
            "number": numbers,
            "phone": [p for _n, p in people],
            "name": [n.split()[rng.randrange(len(n.split()))] for n, _p in people],
        }
        for kind, texts in typed.items():
            hits: list[int] = []

            def lookup(text: str, hits: list[int] = hits) -> None:
                with db.read() as session:
                    hits.append(len(status_matches(session, text)))

            samples: list[float] = []
            for text in texts:
                samples += time_calls(lambda text=text: lookup(text), runs=runs, warmup=1)
            s = summarize(samples)
            figures.append(
                Figure(f"status.lookup_{kind}_p95_ms", f"status question by {kind}: p95 (p50 {s.p50:.2f})",
                       s.p95, "ms", detail={"stats": s.to_json(), "mean_hits": sum(hits) / max(1, len(hits))})
            )  # fmt: skip

        def view(ticket_id: str) -> None:
            with db.read() as session:
                status_view(session, ticket_id)

        samples = []
        for ticket_id in ticket_ids:
            samples += time_calls(lambda ticket_id=ticket_id: view(ticket_id), runs=runs, warmup=1)
        s = summarize(samples)
        figures.append(Figure("status.view_p95_ms", f"status view (read aloud): p95 (p50 {s.p50:.2f})", s.p95,
                              "ms", detail={"stats": s.to_json()}))  # fmt: skip
        folder = Path(tempfile.mkdtemp(prefix="citydesk-bench-receipt-"))

        def slip(ticket_id: str, layout: str) -> Any:
            with db.read() as session:
                data = receipt_data(session, ticket_id)
            return write_receipt_pdf(data, layout, folder / "slip.pdf")

        for layout in ("half_letter", "thermal_80"):
            samples = []
            for ticket_id in ticket_ids[:10]:
                samples += time_calls(lambda t=ticket_id, lay=layout: slip(t, lay), runs=runs, warmup=1)
            s = summarize(samples)
            figures.append(Figure(f"receipt.pdf_{layout}_p50_ms", f"receipt slip PDF, {layout}: p50 (p95 "
                                  f"{s.p95:.1f})", s.p50, "ms", detail={"stats": s.to_json()}))  # fmt: skip
    finally:
        db.close()
    return figures
