"""Scheduling a visit by keyboard: the date as the city writes it, then the time; the default is the next
business day at 09:00 city time."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from helpers_detail import (
    CTRL_SHIFT,
    focused,
    new_ticket,
    open_by_key,
    press,
    show,
    sign_in,
    stored,
    type_text,
)
from PySide6.QtCore import Qt

from citydesk.services import setup
from citydesk.ui.app import CitydeskApp
from citydesk.ui.detail import TicketDetailPane
from citydesk.ui.detail.workflow_dialogs import ScheduleVisitDialog
from factories import Office

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_a_day_month_year_city_on_a_friday(
    qtbot: Any, office: Office, hub: CitydeskApp, pane: TicketDetailPane
) -> None:
    setup.set_setting(office.db, actor=office.admin, key="date_order", value="DMY")
    ticket = new_ticket(office, "Bench broken in the park")
    office.clock.advance(days=4)  # Friday 20 Nov 2026, 09:00 in Chicago
    sign_in(hub, office.tech)
    show(qtbot, pane, ticket.ticket_id)
    dialog = open_by_key(qtbot, pane, Qt.Key.Key_V, CTRL_SHIFT, ScheduleVisitDialog)
    assert focused() is dialog.date and dialog.date.displayFormat() == "dd/MM/yyyy"
    assert dialog.date.accessibleName().startswith("Date (DD/MM/YYYY)")
    assert dialog.date.date().toString("yyyy-MM-dd") == "2026-11-23"  # Monday: the weekend is skipped
    assert dialog.time.time().toString("HH:mm") == "09:00"
    type_text(qtbot, "24112026")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.time
    type_text(qtbot, "1415")
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(office, ticket.ticket_id).visit_at is not None, timeout=5000)
    # 14:15 CST
    assert stored(office, ticket.ticket_id).visit_at == datetime(2026, 11, 24, 20, 15, tzinfo=UTC)


def test_a_year_typed_wrong_cannot_go_in(
    qtbot: Any, office: Office, hub: CitydeskApp, pane: TicketDetailPane
) -> None:
    ticket = new_ticket(office, "Bench broken in the park")
    sign_in(hub, office.tech)
    show(qtbot, pane, ticket.ticket_id)
    dialog = open_by_key(qtbot, pane, Qt.Key.Key_V, CTRL_SHIFT, ScheduleVisitDialog)
    today = office.clock.now().date()
    first, last = dialog.date.minimumDate().toPython(), dialog.date.maximumDate().toPython()
    assert (today - first).days == 7 and (last - today).days == 365  # a week back, a year ahead
    type_text(qtbot, "11/24/5202")  # the year's digits swapped
    assert dialog.date.date().year() == 2026
    dialog.reject()
