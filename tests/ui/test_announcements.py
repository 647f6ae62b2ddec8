"""Each status message raises an accessibility event carrying its text, so a screen reader speaks it:
the main window's status line (a note added, a search's count, an error), the New request form's
"Saved as …" and the status question's answer line.

The platform's accessibility bridge is the outer edge here: `QAccessible.updateAccessibility` is
wrapped to record each event (and still called), as a screen reader would receive it.
"""

from __future__ import annotations

from typing import Any

import pytest
from helpers_detail import open_main_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent

from citydesk.services import tickets
from citydesk.ui.app import CitydeskApp
from factories import Office

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def spoken(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """(event, accessible name of its object) for every alert and name change raised."""
    heard: list[tuple[str, str]] = []
    real = QAccessible.updateAccessibility

    def record(event: QAccessibleEvent) -> None:
        if event.type() in (QAccessible.Event.Alert, QAccessible.Event.NameChanged):
            obj = event.object()
            heard.append((event.type().name, obj.accessibleName() if obj is not None else ""))
        real(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    return heard


def test_every_status_message_is_spoken(
    qtbot: Any, hub: CitydeskApp, office: Office, spoken: list[tuple[str, str]]
) -> None:
    created = tickets.create_ticket(office.db, actor=office.clerk, title="Broken bench", channel="phone")
    win = open_main_window(qtbot, hub, office.clerk)
    pane = win.detail
    with qtbot.waitSignal(pane.loaded, timeout=5_000):
        pane.set_ticket(created.ticket_id)
    pane.composer.setFocus()
    qtbot.keyClicks(pane.composer, "Bench part ordered.")
    qtbot.keyClick(pane.composer, Qt.Key.Key_Return, CTRL)
    added = f"Internal note added to {created.number}"
    qtbot.waitUntil(lambda: ("Alert", added) in spoken, timeout=5_000)
    assert ("NameChanged", added) in spoken

    qtbot.keyClick(win.table, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(win.search, "bench")
    qtbot.waitUntil(lambda: ("Alert", "1 ticket found") in spoken, timeout=5_000)  # a count in words

    hub.error.emit("The database is locked by another program")
    assert ("Alert", "⚠ Error: The database is locked by another program") in spoken

    dialog = win.new_request()
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.context is not None, timeout=5_000)
    dialog.category.edit.setFocus()
    qtbot.keyClicks(dialog.category.edit, "lamp")
    qtbot.waitUntil(lambda: dialog.category.list.isVisible() and dialog.category.list.count() > 0)
    qtbot.keyClick(dialog.category.edit, Qt.Key.Key_Return)
    dialog.new_requester.setChecked(True)
    dialog.person.name.setText("Ann Lee")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.saved_ticket_id is not None, timeout=5_000)
    saved = dialog.result.text()
    assert saved.startswith("Saved as ")
    assert ("Alert", saved) in spoken
    dialog.start_next()
    dialog.close()
