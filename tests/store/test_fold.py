"""Folding a ticket's entries in any order gives the same ticket."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from citydesk.domain.timeline import Entry, EntryKind, find_conflicts, fold

T0 = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


def entries() -> list[Entry]:
    base = dict(ticket_id="t1", device_id="dev-a", author_id="u1")
    created = Entry(
        id="e0",
        kind=EntryKind.CREATED,
        hlc=100,
        at=T0,
        value={"title": "Hole", "status": "new", "priority": "P3", "assignee_id": None},
        detail={"reporter": {"id": "r1", "requester_id": "q1", "channel": "phone", "reply_method": "phone"}},
        **base,
    )
    return [
        created,
        Entry(
            id="e1",
            kind=EntryKind.ASSIGNMENT,
            hlc=200,
            at=T0 + timedelta(minutes=5),
            field="assignee_id",
            value="u2",
            base_entry_id="e0",
            **base,
        ),
        Entry(
            id="e2",
            kind=EntryKind.STATUS,
            hlc=300,
            at=T0 + timedelta(minutes=9),
            field="status",
            value="in_progress",
            **base,
        ),
        Entry(
            id="e3",
            kind=EntryKind.TIME_SPENT,
            hlc=400,
            at=T0 + timedelta(hours=1),
            detail={"minutes": 30},
            **base,
        ),
        Entry(
            id="e4",
            kind=EntryKind.RESOLUTION,
            hlc=500,
            at=T0 + timedelta(hours=2),
            field="status",
            value="resolved",
            detail={"reason": "done"},
            body="Filled",
            public=True,
            **base,
        ),
        Entry(
            id="e5",
            kind=EntryKind.REOPEN,
            hlc=600,
            at=T0 + timedelta(hours=3),
            field="status",
            value="assigned",
            body="Back",
            **base,
        ),
        Entry(
            id="e6",
            kind=EntryKind.RESOLUTION,
            hlc=700,
            at=T0 + timedelta(hours=4),
            field="status",
            value="resolved",
            detail={"reason": "done"},
            body="Really filled",
            public=True,
            **base,
        ),
        Entry(
            id="e7",
            kind=EntryKind.PRIORITY,
            hlc=650,
            at=T0 + timedelta(hours=3),
            field="priority",
            value="P2",
            device_id="dev-b",
            ticket_id="t1",
            author_id="u3",
        ),
        Entry(
            id="e8",
            kind=EntryKind.PRIORITY,
            hlc=650,
            at=T0 + timedelta(hours=3),
            field="priority",
            value="P1",
            device_id="dev-a",
            ticket_id="t1",
            author_id="u1",
        ),
    ]


@settings(max_examples=200)
@given(st.permutations(entries()))
def test_fold_is_order_independent(shuffled: list[Entry]) -> None:
    assert fold(shuffled) == fold(entries())


def test_fold_values() -> None:
    state = fold(entries())
    assert state.fields["status"] == "resolved"
    # same HLC: the device id breaks the tie ("dev-b" > "dev-a")
    assert state.fields["priority"] == "P2"
    assert state.reopen_count == 1
    assert state.resolved_at == T0 + timedelta(hours=4)
    assert state.first_response_at == T0 + timedelta(minutes=9)
    assert state.time_spent_minutes == 30
    assert len(state.reporters) == 1
    assert not state.first_contact_resolution


def test_any_status_sequence_is_accepted() -> None:
    base = dict(ticket_id="t", device_id="d", author_id="u")
    es = [
        Entry(id="c", kind=EntryKind.CREATED, hlc=1, at=T0, value={"status": "new"}, **base),
        Entry(id="x", kind=EntryKind.STATUS, hlc=2, at=T0, field="status", value="closed", **base),
        Entry(id="y", kind=EntryKind.STATUS, hlc=3, at=T0, field="status", value="waiting_parts", **base),
    ]
    assert fold(es).fields["status"] == "waiting_parts" and fold(es).is_open


def test_concurrent_different_edits_are_conflicts() -> None:
    common = dict(ticket_id="t", at=T0, field="assignee_id", base_entry_id="e0")
    a = Entry(id="a", kind=EntryKind.ASSIGNMENT, hlc=5, device_id="d1", author_id="u1", value="x", **common)
    b = Entry(id="b", kind=EntryKind.ASSIGNMENT, hlc=6, device_id="d2", author_id="u2", value="y", **common)
    same = Entry(
        id="c",
        kind=EntryKind.ASSIGNMENT,
        hlc=7,
        device_id="d3",
        author_id="u3",
        value="y",
        ticket_id="t",
        at=T0,
        field="assignee_id",
        base_entry_id="e9",
    )
    assert find_conflicts([a, b, same]) == [("assignee_id", ("a", "b"))]


def test_merged_requester_re_points_earlier_reporters_only() -> None:
    base = dict(ticket_id="t", device_id="d", author_id="u")

    def reporter(rid: str, requester: str) -> dict[str, str]:
        return {"id": rid, "requester_id": requester, "channel": "phone", "reply_method": "phone"}

    def entry(eid: str, kind: EntryKind, hlc: int, detail: dict[str, object]) -> Entry:
        return Entry(id=eid, kind=kind, hlc=hlc, at=T0, value={}, detail=detail, **base)

    es = [
        entry("c", EntryKind.CREATED, 1, {"reporter": reporter("r1", "dup")}),
        entry("a", EntryKind.REPORTER_ADDED, 2, {"reporter": reporter("r2", "other")}),
        entry("m", EntryKind.REPORTER_MERGED, 3, {"from": "dup", "to": "jane"}),
        # An office that had not heard of the merge yet adds the duplicate again, later: it stays as written.
        entry("l", EntryKind.REPORTER_ADDED, 4, {"reporter": reporter("r3", "dup")}),
    ]
    for order in (es, list(reversed(es))):
        assert [(r.id, r.requester_id) for r in fold(order).reporters] == [
            ("r1", "jane"),
            ("r2", "other"),
            ("r3", "dup"),
        ]


def _undated_ticket(*later: Entry) -> list[Entry]:
    """A ticket imported as resolved on an unknown date (the import contract), then `later`."""
    base = dict(ticket_id="t9", device_id="dev-a", author_id="u1")
    imported_at = T0 + timedelta(days=400)
    return [
        Entry(
            id="i0", kind=EntryKind.CREATED, hlc=10, at=T0, value={"title": "Old", "status": "new"}, **base
        ),
        Entry(
            id="i1",
            kind=EntryKind.RESOLUTION,
            hlc=20,
            at=imported_at,
            field="status",
            value="resolved",
            detail={"reason": "done", "date_unknown": True, "imported": True},
            **base,
        ),
        *later,
    ]


def test_an_undated_imported_resolution_resolves_without_a_date() -> None:
    state = fold(_undated_ticket())
    assert state.status == "resolved"
    assert not state.is_open
    assert state.resolved_at is None and state.resolved_by is None
    assert state.resolution is not None and state.resolution["reason"] == "done"
    assert state.reopen_count == 0
    assert not state.first_contact_resolution

    closed = fold(
        _undated_ticket(
            Entry(
                id="i2",
                kind=EntryKind.STATUS,
                hlc=30,
                at=T0 + timedelta(days=400),
                field="status",
                value="closed",
                ticket_id="t9",
                device_id="dev-a",
                author_id="u1",
            )
        )
    )
    assert closed.status == "closed" and closed.resolved_at is None and closed.closed_at is not None


def test_an_undated_resolution_reopens_and_resolves_again_with_a_date() -> None:
    base = dict(ticket_id="t9", device_id="dev-a", author_id="u2")
    back = T0 + timedelta(days=401)
    reopened = fold(
        _undated_ticket(
            Entry(id="i2", kind=EntryKind.REOPEN, hlc=30, at=back, field="status", value="new", **base)
        )
    )
    assert reopened.is_open and reopened.resolved_at is None and reopened.resolution is None
    assert reopened.reopen_count == 1
    done = T0 + timedelta(days=402)
    again = fold(
        _undated_ticket(
            Entry(id="i2", kind=EntryKind.REOPEN, hlc=30, at=back, field="status", value="new", **base),
            Entry(
                id="i3",
                kind=EntryKind.RESOLUTION,
                hlc=40,
                at=done,
                field="status",
                value="resolved",
                detail={"reason": "done"},
                **base,
            ),
        )
    )
    assert not again.is_open and again.resolved_at == done and again.resolved_by == "u2"
    assert again.reopen_count == 1
