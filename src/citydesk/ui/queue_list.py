"""The sidebar of queues: the fixed queues, one per department, their live counts, and which one a user
starts on (their role's, then the one they chose last on this PC)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from citydesk.domain.roles import Role
from citydesk.store.queries import Queue
from citydesk.ui.first_screen import remember_queue, start_queue

# The labels are translated where shown; QT_TRANSLATE_NOOP marks them for pyside6-lupdate (in the
# main window's context, where they always were).
QUEUES: tuple[tuple[Queue, str], ...] = (
    (Queue.MINE, QT_TRANSLATE_NOOP("MainWindow", "My tickets")),
    (Queue.UNASSIGNED, QT_TRANSLATE_NOOP("MainWindow", "Unassigned")),
    (Queue.P1_OPEN, QT_TRANSLATE_NOOP("MainWindow", "P1 open")),
    (Queue.OVERDUE, QT_TRANSLATE_NOOP("MainWindow", "Overdue")),
    (Queue.WAITING, QT_TRANSLATE_NOOP("MainWindow", "Waiting")),
    (Queue.VISITS_TODAY, QT_TRANSLATE_NOOP("MainWindow", "Today's visits")),
    (Queue.RESOLVED_WEEK, QT_TRANSLATE_NOOP("MainWindow", "Resolved this week")),
    (Queue.ALL, QT_TRANSLATE_NOOP("MainWindow", "All")),
    (Queue.HERE_TODAY, QT_TRANSLATE_NOOP("MainWindow", "Logged here today")),
)


def tr(text: str) -> str:
    """Translate `text` in the main window's context."""
    return QCoreApplication.translate("MainWindow", text)


class QueueList(QListWidget):
    """The queues; item data is (queue value, department id or None, label)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Queues"))
        self.setAccessibleDescription(tr("Choose which tickets the table lists"))
        self._start: tuple[str, str | None] | None = None  # where the signed-in user starts

    def start_for(self, role: Role, user_id: str) -> tuple[str, str | None]:
        """Note (and return) where `user_id` starts; applied when the queues are (re)filled."""
        self._start = start_queue(role, user_id)
        return self._start

    def fill(self, department_list: Sequence[Any]) -> None:
        """(Re)build the list, keeping the current queue, or selecting the user's start queue."""
        current = self.current_key()
        self.blockSignals(True)
        self.clear()
        for queue, label in QUEUES:
            item = QListWidgetItem(tr(label))
            item.setData(Qt.ItemDataRole.UserRole, (queue.value, None, tr(label)))
            self.addItem(item)
        for dep in department_list:
            item = QListWidgetItem(dep.label)
            item.setData(Qt.ItemDataRole.UserRole, (Queue.DEPARTMENT.value, dep.id, dep.label))
            self.addItem(item)
        wanted = self._start or current
        self._start = None
        self.setCurrentRow(self.row_of(wanted) if wanted else 0)
        self.blockSignals(False)
        self.fit_width()

    def fit_width(self) -> None:
        """Be at least as wide as the longest entry, counts included, whatever the font size."""
        scroll = self.verticalScrollBar().sizeHint().width()
        self.setMinimumWidth(self.sizeHintForColumn(0) + 2 * self.frameWidth() + scroll + 8)

    def current_key(self) -> tuple[str, str | None] | None:
        """The chosen queue as (queue value, department id)."""
        item = self.currentItem()
        if item is None:
            return None
        queue, dep_id, _label = item.data(Qt.ItemDataRole.UserRole)
        return queue, dep_id

    def row_of(self, key: tuple[str, str | None]) -> int:
        """The row of a queue (the first row if it is not listed, e.g. a department since removed)."""
        for row in range(self.count()):
            queue, dep_id, _label = self.item(row).data(Qt.ItemDataRole.UserRole)
            if (queue, dep_id) == key:
                return row
        return 0

    def label(self) -> str:
        """The chosen queue's name."""
        item = self.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)[2]) if item is not None else ""

    def department_ids(self) -> list[str]:
        """The departments listed."""
        return [self.item(i).data(Qt.ItemDataRole.UserRole)[1] for i in range(len(QUEUES), self.count())]

    def show_counts(self, counts: dict[str, int]) -> None:
        """Put each queue's live count after its name."""
        for i in range(self.count()):
            item = self.item(i)
            queue, dep_id, label = item.data(Qt.ItemDataRole.UserRole)
            key = f"department:{dep_id}" if dep_id else queue
            text = f"{label}  ({counts.get(key, 0):,})"
            item.setText(text)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
        self.fit_width()

    @staticmethod
    def remember(user_id: str, key: tuple[str, str | None]) -> None:
        """Remember `key` as the queue `user_id` chose last."""
        remember_queue(user_id, *key)
