"""The ticket table model shows the first page of a list at once, then fills in the rest of its ids."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from citydesk.domain.roles import SYSTEM_ACTOR
from citydesk.services.bulk import BulkTicket, bulk_create_tickets
from citydesk.store import queries
from citydesk.store.queries import Queue, SortKey, TicketQuery
from citydesk.store.settings import load_calendar
from citydesk.ui.app import CitydeskApp
from citydesk.ui.ticket_model import COL_NUMBER, FIRST_ROWS, PAGE, TicketTableModel
from factories import Office

TICKETS = PAGE * 2 + 50


def _many(office: Office) -> None:
    now = office.clock.now()
    bulk_create_tickets(
        office.db,
        actor=SYSTEM_ACTOR,
        tickets=[
            BulkTicket(
                created_at=now - timedelta(minutes=i),
                created_by=office.clerk.user_id,
                fields={"title": f"Ticket {i}", "channel": "web", "priority": ("P1", "P2", "P3")[i % 3]},
            )
            for i in range(TICKETS)
        ],
    )


def test_first_page_shows_with_the_full_count_then_the_rest_fills_in(
    qtbot: Any, hub: CitydeskApp, office: Office
) -> None:
    _many(office)
    model = TicketTableModel(hub)
    at_first: list[tuple[int, int, bool, Any]] = []
    model.loaded.connect(
        lambda n: at_first.append((
            n, len(model.ids), set(model._pages[0]) == set(model.ids[:FIRST_ROWS]),
            model.data(model.index(PAGE + 10, COL_NUMBER)),
        ))
    )  # fmt: skip
    query = TicketQuery(queue=Queue.ALL, sort=SortKey.PRIORITY, descending=False)
    with qtbot.waitSignal(model.completed, timeout=10_000) as done:
        model.set_query(query)
    # counted in full; the first page's ids known, a window's worth of its rows fetched with them
    assert at_first == [(TICKETS, PAGE, True, "…")]
    assert done.args == [TICKETS] and model.rowCount() == TICKETS and model.complete
    with office.db.read() as s:
        expected = queries.ticket_ids(s, query, now=office.clock.now(), calendar=load_calendar(s))
    assert model.ids == expected
    assert model.data(model.index(0, COL_NUMBER)) != "…"  # the first rows came with the list
    qtbot.waitUntil(lambda: model.ticket_id(FIRST_ROWS + 5) is not None)  # the rest of page 0 on demand
    qtbot.waitUntil(lambda: model.ticket_id(PAGE + 10) is not None)  # asks for its page, which arrives
    with office.db.read() as s:
        row = queries.rows_by_ids(s, [expected[PAGE + 10]])[expected[PAGE + 10]]
    assert model.data(model.index(PAGE + 10, COL_NUMBER)) == row.number


def test_a_newer_query_supersedes_one_in_flight(qtbot: Any, hub: CitydeskApp, office: Office) -> None:
    _many(office)
    model = TicketTableModel(hub)
    totals: list[int] = []
    model.loaded.connect(totals.append)
    model.set_query(TicketQuery(queue=Queue.ALL))
    with qtbot.waitSignal(model.completed, timeout=10_000):
        model.set_query(TicketQuery(queue=Queue.P1_OPEN, sort=SortKey.NUMBER))
    qtbot.waitUntil(lambda: hub.runner.in_flight == 0)
    assert totals == [len(range(0, TICKETS, 3))]
    assert model.rowCount() == len(model.ids) == len(range(0, TICKETS, 3))


def test_search_shows_newest_first_with_its_words(qtbot: Any, hub: CitydeskApp, office: Office) -> None:
    _many(office)
    model = TicketTableModel(hub)
    with qtbot.waitSignal(model.completed, timeout=10_000):
        model.set_query(TicketQuery(search="ticket 12"))
    assert model.terms == ("ticket", "12")
    assert model.rowCount() == 11  # the last word is a prefix: "Ticket 12" and "Ticket 120" … "129"
    assert model.ids.tolist() == sorted(model.ids.tolist(), reverse=True)  # newest first
