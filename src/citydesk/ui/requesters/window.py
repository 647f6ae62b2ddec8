"""The Requesters window (Ctrl+Shift+P): find a citizen or staff member, edit them, see their tickets,
and (supervisors and admins) merge a duplicate into the record that stays.

Searching, loading and saving run off the GUI thread through the hub. The requester list is a
model over the ids the search returned; the form shows the service's validation messages next
to their fields; Enter on a ticket opens it in the main window's detail pane (`open_ticket`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from citydesk.domain.permissions import Action, allowed
from citydesk.services.requesters import RequesterSaved, update_requester
from citydesk.store import requesters_view as rv
from citydesk.store.detail import Choice, departments
from citydesk.store.settings import load_calendar
from citydesk.ui.app import CitydeskApp
from citydesk.ui.events import SignedIn
from citydesk.ui.requesters.form import RequesterForm
from citydesk.ui.requesters.merge import MergeDialog
from citydesk.ui.requesters.models import RequesterListModel, RequesterTicketsModel, tr
from citydesk.ui.status_message import announce_to_assistive_tech
from citydesk.ui.tasks import readable

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

SEARCH_DELAY_MS = 60


def _load(session: Session, requester_id: str) -> tuple[rv.RequesterDetail | None, list[rv.RequesterTicket],
                                                        tuple[Choice, ...], str]:  # fmt: skip
    """A requester, their tickets, the departments for the form, and the city's time zone."""
    return (
        rv.requester_detail(session, requester_id),
        rv.requester_tickets(session, requester_id),
        tuple(departments(session)),
        load_calendar(session).tz_name,
    )


def _table(name: str, model: Any) -> QTableView:
    table = QTableView()
    table.setAccessibleName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setWordWrap(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class RequestersWindow(QWidget):
    """Search, edit, tickets and merge for requesters."""

    open_ticket = Signal(str)  # a ticket id the user asked to open (Enter on the tickets list)
    loaded = Signal(str)  # a requester id, after its form and tickets are shown

    def __init__(self, hub: CitydeskApp, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.hub = hub
        self.requester_id: str | None = None
        self.merge_dialog: MergeDialog | None = None
        self.saving = False
        self._load_seq = 0
        self._drafts: dict[str, dict[str, Any]] = {}  # unsaved form values by requester id
        self.tz = ZoneInfo("UTC")
        self.setWindowTitle(tr("Requesters — citydesk"))
        self.setAccessibleName(tr("Requesters"))
        self.resize(1200, 760)
        self.list_model = RequesterListModel(hub, self)
        self.tickets_model = RequesterTicketsModel(self)
        self._build()
        self._build_actions()
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS, timeout=self._search)
        self.search.textEdited.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._to_list)
        self.list_model.loaded.connect(self._listed)
        self.list.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._chosen(cur.row()))
        self.tickets.activated.connect(self._ticket_activated)
        self.form.edited.connect(self._update_buttons)
        hub.signed_in.connect(self._on_signed_in)
        hub.announce.connect(self._show_message)
        self._on_signed_in(hub.user)
        geometry = QSettings().value("requesters/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    # ---- building --------------------------------------------------------------------------------

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setAccessibleName(tr("Find a requester"))
        self.search.setPlaceholderText(tr("Find a requester: name, phone or e-mail (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.list = _table(tr("Requesters found"), self.list_model)
        for col, width in enumerate((170, 125, 200, 75)):
            self.list.setColumnWidth(col, width)
        header = self.list.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        self.found_label = QLabel()
        self.found_label.setAccessibleName(tr("Requesters found"))
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search)
        column.addWidget(self.list, 1)
        column.addWidget(self.found_label)

        self.form = RequesterForm()
        self.save_button = QPushButton(tr("&Save"))
        self.save_button.setAccessibleName(tr("Save requester"))
        self.save_button.setToolTip(tr("Ctrl+S or Ctrl+Enter"))
        self.save_button.clicked.connect(self.save)
        self.merge_button = QPushButton(tr("&Merge into…"))
        self.merge_button.setAccessibleName(tr("Merge into another requester"))
        self.merge_button.setToolTip(tr("Ctrl+M: this requester is a duplicate of another"))
        self.merge_button.clicked.connect(self.open_merge)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.merge_button)
        buttons.addStretch(1)
        self.tickets_label = QLabel(tr("Tickets"))
        font = self.tickets_label.font()
        font.setBold(True)
        self.tickets_label.setFont(font)
        self.tickets = _table(tr("Tickets"), self.tickets_model)
        self.tickets.setAccessibleDescription(tr("Tickets of this requester"))
        self.tickets.setToolTip(tr("Enter opens the ticket in the main window"))
        self.tickets_label.setBuddy(self.tickets)
        for col, width in enumerate((125, 260, 95)):
            self.tickets.setColumnWidth(col, width)
        header = self.tickets.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(8, 0, 0, 0)
        side.addWidget(self.form)
        side.addLayout(buttons)
        side.addWidget(self.tickets_label)
        side.addWidget(self.tickets, 1)

        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setSizes([620, 660])
        self.message = QLabel()
        self.message.setWordWrap(True)
        outer = QVBoxLayout(self)
        outer.addWidget(self.splitter, 1)
        outer.addWidget(self.message)
        QWidget.setTabOrder(self.search, self.list)
        QWidget.setTabOrder(self.list, self.form.fields[0])
        QWidget.setTabOrder(self.form.fields[-1], self.save_button)
        QWidget.setTabOrder(self.save_button, self.merge_button)
        QWidget.setTabOrder(self.merge_button, self.tickets)

    def _build_actions(self) -> None:
        def action(text: str, keys: tuple[str, ...], slot: Any) -> QAction:
            act = QAction(text, self)
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        action(tr("Find a requester"), ("Ctrl+F", "Ctrl+K"), self.focus_search)
        self.save_action = action(tr("Save requester"), ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter"), self.save)
        self.merge_action = action(tr("Merge into…"), ("Ctrl+M",), self.open_merge)
        action(tr("Close"), ("Ctrl+W", "Esc"), self.close)

    # ---- search ----------------------------------------------------------------------------------

    def focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search(self) -> None:
        self.list_model.search(self.search.text())

    def _to_list(self) -> None:
        self._timer.stop()
        self._search()
        self.list.setFocus()

    def _listed(self, rows: int) -> None:
        text = tr("{0} requesters").format(f"{rows:,}") if rows != 1 else tr("1 requester")
        self.found_label.setText(text)
        row = self.list_model.row_of(self.requester_id)
        if row is None and rows and self.search.text().strip():
            row = 0
        if row is not None:
            self.list.selectRow(row)

    # ---- one requester ---------------------------------------------------------------------------

    def _chosen(self, row: int) -> None:
        requester_id = self.list_model.requester_id(row)
        if requester_id is not None and requester_id != self.requester_id:
            self.show_requester(requester_id)

    def show_requester(self, requester_id: str | None, *, keep_draft: bool = True) -> None:
        """Load `requester_id` into the form and the tickets list (None: empty). Unsaved edits of the
        requester shown so far are kept and come back when they are shown again."""
        shown = self.form.requester
        if keep_draft and shown is not None and self.form.is_dirty():
            self._drafts[shown.id] = self.form.values()
        self.requester_id = requester_id
        self._load_seq += 1
        seq = self._load_seq
        if requester_id is None:
            self.form.set_requester(None, ())
            self.tickets_model.set_tickets([], self.tz)
            self._update_buttons()
            return
        self.hub.query(lambda s: _load(s, requester_id), lambda result: self._loaded(seq, result))

    def _loaded(self, seq: int, result: Any) -> None:
        if seq != self._load_seq:
            return
        detail, tickets, department_list, tz_name = result
        self.tz = ZoneInfo(tz_name)
        self.form.set_requester(detail, department_list)
        draft = self._drafts.pop(detail.id, None) if detail is not None else None
        if draft is not None and detail is not None:
            self.form.apply(draft)
            self._say(tr("Your unsaved changes to {0} are back; Ctrl+S saves them.").format(detail.label))
        self.tickets_model.set_tickets(tickets, self.tz)
        count = len(tickets)
        self.tickets_label.setText(tr("Tickets ({0})").format(f"{count:,}"))
        self.tickets.setAccessibleName(self.tickets_label.text())  # the visible words, count included
        self._update_buttons()
        if detail is not None:
            self.loaded.emit(detail.id)

    def _ticket_activated(self, index: Any) -> None:
        ticket_id = self.tickets_model.ticket_id(index.row())
        if ticket_id:
            self.open_ticket.emit(ticket_id)

    # ---- saving and merging ----------------------------------------------------------------------

    def save(self) -> None:
        """Save the form through `update_requester`; errors appear next to their fields."""
        requester = self.form.requester
        if requester is None or requester.merged_into or self.saving:
            return
        self.form.form.clear_errors()
        self.saving = True
        self._update_buttons()
        try:
            self.hub.mutate(
                update_requester,
                on_done=self._saved,
                on_error=self._save_failed,
                requester_id=requester.id,
                **self.form.values(),
            )
        except Exception as exc:  # nobody signed in, runner shut down: say so, keep the input
            self._save_failed(exc)

    def _saved(self, result: RequesterSaved) -> None:
        self.saving = False
        self._say(tr("Requester {0} saved").format(result.display_name or tr("(no name)")))
        self.hub.data_changed.emit()  # ticket rows show the requester's name
        self.list_model.reload()
        self.show_requester(result.requester_id, keep_draft=False)

    def _save_failed(self, exc: BaseException) -> None:
        self.saving = False
        self._update_buttons()
        self.form.form.show_error(exc)
        self._say(tr("Not saved: {0}").format(readable(exc)))

    def can_merge(self) -> bool:
        """True when the signed-in role may merge requesters (supervisor, admin)."""
        return self.hub.user is not None and allowed(self.hub.user.actor.role, Action.MERGE_REQUESTERS)

    def open_merge(self) -> None:
        """Merge into… (only offered to supervisors and admins)."""
        requester = self.form.requester
        if not self.can_merge() or requester is None or requester.merged_into or self.merge_dialog:
            return
        dialog = MergeDialog(self.hub, requester, self)
        self.merge_dialog = dialog
        dialog.merged.connect(self._merged)
        dialog.finished.connect(self._merge_closed)
        dialog.open()

    def _merge_closed(self, _code: int) -> None:
        if self.merge_dialog is not None:
            self.merge_dialog.deleteLater()
        self.merge_dialog = None

    def _merged(self, result: Any) -> None:
        self.show_requester(result.requester_id, keep_draft=False)
        if result.display_name:
            self.search.setText(result.display_name)  # list the survivor; the duplicate is gone from it
        self.list_model.search(self.search.text())

    def _update_buttons(self) -> None:
        requester = self.form.requester
        editable = requester is not None and requester.merged_into is None
        self.save_button.setEnabled(editable and not self.saving)
        self.save_action.setEnabled(editable and not self.saving)
        offered = self.can_merge()
        self.merge_button.setVisible(offered)
        self.merge_action.setEnabled(offered and editable)
        self.merge_button.setEnabled(offered and editable)

    def _on_signed_in(self, who: SignedIn | None) -> None:
        self._update_buttons()
        if who is None:
            self.close()

    def _say(self, text: str) -> None:
        self.hub.announce.emit(text)  # shown on this window's message line too

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        announce_to_assistive_tech(self.message, text)

    # ---- window ----------------------------------------------------------------------------------

    def open(self) -> None:
        """Show the window in front with the cursor in the search box; lists everybody the first time."""
        if not self.list_model.ids and not self.search.text():
            self.list_model.search("")
        self.show()
        self.raise_()
        self.activateWindow()
        self.focus_search()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the window's place."""
        QSettings().setValue("requesters/geometry", self.saveGeometry())
        super().closeEvent(event)
