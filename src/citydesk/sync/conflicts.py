"""Conflicts, derived (never synced): two or more entries on the same shown field of a ticket
(`merge.CONFLICT_FIELDS`: assignee, priority, status, title, description) with the same base entry and
different values, not settled by an entry whose `detail["settles"]` lists all their ids.

Entries without a base from one device are not a conflict: the bulk path (the demo city, a CSV import
with history) writes a ticket's later entries in order without bases, one after the other on one PC.
Every entry a service writes has a base (the created entry sets every shown field).

Every replica holding the same entries derives the same conflicts. A resolution is an ordinary entry
of the field's kind with `detail = {"settles": [entry ids]}` (written by a service, not here).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, or_, select

from citydesk.domain.timeline import Entry, EntryKind, is_known_kind
from citydesk.store import statements as st
from citydesk.store import ticket_cache
from citydesk.store.db import Database
from citydesk.sync.merge import CONFLICT_FIELDS


@dataclass(frozen=True, slots=True)
class ConflictSide:
    """One of the competing entries: its value and who wrote it, where and when."""

    entry_id: str
    value: Any
    author_id: str
    author_name: str | None
    office_id: str | None
    device_id: str
    at: datetime
    hlc: int


@dataclass(frozen=True, slots=True)
class Conflict:
    """Concurrent different edits of one shown field of a ticket, in fold order (the last one won)."""

    ticket_id: str
    number: str
    field: str
    base_entry_id: str | None
    entries: tuple[ConflictSide, ...]


@dataclass(frozen=True, slots=True)
class ConflictGroup:
    """A conflict found in a ticket's entries (pure; `open_conflicts` adds names and the number)."""

    field: str
    base_entry_id: str | None
    entries: tuple[Entry, ...]


def _value_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def ticket_conflicts(entries: Sequence[Entry]) -> list[ConflictGroup]:
    """The open conflicts among one ticket's entries (any order in, fold order out, sorted by field
    and base)."""
    settled: list[set[str]] = []
    groups: dict[tuple[str, str | None], list[Entry]] = {}
    for entry in entries:
        settles = entry.detail.get("settles") if isinstance(entry.detail, dict) else None
        if isinstance(settles, list):
            settled.append({str(s) for s in settles})
        if entry.field in CONFLICT_FIELDS and entry.kind is not EntryKind.CREATED:
            groups.setdefault((entry.field, entry.base_entry_id), []).append(entry)
    out = []
    for (name, base), group in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        if len(group) < 2 or len({_value_key(e.value) for e in group}) < 2:
            continue
        if base is None and len({e.device_id for e in group}) < 2:
            continue  # written in order by the bulk path, not concurrently
        ids = {e.id for e in group}
        if any(ids <= s for s in settled):
            continue
        out.append(ConflictGroup(name, base, tuple(sorted(group, key=lambda e: e.order_key))))
    return out


RANGE_TICKETS = 10_000  # tickets a candidate query groups at once (its temporary tree lives in memory)


def _ticket_ranges(session: Any) -> list[tuple[str, str | None]]:
    """Ticket id ranges of about RANGE_TICKETS tickets each, [low, high) in id order (the last open)."""
    numbered = select(
        st.TICKET.c.id, func.row_number().over(order_by=st.TICKET.c.id).label("n")
    ).subquery()
    starts = list(session.scalars(
        select(numbered.c.id).where((numbered.c.n - 1) % RANGE_TICKETS == 0).order_by(numbered.c.id)
    ))  # fmt: skip
    return [(low, starts[i + 1] if i + 1 < len(starts) else None) for i, low in enumerate(starts)]


def open_conflicts(db: Database, ticket_ids: Collection[str] | None = None) -> list[Conflict]:
    """Every open conflict of the database (or only those of `ticket_ids`), by ticket number then
    field."""
    entry = st.ENTRY
    candidates = (
        select(entry.c.ticket_id)
        .where(entry.c.field.in_(CONFLICT_FIELDS), entry.c.kind != EntryKind.CREATED.value)
        .group_by(entry.c.ticket_id, entry.c.field, entry.c.base_entry_id)
        .having(
            func.count(func.distinct(func.coalesce(entry.c.value, "null"))) > 1,
            or_(entry.c.base_entry_id.is_not(None), func.count(func.distinct(entry.c.device_id)) > 1),
        )
    )
    out: list[Conflict] = []
    with db.read() as session:
        if ticket_ids is None:  # by ranges of tickets: each GROUP BY's temporary tree stays small
            scopes = [
                and_(entry.c.ticket_id >= low, entry.c.ticket_id < high) if high else entry.c.ticket_id >= low
                for low, high in _ticket_ranges(session)
            ]
        else:  # only those with a candidate group: a pulled page of plain changes reads no entries at all
            asked = sorted(set(ticket_ids))
            scopes = [entry.c.ticket_id.in_(asked[i : i + 500]) for i in range(0, len(asked), 500)]
        wanted = sorted({found for scope in scopes for found in session.scalars(candidates.where(scope))})
        if not wanted:
            return []
        names = {r.id: r.display_name for r in session.execute(select(st.USER.c.id, st.USER.c.display_name))}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            numbers = {
                r.id: r.number
                for r in session.execute(
                    select(st.TICKET.c.id, st.TICKET.c.number).where(st.TICKET.c.id.in_(chunk))
                )
            }
            rows = session.execute(select(entry).where(entry.c.ticket_id.in_(chunk))).all()
            offices = {r.id: r.office_id for r in rows}
            by_ticket: dict[str, list[Entry]] = {}
            for row in rows:
                if is_known_kind(row.kind):
                    by_ticket.setdefault(row.ticket_id, []).append(ticket_cache.to_entry(row))
            for ticket_id in chunk:
                for group in ticket_conflicts(by_ticket.get(ticket_id, [])):
                    sides = tuple(
                        ConflictSide(
                            e.id,
                            e.value,
                            e.author_id,
                            names.get(e.author_id),
                            offices.get(e.id),
                            e.device_id,
                            e.at,
                            e.hlc,
                        )
                        for e in group.entries
                    )
                    out.append(
                        Conflict(
                            ticket_id, numbers.get(ticket_id, ""), group.field, group.base_entry_id, sides
                        )
                    )
    out.sort(key=lambda c: (c.number, c.field, c.base_entry_id or ""))
    return out
