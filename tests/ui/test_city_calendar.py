"""Settings → City calendar… (administrators): opening hours, holidays and date order saved in one
transaction; a bad value is shown next to its field and nothing is written; a connected PC shows the
server's calendar read-only; nobody else is offered it."""

from __future__ import annotations

from typing import Any

import pytest
from helpers_detail import open_main_window, unnamed_interactive
from PySide6.QtCore import Qt, QTime
from sqlalchemy import func, select, update

from citydesk.store.models import Outbox, SyncState
from citydesk.store.settings import load_settings
from citydesk.ui.app import CitydeskApp
from citydesk.ui.city_calendar import CityCalendarDialog
from factories import Office

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
CTRL = Qt.KeyboardModifier.ControlModifier


def settings(office: Office) -> dict[str, Any]:
    with office.db.read() as session:
        return load_settings(session)


def outbox(office: Office) -> int:
    with office.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(Outbox)) or 0)


def opened(qtbot: Any, hub: CitydeskApp, office: Office) -> CityCalendarDialog:
    win = open_main_window(qtbot, hub, office.admin)
    assert win.city_calendar_action.isVisible()
    dialog = win.open_city_calendar()
    qtbot.waitUntil(lambda: dialog.loaded)
    return dialog


def test_an_admin_moves_the_hours_and_adds_a_holiday(qtbot: Any, hub: CitydeskApp, office: Office) -> None:
    dialog = opened(qtbot, hub, office)
    assert unnamed_interactive(dialog) == []  # every control has an accessible name
    assert dialog.opens.time().toString("HH:mm") == "08:00" and dialog.date_order.currentData() == "MDY"
    announced: list[str] = []
    hub.announce.connect(announced.append)
    dialog.opens.setTime(QTime(18, 0))  # both move past the old closing time together
    dialog.closes.setTime(QTime(20, 30))
    dialog.date_order.setCurrentIndex(dialog.date_order.findData("DMY"))
    dialog.holidays.setPlainText("2026-12-25\n2026-11-26\n")
    with qtbot.waitSignal(dialog.accepted, timeout=5_000):
        qtbot.keyClick(dialog.holidays, Qt.Key.Key_Return, CTRL)
    stored = settings(office)
    assert (stored["opens"], stored["closes"], stored["date_order"]) == ("18:00", "20:30", "DMY")
    assert stored["holidays"] == ["2026-11-26", "2026-12-25"]
    assert any("City calendar saved" in text for text in announced)


def test_a_bad_holiday_is_shown_next_to_its_field_and_nothing_is_written(
    qtbot: Any, hub: CitydeskApp, office: Office
) -> None:
    dialog = opened(qtbot, hub, office)
    before, written = settings(office), outbox(office)
    dialog.closes.setTime(QTime(16, 0))
    dialog.holidays.setPlainText("12/25/2026\n25/12/2026")  # the second: no 25th month
    dialog.submit()
    qtbot.waitUntil(lambda: "25/12/2026 is not a date" in dialog.form.error_for("holidays"), timeout=5_000)
    assert dialog.isVisible() and settings(office) == before and outbox(office) == written
    dialog.opens.setTime(QTime(16, 30))  # after the closing time
    dialog.holidays.setPlainText("")
    dialog.submit()
    qtbot.waitUntil(lambda: "after opening time" in dialog.form.error_for("closes"), timeout=5_000)
    assert settings(office) == before
    dialog.reject()


def test_a_connected_pc_shows_the_servers_calendar_and_a_clerk_is_not_offered_it(
    qtbot: Any, hub: CitydeskApp, office: Office
) -> None:
    from citydesk.ui.events import SyncStatus

    with office.db.write() as session:
        session.execute(update(SyncState).values(server_url="https://citydesk.example.gov"))
    hub.report_sync(SyncStatus(online=True, last_sync=None, pending=0, mode="connected"))
    dialog = opened(qtbot, hub, office)
    assert not dialog.holidays.isEnabled() and not dialog.opens.isEnabled()
    assert "citydesk-server setting set" in dialog.server_note.text() and dialog.server_note.isVisible()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.reject()
    from helpers_detail import sign_in

    sign_in(hub, office.clerk)
    assert not dialog.parent().city_calendar_action.isVisible()
