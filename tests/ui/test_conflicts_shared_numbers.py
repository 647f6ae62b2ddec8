"""The Conflicts window's Shared numbers tab: a database copied by hand numbers a ticket like the
original; after both sync, the tab lists the number with both tickets, and opens either."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers_detail import open_main_window
from PySide6.QtCore import Qt

from citydesk.ui.app import CitydeskApp
from citydesk.ui.conflicts.window import ConflictsWindow
from sync_world import World, copy_of, sync_world


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with sync_world(tmp_path) as made:
        yield made


def test_a_number_two_tickets_carry_is_listed_with_both_and_each_opens(qtbot: Any, world: World) -> None:
    a = world.enrol("a")
    a.log("carla", "Before the copy")
    a.sync()
    b = copy_of(world, a, "b")
    world.clock.advance(minutes=1)
    made_a = a.log("carla", "Logged on the original")
    made_b = b.log("carla", "Logged on the copy")
    assert made_a.number == made_b.number
    a.sync()
    assert b.sync().new_identity is not None
    a.sync()
    hub = CitydeskApp(a.db)
    win = open_main_window(qtbot, hub, a.actor("carla"))
    try:
        window = ConflictsWindow(hub, win)
        opened: list[str] = []
        window.open_ticket.connect(opened.append)
        window.open()
        page = window.shared_page
        qtbot.waitUntil(lambda: page.list.count() == 1, timeout=10_000)
        window.tabs.setCurrentWidget(page)
        text = page.list.item(0).text()
        assert made_a.number in text and "2 tickets" in text
        assert "Logged on the original" in text and "Logged on the copy" in text
        assert page.list.item(0).data(Qt.ItemDataRole.AccessibleTextRole) == text
        assert window.tabs.tabText(window.tabs.indexOf(page)) == "Shared numbers"
        page.list.setFocus()
        qtbot.keyClick(page.list, Qt.Key.Key_Return)
        qtbot.mouseClick(page.open_second, Qt.MouseButton.LeftButton)
        assert set(opened) == {made_a.ticket_id, made_b.ticket_id} and len(opened) == 2
        window.close()
    finally:
        win.close()
        hub.runner.shutdown(wait=True)


def test_no_shared_numbers_says_so(qtbot: Any, world: World) -> None:
    a = world.enrol("a")
    a.log("carla", "Only one")
    hub = CitydeskApp(a.db)
    try:
        window = ConflictsWindow(hub)
        window.open()
        qtbot.waitUntil(lambda: "No ticket number" in window.shared_page.intro.text(), timeout=10_000)
        assert window.shared_page.list.count() == 0
        assert not window.shared_page.open_first.isEnabled()
        window.close()
    finally:
        hub.runner.shutdown(wait=True)
