"""The main window's status bar: connection and last sync, pending local changes, signed-in user, office."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
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
    assert window.sync_label.accessibleName().startswith("Connection: ")
    assert window.sync_label.text() == "Not connected to the city's server"  # a standalone office
    synced = hub.db.clock.now() - timedelta(minutes=4)
    hub.report_sync(SyncStatus(online=True, last_sync=synced, pending=0, mode="connected"))
    assert window.sync_label.text() == "Online · synced 4 min ago"
    assert window.sync_label.accessibleName() == "Connection: Online · synced 4 min ago"
    hub.report_sync(SyncStatus(online=False, last_sync=synced, pending=3, mode="connected"))
    assert window.sync_label.text() == "Offline · synced 4 min ago"
    later = MainWindow(hub)  # a window made later starts from the hub's latest state
    assert later.sync_label.text() == "Offline · synced 4 min ago"
    later.deleteLater()


def test_pending_local_changes_count_the_outbox(
    qtbot: Any, window: MainWindow, hub: CitydeskApp, office: Office
) -> None:
    assert window.pending_label.accessibleName() == "Pending local changes"
    assert not window.pending_label.isVisible()  # a standalone office has no server to send them to
    for mode in ("demo", "connected"):
        hub.report_sync(SyncStatus(online=False, last_sync=None, pending=0, mode=mode))
        assert window.pending_label.isVisible() is (mode == "connected")
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


def test_status_message_never_contradicts_itself_and_reaches_screen_readers(
    qtbot: Any, window: MainWindow, hub: CitydeskApp, office: Office
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAccessible

    def spoken() -> str:
        iface = QAccessible.queryAccessibleInterface(window.message)
        assert iface is not None
        return iface.text(QAccessible.Text.Name)

    created = tickets.create_ticket(office.db, actor=office.clerk, title="Broken bench", channel="phone")
    pane = window.detail
    with qtbot.waitSignal(pane.loaded, timeout=5_000):
        pane.set_ticket(created.ticket_id)
    window.status_message.clear_after_ms = 300  # 10 s in the app
    pane.composer.setFocus()
    qtbot.keyClicks(pane.composer, "Crew booked for Thursday.")
    qtbot.keyClick(pane.composer, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "note added to" in window.message.text(), timeout=5_000)
    assert spoken() == window.message.text()  # the accessible name carries the message itself
    # Ctrl+Enter on an empty note: the error replaces the earlier success, there and for a screen reader
    qtbot.keyClick(pane.composer, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.message.text().startswith("⚠ Error:"), timeout=5_000)
    assert "note added" not in window.message.text() and spoken() == window.message.text()
    hub.announce.emit(f"{created.number} is now assigned to you")  # a later success replaces the error...
    assert window.message.text() == f"{created.number} is now assigned to you"
    assert window.status_message.clears_itself
    qtbot.waitUntil(lambda: window.message.text() == "", timeout=5_000)  # ...and clears itself
    assert spoken() == "Status message"
    hub.error.emit("The database is locked by another program")  # an error stays until the next message
    assert window.message.text() == "⚠ Error: The database is locked by another program"
    assert not window.status_message.clears_itself
