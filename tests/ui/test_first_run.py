"""The first start on an empty database: set up an office by keyboard, inline errors, the demo city."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers_detail import unnamed_interactive
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from citydesk.domain.passwords import verify_password
from citydesk.services.setup import is_demo, is_initialized
from citydesk.store.db import Database, open_database
from citydesk.store.detail import local_identity, sign_in_users
from citydesk.store.settings import load_settings
from citydesk.ui.first_run import CHOICE, DEMO, SETUP, FirstRunDialog

# Offscreen windows cannot raise or resize themselves, and the time-zone completer's popup says so.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def empty_db(tmp_path: Path) -> Iterator[Database]:
    """A migrated, empty database."""
    db = open_database(tmp_path / "citydesk.sqlite")
    yield db
    db.close()


def show(qtbot: Any, dialog: FirstRunDialog) -> FirstRunDialog:
    """Show and activate the dialog."""
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def focused() -> QWidget:
    """The widget with keyboard focus."""
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def fill(qtbot: Any, *values: str) -> None:
    """Type each value into the focused field (replacing what is there), Tab between them."""
    for number, value in enumerate(values):
        field = focused()
        assert isinstance(field, QLineEdit)
        field.selectAll()
        qtbot.keyClicks(field, value)
        if field.completer() is not None:
            if field.completer().popup().isVisible():
                qtbot.keyClick(field.completer().popup(), Qt.Key.Key_Escape)
            # The offscreen platform leaves the closed popup as the active window; a real one does not.
            field.window().activateWindow()
            qtbot.waitUntil(field.window().isActiveWindow)
        if number < len(values) - 1:
            qtbot.keyClick(field, Qt.Key.Key_Tab)


def test_set_up_this_office_by_keyboard(qtbot: Any, empty_db: Database) -> None:
    dialog = show(qtbot, FirstRunDialog(empty_db))
    assert focused() is dialog.demo_button
    assert dialog.server_button.isEnabled()  # Connect to the city's server (tests/ui/test_sync_connect.py)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.setup_button
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert dialog.pages.currentIndex() == SETUP
    assert focused() is dialog.city
    fill(
        qtbot,
        "City of Testville",
        "America/Denver",
        "(555) 010-4000",
        "pw",
        "Public Works Yard",
        "Admin",
        "Ada Admin",
        "long enough",
        "long enough",
    )
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert dialog.database is empty_db
    assert is_initialized(empty_db) and not is_demo(empty_db)
    with empty_db.read() as session:
        identity = local_identity(session)
        users = sign_in_users(session)
        settings = load_settings(session)
    assert identity is not None
    assert (identity.office_code, identity.office_name) == ("PW", "Public Works Yard")
    assert settings["city_name"] == "City of Testville" and settings["time_zone"] == "America/Denver"
    assert settings["city_phone"] == "(555) 010-4000"  # the number every receipt tells citizens to call
    admin = next(u for u in users if u.username == "admin")
    assert admin.role == "admin" and admin.display_name == "Ada Admin"
    assert verify_password("long enough", admin.password_hash)


def test_setup_errors_show_next_to_their_fields_and_write_nothing(qtbot: Any, empty_db: Database) -> None:
    dialog = show(qtbot, FirstRunDialog(empty_db))
    dialog.show_setup()
    fill(
        qtbot, "Testville", "Mars/Olympus_Mons", "", "C1", "City Hall", "admin", "Ada", "long enough",
        "different",
    )
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert dialog.form.error_for("confirm") == "The two passwords are not the same."
    assert focused() is dialog.confirm

    dialog.confirm.selectAll()
    qtbot.keyClicks(dialog.confirm, "long enough")
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
    assert "give the city's phone" in dialog.form.error_for("city_phone")  # asked for, not optional
    assert focused() is dialog.phone
    qtbot.keyClicks(dialog.phone, "12")
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.form.error_for("city_phone") != "" and "12" in dialog.form.error_for(
        "city_phone"), timeout=5000)  # fmt: skip
    assert "does not look like a phone number" in dialog.form.error_for("city_phone")
    dialog.phone.setText("555-010-4000")
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.form.error_for("time_zone") != "", timeout=5000)
    assert "Unknown time zone 'Mars/Olympus_Mons'" in dialog.form.error_for("time_zone")
    assert dialog.form.rows["time_zone"].error.isVisible()
    assert focused() is dialog.time_zone

    dialog.time_zone.setText("America/Chicago")
    qtbot.keyClick(dialog.time_zone, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.form.error_for("office_code") != "", timeout=5000)
    assert dialog.form.error_for("office_code") == "Office code must be 2 to 5 letters, like CLK."
    assert dialog.form.error_for("time_zone") == ""
    assert dialog.office_name.text() == "City Hall" and dialog.city.text() == "Testville"

    dialog.password.setText("short")
    dialog.confirm.setText("short")
    dialog.office_code.setText("CLK")
    qtbot.keyClick(dialog.office_code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.form.error_for("password") != "", timeout=5000)
    assert dialog.form.error_for("password") == "The password needs at least 8 characters."
    assert dialog.isVisible() and dialog.database is None
    assert not is_initialized(empty_db)


def test_demo_choice_creates_and_then_reopens_the_demo_database(
    qtbot: Any, empty_db: Database, tmp_path: Path
) -> None:
    demo_path = tmp_path / "demo" / "demo.sqlite"
    dialog = show(qtbot, FirstRunDialog(empty_db, demo_path=demo_path, demo_tickets=40))
    with qtbot.waitSignal(dialog.accepted, timeout=60_000):
        qtbot.keyClick(dialog.demo_button, Qt.Key.Key_Space)
        assert dialog.pages.currentIndex() == DEMO
    demo = dialog.database
    assert demo is not None and demo is not empty_db
    try:
        assert Path(demo.path) == demo_path
        assert is_demo(demo)
        assert dialog.progress.maximum() == 40 and dialog.progress.value() == 40
        assert not is_initialized(empty_db)  # the real database waits for a real set-up
    finally:
        demo.close()

    again = show(qtbot, FirstRunDialog(empty_db, demo_path=demo_path, demo_tickets=40))
    with qtbot.waitSignal(again.accepted, timeout=10_000):
        again.demo_button.click()
    assert again.database is not None and is_demo(again.database)
    again.database.close()


def test_first_run_pages_name_their_controls(qtbot: Any, empty_db: Database) -> None:
    dialog = show(qtbot, FirstRunDialog(empty_db))
    for page in (CHOICE, SETUP, DEMO):
        dialog.pages.setCurrentIndex(page)
        assert unnamed_interactive(dialog) == [], page
    dialog.pages.setCurrentIndex(CHOICE)
    dialog.reject()
