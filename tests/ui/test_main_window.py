"""The main window with real widgets and a real SQLite file: queues, SQL sorting, search, responsiveness."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from helpers_detail import sign_in, unnamed_interactive
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor

from citydesk.services import tickets
from citydesk.store import queries
from citydesk.store.queries import Queue, SortKey, TicketQuery
from citydesk.store.settings import load_calendar
from citydesk.ui.app import CitydeskApp
from citydesk.ui.events import TicketChanged
from citydesk.ui.queue_list import QUEUES
from citydesk.ui.shell import MainWindow
from citydesk.ui.ticket_model import COL_NUMBER, COL_PRIORITY, SORT_KEYS, priority_colour
from factories import Office

ALL_ROW = [q for q, _ in QUEUES].index(Queue.ALL)
P1_ROW = [q for q, _ in QUEUES].index(Queue.P1_OPEN)


@pytest.fixture
def window(qtbot: Any, hub: CitydeskApp, office: Office) -> Iterator[MainWindow]:
    """A signed-in technician's main window over a few tickets."""
    for i, (title, priority) in enumerate(
        [("Pothole on Elm", "P3"), ("Server down", "P1"), ("Printer jam", "P2"), ("Graffiti", "P3")]
    ):
        office.clock.advance(minutes=10 + i)
        tickets.create_ticket(office.db, actor=office.clerk, title=title, channel="phone", priority=priority,
                              category_id=office.pothole, requester_id=office.citizen)  # fmt: skip
    sign_in(hub, office.tech)
    QSettings().clear()  # no layout remembered from another test
    win = MainWindow(hub)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.ready, timeout=10_000):
        win.show()
    qtbot.waitUntil(lambda: win.queues.count() >= len(QUEUES))
    win.queues.setCurrentRow(ALL_ROW)
    qtbot.waitUntil(lambda: win.model.rowCount() == 4 and win.model.ticket_id(3) is not None)
    yield win
    win.close()


def numbers(win: MainWindow) -> list[str]:
    return [win.model.data(win.model.index(r, COL_NUMBER)) for r in range(win.model.rowCount())]


def test_lists_tickets_newest_first_and_counts_queues(qtbot: Any, window: MainWindow) -> None:
    assert numbers(window) == [f"CLK-TST-{i:06d}" for i in (4, 3, 2, 1)]
    assert window.visible_ticket_count() == 4
    qtbot.waitUntil(lambda: "(1)" in window.queues.item(P1_ROW).text())
    assert window.model.data(window.model.index(2, COL_PRIORITY)) == "P1 Critical"


@pytest.mark.parametrize("column", sorted(SORT_KEYS))
def test_sorting_by_each_column_follows_sql(
    qtbot: Any, window: MainWindow, office: Office, column: int
) -> None:
    window.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    key = SORT_KEYS[column]
    with office.db.read() as session:
        expected = queries.ticket_ids(session, TicketQuery(queue=Queue.ALL, sort=key, descending=False),
                                      now=office.clock.now(), calendar=load_calendar(session))  # fmt: skip
    if key is SortKey.AGE:
        window.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: window.model.ids == expected)


def test_new_p1_updates_count_and_table(
    qtbot: Any, window: MainWindow, hub: CitydeskApp, office: Office
) -> None:
    sign_in(hub, office.clerk)
    hub.mutate(tickets.create_ticket, title="Gas smell downtown", channel="phone", priority="P1")
    qtbot.waitUntil(lambda: "(2)" in window.queues.item(P1_ROW).text(), timeout=10_000)
    qtbot.waitUntil(lambda: window.model.rowCount() == 5)


def test_search_by_later_note_and_by_number_then_escape(
    qtbot: Any, window: MainWindow, office: Office
) -> None:
    assert tickets.ticket_number_exists(office.db, "CLK-TST-000001")
    first_id = window.model.ticket_id(numbers(window).index("CLK-TST-000001"))
    assert first_id is not None
    tickets.add_note(office.db, actor=office.tech, ticket_id=first_id, body="hydrant leaking", public=False)
    window.search.setFocus()
    qtbot.keyClicks(window.search, "hydr")
    qtbot.waitUntil(lambda: numbers(window) == ["CLK-TST-000001"], timeout=5_000)
    window.search.clear()
    qtbot.keyClicks(window.search, "clk-tst-3")
    qtbot.waitUntil(lambda: numbers(window) == ["CLK-TST-000003"], timeout=5_000)
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.model.rowCount() == 4)
    assert window.search.text() == ""


def test_window_answers_while_a_long_background_write_runs(
    qtbot: Any, window: MainWindow, hub: CitydeskApp
) -> None:
    release = threading.Event()
    started = threading.Event()

    def long_write() -> str:
        started.set()
        release.wait(30)
        return "done"

    finished: list[str] = []
    hub.runner.write(long_write, finished.append)
    assert started.wait(5)
    # The GUI thread is free: switching queue and searching still work while the writer is busy.
    window.queues.setCurrentRow(P1_ROW)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    qtbot.keyClicks(window.search, "printer")
    qtbot.waitUntil(lambda: numbers(window) == ["CLK-TST-000003"])
    assert not finished
    release.set()
    qtbot.waitUntil(lambda: finished == ["done"])


def test_every_interactive_widget_has_an_accessible_name(window: MainWindow) -> None:
    missing = unnamed_interactive(window)
    assert not missing, "interactive widgets without an accessible name: " + ", ".join(missing)


@pytest.mark.parametrize("dark", [False, True])
def test_priority_colours_meet_contrast(dark: bool) -> None:
    from citydesk.ui.palette import contrast

    base = QColor("#181a1b") if dark else QColor("#ffffff")
    for priority in ("P1", "P2"):
        colour = priority_colour(priority, dark)
        assert colour is not None
        assert contrast(colour, base) >= 4.5, priority


def test_new_p1_and_assignment_to_me_are_announced(
    qtbot: Any, window: MainWindow, hub: CitydeskApp, office: Office
) -> None:
    sign_in(hub, office.tech)  # the technician watches; others act through the services below
    created = tickets.create_ticket(office.db, actor=office.clerk, title="Water main break", channel="phone",
                                    priority="P1")  # fmt: skip
    hub.ticket_changed.emit(TicketChanged(created.ticket_id, created.number, "created"))
    qtbot.waitUntil(lambda: any("New P1" in n.title for n in window.notifier.shown))
    assert window.notice_label.isVisible() and "Water main break" in window.notice_label.text()
    assigned = tickets.assign(office.db, actor=office.supervisor, ticket_id=created.ticket_id,
                              assignee_id=office.tech.user_id)  # fmt: skip
    hub.ticket_changed.emit(TicketChanged(created.ticket_id, assigned.number, "assignment"))
    qtbot.waitUntil(lambda: any("assigned to you" in n.title for n in window.notifier.shown))
    # Taking a ticket yourself is not news.
    other = tickets.create_ticket(office.db, actor=office.clerk, title="Pothole", channel="phone")
    taken = tickets.take(office.db, actor=office.tech, ticket_id=other.ticket_id)
    before = len(window.notifier.shown)
    hub.ticket_changed.emit(TicketChanged(other.ticket_id, taken.number, "assignment"))
    qtbot.waitUntil(lambda: hub.runner.in_flight == 0)
    assert len(window.notifier.shown) == before


def test_search_says_what_it_shows_and_a_queue_shortcut_leaves_it(
    qtbot: Any, window: MainWindow, office: Office, hub: CitydeskApp
) -> None:
    from citydesk.ui.search_state import OPEN_ONLY_SETTING

    ctrl = Qt.KeyboardModifier.ControlModifier
    overdue_row = [q for q, _ in QUEUES].index(Queue.OVERDUE)
    graffiti = window.model.ticket_id(numbers(window).index("CLK-TST-000004"))
    assert graffiti is not None
    tickets.resolve(office.db, actor=office.tech, ticket_id=graffiti, reason="done",
                    public_note="Painted over.")  # fmt: skip
    qtbot.keyClick(window.table, Qt.Key.Key_F, ctrl)
    assert window.search.hasFocus()
    qtbot.keyClicks(window.search, "graffiti")
    qtbot.waitUntil(lambda: window.search_state.results.isVisible(), timeout=5_000)
    assert window.search_state.results.text() == (
        "Search results for “graffiti” (all tickets): 1 ticket found — Esc goes back to All")  # fmt: skip
    qtbot.waitUntil(lambda: window.message.text() == "1 ticket found")

    # Ctrl+4 (Overdue) leaves the search: the overdue queue, not the old hit under its name
    qtbot.keyClick(window.search, Qt.Key.Key_4, ctrl)
    qtbot.waitUntil(lambda: window.model.query.search is None and window.model.query.queue is Queue.OVERDUE)
    assert window.search.text() == "" and not window.search_state.results.isVisible()
    assert window.queues.currentRow() == overdue_row
    # the same queue's shortcut again, while searching, leaves the search too
    qtbot.keyClick(window.table, Qt.Key.Key_F, ctrl)
    qtbot.keyClicks(window.search, "graffiti")
    qtbot.waitUntil(lambda: window.search_state.results.isVisible(), timeout=5_000)
    qtbot.keyClick(window.search, Qt.Key.Key_4, ctrl)
    qtbot.waitUntil(lambda: window.model.query.search is None and not window.search_state.results.isVisible())

    # Open only: the resolved graffiti ticket drops out; the choice is remembered for the next window
    qtbot.keyClick(window.table, Qt.Key.Key_F, ctrl)
    qtbot.keyClicks(window.search, "graffiti")
    qtbot.waitUntil(lambda: window.search_state.results.isVisible(), timeout=5_000)
    window.search_state.open_only.setFocus()
    qtbot.keyClick(window.search_state.open_only, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "(open tickets only): 0 tickets found" in window.search_state.results.text(),
                    timeout=5_000)  # fmt: skip
    assert QSettings().value(OPEN_ONLY_SETTING, type=bool) is True
    # Esc from the results table goes back to the queue
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.model.query.search is None and window.search.text() == "")
    assert not window.search_state.results.isVisible()
    later = MainWindow(hub)
    assert later.search_state.open_only.isChecked()
    later.deleteLater()


def test_a_ticket_that_leaves_the_list_stays_in_the_details_until_another_is_chosen(
    qtbot: Any, window: MainWindow, office: Office
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # window shortcuts (Ctrl+T) need it
    window.queues.setCurrentRow([q for q, _ in QUEUES].index(Queue.UNASSIGNED))
    qtbot.waitUntil(lambda: window.model.rowCount() == 4 and window.model.ticket_id(1) is not None)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Down)  # a row chosen by the keyboard
    chosen = window.model.ticket_id(window.table.currentIndex().row())
    assert chosen is not None
    qtbot.waitUntil(lambda: window.detail.ticket_id == chosen)
    view = lambda: window.detail.view  # noqa: E731
    qtbot.waitUntil(lambda: view() is not None and view().detail.id == chosen)  # loaded: its actions work
    qtbot.keyClick(window.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # take it
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=5_000)  # no longer unassigned
    window.search.setFocus()
    window.table.setFocus(Qt.FocusReason.TabFocusReason)  # back to the table: Qt makes a row current
    assert window.table.currentIndex().isValid()
    assert window.detail.ticket_id == chosen  # the taken ticket is still the one shown
    qtbot.keyClick(window.table, Qt.Key.Key_Down)  # choosing another shows it
    qtbot.waitUntil(lambda: window.detail.ticket_id == window.model.ticket_id(window.table.currentIndex().row()))  # noqa: E501
    assert window.detail.ticket_id != chosen
