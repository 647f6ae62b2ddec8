"""The city's report language, chosen by an administrator in the weekly report's settings: saved as the
city setting (the report and the CSV exports follow it); a supervisor sees it but cannot change it."""

from __future__ import annotations

from typing import Any

from helpers_detail import sign_in
from PySide6.QtCore import Qt

from citydesk.reports.working_language import working_language
from citydesk.ui.app import CitydeskApp
from citydesk.ui.reports.schedule_bridge import stop_report_schedule
from citydesk.ui.reports.schedule_dialog import ScheduleDialog
from factories import Office


def open_settings(qtbot: Any, hub: CitydeskApp) -> ScheduleDialog:
    dialog = ScheduleDialog(hub, ())
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.show()
    qtbot.waitUntil(lambda: hub.runner.in_flight == 0)
    return dialog


def language_of(office: Office) -> str:
    with office.db.read() as session:
        return working_language(session)


def test_an_admin_sets_the_city_report_language(qtbot: Any, hub: CitydeskApp, office: Office) -> None:
    sign_in(hub, office.admin)
    dialog = open_settings(qtbot, hub)
    assert dialog.language.isEnabled() and dialog.language.currentData() == "en"
    assert [dialog.language.itemText(i) for i in range(dialog.language.count())] == ["English", "Spanish"]
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert language_of(office) == "es"
    stop_report_schedule(hub)
    again = open_settings(qtbot, hub)
    assert again.language.currentData() == "es"  # read back from the city setting
    again.reject()


def test_a_supervisor_sees_it_but_cannot_change_it(qtbot: Any, hub: CitydeskApp, office: Office) -> None:
    sign_in(hub, office.supervisor)
    dialog = open_settings(qtbot, hub)
    assert not dialog.language.isEnabled()
    assert "Only an administrator" in dialog.language.toolTip()
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stop_report_schedule(hub)
    assert language_of(office) == "en"
