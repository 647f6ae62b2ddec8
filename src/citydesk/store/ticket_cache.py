"""Refreshing a ticket's cached columns from its timeline (used by services and the sync apply path)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from citydesk.domain.calendar import BusinessCalendar
from citydesk.domain.priorities import Priority
from citydesk.domain.statuses import Status
from citydesk.domain.timeline import Entry, EntryKind, TicketState, fold, is_known_kind
from citydesk.store import fts
from citydesk.store import statements as st
from citydesk.store.merges import survivor_id


def to_entry(row: Any) -> Entry:
    """The plain Entry for an ORM row or a Core row of timeline_entry."""
    return Entry(
        id=row.id,
        ticket_id=row.ticket_id,
        kind=EntryKind(row.kind),
        hlc=row.hlc,
        device_id=row.device_id,
        author_id=row.author_id,
        at=row.at,
        field=row.field,
        value=row.value,
        detail=row.detail or {},
        body=row.body,
        public=row.public,
        base_entry_id=row.base_entry_id,
    )


def load_entries(session: Session, ticket_id: str) -> list[Entry]:
    """Every timeline entry of a ticket the fold knows, as plain data (an entry of a kind from a newer
    version is stored but skipped)."""
    return [
        to_entry(r)
        for r in session.execute(st.SELECT_ENTRIES, {"ticket_id": ticket_id})
        if is_known_kind(r.kind)
    ]


def location_columns(location: Any) -> dict[str, Any]:
    """Ticket columns for a folded `location` value (text, or a dict with address id and coordinates)."""
    if isinstance(location, dict):
        return {
            "location_text": location.get("text") or None,
            "address_id": location.get("address_id"),
            "latitude": location.get("lat"),
            "longitude": location.get("lon"),
            "ward": location.get("ward") or None,
        }
    return {
        "location_text": location or None,
        "address_id": None,
        "latitude": None,
        "longitude": None,
        "ward": None,
    }


def displayed_status(state: TicketState) -> str:
    """A new ticket with an assignee shows as assigned (derived, not an extra entry)."""
    status = state.status
    if status is Status.NEW and state.fields.get("assignee_id"):
        return Status.ASSIGNED.value
    return status.value


def cache_values(
    state: TicketState, *, calendar: BusinessCalendar, target_days: int | None, requester_name: str | None
) -> dict[str, Any]:
    """The ticket columns for a folded state."""
    f = state.fields
    priority = Priority(f.get("priority") or Priority.P3)
    due_override = f.get("due_override")
    from datetime import datetime

    due = datetime.fromisoformat(due_override) if isinstance(due_override, str) else None
    if due is None and state.created_at is not None:
        due = calendar.due_at(state.created_at, priority, target_days)
    resolution = state.resolution or {}
    status = displayed_status(state)
    values: dict[str, Any] = {
        "title": f.get("title") or "",
        "description": f.get("description") or "",
        "status": status,
        "priority": priority.value,
        "priority_rank": priority.rank,
        "channel": f.get("channel") or "phone",
        "category_id": f.get("category_id"),
        "department_id": f.get("department_id"),
        "assignee_id": f.get("assignee_id"),
        "escalation_level": int(f.get("escalation_level") or 0),
        "due_override": due if due_override else None,
        "is_open": state.is_open,
        "due_at": due,
        "updated_at": state.updated_at,
        "first_response_at": state.first_response_at,
        "resolved_at": state.resolved_at,
        "resolved_by": state.resolved_by,
        "closed_at": state.closed_at,
        "reopen_count": state.reopen_count,
        "first_contact_resolution": state.first_contact_resolution,
        "time_spent_minutes": state.time_spent_minutes,
        "visit_at": state.visit_at,
        "visit_place": state.visit_place,
        "reporter_count": len(state.reporters),
        "requester_name": requester_name,
        "resolution_reason": resolution.get("reason"),
        "resolution_ref": resolution.get("duplicate_of") or resolution.get("agency"),
    }
    values.update(location_columns(f.get("location")))
    return values


def requester_display_name(session: Session, requester_id: str | None) -> str | None:
    """The name shown for a reporter: "Anonymous" for anonymous requesters, following merges."""
    if not requester_id:
        return None
    row = session.execute(st.REQUESTER_NAME, {"id": survivor_id(session, requester_id)}).one_or_none()
    if row is None:
        return None
    return "Anonymous" if row.anonymous else row.name


def live_requester_id(session: Session, requester_id: str | None) -> str | None:
    """The requester a (possibly merged) requester id stands for now (`store.merges.survivor_id`)."""
    return survivor_id(session, requester_id) if requester_id else requester_id


def materialize_reporters(
    session: Session, ticket_id: str, state: TicketState, *, known_new: bool = False
) -> None:
    """Insert ticket_reporter rows for reporters the fold knows and the table lacks, and re-point rows
    whose requester a `reporter_merged` entry changed.

    `known_new` skips the lookup for a ticket created in this very transaction.
    """
    if not state.reporters:
        return
    have: dict[str, str | None] = {}
    if not known_new:
        have = {
            row.id: row.requester_id for row in session.execute(st.REPORTER_IDS, {"ticket_id": ticket_id})
        }
    repointed = [
        {"k_id": r.id, "v_requester_id": r.requester_id}
        for r in state.reporters
        if r.id in have and have[r.id] != r.requester_id
    ]
    if repointed:
        session.execute(st.REPOINT_REPORTER, repointed)
    missing = [r for r in state.reporters if r.id not in have]
    if missing:
        st.RUN_INSERT_REPORTER.execute_many(
            session,
            [
                {
                    "id": r.id,
                    "ticket_id": ticket_id,
                    "requester_id": r.requester_id,
                    "channel": r.channel,
                    "reply_method": r.reply_method,
                    "reported_at": r.reported_at,
                    "entry_id": r.entry_id,
                }
                for r in missing
            ],
        )


def category_target(session: Session, category_id: str | None) -> int | None:
    """The category's target in business days (None without a category)."""
    if not category_id:
        return None
    return session.scalar(st.CATEGORY_TARGET, {"id": category_id})


def folded_values(session: Session, state: TicketState, *, calendar: BusinessCalendar) -> dict[str, Any]:
    """Every cached column of a ticket for a folded state, as `refresh` writes them (read-only)."""
    first = state.reporters[0].requester_id if state.reporters else None
    values = cache_values(
        state,
        calendar=calendar,
        target_days=category_target(session, state.fields.get("category_id")),
        requester_name=requester_display_name(session, first),
    )
    if len(state.reporters) > 1:
        values["reporter_count"] = len(
            {live_requester_id(session, r.requester_id) or r.id for r in state.reporters}
        )
    return values


def refresh(
    session: Session,
    ticket_id: str,
    *,
    calendar: BusinessCalendar,
    entries: Sequence[Entry] | None = None,
    reporters_changed: bool = True,
) -> TicketState:
    """Re-fold a ticket from its entries and write the cached columns (and reporter rows)."""
    if entries is None:
        entries = load_entries(session, ticket_id)
    state = fold(entries)
    requester_name = None
    if reporters_changed:
        materialize_reporters(session, ticket_id, state)
    if state.reporters:
        requester_name = requester_display_name(session, state.reporters[0].requester_id)
    values = cache_values(
        state,
        calendar=calendar,
        target_days=category_target(session, state.fields.get("category_id")),
        requester_name=requester_name,
    )
    if len(state.reporters) > 1:  # one person reported twice under merged duplicates counts once
        people = {live_requester_id(session, r.requester_id) or r.id for r in state.reporters}
        values["reporter_count"] = len(people)
    params = {f"v_{k}": v for k, v in values.items()}
    params["k_ticket_id"] = ticket_id
    if reporters_changed:
        session.execute(st.UPDATE_CACHE, params)  # type: ignore[call-overload]
    else:
        params.pop("v_requester_name")
        session.execute(st.UPDATE_CACHE_KEEP_NAME, params)  # type: ignore[call-overload]
    return state


def refresh_many(session: Session, ticket_ids: Iterable[str], *, calendar: BusinessCalendar) -> None:
    """Re-fold several tickets (after a pull or a requester merge)."""
    for ticket_id in ticket_ids:
        refresh(session, ticket_id, calendar=calendar)


_CHUNK = 500


def refresh_batch(
    session: Session,
    ticket_ids: Iterable[str],
    *,
    calendar: BusinessCalendar,
    entries: Mapping[str, Sequence[Entry]] | None = None,
) -> None:
    """Re-fold many tickets at once (the sync apply path): their entries read in one query per 500
    tickets (unless given), reporter rows made equal to the fold (added, re-pointed and removed, the
    search row's reporters recomputed after a removal), cache columns written in one executemany."""
    ids = sorted(set(ticket_ids))
    names: dict[str | None, str | None] = {}
    targets: dict[str | None, int | None] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        grouped: dict[str, list[Entry]] = {t: [] for t in chunk}
        if entries is not None and all(t in entries for t in chunk):
            for t in chunk:
                grouped[t] = list(entries[t])
        else:
            rows = session.execute(select(st.ENTRY).where(st.ENTRY.c.ticket_id.in_(chunk)))
            for row in rows:
                if is_known_kind(row.kind):
                    grouped[row.ticket_id].append(to_entry(row))
        have: dict[str, dict[str, str | None]] = {t: {} for t in chunk}
        for row in session.execute(
            select(st.REPORTER.c.id, st.REPORTER.c.ticket_id, st.REPORTER.c.requester_id).where(
                st.REPORTER.c.ticket_id.in_(chunk)
            )
        ):
            have[row.ticket_id][row.id] = row.requester_id
        params: list[dict[str, Any]] = []
        inserts: list[dict[str, Any]] = []
        repoints: list[dict[str, Any]] = []
        removed: list[str] = []
        removed_tickets: list[str] = []
        for ticket_id in chunk:
            state = fold(grouped[ticket_id])
            rows_now = have[ticket_id]
            wanted = {r.id: r for r in state.reporters}
            gone = [rid for rid in rows_now if rid not in wanted]
            if gone:
                removed += gone
                removed_tickets.append(ticket_id)
            for r in state.reporters:
                if r.id not in rows_now:
                    inserts.append(
                        {
                            "id": r.id,
                            "ticket_id": ticket_id,
                            "requester_id": r.requester_id,
                            "channel": r.channel,
                            "reply_method": r.reply_method,
                            "reported_at": r.reported_at,
                            "entry_id": r.entry_id,
                        }
                    )
                elif rows_now[r.id] != r.requester_id:
                    repoints.append({"k_id": r.id, "v_requester_id": r.requester_id})
            first = state.reporters[0].requester_id if state.reporters else None
            if first not in names:
                names[first] = requester_display_name(session, first)
            category = state.fields.get("category_id")
            if category not in targets:
                targets[category] = category_target(session, category)
            values = cache_values(
                state, calendar=calendar, target_days=targets[category], requester_name=names[first]
            )
            if len(state.reporters) > 1:
                people = {live_requester_id(session, r.requester_id) or r.id for r in state.reporters}
                values["reporter_count"] = len(people)
            item = {f"v_{k}": v for k, v in values.items()}
            item["k_ticket_id"] = ticket_id
            params.append(item)
        if removed:
            session.execute(delete(st.REPORTER).where(st.REPORTER.c.id.in_(removed)))
        if repoints:
            session.execute(st.REPOINT_REPORTER, repoints)
        if inserts:
            st.RUN_INSERT_REPORTER.execute_many(session, inserts)
        if params:
            session.execute(st.UPDATE_CACHE, params)  # type: ignore[call-overload]
        if removed_tickets:
            fts.reindex_tickets(session.connection(), removed_tickets)
