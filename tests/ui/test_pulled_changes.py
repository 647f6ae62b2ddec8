"""Pulled changes arrive without disruption (the real server app in-process, pages committed on the
writer thread, one TicketsPulled per page): a note pulled into the open ticket appears within a second
of its page's commit while the note being typed stays, cursor and all; the ticket table keeps its
selection and scroll position and is never reset; the queue counts follow; a new P1 and a ticket
newly assigned to me at another office pop the usual notice."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers_detail import open_main_window
from helpers_sync import app_sync

from citydesk.services.ticket_work import add_note, assign, edit_ticket
from citydesk.ui.app import CitydeskApp
from citydesk.ui.queue_list import QUEUES
from citydesk.ui.ticket_model import COL_NUMBER, COL_TITLE
from sync_world import Replica, World, sync_world

ALL_QUEUE = 7


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with sync_world(tmp_path) as made:
        yield made


@pytest.fixture
def offices(world: World) -> tuple[Replica, Replica]:
    a, b = world.enrol("a"), world.enrol("b", office="PD")
    return a, b


@pytest.fixture
def hub_a(qtbot: Any, offices: tuple[Replica, Replica]) -> Iterator[CitydeskApp]:
    app = CitydeskApp(offices[0].db)
    yield app
    app.runner.shutdown(wait=True)


def test_a_pulled_note_appears_in_the_open_ticket_while_the_draft_is_kept(
    qtbot: Any, world: World, offices: tuple[Replica, Replica], hub_a: CitydeskApp
) -> None:
    a, b = offices
    made = a.log("carla", "Streetlight out on Oak")
    a.sync()
    b.sync()
    win = open_main_window(qtbot, hub_a, a.actor("tomas"))
    win.show_ticket(made.ticket_id)
    pane = win.detail
    qtbot.waitUntil(lambda: pane.view is not None)
    pane.composer.setFocus()
    qtbot.keyClicks(pane.composer, "Checked the pole, the lamp")
    cursor = pane.composer.textCursor()
    cursor.setPosition(11)
    pane.composer.setTextCursor(cursor)

    world.clock.advance(minutes=2)
    add_note(b.db, actor=b.actor("pete"), ticket_id=made.ticket_id, body="Caller rang again", public=True)
    b.sync()
    committed: list[float] = []
    app_sync(qtbot, hub_a, a, committed=committed)
    qtbot.waitUntil(lambda: any("Caller rang again" in t for t in pane.timeline.texts()), timeout=5_000)
    assert committed and time.perf_counter() - committed[-1] <= 1.0 + 0.5  # ≤ 1 s after the commit (+ slack)
    assert pane.composer.toPlainText() == "Checked the pole, the lamp"
    assert pane.composer.textCursor().position() == 11
    assert pane.composer.hasFocus()
    assert "Pete (PD)" in pane.timeline.texts()[-1]
    win.close()


def test_the_table_keeps_selection_and_scroll_and_counts_follow_a_pulled_page(
    qtbot: Any, world: World, offices: tuple[Replica, Replica], hub_a: CitydeskApp
) -> None:
    a, b = offices
    made = [b.log("pete", f"Pothole number {i}") for i in range(80)]
    b.sync()
    a.sync()
    win = open_main_window(qtbot, hub_a, a.actor("sam"))
    win.resize(1200, 500)
    win.choose_queue(ALL_QUEUE)
    qtbot.waitUntil(lambda: win.model.rowCount() == 80 and win.model.complete)
    chosen = made[30].ticket_id
    qtbot.waitUntil(lambda: win.model.row_of(chosen) is not None)
    row = win.model.row_of(chosen)
    assert row is not None
    win.table.selectRow(row)
    win.table.scrollTo(win.model.index(row, 0))
    bar = win.table.verticalScrollBar()
    bar.setValue(max(0, row - 5))
    scroll = bar.value()
    assert scroll > 0
    resets: list[int] = []
    win.model.modelReset.connect(lambda: resets.append(1))

    world.clock.advance(minutes=5)
    edit_ticket(b.db, actor=b.actor("sam"), ticket_id=chosen, field="title", value="Renamed at the annex")
    for i in range(3):
        b.log("pete", f"Fresh pothole {i}")  # newest first: they come in above the selected row
    b.sync()
    app_sync(qtbot, hub_a, a)
    qtbot.waitUntil(lambda: win.model.rowCount() == 83, timeout=5_000)
    new_row = win.model.row_of(chosen)
    assert new_row == row + 3
    qtbot.waitUntil(lambda: win.model.index(new_row, COL_TITLE).data() == "Renamed at the annex")
    assert win.model.ticket_id(win.table.currentIndex().row()) == chosen  # the selection followed it
    assert win.table.selectionModel().isRowSelected(new_row)
    assert bar.value() == scroll
    assert resets == []  # refreshed in place, never reset
    assert win.model.index(0, COL_NUMBER).data() == "PD-1-000083"
    all_row = [label for _q, label in QUEUES].index("All")
    qtbot.waitUntil(lambda: "(83)" in win.queues.item(all_row).text(), timeout=5_000)
    assert win.detail.ticket_id == chosen
    win.close()


def test_a_new_p1_and_an_assignment_to_me_from_another_office_pop_a_notice(
    qtbot: Any, world: World, offices: tuple[Replica, Replica], hub_a: CitydeskApp
) -> None:
    a, b = offices
    quiet = b.log("pete", "Bench paint peeling")
    b.sync()
    a.sync()
    win = open_main_window(qtbot, hub_a, a.actor("tomas"))
    notices = win.notifier.shown
    qtbot.waitUntil(lambda: win.pulled_notifier.watermark is not None)
    world.clock.advance(minutes=1)
    urgent = b.log("pete", "Gas smell at the library", priority="P1")
    assign(b.db, actor=b.actor("sam"), ticket_id=quiet.ticket_id, assignee_id=a.actor("tomas").user_id)
    b.sync()
    app_sync(qtbot, hub_a, a)
    qtbot.waitUntil(lambda: len(notices) == 2, timeout=5_000)
    by_title = {n.title: n for n in notices}
    assert by_title["New P1 PD-1-000002 from another office"].urgent
    assert by_title["New P1 PD-1-000002 from another office"].ticket_id == urgent.ticket_id
    assert by_title["PD-1-000001 was assigned to you at another office"].text == "Bench paint peeling"
    add_note(b.db, actor=b.actor("pete"), ticket_id=quiet.ticket_id, body="Still peeling", public=False)
    b.sync()
    checks = len(win.pulled_notifier.told)
    app_sync(qtbot, hub_a, a)  # a later change to the same tickets tells nothing twice
    qtbot.waitUntil(lambda: win.pulled_notifier.idle)
    assert len(notices) == 2 and len(win.pulled_notifier.told) == checks == 2
    win.close()
