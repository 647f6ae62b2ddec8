"""Settling a conflict: two offices change the same ticket's priority, one office chooses a value, and
after a sync both derive the same settled state (the real server app, real office databases). Bad input
(unknown entries, a value not among the sides, a conflict already settled, a role that may not change
the field) is a clear error and writes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from citydesk.domain.errors import PermissionDenied, ValidationError
from citydesk.domain.timeline import Entry, EntryKind
from citydesk.services.conflicts import open_conflicts, settle_conflict, settling_kind
from citydesk.services.ticket_work import change_priority
from citydesk.store.models import Outbox, Ticket, TimelineEntry
from factories import START
from sync_world import Replica, World, sync_world


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with sync_world(tmp_path) as made:
        yield made


def _conflicted(world: World) -> tuple[Replica, Replica, str]:
    """Office a (City Hall) and office b (Police annex) both changed one ticket's priority offline."""
    a, b = world.enrol("a"), world.enrol("b", office="PD")
    made = a.log("carla", "Pothole on Main")
    a.sync()
    b.sync()
    world.clock.advance(minutes=1)
    change_priority(a.db, actor=a.actor("tomas"), ticket_id=made.ticket_id, priority="P1")
    world.clock.advance(minutes=1)
    change_priority(b.db, actor=b.actor("sam"), ticket_id=made.ticket_id, priority="P2")
    a.sync()
    b.sync()
    a.sync()
    return a, b, made.ticket_id


def _priority(replica: Replica, ticket_id: str) -> str:
    with replica.db.read() as s:
        return str(s.scalar(select(Ticket.priority).where(Ticket.id == ticket_id)))


def _outbox_and_entries(replica: Replica) -> tuple[int, int]:
    with replica.db.read() as s:
        return (
            int(s.scalar(select(func.count()).select_from(Outbox)) or 0),
            int(s.scalar(select(func.count()).select_from(TimelineEntry)) or 0),
        )


def test_two_offices_see_the_same_conflict_and_the_same_settled_choice(world: World) -> None:
    a, b, ticket_id = _conflicted(world)
    seen_a, seen_b = open_conflicts(a.db), open_conflicts(b.db)
    assert len(seen_a) == 1 and seen_a == seen_b
    conflict = seen_a[0]
    assert conflict.field == "priority" and [s.value for s in conflict.entries] == ["P1", "P2"]
    assert [s.author_name for s in conflict.entries] == ["Tomas", "Sam"]
    assert _priority(a, ticket_id) == _priority(b, ticket_id) == "P2"  # the later one won the fold
    assert open_conflicts(a.db, [ticket_id]) == seen_a and open_conflicts(a.db, ["nope"]) == []

    world.clock.advance(minutes=1)
    ids = [s.entry_id for s in conflict.entries]
    settled = settle_conflict(a.db, actor=a.actor("sam"), ticket_id=ticket_id, entry_ids=ids, value="P1")
    assert settled.kind == "priority"
    assert _priority(a, ticket_id) == "P1" and open_conflicts(a.db) == []
    with a.db.read() as s:
        entry = s.get(TimelineEntry, settled.entry_id)
        assert entry is not None and entry.detail == {"settles": sorted(ids)} and entry.value == "P1"
    a.sync()
    b.sync()
    assert _priority(b, ticket_id) == "P1" and open_conflicts(b.db) == []
    with pytest.raises(ValidationError, match="settled already"):
        settle_conflict(b.db, actor=b.actor("sam"), ticket_id=ticket_id, entry_ids=ids, value="P2")


def test_bad_input_is_refused_and_writes_nothing(world: World) -> None:
    a, _b, ticket_id = _conflicted(world)
    ids = [s.entry_id for s in open_conflicts(a.db)[0].entries]
    before = _outbox_and_entries(a)
    sam = a.actor("sam")
    with pytest.raises(ValidationError, match="Choose one of the values"):
        settle_conflict(a.db, actor=sam, ticket_id=ticket_id, entry_ids=ids, value="P3")
    with pytest.raises(ValidationError, match="has no change"):
        settle_conflict(a.db, actor=sam, ticket_id=ticket_id, entry_ids=[ids[0], "0000-none"], value="P1")
    with pytest.raises(ValidationError, match="at least two"):
        settle_conflict(a.db, actor=sam, ticket_id=ticket_id, entry_ids=ids[:1], value="P1")
    with a.db.read() as s:
        created = s.scalar(select(TimelineEntry.id).where(TimelineEntry.kind == "created"))
    with pytest.raises(ValidationError, match="not one open conflict"):
        settle_conflict(a.db, actor=sam, ticket_id=ticket_id, entry_ids=[ids[0], created], value="P1")
    with pytest.raises(PermissionDenied):  # a clerk may not change a priority, so may not settle one
        settle_conflict(a.db, actor=a.actor("carla"), ticket_id=ticket_id, entry_ids=ids, value="P1")
    assert _outbox_and_entries(a) == before
    assert len(open_conflicts(a.db)) == 1


def test_choosing_a_resolution_keeps_its_reason_and_a_reopen_is_a_plain_status() -> None:
    def entry(kind: EntryKind, value: str, detail: dict[str, str]) -> Entry:
        return Entry(id="e", ticket_id="t", kind=kind, hlc=1, device_id="d", author_id="u", at=START,
                     field="status", value=value, detail=detail)  # fmt: skip

    resolved = entry(EntryKind.RESOLUTION, "resolved", {"reason": "done", "settles": ["x"]})
    assert settling_kind("status", resolved) == (EntryKind.RESOLUTION, {"reason": "done"})
    assert settling_kind("status", entry(EntryKind.REOPEN, "assigned", {})) == (EntryKind.STATUS, {})
    assert settling_kind("priority", entry(EntryKind.PRIORITY, "P1", {}))[0] is EntryKind.PRIORITY


def test_entries_the_bulk_path_wrote_in_order_without_bases_are_no_conflict() -> None:
    from citydesk.sync.conflicts import ticket_conflicts

    def status(entry_id: str, value: str, device: str, base: str | None) -> Entry:
        return Entry(id=entry_id, ticket_id="t", kind=EntryKind.STATUS, hlc=int(entry_id[1:]),
                     device_id=device, author_id="u", at=START, field="status", value=value,
                     base_entry_id=base)  # fmt: skip

    imported = [status("e1", "assigned", "pc1", None), status("e2", "in_progress", "pc1", None)]
    assert ticket_conflicts(imported) == []  # the demo city and CSV imports with history
    two_pcs = [status("e1", "assigned", "pc1", None), status("e2", "in_progress", "pc2", None)]
    assert len(ticket_conflicts(two_pcs)) == 1
    with_base = [status("e1", "assigned", "pc1", "c"), status("e2", "in_progress", "pc1", "c")]
    assert len(ticket_conflicts(with_base)) == 1  # a copied PC's twin edits still show


def test_the_full_read_goes_range_by_range_and_misses_no_ticket(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    from citydesk.sync import conflicts as derivation

    a, _b, ticket_id = _conflicted(world)
    for n in range(5):  # more tickets around the conflicted one, in several small ranges
        a.log("carla", f"Streetlight {n}")
    whole = open_conflicts(a.db)
    for size in (1, 2, 3):
        monkeypatch.setattr(derivation, "RANGE_TICKETS", size)
        with a.db.read() as session:
            ranges = derivation._ticket_ranges(session)
        assert len(ranges) == -(-6 // size) and ranges[-1][1] is None  # 6 tickets; the last range is open
        assert open_conflicts(a.db) == whole and [c.ticket_id for c in whole] == [ticket_id]
