"""Fixtures shared by the UI tests: the signal hub on the office database, the detail pane, the counter,
a hub on a small demo database.

The `office` they use is the suite's (tests/conftest.py): a fresh copy of the set-up office database.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers_detail import open_main_window, sign_in

from citydesk.domain.roles import SYSTEM_ACTOR
from citydesk.services import setup
from citydesk.services.addresses import import_addresses
from citydesk.services.intake import remember_channel
from citydesk.store.db import open_database
from citydesk.ui.app import CitydeskApp
from citydesk.ui.detail import TicketDetailPane
from citydesk.ui.shell import MainWindow
from factories import Office

SAMPLE_ADDRESSES = Path(__file__).resolve().parents[2] / "resources" / "samples" / "addresses.csv"


@pytest.fixture
def hub(qtbot: Any, office: Office) -> Iterator[CitydeskApp]:
    """The signal hub on the office database; background work is finished before the database closes."""
    app = CitydeskApp(office.db)
    yield app
    app.runner.shutdown(wait=True)


@pytest.fixture
def pane(qtbot: Any, hub: CitydeskApp) -> Iterator[TicketDetailPane]:
    """The detail pane, shown as its own window and active (so window shortcuts work)."""
    widget = TicketDetailPane(hub)
    qtbot.addWidget(widget)
    widget.resize(760, 900)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    yield widget
    if widget.active_dialog is not None:
        widget.active_dialog.busy = False
        widget.active_dialog.reject()


@pytest.fixture
def intake_window(qtbot: Any, hub: CitydeskApp, office: Office) -> Iterator[MainWindow]:
    """The main window of a signed-in clerk, with the sample address list imported."""
    import_addresses(office.db, actor=SYSTEM_ACTOR, path=SAMPLE_ADDRESSES)
    remember_channel(office.db, actor=office.clerk, channel="phone")
    win = open_main_window(qtbot, hub, office.clerk)
    yield win
    dialog = getattr(win, "intake_dialog", None)
    if dialog is not None:
        dialog.busy = False
        dialog.start_next()  # emptied: closing does not ask "Discard this request?"
        dialog.close()
    win.close()


@pytest.fixture
def demo_hub(qtbot: Any, tmp_path: Path) -> Any:
    """A hub on a small demo database: staff without passwords."""
    db = open_database(tmp_path / "demo.sqlite")
    setup.initialize_database(
        db, city_name="City of Riverton", time_zone="America/Chicago", office_code="CLK",
        office_name="City Hall", demo=True, tag="DMO",
    )  # fmt: skip
    for username, name, role in (
        ("maria.lopez", "María López", "clerk"),
        ("kevin.oneill", "Kevin O'Neill", "clerk"),
        ("sam.patel", "Sam Patel", "technician"),
        ("helen.park", "Helen Park", "supervisor"),
        ("paul.jensen", "Paul Jensen", "admin"),
    ):
        setup.add_user(db, actor=SYSTEM_ACTOR, username=username, display_name=name, role=role, password=None)
    app = CitydeskApp(db)
    yield app
    app.runner.shutdown(wait=True)
    db.close()


@pytest.fixture
def merge_dialog(qtbot: Any, hub: CitydeskApp, office: Office) -> Iterator[Any]:
    """A supervisor's Merge into… dialog for José Núñez, with Jane Roe found and chosen (Merge offered)."""
    from citydesk.store.requesters_view import requester_detail
    from citydesk.ui.requesters.merge import MergeDialog

    sign_in(hub, office.supervisor)
    with office.db.read() as session:
        source = requester_detail(session, office.spanish_citizen)
    assert source is not None
    dialog = MergeDialog(hub, source)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.search.setText("jane")
    dialog._find()
    qtbot.waitUntil(lambda: dialog.results.count() == 1)
    dialog.results.setCurrentRow(0)
    qtbot.waitUntil(dialog.ok_button.isEnabled)  # the summary is shown, so Merge is offered
    yield dialog
    dialog.reject()
