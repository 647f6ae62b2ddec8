"""Resolving as a duplicate shows what the other ticket is, warns when it differs, follows its duplicate
chain to the open end (offered with one key) and reports a chain that loops — by keyboard, on real widgets."""

from __future__ import annotations

from typing import Any

import pytest
from helpers_detail import CTRL, focused, new_ticket, open_by_key, press, show, sign_in, stored, type_text
from PySide6.QtCore import Qt

from citydesk.services import tickets
from citydesk.ui.app import CitydeskApp
from citydesk.ui.detail import TicketDetailPane
from citydesk.ui.detail.workflow_dialogs import ResolveDialog
from factories import Office

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def close_as_duplicate(office: Office, ticket_id: str, of_number: str) -> None:
    tickets.resolve(office.db, actor=office.supervisor, ticket_id=ticket_id, reason="duplicate",
                    public_note="Reported already.", duplicate_of=of_number)  # fmt: skip


def info_text(dialog: ResolveDialog) -> str:
    return dialog.duplicate_info.text.text() if dialog.duplicate_info.text.isVisible() else ""


def test_the_other_ticket_its_chain_and_a_loop(
    qtbot: Any, office: Office, hub: CitydeskApp, pane: TicketDetailPane
) -> None:
    working = new_ticket(office, "Pothole at Elm and 3rd")
    end = new_ticket(office, "Password locked for payroll", category_id=office.password_reset)
    middle = new_ticket(office, "Payroll login fails", category_id=office.password_reset)
    first = new_ticket(office, "Cannot log in", category_id=office.password_reset)
    close_as_duplicate(office, middle.ticket_id, end.number)
    close_as_duplicate(office, first.ticket_id, middle.number)
    loop_a = new_ticket(office, "Hole on Elm")
    loop_b = new_ticket(office, "Elm Street hole")
    close_as_duplicate(office, loop_a.ticket_id, loop_b.number)
    close_as_duplicate(office, loop_b.ticket_id, loop_a.number)  # two offices, offline, crossed
    sign_in(hub, office.tech)
    show(qtbot, pane, working.ticket_id)

    dialog = open_by_key(qtbot, pane, Qt.Key.Key_R, CTRL, ResolveDialog)
    type_text(qtbot, "Dup")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.duplicate_of
    type_text(qtbot, first.number.lower())
    qtbot.waitUntil(lambda: "End of the chain" in info_text(dialog), timeout=5000)
    text = info_text(dialog)
    assert f"Duplicate of: {first.number} · Cannot log in · Password reset · Resolved · Information" in text
    assert "different category (Password reset, this one: Pothole)" in text
    assert "different department (Information Technology, this one: Public Works)" in text
    assert f"{first.number} → {middle.number} → {end.number}" in text
    assert f"End of the chain: {end.number} · Password locked for payroll" in text
    assert "End of the chain" in dialog.duplicate_of.accessibleDescription()  # read out on the field
    assert dialog.duplicate_info.use_end.isVisible()
    press(qtbot, Qt.Key.Key_Tab)  # to "Use … instead", next in the Tab order while it is shown
    assert focused() is dialog.duplicate_info.use_end
    press(qtbot, Qt.Key.Key_Space)
    assert dialog.duplicate_of.text() == end.number and focused() is dialog.duplicate_of
    qtbot.waitUntil(lambda: info_text(dialog).startswith(f"Duplicate of: {end.number}"), timeout=5000)
    assert "End of the chain" not in info_text(dialog) and not dialog.duplicate_info.use_end.isVisible()

    dialog.duplicate_of.selectAll()
    type_text(qtbot, loop_a.number)
    qtbot.waitUntil(lambda: "loop" in info_text(dialog), timeout=5000)
    assert f"{loop_a.number} → {loop_b.number} → back again" in info_text(dialog)
    assert not dialog.duplicate_info.use_end.isVisible()

    dialog.duplicate_of.selectAll()
    type_text(qtbot, "CLK-TST-999999")
    qtbot.waitUntil(lambda: "No ticket numbered CLK-TST-999999 yet." in info_text(dialog), timeout=5000)

    dialog.duplicate_of.selectAll()
    type_text(qtbot, end.number)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.note
    type_text(qtbot, "Same problem as the payroll lockout.")
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        press(qtbot, Qt.Key.Key_Return, CTRL)
    assert stored(office, working.ticket_id).resolution_ref == end.number
