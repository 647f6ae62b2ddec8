"""View → Conflicts (Ctrl+Shift+K): open conflicts with both values, who, which office and when, each
settled with the keyboard (Enter or Settle…); and the changes the city's server did not accept, with
the reason in plain words and what was kept instead.

A third tab lists ticket numbers two tickets carry (`shared_numbers.SharedNumbersPage`); other lists of
sync problems join as sections of their own through `add_section`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from citydesk.services.conflicts import Conflict
from citydesk.store.rejected import RejectedView, rejected_changes
from citydesk.ui.app import CitydeskApp
from citydesk.ui.conflicts.settle import SettleDialog
from citydesk.ui.conflicts.shared_numbers import SharedNumbersPage
from citydesk.ui.conflicts.tracker import tracker_for
from citydesk.ui.conflicts.words import conflict_text, rejected_text, tr


def _list(name: str, description: str) -> QListWidget:
    widget = QListWidget()
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)
    widget.setWordWrap(True)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    widget.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    widget.setSpacing(3)
    return widget


def _button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(name)
    return button


class ConflictsWindow(QDialog):
    """Conflicts to settle and changes not accepted, one tab each."""

    open_ticket = Signal(str)  # a ticket id to show in the main window

    def __init__(self, hub: CitydeskApp, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.tracker = tracker_for(hub)
        self.rejected: list[RejectedView] = []
        self.shown: list[Conflict] = []
        self.settle_dialog: SettleDialog | None = None
        self.setWindowTitle(tr("Conflicts and changes not accepted"))
        self.setAccessibleName(self.windowTitle())
        self.resize(820, 560)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(tr("Sync problems"))
        layout.addWidget(self.tabs)
        self._build_conflicts()
        self._build_rejected()
        self.shared_page = SharedNumbersPage(hub, lambda: self.tracker.names, self._open)
        self.add_section(tr("Shared numbers"), self.shared_page)
        close = _button(tr("&Close"), tr("Close"))
        close.clicked.connect(self.close)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.tracker.changed.connect(self._fill_conflicts)
        hub.tickets_pulled.connect(lambda _pulled: self._reload_if_shown())  # refusals come with a sync
        hub.sync_status.connect(lambda _status: self._reload_if_shown())
        self._fill_conflicts()

    # ---- building ------------------------------------------------------------------------------

    def _build_conflicts(self) -> None:
        page = QWidget()
        column = QVBoxLayout(page)
        self.conflicts_intro = QLabel()
        self.conflicts_intro.setWordWrap(True)
        column.addWidget(self.conflicts_intro)
        self.conflict_list = _list(
            tr("Open conflicts"), tr("Press Enter to choose the value to keep for the selected conflict.")
        )
        self.conflict_list.itemActivated.connect(lambda _item: self.settle_selected())
        self.conflict_list.currentRowChanged.connect(lambda _row: self._update_buttons())
        column.addWidget(self.conflict_list, 1)
        row = QHBoxLayout()
        self.settle_button = _button(tr("&Settle…"), tr("Settle, choose the value to keep"))
        self.settle_button.clicked.connect(self.settle_selected)
        self.open_conflict_ticket = _button(tr("&Open ticket"), tr("Open ticket"))
        self.open_conflict_ticket.clicked.connect(lambda: self._open(self._conflict_ticket()))
        row.addWidget(self.settle_button)
        row.addWidget(self.open_conflict_ticket)
        row.addStretch(1)
        column.addLayout(row)
        self.tabs.addTab(page, tr("Conflicts"))
        QWidget.setTabOrder(self.conflict_list, self.settle_button)
        QWidget.setTabOrder(self.settle_button, self.open_conflict_ticket)

    def _build_rejected(self) -> None:
        page = QWidget()
        column = QVBoxLayout(page)
        self.rejected_intro = QLabel()
        self.rejected_intro.setWordWrap(True)
        column.addWidget(self.rejected_intro)
        self.rejected_list = _list(
            tr("Changes not accepted"),
            tr("Each change the city's server did not accept, why, and what was kept."),
        )
        self.rejected_list.itemActivated.connect(lambda _item: self._open(self._rejected_ticket()))
        self.rejected_list.currentRowChanged.connect(lambda _row: self._update_buttons())
        column.addWidget(self.rejected_list, 1)
        row = QHBoxLayout()
        self.open_rejected_ticket = _button(tr("Open &ticket"), tr("Open ticket"))
        self.open_rejected_ticket.clicked.connect(lambda: self._open(self._rejected_ticket()))
        row.addWidget(self.open_rejected_ticket)
        row.addStretch(1)
        column.addLayout(row)
        self.tabs.addTab(page, tr("Changes not accepted"))
        QWidget.setTabOrder(self.rejected_list, self.open_rejected_ticket)
        for number in (1, 2, 3):  # Alt+1, Alt+2, Alt+3: the tabs
            shortcut = QShortcut(QKeySequence(f"Alt+{number}"), self)
            shortcut.activated.connect(lambda n=number: self.tabs.setCurrentIndex(n - 1))

    def add_section(self, title: str, widget: QWidget) -> int:
        """Add another list of sync problems as a tab of its own (duplicate ticket numbers, later);
        returns its tab index."""
        return self.tabs.addTab(widget, title)

    # ---- showing -------------------------------------------------------------------------------

    def open(self) -> None:
        """Show the window (raised if it is open already), with the refused changes read again."""
        self.load_rejected()
        self.show()
        self.raise_()
        self.activateWindow()
        (self.conflict_list if self.tabs.currentIndex() == 0 else self.rejected_list).setFocus()

    def _fill_conflicts(self) -> None:
        names = self.tracker.names
        chosen = self._conflict_key(self.conflict_list.currentRow())
        self.shown = self.tracker.conflicts()
        self.conflict_list.clear()
        for conflict in self.shown:
            text = conflict_text(conflict, names)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
            self.conflict_list.addItem(item)
        count = len(self.shown)
        if not self.tracker.loaded:
            self.conflicts_intro.setText(tr("Looking for conflicts…"))
        elif count == 0:
            self.conflicts_intro.setText(tr("No conflicts: every office agrees on every ticket."))
        else:
            self.conflicts_intro.setText(
                tr(
                    "Two offices changed the same thing on a ticket before they synced. The later change "
                    "is shown for now; choose the value to keep."
                )
            )
        keys = [self._key(c) for c in self.shown]
        row = keys.index(chosen) if chosen in keys else (0 if count else -1)
        self.conflict_list.setCurrentRow(row)
        self.tabs.setTabText(0, tr("Conflicts ({0})").format(count) if count else tr("Conflicts"))
        self._update_buttons()

    def _reload_if_shown(self) -> None:
        if self.isVisible():
            self.load_rejected()

    def load_rejected(self) -> None:
        """Read the refused changes and the shared numbers again (off the GUI thread)."""
        self.hub.query(rejected_changes, self._fill_rejected)
        self.shared_page.load()

    def _fill_rejected(self, items: list[RejectedView]) -> None:
        self.rejected = items
        row = max(0, self.rejected_list.currentRow())
        self.rejected_list.clear()
        for item in items:
            text = rejected_text(item, self.tracker.names)
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.AccessibleTextRole, text)
            self.rejected_list.addItem(entry)
        if items:
            self.rejected_intro.setText(
                tr(
                    "The city's server did not accept these changes, so they were undone on this PC. "
                    "Ask a supervisor if one of them should be made again."
                )
            )
            self.rejected_list.setCurrentRow(min(row, len(items) - 1))
        else:
            self.rejected_intro.setText(tr("Every change made here was accepted."))
        title = tr("Changes not accepted ({0})").format(len(items)) if items else tr("Changes not accepted")
        self.tabs.setTabText(1, title)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.settle_button.setEnabled(self.conflict_list.currentRow() >= 0)
        self.open_conflict_ticket.setEnabled(self.conflict_list.currentRow() >= 0)
        self.open_rejected_ticket.setEnabled(self._rejected_ticket() is not None)

    # ---- acting --------------------------------------------------------------------------------

    @staticmethod
    def _key(conflict: Conflict) -> tuple[str, str, str | None]:
        return (conflict.ticket_id, conflict.field, conflict.base_entry_id)

    def _conflict_key(self, row: int) -> tuple[str, str, str | None] | None:
        return self._key(self.shown[row]) if 0 <= row < len(self.shown) else None

    def selected_conflict(self) -> Conflict | None:
        """The conflict chosen in the list."""
        row = self.conflict_list.currentRow()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def _conflict_ticket(self) -> str | None:
        conflict = self.selected_conflict()
        return conflict.ticket_id if conflict else None

    def _rejected_ticket(self) -> str | None:
        row = self.rejected_list.currentRow()
        if 0 <= row < len(self.rejected) and self.rejected[row].ticket_number:
            return self.rejected[row].ticket_id
        return None

    def settle_selected(self) -> Any:
        """Open the Settle dialog for the chosen conflict (Enter on the list)."""
        conflict = self.selected_conflict()
        if conflict is None or self.settle_dialog is not None:
            return None
        dialog = self.settle_dialog = SettleDialog(self.hub, conflict, self.tracker.names, self)
        dialog.finished.connect(lambda _code: self._settle_closed(dialog))
        dialog.open()
        return dialog

    def _settle_closed(self, dialog: SettleDialog) -> None:
        if self.settle_dialog is dialog:
            self.settle_dialog = None
        dialog.deleteLater()
        self.conflict_list.setFocus()

    def _open(self, ticket_id: str | None) -> None:
        if ticket_id:
            self.open_ticket.emit(ticket_id)


def show_conflicts(hub: CitydeskApp, main: Any, window: ConflictsWindow | None) -> ConflictsWindow:
    """Show the main window's Conflicts window, made on first use (its "Open ticket" shows the ticket
    in `main`, which has `show_ticket`)."""
    if window is None:
        window = ConflictsWindow(hub, main)
        window.open_ticket.connect(main.show_ticket)
    window.open()
    return window
