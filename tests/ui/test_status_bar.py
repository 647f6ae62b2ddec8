"""The main window's status bar: connection and last sync, pending local changes, signed-in user, office."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from helpers_detail import sign_in
from PySide6.QtCore import QSettings

from citydesk.services import tickets
from citydesk.store.detail import pending_change_count
from citydesk.ui.app import CitydeskApp
from citydesk.ui.events import SyncStatus
from citydesk.ui.shell import MainWindow
from factories import Office


@pytest.fixture
def window(qtbot: Any, hub: CitydeskApp, office: Office) -> Iterator[MainWindow]:
    """A technician's main window, shown and past its first page."""
    sign_in(hub, office.tech)
    QSettings().clear()
    win = MainWindow(hub)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.ready, timeout=10_000):
        win.show()
    yield win
    win.close()


def pending(office: Office) -> int:
    with office.db.read() as s:
        return pending_change_count(s)


def test_connection_and_last_sync_follow_the_hub(window: MainWindow, hub: CitydeskApp) -> None:
    assert window.sync_label.accessibleName() == "Connection"
    assert window.sync_label.text() == "Offline · last sync: not yet"  # no sync engine yet
    hub.report_sync(SyncStatus(online=True, last_sync="today 14:05", pending=0))
    assert window.sync_label.text() == "Online · last sync: today 14:05"
    hub.report_sync(SyncStatus(online=False, last_sync="today 14:05", pending=3))
    assert window.sync_label.text() == "Offline · last sync: today 14:05"
    later = MainWindow(hub)  # a window made later starts from the hub's latest state
    assert later.sync_label.text() == "Offline · last sync: today 14:05"
    later.deleteLater()


def test_pending_local_changes_count_the_outbox(
    qtbot: Any, window: MainWindow, hub: CitydeskApp, office: Office
) -> None:
    assert window.pending_label.accessibleName() == "Pending local changes"
    before = pending(office)
    qtbot.waitUntil(lambda: window.pending_label.text() == f"{before:,} local changes not yet synced")
    hub.mutate(tickets.create_ticket, title="Broken bench", channel="phone")
    qtbot.waitUntil(lambda: pending(office) > before, timeout=5_000)
    after = pending(office)
    qtbot.waitUntil(
        lambda: window.pending_label.text() == f"{after:,} local changes not yet synced", timeout=5_000
    )


def test_signed_in_user_and_switching(window: MainWindow, hub: CitydeskApp, office: Office) -> None:
    assert window.user_label.accessibleName() == "Signed-in user"
    assert window.user_label.text() == "Tomás Técnico (Technician)"
    sign_in(hub, office.supervisor)
    assert window.user_label.text() == "Sam Supervisor (Supervisor)"
    hub.sign_out()
    assert window.user_label.text() == "Nobody signed in"


def test_office_of_this_database(window: MainWindow) -> None:
    assert window.office_label.accessibleName() == "Office"
    assert window.office_label.text() == "City Hall (CLK)"
