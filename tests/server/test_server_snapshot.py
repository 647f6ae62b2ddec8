"""Snapshots: complete, parent-before-child, tickets with all their entries, resumable; epochs; missing."""

from __future__ import annotations

from server_kit import Device, Server, entry, new_id, new_ticket, requester_row

from citydesk.domain.roles import SYSTEM_USER_ID
from citydesk.server import admin
from citydesk.sync.messages import Page, PushReply
from citydesk.sync.wire import Change, Op

REFERENCE = ("office", "department", "app_user", "category", "device", "city_setting", "receipt_text")


def contact(server: Server, device: Device, author: str) -> Change:
    """A counted contact (a question answered on the spot)."""
    row_id = new_id(server)
    stamp = server.stamp()
    data = {
        "id": row_id,
        "kind": "question",
        "channel": "walk_in",
        "category_id": server.category,
        "ticket_id": None,
        "summary": "Opening hours",
        "author_id": author,
        "office_id": device.office_id,
        "device_id": device.id,
        "hlc": stamp,
        "at": server.clock.now().isoformat(),
    }
    return Change(row_id, "contact_log", Op.INSERT, row_id, stamp, device.id, author, data)


def fill(server: Server, device: Device, tickets: int = 6) -> list[Change]:
    """Push tickets with a few entries each, requesters and contacts; returns what was pushed."""
    clerk, tech = server.users["clerk"], server.users["tech"]
    pushed: list[Change] = []
    for i in range(tickets):
        insert, first = new_ticket(server, device, clerk, f"Ticket {i}")
        notes = [
            entry(server, device, tech, insert.row_id, "note", body=f"note {i}.{n}") for n in range(i % 3)
        ]
        pushed += [
            insert,
            first,
            *notes,
            requester_row(server, device, clerk),
            contact(server, device, clerk),
        ]
    reply = PushReply.from_json(server.push(device, pushed).json())
    assert reply.rejected == ()
    return pushed


def read_all(server: Server, device: Device, limit: int) -> tuple[list[Page], list[Change]]:
    """Every snapshot page from the start."""
    pages, after = [], None
    while True:
        reply = server.snapshot(device, after, limit)
        assert reply.status_code == 200, reply.text
        page = Page.from_json(reply.json())
        pages.append(page)
        after = page.next_after
        if not page.has_more:
            assert after is None
            return pages, [c for p in pages for c in p.changes]


def test_a_snapshot_is_complete_and_parents_come_first(server: Server) -> None:
    desk = server.enrol()
    pushed = fill(server, desk)
    pages, rows = read_all(server, desk, limit=5)
    assert len(pages) > 3
    assert pages[0].start_cursor is not None and all(p.start_cursor is None for p in pages[1:])
    ids = [c.row_id for c in rows]
    assert len(ids) == len(set(ids))
    assert {c.change_id for c in pushed if c.op is not Op.ROW} <= {c.change_id for c in rows}
    assert {c.row_id for c in pushed if c.op is Op.ROW} <= set(ids)
    expected = server.count("SELECT count(*) FROM row_state") - 1  # the system user never travels
    assert len(rows) == expected and SYSTEM_USER_ID not in ids
    tables = [c.table for c in rows]
    last_reference = max(i for i, t in enumerate(tables) if t in REFERENCE)
    assert last_reference < tables.index("address" if "address" in tables else "requester")
    assert tables.index("requester") < tables.index("ticket") < tables.index("contact_log")
    assert [t for t in tables if t in REFERENCE][:2] == ["office", "office"]


def test_each_ticket_is_followed_by_all_its_entries_on_the_same_page(server: Server) -> None:
    desk = server.enrol()
    fill(server, desk)
    pages, _rows = read_all(server, desk, limit=2)
    for page in pages:
        current = None
        for change in page.changes:
            if change.table == "ticket":
                current = change.row_id
            elif change.table == "timeline_entry":
                assert change.data["ticket_id"] == current
    ticket_pages = [p for p in pages if any(c.table == "ticket" for c in p.changes)]
    assert any(len(p.changes) > 2 for p in ticket_pages)  # a page may exceed its limit to keep a ticket whole


def test_every_page_but_the_last_is_full(server: Server) -> None:
    """A page reads about as many tickets as fit with their entries and goes on reading until full:
    no page but the last holds fewer changes than asked for, whatever the entries per ticket."""
    desk = server.enrol()
    fill(server, desk, tickets=12)
    for limit in (3, 7, 10):
        pages, rows = read_all(server, desk, limit)
        assert all(len(p.changes) >= limit for p in pages[:-1]), limit
        assert len({c.row_id for c in rows}) == len(rows)


def test_rows_carry_every_field_with_its_clock(server: Server) -> None:
    desk = server.enrol()
    clerk, boss = server.users["clerk"], server.users["super"]
    person = requester_row(server, desk, clerk)
    rename = requester_row(server, desk, boss, row_id=person.row_id, name="Patricia Doe")
    assert PushReply.from_json(server.push(desk, [person, rename]).json()).rejected == ()
    _pages, rows = read_all(server, desk, limit=100)
    row = next(c for c in rows if c.row_id == person.row_id)
    assert row.data["name"] == "Patricia Doe" and row.data["phone"] == "555-0100"
    assert row.clocks["name"].change_id == rename.change_id and row.clocks["name"].author_id == boss
    assert row.clocks["phone"].change_id == person.change_id
    assert set(row.fields) == set(person.fields)


def test_a_snapshot_resumes_and_the_start_cursor_covers_what_came_during_it(server: Server) -> None:
    desk, other = server.enrol(), server.enrol("PD")
    fill(server, desk)
    first = Page.from_json(server.snapshot(other, None, 5).json())
    start = first.start_cursor
    assert start is not None
    during = fill(server, desk, tickets=2)  # written while the snapshot is in progress
    _pages, rest = read_all_from(server, other, first.next_after, 5)
    later = Page.from_json(server.pull(other, start).json())
    seen = {c.change_id for c in (*first.changes, *rest, *later.changes)}
    seen_rows = {c.row_id for c in (*first.changes, *rest, *later.changes)}
    assert {c.change_id for c in during if c.op is not Op.ROW} <= seen
    assert {c.row_id for c in during} <= seen_rows
    assert {c.change_id for c in later.changes} >= {c.change_id for c in during}
    snap = Page.from_json(server.snapshot(other, first.next_after, 5, cursor=start).json())
    assert snap.start_cursor is None


def read_all_from(server: Server, device: Device, after: str | None, limit: int) -> tuple[int, list[Change]]:
    """The snapshot pages from position `after` on: (page count, rows)."""
    rows: list[Change] = []
    pages = 0
    while after is not None:
        page = Page.from_json(server.snapshot(device, after, limit).json())
        rows += page.changes
        after = page.next_after
        pages += 1
    return pages, rows


def test_orphan_entries_still_travel_in_a_snapshot(server: Server) -> None:
    desk = server.enrol()
    note = entry(
        server, desk, server.users["clerk"], "01a00000-0000-7000-8000-00000000f00d", "note", body="x"
    )
    assert PushReply.from_json(server.push(desk, [note]).json()).accepted == (note.change_id,)
    _pages, rows = read_all(server, desk, limit=3)
    assert note.change_id in {c.change_id for c in rows}


def test_a_bad_position_is_422(server: Server) -> None:
    desk = server.enrol()
    reply = server.snapshot(desk, "nowhere:1")
    assert reply.status_code == 422 and reply.json()["error"] == "bad_request"


def test_a_new_epoch_makes_old_cursors_gone_and_restarts_the_gap_check(server: Server) -> None:
    desk = server.enrol()
    fill(server, desk, tickets=1)
    page = Page.from_json(server.pull(desk).json())
    old_cursor = page.next_cursor
    epoch = admin.new_epoch(server.url, clock=server.clock)
    assert epoch != desk.epoch
    assert server.pull(desk, old_cursor).status_code == 410
    gone = server.snapshot(desk, None, 10, cursor=old_cursor)
    assert gone.status_code == 410 and gone.json()["error"] == "cursor_gone"
    hello = server.client.get("/v1/sync/hello", headers=desk.headers).json()
    assert hello["epoch"] == epoch
    insert, first = new_ticket(server, desk, server.users["clerk"])
    assert server.push(desk, [insert, first]).status_code == 410  # still built for the old epoch
    desk.epoch = epoch
    # any start is accepted once in a new epoch (past the old epoch's next one: a gap there); a sequence
    # number the device already used names its change for good (see test_server_identity)
    reply = server.push(desk, [insert, first], seq_first=desk.seq + 10)
    assert reply.status_code == 200, reply.text
    fresh = Page.from_json(server.snapshot(desk, None, 1000).json())
    assert fresh.start_cursor is not None and fresh.start_cursor.startswith(epoch + ":")


def test_missing_names_the_changes_the_server_never_saw(server: Server) -> None:
    desk = server.enrol()
    clerk = server.users["clerk"]
    insert, first = new_ticket(server, desk, clerk)
    closing = entry(server, desk, clerk, insert.row_id, "status", field="status", value="closed")  # refused
    assert server.push(desk, [insert, first, closing]).status_code == 200
    unknown = new_id(server)
    reply = server.client.post(
        "/v1/sync/missing",
        json={"change_ids": [insert.change_id, closing.change_id, unknown, first.change_id]},
        headers=desk.headers,
    )
    assert reply.status_code == 200 and reply.json() == {"missing": [unknown]}
    too_many = server.client.post("/v1/sync/missing", json={"change_ids": ["x"] * 1001}, headers=desk.headers)
    assert too_many.status_code == 413
    bad = server.client.post("/v1/sync/missing", json={"change_ids": [1, 2]}, headers=desk.headers)
    assert bad.status_code == 422
