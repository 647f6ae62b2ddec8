"""Ticket lists in SQL: every sort key's order, the first page, sorting inside a search, index-only plans."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session, aliased

from citydesk.domain.roles import SYSTEM_ACTOR
from citydesk.services.bulk import BulkTicket, bulk_create_tickets
from citydesk.store import queries
from citydesk.store.models import Department, Ticket, User
from citydesk.store.queries import Queue, SortKey, TicketQuery
from citydesk.store.settings import load_calendar
from factories import Office

WORDS = ("alpha", "beta", "gamma", "delta", "omega", "sigma", "kappa")
# The sort keys issue 3 budgets (re-sorting ≤ 200 ms at 100k): each must be served by an index.
BUDGETED = (SortKey.NUMBER, SortKey.PRIORITY, SortKey.STATUS, SortKey.AGE, SortKey.DUE,
            SortKey.REQUESTER, SortKey.DEPARTMENT, SortKey.ASSIGNEE)  # fmt: skip


@pytest.fixture
def lists(office: Office) -> Office:
    """36 tickets mixing priorities, departments, assignees (and none), requesters (and none), ties."""
    now = office.clock.now()
    assignees = (office.tech.user_id, office.tech2.user_id, None, office.supervisor.user_id)
    departments = (office.public_works, office.it)
    requesters = (office.citizen, None, office.spanish_citizen)
    items = []
    for i in range(36):
        requester = requesters[i % 3]
        items.append(
            BulkTicket(
                created_at=now - timedelta(hours=i // 2),  # pairs share a creation time: ties
                created_by=office.clerk.user_id,
                fields={
                    "title": f"{WORDS[i % 7]} water",
                    "channel": "phone",
                    "priority": ("P1", "P2", "P3", "OPS")[i % 4],
                    "status": ("new", "in_progress", "resolved", "waiting_requester")[i % 5 % 4],
                    "category_id": office.pothole if i % 6 else None,
                    "department_id": departments[i % 2],
                    "assignee_id": assignees[i % 4],
                },
                reporters=(
                    ({"requester_id": requester, "channel": "phone", "reply_method": "phone"},)
                    if requester
                    else ()
                ),
            )
        )
    bulk_create_tickets(office.db, actor=SYSTEM_ACTOR, tickets=items)
    return office


def ids(office: Office, query: TicketQuery, limit: int | None = None) -> list[int]:
    with office.db.read() as s:
        return queries.ticket_ids(
            s, query, now=office.clock.now(), calendar=load_calendar(s), limit=limit
        ).tolist()


def reference_order(session: Session, key: SortKey, descending: bool, only: set[int] | None) -> list[int]:
    """The documented order, computed in Python from plain rows (descending is the exact reverse)."""
    dept, user = aliased(Department), aliased(User)
    rows = session.execute(
        select(Ticket, dept.name, dept.id, user.display_name, user.id)
        .outerjoin(dept, dept.id == Ticket.department_id)
        .outerjoin(user, user.id == Ticket.assignee_id)
    ).all()

    def blank_last(value: Any) -> tuple[bool, Any]:
        return (value is None, value if value is not None else "")

    def sort_key(row: Any) -> tuple[Any, ...]:
        t, dept_name, dept_id, user_name, user_id = row
        created: datetime = t.created_at
        if key is SortKey.NUMBER:
            return (t.number, t.row_no)
        if key is SortKey.PRIORITY:
            return (t.priority_rank, created, t.row_no)
        if key is SortKey.STATUS:
            return (t.status, created, t.row_no)
        if key is SortKey.DUE:
            return (*blank_last(t.due_at), t.row_no)
        if key is SortKey.REQUESTER:
            return (*blank_last(t.requester_name), t.row_no)
        if key is SortKey.DEPARTMENT:  # by name, then open first and newest first within it
            return (*blank_last(dept_name), dept_id or "", not t.is_open, -created.timestamp(), -t.row_no)
        if key is SortKey.ASSIGNEE:
            return (*blank_last(user_name), user_id or "", not t.is_open, -created.timestamp(), -t.row_no)
        if key is SortKey.TITLE:
            return (t.title, t.row_no)
        if key is SortKey.UPDATED:
            return (t.updated_at, t.row_no)
        return (created, t.row_no)

    ordered = [r[0].row_no for r in sorted(rows, key=sort_key) if only is None or r[0].row_no in only]
    return ordered[::-1] if descending else ordered


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("key", list(SortKey))
def test_each_sort_key_gives_the_documented_order(lists: Office, key: SortKey, descending: bool) -> None:
    with lists.db.read() as s:
        expected = reference_order(s, key, descending, None)
    assert len(expected) == 36
    assert ids(lists, TicketQuery(queue=Queue.ALL, sort=key, descending=descending)) == expected


@pytest.mark.parametrize("key", [SortKey.DEPARTMENT, SortKey.ASSIGNEE, SortKey.DUE, SortKey.PRIORITY])
def test_first_page_is_the_head_of_the_list_across_parts(lists: Office, key: SortKey) -> None:
    query = TicketQuery(queue=Queue.ALL, sort=key, descending=False)
    whole = ids(lists, query)
    for limit in (1, 5, 13, 36, 50):
        with lists.db.read() as s:
            page = queries.ticket_page(
                s, query, now=lists.clock.now(), calendar=load_calendar(s), limit=limit
            )
        assert page.total == 36
        assert page.row_nos.tolist() == whole[:limit]


def test_blank_values_come_last_ascending_and_first_descending(lists: Office) -> None:
    with lists.db.read() as s:
        blank = set(s.scalars(select(Ticket.row_no).where(Ticket.assignee_id.is_(None))))
    up = ids(lists, TicketQuery(queue=Queue.ALL, sort=SortKey.ASSIGNEE, descending=False))
    down = ids(lists, TicketQuery(queue=Queue.ALL, sort=SortKey.ASSIGNEE, descending=True))
    assert len(blank) == 9
    assert set(up[-9:]) == blank and set(down[:9]) == blank
    assert down == up[::-1]


@pytest.mark.parametrize("key", [SortKey.AGE, SortKey.PRIORITY, SortKey.DEPARTMENT])
def test_search_results_sort_like_a_queue_restricted_to_the_matches(lists: Office, key: SortKey) -> None:
    with lists.db.read() as s:
        matches = set(queries.search(s, "kappa wat", limit=None).row_nos)
        expected = reference_order(s, key, False, matches)
        if key is SortKey.AGE:  # a search's age order is the index's insertion order (docs/design.md)
            expected = sorted(matches)
        page = queries.ticket_page(
            s, TicketQuery(search="kappa wat", sort=key, descending=False), now=lists.clock.now(),
            calendar=load_calendar(s), limit=2,
        )  # fmt: skip
    assert len(matches) == 5
    assert ids(lists, TicketQuery(search="kappa wat", sort=key, descending=False)) == expected
    assert page.total == 5 and page.row_nos.tolist() == expected[:2] and page.terms == ("kappa", "wat")


def test_search_newest_first_comes_from_the_index_and_counts_all(lists: Office) -> None:
    query = TicketQuery(search="wat", sort=SortKey.AGE, descending=True)
    with lists.db.read() as s:
        page = queries.ticket_page(s, query, now=lists.clock.now(), calendar=load_calendar(s), limit=10)
    found = ids(lists, query)
    assert page.total == 36 and found == sorted(found, reverse=True) and page.row_nos.tolist() == found[:10]
    assert ids(lists, TicketQuery(search="no-such-word")) == []


@pytest.fixture
def plans(lists: Office) -> Iterator[tuple[Office, list[tuple[str, Any]]]]:
    """Records the SELECTs the engine runs, to explain them."""
    seen: list[tuple[str, Any]] = []

    def listener(_c: Any, _cur: Any, statement: str, params: Any, _ctx: Any, _many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, params))

    event.listen(lists.db.engine, "before_cursor_execute", listener)
    yield lists, seen
    event.remove(lists.db.engine, "before_cursor_execute", listener)


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("key", BUDGETED)
def test_budgeted_sorts_read_an_index_in_order_without_a_temporary_sort(
    plans: tuple[Office, list[tuple[str, Any]]], key: SortKey, descending: bool
) -> None:
    office, seen = plans
    query = TicketQuery(queue=Queue.ALL, sort=key, descending=descending)
    ids(office, query)
    listing = [(sql, p) for sql, p in seen if "ticket.row_no" in sql and "ORDER BY" in sql]
    assert listing
    with office.db.read() as s:
        for sql, params in listing:
            plan = [row[3] for row in s.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)]
            assert not any("TEMP B-TREE" in line for line in plan), (sql, plan)
            assert any("INDEX" in line for line in plan), (sql, plan)
