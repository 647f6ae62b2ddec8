"""Tab visits every field of every ticket dialog in visual order (top to bottom, left to right), then OK
and Cancel, and comes back to the first field."""

from __future__ import annotations

from typing import Any

import pytest
from helpers_a11y import DIALOGS, check_tab_order
from helpers_detail import new_ticket, show, sign_in

from citydesk.services import tickets
from citydesk.ui.detail import TicketDetailPane, workflow_dialogs
from citydesk.ui.detail.timeline import build_rows
from factories import Office


@pytest.mark.parametrize("name", list(DIALOGS))
def test_tab_visits_the_fields_of_each_ticket_dialog_in_visual_order(
    qtbot: Any, pane: TicketDetailPane, hub: Any, office: Office, name: str
) -> None:
    sign_in(hub, office.supervisor)
    created = new_ticket(office)
    if name == "reopen":
        tickets.resolve(office.db, actor=office.supervisor, ticket_id=created.ticket_id, reason="done",
                        public_note="Filled the hole.")  # fmt: skip
    show(qtbot, pane, created.ticket_id)
    dialog = pane.open_dialog(DIALOGS[name])
    assert dialog is not None
    try:
        check_tab_order(qtbot, dialog)
    finally:
        dialog.reject()


def test_tab_order_of_the_redact_dialog(qtbot: Any, pane: TicketDetailPane, hub: Any, office: Office) -> None:
    sign_in(hub, office.supervisor)
    created = new_ticket(office)
    tickets.add_note(
        office.db, actor=office.tech, ticket_id=created.ticket_id, body="Phone 555", public=False
    )
    show(qtbot, pane, created.ticket_id)
    assert pane.view is not None
    entry = next(row for row in build_rows(pane.view) if row.redactable)
    dialog = pane.open_dialog(workflow_dialogs.RedactDialog, entry)
    try:
        check_tab_order(qtbot, dialog)
    finally:
        dialog.reject()


def test_tab_order_of_the_merge_requesters_dialog(qtbot: Any, merge_dialog: Any) -> None:
    check_tab_order(qtbot, merge_dialog)
