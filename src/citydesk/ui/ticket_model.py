"""The ticket table: a QAbstractTableModel over an ordered id list from SQL, rows paged in by id.

Sorting and filtering happen in SQL (`store.queries.ticket_ids`), never in a proxy model; the
model holds only the ordered row numbers (an `array` of 100k ints) and a bounded cache of fetched pages.
"""

from __future__ import annotations

import dataclasses
import time
from array import array
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from citydesk.store import queries
from citydesk.store.queries import SortKey, TicketPage, TicketQuery, TicketRow
from citydesk.ui.app import CitydeskApp
from citydesk.ui.events import TicketsPulled
from citydesk.ui.pacing import Pacer
from citydesk.ui.ticket_cells import age_text, priority_colour
from citydesk.ui.ticket_pull import PAGE, PulledRows, read_pulled
from citydesk.ui.words import due_day_text, priority_label, priority_meaning, status_label

(
    COL_NUMBER,
    COL_PRIORITY,
    COL_STATUS,
    COL_TITLE,
    COL_REQUESTER,
    COL_DEPARTMENT,
    COL_ASSIGNEE,
    COL_AGE,
    COL_DUE,
) = range(9)
# Translated in headerData; QT_TRANSLATE_NOOP marks them for pyside6-lupdate.
HEADERS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("TicketTableModel", "Number"),
    QT_TRANSLATE_NOOP("TicketTableModel", "Priority"),
    QT_TRANSLATE_NOOP("TicketTableModel", "Status"),
    QT_TRANSLATE_NOOP("TicketTableModel", "Title"),
    QT_TRANSLATE_NOOP("TicketTableModel", "Requester"),
    QT_TRANSLATE_NOOP("TicketTableModel", "Department"),
    QT_TRANSLATE_NOOP("TicketTableModel", "Assigned to"),
    QT_TRANSLATE_NOOP("TicketTableModel", "Age"),
    QT_TRANSLATE_NOOP("TicketTableModel", "Due"),
)
SORT_KEYS = {
    COL_NUMBER: SortKey.NUMBER, COL_PRIORITY: SortKey.PRIORITY, COL_STATUS: SortKey.STATUS,
    COL_TITLE: SortKey.TITLE, COL_REQUESTER: SortKey.REQUESTER, COL_DEPARTMENT: SortKey.DEPARTMENT,
    COL_ASSIGNEE: SortKey.ASSIGNEE, COL_AGE: SortKey.AGE, COL_DUE: SortKey.DUE,
}  # fmt: skip
FIRST_ROWS = 60  # rows fetched with a new list's first page: a full window's worth, the rest on demand
MAX_PAGES = 40
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class FirstPage:
    """What a (re)load shows at once: the list's size, its first row numbers, their rows."""

    page: TicketPage
    rows: dict[int, TicketRow]
    tz_name: str  # the city's time zone: every date the table shows is a day in the city


class TicketTableModel(QAbstractTableModel):
    """Tickets of one queue or search result, in SQL order, fetched a page at a time.

    A (re)load first asks SQL for the list's size and its first page only (an index range, a few
    ms even at 100k tickets) and shows it; the complete ordered id list follows in a second
    background query. Until it arrives, rows past the first page show a placeholder.
    """

    loaded = Signal(int)  # number of rows, once the first page of a (re)load is shown
    completed = Signal(int)  # number of rows, once the complete id list of a (re)load is known

    def __init__(self, hub: CitydeskApp, parent: Any = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.query = TicketQuery()
        self.ids: array[int] = array("q")  # the row numbers known so far, in list order
        self.terms: tuple[str, ...] = ()  # the words a search matched (to highlight)
        self._total = 0
        self._pages: OrderedDict[int, dict[int, TicketRow]] = OrderedDict()
        self._pending: set[int] = set()
        self._partial = False  # page 0 holds only the rows fetched with the list
        self._generation = 0
        self._loaded_generation = 0
        self._complete_generation = 0
        self.max_burst_ms = 0.0
        self.tz: ZoneInfo | None = None  # the city's zone, read with every first page
        self.conflicted: frozenset[str] = frozenset()  # tickets with an open conflict (marked)
        self._warning_icon: Any = None
        self._pulled: set[str] = set()  # tickets pulled since the last in-place refresh started
        self._pulling = False
        self._urgent = False  # a local save waits: refresh without waiting for the pacer's gap
        self._pacer = Pacer(self, self._refresh_pulled)  # pulled pages: one in-place read a second
        hub.tickets_pulled.connect(self.apply_pull)
        self.completed.connect(lambda _rows: self._refresh_pulled())
        from citydesk.ui.conflicts.tracker import tracker_for

        tracker = tracker_for(hub)
        tracker.changed.connect(lambda: self.set_conflicted(tracker.ticket_ids()))
        self.conflicted = tracker.ticket_ids()

    # ---- loading ---------------------------------------------------------------------------------

    def set_query(self, query: TicketQuery) -> None:
        """Show another queue or search result: its first page at once, then the rest of its ids."""
        self.query = query
        self._load(whole=False)

    def reload(self) -> None:
        """Re-run the list after data changed: the complete id list in one step, so the rows
        already on screen never blink to placeholders."""
        self._load(whole=True)

    def _load(self, *, whole: bool) -> None:
        self._generation += 1
        generation = self._generation
        query = self.query
        now = self.hub.db.clock.now()

        def first(session: Any) -> FirstPage:
            from citydesk.store.settings import load_calendar

            calendar = load_calendar(session)
            page = queries.ticket_page(
                session, query, now=now, calendar=calendar, limit=None if whole else PAGE
            )
            rows = queries.rows_by_ids(session, page.row_nos[:FIRST_ROWS])
            return FirstPage(page, rows, calendar.tz_name)

        def complete(session: Any) -> array[int]:
            from citydesk.store.settings import load_calendar

            return queries.ticket_ids(session, query, now=now, calendar=load_calendar(session))

        def shown(result: FirstPage) -> None:
            if self._first_arrived(generation, result):
                self.hub.query(complete, lambda ids: self._all_arrived(generation, ids))

        self.hub.query(first, shown)

    def _first_arrived(self, generation: int, result: FirstPage) -> bool:
        """Show a first page; True when the rest of the id list is still to fetch."""
        if generation != self._generation:
            return False  # a newer query superseded this one
        self._loaded_generation = generation
        started = time.perf_counter()
        self.beginResetModel()
        self.tz = ZoneInfo(result.tz_name)
        self.ids = result.page.row_nos
        self._total = result.page.total
        self.terms = result.page.terms
        self._pages.clear()
        self._pending.clear()
        self._pages[0] = result.rows
        self._partial = len(result.rows) < min(PAGE, len(self.ids))  # page 0 holds FIRST_ROWS rows only
        self.endResetModel()
        self._burst(started)
        self.loaded.emit(self._total)
        if len(self.ids) >= self._total:
            self._complete_generation = generation
            self.completed.emit(self._total)
            return False
        return True

    def _all_arrived(self, generation: int, ids: array[int]) -> None:
        """The complete id list: keep the rows shown, fill in the placeholders."""
        if generation != self._generation:
            return
        started = time.perf_counter()
        known = len(self.ids)
        if ids[:known] != self.ids:  # the list changed in between: the cached page may not fit
            self._pages.clear()
            self._pending.clear()
            self._partial = False
        self.ids = ids
        self._complete_generation = generation
        shown, total = self._total, len(ids)
        if total > shown:
            self.beginInsertRows(QModelIndex(), shown, total - 1)
            self._total = total
            self.endInsertRows()
        elif total < shown:
            self.beginRemoveRows(QModelIndex(), total, shown - 1)
            self._total = total
            self.endRemoveRows()
        if total:
            first = known if self._pages else 0
            self.dataChanged.emit(
                self.index(min(first, total - 1), 0), self.index(total - 1, len(HEADERS) - 1)
            )
        self._burst(started)
        self.completed.emit(total)

    @property
    def loading(self) -> bool:
        """True while the first page of a (re)load is in flight."""
        return self._loaded_generation != self._generation

    @property
    def complete(self) -> bool:
        """True once the complete id list of the current (re)load is known."""
        return self._complete_generation == self._generation

    def _burst(self, started: float) -> None:
        self.max_burst_ms = max(self.max_burst_ms, (time.perf_counter() - started) * 1000)

    def _row(self, row: int) -> TicketRow | None:
        page = row // PAGE
        cached = self._pages.get(page)
        if cached is None:
            if row < len(self.ids):  # past the known ids the complete list will bring them
                self._request(page)
            return None
        self._pages.move_to_end(page)
        found = cached.get(self.ids[row]) if row < len(self.ids) else None
        if found is None and page == 0 and self._partial:
            self._request(0)  # the rest of the first page, past the rows fetched with the list
        return found

    def _request(self, page: int) -> None:
        if page in self._pending:
            return
        self._pending.add(page)
        generation = self._generation
        wanted = self.ids[page * PAGE : (page + 1) * PAGE].tolist()
        self.hub.query(
            lambda s: queries.rows_by_ids(s, wanted), lambda rows: self._page_arrived(generation, page, rows)
        )

    def _page_arrived(self, generation: int, page: int, rows: dict[int, TicketRow]) -> None:
        if generation != self._generation or page not in self._pending:
            return
        started = time.perf_counter()
        self._pending.discard(page)
        self._pages[page] = rows
        if page == 0:
            self._partial = False
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        first = page * PAGE
        last = min(self._total, first + PAGE) - 1
        self.dataChanged.emit(self.index(first, 0), self.index(last, len(HEADERS) - 1))
        self._burst(started)

    # ---- Qt model API ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of tickets listed."""
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of columns."""
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles; each row's header is its ticket number ("loading" until the row is fetched),
        so assistive technology reads the number when moving down the rows."""
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.tr(HEADERS[section])
        row = self._row(section) if 0 <= section < self.rowCount() else None
        if row is None:
            return self.tr("loading")
        return self.tr("{0}, conflict").format(row.number) if row.id in self.conflicted else row.number

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, colours (always with text) and tooltips."""
        if not index.isValid():
            return None
        row = self._row(index.row())
        col = index.column()
        if row is None:
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return self.tr("loading")
            return "…" if role == Qt.ItemDataRole.DisplayRole and col == COL_NUMBER else None
        now = self.hub.db.clock.now()
        overdue = row.is_open and row.due_at is not None and row.due_at < now
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col, now, overdue)
        conflicted = col == COL_NUMBER and row.id in self.conflicted
        if role == Qt.ItemDataRole.AccessibleTextRole:  # "Priority: P1 Critical" when moving across
            header, none = self.tr(HEADERS[col]), self.tr("none")
            text = f"{header}: {self._text(row, col, now, overdue) or none}"
            return self.tr("{0}, conflict to settle").format(text) if conflicted else text
        if conflicted and role == Qt.ItemDataRole.DecorationRole:
            if self._warning_icon is None:
                warning = QStyle.StandardPixmap.SP_MessageBoxWarning
                self._warning_icon = QApplication.style().standardIcon(warning)
            return self._warning_icon
        if conflicted and role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Conflict: two offices changed this ticket at the same time. Settle it in "
                           "View → Conflicts or in the ticket's details.")  # fmt: skip
        if role == Qt.ItemDataRole.ForegroundRole:
            dark = QApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
            if col == COL_PRIORITY:
                colour = priority_colour(row.priority, dark)
                return QBrush(colour) if colour else None
            if col == COL_DUE and overdue:
                return QBrush(QColor("#ff8a80") if dark else QColor("#b00020"))
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_PRIORITY:
            return priority_meaning(row.priority)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def _text(self, row: TicketRow, col: int, now: datetime, overdue: bool) -> str:
        if col == COL_NUMBER:
            return row.number
        if col == COL_PRIORITY:
            return priority_label(row.priority)
        if col == COL_STATUS:
            return status_label(row.status)
        if col == COL_TITLE:
            return row.title
        if col == COL_REQUESTER:
            extra = f" +{row.reporter_count - 1}" if row.reporter_count > 1 else ""
            return (row.requester_name or "") + extra
        if col == COL_DEPARTMENT:
            return row.department_name or ""
        if col == COL_ASSIGNEE:
            return row.assignee_name or self.tr("Unassigned")
        if col == COL_AGE:
            return age_text(row.created_at, now)
        if col == COL_DUE:
            if row.due_at is None:
                return ""
            if overdue:
                return self.tr("Overdue {0}").format(age_text(row.due_at, now))
            return due_day_text(row.due_at.astimezone(self.tz).date())  # a day in the city
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-sort in SQL by the clicked column."""
        key = SORT_KEYS.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self.query.sort and descending == self.query.descending:
            return
        self.query = dataclasses.replace(self.query, sort=key, descending=descending)
        if self._generation:  # before the first load the view is only setting up its header
            self._load(whole=False)

    # ---- conflicts and pulled pages ------------------------------------------------------------

    def set_conflicted(self, ticket_ids: frozenset[str]) -> None:
        """Mark these tickets as having an open conflict (repaints the number column)."""
        if ticket_ids == self.conflicted:
            return
        self.conflicted = frozenset(ticket_ids)
        if self._total:
            self.dataChanged.emit(self.index(0, COL_NUMBER), self.index(self._total - 1, COL_NUMBER))
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self._total - 1)

    def apply_pull(self, pulled: TicketsPulled) -> None:
        """A sync page changed these tickets: refresh the list in place, paced (at most one read a second;
        pages that arrive meanwhile are coalesced). Rows keep their selection, the view its scroll."""
        self._pulled.update(pulled.ticket_ids)
        self._pacer.request()

    def refresh_tickets(self, ticket_ids: frozenset[str]) -> None:
        """A local save changed these tickets: refresh their rows in place now (after a read in flight)."""
        self._pulled.update(ticket_ids)
        self._urgent = True
        self._refresh_pulled()

    def _refresh_pulled(self) -> None:
        if self._pulling or not self._pulled or not self._generation:
            return
        if self.loading or not self.complete:  # after the (re)load in flight (it may predate the page)
            return
        ticket_ids, self._pulled = frozenset(self._pulled), set()
        self._pulling, self._urgent = True, False
        generation, query, now = self._generation, self.query, self.hub.db.clock.now()
        known = frozenset(rn for rows in self._pages.values() for rn in rows)
        pages = tuple(self._pages)

        def read(session: Any) -> PulledRows:
            return read_pulled(session, query, now=now, ticket_ids=ticket_ids, pages=pages, known=known)

        def failed(exc: BaseException) -> None:
            self._pulling = False
            self.hub.error.emit(str(exc))

        future = self.hub.query(read, lambda result: self._pulled_arrived(generation, result), failed)
        if future.cancelled():
            self._pulling = False

    def _pulled_arrived(self, generation: int, result: PulledRows) -> None:
        self._pulling = False
        if generation == self._generation:
            started = time.perf_counter()
            if result.ids == self.ids:
                self._update_rows(result)
            else:
                self._relayout(result)
            self._burst(started)
        if self._urgent:
            self._refresh_pulled()
        else:
            self._pacer.request()

    def _update_rows(self, result: PulledRows) -> None:
        """The same list: replace the changed rows where they are cached and repaint them."""
        touched: list[int] = []
        for page, rows in self._pages.items():
            hit = result.changed & rows.keys() & result.rows.keys()
            if not hit:
                continue
            for rn in hit:
                rows[rn] = result.rows[rn]
            start = page * PAGE
            touched += [start + i for i, rn in enumerate(self.ids[start : start + PAGE]) if rn in hit]
        if touched:
            self.dataChanged.emit(self.index(min(touched), 0), self.index(max(touched), len(HEADERS) - 1))
            self.headerDataChanged.emit(Qt.Orientation.Vertical, min(touched), max(touched))

    def _relayout(self, result: PulledRows) -> None:
        """Tickets came, went or moved: the rows are re-laid out with their persistent indexes (the
        selection) following their tickets; rows are added or removed at the end around it."""
        old_ids, old_total, new_total = self.ids, self._total, len(result.ids)
        merged = {rn: row for rows in self._pages.values() for rn, row in rows.items()}
        merged.update(result.rows)
        if new_total > old_total:
            self.beginInsertRows(QModelIndex(), old_total, new_total - 1)
            self._total = new_total
            self.endInsertRows()
        self.layoutAboutToBeChanged.emit()
        found: dict[int, int | None] = {}

        def position(rn: int) -> int | None:  # a few persistent indexes: a C-speed scan each
            if rn not in found:
                try:
                    found[rn] = result.ids.index(rn)
                except ValueError:
                    found[rn] = None
            return found[rn]

        moved_from = self.persistentIndexList()
        moved_to = []
        for index in moved_from:
            new_row = position(old_ids[index.row()]) if index.row() < len(old_ids) else None
            moved_to.append(QModelIndex() if new_row is None else self.index(new_row, index.column()))
        self.ids = result.ids
        pages: OrderedDict[int, dict[int, TicketRow]] = OrderedDict()
        for page in self._pages:
            slice_ = self.ids[page * PAGE : (page + 1) * PAGE]
            if slice_ and all(rn in merged for rn in slice_):
                pages[page] = {rn: merged[rn] for rn in slice_}
        self._pages = pages
        self._pending.clear()
        self._partial = False
        self.changePersistentIndexList(moved_from, moved_to)
        self.layoutChanged.emit()
        if new_total < old_total:
            self.beginRemoveRows(QModelIndex(), new_total, old_total - 1)
            self._total = new_total
            self.endRemoveRows()

    def ticket_id(self, row: int) -> str | None:
        """The ticket id at a row, if its page is loaded."""
        if 0 <= row < self._total:
            found = self._row(row)
            return found.id if found else None
        return None

    def row_of(self, ticket_id: str) -> int | None:
        """The row showing a ticket id, among loaded pages."""
        for page, rows in self._pages.items():
            for row_no, row in rows.items():
                if row.id == ticket_id:
                    try:
                        return self.ids.index(row_no, page * PAGE, (page + 1) * PAGE)
                    except ValueError:
                        return None
        return None
