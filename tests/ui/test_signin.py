"""Signing in on a shared office PC, by keyboard: wrong password refused, right one accepted, demo picker."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from helpers_detail import unnamed_interactive
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from citydesk.domain.roles import Role
from citydesk.ui.app import CitydeskApp
from citydesk.ui.signin import SignInDialog, sign_in_flow
from factories import TEST_PASSWORD, Office

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def focused() -> QWidget:
    """The widget with keyboard focus."""
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def open_dialog(qtbot: Any, hub: CitydeskApp, page: int) -> SignInDialog:
    """The sign-in dialog, shown, active and loaded."""
    dialog = SignInDialog(hub)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == page, timeout=5000)
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_wrong_password_is_refused_and_the_right_one_signs_in(
    qtbot: Any,
    office: Office,
    hub: CitydeskApp,
    tmp_path: Path,
) -> None:
    dialog = open_dialog(qtbot, hub, page=1)
    names = [dialog.people.item(i).text() for i in range(dialog.people.count())]
    assert "Tomás Técnico — Technician" in names and "Carla Clerk — Clerk" in names
    assert focused() is dialog.people
    qtbot.keyClicks(dialog.people, "Tom")  # type to select
    assert dialog.people.currentItem().text() == "Tomás Técnico — Technician"
    qtbot.keyClick(dialog.people, Qt.Key.Key_Return)  # on to the password
    assert focused() is dialog.password

    qtbot.keyClicks(dialog.password, "not my password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.form.error_for("password") != "", timeout=5000)
    assert dialog.form.error_for("password") == (
        "That password is not right for Tomás Técnico. Check Caps Lock and try again."
    )
    assert dialog.form.rows["password"].error.isVisible()
    assert dialog.isVisible() and dialog.signed_in is None and hub.user is None
    assert dialog.password.selectedText() == "not my password"  # typing replaces it

    qtbot.keyClicks(dialog.password, TEST_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.signed_in is not None
    assert dialog.signed_in.actor.user_id == office.tech.user_id
    assert dialog.signed_in.actor.role is Role.TECHNICIAN
    assert dialog.signed_in.office_code == "CLK" and not dialog.signed_in.is_demo


def test_an_empty_password_is_asked_for(qtbot: Any, hub: CitydeskApp) -> None:
    dialog = open_dialog(qtbot, hub, page=1)
    qtbot.keyClick(dialog.people, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.form.error_for("password") == "Type your password."
    assert dialog.isVisible()


def test_sign_in_flow_signs_the_person_in_on_the_hub(
    qtbot: Any,
    office: Office,
    hub: CitydeskApp,
) -> None:
    signed: list[Any] = []
    hub.signed_in.connect(signed.append)

    def drive() -> None:
        dialog = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, SignInDialog) and w.isVisible()
        )
        qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=5000)
        qtbot.keyClicks(dialog.people, "Sam")
        qtbot.keyClick(dialog.people, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.password, TEST_PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    QTimer.singleShot(0, drive)
    assert sign_in_flow(hub, None) is True
    assert hub.user is not None and hub.user.actor.user_id == office.supervisor.user_id
    assert signed and signed[-1].actor.role is Role.SUPERVISOR


def test_quitting_signs_nobody_in(qtbot: Any, hub: CitydeskApp) -> None:
    def drive() -> None:
        dialog = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, SignInDialog) and w.isVisible()
        )
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, drive)
    assert sign_in_flow(hub, None) is False
    assert hub.user is None


def test_demo_database_shows_a_picker_without_password(qtbot: Any, demo_hub: CitydeskApp) -> None:
    dialog = open_dialog(qtbot, demo_hub, page=2)
    assert not dialog.password.isVisible()
    tree = dialog.personas
    groups = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert [g.split(" — ")[0] for g in groups] == ["Clerks", "Technicians", "Supervisors", "Administrators"]
    assert tree.topLevelItem(0).childCount() == 2
    assert focused() is tree
    assert dialog.sign_in_button.text() == "Sign in as Kevin O'Neill"  # the first person, by name
    qtbot.keyClicks(tree, "Helen")
    assert dialog.sign_in_button.text() == "Sign in as Helen Park"
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert dialog.signed_in is not None
    assert dialog.signed_in.actor.display_name == "Helen Park"
    assert dialog.signed_in.actor.role is Role.SUPERVISOR
    assert dialog.signed_in.is_demo


def test_sign_in_dialogs_name_their_controls_and_screenshot(
    qtbot: Any,
    hub: CitydeskApp,
    demo_hub: CitydeskApp,
    tmp_path: Path,
) -> None:
    dialog = open_dialog(qtbot, hub, page=1)
    assert unnamed_interactive(dialog) == []
    qtbot.keyClicks(dialog.people, "Tom")
    qtbot.keyClick(dialog.people, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.password, "secret")
    folder = SCREENSHOTS if os.environ.get("CITYDESK_SCREENSHOTS") else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(folder / "signin.png"))
    demo = open_dialog(qtbot, demo_hub, page=2)
    assert unnamed_interactive(demo) == []
