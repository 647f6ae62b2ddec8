"""View → Conflicts with the real server app in-process: two offices change the same ticket's priority,
the table and the detail pane mark the ticket, a supervisor settles it in the view with the keyboard,
and both offices see the choice after they sync; a change the server refused is listed with its reason
in plain words and what was kept instead."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers_detail import CTRL_SHIFT, open_main_window
from helpers_sync import app_sync
from PySide6.QtCore import Qt
from sqlalchemy import select

from citydesk.services.conflicts import open_conflicts
from citydesk.services.ticket_work import add_note, change_priority
from citydesk.store.models import Ticket
from citydesk.ui.app import CitydeskApp
from citydesk.ui.conflicts.tracker import tracker_for
from citydesk.ui.conflicts.window import ConflictsWindow
from citydesk.ui.ticket_model import COL_NUMBER
from sync_world import Replica, World, server_admin, sync_world

ALL_QUEUE = 7


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with sync_world(tmp_path) as made:
        yield made


@pytest.fixture
def offices(world: World) -> tuple[Replica, Replica]:
    """City Hall (a) and the Police annex (b), both holding one logged ticket."""
    a, b = world.enrol("a"), world.enrol("b", office="PD")
    a.log("carla", "Pothole on Main")
    a.sync()
    b.sync()
    return a, b


@pytest.fixture
def hub_a(qtbot: Any, offices: tuple[Replica, Replica]) -> Iterator[CitydeskApp]:
    app = CitydeskApp(offices[0].db)
    yield app
    app.runner.shutdown(wait=True)


def _priority(replica: Replica) -> str:
    with replica.db.read() as s:
        return str(s.scalar(select(Ticket.priority)))


def _ticket_id(replica: Replica) -> str:
    with replica.db.read() as s:
        return str(s.scalar(select(Ticket.id)))


def test_a_conflict_is_marked_settled_in_the_view_and_both_offices_see_the_choice(
    qtbot: Any, world: World, offices: tuple[Replica, Replica], hub_a: CitydeskApp
) -> None:
    a, b = offices
    ticket_id = _ticket_id(a)
    win = open_main_window(qtbot, hub_a, a.actor("sam"))
    win.choose_queue(ALL_QUEUE)
    qtbot.waitUntil(lambda: win.model.row_of(ticket_id) is not None)
    win.table.selectRow(win.model.row_of(ticket_id))
    qtbot.waitUntil(lambda: win.detail.view is not None)

    world.clock.advance(minutes=1)
    change_priority(a.db, actor=a.actor("tomas"), ticket_id=ticket_id, priority="P1")
    world.clock.advance(minutes=1)
    change_priority(b.db, actor=b.actor("sam"), ticket_id=ticket_id, priority="P2")
    b.sync()
    app_sync(qtbot, hub_a, a)  # pushes P1, pulls P2: the conflict arrives by a pulled page

    tracker = tracker_for(hub_a)
    qtbot.waitUntil(lambda: tracker.count == 1, timeout=5_000)
    row = win.model.row_of(ticket_id)
    assert row is not None
    index = win.model.index(row, COL_NUMBER)
    qtbot.waitUntil(lambda: "conflict" in str(index.data(Qt.ItemDataRole.AccessibleTextRole)))
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "two offices changed this ticket" in str(index.data(Qt.ItemDataRole.ToolTipRole))
    banner = win.detail.conflict_banner
    qtbot.waitUntil(banner.isVisible)
    assert "changed the priority at the same time" in banner.label.text()

    qtbot.keyClick(win, Qt.Key.Key_K, CTRL_SHIFT)  # View → Conflicts
    window = win.conflicts_window
    assert isinstance(window, ConflictsWindow)
    qtbot.waitUntil(window.isVisible)
    assert window.conflict_list.count() == 1
    text = window.conflict_list.item(0).text()
    for words in ("P1 Critical", "P2 High", "Tomas", "Sam", "City Hall (CLK)", "Police annex (PD)"):
        assert words in text
    assert window.tabs.tabText(0) == "Conflicts (1)"

    window.conflict_list.setFocus()
    window.conflict_list.setCurrentRow(0)
    qtbot.keyClick(window.conflict_list, Qt.Key.Key_Return)  # Enter: choose the value to keep
    dialog = window.settle_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.choices[-1].isChecked() and dialog.choices[-1].hasFocus()  # P2, shown now, at first
    qtbot.keyClick(dialog.choices[-1], Qt.Key.Key_Up)  # the arrow moves to P1
    assert dialog.choices[0].isChecked() and dialog.chosen_value() == "P1"
    qtbot.keyClick(dialog.choices[0], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tracker.count == 0, timeout=5_000)
    qtbot.waitUntil(lambda: window.conflict_list.count() == 0)
    assert _priority(a) == "P1"
    qtbot.waitUntil(lambda: not banner.isVisible())
    qtbot.waitUntil(lambda: "conflict" not in str(index.data(Qt.ItemDataRole.AccessibleTextRole)))

    app_sync(qtbot, hub_a, a)
    b.sync()
    assert _priority(b) == "P1" and open_conflicts(b.db) == []
    window.close()
    win.close()


def test_the_detail_banner_settles_the_shown_tickets_conflict(
    qtbot: Any, world: World, offices: tuple[Replica, Replica], hub_a: CitydeskApp
) -> None:
    a, b = offices
    ticket_id = _ticket_id(a)
    change_priority(a.db, actor=a.actor("tomas"), ticket_id=ticket_id, priority="P1")
    world.clock.advance(minutes=1)
    change_priority(b.db, actor=b.actor("sam"), ticket_id=ticket_id, priority="P2")
    b.sync()
    a.sync()
    win = open_main_window(qtbot, hub_a, a.actor("sam"))
    win.show_ticket(ticket_id)
    banner = win.detail.conflict_banner
    qtbot.waitUntil(banner.isVisible, timeout=5_000)
    banner.button.click()
    dialog = win.detail.active_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.keep.click()  # keeps P2, the value shown
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=5_000)
    assert _priority(a) == "P2" and open_conflicts(a.db) == []
    win.close()


def test_a_refused_change_is_listed_with_its_reason_and_what_was_kept(
    qtbot: Any, world: World, offices: tuple[Replica, Replica], hub_a: CitydeskApp
) -> None:
    a, _b = offices
    ticket_id = _ticket_id(a)
    world.clock.advance(minutes=1)
    server_admin().disable_user(world.url, username="carla", clock=world.clock)
    world.clock.advance(minutes=1)
    add_note(a.db, actor=a.actor("carla"), ticket_id=ticket_id, body="Called back at noon", public=False)
    win = open_main_window(qtbot, hub_a, a.actor("sam"))
    result = app_sync(qtbot, hub_a, a)
    assert [r.code for r in result.rejected] == ["author_inactive"]

    window = win.open_conflicts()
    qtbot.waitUntil(lambda: window.rejected_list.count() == 1, timeout=5_000)
    text = window.rejected_list.item(0).text()
    assert "Adding a note to CLK-1-000001 (by Carla) was not accepted" in text
    assert "had been disabled by the administrator" in text  # the reason in plain words
    assert "Kept instead: nothing — the text was: “Called back at noon”" in text
    assert window.tabs.tabText(1) == "Changes not accepted (1)"
    assert window.conflicts_intro.text().startswith("No conflicts")
    window.tabs.setCurrentIndex(1)
    window.rejected_list.setCurrentRow(0)
    with qtbot.waitSignal(window.open_ticket) as opened:
        window.open_rejected_ticket.click()
    assert opened.args == [ticket_id]
    window.close()
    win.close()


def test_the_conflicts_window_and_the_settle_dialog_pass_the_accessibility_audit(
    qtbot: Any, world: World, offices: tuple[Replica, Replica], hub_a: CitydeskApp
) -> None:
    from helpers_a11y import audit
    from helpers_detail import press

    a, b = offices
    ticket_id = _ticket_id(a)
    change_priority(a.db, actor=a.actor("tomas"), ticket_id=ticket_id, priority="P1")
    world.clock.advance(minutes=1)
    change_priority(b.db, actor=b.actor("sam"), ticket_id=ticket_id, priority="P2")
    b.sync()
    a.sync()
    win = open_main_window(qtbot, hub_a, a.actor("sam"))
    press(qtbot, Qt.Key.Key_K, CTRL_SHIFT)
    window = win.conflicts_window
    qtbot.waitUntil(lambda: window is not None and window.isActiveWindow())
    qtbot.waitUntil(lambda: window.conflict_list.count() == 1, timeout=5_000)
    try:
        assert audit(qtbot, window) == []
        dialog = window.settle_selected()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        assert audit(qtbot, dialog) == []
        dialog.reject()
    finally:
        window.close()
        win.close()
