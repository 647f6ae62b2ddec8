"""The duplicate chain behind "duplicate of <number>": followed to its end, loops reported, not followed."""

from __future__ import annotations

from citydesk.services import tickets
from citydesk.store.duplicate_chain import duplicate_target
from factories import Office


def ticket(office: Office, title: str) -> tickets.TicketCreated:
    return tickets.create_ticket(office.db, actor=office.clerk, title=title, channel="phone",
                                 category_id=office.pothole)  # fmt: skip


def duplicate(office: Office, ticket_id: str, of_number: str) -> None:
    tickets.resolve(office.db, actor=office.supervisor, ticket_id=ticket_id, reason="duplicate",
                    public_note="Reported already.", duplicate_of=of_number)  # fmt: skip


def test_chain_end_loop_and_unknown_number(office: Office) -> None:
    a, b, c = ticket(office, "A"), ticket(office, "B"), ticket(office, "C")
    duplicate(office, b.ticket_id, c.number)
    duplicate(office, a.ticket_id, b.number)
    with office.db.read() as session:
        chain = duplicate_target(session, a.number)
        plain = duplicate_target(session, c.number)
        unknown = duplicate_target(session, "CLK-TST-999999")
        not_a_number = duplicate_target(session, "hello")
        # resolving C as a duplicate of A would close the circle A -> B -> C -> A
        back = duplicate_target(session, a.number, resolving_id=c.ticket_id)
    assert [t.number for t in chain.chain] == [a.number, b.number, c.number]
    assert chain.end is not None and chain.end.number == c.number and not chain.loops
    assert plain.end is None and plain.target is not None and plain.target.is_open
    assert unknown.target is None and not_a_number.target is None
    assert back.loops and back.end is None
    duplicate(office, c.ticket_id, a.number)  # two offices closed the circle while offline
    with office.db.read() as session:
        circle = duplicate_target(session, b.number)
    assert circle.loops and circle.end is None
    assert [t.number for t in circle.chain] == [b.number, c.number, a.number]
