"""The main window: queues with live counts, the ticket table, search, the detail pane, the status bar."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from citydesk.domain.roles import Role
from citydesk.store import queries
from citydesk.store.detail import departments, pending_change_count
from citydesk.store.queries import Queue, TicketQuery
from citydesk.store.receipts import city_phone
from citydesk.store.status import CounterDay, counter_day
from citydesk.ui.app import CitydeskApp
from citydesk.ui.conflicts.window import show_conflicts
from citydesk.ui.events import Notice, SignedIn, TicketChanged
from citydesk.ui.first_screen import ClerkBar, arrange_columns, fit_title, fit_window
from citydesk.ui.flow import WrappingBar
from citydesk.ui.pacing import Pacer
from citydesk.ui.pulled_notices import PulledNotifier
from citydesk.ui.queue_list import QueueList
from citydesk.ui.search_state import SearchState
from citydesk.ui.shell_search import SearchMixin
from citydesk.ui.status_message import StatusMessage
from citydesk.ui.text_size import columns_key, main_panes, splitter_key
from citydesk.ui.ticket_model import (
    COL_DUE,
    COL_NUMBER,
    COL_PRIORITY,
    COL_REQUESTER,
    COL_STATUS,
    COL_TITLE,
    SORT_KEYS,
    TicketTableModel,
)

FIRST_SIX = (COL_NUMBER, COL_PRIORITY, COL_STATUS, COL_TITLE, COL_REQUESTER, COL_DUE)
SEARCH_DELAY_MS = 25  # debounce: a key repeat or paste coalesces; typed words still search at once


class MainWindow(SearchMixin, QMainWindow):
    """The window a technician works in all day."""

    ready = Signal()  # once, after the ticket table's first page is shown

    def __init__(self, hub: CitydeskApp) -> None:
        super().__init__()
        self.hub = hub
        self._ready_sent = False
        self._search_generation = 0  # counts searches started
        self._announced_search = 0  # the last search whose result was announced
        self.requesters: Any = None  # the Requesters window, made on first use
        self.conflicts_window: Any = None  # View → Conflicts, made on first use
        self.sort_actions: dict[int, Any] = {}  # View → Sort by entries, by column
        self._queue_query = TicketQuery(queue=Queue.MINE)
        self._fit_title = True  # until the user's own column layout is restored
        self._pending_queue_row: int | None = None  # Ctrl+1 … pressed before the queues were listed
        self.setWindowTitle(self.tr("citydesk"))
        fit_window(self)
        self.model = TicketTableModel(hub, self)
        self._build()
        self._build_menus()
        self._counts_timer = QTimer(self, singleShot=True, interval=250, timeout=self.refresh_counts)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS, timeout=self._run_search)
        hub.ticket_changed.connect(self._ticket_changed)  # one ticket: its row refreshes in place
        hub.data_changed.connect(self._changed)
        # The rows refresh in place (the model); the counts follow pulled pages at most once a second.
        self._counts_pacer = Pacer(self, self.refresh_counts)
        hub.tickets_pulled.connect(lambda _pulled: self._counts_pacer.request())
        # Changes waiting to be sent mean something only where there is a server to send them to.
        hub.sync_status.connect(lambda status: self.pending_label.setVisible(status.mode == "connected"))
        self.pending_label.setVisible(hub.sync_state.mode == "connected")
        hub.signed_in.connect(self._on_signed_in)
        hub.announce.connect(self._announce)
        hub.notice.connect(self._on_notice)
        hub.error.connect(self.status_message.error)
        hub.runner.busy_changed.connect(lambda n: self.busy.setText(self.tr("Working…") if n else ""))
        self.model.loaded.connect(self._on_loaded)
        self._restore_layout()
        from citydesk.ui.tray import Notifier

        self.notifier = Notifier(hub, self)
        self.pulled_notifier = PulledNotifier(hub, self)  # a new P1 or "assigned to you" from a sync
        if hub.user is not None:
            self._on_signed_in(hub.user)

    # ---- building ----------------------------------------------------------------------------------

    def _build(self) -> None:
        self.queues = QueueList()
        self.queues.currentItemChanged.connect(self._queue_chosen)
        self.queues.itemClicked.connect(lambda _item: self._leave_search())  # also the queue already chosen
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search tickets: number, words, name, phone (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search tickets"))
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._focus_table)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Tickets"))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move inside it)
        self.table.horizontalHeader().setSortIndicator(7, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        arrange_columns(self.table, due_column=COL_DUE, title_column=COL_TITLE)
        self.table.viewport().installEventFilter(self)  # the title takes the room left (1366×768)
        # A row chosen (clicked, moved to by keyboard, selected) shows its ticket; a row Qt only makes
        # current (the table getting the focus back) is not selected and does not: see `_row_chosen`.
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self._row_chosen(self.table.currentIndex().row())
        )
        self.detail = self._make_detail()
        centre = QWidget()
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        self.notice_label = QLabel()
        self.notice_label.setWordWrap(True)
        self.notice_label.setVisible(False)
        self.notice_label.setAccessibleName(self.tr("Notification"))
        layout.addWidget(self.notice_label)
        self.clerk_bar = ClerkBar()
        self.clerk_bar.new_request.connect(self.new_request)
        self.clerk_bar.setVisible(False)
        layout.addWidget(self.clerk_bar)
        layout.addWidget(self.search)
        self.search_state = SearchState()
        self.search_state.open_only_changed.connect(lambda _on: self._rerun_search())
        layout.addWidget(self.search_state)
        layout.addWidget(self.table)
        self.splitter = main_panes(self.queues, centre, self.detail)  # the ticket under the table at 150%+
        self.setCentralWidget(self.splitter)
        self.setTabOrder(self.queues, self.search)
        self.setTabOrder(self.search, self.search_state.open_only)
        self.setTabOrder(self.search_state.open_only, self.table)
        first_in_detail = getattr(self.detail, "focus_chain", lambda: [self.detail])()[0]
        self.setTabOrder(self.table, first_in_detail)  # Tab leaves the table for the ticket shown
        bar = self.statusBar()
        from citydesk.ui.sync.status import SyncStatusBar

        self.sync_bar = SyncStatusBar(self)  # connection, sync progress, refused, conflicts, PC clock
        self.sync_label = self.sync_bar.connection
        self.pending_label = QLabel()
        self.user_label = QLabel()
        self.office_label = QLabel()
        self.busy = QLabel()
        self.message = QLabel()
        self.status_message = StatusMessage(self.message, self)
        for label, name in ((self.pending_label, self.tr("Pending local changes")),
                            (self.user_label, self.tr("Signed-in user")),
                            (self.office_label, self.tr("Office")),
                            (self.busy, self.tr("Background work"))):  # fmt: skip
            label.setAccessibleName(name)
        # One wrapping row (the message first, then the sync sections, changes, user, office, work): with
        # large text the sections go onto a second line instead of being cut mid-word.
        self.status_sections = WrappingBar()
        for label in (self.message, *self.sync_bar.widgets(), self.pending_label, self.user_label,
                      self.office_label, self.busy):  # fmt: skip
            self.status_sections.add(label)
        bar.addWidget(self.status_sections, 1)

    def _make_detail(self) -> QWidget:
        from citydesk.ui.detail.pane import TicketDetailPane

        return TicketDetailPane(self.hub, self)

    def _build_menus(self) -> None:
        from citydesk.ui.menus import build_menus

        build_menus(self)

    # ---- queues and counts -----------------------------------------------------------------------

    def _fill_queues(self, department_list: list[Any]) -> None:
        self.queues.fill(department_list)
        if self._pending_queue_row is not None:  # a queue chosen before the list was filled
            row, self._pending_queue_row = self._pending_queue_row, None
            self.queues.setCurrentRow(row)
        if self._ready_sent:
            self.refresh_counts()  # otherwise after the first page, so the counts never delay it

    def refresh_counts(self) -> None:
        """Recount every queue (and the clerk's day at this PC) off the GUI thread."""
        user_id = self.hub.user.actor.user_id if self.hub.user else None
        device_id = self.hub.user.device_id if self.hub.user else None
        dep_ids = self.queues.department_ids()
        now = self.hub.db.clock.now()

        def count(session: Any) -> tuple[dict[str, int], int, CounterDay]:
            from citydesk.store.settings import load_calendar

            calendar = load_calendar(session)
            found = queries.queue_counts(session, user_id=user_id, now=now, calendar=calendar,
                                         department_ids=dep_ids, device_id=device_id)  # fmt: skip
            day = counter_day(session, now=now, calendar=calendar, device_id=device_id)
            return found, pending_change_count(session), day

        self.hub.query(count, self._show_counts)

    def _show_counts(self, result: tuple[dict[str, int], int, CounterDay]) -> None:
        counts, pending, day = result
        self.queues.show_counts(counts)
        self.clerk_bar.show_day(day)
        self.pending_label.setText(self.tr("{0} local changes not yet synced").format(f"{pending:,}"))

    def _queue_chosen(self, item: QListWidgetItem | None, _previous: Any = None) -> None:
        if item is None:
            return
        queue, dep_id, _label = item.data(Qt.ItemDataRole.UserRole)
        user_id = self.hub.user.actor.user_id if self.hub.user else None
        device_id = self.hub.user.device_id if self.hub.user else None
        self._queue_query = replace(
            self.model.query, queue=Queue(queue), department_id=dep_id, user_id=user_id,
            device_id=device_id, search=None, open_only=False,
        )  # fmt: skip
        if user_id is not None and self._ready_sent:
            self.queues.remember(user_id, (queue, dep_id))
        if self.search.text().strip():
            self.clear_search()  # a queue chosen while searching shows that queue, not the old results
        else:
            self.model.set_query(self._queue_query)

    def choose_queue(self, row: int) -> None:
        """Show the queue at `row` (Ctrl+1 … Ctrl+8), leaving a search even if that queue was current."""
        if row >= self.queues.count():  # the list is still being filled (just after sign-in)
            self._pending_queue_row = row
            return
        if row == self.queues.currentRow():
            self._leave_search()
        self.queues.setCurrentRow(row)

    def queue_label(self) -> str:
        """The chosen queue's name."""
        return self.queues.label()

    # ---- table -----------------------------------------------------------------------------------

    def _on_loaded(self, rows: int) -> None:
        if self.model.query.search is not None:
            self._searched(rows)
        selected = getattr(self.detail, "ticket_id", None)
        row = self.model.row_of(selected) if selected else None
        if row is None and rows and self.search.text().strip():
            row = 0
        if row is not None:
            self.table.selectRow(row)
        if not self._ready_sent and self.isVisible():
            self._ready_sent = True
            QTimer.singleShot(0, self, self.ready.emit)
            self.refresh_counts()

    def showEvent(self, event: QShowEvent) -> None:
        """Load the first page when the window first shows."""
        super().showEvent(event)
        if not self.model.ids and self.hub.user is not None and not self.model.loading:
            self._queue_query = replace(self._queue_query, user_id=self.hub.user.actor.user_id)
            self.model.set_query(self._queue_query)

    def _row_chosen(self, row: int) -> None:
        if row < 0 or not self.table.selectionModel().isRowSelected(row, QModelIndex()):
            # Qt made a row current without choosing it (the table got the focus back after the
            # ticket shown left the list, e.g. taken from Unassigned): the ticket being worked on stays.
            return
        ticket_id = self.model.ticket_id(row)
        setter = getattr(self.detail, "set_ticket", None)
        if ticket_id and setter is not None and ticket_id != getattr(self.detail, "ticket_id", None):
            setter(ticket_id)

    def _focus_table(self) -> None:
        self.table.setFocus()
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def visible_ticket_count(self) -> int:
        """How many tickets the table lists."""
        return self.model.rowCount()

    def refresh(self) -> None:
        """Reload the table and the counts."""
        self.model.reload()
        self.refresh_counts()

    def _changed(self) -> None:
        self.model.reload()
        self._counts_timer.start()

    def _ticket_changed(self, change: TicketChanged) -> None:
        self.model.refresh_tickets(frozenset({change.ticket_id}))  # no reset, no lost scroll
        self._counts_timer.start()

    # ---- other windows ---------------------------------------------------------------------------

    def open_requesters(self) -> None:
        """The Requesters window (one per main window): find, edit, see tickets, merge duplicates."""
        if self.requesters is None:
            from citydesk.ui.requesters import RequestersWindow

            self.requesters = RequestersWindow(self.hub, self)
            self.requesters.open_ticket.connect(self.show_ticket)
        self.requesters.open()

    def open_conflicts(self) -> Any:
        """View → Conflicts (Ctrl+Shift+K, the status bar's conflicts count); returns the window."""
        self.conflicts_window = show_conflicts(self.hub, self, self.conflicts_window)
        return self.conflicts_window

    def show_ticket(self, ticket_id: str) -> None:
        """Bring this window forward with `ticket_id` in the detail pane."""
        setter = getattr(self.detail, "set_ticket", None)
        if setter is not None:
            setter(ticket_id)
        self.raise_()
        self.activateWindow()
        self.detail.setFocus()

    # ---- user, messages --------------------------------------------------------------------------

    def _on_signed_in(self, who: SignedIn | None) -> None:
        admin = who is not None and who.actor.role.value in ("admin", "system")
        self.import_addresses_action.setVisible(admin)
        self.city_calendar_action.setVisible(admin)
        self.csv_actions.update_for(who.actor.role if who else None)
        if who is None:
            self.user_label.setText(self.tr("Nobody signed in"))
            return
        self.user_label.setText(self.tr("{0} ({1})").format(who.actor.display_name, who.actor.role.label))
        office = self.tr("{0} ({1})").format(who.office_name, who.office_code)
        self.office_label.setText(self.tr("{0} · demo").format(office) if who.is_demo else office)
        self.setWindowTitle(
            self.tr("citydesk — {0}").format(who.office_name) + (" (demo)" if who.is_demo else "")
        )
        self.clerk_bar.setVisible(who.actor.role is Role.CLERK)
        if who.actor.role is Role.ADMIN:
            self.hub.query(city_phone, self._warn_if_no_phone)
        queue, dep_id = self.queues.start_for(who.actor.role, who.actor.user_id)
        self._queue_query = replace(self._queue_query, queue=Queue(queue), department_id=dep_id,
                                    user_id=who.actor.user_id, device_id=who.device_id)  # fmt: skip
        if not self.isVisible():
            self.model.query = self._queue_query  # the first page shows the start queue at once
        self.hub.query(departments, self._fill_queues)
        if self.isVisible():
            self.model.set_query(self._queue_query)

    def _warn_if_no_phone(self, phone: str | None) -> None:
        if phone is None:
            self.hub.notice.emit(Notice(
                title=self.tr("The city's phone number is not set"),
                text=self.tr("Receipts cannot tell citizens which number to call about their requests. "
                             "Set it in Counter → Receipt texts…"),
            ))  # fmt: skip

    def new_request(self) -> Any:
        """Ctrl+N: the New request form (one per window; after a save it starts the next request)."""
        from citydesk.ui.counter.intake import NewRequestDialog

        dialog = getattr(self, "intake_dialog", None)
        if dialog is None:
            dialog = self.intake_dialog = NewRequestDialog(self.hub, self)
            from citydesk.ui.counter.receipt import connect_intake

            connect_intake(self.hub, dialog)
        elif dialog.saved_ticket_id is not None:
            dialog.start_next()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def open_city_calendar(self) -> Any:
        """Settings → City calendar… (administrators): opening hours, holidays, how dates are written."""
        from citydesk.ui.city_calendar import CityCalendarDialog

        dialog = CityCalendarDialog(self.hub, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def import_addresses(self) -> None:
        """File → Import addresses… (admins)."""
        from citydesk.ui.counter.address_import import import_address_file

        import_address_file(self.hub, self)

    def switch_user(self) -> None:
        """Sign out and show the sign-in screen (no restart)."""
        from citydesk.ui.signin import sign_in_flow

        self.hub.sign_out()
        if not sign_in_flow(self.hub, self):
            self.close()

    def _announce(self, text: str) -> None:
        self.status_message.success(text)

    def _on_notice(self, notice: Notice) -> None:
        self.notice_label.setText(f"{'⚠ ' if notice.urgent else ''}{notice.title}: {notice.text}")
        self.notice_label.setVisible(True)
        self._announce(notice.text)

    def show_about(self) -> None:
        """Help → About."""
        from citydesk import __version__

        text = self.tr("citydesk {0} — the city's service desk.").format(__version__)
        QMessageBox.about(self, self.tr("About citydesk"), text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The table's viewport was resized: the title takes the width the other first columns leave."""
        if self._fit_title and watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            fit_title(self.table, COL_TITLE, FIRST_SIX)
        return super().eventFilter(watched, event)

    # ---- layout memory ---------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        settings = QSettings()
        header = self.table.horizontalHeader()
        pairs = (
            ("main/geometry", self.restoreGeometry),
            (splitter_key(self), self.splitter.restoreState),
            (columns_key(self), header.restoreState),
        )
        for key, restore in pairs:
            value = settings.value(key)
            if isinstance(value, QByteArray):
                restore(value)
                self._fit_title = self._fit_title and key != columns_key(self)
        # The remembered sort order is applied in SQL when the first query runs.
        key = SORT_KEYS.get(header.sortIndicatorSection())
        if key is not None:
            descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
            self._queue_query = replace(self._queue_query, sort=key, descending=descending)
            self.model.query = self._queue_query

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember geometry and column layout (after asking about changes not yet sent, if any)."""
        if not self.sync_bar.allow_close():
            event.ignore()
            return
        settings = QSettings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue(splitter_key(self), self.splitter.saveState())
        settings.setValue(columns_key(self), self.table.horizontalHeader().saveState())
        super().closeEvent(event)
