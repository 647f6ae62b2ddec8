"""The main window's search: as-you-type results in the ticket table, announced once, Esc back to the queue.

A mixin of `MainWindow` (kept apart so each file reads on its own): it uses the window's search box,
table model, detail pane and search state line.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt

from citydesk.store.queries import Queue, SortKey
from citydesk.ui.search_state import tickets_found
from citydesk.ui.ticket_model import COL_AGE


class SearchMixin:
    """Ctrl+F searching in the main window (see the module docstring)."""

    search: Any
    model: Any
    table: Any
    detail: Any
    search_state: Any
    status_message: Any
    _search_timer: Any
    _search_generation: int
    _announced_search: int
    _queue_query: Any
    # And the window's `queue_label()` and `_announce(text)`.

    def _leave_search(self) -> None:
        if self.search.text().strip() or self.model.query.search is not None:
            self.clear_search()

    def escape_search(self) -> None:
        """Esc in the search box or the results: back to the chosen queue."""
        if self.search.text().strip() or self.model.query.search is not None:
            self.clear_search()
            self.table.setFocus()

    def focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.search.setFocus()
        self.search.selectAll()

    def clear_search(self) -> None:
        """Back to the chosen queue."""
        self.search.clear()
        self._search_timer.stop()
        self._search_generation += 1
        self.model.set_query(self._queue_query)
        self._highlight(())
        self.search_state.hide_results()
        self.status_message.clear()

    def _run_search(self) -> None:
        typed = self.search.text()
        if not typed.strip():
            self.clear_search()
            return
        self._search_generation += 1
        # Search results come newest first straight from the index: show them in that order.
        self.table.horizontalHeader().blockSignals(True)
        self.table.horizontalHeader().setSortIndicator(COL_AGE, Qt.SortOrder.DescendingOrder)
        self.table.horizontalHeader().blockSignals(False)
        query = replace(self._queue_query, queue=Queue.ALL, sort=SortKey.AGE, descending=True, search=typed,
                        open_only=self.search_state.open_only.isChecked())  # fmt: skip
        self.model.set_query(query)

    def _rerun_search(self) -> None:
        if self.search.text().strip():
            self._run_search()

    def _searched(self, rows: int) -> None:
        """A search's first page is shown: highlight its words, announce how many it found (once)."""
        if self._announced_search == self._search_generation:
            return  # a re-sort or refresh of the same search
        self._announced_search = self._search_generation
        self._highlight(self.model.terms)
        self.search_state.show_results(self.model.query.search or "", rows, self.queue_label())
        self._announce(tickets_found(rows))

    def _highlight(self, terms: tuple[str, ...]) -> None:
        setter = getattr(self.detail, "set_highlight", None)
        if setter is not None:
            setter(terms)

