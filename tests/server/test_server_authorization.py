"""Authorization per change, judged at the change's HLC: a refused change never refuses its batch."""

from __future__ import annotations

from server_kit import Server, entry, new_ticket, requester_row

from citydesk.domain.roles import SYSTEM_USER_ID
from citydesk.server import admin
from citydesk.sync.messages import Page, PushReply
from citydesk.sync.wire import Change, Op


def push_ok(server: Server, device: object, changes: list[Change]) -> PushReply:
    """Push and expect 200; the parsed reply."""
    reply = server.push(device, changes)  # type: ignore[arg-type]
    assert reply.status_code == 200, reply.text
    return PushReply.from_json(reply.json())


def codes(reply: PushReply) -> dict[str, str]:
    """change id -> refusal code."""
    return {r.change_id: r.code for r in reply.rejected}


def test_a_user_disabled_while_an_office_was_offline(server: Server) -> None:
    desk = server.enrol()
    clerk = server.users["clerk"]
    insert, first = new_ticket(server, desk, clerk)  # made before the disable
    server.clock.advance(minutes=1)
    admin.disable_user(server.url, username="clerk", clock=server.clock)
    server.clock.advance(minutes=1)
    note = entry(server, desk, clerk, insert.row_id, "note", body="after the disable")
    reply = push_ok(server, desk, [insert, first, note])
    assert reply.accepted == (insert.change_id, first.change_id)
    assert codes(reply) == {note.change_id: "author_inactive"}
    assert "disabled" in reply.rejected[0].reason and "Clerk (clerk)" in reply.rejected[0].reason
    assert reply.acked_seq == 3  # the whole range is acknowledged: refused changes are answered too


def test_a_clerk_may_not_do_what_a_supervisor_does(server: Server) -> None:
    desk = server.enrol()
    clerk, boss = server.users["clerk"], server.users["super"]
    insert, first = new_ticket(server, desk, clerk)
    close_by_clerk = entry(server, desk, clerk, insert.row_id, "status", field="status", value="closed")
    close_by_super = entry(server, desk, boss, insert.row_id, "status", field="status", value="closed")
    reply = push_ok(server, desk, [insert, first, close_by_clerk, close_by_super])
    assert codes(reply) == {close_by_clerk.change_id: "not_permitted"}
    assert "clerk" in reply.rejected[0].reason and "close" in reply.rejected[0].reason
    assert close_by_super.change_id in reply.accepted


def test_no_device_may_push_a_change_authored_by_the_system_user(server: Server) -> None:
    desk = server.enrol()
    insert, first = new_ticket(server, desk, SYSTEM_USER_ID)
    reply = push_ok(server, desk, [insert, first])
    assert set(codes(reply).values()) == {"system_author"}
    assert reply.accepted == ()


def test_an_unknown_author_is_refused(server: Server) -> None:
    desk = server.enrol()
    insert, first = new_ticket(server, desk, "01a00000-0000-7000-8000-0000000000aa")
    assert set(codes(push_ok(server, desk, [insert, first])).values()) == {"unknown_author"}


def test_a_refused_ticket_insert_refuses_its_dependents_now_and_later(server: Server) -> None:
    desk = server.enrol()
    clerk, tech = server.users["clerk"], server.users["tech"]
    admin.disable_user(server.url, username="clerk", clock=server.clock)
    server.clock.advance(seconds=5)
    insert, first = new_ticket(server, desk, clerk)
    note = entry(server, desk, tech, insert.row_id, "note", body="I'll look at it")
    reply = push_ok(server, desk, [insert, first, note])
    assert codes(reply) == {
        insert.change_id: "author_inactive",
        first.change_id: "author_inactive",
        note.change_id: "depends_on_rejected",
    }
    later = entry(server, desk, tech, insert.row_id, "note", body="still there?")
    assert codes(push_ok(server, desk, [later])) == {later.change_id: "depends_on_rejected"}
    # the server holds nothing of that ticket
    assert (
        server.count("SELECT count(*) FROM row_state WHERE row_id = :t OR parent_id = :t", t=insert.row_id)
        == 0
    )


def test_authorization_follows_a_role_change_at_its_hlc(server: Server) -> None:
    desk, laptop = server.enrol(), server.enrol("PD", "Admin laptop")
    clerk = server.users["clerk"]
    insert, first = new_ticket(server, desk, clerk)
    before = entry(server, desk, clerk, insert.row_id, "status", field="status", value="closed")
    server.clock.advance(seconds=10)
    promote = Change(
        "01a00000-0000-7000-8000-0000000000bb",
        "app_user",
        Op.ROW,
        clerk,
        server.stamp(),
        laptop.id,
        server.users["boss"],
        {"id": clerk, "role": "supervisor"},
        ("role",),
    )
    assert push_ok(server, laptop, [promote]).accepted == (promote.change_id,)
    server.clock.advance(seconds=10)
    after = entry(server, desk, clerk, insert.row_id, "status", field="status", value="closed")
    reply = push_ok(server, desk, [insert, first, before, after])
    assert codes(reply) == {before.change_id: "not_permitted"}
    assert after.change_id in reply.accepted


def test_a_refused_row_change_returns_the_servers_value_and_clock(server: Server) -> None:
    desk = server.enrol()
    clerk, boss = server.users["clerk"], server.users["super"]
    person, other = requester_row(server, desk, clerk), requester_row(server, desk, clerk)
    assert push_ok(server, desk, [person, other]).rejected == ()
    merge_by_clerk = requester_row(server, desk, clerk, row_id=person.row_id, merged_into=other.row_id)
    rename = requester_row(server, desk, boss, row_id=person.row_id, name="Patricia Doe")
    reply = push_ok(server, desk, [merge_by_clerk, rename])
    assert codes(reply) == {merge_by_clerk.change_id: "not_permitted"}
    current = reply.rejected[0].current
    assert current is not None and current.fields == ("merged_into",)
    assert current.data["merged_into"] is None
    assert current.clocks["merged_into"].change_id == person.change_id
    assert current.clocks["merged_into"].hlc == person.hlc


def test_a_refused_redaction_returns_the_entry_with_its_body(server: Server) -> None:
    desk = server.enrol()
    clerk = server.users["clerk"]
    insert, first = new_ticket(server, desk, clerk)
    note = entry(server, desk, clerk, insert.row_id, "note", body="Caller's SSN is 123")
    redaction = entry(
        server,
        desk,
        clerk,
        insert.row_id,
        "redaction",
        detail={"target_entry_id": note.row_id, "reason": "private"},
    )
    reply = push_ok(server, desk, [insert, first, note, redaction])
    assert codes(reply) == {redaction.change_id: "not_permitted"}
    current = reply.rejected[0].current
    assert (
        current is not None
        and current.row_id == note.row_id
        and current.data["body"] == "Caller's SSN is 123"
    )


def test_a_redaction_blanks_its_target_in_pulls_and_snapshots(server: Server) -> None:
    desk, other = server.enrol(), server.enrol("PD")
    clerk, boss = server.users["clerk"], server.users["super"]
    insert, first = new_ticket(server, desk, clerk)
    note = entry(server, desk, clerk, insert.row_id, "note", body="Caller's SSN is 123")
    redaction = entry(
        server,
        desk,
        boss,
        insert.row_id,
        "redaction",
        detail={"target_entry_id": note.row_id, "reason": "private"},
    )
    assert push_ok(server, desk, [insert, first, note]).rejected == ()
    assert push_ok(server, desk, [redaction]).rejected == ()
    pulled = {c.change_id: c for c in Page.from_json(server.pull(other).json()).changes}
    assert pulled[note.change_id].data["body"] is None
    snap = {c.change_id: c for c in Page.from_json(server.snapshot(other).json()).changes}
    assert snap[note.change_id].data["body"] is None


def test_a_redaction_that_arrives_before_its_target_blanks_it_on_arrival(server: Server) -> None:
    desk, other = server.enrol(), server.enrol("PD")
    clerk, boss = server.users["clerk"], server.users["super"]
    insert, first = new_ticket(server, desk, clerk)
    note = entry(server, desk, clerk, insert.row_id, "note", body="secret")
    redaction = entry(
        server,
        other,
        boss,
        insert.row_id,
        "redaction",
        detail={"target_entry_id": note.row_id, "reason": "private"},
    )
    assert push_ok(server, other, [redaction]).rejected == ()
    assert push_ok(server, desk, [insert, first, note]).rejected == ()
    pulled = {c.change_id: c for c in Page.from_json(server.pull(other).json()).changes}
    assert pulled[note.change_id].data["body"] is None


def test_nobody_changes_the_system_users_row(server: Server) -> None:
    laptop = server.enrol()
    change = Change(
        "01a00000-0000-7000-8000-0000000000cc",
        "app_user",
        Op.ROW,
        SYSTEM_USER_ID,
        server.stamp(),
        laptop.id,
        server.users["boss"],
        {"id": SYSTEM_USER_ID, "active": False},
        ("active",),
    )
    assert codes(push_ok(server, laptop, [change])) == {change.change_id: "not_permitted"}
