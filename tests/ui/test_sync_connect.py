"""Connect to the city's server from the first-run chooser and from Settings, against the real server app
in-process (only the OS keyring is in memory): by one-time code with a progress bar, and each failure in
a clerk's words (wrong code, no connection, no keyring, a missing certificate file) writing nothing."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from helpers_detail import open_main_window, unnamed_interactive
from keyring.backends import fail
from PySide6.QtCore import Qt

from citydesk.services.setup import is_initialized
from citydesk.store.db import Database, open_database
from citydesk.ui.app import CitydeskApp
from citydesk.ui.events import SyncProgress
from citydesk.ui.first_run import FirstRunDialog
from citydesk.ui.sync.connect_dialog import ConnectDialog
from citydesk.ui.sync.controller import SyncController
from factories import Office
from fault_injection import Fault
from sync_world import URL, World, server_admin, sync_world

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with sync_world(tmp_path) as made:
        yield made


@pytest.fixture
def empty_db(world: World) -> Iterator[Database]:
    """A new, empty database on this PC (the world's clock)."""
    db = open_database(world.tmp / "new-pc.sqlite", clock=world.clock)
    yield db
    db.close()


def chooser(qtbot: Any, world: World, db: Database) -> tuple[FirstRunDialog, ConnectDialog]:
    """The first-run chooser with "Connect to the city's server" chosen."""
    first = FirstRunDialog(db, http_client=world.injector.client)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    assert first.server_button.isEnabled()
    qtbot.mouseClick(first.server_button, Qt.MouseButton.LeftButton)
    dialog = first.connect_dialog
    assert isinstance(dialog, ConnectDialog)
    qtbot.waitExposed(dialog)
    return first, dialog


def fill(qtbot: Any, dialog: ConnectDialog, url: str, code: str, name: str = "front-desk") -> None:
    """Type the address, the code and the PC's name."""
    for field, text in ((dialog.url, url), (dialog.code, code), (dialog.device_name, name)):
        field.clear()
        qtbot.keyClicks(field, text)


def fails(qtbot: Any, dialog: ConnectDialog) -> str:
    """Click Connect and return the error shown."""
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.error_text) and not dialog.busy, timeout=20_000)
    return dialog.error_text


def test_connect_a_new_pc_by_one_time_code_from_the_first_run_chooser(
    qtbot: Any, world: World, empty_db: Database
) -> None:
    first, dialog = chooser(qtbot, world, empty_db)
    assert dialog.windowTitle() == "Connect to the city's server"
    assert "downloaded from its server" in dialog.intro.text()
    assert unnamed_interactive(dialog) == []
    steps: list[SyncProgress] = []
    dialog.relay.advanced.connect(steps.append)
    code = server_admin().enrol_code(world.url, office="CLK", clock=world.clock)
    fill(qtbot, dialog, URL, code)
    with qtbot.waitSignal(first.accepted, timeout=30_000):
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert first.database is empty_db
    assert is_initialized(empty_db)
    assert dialog.result_info is not None and dialog.result_info.office_code == "CLK"
    assert dialog.result_info.first_error is None
    assert {s.phase for s in steps} >= {"hello", "pull"}  # the progress bar followed the first download
    assert world.keyring.secrets  # the credential is in the keyring, nowhere else
    hub = CitydeskApp(empty_db)
    controller = SyncController(hub, http_client=world.injector.client)
    from citydesk.services.setup import actor_for_username

    win = open_main_window(qtbot, hub, actor_for_username(empty_db, "carla"))
    try:
        qtbot.waitUntil(lambda: win.sync_label.text() == "Online · synced just now", timeout=5_000)
        assert win.sync_actions.sync_now.isEnabled() and win.sync_actions.sync_now.isVisible()
        assert not win.sync_actions.connect_file.isVisible()
        assert not win.sync_actions.connect_settings.isEnabled()
    finally:
        controller.stop()
        win.close()
        hub.runner.shutdown(wait=True)


def test_a_wrong_code_says_to_ask_for_a_new_one_and_writes_nothing(
    qtbot: Any, world: World, empty_db: Database
) -> None:
    _first, dialog = chooser(qtbot, world, empty_db)
    fill(qtbot, dialog, URL, "WRONG-CODE-1234")
    message = fails(qtbot, dialog)
    assert "did not accept this code" in message and "new one-time code" in message
    assert dialog.isVisible() and dialog.code.hasFocus()
    assert not is_initialized(empty_db)
    assert not world.keyring.secrets


def test_no_connection_says_what_to_check(qtbot: Any, world: World, empty_db: Database) -> None:
    _first, dialog = chooser(qtbot, world, empty_db)
    code = server_admin().enrol_code(world.url, office="CLK", clock=world.clock)
    world.injector.plan(Fault.DROP_REQUEST, "enrol")
    fill(qtbot, dialog, URL, code)
    message = fails(qtbot, dialog)
    assert f"could not reach the server at {URL}" in message and "network" in message
    assert not is_initialized(empty_db)


def test_no_keyring_explains_how_to_set_one_up_before_the_code_is_spent(
    qtbot: Any, world: World, empty_db: Database
) -> None:
    _first, dialog = chooser(qtbot, world, empty_db)
    code = server_admin().enrol_code(world.url, office="CLK", clock=world.clock)
    fill(qtbot, dialog, URL, code)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        message = fails(qtbot, dialog)
    finally:
        keyring.set_keyring(previous)
    assert "no safe place to keep its server password" in message
    assert "Secret Service" in message  # how to set one up
    assert not any(request.url.path.endswith("enrol") for request in world.injector.requests)
    assert not is_initialized(empty_db)


def test_form_checks_address_code_and_certificate_file(qtbot: Any, world: World, empty_db: Database) -> None:
    _first, dialog = chooser(qtbot, world, empty_db)
    fill(qtbot, dialog, "sync.city.gov", "ABC")
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert "starting with https://" in dialog.form.error_for("url")
    fill(qtbot, dialog, URL, "")
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert "one-time code" in dialog.form.error_for("code")
    fill(qtbot, dialog, URL, "ABC")
    qtbot.keyClicks(dialog.ca_bundle, str(world.tmp / "missing.pem"))
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert "There is no file at" in dialog.form.error_for("ca_bundle")
    assert world.injector.requests == []  # nothing was sent


def test_settings_offers_connect_to_a_standalone_office_admin_only(
    qtbot: Any, hub: CitydeskApp, office: Office
) -> None:
    win = open_main_window(qtbot, hub, office.clerk)
    try:
        qtbot.waitUntil(lambda: hub.sync_state.mode == "standalone", timeout=5_000)
        actions = win.sync_actions
        assert not actions.sync_now.isVisible()  # a standalone database shows Connect to server… instead
        assert actions.connect_file.isVisible() and not actions.connect_file.isEnabled()
        assert win.sync_label.text() == "Not connected to the city's server"
        from helpers_detail import sign_in

        sign_in(hub, office.admin)
        assert actions.connect_file.isEnabled() and actions.connect_settings.isEnabled()
        dialog = actions.open_connect()
        assert isinstance(dialog, ConnectDialog) and dialog.adopt
        assert "keep their numbers" in dialog.intro.text()
        dialog.reject()
    finally:
        win.close()


def test_the_demo_never_syncs(qtbot: Any, demo_hub: CitydeskApp) -> None:
    from citydesk.domain.roles import Actor, Role
    from citydesk.services.setup import actor_for_username

    actor: Actor = actor_for_username(demo_hub.db, "helen.park")
    assert actor.role is Role.SUPERVISOR
    win = open_main_window(qtbot, demo_hub, actor)
    try:
        qtbot.waitUntil(lambda: demo_hub.sync_state.mode == "demo", timeout=5_000)
        assert win.sync_actions.sync_now.isVisible() and win.sync_actions.sync_now.isEnabled()
        assert win.sync_label.text() == "Demo data: never syncs"
        qtbot.keyClick(win, Qt.Key.Key_F9)  # says why nothing happens
        assert not win.sync_bar.controller.running
        qtbot.waitUntil(lambda: "The demo database never syncs" in win.message.text())
    finally:
        win.close()


def test_adopt_a_standalone_office_through_the_dialog(qtbot: Any, world: World, tmp_path: Path) -> None:
    """A standalone office's administrator connects it from Settings; its tickets keep their numbers."""
    from citydesk.services.setup import actor_for_username
    from standalone_kit import make_standalone

    numbers = make_standalone(tmp_path / "east.sqlite", colliding=False)
    db = open_database(tmp_path / "east.sqlite", clock=world.clock)
    hub = CitydeskApp(db)
    SyncController(hub, http_client=world.injector.client)
    win = open_main_window(qtbot, hub, actor_for_username(db, "erin"))
    try:
        qtbot.waitUntil(lambda: hub.sync_state.mode == "standalone", timeout=5_000)
        dialog = win.sync_actions.open_connect()
        assert "keep" in dialog_text(dialog).lower()  # what happens to its tickets, said plainly
        code = server_admin().adoption_code(world.url, by="root", clock=world.clock)
        fill(qtbot, dialog, URL, code)
        with qtbot.waitSignal(dialog.accepted, timeout=60_000):
            qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: hub.sync_state.mode == "connected", timeout=10_000)
        other = world.enrol("annex", office="PD")
        assert set(numbers) <= set(other.tickets())  # adopted under the numbers printed on receipts
    finally:
        win.close()
        hub.runner.shutdown(wait=True)
        db.close()


def dialog_text(dialog: Any) -> str:
    """Every label's text in a dialog."""
    from PySide6.QtWidgets import QLabel

    return " ".join(label.text() for label in dialog.findChildren(QLabel))


def test_the_dialog_by_keyboard(qtbot: Any, world: World, empty_db: Database) -> None:
    _first, dialog = chooser(qtbot, world, empty_db)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.url.hasFocus()
    order = [dialog.url, dialog.code, dialog.ca_bundle, dialog.browse, dialog.device_name]
    for here, there in itertools.pairwise(order):
        assert here.hasFocus()
        qtbot.keyClick(here, Qt.Key.Key_Tab)
        assert there.hasFocus(), there.accessibleName()
    for widget in order:
        assert widget.accessibleName()
    assert dialog.code.accessibleName().startswith("One-time code")
    assert dialog.connect_button.text() == "&Connect"
    qtbot.keyClick(dialog.device_name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter
    assert "starting with https://" in dialog.form.error_for("url")
