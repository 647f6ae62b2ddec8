"""Write benchmarks: one ticket per commit (service layer vs raw sqlite3) and the bulk path.

Every write benchmark runs on its own fresh copy of the cached database. Both single-ticket paths
commit each ticket with WAL and synchronous=FULL (checked, not assumed) and write the same rows:
the ticket, its `created` entry, two outbox rows, the reporter row, the number counter and
sync_state, with the full-text triggers firing.
"""

from __future__ import annotations

import itertools
import json
import random
import sqlite3
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import Any

from sqlalchemy import event, select, text

from benchmarks.core import Budget, Context, Figure, summarize
from benchmarks.synthetic import Reference, bulk_tickets

CREATE_BUDGET_P95_MS = 10.0
CREATE_BUDGET_RATE = 250.0
RATIO_BUDGET = 4.0
BULK_BUDGET_RATE = 3000.0

_TITLES = (
    "Streetlight out on Main St",
    "Pothole in front of the library",
    "Printer in the clerk's office jams",
    "Water leak in the basement of City Hall",
    "Missed trash collection on Oak St",
)


@dataclass(frozen=True, slots=True)
class NewTicket:
    """The input of one creation, identical for the service and the raw run."""

    title: str
    description: str
    category_id: str
    department_id: str
    requester_id: str
    location: str


def _inputs(ref: Reference, count: int, seed: int = 7) -> list[NewTicket]:
    rng = random.Random(seed)
    out = []
    for index in range(count):
        category_id, department_id = rng.choice(ref.categories)
        out.append(
            NewTicket(
                title=f"{rng.choice(_TITLES)} ({index})",
                description="Caller says it started yesterday evening; second call about it.",
                category_id=category_id,
                department_id=department_id,
                requester_id=rng.choice(ref.requesters),
                location=f"{rng.randint(1, 2999)} Main St",
            )
        )
    return out


@contextmanager
def count_statements(engine: Any) -> Iterator[Counter[str]]:
    """Count the SQL statements an engine sends while the block runs (`single` / `executemany`)."""
    counts: Counter[str] = Counter()

    def listener(_conn: Any, _cursor: Any, statement: str, _params: Any, _ctx: Any, many: bool) -> None:
        counts["executemany" if many else "single"] += 1
        counts[statement.split(None, 3)[0].upper() + (" (many)" if many else "")] += 1

    event.listen(engine, "before_cursor_execute", listener)
    try:
        yield counts
    finally:
        event.remove(engine, "before_cursor_execute", listener)


@contextmanager
def count_driver_statements(db: Any) -> Iterator[Counter[str]]:
    """Count the statements SQLite itself runs for a database's pooled connection while the block runs.

    Unlike `count_statements` this also sees what `store.prepared` runs on the driver cursor; the
    triggers' own statements (traced as "-- ...") and a statement's repeats as its triggers start are
    left out. The block must reuse the pooled connection (one at a time, as the service calls do).
    """
    counts: Counter[str] = Counter()
    traced: list[str] = []
    pooled = db.engine.raw_connection()
    driver = pooled.driver_connection
    driver.set_trace_callback(traced.append)
    pooled.close()
    try:
        yield counts
    finally:
        driver.set_trace_callback(None)
        own = [sql for sql in traced if not sql.startswith("--")]
        for sql, _ in itertools.groupby(own):
            counts["single"] += 1
            counts[sql.split(None, 1)[0].upper()] += 1


def _clerk(db: Any) -> Any:
    from citydesk.domain.roles import Actor, Role
    from citydesk.store.models import User

    with db.read() as session:
        row = session.execute(
            select(User.id, User.display_name)
            .where(User.role == Role.CLERK.value, User.active)
            .order_by(User.id)
            .limit(1)
        ).one()
    return Actor(user_id=row.id, role=Role.CLERK, display_name=row.display_name)


class Writer:
    """One way of creating a ticket with its own commit; `close()` releases the database."""

    pragmas: dict[str, Any]

    def create(self, item: NewTicket) -> None:
        """Create one ticket in its own durable transaction."""
        raise NotImplementedError

    def close(self) -> None:
        """Release the connection(s)."""


class ServiceWriter(Writer):
    """Through `services.tickets.create_ticket` (validation, fold, cache, outbox, FTS triggers)."""

    def __init__(self, path: Path) -> None:
        from citydesk.store.db import open_database

        self.db = open_database(path)
        self.actor = _clerk(self.db)
        with self.db.read() as session:
            self.pragmas = {
                "journal_mode": session.execute(text("PRAGMA journal_mode")).scalar_one(),
                "synchronous": session.execute(text("PRAGMA synchronous")).scalar_one(),
            }

    def create(self, item: NewTicket) -> None:
        """One `create_ticket` call."""
        from citydesk.services.tickets import create_ticket

        create_ticket(
            self.db,
            actor=self.actor,
            title=item.title,
            channel="phone",
            description=item.description,
            category_id=item.category_id,
            location=item.location,
            requester_id=item.requester_id,
        )

    def close(self) -> None:
        """Dispose of the engine."""
        self.db.close()


# fmt: off
_RAW_TICKET_COLUMNS = (
    "id", "number", "office_id", "created_at", "created_by", "title", "description", "status", "priority",
    "priority_rank", "channel", "category_id", "department_id", "location_text", "assignee_id",
    "escalation_level", "is_open", "due_at", "updated_at", "reopen_count", "first_contact_resolution",
    "time_spent_minutes", "reporter_count", "requester_name",
)
# fmt: on
_RAW_INSERT_TICKET = (
    f"INSERT INTO ticket ({', '.join(_RAW_TICKET_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _RAW_TICKET_COLUMNS)})"
)
_RAW_INSERT_ENTRY = (
    "INSERT INTO timeline_entry (id, ticket_id, kind, field, value, detail, body, public, author_id, "
    "office_id, device_id, hlc, base_entry_id, at, redacted_by) "
    "VALUES (?, ?, 'created', NULL, ?, ?, NULL, 0, ?, ?, ?, ?, NULL, ?, NULL)"
)
_RAW_INSERT_OUTBOX = (
    "INSERT INTO outbox (seq, change_id, op, table_name, row_id, field, hlc, created_at) "
    "VALUES (?, ?, ?, ?, ?, NULL, ?, ?)"
)
_RAW_INSERT_REPORTER = (
    "INSERT INTO ticket_reporter (id, ticket_id, requester_id, channel, reply_method, reported_at, entry_id) "
    "VALUES (?, ?, ?, 'phone', ?, ?, ?)"
)
_RAW_PRAGMAS = (
    "busy_timeout = 10000",
    "journal_mode = WAL",
    "synchronous = FULL",
    "foreign_keys = ON",
    "temp_store = MEMORY",
    "cache_size = -32000",
)  # the same as citydesk.store.db


def _db_time(value: datetime) -> str:
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


class RawWriter(Writer):
    """The same rows in plain sqlite3 (ids, number counter, JSON, one full ticket insert): the floor."""

    def __init__(self, path: Path, clerk_id: str) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        for pragma in _RAW_PRAGMAS:
            self.conn.execute(f"PRAGMA {pragma}")
        self.pragmas = {
            "journal_mode": self.conn.execute("PRAGMA journal_mode").fetchone()[0],
            "synchronous": self.conn.execute("PRAGMA synchronous").fetchone()[0],
        }
        self.clerk_id = clerk_id
        self.requesters = {
            rid: (name, method)
            for rid, name, method in self.conn.execute("SELECT id, name, reply_method FROM requester")
        }

    def create(self, item: NewTicket) -> None:
        """BEGIN IMMEDIATE; counter; ticket; entry; 2 outbox rows; reporter; sync_state; COMMIT."""
        from citydesk.domain.ids import uuid7
        from citydesk.domain.numbers import format_number

        conn = self.conn
        now = datetime.now(UTC)
        ms = int(now.timestamp() * 1000)
        stamp = _db_time(now)
        name, method = self.requesters.get(item.requester_id, (None, "phone"))
        conn.execute("BEGIN IMMEDIATE")
        try:
            device_id, office_id, hlc, seq, prefix = conn.execute(
                "SELECT device_id, office_id, hlc, device_seq, number_prefix FROM sync_state WHERE id = 1"
            ).fetchone()
            last_seq = conn.execute(
                "UPDATE number_counter SET last_seq = last_seq + 1 WHERE prefix = ? RETURNING last_seq",
                (prefix,),
            ).fetchone()[0]
            hlc = max(hlc + 1, ms << 16)
            ticket_id, entry_id, reporter_id = uuid7(ms), uuid7(ms), uuid7(ms)
            due = _db_time(datetime.combine(now.date() + timedelta(days=7), dtime(22), tzinfo=UTC))
            # fmt: off
            conn.execute(_RAW_INSERT_TICKET, (
                ticket_id, format_number(prefix, last_seq), office_id, stamp, self.clerk_id, item.title,
                item.description, "new", "P3", 3, "phone", item.category_id, item.department_id,
                item.location, None, 0, 1, due, stamp, 0, 0, 0, 1, name,
            ))
            conn.execute(_RAW_INSERT_OUTBOX, (seq + 1, uuid7(ms), "insert", "ticket", ticket_id, hlc, stamp))
            value = {
                "title": item.title, "description": item.description, "status": "new", "priority": "P3",
                "channel": "phone", "category_id": item.category_id, "department_id": item.department_id,
                "location": {"text": item.location}, "assignee_id": None, "escalation_level": 0,
            }
            reporter = {"id": reporter_id, "requester_id": item.requester_id, "channel": "phone",
                        "reply_method": method}
            conn.execute(_RAW_INSERT_ENTRY, (
                entry_id, ticket_id, json.dumps(value), json.dumps({"reporter": reporter}), self.clerk_id,
                office_id, device_id, hlc, stamp,
            ))
            # fmt: on
            conn.execute(
                _RAW_INSERT_OUTBOX, (seq + 2, uuid7(ms), "entry", "timeline_entry", entry_id, hlc, stamp)
            )
            conn.execute(
                _RAW_INSERT_REPORTER, (reporter_id, ticket_id, item.requester_id, method, stamp, entry_id)
            )
            conn.execute("UPDATE sync_state SET hlc = ?, device_seq = ? WHERE id = 1", (hlc, seq + 2))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()


def _timed(writer: Writer, item: NewTicket) -> float:
    started = time.perf_counter()
    writer.create(item)
    return (time.perf_counter() - started) * 1000


def bench_create(ctx: Context) -> list[Figure]:
    """Measurements 1 and 2: create_ticket one commit each, and raw sqlite3 with the same durability.

    The two paths write to separate fresh copies and alternate ticket by ticket, so both see the
    same machine load (other work on a shared machine would otherwise skew the ratio).
    """
    from citydesk.store.db import open_database

    count = 100 if ctx.quick else 300
    warmup = 10
    db = open_database(ctx.database)
    try:
        ref = Reference.load(db)
    finally:
        db.close()
    inputs = _inputs(ref, warmup + 1 + count)
    service_samples: list[float] = []
    raw_samples: list[float] = []
    with ctx.copy("create-service") as service_path, ctx.copy("create-raw") as raw_path:
        service = ServiceWriter(service_path)
        raw = RawWriter(raw_path, service.actor.user_id)
        try:
            for item in inputs[:warmup]:
                service.create(item)
                raw.create(item)
            with count_driver_statements(service.db) as counts:
                service.create(inputs[warmup])
            raw.create(inputs[warmup])
            ctx.log(f"  create_ticket and raw sqlite3, alternating, × {count} each ...")
            started = time.perf_counter()
            for item in inputs[warmup + 1 :]:
                service_samples.append(_timed(service, item))
                raw_samples.append(_timed(raw, item))
            wall = time.perf_counter() - started
        finally:
            service.close()
            raw.close()

    s, r = summarize(service_samples), summarize(raw_samples)
    rate = len(service_samples) / (sum(service_samples) / 1000)
    raw_rate = len(raw_samples) / (sum(raw_samples) / 1000)
    durable = all(
        str(w.pragmas["journal_mode"]).lower() == "wal" and int(w.pragmas["synchronous"]) == 2
        for w in (service, raw)
    )
    detail = {
        "service": s.to_json(),
        "raw": r.to_json(),
        "service_pragmas": service.pragmas,
        "raw_pragmas": raw.pragmas,
        "statements_per_create_ticket": dict(counts),
        "wall_seconds_both": round(wall, 2),
    }
    ms, per_s = "ms", "tickets/s"
    rate_budget = Budget(CREATE_BUDGET_RATE, at_most=False)
    return [
        Figure("create.p50_ms", "create_ticket p50", s.p50, ms, detail=detail),
        Figure("create.p95_ms", "create_ticket p95", s.p95, ms, Budget(CREATE_BUDGET_P95_MS)),
        Figure("create.max_ms", "create_ticket max", s.max, ms),
        Figure("create.rate", "create_ticket throughput", rate, per_s, rate_budget),
        Figure("create.raw_p50_ms", "raw sqlite3 p50", r.p50, ms),
        Figure("create.raw_p95_ms", "raw sqlite3 p95", r.p95, ms),
        Figure("create.raw_rate", "raw sqlite3 throughput", raw_rate, per_s),
        Figure(
            "create.ratio",
            "service / raw (p50)",
            s.p50 / r.p50,
            "×",
            Budget(RATIO_BUDGET),
            detail={"mean_ratio": round(s.mean / r.mean, 2)},
        ),
        Figure(
            "create.durability",
            "WAL + synchronous=FULL",
            None,
            passed=durable,
            note="both paths" if durable else "NOT durable",
        ),
    ]


def bench_bulk(ctx: Context) -> list[Figure]:
    """Measurement 3: `services.bulk.bulk_create_tickets`, created + 4 entries per ticket, outbox on."""
    from citydesk.domain.roles import SYSTEM_ACTOR
    from citydesk.services.bulk import bulk_create_tickets
    from citydesk.store.db import open_database
    from citydesk.store.models import Ticket

    count = 2_000 if ctx.quick else 20_000
    with ctx.copy("bulk") as path:
        db = open_database(path)
        try:
            ref = Reference.load(db)
            with db.read() as session:
                newest = session.scalar(select(Ticket.created_at).order_by(Ticket.created_at.desc()).limit(1))
            start = (newest or datetime.now(UTC)) + timedelta(hours=1)
            tickets = list(
                bulk_tickets(ref, count=count, rng=random.Random(11), start=start, step=timedelta(minutes=7))
            )
            ctx.log(f"  bulk_create_tickets × {count:,} (5 entries each, outbox on) ...")
            with count_statements(db.engine) as counts:
                started = time.perf_counter()
                result = bulk_create_tickets(db, actor=SYSTEM_ACTOR, tickets=tickets, capture=True)
                seconds = time.perf_counter() - started
        finally:
            db.close()
    detail = {
        "tickets": result.count,
        "entries": result.entries,
        "seconds": round(seconds, 2),
        "entries_per_second": round(result.entries / seconds),
        "statements": dict(counts.most_common(12)),
    }
    return [
        Figure(
            "bulk.rate",
            f"bulk_create_tickets ({count:,} × 5 entries)",
            result.count / seconds,
            "tickets/s",
            Budget(BULK_BUDGET_RATE, at_most=False),
            detail=detail,
        )
    ]
