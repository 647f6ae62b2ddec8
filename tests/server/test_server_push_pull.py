"""Push and pull through the real app: round trip, dedup, commit order, gzip, hello."""

from __future__ import annotations

import json

from server_kit import Server, entry, new_ticket, requester_row, ticket_insert

from citydesk.sync.messages import Hello, Page, PushReply


def test_hello_reports_epoch_clock_settings_and_offices(server: Server) -> None:
    device = server.enrol()
    reply = server.client.get("/v1/sync/hello", headers=device.headers)
    assert reply.status_code == 200, reply.text
    hello = Hello.from_json(reply.json())
    assert hello.epoch == device.epoch
    assert hello.city_settings == {"city_name": "Testville", "time_zone": "America/Chicago"}
    assert {o.code for o in hello.offices} == {"CLK", "PD"}
    assert hello.server_time.startswith("2026-11-16T15:01")
    assert hello.min_client_version == "0.1.0"


def test_push_then_pull_round_trip(server: Server) -> None:
    desk = server.enrol()
    other = server.enrol("PD", "Police annex PC")
    clerk = server.users["clerk"]
    insert, first = new_ticket(server, desk, clerk)
    person = requester_row(server, desk, clerk)
    reply = server.push(desk, [insert, first, person])
    assert reply.status_code == 200, reply.text
    result = PushReply.from_json(reply.json())
    assert result.rejected == ()
    assert result.accepted == (insert.change_id, first.change_id, person.change_id)
    assert result.acked_seq == 3
    assert result.server_hlc >= person.hlc

    page = Page.from_json(server.pull(other).json())
    mine = [c for c in page.changes if c.change_id in result.accepted]
    assert [c.change_id for c in mine] == list(result.accepted)
    assert mine[0].data == insert.data and mine[1].data == first.data
    assert mine[2].fields == person.fields and mine[2].data == person.data
    assert mine[2].device_id == desk.id and mine[2].author_id == clerk
    assert not page.has_more
    # the cursor covers everything: the next pull is empty
    again = Page.from_json(server.pull(other, page.next_cursor).json())
    assert again.changes == () and again.next_cursor == page.next_cursor


def test_the_same_batch_twice_gets_the_same_reply_and_logs_nothing_twice(server: Server) -> None:
    desk = server.enrol()
    clerk = server.users["clerk"]
    insert, first = new_ticket(server, desk, clerk)
    closing = entry(server, desk, clerk, insert.row_id, "status", field="status", value="closed")  # refused
    before = server.log_size()
    one = server.push(desk, [insert, first, closing], batch_id="b1")
    desk.seq = 0
    two = server.push(desk, [insert, first, closing], batch_id="b1")
    assert one.status_code == two.status_code == 200
    a, b = PushReply.from_json(one.json()), PushReply.from_json(two.json())
    assert (a.accepted, a.rejected, a.acked_seq) == (b.accepted, b.rejected, b.acked_seq)
    assert [r.code for r in a.rejected] == ["not_permitted"]
    assert server.log_size() == before + 2
    assert server.count("SELECT count(*) FROM rejection") == 1


def test_a_change_seen_in_an_earlier_batch_keeps_its_verdict(server: Server) -> None:
    desk = server.enrol()
    clerk = server.users["clerk"]
    insert, first = new_ticket(server, desk, clerk)
    assert server.push(desk, [insert]).status_code == 200
    reply = PushReply.from_json(
        server.push(desk, [first, insert.__class__(**{**_fields(insert), "seq": None})]).json()
    )
    assert reply.accepted == (first.change_id, insert.change_id)
    assert server.count("SELECT count(*) FROM change_log WHERE change_id = :c", c=insert.change_id) == 1


def _fields(change: object) -> dict[str, object]:
    return {name: getattr(change, name) for name in change.__slots__}  # type: ignore[attr-defined]


def test_pull_pages_follow_commit_order_and_cursors_never_go_back(server: Server) -> None:
    a, b = server.enrol(), server.enrol("PD")
    clerk = server.users["clerk"]
    pushed: list[str] = []
    for round_ in range(3):
        for device in (a, b):
            insert, first = new_ticket(server, device, clerk, f"Ticket {round_}")
            server.clock.advance(seconds=1)
            reply = PushReply.from_json(server.push(device, [insert, first]).json())
            pushed += list(reply.accepted)
    seen: list[str] = []
    cursor = None
    cursors = []
    while True:
        page = Page.from_json(server.pull(a, cursor, limit=4).json())
        seen += [c.change_id for c in page.changes]
        cursors.append(int(page.next_cursor.rpartition(":")[2]))
        cursor = page.next_cursor
        if not page.has_more:
            break
    assert [c for c in seen if c in pushed] == pushed
    assert cursors == sorted(cursors)
    log_order = server.count("SELECT count(*) FROM change_log")
    assert len(seen) == log_order


def test_gzip_push_and_gzip_reply(server: Server) -> None:
    desk = server.enrol()
    clerk = server.users["clerk"]
    changes = []
    for i in range(30):
        changes += new_ticket(server, desk, clerk, f"Streetlight out {i}")
    reply = server.push(desk, changes, gzipped=True)
    assert reply.status_code == 200, reply.text
    assert len(reply.json()["accepted"]) == 60
    pulled = server.client.get("/v1/sync/pull", headers={**desk.headers, "Accept-Encoding": "gzip"})
    assert pulled.headers.get("content-encoding") == "gzip"
    assert len(pulled.json()["changes"]) >= 60


def test_an_entry_whose_ticket_arrives_in_a_later_batch_is_accepted(server: Server) -> None:
    desk = server.enrol()
    clerk = server.users["clerk"]
    insert, first = new_ticket(server, desk, clerk)
    note = entry(server, desk, clerk, insert.row_id, "note", body="Called back")
    assert PushReply.from_json(server.push(desk, [note]).json()).accepted == (note.change_id,)
    assert PushReply.from_json(server.push(desk, [insert, first]).json()).rejected == ()


def test_pull_with_a_bad_cursor_is_422_and_an_old_epoch_cursor_410(server: Server) -> None:
    desk = server.enrol()
    assert server.pull(desk, "nonsense").status_code == 422
    gone = server.pull(desk, "01900000-0000-7000-8000-000000000000:3")
    assert gone.status_code == 410 and gone.json()["error"] == "cursor_gone"


def test_replies_are_json_error_bodies(server: Server) -> None:
    desk = server.enrol()
    reply = server.client.get("/v1/sync/nowhere", headers=desk.headers)
    assert reply.status_code == 404 and reply.json()["error"] == "not_found"
    bad_limit = server.client.get("/v1/sync/pull", params={"limit": 0}, headers=desk.headers)
    assert bad_limit.status_code == 422 and bad_limit.json()["error"] == "bad_request"
    assert json.loads(reply.text)["message"]


def test_a_row_change_that_sets_nothing_is_accepted_and_creates_nothing(server: Server) -> None:
    desk = server.enrol()
    new_row = "01a00000-0000-7000-8000-0000000c0ffe"
    empty = requester_row(server, desk, server.users["clerk"], row_id=new_row)
    empty = empty.__class__(**{**_fields(empty), "fields": (), "data": {"id": new_row}})
    reply = PushReply.from_json(server.push(desk, [empty]).json())
    assert reply.accepted == (empty.change_id,)
    assert server.count("SELECT count(*) FROM row_state WHERE row_id = :r", r=new_row) == 0
    assert server.count("SELECT count(*) FROM change_log WHERE change_id = :c", c=empty.change_id) == 1


def test_the_same_change_twice_in_one_batch_is_logged_once(server: Server) -> None:
    desk = server.enrol()
    insert, first = new_ticket(server, desk, server.users["clerk"])
    reply = PushReply.from_json(server.push(desk, [insert, first, first]).json())
    assert reply.accepted == (insert.change_id, first.change_id)
    assert server.count("SELECT count(*) FROM change_log WHERE change_id = :c", c=first.change_id) == 1


def test_last_writer_wins_on_the_server_whatever_the_arrival_order(server: Server) -> None:
    desk, other = server.enrol(), server.enrol("PD")
    clerk = server.users["clerk"]
    person = requester_row(server, desk, clerk)
    newer = requester_row(server, other, clerk, row_id=person.row_id, phone="555-0199")
    older = requester_row(server, desk, clerk, row_id=person.row_id, phone="555-0142", stamp=newer.hlc - 1)
    assert PushReply.from_json(server.push(desk, [person]).json()).rejected == ()
    assert PushReply.from_json(server.push(other, [newer]).json()).rejected == ()
    assert PushReply.from_json(server.push(desk, [older]).json()).rejected == ()  # accepted, and loses
    rows = {c.row_id: c for c in Page.from_json(server.snapshot(other).json()).changes}
    assert rows[person.row_id].data["phone"] == "555-0199"
    assert rows[person.row_id].clocks["phone"].change_id == newer.change_id
    assert rows[person.row_id].data["name"] == "Pat Doe"


def test_a_number_two_tickets_share_is_recorded_and_both_keep_it(server: Server) -> None:
    from citydesk.server import admin

    desk, copy = server.enrol(), server.enrol()
    clerk = server.users["clerk"]
    one = ticket_insert(server, desk, clerk, number="CLK-1-000001")
    two = ticket_insert(server, copy, clerk, number="CLK-1-000001")  # a PC restored from the same backup
    other = ticket_insert(server, desk, clerk, number="CLK-1-000002")
    assert PushReply.from_json(server.push(desk, [one, other]).json()).rejected == ()
    assert PushReply.from_json(server.push(copy, [two]).json()).rejected == ()
    assert admin.duplicate_numbers(server.url) == {"CLK-1-000001": sorted([one.row_id, two.row_id])}
    rows = {c.row_id: c for c in Page.from_json(server.snapshot(desk).json()).changes if c.table == "ticket"}
    assert rows[one.row_id].data["number"] == rows[two.row_id].data["number"] == "CLK-1-000001"
