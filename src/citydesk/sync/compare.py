"""Comparing replicas (for tests and checks): the synced state of a database, and what its derived
rows disagree on (ticket caches against a fresh fold, reporter rows, search rows against a rebuild)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Table, select

from citydesk.domain.timeline import fold
from citydesk.store import fts, ticket_cache
from citydesk.store import statements as st
from citydesk.store.db import Database
from citydesk.store.models import Base
from citydesk.store.settings import load_calendar
from citydesk.sync import wire
from citydesk.sync.tables import SYNCED_TABLES, Merge

State = dict[str, dict[str, tuple[Any, ...]]]


def synced_state(db: Database, *, skip: Iterable[str] = ()) -> State:
    """Every synced table's synced columns (per the registry; every column of `field_clock`), by
    table and row id, values as they travel (datetimes as ISO text). Tables in `skip` are left out."""
    left_out = set(skip)
    out: State = {}
    with db.read() as session:
        for spec in SYNCED_TABLES:
            if spec.name in left_out:
                continue
            table: Table = Base.metadata.tables[spec.name]
            columns = spec.synced_columns
            rows = session.execute(select(*[table.c[c] for c in columns]))
            found: dict[str, tuple[Any, ...]] = {}
            for row in rows:
                mapping = dict(row._mapping)
                row_id = (
                    spec.row_id(mapping)
                    if spec.merge is not Merge.CLOCK
                    else ":".join(str(mapping[k]) for k in spec.key)
                )
                found[row_id] = tuple(wire.encode_value(spec.name, c, mapping[c]) for c in columns)
            out[spec.name] = found
    return out


def state_differences(a: State, b: State, *, limit: int = 20) -> list[str]:
    """What differs between two synced states (table, row id and the two rows), at most `limit` lines."""
    out: list[str] = []
    for table in sorted(set(a) | set(b)):
        rows_a, rows_b = a.get(table, {}), b.get(table, {})
        for row_id in sorted(set(rows_a) | set(rows_b)):
            if rows_a.get(row_id) != rows_b.get(row_id):
                out.append(f"{table} {row_id}: {rows_a.get(row_id)} != {rows_b.get(row_id)}")
                if len(out) >= limit:
                    return out
    return out


def _tokens(values: dict[str, str] | None) -> dict[str, list[str]] | None:
    if values is None:
        return None
    return {k: sorted(str(v or "").split()) for k, v in values.items()}


def derived_problems(db: Database) -> list[str]:
    """Tickets whose cached columns differ from a fresh fold, whose reporter rows differ from the
    fold's reporters, or whose search row differs (word for word) from a rebuild."""
    problems: list[str] = []
    with db.read() as session:
        calendar = load_calendar(session)
        conn = session.connection()
        tickets = session.execute(select(st.TICKET)).all()
        for ticket in tickets:
            state = fold(ticket_cache.load_entries(session, ticket.id))
            values = ticket_cache.folded_values(session, state, calendar=calendar)
            for name, value in values.items():
                if getattr(ticket, name) != value:
                    problems.append(
                        f"ticket {ticket.number} {name}: cached {getattr(ticket, name)!r}, fold {value!r}"
                    )
            have = {
                (r.id, r.requester_id)
                for r in session.execute(select(st.REPORTER).where(st.REPORTER.c.ticket_id == ticket.id))
            }
            want = {(r.id, r.requester_id) for r in state.reporters}
            if have != want:
                problems.append(f"ticket {ticket.number} reporters: rows {sorted(have)}, fold {sorted(want)}")
            stored, rebuilt = (
                _tokens(fts.row_text(conn, ticket.id)),
                _tokens(fts.rebuilt_text(conn, ticket.id)),
            )
            if stored != rebuilt:
                problems.append(f"ticket {ticket.number} search row: {stored} != rebuild {rebuilt}")
    return problems
