"""What the ticket table reads after a pulled sync page (off the GUI thread): the list's ids again and
fresh rows for the changed tickets it holds and for the cached pages' rows it does not hold yet, so the
rows on screen are replaced in place and never blink to placeholders."""

from __future__ import annotations

from array import array
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from citydesk.store import queries
from citydesk.store.detail import row_nos_of
from citydesk.store.queries import TicketQuery, TicketRow
from citydesk.store.settings import load_calendar

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

PAGE = 200  # rows per cached page of the ticket table


@dataclass(frozen=True, slots=True)
class PulledRows:
    """The whole ordered id list again, fresh rows, and the row numbers of the tickets that changed."""

    ids: array[int]
    rows: dict[int, TicketRow]
    changed: frozenset[int]


def read_pulled(
    session: Session,
    query: TicketQuery,
    *,
    now: datetime,
    ticket_ids: Collection[str],
    pages: Collection[int],
    known: Collection[int],
) -> PulledRows:
    """The list of `query` now, the rows of `ticket_ids` that are `known` (cached), and the rows of the
    cached `pages` not `known`."""
    ids = queries.ticket_ids(session, query, now=now, calendar=load_calendar(session))
    changed = frozenset(row_nos_of(session, ticket_ids).values())
    wanted = set(changed.intersection(known))  # a changed row not cached is read when it is shown
    for page in pages:
        wanted.update(rn for rn in ids[page * PAGE : (page + 1) * PAGE] if rn not in known)
    return PulledRows(ids, queries.rows_by_ids(session, sorted(wanted)), changed)
