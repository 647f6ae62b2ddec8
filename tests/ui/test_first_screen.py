"""Each role starts where its work is; the last queue is remembered per user; the clerk's first screen
shows today's requests at this PC, a New request button and today's counted contacts; at 1366×768 the
six columns a clerk reads fit without scrolling sideways."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from helpers_detail import open_main_window, sign_in
from PySide6.QtCore import QSettings, Qt

from citydesk.domain.roles import Actor
from citydesk.services import tickets
from citydesk.services.contacts import log_contact
from citydesk.store.queries import Queue
from citydesk.ui.app import CitydeskApp
from citydesk.ui.queue_list import QUEUES
from citydesk.ui.shell import FIRST_SIX, MainWindow
from factories import Office

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def open_window(qtbot: Any, hub: CitydeskApp) -> Iterator[Callable[[Actor], MainWindow]]:
    """Opens a main window for a signed-in user, as the app does after sign-in."""
    made: list[MainWindow] = []

    def open_for(actor: Actor) -> MainWindow:
        win = open_main_window(qtbot, hub, actor, fresh_settings=False)  # queues remembered between windows
        made.append(win)
        return win

    QSettings().clear()
    yield open_for
    for win in made:
        win.close()


def test_each_role_starts_on_its_own_queue_and_the_last_one_is_remembered(
    qtbot: Any, office: Office, open_window: Callable[[Actor], MainWindow]
) -> None:
    earlier = tickets.create_ticket(office.db, actor=office.clerk, title="Old pothole", channel="phone")
    office.clock.advance(days=1)  # Tuesday: earlier tickets are not "logged here today"
    today = tickets.create_ticket(office.db, actor=office.clerk, title="Dog barking", channel="walk_in")
    office.clock.advance(minutes=5)
    newest = tickets.create_ticket(office.db, actor=office.clerk, title="Streetlight out", channel="phone")
    log_contact(office.db, actor=office.clerk, kind="status_inquiry", channel="phone",
                ticket_id=earlier.ticket_id)  # fmt: skip
    log_contact(office.db, actor=office.clerk, kind="question", channel="walk_in", summary="Bulk pickup day?")
    log_contact(office.db, actor=office.clerk, kind="question", channel="phone", summary="Pool hours?")

    clerk = open_window(office.clerk)
    assert clerk.model.query.queue is Queue.HERE_TODAY and clerk.queue_label() == "Logged here today"
    qtbot.waitUntil(lambda: clerk.model.rowCount() == 2)
    assert [clerk.model.ticket_id(r) for r in range(2)] == [newest.ticket_id, today.ticket_id]  # newest first
    assert clerk.clerk_bar.isVisible() and clerk.clerk_bar.button.text() == "New request (Ctrl+N)"
    qtbot.waitUntil(lambda: "1 status inquiry, 2 questions answered" in clerk.clerk_bar.today.text())
    qtbot.keyClick(clerk.table, Qt.Key.Key_3, CTRL)  # the clerk looks at P1 open: remembered for next time
    qtbot.waitUntil(lambda: clerk.model.query.queue is Queue.P1_OPEN)
    clerk.close()

    tech = open_window(office.tech)
    assert tech.model.query.queue is Queue.MINE and not tech.clerk_bar.isVisible()
    tech.close()
    supervisor = open_window(office.supervisor)
    assert supervisor.model.query.queue is Queue.OVERDUE
    supervisor.close()
    again = open_window(office.clerk)
    assert again.model.query.queue is Queue.P1_OPEN and again.queue_label() == "P1 open"
    qtbot.waitUntil(lambda: again.queues.currentItem() is not None and again.queue_label() == "P1 open")


def test_the_clerks_columns_fit_a_1366_by_768_screen(
    qtbot: Any, office: Office, open_window: Callable[[Actor], MainWindow]
) -> None:
    tickets.create_ticket(office.db, actor=office.clerk, title="Pothole", channel="phone")
    win = open_window(office.clerk)
    win.resize(1366, 740)
    qtbot.waitUntil(lambda: win.table.viewport().width() > 0)
    header = win.table.horizontalHeader()
    visual = sorted(FIRST_SIX, key=header.visualIndex)
    assert [header.visualIndex(c) for c in visual] == list(range(6))  # the six come first, Due among them

    def fits() -> bool:
        width = win.table.viewport().width()
        return all(header.sectionViewportPosition(c) + header.sectionSize(c) <= width for c in visual)

    qtbot.waitUntil(fits)
    assert header.sectionSize(3) >= 160  # the elastic title keeps a readable width


def test_a_queue_chosen_before_the_list_is_filled_is_shown(
    qtbot: Any, hub: CitydeskApp, office: Office
) -> None:
    """Ctrl+8 pressed at once after sign-in (the queue list fills in the background) still shows All."""
    tickets.create_ticket(office.db, actor=office.clerk, title="Pothole", channel="phone")
    sign_in(hub, office.admin)  # an admin starts on Overdue, where this ticket is not
    QSettings().clear()
    win = MainWindow(hub)
    qtbot.addWidget(win)
    assert win.queues.count() == 0  # nothing listed yet
    win.choose_queue([q for q, _ in QUEUES].index(Queue.ALL))
    with qtbot.waitSignal(win.ready, timeout=10_000):
        win.show()
    qtbot.waitUntil(lambda: win.model.query.queue is Queue.ALL and win.model.rowCount() == 1)
    assert win.queue_label() == "All"
    win.close()
