"""Take it (Ctrl+T) asks first when someone else has the ticket, names them, and one key confirms."""

from __future__ import annotations

from typing import Any

import pytest
from helpers_detail import focused, new_ticket, press, shortcut, show, sign_in, stored, timeline_has
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from citydesk.services import tickets
from citydesk.ui.app import CitydeskApp
from citydesk.ui.detail import TicketDetailPane
from factories import Office

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def question(qtbot: Any, pane: TicketDetailPane) -> QMessageBox:
    qtbot.waitUntil(lambda: isinstance(pane.active_dialog, QMessageBox) and pane.active_dialog.isVisible())
    box = pane.active_dialog
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isActiveWindow)
    return box


def test_taking_from_a_colleague_asks_first(
    qtbot: Any, office: Office, hub: CitydeskApp, pane: TicketDetailPane
) -> None:
    ticket = new_ticket(office, "Streetlight out on Oak Avenue", category_id=office.streetlight)
    tickets.assign(office.db, actor=office.supervisor, ticket_id=ticket.ticket_id,
                   assignee_id=office.tech.user_id)  # fmt: skip
    announced: list[str] = []
    hub.announce.connect(announced.append)
    sign_in(hub, office.supervisor)
    show(qtbot, pane, ticket.ticket_id)

    shortcut(qtbot, pane, Qt.Key.Key_T)
    box = question(qtbot, pane)
    assert f"{ticket.number} is assigned to Tomás Técnico. Take it from Tomás Técnico?" == box.text()
    press(qtbot, Qt.Key.Key_Escape)  # no: it stays with Tomás
    qtbot.waitUntil(lambda: pane.active_dialog is None)
    assert stored(office, ticket.ticket_id).assignee_id == office.tech.user_id

    shortcut(qtbot, pane, Qt.Key.Key_T)
    box = question(qtbot, pane)
    assert focused() is box.defaultButton() and box.defaultButton().text() == "&Take it"
    press(qtbot, Qt.Key.Key_Return)  # one key confirms
    qtbot.waitUntil(
        lambda: stored(office, ticket.ticket_id).assignee_id == office.supervisor.user_id, timeout=5000
    )
    qtbot.waitUntil(lambda: timeline_has(pane, "Assigned it to Sam Supervisor"), timeout=5000)
    assert f"{ticket.number} taken from Tomás Técnico; it is now assigned to you" in announced


def test_an_unassigned_ticket_is_taken_at_once(
    qtbot: Any, office: Office, hub: CitydeskApp, pane: TicketDetailPane
) -> None:
    ticket = new_ticket(office)
    sign_in(hub, office.tech)
    show(qtbot, pane, ticket.ticket_id)
    shortcut(qtbot, pane, Qt.Key.Key_T)
    qtbot.waitUntil(lambda: stored(office, ticket.ticket_id).assignee_id == office.tech.user_id, timeout=5000)
    assert pane.active_dialog is None
