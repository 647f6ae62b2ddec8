"""Table models of the Requesters window: the requester list (paged over ids) and one person's tickets.

The requester list holds only the ordered ids a search returned (all 20,000 requesters at most) and
fetches the rows it shows a page at a time on a reader thread, like the ticket table.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from citydesk.store import requesters_view as rv
from citydesk.ui.app import CitydeskApp
from citydesk.ui.detail.view import status_text
from citydesk.ui.words import short_date_text

Index = QModelIndex | QPersistentModelIndex
PAGE = 100
MAX_PAGES = 30
REQUESTER_HEADERS = (
    QT_TRANSLATE_NOOP("Requesters", "Name"),
    QT_TRANSLATE_NOOP("Requesters", "Phone"),
    QT_TRANSLATE_NOOP("Requesters", "E-mail"),
    QT_TRANSLATE_NOOP("Requesters", "Kind"),
    QT_TRANSLATE_NOOP("Requesters", "Tickets"),
)
TICKET_HEADERS = (
    QT_TRANSLATE_NOOP("Requesters", "Number"),
    QT_TRANSLATE_NOOP("Requesters", "Title"),
    QT_TRANSLATE_NOOP("Requesters", "Status"),
    QT_TRANSLATE_NOOP("Requesters", "Created"),
)


def tr(text: str) -> str:
    """Translate `text` in the Requesters window's context."""
    return QCoreApplication.translate("Requesters", text)


def kind_text(row: rv.RequesterRow | rv.RequesterDetail) -> str:
    """ "Citizen" or "Staff (Public Works)"."""
    if row.kind == "staff":
        return tr("Staff ({0})").format(row.department_name) if row.department_name else tr("Staff")
    return tr("Citizen")


class TextTableModel(QAbstractTableModel):
    """A read-only table of text cells: subclasses give `headers`, `row_total()` and `cells(row)`."""

    headers: tuple[str, ...] = ()
    numeric: frozenset[int] = frozenset()  # columns of numbers

    def row_total(self) -> int:
        """How many rows there are."""
        raise NotImplementedError

    def cells(self, row: int) -> tuple[str, ...] | None:
        """The texts of one row (None while it is being fetched)."""
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of rows."""
        return 0 if parent.isValid() else self.row_total()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of columns."""
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles; a row's header is its first cell (the name or number a screen reader reads
        moving down the rows), "loading" until the row is fetched."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return tr(self.headers[section])
        if not 0 <= section < self.row_total():
            return None
        cells = self.cells(section)
        return tr("loading") if cells is None else cells[0]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text (also for screen readers); counts are right-aligned."""
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        cells = self.cells(index.row())
        if cells is None:
            return "…" if index.column() == 0 else ""
        return cells[index.column()]


class RequesterListModel(TextTableModel):
    """Requesters matching the search, in SQL order (by name), fetched a page at a time."""

    headers = REQUESTER_HEADERS
    numeric = frozenset({4})
    loaded = Signal(int)  # number of rows after a search

    def __init__(self, hub: CitydeskApp, parent: Any = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.typed = ""
        self.ids: list[str] = []
        self._pages: OrderedDict[int, dict[str, rv.RequesterRow]] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0
        self._shown_generation = 0

    def search(self, typed: str) -> None:
        """List requesters matching `typed` (everybody when empty); the latest call wins."""
        self.typed = typed
        self._generation += 1
        generation = self._generation

        def fetch(session: Any) -> tuple[list[str], dict[str, rv.RequesterRow]]:
            ids = rv.search_requester_ids(session, typed)
            return ids, rv.requester_rows(session, ids[:PAGE])

        self.hub.query(fetch, lambda result: self._searched(generation, result))

    @property
    def searching(self) -> bool:
        """True while the latest search has not come back."""
        return self._shown_generation != self._generation

    def reload(self) -> None:
        """Search again with the same text (after an edit or a merge)."""
        self.search(self.typed)

    def _searched(self, generation: int, result: tuple[list[str], dict[str, rv.RequesterRow]]) -> None:
        if generation != self._generation:
            return  # the user kept typing
        self._shown_generation = generation
        self.beginResetModel()
        self.ids, first = result
        self._pages.clear()
        self._pending.clear()
        self._pages[0] = first
        self.endResetModel()
        self.loaded.emit(len(self.ids))

    def _row(self, row: int) -> rv.RequesterRow | None:
        page = row // PAGE
        cached = self._pages.get(page)
        if cached is None:
            if page not in self._pending:
                self._pending.add(page)
                generation = self._generation
                wanted = self.ids[page * PAGE : (page + 1) * PAGE]
                self.hub.query(
                    lambda s: rv.requester_rows(s, wanted),
                    lambda rows: self._page_arrived(generation, page, rows),
                )
            return None
        self._pages.move_to_end(page)
        return cached.get(self.ids[row])

    def _page_arrived(self, generation: int, page: int, rows: dict[str, rv.RequesterRow]) -> None:
        if generation != self._generation:
            return
        self._pending.discard(page)
        self._pages[page] = rows
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        last = min(len(self.ids), (page + 1) * PAGE) - 1
        self.dataChanged.emit(self.index(page * PAGE, 0), self.index(last, len(REQUESTER_HEADERS) - 1))

    def requester_id(self, row: int) -> str | None:
        """The id shown at `row`."""
        return self.ids[row] if 0 <= row < len(self.ids) else None

    def row_of(self, requester_id: str | None) -> int | None:
        """The row showing `requester_id`, if listed."""
        try:
            return self.ids.index(requester_id) if requester_id else None
        except ValueError:
            return None

    # ---- the table's cells -----------------------------------------------------------------------

    def row_total(self) -> int:
        """Number of requesters listed."""
        return len(self.ids)

    def cells(self, row: int) -> tuple[str, ...] | None:
        """Name, phone, e-mail, kind, ticket count."""
        found = self._row(row)
        if found is None:
            return None
        return (found.name or "", found.phone or "", found.email or "", kind_text(found),
                f"{found.ticket_count:,}")  # fmt: skip


class RequesterTicketsModel(TextTableModel):
    """One requester's tickets, newest first (a person has a handful, so all rows are held)."""

    headers = TICKET_HEADERS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.tickets: tuple[rv.RequesterTicket, ...] = ()
        self.tz: Any = None

    def set_tickets(self, tickets: list[rv.RequesterTicket], tz: Any) -> None:
        """Show these tickets (times in the city's zone `tz`)."""
        self.beginResetModel()
        self.tickets = tuple(tickets)
        self.tz = tz
        self.endResetModel()

    def ticket_id(self, row: int) -> str | None:
        """The ticket id at `row`."""
        return self.tickets[row].id if 0 <= row < len(self.tickets) else None

    def row_total(self) -> int:
        """Number of tickets."""
        return len(self.tickets)

    def cells(self, row: int) -> tuple[str, ...] | None:
        """Number, title, status, created (in city time)."""
        ticket = self.tickets[row]
        local = ticket.created_at.astimezone(self.tz) if self.tz else ticket.created_at
        created = short_date_text(local.date())
        return (ticket.number, ticket.title, status_text(ticket.status), created)
