"""Applying pulled changes, part two: one page's changes, in batches, with parking and the refold.

`PageApply.run` takes a list of changes: prepares each (`apply_rows.prepare`), orders them parents
first (reference rows, requesters, addresses, receipt texts, tickets, entries, contacts), looks up in a
few queries which rows they name already exist, parks what cannot apply yet in `deferred_change`
(an orphan with `depends_on="table:id"`, anything else with its reason), merges `row` changes one by
one (each in a savepoint), and inserts tickets, entries and contacts with one executemany each
(insert-if-absent: an id already here is skipped, never replaced). A ticket whose entries arrive with
it is inserted complete (folded from them), so its search row is right from the insert trigger.
`finish` refolds every ticket the page touched in batches (`ticket_cache.refresh_batch`). Called
inside `sync.apply`'s transaction only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, overload

from sqlalchemy import Table, delete, func, select, text, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from citydesk.domain.calendar import BusinessCalendar
from citydesk.domain.timeline import Entry, fold, is_known_kind
from citydesk.store import statements as st
from citydesk.store import ticket_cache
from citydesk.store.merges import families
from citydesk.store.models import Base, DeferredChange
from citydesk.store.settings import load_calendar
from citydesk.sync import merge
from citydesk.sync.apply_rows import CALENDAR_SETTINGS, Prepared, Unfit, apply_row, missing_reference, prepare
from citydesk.sync.tables import SYNCED_TABLES, Merge
from citydesk.sync.wire import Change, Op

_RANK = {t.name: i for i, t in enumerate(SYNCED_TABLES)}
_CHUNK = 500
_REFERENCE_TABLES = frozenset(t.name for t in SYNCED_TABLES if t.merge is Merge.REFERENCE) | {"receipt_text"}


@dataclass
class PageApply:
    """The state of applying one page (and the parked changes it frees) in one transaction."""

    session: Session
    now: datetime
    applied: int = 0
    parked: int = 0
    hlcs: list[int] = field(default_factory=list)
    arrived: set[str] = field(default_factory=set)  # "table:id" of rows inserted (frees parked changes)
    new_tickets: set[str] = field(default_factory=set)  # inserted complete (folded) in this round
    touched_tickets: set[str] = field(default_factory=set)  # need a refold at `finish`
    ticket_ids: set[str] = field(default_factory=set)  # every ticket changed (the result)
    requester_ids: set[str] = field(default_factory=set)
    renamed_requesters: set[str] = field(default_factory=set)
    retargeted_categories: set[str] = field(default_factory=set)
    calendar_changed: bool = False
    reference_changed: bool = False
    _calendar: BusinessCalendar | None = None

    @property
    def calendar(self) -> BusinessCalendar:
        """The city's calendar as of the rows applied so far."""
        if self._calendar is None:
            self._calendar = load_calendar(self.session)
        return self._calendar

    # ---- parking -----------------------------------------------------------------------------------

    def park(self, change: Change, reason: str, depends_on: str | None = None) -> None:
        """Keep a change this version cannot apply now in `deferred_change` (replacing an older parking)."""
        stmt = sqlite_insert(DeferredChange).values(
            change_id=change.change_id,
            payload=change.to_json(),
            reason=reason[:2000],
            received_at=self.now,
            table_name=change.table[:40],
            depends_on=depends_on,
        )
        self.session.execute(
            stmt.on_conflict_do_update(
                index_elements=["change_id"],
                set_={"reason": stmt.excluded.reason, "depends_on": stmt.excluded.depends_on},
            )
        )
        self.parked += 1

    # ---- one round ---------------------------------------------------------------------------------

    def run(self, changes: Sequence[Change]) -> None:
        """Apply (or park) each change; rows first, then tickets, entries and contacts in batches."""
        ready: list[Prepared] = []
        self.new_tickets = set()  # folded complete from this round's entries only
        for change in changes:
            self.hlcs.append(change.hlc)
            self.hlcs += [c.hlc for c in change.clocks.values()]
            try:
                prepared = prepare(change)
                prepared.refs()  # a malformed reference is this change's problem, not the page's
            except Unfit as exc:
                self.park(change, exc.reason, exc.depends_on)
                continue
            except Exception as exc:
                self.park(change, f"could not read the change: {exc!r}")
                continue
            if prepared.unknown:  # the known columns apply now; a copy waits for a newer version
                names = ", ".join(prepared.unknown)
                self.park(change, f"columns from a newer version ({names}): the known ones were applied")
                self.parked -= 1
            ready.append(prepared)
        ready.sort(key=lambda p: _RANK[p.spec.name])
        present = self._present(ready)
        rows = [p for p in ready if p.change.op is Op.ROW]
        for prepared in rows:
            self._one_row(prepared, present)
        tickets = [p for p in ready if p.spec.name == "ticket"]
        entries = [p for p in ready if p.spec.name == "timeline_entry"]
        contacts = [p for p in ready if p.spec.name == "contact_log"]
        accepted_tickets = self._accept(tickets, present)
        accepted_entries = self._accept(entries, present)
        self._insert_tickets(accepted_tickets, accepted_entries)
        self._insert_entries(accepted_entries)
        self._insert_plain(self._accept(contacts, present), "contact_log")

    def _present(self, ready: Sequence[Prepared]) -> dict[str, set[str]]:
        """Which of the rows the changes name (themselves and their references) exist here."""
        wanted: dict[str, set[str]] = defaultdict(set)
        for prepared in ready:
            wanted[prepared.spec.name].add(prepared.change.row_id)
            for table, row_id in prepared.refs():
                wanted[table].add(row_id)
        present: dict[str, set[str]] = {}
        for table_name, ids in wanted.items():
            present[table_name] = existing_ids(self.session, table_name, ids)
        return present

    def _one_row(self, prepared: Prepared, present: dict[str, set[str]]) -> None:
        change = prepared.change
        waits = missing_reference(change, present, prepared.refs())
        if waits is not None:
            self.park(change, f"waits for {waits}", waits)
            return
        rows = present.setdefault(prepared.spec.name, set())
        try:
            with self.session.begin_nested():
                effects = apply_row(self.session, prepared, exists=change.row_id in rows)
        except Exception as exc:
            self.park(change, f"could not apply: {exc}")
            return
        self.applied += 1
        if effects.inserted:
            rows.add(change.row_id)
            self.arrived.add(f"{prepared.spec.name}:{change.row_id}")
        if not effects.won and not effects.inserted:
            return
        table = prepared.spec.name
        if table in _REFERENCE_TABLES:
            self.reference_changed = True
        if table == "requester":
            self.requester_ids.add(change.row_id)
            if {"name", "anonymous", "merged_into"} & set(effects.won):
                self.renamed_requesters.add(change.row_id)
        elif table == "category" and "target_business_days" in effects.won:
            self.retargeted_categories.add(change.row_id)
        elif table == "city_setting" and change.row_id in CALENDAR_SETTINGS:
            self.calendar_changed = True
            self._calendar = None

    def _accept(self, prepared: Sequence[Prepared], present: dict[str, set[str]]) -> list[Prepared]:
        """The inserts to write: not here yet, every row they name present (others parked)."""
        out = []
        seen = present.setdefault(prepared[0].spec.name, set()) if prepared else set()
        for item in prepared:
            change = item.change
            if change.row_id in seen:
                self.applied += 1  # already here (an echo or a repeat): nothing to do
                continue
            waits = missing_reference(change, present, item.refs())
            if waits is not None:
                self.park(change, f"waits for {waits}", waits)
                continue
            seen.add(change.row_id)
            out.append(item)
        return out

    # ---- batched inserts --------------------------------------------------------------------------

    def _insert_tickets(self, tickets: list[Prepared], entries: list[Prepared]) -> None:
        if not tickets:
            return
        by_ticket: dict[str, list[Entry]] = defaultdict(list)
        new_ids = {p.change.row_id for p in tickets}
        for item in entries:
            ticket_id = item.values["ticket_id"]
            if ticket_id in new_ids and is_known_kind(item.values["kind"]):
                by_ticket[ticket_id].append(entry_of(item.values))
        rows, reporters = [], []
        names: dict[str | None, str | None] = {}
        targets: dict[str | None, int | None] = {}
        for item in tickets:
            ticket_id = item.change.row_id
            state = fold(by_ticket.get(ticket_id, ()))
            first = state.reporters[0].requester_id if state.reporters else None
            if first not in names:
                names[first] = ticket_cache.requester_display_name(self.session, first)
            category = state.fields.get("category_id")
            if category not in targets:
                targets[category] = ticket_cache.category_target(self.session, category)
            cache = ticket_cache.cache_values(
                state, calendar=self.calendar, target_days=targets[category], requester_name=names[first]
            )
            if cache["updated_at"] is None:
                cache["updated_at"] = item.values["created_at"]
            rows.append({**cache, **{k: item.values[k] for k in ("id", *SYNCED_TICKET)}})
            if len(state.reporters) > 1:
                self.touched_tickets.add(ticket_id)  # the reporter count follows merges: refold
            reporters += [
                {
                    "id": r.id,
                    "ticket_id": ticket_id,
                    "requester_id": r.requester_id,
                    "channel": r.channel,
                    "reply_method": r.reply_method,
                    "reported_at": r.reported_at,
                    "entry_id": r.entry_id,
                }
                for r in state.reporters
            ]
        inserted = self._insert_many(st.RUN_INSERT_TICKET, rows, tickets)
        for ticket_id in inserted:
            self.new_tickets.add(ticket_id)
            self.ticket_ids.add(ticket_id)
            self.arrived.add(f"ticket:{ticket_id}")
        ok = [r for r in reporters if r["ticket_id"] in inserted]
        if ok:
            st.RUN_INSERT_REPORTER.execute_many(self.session, ok)

    def _insert_entries(self, entries: list[Prepared]) -> None:
        if not entries:
            return
        ids = [p.change.row_id for p in entries]
        blanked = redactions_of(self.session, ids)
        redactions: list[tuple[str, str]] = []
        for item in entries:
            target = merge.redaction_target(item.change)
            if target is not None:
                blanked.setdefault(target, item.change.row_id)
                redactions.append((target, item.change.row_id))
        rows = []
        for item in entries:
            row = {name: item.values.get(name) for name in ENTRY_COLUMNS}
            row["redacted_by"] = blanked.get(item.change.row_id)
            if row["redacted_by"] is not None:
                row["body"] = None
            rows.append(row)
        inserted = set(self._insert_many(st.RUN_INSERT_ENTRY, rows, entries))
        for item in entries:
            if item.change.row_id not in inserted:
                continue
            ticket_id = item.values["ticket_id"]
            self.ticket_ids.add(ticket_id)
            self.arrived.add(f"timeline_entry:{item.change.row_id}")
            if ticket_id not in self.new_tickets:
                self.touched_tickets.add(ticket_id)
        for item in entries:  # folded with its body when its ticket was inserted: refold blank
            if item.change.row_id in inserted and blanked.get(item.change.row_id) is not None:
                self.touched_tickets.add(item.values["ticket_id"])
        done = [(t, r) for t, r in redactions if r in inserted]
        if done:
            blanked_tickets = blank_bodies(self.session, done)
            self.ticket_ids |= blanked_tickets
            self.touched_tickets |= blanked_tickets  # a blank resolution note is no first response

    def _insert_plain(self, items: list[Prepared], table_name: str) -> None:
        if not items:
            return
        table: Table = Base.metadata.tables[table_name]
        rows = [{c.name: p.values.get(c.name) for c in table.columns} for p in items]
        for row_id in self._insert_many(table.insert(), rows, items):
            self.arrived.add(f"{table_name}:{row_id}")

    def _insert_many(
        self, statement: Any, rows: list[dict[str, Any]], items: Sequence[Prepared]
    ) -> list[str]:
        """Insert rows in one executemany; if that fails, one by one (each failure parked). Returns
        the ids inserted."""
        try:
            with self.session.begin_nested():
                _execute_many(self.session, statement, rows)
            self.applied += len(items)
            return [p.change.row_id for p in items]
        except Exception:
            pass
        done = []
        for row, item in zip(rows, items, strict=True):
            try:
                with self.session.begin_nested():
                    _execute_many(self.session, statement, [row])
            except Exception as exc:
                self.park(item.change, f"could not apply: {exc}")
                continue
            self.applied += 1
            done.append(item.change.row_id)
        return done

    # ---- after the changes --------------------------------------------------------------------------

    def finish(self) -> None:
        """Refold the tickets the page touched (entries, requesters, category targets, calendar)."""
        session = self.session
        refold = set(self.touched_tickets)
        if self.renamed_requesters:
            members = set().union(*families(session, sorted(self.renamed_requesters)).values())
            refold |= tickets_of_requesters(session, members)
        if self.retargeted_categories:
            ticket = st.TICKET
            for chunk in _chunks(sorted(self.retargeted_categories)):
                refold |= set(session.scalars(select(ticket.c.id).where(ticket.c.category_id.in_(chunk))))
        if self.calendar_changed:
            refold |= set(session.scalars(select(st.TICKET.c.id).where(st.TICKET.c.is_open.is_(True))))
        if refold:
            ticket_cache.refresh_batch(session, refold, calendar=self.calendar)
        self.ticket_ids |= refold


SYNCED_TICKET = ("number", "office_id", "created_at", "created_by")
ENTRY_COLUMNS = tuple(c.name for c in st.ENTRY.columns)


def _execute_many(session: Session, statement: Any, rows: list[dict[str, Any]]) -> None:
    if hasattr(statement, "execute_many"):
        statement.execute_many(session, rows)
    else:
        session.execute(statement, rows)


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def entry_of(values: dict[str, Any]) -> Entry:
    """The plain Entry of a decoded entry change (known kinds only)."""
    return ticket_cache.to_entry(_Row(values))


class _Row:
    """Attribute access over a dict (for `ticket_cache.to_entry`)."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__.update(values)


def existing_ids(session: Session, table_name: str, ids: Iterable[str]) -> set[str]:
    """The ids (row ids: "es:heading" for a two-column key) of rows of a table that exist here."""
    spec = next((t for t in SYNCED_TABLES if t.name == table_name), None)
    table: Table | None = Base.metadata.tables.get(table_name)
    if spec is None or table is None:
        return set()
    found: set[str] = set()
    for chunk in _chunks(sorted(ids)):
        if len(spec.key) == 1:
            column = table.c[spec.key[0]]
            found |= {str(v) for v in session.scalars(select(column).where(column.in_(chunk)))}
        else:
            expr = table.c[spec.key[0]] + ":" + table.c[spec.key[1]]
            found |= {str(v) for v in session.scalars(select(expr).where(expr.in_(chunk)))}
    return found


@overload
def redactions_of(session: Session, entry_ids: Sequence[str]) -> dict[str, str]: ...
@overload
def redactions_of(
    session: Session, entry_ids: Sequence[str], *, every: Literal[True]
) -> dict[str, list[str]]: ...
def redactions_of(session: Session, entry_ids: Sequence[str], *, every: bool = False) -> Any:
    """Entry id -> the redaction entry here that blanks it (the smallest id), or with `every` the
    list of all of them."""
    out: dict[str, list[str]] = {}
    wanted = set(entry_ids)
    rows = session.execute(
        text(
            "SELECT id, json_extract(detail, '$.target_entry_id') AS target FROM timeline_entry "
            "WHERE kind = 'redaction' ORDER BY id"
        )
    )
    for row in rows:
        if row.target in wanted:
            out.setdefault(row.target, []).append(row.id)
    return out if every else {k: v[0] for k, v in out.items()}


def blank_bodies(session: Session, redactions: Sequence[tuple[str, str]]) -> set[str]:
    """Blank the bodies the redactions (target, redaction id) name, here and in copies kept in
    `rejected_change`; returns the tickets of the entries blanked (their search rows follow by trigger)."""
    entry = st.ENTRY
    tickets: set[str] = set()
    for target, redaction in redactions:
        result = session.execute(
            update(entry)
            .where(entry.c.id == target, (entry.c.body.is_not(None)) | (entry.c.redacted_by.is_(None)))
            .values(body=None, redacted_by=func.coalesce(entry.c.redacted_by, redaction))
            .returning(entry.c.ticket_id)
        )
        tickets |= set(result.scalars())
        session.execute(
            text(
                "UPDATE rejected_change SET payload = json_set(payload, '$.data.body', NULL) "
                "WHERE change_id = :t AND json_extract(payload, '$.data.body') IS NOT NULL"
            ),
            {"t": target},
        )
    return tickets


def tickets_of_requesters(session: Session, requester_ids: Iterable[str]) -> set[str]:
    """The tickets any of the requesters reported."""
    reporter = st.REPORTER
    out: set[str] = set()
    for chunk in _chunks(sorted(requester_ids)):
        out |= set(session.scalars(select(reporter.c.ticket_id).where(reporter.c.requester_id.in_(chunk))))
    return out


def take_parked(session: Session, keys: Iterable[str]) -> list[dict[str, Any]]:
    """Remove and return the parked changes waiting for any of `keys` ("table:id")."""
    out: list[dict[str, Any]] = []
    for chunk in _chunks(sorted(keys)):
        rows = session.execute(
            select(DeferredChange.change_id, DeferredChange.payload).where(
                DeferredChange.depends_on.in_(chunk)
            )
        ).all()
        if rows:
            session.execute(
                delete(DeferredChange).where(DeferredChange.change_id.in_([r.change_id for r in rows]))
            )
            out += [r.payload for r in rows]
    return out
