"""A surge week for the report benchmark: the demo city's own tickets replayed into one week.

`add_surge(db, year=, week=, now=)` copies the requests created in the two weeks before the given
week into it (each shifted forward by one or two weeks, with its timeline up to the city's last
recorded instant, so later steps stay in the future as they would in a real surge: the
same titles, places, people, channels, responses, notes and resolutions as the originals) until the
week holds `TARGET_REQUESTS` requests, a quarter of them P1 (a storm: the copies made P1 keep that
priority). They are written through the public bulk path (`services.bulk.bulk_create_tickets`), so
they have their numbers, folded caches, reporters, outbox rows and search index like any ticket.
Run it on a COPY of the cached database only.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from citydesk.domain.priorities import Priority

TARGET_REQUESTS = 2_500
P1_SHARE = 0.25
KEEP_DETAIL = ("reporter", "intake_answers")


@dataclass(frozen=True)
class SurgeWeek:
    """What `add_surge` made: the week's requests and P1 requests afterwards, and the copies added."""

    requests: int
    p1: int
    added: int


def _week_counts(session: Any, start: datetime, end: datetime) -> tuple[int, int]:
    from citydesk.store.models import Ticket

    rows = dict(
        session.execute(
            select(Ticket.priority, func.count())
            .where(Ticket.created_at >= start, Ticket.created_at < end)
            .group_by(Ticket.priority)
        ).all()
    )
    requests = sum(n for p, n in rows.items() if p != Priority.OPS.value)
    return requests, int(rows.get(Priority.P1.value, 0))


def add_surge(db: Any, *, year: int, week: int) -> SurgeWeek:
    """Replay earlier requests into ISO week (year, week) until it is a surge week (see the module)."""
    from citydesk.domain.clock import to_ms
    from citydesk.domain.ids import uuid7
    from citydesk.domain.roles import SYSTEM_ACTOR
    from citydesk.domain.timeline import EntryKind
    from citydesk.services.bulk import BulkEntry, BulkTicket, bulk_create_tickets
    from citydesk.store.models import Ticket, TimelineEntry
    from citydesk.store.settings import load_calendar

    with db.read() as session:
        calendar = load_calendar(session)
        start, end = calendar.week_bounds(year, week)
        last = session.scalar(select(func.max(TimelineEntry.at)))
        if last is None or last < end:
            raise ValueError(f"{year}-W{week:02d} is not over in this database (it ends {last})")
        requests, p1 = _week_counts(session, start, end)
        wanted = max(0, TARGET_REQUESTS - requests)
        p1_wanted = max(0, round(TARGET_REQUESTS * P1_SHARE) - p1)
        sources: list[tuple[Any, timedelta]] = []
        for weeks_back in (1, 2, 3, 4):
            shift = timedelta(weeks=weeks_back)
            rows = session.execute(
                select(Ticket.id, Ticket.created_at, Ticket.office_id)
                .where(
                    Ticket.created_at >= start - shift,
                    Ticket.created_at < end - shift,
                    Ticket.priority != Priority.OPS.value,
                )
                .order_by(Ticket.created_at)
            ).all()
            sources += [(row, shift) for row in rows]
            if len(sources) >= wanted:
                break
        sources = sources[:wanted]
        entries: dict[str, list[Any]] = defaultdict(list)
        ids = [row.id for row, _shift in sources]
        for chunk in range(0, len(ids), 500):
            for entry in session.scalars(
                select(TimelineEntry)
                .where(TimelineEntry.ticket_id.in_(ids[chunk : chunk + 500]))
                .order_by(TimelineEntry.ticket_id, TimelineEntry.hlc, TimelineEntry.id)
            ):
                entries[entry.ticket_id].append(entry)
        p1_every = len(sources) / p1_wanted if p1_wanted else 0.0
        tickets = []
        for index, (row, shift) in enumerate(sources):
            created, *later = entries[row.id]
            make_p1 = p1_every > 0 and int(index / p1_every) != int((index + 1) / p1_every)
            fields = dict(created.value)
            if make_p1:
                fields["priority"] = Priority.P1.value
            detail = dict(created.detail or {})
            replayed = []
            for e in later:
                at = e.at + shift
                if at > last or (make_p1 and e.kind == EntryKind.PRIORITY.value):
                    continue
                if e.kind == EntryKind.REPORTER_ADDED.value and at == created.at + shift:
                    continue  # written again from the reporters below
                extra = dict(e.detail or {})
                if isinstance(extra.get("at"), str):  # an appointment's time moves with its ticket
                    extra["at"] = (datetime.fromisoformat(extra["at"]) + shift).isoformat()
                if "reporter" in extra:
                    extra["reporter"] = {k: v for k, v in extra["reporter"].items() if k != "id"}
                    extra["reporter"]["id"] = uuid7(to_ms(at))
                replayed.append(
                    BulkEntry(EntryKind(e.kind), at, e.author_id, e.field, e.value, extra, e.body, e.public)
                )
            reporters = [detail["reporter"]] if detail.get("reporter") else []
            reporters += [
                e.detail["reporter"]
                for e in later
                if e.kind == EntryKind.REPORTER_ADDED.value and e.at == created.at and e.detail
            ]
            tickets.append(
                BulkTicket(
                    created_at=created.at + shift,
                    created_by=created.author_id,
                    fields=fields,
                    reporters=tuple({k: v for k, v in r.items() if k != "id"} for r in reporters),
                    entries=tuple(replayed),
                    office_id=row.office_id,
                    intake_answers=detail.get("intake_answers"),
                    extra={k: v for k, v in detail.items() if k not in KEEP_DETAIL},
                )
            )
    result = bulk_create_tickets(db, actor=SYSTEM_ACTOR, tickets=tickets, capture=True)
    with db.read() as session:
        requests, p1 = _week_counts(session, start, end)
    return SurgeWeek(requests, p1, result.count)
