"""The Conflicts window's third tab: ticket numbers two tickets carry (a database copied by hand, or an
office restored from its own older backup, numbered tickets alike before the server noticed).

Both tickets keep their number — it may be printed on a receipt — so there is nothing to settle: the tab
says which tickets share each number, where and when each was logged, and opens either one. The list is
derived from the rows (`store.shared_numbers`), read off the GUI thread whenever the window shows or a
sync page arrives.
"""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from citydesk.store.shared_numbers import DuplicateNumber, shared_numbers
from citydesk.ui.app import CitydeskApp
from citydesk.ui.conflicts.tracker import Names
from citydesk.ui.conflicts.words import tr
from citydesk.ui.detail.view import local_text


def shared_text(shared: DuplicateNumber, names: Names) -> str:
    """One shared number as the list shows and a screen reader reads it."""
    head = tr("{0} is carried by {1} tickets; both keep it:").format(shared.number, len(shared.tickets))
    lines = []
    for holder in shared.tickets:
        who = names.users.get(holder.created_by, tr("someone"))
        office = names.offices.get(holder.office_id, tr("another office"))
        when = local_text(holder.created_at, ZoneInfo(names.tz_name))
        lines.append(tr("“{0}” — logged by {1} at {2}, {3}").format(holder.title, who, office, when))
    return head + "".join(f"\n    • {line}" for line in lines)


class SharedNumbersPage(QWidget):
    """The list of shared numbers with an Open ticket button (Enter opens the first ticket)."""

    def __init__(
        self, hub: CitydeskApp, names: Callable[[], Names], open_ticket: Callable[[str], None]
    ) -> None:
        super().__init__()
        self.hub = hub
        self.names = names
        self.open_ticket = open_ticket
        self.shared: list[DuplicateNumber] = []
        column = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        column.addWidget(self.intro)
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Shared ticket numbers"))
        self.list.setAccessibleDescription(
            tr("Each number two tickets carry. Press Enter to open the first.")
        )
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setSpacing(3)
        self.list.itemActivated.connect(lambda _item: self.open_holder(0))
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        column.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.open_first = QPushButton(tr("Open &first ticket"))
        self.open_first.setAccessibleName(tr("Open first ticket"))
        self.open_first.clicked.connect(lambda: self.open_holder(0))
        self.open_second = QPushButton(tr("Open s&econd ticket"))
        self.open_second.setAccessibleName(tr("Open second ticket"))
        self.open_second.clicked.connect(lambda: self.open_holder(1))
        row.addWidget(self.open_first)
        row.addWidget(self.open_second)
        row.addStretch(1)
        column.addLayout(row)
        QWidget.setTabOrder(self.list, self.open_first)
        QWidget.setTabOrder(self.open_first, self.open_second)
        self.fill([])

    def load(self) -> None:
        """Read the shared numbers again (off the GUI thread)."""
        self.hub.query(shared_numbers, self.fill)

    def fill(self, shared: list[DuplicateNumber]) -> None:
        """Show `shared`, keeping the chosen number when it is still there."""
        chosen = self.selected()
        self.shared = shared
        self.list.clear()
        for item in shared:
            text = shared_text(item, self.names())
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.AccessibleTextRole, text)
            self.list.addItem(entry)
        numbers = [s.number for s in shared]
        if chosen is not None and chosen.number in numbers:
            self.list.setCurrentRow(numbers.index(chosen.number))
        elif shared:
            self.list.setCurrentRow(0)
        if shared:
            self.intro.setText(
                tr(
                    "Two tickets were given the same number by copies of one office database before the "
                    "server noticed. Both keep the number (it may be on a receipt); when someone asks "
                    "about it, looking it up lists both."
                )
            )
        else:
            self.intro.setText(tr("No ticket number is carried by two tickets."))
        self._update_buttons()

    def selected(self) -> DuplicateNumber | None:
        """The shared number chosen in the list."""
        row = self.list.currentRow()
        return self.shared[row] if 0 <= row < len(self.shared) else None

    def open_holder(self, index: int) -> None:
        """Open the chosen number's first (0) or second (1) ticket."""
        chosen = self.selected()
        if chosen is not None and index < len(chosen.tickets):
            self.open_ticket(chosen.tickets[index].ticket_id)

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.open_first.setEnabled(chosen is not None)
        self.open_second.setEnabled(chosen is not None and len(chosen.tickets) > 1)
