"""What the Conflicts window lists for refused changes (store.rejected): a refused field of a row keeps
the server's value, a refused status change keeps the ticket's, a refused note keeps nothing but its text
is shown (the real server app; the author was disabled while the office was offline)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from citydesk.services.requesters import create_requester, update_requester
from citydesk.services.ticket_work import add_note, change_status
from citydesk.store.rejected import rejected_changes, split_reason
from sync_world import World, server_admin, sync_world


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with sync_world(tmp_path) as made:
        yield made


def test_refused_changes_say_what_was_tried_why_and_what_was_kept(world: World) -> None:
    a = world.enrol("a")
    made = a.log("carla", "Broken bench")
    person = create_requester(a.db, actor=a.actor("tomas"), name="Jane Roe", phone="555-0101")
    a.sync()
    world.clock.advance(minutes=1)
    server_admin().disable_user(world.url, username="tomas", clock=world.clock)
    world.clock.advance(minutes=1)
    tomas = a.actor("tomas")
    update_requester(a.db, actor=tomas, requester_id=person.requester_id, phone="555-0199")
    change_status(a.db, actor=tomas, ticket_id=made.ticket_id, status="in_progress")
    add_note(a.db, actor=tomas, ticket_id=made.ticket_id, body="Bolts ordered", public=False)
    result = a.sync()
    assert {r.code for r in result.rejected} == {"author_inactive"} and len(result.rejected) == 3

    with a.db.read() as session:
        found = {(r.table, r.entry_kind, r.field): r for r in rejected_changes(session)}
    phone = found[("requester", None, "phone")]
    assert (phone.attempted, phone.kept) == ("555-0199", "555-0101")  # the server's value, kept
    status = found[("timeline_entry", "status", "status")]
    assert (status.attempted, status.kept, status.ticket_number) == ("in_progress", "new", made.number)
    note = found[("timeline_entry", "note", None)]
    assert (note.body, note.kept, note.author_name) == ("Bolts ordered", None, "Tomas")
    assert "disabled" in note.reason and note.code == "author_inactive"


def test_a_stored_reason_splits_into_the_sentence_and_its_code() -> None:
    assert split_reason("A clerk (Carla (carla)) may not change priority. (not_permitted)") == (
        "A clerk (Carla (carla)) may not change priority.",
        "not_permitted",
    )
    assert split_reason("no code here") == ("no code here", "")
