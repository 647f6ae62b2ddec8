"""New request at the counter, driven by the keyboard as a clerk would (real widgets, real SQLite)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpers_detail import CTRL, sign_in, unnamed_interactive
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import func, select

from citydesk.services import tickets
from citydesk.store.detail import ticket_detail
from citydesk.store.intake import complete_addresses
from citydesk.store.models import Address, Requester, Ticket
from citydesk.ui.app import CitydeskApp
from citydesk.ui.counter.address_import import import_address_file
from citydesk.ui.counter.intake import NewRequestDialog
from citydesk.ui.detail.view import reporters_count_text
from citydesk.ui.shell import MainWindow
from factories import Office

ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier


class Clerk:
    """Types and presses keys on whatever has focus, counting the keys beyond the typed text."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot
        self.keys = 0

    def focused(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None
        return widget

    def press(self, key: Qt.Key, modifiers: Any = NONE) -> None:
        self.keys += 1
        self.qtbot.keyClick(self.focused(), key, modifiers)

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.focused(), text)


def open_form(qtbot: Any, clerk: Clerk, win: MainWindow) -> NewRequestDialog:
    """Ctrl+N in the main window; returns the form once it is loaded and active."""
    clerk.press(Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: getattr(win, "intake_dialog", None) is not None)
    dialog: NewRequestDialog = win.intake_dialog
    qtbot.waitUntil(lambda: dialog.context is not None and dialog.isActiveWindow(), timeout=5000)
    return dialog


def wait_suggestions(qtbot: Any, field: Any) -> None:
    qtbot.waitUntil(lambda: field.list.isVisible() and field.list.count() > 0, timeout=5000)


def count(office: Office, model: type) -> int:
    with office.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_walk_in_for_a_new_citizen_in_few_keystrokes(
    qtbot: Any, intake_window: MainWindow, office: Office
) -> None:
    clerk = Clerk(qtbot)
    dialog = open_form(qtbot, clerk, intake_window)
    assert dialog.channel.currentData() == "phone"  # remembered from the last request on this PC
    assert clerk.focused() is dialog.channel
    clerk.type("w")  # Walk-in
    clerk.keys += 1  # a selection, not text: count it
    clerk.press(Qt.Key.Key_Tab)
    assert clerk.focused() is dialog.requester.edit
    clerk.press(Qt.Key.Key_W, ALT)  # new requester
    assert clerk.focused() is dialog.person.name
    clerk.type("Ann Lee")
    clerk.press(Qt.Key.Key_Tab)
    clerk.type("555-010-4444")
    clerk.press(Qt.Key.Key_L, ALT)
    clerk.type("120 main")
    wait_suggestions(qtbot, dialog.location)
    clerk.press(Qt.Key.Key_Return)
    assert "Ward 1" in dialog.location_info.text()
    assert clerk.focused() is dialog.category.edit
    clerk.type("lamp")
    wait_suggestions(qtbot, dialog.category)
    assert "Streetlight out" in dialog.category.list.item(0).text()
    clerk.press(Qt.Key.Key_Return)
    assert dialog.title.text() == "Streetlight out at 120 N Main St"
    assert "Public Works" in dialog.category_info.text()
    clerk.press(Qt.Key.Key_I, ALT)
    clerk.type("Dark since Monday.")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        clerk.press(Qt.Key.Key_Return, CTRL)
    print(f"\nwalk-in for a new citizen: {clerk.keys} keystrokes beyond the typed text")
    assert clerk.keys <= 25
    ticket_id = saved.args[0]
    with office.db.read() as s:
        t = s.scalar(select(Ticket).where(Ticket.id == ticket_id))
        assert t is not None
        detail = ticket_detail(s, ticket_id)
        assert detail is not None
        requester = s.get(Requester, detail.reporters[0].requester_id)
    assert (t.channel, t.category_id, t.department_id) == ("walk_in", office.streetlight, office.public_works)
    assert (t.location_text, t.ward, t.address_id is not None) == ("120 N Main St", "Ward 1", True)
    assert requester is not None and (requester.name, requester.phone) == ("Ann Lee", "555-010-4444")
    assert t.number in dialog.result.text() and "Expected by" in dialog.result.text()
    assert t.number in intake_window.message.text()  # announced
    assert dialog.receipt_button.isEnabled()
    with qtbot.waitSignal(dialog.receipt_requested, timeout=2000) as asked:
        clerk.press(Qt.Key.Key_P, CTRL)
    assert asked.args == [ticket_id]
    # The receipt dialog opens over the form (printing it: tests/ui/test_receipt_intake.py); Esc closes it.
    qtbot.waitUntil(lambda: dialog.receipt_dialog is not None and dialog.receipt_dialog.isActiveWindow())
    clerk.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(dialog.isActiveWindow)
    clerk.press(Qt.Key.Key_N, ALT)  # the next request
    assert (
        dialog.saved_ticket_id is None
        and dialog.person.name.text() == ""
        and not dialog.receipt_button.isEnabled()
    )
    assert dialog.channel.currentData() == "walk_in"


def test_phone_caller_added_as_second_reporter_of_a_duplicate(
    qtbot: Any, intake_window: MainWindow, office: Office
) -> None:
    with office.db.read() as s:
        main = complete_addresses(s, "120 main")[0]
    first = tickets.create_ticket(
        office.db, actor=office.clerk, title="Streetlight out at the bank", channel="web",
        category_id=office.streetlight, location=main.location(), requester_id=office.spanish_citizen,
    )  # fmt: skip
    before = count(office, Ticket)
    clerk = Clerk(qtbot)
    dialog = open_form(qtbot, clerk, intake_window)
    clerk.press(Qt.Key.Key_Tab)
    clerk.type("555 010 2")  # Jane Roe's phone
    wait_suggestions(qtbot, dialog.requester)
    assert "Jane Roe" in dialog.requester.list.item(0).text()
    clerk.press(Qt.Key.Key_Return)
    assert "Jane Roe" in dialog.requester_info.text()
    clerk.press(Qt.Key.Key_L, ALT)
    clerk.type("120 main")
    wait_suggestions(qtbot, dialog.location)
    clerk.press(Qt.Key.Key_Return)
    clerk.type("light")
    wait_suggestions(qtbot, dialog.category)
    with qtbot.waitSignal(dialog.duplicates_shown, timeout=5000, check_params_cb=lambda n: n > 0):
        clerk.press(Qt.Key.Key_Return)
    candidate = dialog.duplicates.candidates()[0]
    assert (candidate.ticket_id, candidate.reason) == (first.ticket_id, "same address")
    assert first.number in dialog.duplicates.list.item(0).text()
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        clerk.press(Qt.Key.Key_D, CTRL)
    assert saved.args == [first.ticket_id]
    assert count(office, Ticket) == before  # no second ticket
    with office.db.read() as s:
        detail = ticket_detail(s, first.ticket_id)
    assert detail is not None
    assert [r.name for r in detail.reporters] == ["José Núñez", "Jane Roe"]
    assert detail.reporters[1].channel == "phone" and detail.reporters[1].reply_method == "phone"
    assert any(item.kind == "reporter_added" for item in detail.timeline)
    assert reporters_count_text(len(detail.reporters)) == "Reported by 2 people"
    assert "reported by 2 people" in dialog.result.text() and first.number in dialog.result.text()


def shown_error(dialog: NewRequestDialog, field: str) -> str:
    return dialog.form.error_for(field) or dialog.person.form.error_for(field)


def test_bad_input_is_shown_next_to_the_field_and_nothing_is_saved(
    qtbot: Any, intake_window: MainWindow, office: Office
) -> None:
    tickets_before, requesters_before = count(office, Ticket), count(office, Requester)
    clerk = Clerk(qtbot)
    dialog = open_form(qtbot, clerk, intake_window)
    clerk.press(Qt.Key.Key_Return, CTRL)
    assert "Find the requester" in shown_error(dialog, "requester")
    assert clerk.focused() is dialog.requester.edit
    clerk.press(Qt.Key.Key_W, ALT)
    clerk.type("Ann Lee")
    clerk.press(Qt.Key.Key_Tab)
    clerk.type("12")
    clerk.press(Qt.Key.Key_Return, CTRL)
    assert "does not look like a phone number" in shown_error(dialog, "phone")
    assert clerk.focused() is dialog.person.phone
    dialog.person.phone.clear()
    dialog.person.email.setText("ann@")
    clerk.press(Qt.Key.Key_Return, CTRL)
    assert "not a valid e-mail address" in shown_error(dialog, "email")
    dialog.person.email.clear()
    dialog.person.anonymous.setChecked(True)
    clerk.press(Qt.Key.Key_Return, CTRL)
    assert "anonymous requester cannot have a name" in shown_error(dialog, "name")
    dialog.person.name.clear()
    clerk.press(Qt.Key.Key_Return, CTRL)
    assert "Choose a category" in shown_error(dialog, "category")
    dialog.category.edit.setFocus()
    clerk.type("pothole")
    wait_suggestions(qtbot, dialog.category)
    clerk.press(Qt.Key.Key_Return)
    assert [q for q, _e in dialog.answers] == ["How big is it?"]
    dialog.title.clear()
    clerk.press(Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: "Title is required" in shown_error(dialog, "title"), timeout=5000)
    assert (count(office, Ticket), count(office, Requester)) == (tickets_before, requesters_before)
    assert dialog.saved_ticket_id is None and not dialog.receipt_button.isEnabled()
    # Fixed: an anonymous caller is saved, with the answer to the category's question.
    dialog.title.setText("Pothole on Elm")
    dialog.answers[0][1].setText("A metre wide")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        clerk.press(Qt.Key.Key_Return, CTRL)
    with office.db.read() as s:
        detail = ticket_detail(s, saved.args[0])
    assert detail is not None and detail.reporters[0].name == "Anonymous"
    created = next(item for item in detail.timeline if item.kind == "created")
    assert created.detail["intake_answers"] == {"How big is it?": "A metre wide"}


def test_admin_imports_an_address_list_and_completion_finds_an_alias(
    qtbot: Any, intake_window: MainWindow, hub: CitydeskApp, office: Office, tmp_path: Path
) -> None:
    sign_in(hub, office.admin)
    assert intake_window.import_addresses_action.isVisible()
    bad = tmp_path / "bad.csv"
    bad.write_text("address,lat,lon\nSpruce Park,41.5,\n", encoding="utf-8")
    before = count(office, Address)
    import_address_file(hub, intake_window, bad)

    def message_box() -> QMessageBox | None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        return shown[0] if shown else None

    qtbot.waitUntil(lambda: message_box() is not None, timeout=5000)
    box = message_box()
    assert box is not None
    assert "Row 2, latitude: give both latitude and longitude" in box.text()
    box.close()
    assert count(office, Address) == before
    good = tmp_path / "parks.csv"
    good.write_text("Address;Ward;Aliases\nSpruce Park;Ward 5;Dog park|the old quarry\n", encoding="utf-8")
    import_address_file(hub, intake_window, good)
    qtbot.waitUntil(lambda: "added 1" in intake_window.message.text(), timeout=5000)
    excel = tmp_path / "excel.csv"  # Windows-1252, as an older Excel saves "CSV": read right, with a notice
    excel.write_bytes("Address;Ward\nPlaza Núñez;Ward 5\n".encode("cp1252"))
    import_address_file(hub, intake_window, excel)
    qtbot.waitUntil(lambda: message_box() is not None, timeout=5000)
    notice = message_box()
    assert notice is not None and "excel.csv is not UTF-8; it was read as Windows-1252" in notice.text()
    notice.close()
    with office.db.read() as s:
        assert s.scalar(select(Address.text).where(Address.text.like("Plaza%"))) == "Plaza Núñez"
    intake_window.activateWindow()  # back from the message box
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    clerk = Clerk(qtbot)
    dialog = open_form(qtbot, clerk, intake_window)
    clerk.press(Qt.Key.Key_L, ALT)
    clerk.type("old quarry")
    wait_suggestions(qtbot, dialog.location)
    assert dialog.location.list.item(0).text() == "Spruce Park (“the old quarry”) — Ward 5"
    clerk.press(Qt.Key.Key_Return)
    assert dialog.location.text() == "Spruce Park" and "Ward 5" in dialog.location_info.text()
    dialog.location.edit.setFocus()
    clerk.type(" north gate")
    assert "unverified" in dialog.location_info.text()


def test_clerks_and_supervisors_see_the_overrides_they_may_use(
    qtbot: Any, intake_window: MainWindow, hub: CitydeskApp, office: Office
) -> None:
    clerk = Clerk(qtbot)
    dialog = open_form(qtbot, clerk, intake_window)
    assert not dialog.due.isEnabled() and not dialog.department.isEnabled()
    sign_in(hub, office.supervisor)
    assert dialog.due.isEnabled() and dialog.department.isEnabled()


def test_every_interactive_widget_of_the_form_has_an_accessible_name(
    qtbot: Any, intake_window: MainWindow, office: Office
) -> None:
    clerk = Clerk(qtbot)
    dialog = open_form(qtbot, clerk, intake_window)
    clerk.press(Qt.Key.Key_W, ALT)
    dialog.person.kind.setCurrentIndex(1)  # staff: the department row shows
    dialog.category.edit.setFocus()
    clerk.type("pot")
    wait_suggestions(qtbot, dialog.category)
    missing = unnamed_interactive(dialog)
    clerk.press(Qt.Key.Key_Return)
    missing += unnamed_interactive(dialog)
    assert not missing, "interactive widgets without an accessible name: " + ", ".join(missing)
