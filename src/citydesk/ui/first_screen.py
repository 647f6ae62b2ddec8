"""Where each role starts, and the clerk's bar: New request and today's counted contacts at this PC.

A clerk opens on the requests logged on this PC today, a technician on My tickets, a supervisor (and an
admin) on Overdue; after that, the queue each user chose last is remembered on this PC. The window fits
the common 1366×768 office screen with number, priority, status, title, requester and due in view.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QWidget

from citydesk.domain.roles import Role
from citydesk.store.queries import Queue
from citydesk.store.status import CounterDay
from citydesk.ui.text_size import scaled

ROLE_START: dict[Role, Queue] = {
    Role.CLERK: Queue.HERE_TODAY,
    Role.TECHNICIAN: Queue.MINE,
    Role.SUPERVISOR: Queue.OVERDUE,
    Role.ADMIN: Queue.OVERDUE,
}
"""The queue each role sees first (until the user picks another)."""

WINDOW_SIZE = (1366, 740)
"""The main window's first size (the common office screen, less the taskbar), if the screen has room."""

COLUMN_WIDTHS = (118, 92, 104, 240, 130, 140, 140, 60, 96)
"""Each model column's first width at the design font (number, priority and status compact; the title
then takes the room left); they grow with a larger font."""
MIN_TITLE = 160


def tr(text: str) -> str:
    """Translate `text` in the first screen's context."""
    return QCoreApplication.translate("FirstScreen", text)


def _key(user_id: str) -> str:
    return f"queues/last/{user_id}"


def remembered_queue(user_id: str) -> tuple[str, str | None] | None:
    """The queue (value, department id) `user_id` chose last on this PC, if any."""
    value = QSettings().value(_key(user_id))
    if not isinstance(value, str) or not value:
        return None
    queue, _sep, department = value.partition(":")
    return queue, department or None


def remember_queue(user_id: str, queue: str, department_id: str | None) -> None:
    """Remember the queue `user_id` chose (per user, on this PC)."""
    QSettings().setValue(_key(user_id), f"{queue}:{department_id or ''}")


def start_queue(role: Role, user_id: str) -> tuple[str, str | None]:
    """The queue a user starts on: the one remembered, else their role's."""
    return remembered_queue(user_id) or (ROLE_START.get(role, Queue.MINE).value, None)


def fit_window(window: QWidget) -> None:
    """Size the window for a 1366×768 screen (or the screen it is on, if smaller)."""
    width, height = WINDOW_SIZE
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width, height = min(width, room.width()), min(height, room.height())
    window.resize(width, height)


def arrange_columns(table: QTableView, due_column: int, title_column: int) -> None:
    """Compact widths and Due right after Requester: the six a clerk reads first, then the rest."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    for column, width in enumerate(COLUMN_WIDTHS):
        table.setColumnWidth(column, scaled(table, width))  # wider with a larger font
    header.moveSection(header.visualIndex(due_column), header.visualIndex(title_column) + 2)


def fit_title(table: QTableView, title_column: int, first_six: tuple[int, ...]) -> None:
    """Give the title whatever the viewport has left after the other five of the first six columns."""
    others = sum(table.columnWidth(c) for c in first_six if c != title_column)
    table.setColumnWidth(title_column, max(scaled(table, MIN_TITLE), table.viewport().width() - others))


class ClerkBar(QWidget):
    """A visible New request button and today's counted contacts at this PC (shown to clerks)."""

    new_request = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.button = QPushButton(tr("New request (Ctrl+N)"))
        self.button.setAccessibleName(tr("New request"))
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self.new_request)
        self.today = QLabel()
        self.today.setAccessibleName(tr("Today at this desk"))
        layout.addWidget(self.button)
        layout.addWidget(self.today, 1)

    def show_day(self, day: CounterDay) -> None:
        """Show today's status inquiries and questions answered at this PC."""
        inquiries = tr("1 status inquiry") if day.status_inquiries == 1 else tr(
            "{0} status inquiries").format(day.status_inquiries)  # fmt: skip
        questions = tr("1 question answered") if day.questions == 1 else tr(
            "{0} questions answered").format(day.questions)  # fmt: skip
        text = tr("Today at this desk: {0}, {1}").format(inquiries, questions)
        self.today.setText(text)
        self.today.setAccessibleDescription(text)
