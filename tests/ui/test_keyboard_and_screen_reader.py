"""The main window as a keyboard-only and a screen-reader user meet it: Tab leaves the ticket table for
the detail pane in visual order, the pane's facts are reached and copied by keyboard, row headers read
the ticket number, cells read "Priority: P1 Critical", and re-sorting has a keyboard way."""

from __future__ import annotations

from typing import Any

from helpers_detail import open_main_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from citydesk.services import tickets
from citydesk.store.queries import Queue, SortKey
from citydesk.ui.app import CitydeskApp
from citydesk.ui.queue_list import QUEUES
from citydesk.ui.ticket_model import COL_NUMBER, COL_PRIORITY, FIRST_ROWS
from factories import Office

CTRL = Qt.KeyboardModifier.ControlModifier
ALL_ROW = [q for q, _ in QUEUES].index(Queue.ALL)


def tab_cycle(qtbot: Any, start: QWidget, presses: int) -> list[QWidget]:
    """The widgets Tab visits from `start`, `presses` times."""
    seen = [start]
    for _ in range(presses):
        widget = QApplication.focusWidget()
        assert widget is not None
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def test_tab_leaves_the_table_for_the_detail_pane_in_visual_order_and_facts_copy(
    qtbot: Any, hub: CitydeskApp, office: Office
) -> None:
    tickets.create_ticket(office.db, actor=office.clerk, title="Pothole on Elm", channel="phone",
                          priority="P1", requester_id=office.citizen)  # fmt: skip
    win = open_main_window(qtbot, hub, office.supervisor)
    win.choose_queue(ALL_ROW)
    qtbot.waitUntil(lambda: win.model.rowCount() == 1)
    win.table.setFocus()
    win.table.selectRow(0)
    pane = win.detail
    qtbot.waitUntil(lambda: pane.header.number.isVisible() and pane.header.number.text() != "")
    seen = tab_cycle(qtbot, win.table, 30)
    header = pane.header
    expected = [win.table, header.number, header.title, header.values["status"], header.values["priority"]]
    assert seen[: len(expected)] == expected  # out of the table at once, into the pane's facts
    after_facts = seen.index(pane.timeline)
    assert seen[after_facts: after_facts + 4] == [pane.timeline, pane.composer, pane.internal_radio,
                                                 pane.add_note_button]  # fmt: skip
    assert seen[after_facts + 4] is win.queues  # and round to the start, no trap anywhere
    assert seen.count(win.table) == 2
    # a fact is read with its caption and copied by keyboard
    status = header.values["status"]
    assert status.accessibleName() == "Status: New"
    status.setFocus()
    qtbot.keyClick(status, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(status, Qt.Key.Key_C, CTRL)
    assert QGuiApplication.clipboard().text() == "New"


def test_row_headers_read_the_number_and_sorting_has_a_keyboard_way(
    qtbot: Any, hub: CitydeskApp, office: Office
) -> None:
    for i in range(FIRST_ROWS + 20):
        office.clock.advance(minutes=1)
        tickets.create_ticket(office.db, actor=office.clerk, title=f"Request {i}", channel="phone",
                              priority="P1" if i == 0 else "P3")  # fmt: skip
    win = open_main_window(qtbot, hub, office.supervisor)
    win.choose_queue(ALL_ROW)
    model = win.model
    qtbot.waitUntil(lambda: model.rowCount() == FIRST_ROWS + 20 and model.ticket_id(0) is not None)
    vertical = Qt.Orientation.Vertical
    display = Qt.ItemDataRole.DisplayRole
    assert model.headerData(0, vertical, display) == model.data(model.index(0, COL_NUMBER))
    assert str(model.headerData(0, vertical, display)).startswith("CLK-TST-")
    last = model.rowCount() - 1
    if model.ticket_id(last) is None:  # not fetched yet: said, not silent
        assert model.headerData(last, vertical, display) == "loading"
        assert model.data(model.index(last, COL_PRIORITY), Qt.ItemDataRole.AccessibleTextRole) == "loading"
    qtbot.waitUntil(lambda: str(model.headerData(last, vertical, display)).startswith("CLK-TST-"))
    assert model.data(model.index(last, COL_PRIORITY), Qt.ItemDataRole.AccessibleTextRole) == (
        "Priority: P1 Critical")  # the oldest ticket, last in newest-first order  # fmt: skip
    # View → Sort by → Priority, then Ctrl+Alt+R reverses
    win.sort_actions[COL_PRIORITY].trigger()
    qtbot.waitUntil(lambda: model.query.sort is SortKey.PRIORITY and not model.query.descending)
    qtbot.waitUntil(lambda: model.ticket_id(0) is not None and model.data(model.index(0, COL_PRIORITY)) == (
        "P1 Critical"))  # fmt: skip
    assert win.sort_actions[COL_PRIORITY].isChecked()
    qtbot.keyClick(win.table, Qt.Key.Key_R, CTRL | Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: model.query.sort is SortKey.PRIORITY and model.query.descending)
