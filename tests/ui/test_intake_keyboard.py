"""The New request form by keyboard (issue 10): a channel's letter always means that channel, a
half-filled request is never emptied without asking, and a requester on file sends the clerk on
to Location. Real widgets on a real SQLite file."""

from __future__ import annotations

from typing import Any

from helpers_detail import CTRL
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from test_counter_intake import ALT, NONE, Clerk, open_form, wait_suggestions

from citydesk.domain.channels import Channel
from citydesk.services.intake import remember_channel
from citydesk.ui.counter.channel_field import CHANNEL_KEYS
from citydesk.ui.counter.intake import NewRequestDialog
from citydesk.ui.shell import MainWindow
from factories import Office


def test_a_channel_letter_selects_its_channel_whatever_the_current_one(
    qtbot: Any, intake_window: MainWindow, office: Office
) -> None:
    remember_channel(office.db, actor=office.clerk, channel="walk_in")  # the last request here
    clerk = Clerk(qtbot)
    dialog = open_form(qtbot, clerk, intake_window)
    assert dialog.channel.currentData() == "walk_in" and clerk.focused() is dialog.channel
    assert [dialog.channel.itemText(i) for i in range(dialog.channel.count())] == [
        "Phone (P)", "Walk-in (W)", "E-mail (E)", "Web (B)", "Intranet (T)", "Internal (I)",
        "After-hours dispatch (A)",
    ]  # fmt: skip
    assert len(set(CHANNEL_KEYS.values())) == len(Channel) == len(CHANNEL_KEYS)
    clerk.type("w")  # on Walk-in already: it stays Walk-in (a plain combo box moved on to Web)
    assert dialog.channel.currentData() == "walk_in"
    clerk.type("w")
    assert dialog.channel.currentData() == "walk_in"
    for channel, letter in CHANNEL_KEYS.items():
        for typed in (letter.lower(), letter.lower(), letter):  # twice, and as a capital
            clerk.type(typed)
            assert dialog.channel.currentData() == channel.value, (typed, dialog.channel.currentText())
    clerk.type("x")  # no channel's letter: nothing moves
    assert dialog.channel.currentData() == Channel.AFTER_HOURS.value
    # In the open list too: the letter picks its channel and closes the list.
    clerk.press(Qt.Key.Key_Down, ALT)
    view = dialog.channel.view()
    qtbot.waitUntil(view.isVisible)
    qtbot.keyClick(view, Qt.Key.Key_I)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert dialog.channel.currentData() == "internal"
    qtbot.waitUntil(lambda: clerk.focused() is dialog.channel)
    clerk.type("p")
    assert dialog.channel.currentData() == "phone"


def discard_box(qtbot: Any, dialog: NewRequestDialog) -> QMessageBox:
    """The "Discard this request?" question, once it is shown and has the keyboard."""
    qtbot.waitUntil(lambda: dialog.discard_box is not None and dialog.discard_box.isVisible())
    box = dialog.discard_box
    assert box is not None
    qtbot.waitUntil(box.isActiveWindow)
    assert box.text() == "Discard this request?"
    assert box.windowModality() == Qt.WindowModality.WindowModal  # open(), not exec()
    names = [b.text() for b in box.buttons()]
    assert sorted(names) == ["&Discard", "&Keep editing"]
    assert box.defaultButton() is box.escapeButton() and box.defaultButton().text() == "&Keep editing"
    return box


def answered(qtbot: Any, dialog: NewRequestDialog) -> None:
    qtbot.waitUntil(lambda: dialog.discard_box is None)


def test_a_half_filled_request_is_emptied_or_closed_only_after_asking(
    qtbot: Any, intake_window: MainWindow, office: Office
) -> None:
    clerk = Clerk(qtbot)
    dialog = open_form(qtbot, clerk, intake_window)
    # Nothing typed: Esc closes at once, Alt+N does nothing to ask about.
    clerk.press(Qt.Key.Key_N, ALT)
    assert dialog.discard_box is None and dialog.isVisible()
    clerk.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.discard_box is None
    intake_window.activateWindow()
    qtbot.waitUntil(intake_window.isActiveWindow)
    dialog = open_form(qtbot, clerk, intake_window)

    clerk.press(Qt.Key.Key_R, ALT)
    clerk.type("Jane")
    clerk.press(Qt.Key.Key_I, ALT)
    clerk.type("Water in the basement.")
    for keys in ((Qt.Key.Key_N, ALT), (Qt.Key.Key_N, CTRL), (Qt.Key.Key_Escape, NONE)):
        clerk.press(*keys)
        discard_box(qtbot, dialog)
        clerk.press(Qt.Key.Key_Return)  # the default: keep editing
        answered(qtbot, dialog)
        assert dialog.isVisible() and dialog.requester.text() == "Jane"
        assert dialog.description.toPlainText() == "Water in the basement."
        qtbot.waitUntil(lambda: clerk.focused() is dialog.description)  # back where the clerk was
    clerk.press(Qt.Key.Key_Escape)
    discard_box(qtbot, dialog)
    clerk.press(Qt.Key.Key_Escape)  # Esc on the question keeps editing too
    answered(qtbot, dialog)
    assert dialog.isVisible() and dialog.requester.text() == "Jane"
    qtbot.waitUntil(lambda: clerk.focused() is dialog.description)
    assert not dialog.close()  # the window's close box (Alt+F4) asks as well
    discard_box(qtbot, dialog)
    clerk.press(Qt.Key.Key_K, ALT)  # Keep editing
    answered(qtbot, dialog)
    assert dialog.isVisible() and dialog.requester.text() == "Jane"
    qtbot.waitUntil(lambda: clerk.focused() is dialog.description)

    # Alt+N, Alt+D: emptied for the next caller, the form stays open on the channel.
    clerk.press(Qt.Key.Key_N, ALT)
    discard_box(qtbot, dialog)
    clerk.press(Qt.Key.Key_D, ALT)
    answered(qtbot, dialog)
    assert dialog.isVisible() and not dialog.has_unsaved_input()
    assert (dialog.requester.text(), dialog.description.toPlainText()) == ("", "")
    qtbot.waitUntil(lambda: clerk.focused() is dialog.channel)

    # A new requester's details count as input; Close (Tab to it, Space), then Discard: closed and empty.
    clerk.press(Qt.Key.Key_W, ALT)
    clerk.type("Ann Lee")
    assert dialog.has_unsaved_input()
    dialog.close_button.setFocus(Qt.FocusReason.TabFocusReason)
    clerk.press(Qt.Key.Key_Space)
    box = discard_box(qtbot, dialog)
    clerk.press(Qt.Key.Key_Tab)  # from Keep editing to Discard
    assert box.focusWidget() is not None and box.focusWidget().text() == "&Discard"
    clerk.press(Qt.Key.Key_Space)
    answered(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    intake_window.activateWindow()
    qtbot.waitUntil(intake_window.isActiveWindow)
    again = open_form(qtbot, clerk, intake_window)
    assert again is dialog and dialog.person.name.text() == "" and not dialog.new_requester.isChecked()


def test_right_after_a_save_the_next_request_starts_without_asking(
    qtbot: Any, intake_window: MainWindow, office: Office
) -> None:
    clerk = Clerk(qtbot)
    dialog = open_form(qtbot, clerk, intake_window)
    clerk.press(Qt.Key.Key_W, ALT)
    clerk.type("Ann Lee")
    clerk.press(Qt.Key.Key_C, ALT)
    clerk.type("lamp")
    wait_suggestions(qtbot, dialog.category)
    clerk.press(Qt.Key.Key_Return)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        clerk.press(Qt.Key.Key_Return, CTRL)
    assert not dialog.has_unsaved_input()
    clerk.press(Qt.Key.Key_N, CTRL)
    assert dialog.discard_box is None and dialog.person.name.text() == "" and dialog.saved_ticket_id is None


def test_choosing_a_requester_on_file_goes_on_to_location(
    qtbot: Any, intake_window: MainWindow, office: Office
) -> None:
    clerk = Clerk(qtbot)
    dialog = open_form(qtbot, clerk, intake_window)
    clerk.press(Qt.Key.Key_Tab)
    clerk.type("555 010 2")  # Jane Roe's phone
    wait_suggestions(qtbot, dialog.requester)
    clerk.press(Qt.Key.Key_Return)
    assert "Jane Roe" in dialog.requester_info.text()
    assert clerk.focused() is dialog.location.edit  # not the "New requester" check box
    clerk.type("120 main")
    wait_suggestions(qtbot, dialog.location)
    clerk.press(Qt.Key.Key_Return)
    assert dialog.location.text() == "120 N Main St" and clerk.focused() is dialog.category.edit
    # Shift+Tab still reaches the check box for a caller who is not on file after all.
    dialog.location.edit.setFocus(Qt.FocusReason.OtherFocusReason)
    clerk.press(Qt.Key.Key_Backtab)
    assert clerk.focused() is dialog.new_requester


def test_enter_in_location_goes_on_with_typed_text_or_the_first_address_once_it_arrives(
    qtbot: Any, intake_window: MainWindow, office: Office
) -> None:
    clerk = Clerk(qtbot)
    dialog = open_form(qtbot, clerk, intake_window)
    clerk.press(Qt.Key.Key_L, ALT)
    clerk.type("120 main")
    clerk.press(Qt.Key.Key_Return)  # at once, before the suggestions came
    qtbot.waitUntil(lambda: dialog.location.value is not None, timeout=5_000)
    assert dialog.location.text() == "120 N Main St" and "Ward 1" in dialog.location_info.text()
    qtbot.waitUntil(lambda: clerk.focused() is dialog.category.edit)
    # A place not on the address list: Enter goes on with it as typed.
    clerk.press(Qt.Key.Key_L, ALT)
    dialog.location.edit.selectAll()
    clerk.type("behind the old mill")
    qtbot.waitUntil(lambda: not dialog.location._lookup_pending())  # its (empty) answer came
    assert not dialog.location.list.isVisible()
    clerk.press(Qt.Key.Key_Return)
    assert clerk.focused() is dialog.category.edit
    assert dialog.location.value is None and dialog.location.text() == "behind the old mill"
    assert "unverified" in dialog.location_info.text()


def test_switching_to_a_new_requester_clears_the_find_error_and_a_phone_in_email_is_pointed_out(
    qtbot: Any, intake_window: MainWindow, office: Office
) -> None:
    clerk = Clerk(qtbot)
    dialog = open_form(qtbot, clerk, intake_window)
    clerk.press(Qt.Key.Key_Return, CTRL)  # nothing filled in
    assert "Find the requester" in dialog.form.error_for("requester")
    clerk.press(Qt.Key.Key_H, ALT)
    clerk.press(Qt.Key.Key_Tab)
    clerk.type("Bob Stone")
    clerk.press(Qt.Key.Key_W, ALT)
    assert dialog.form.error_for("requester") == ""  # dealt with: a new requester it is
    assert dialog.person.name.text() == "Bob Stone" and clerk.focused() is dialog.person.phone
    clerk.press(Qt.Key.Key_Tab)  # one Tab too many, out of habit
    clerk.type("555-010-4477")
    clerk.press(Qt.Key.Key_Return, CTRL)
    message = dialog.person.form.error_for("email")
    assert message == "“555-010-4477” looks like a phone number: it goes in Phone (Alt+P)."
    dialog.person.email.clear()
    clerk.press(Qt.Key.Key_P, ALT)
    assert clerk.focused() is dialog.person.phone
