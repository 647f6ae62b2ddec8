"""File → Sync by file…: a field office with no connection writes its file, the server's exchange answers,
and the dialog reads the reply — first a full copy, then its own change accepted, then a quiet exchange
that changes nothing — with progress, plain messages, views refreshed per page, and an altered or
already read reply refused. The real server database and app, real SQLite files; only the keyring is in
memory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers_detail import open_main_window
from PySide6.QtCore import Qt

from citydesk.ui.app import CitydeskApp
from citydesk.ui.sync_file.dialog import SyncFileDialog
from file_sync_kit import Field, enrol_field
from sync_world import World, sync_world


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with sync_world(tmp_path) as made:
        yield made


@pytest.fixture
def field(world: World) -> Field:
    hall = world.enrol("hall")
    hall.log("carla", "Pothole on Main")
    hall.sync()
    return enrol_field(world)


@pytest.fixture
def field_hub(qtbot: Any, field: Field) -> Iterator[CitydeskApp]:
    app = CitydeskApp(field.replica.db)
    yield app
    app.runner.shutdown(wait=True)


def make_dialog(qtbot: Any, hub: CitydeskApp) -> SyncFileDialog:
    dialog = SyncFileDialog(hub)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.write_button.isEnabled())
    return dialog


def write(qtbot: Any, dialog: SyncFileDialog, target: Path) -> None:
    dialog.write_to(target)
    qtbot.waitUntil(lambda: "Wrote" in dialog.message.text())
    assert target.exists() and dialog.write_button.isEnabled()


def read(qtbot: Any, dialog: SyncFileDialog, reply: Path, expect: str) -> str:
    dialog.read_from(reply)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    text = dialog.message.text()
    assert expect in text, text
    return text


def test_a_field_office_syncs_by_file_twice_in_the_dialog(
    qtbot: Any, world: World, field: Field, field_hub: CitydeskApp
) -> None:
    dialog = make_dialog(qtbot, field_hub)
    assert "full copy" in dialog.state_label.text()
    usb = world.tmp / "usb"
    usb.mkdir()
    write(qtbot, dialog, usb / "first.sync")
    reply = field.exchange(usb / "first.sync")
    with qtbot.waitSignal(field_hub.tickets_pulled, timeout=20_000) as pulled:
        text = read(qtbot, dialog, reply, "full copy of the city's data")
    assert pulled.args[0].ticket_ids
    assert field.replica.tickets() == {"CLK-1-000001": "Pothole on Main"}
    assert not dialog.progress.isVisible()

    world.clock.advance(minutes=5)
    field.replica.log("pete", "Hydrant leaking")
    dialog.refresh()
    qtbot.waitUntil(lambda: dialog.status is not None and dialog.status.pending > 0)
    assert "wait to be sent" in dialog.state_label.text()
    write(qtbot, dialog, usb / "second.sync")
    reply = field.exchange(usb / "second.sync")
    text = read(qtbot, dialog, reply, "City hall accepted")
    assert "changes from this PC" in text and field.replica.outbox() == 0

    before = field.replica.tickets(), field.replica.entries()
    write(qtbot, dialog, usb / "third.sync")
    quiet = field.exchange(usb / "third.sync")
    text = read(qtbot, dialog, quiet, "This PC had no changes to send.")
    assert "Nothing new from other offices." in text
    assert (field.replica.tickets(), field.replica.entries()) == before

    read(qtbot, dialog, quiet, "already read")
    assert (field.replica.tickets(), field.replica.entries()) == before


def test_an_altered_reply_is_refused_in_words_and_changes_nothing(
    qtbot: Any, world: World, field: Field, field_hub: CitydeskApp
) -> None:
    dialog = make_dialog(qtbot, field_hub)
    reply = field.exchange(field.to_file())
    altered = world.tmp / "altered.reply"
    raw = bytearray(reply.read_bytes())
    middle = raw.index(b'"payload": "') + 40
    raw[middle] = ord("A") if raw[middle] != ord("A") else ord("B")
    altered.write_bytes(bytes(raw))
    read(qtbot, dialog, altered, "Nothing was applied")
    assert field.replica.tickets() == {}
    assert dialog.read_button.isEnabled()


def test_a_connected_pc_sets_itself_up_then_syncs_by_file(qtbot: Any, world: World) -> None:
    hall = world.enrol("hall")
    hub = CitydeskApp(hall.db)
    try:
        dialog = SyncFileDialog(hub)
        dialog.http_client = world.injector.client()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: "not set up for sync by file" in dialog.state_label.text())
        assert not dialog.write_button.isEnabled() and not dialog.read_button.isEnabled()
        assert dialog.enable_button.isVisible() and dialog.enable_button.accessibleName().startswith("Set up")
        qtbot.mouseClick(dialog.enable_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.write_button.isEnabled(), timeout=20_000)
        assert "Testville" in dialog.message.text() and not dialog.enable_button.isVisible()
        hall.log("carla", "Pothole on Elm")
        dialog.refresh()
        qtbot.waitUntil(lambda: dialog.status is not None and dialog.status.pending > 0)
        write(qtbot, dialog, world.tmp / "hall.sync")
        kit = Field(hall, world.tmp, world)
        read(qtbot, dialog, kit.exchange(world.tmp / "hall.sync"), "City hall accepted")
        assert hall.outbox() == 0
    finally:
        hub.runner.shutdown(wait=True)


def test_the_file_menu_opens_it_and_every_control_is_named_and_reachable(
    qtbot: Any, world: World, field: Field, field_hub: CitydeskApp
) -> None:
    field.round_trip()  # users arrive with the first reply
    win = open_main_window(qtbot, field_hub, field.replica.actor("pete"))
    file_menu = win.menuBar().actions()[0].menu()
    entry = next(a for a in file_menu.actions() if a.text().replace("&", "") == "Sync by file…")
    entry.trigger()
    dialog = win.sync_file_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.write_button.isEnabled())
    for button in (dialog.write_button, dialog.read_button):
        label = button.text().replace("&", "").rstrip("…")
        assert button.accessibleName().startswith(label)
    assert dialog.write_button.nextInFocusChain() is dialog.read_button
    entry.trigger()
    assert win.sync_file_dialog is dialog  # one dialog per window
    dialog.reject()
