"""The detail pane's timeline follows the causal order (HLC, then device), not wall time: a note made
on a PC whose clock was set a day behind, after it had seen the ticket's other entries, is shown where it
happened and says its PC's clock was wrong (the real server app in-process, the note pulled in a page)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from helpers_detail import open_main_window
from helpers_sync import app_sync

from citydesk.domain.clock import ManualClock
from citydesk.services.ticket_work import add_note
from citydesk.ui.app import CitydeskApp
from sync_world import World, sync_world


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with sync_world(tmp_path) as made:
        yield made


def test_a_note_from_a_pc_with_a_wrong_clock_is_shown_where_it_happened(qtbot: Any, world: World) -> None:
    a = world.enrol("a")
    wrong = ManualClock(world.clock.now() - timedelta(days=1))  # the field office PC says yesterday
    b = world.enrol("b", office="PD", clock=wrong)
    made = a.log("carla", "Water main leak")
    world.clock.advance(minutes=2)
    add_note(a.db, actor=a.actor("tomas"), ticket_id=made.ticket_id, body="Valve closed", public=False)
    a.sync()
    b.sync()
    wrong.advance(minutes=5)
    world.clock.advance(minutes=5)
    add_note(b.db, actor=b.actor("pete"), ticket_id=made.ticket_id, body="Crew on site", public=False)
    b.sync()

    hub = CitydeskApp(a.db)
    try:
        win = open_main_window(qtbot, hub, a.actor("tomas"))
        win.show_ticket(made.ticket_id)
        pane = win.detail
        qtbot.waitUntil(lambda: pane.view is not None)
        app_sync(qtbot, hub, a)
        qtbot.waitUntil(lambda: len(pane.timeline.texts()) == 3, timeout=5_000)
        texts = pane.timeline.texts()
        assert "Logged the request" in texts[0]
        assert texts[1].endswith("Valve closed")
        assert "Crew on site" in texts[2]  # last, as it happened — its wall time says yesterday
        assert "entered on a PC whose clock was wrong: shown where it happened" in texts[2]
        assert not any("clock was wrong" in t for t in texts[:2])
        win.close()
    finally:
        hub.runner.shutdown(wait=True)
