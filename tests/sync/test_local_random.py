"""Seeded random office work on three replicas, relayed at random moments in random page sizes, converges."""

from __future__ import annotations

import contextlib
import os
import random
from collections.abc import Callable

import pytest
from replicas import Relay, Replica
from sqlalchemy import select

from citydesk.domain.errors import CitydeskError
from citydesk.services import addresses, contacts, requesters, tickets
from citydesk.store.models import Requester, Ticket, TimelineEntry
from citydesk.sync.compare import derived_problems, state_differences, synced_state
from citydesk.sync.conflicts import open_conflicts
from citydesk.sync.messages import Rejection
from citydesk.sync.outgoing import next_batch, pending_counts

STATUSES = ("assigned", "in_progress", "waiting", "new")
PRIORITIES = ("P1", "P2", "P3", "OPS")
SEEDS = int(os.environ.get("SEEDS", "4"))  # SEEDS=200 for a longer run


def _ids(replica: Replica, column: object) -> list[str]:
    with replica.db.read() as s:
        return sorted(str(v) for v in s.scalars(select(column)))  # type: ignore[call-overload]


def _work(rng: random.Random, r: Replica) -> Callable[[], object]:
    """One random piece of office work on replica `r` (may be refused by the services' rules)."""
    o = r.office
    ticket_ids = _ids(r, Ticket.id)
    people = _ids(r, Requester.id)
    with r.db.read() as s:
        notes = sorted(s.scalars(select(TimelineEntry.id).where(TimelineEntry.body.is_not(None))))
    ticket = rng.choice(ticket_ids) if ticket_ids else None
    actor = rng.choice([o.clerk, o.tech, o.supervisor])
    choices: list[Callable[[], object]] = [
        lambda: tickets.create_ticket(
            r.db,
            actor=o.clerk,
            title=f"Request {rng.randrange(1000)}",
            channel="phone",
            category_id=rng.choice([o.pothole, o.streetlight, None]),
            requester_id=rng.choice([*people, None]),
            location=f"{rng.randrange(99)} Main St",
        ),
        lambda: requesters.create_requester(
            r.db, actor=o.clerk, name=f"Person {rng.randrange(1000)}", phone=f"555-01{rng.randrange(10, 99)}"
        ),
        lambda: addresses.import_addresses(
            r.db,
            actor=o.admin,
            data=f"id,address,ward\nA{rng.randrange(5)},{rng.randrange(9)} Elm St,W{rng.randrange(3)}\n",
        ),
        lambda: contacts.log_contact(r.db, actor=o.clerk, kind="question", channel="phone", summary="Where?"),
    ]
    if people:
        who = rng.choice(people)
        choices += [
            lambda: requesters.update_requester(
                r.db, actor=o.clerk, requester_id=who, name=f"Renamed {rng.randrange(1000)}"
            ),
            lambda: requesters.update_requester(
                r.db, actor=o.clerk, requester_id=who, email=f"p{rng.randrange(99)}@x.org"
            ),
            lambda: requesters.merge_requesters(
                r.db, actor=o.supervisor, source_id=who, target_id=rng.choice(people)
            ),
        ]
    if ticket:
        choices += [
            lambda: tickets.add_note(
                r.db, actor=actor, ticket_id=ticket, body=f"note {rng.randrange(999)}", public=False
            ),
            lambda: tickets.change_status(
                r.db, actor=o.supervisor, ticket_id=ticket, status=rng.choice(STATUSES)
            ),
            lambda: tickets.change_priority(
                r.db, actor=o.supervisor, ticket_id=ticket, priority=rng.choice(PRIORITIES)
            ),
            lambda: tickets.assign(
                r.db, actor=o.supervisor, ticket_id=ticket, assignee_id=rng.choice([o.tech, o.tech2]).user_id
            ),
            lambda: tickets.edit_ticket(
                r.db, actor=o.supervisor, ticket_id=ticket, field="title", value=f"T{rng.randrange(99)}"
            ),
            lambda: tickets.resolve(r.db, actor=o.tech, ticket_id=ticket, reason="done", public_note="Fixed"),
            lambda: tickets.reopen(r.db, actor=o.supervisor, ticket_id=ticket, reason="Not fixed"),
            lambda: tickets.add_reporter(
                r.db,
                actor=o.clerk,
                ticket_id=ticket,
                requester_id=rng.choice(people or [o.citizen]),
                channel="phone",
            ),
        ]
    if notes:
        target = rng.choice(notes)
        choices.append(
            lambda: tickets.redact_note(r.db, actor=o.supervisor, entry_id=target, reason="private")
        )
    return rng.choice(choices)


def refuse_some(rng: random.Random, relay: Relay, replica: Replica) -> None:
    """Make the server refuse some of the replica's waiting notes and redactions (a redaction with
    the server's copy of its target, so the body comes back)."""
    batch = next_batch(replica.db)
    for change in batch.changes if batch is not None else ():
        kind = change.data.get("kind")
        if kind not in ("note", "redaction") or rng.random() > 0.3:
            continue
        current = None
        if kind == "redaction":
            target = change.data["detail"]["target_entry_id"]
            current = next((c for c in relay.log if c.change_id == target), None)
        relay.rejections[change.change_id] = Rejection(change.change_id, "not_permitted", "refused", current)


@pytest.mark.parametrize("seed", range(SEEDS))
def test_random_work_converges(trio: list[Replica], seed: int) -> None:
    rng = random.Random(seed)
    relay = Relay()
    for _step in range(60):
        replica = rng.choice(trio)
        replica.clock.advance(seconds=rng.randrange(1, 600))
        roll = rng.random()
        if roll < 0.15:
            refuse_some(rng, relay, replica)
            relay.push(replica, limit=rng.choice([1, 3, 1000]))
        elif roll < 0.3:
            if rng.random() < 0.3:  # a page delivered again (a reply lost after the apply committed)
                relay.cursors[replica.name] = max(0, relay.cursors.get(replica.name, 0) - rng.randrange(1, 9))
            relay.pull(replica, page=rng.choice([1, 2, 7, 1000]), shuffle=rng if rng.random() < 0.5 else None)
        else:
            with contextlib.suppress(CitydeskError):  # work the services refuse is simply not done
                _work(rng, replica)()
    relay.sync(*trio)
    first = synced_state(trio[0].db, skip=("device",))
    for other in trio[1:]:
        assert state_differences(first, synced_state(other.db, skip=("device",))) == []
    for replica in trio:
        assert derived_problems(replica.db) == [], replica.name
        assert pending_counts(replica.db).outbox == pending_counts(replica.db).parked == 0
    assert open_conflicts(trio[0].db) == open_conflicts(trio[1].db) == open_conflicts(trio[2].db)
