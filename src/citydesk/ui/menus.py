"""The main window's menus and window-wide shortcuts (File, View, Ticket, Counter, Reports, Settings,
Help)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QTableView

if TYPE_CHECKING:
    from citydesk.ui.shell import MainWindow


def tr(text: str) -> str:
    """Translate `text` in the main window's context (where these strings always were)."""
    return QCoreApplication.translate("MainWindow", text)


def build_menus(win: MainWindow) -> None:
    """Add the menu bar's menus and their shortcuts to `win`."""
    from citydesk.ui.queue_list import QUEUES

    def action(text: str, shortcut: str | QKeySequence | None, slot: Any) -> QAction:
        """A window action with already translated `text`."""
        act = QAction(text, win)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(slot)
        win.addAction(act)
        return act

    file_menu = win.menuBar().addMenu(tr("&File"))
    file_menu.addAction(action(tr("&New request…"), "Ctrl+N", win.new_request))
    win.import_addresses_action = action(tr("Import &addresses…"), None, win.import_addresses)
    file_menu.addAction(win.import_addresses_action)
    from citydesk.ui.csvio import CsvActions

    win.csv_actions = CsvActions(win.hub, win, file_menu)
    file_menu.addSeparator()
    sync_at = file_menu.addSeparator()  # File → Sync now (F9) / Connect to server… go here
    from citydesk.ui.sync_file.dialog import open_sync_file_dialog

    win.sync_file_action = action(tr("Sync by &file…"), None, lambda: open_sync_file_dialog(win.hub, win))
    file_menu.addAction(win.sync_file_action)
    file_menu.addSeparator()
    file_menu.addAction(action(tr("Switch &user…"), "Ctrl+Shift+U", win.switch_user))
    file_menu.addSeparator()
    file_menu.addAction(action(tr("&Quit"), "Ctrl+Q", win.close))
    view = win.menuBar().addMenu(tr("&View"))
    find = action(tr("&Find tickets"), "Ctrl+F", win.focus_search)
    find.setShortcuts([QKeySequence("Ctrl+F"), QKeySequence("Ctrl+K")])
    view.addAction(find)
    view.addAction(action(tr("&Refresh"), "F5", win.refresh))
    view.addAction(action(tr("Re&questers…"), "Ctrl+Shift+P", win.open_requesters))
    view.addAction(action(tr("&Conflicts…"), "Ctrl+Shift+K", win.open_conflicts))
    for widget in (win.search, win.table):  # Esc leaves a search from the box or the results
        clear = QAction(tr("Clear search"), widget)
        clear.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        clear.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        clear.triggered.connect(win.escape_search)
        widget.addAction(clear)
    add_sort_menu(win, view.addMenu(tr("&Sort by")), action)
    for number, (_queue, label) in enumerate(QUEUES, start=1):
        choose = lambda _=False, n=number - 1: win.choose_queue(n)  # noqa: E731
        view.addAction(action(tr(label), f"Ctrl+{number}", choose))
    ticket_menu = win.menuBar().addMenu(tr("&Ticket"))
    pane_actions = getattr(win.detail, "ticket_actions", None)
    if pane_actions is not None:
        for act in pane_actions():
            ticket_menu.addAction(act)
    from citydesk.ui.counter.actions import CounterActions

    win.counter = CounterActions(win.hub, win, win.menuBar().addMenu(tr("&Counter")))
    from citydesk.ui.reports.menu import add_reports_menu

    win.reports_action = add_reports_menu(win, win.hub)
    settings_menu = win.menuBar().addMenu(tr("&Settings"))
    win.city_calendar_action = action(tr("City calen&dar…"), None, win.open_city_calendar)
    settings_menu.addAction(win.city_calendar_action)
    from citydesk.ui.sync.actions import SyncActions

    sync_menu = QMenu(win)  # collects the File entries, then moved before the separator
    win.sync_actions = SyncActions(win, sync_menu, settings_menu)
    for act in sync_menu.actions():
        file_menu.insertAction(sync_at, act)
    help_menu = win.menuBar().addMenu(tr("&Help"))
    help_menu.addAction(action(tr("&About citydesk"), None, win.show_about))


def add_sort_menu(win: MainWindow, menu: QMenu, action: Any) -> None:
    """View → Sort by: one checkable entry per column and Reverse order (the keyboard's way to re-sort)."""
    from citydesk.ui.ticket_model import HEADERS, SORT_KEYS

    group = QActionGroup(win)
    group.setExclusive(True)
    by_column: dict[int, QAction] = {}
    for column in sorted(SORT_KEYS, key=win.table.horizontalHeader().visualIndex):
        title = QCoreApplication.translate("TicketTableModel", HEADERS[column])
        entry = QAction(f"&{title}", win)
        entry.setCheckable(True)
        entry.triggered.connect(lambda _=False, c=column: sort_by(win.table, c))
        group.addAction(entry)
        menu.addAction(entry)
        by_column[column] = entry
    menu.addSeparator()
    menu.addAction(action(tr("Re&verse order"), "Ctrl+Alt+R", lambda: reverse_order(win.table)))
    header = win.table.horizontalHeader()

    def follow(section: int, _order: Any) -> None:
        if section in by_column:
            by_column[section].setChecked(True)

    header.sortIndicatorChanged.connect(follow)
    follow(header.sortIndicatorSection(), header.sortIndicatorOrder())
    win.sort_actions = by_column


def sort_by(table: QTableView, column: int) -> None:
    """Sort by `column`: the same direction if it is already the sort column, else ascending (age:
    newest first)."""
    header = table.horizontalHeader()
    if header.sortIndicatorSection() == column:
        order = header.sortIndicatorOrder()
    else:
        from citydesk.ui.ticket_model import COL_AGE

        order = Qt.SortOrder.DescendingOrder if column == COL_AGE else Qt.SortOrder.AscendingOrder
    table.sortByColumn(column, order)


def reverse_order(table: QTableView) -> None:
    """Reverse the table's order."""
    header = table.horizontalHeader()
    ascending = header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    order = Qt.SortOrder.DescendingOrder if ascending else Qt.SortOrder.AscendingOrder
    table.sortByColumn(header.sortIndicatorSection(), order)
