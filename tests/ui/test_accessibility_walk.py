"""Every window and dialog of the app, walked as a screen-reader user and a keyboard-only user meet it,
with the real widgets on a real SQLite file (signed in as each role where it matters).

For each window `helpers_a11y.audit` fails on: a focusable control with no name; a Tab cycle that does
not visit every visible, enabled focusable control once and come back to the first (left out, stuck, or
trapped); a visible label whose words (without '&' and the colon) are not at the start of its field's
spoken name; a table with a row whose header says nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers_a11y import DIALOGS, audit
from helpers_detail import new_ticket, open_main_window, show, sign_in
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from citydesk.domain.roles import Actor
from citydesk.services import tickets
from citydesk.store.queries import Queue
from citydesk.ui.app import CitydeskApp
from citydesk.ui.detail import TicketDetailPane, workflow_dialogs
from citydesk.ui.detail.timeline import build_rows
from citydesk.ui.queue_list import QUEUES
from citydesk.ui.shell import MainWindow
from factories import Office

# Offscreen windows cannot raise or resize themselves, and completer popups say so.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier
ROLES = ("clerk", "tech", "supervisor", "admin")


def no_problems(problems: list[str]) -> None:
    assert not problems, "\n" + "\n".join(problems)


def shown(qtbot: Any, window: QWidget) -> QWidget:
    """Show and activate a window of its own."""
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def press(qtbot: Any, key: Qt.Key, modifiers: Any) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifiers)


# ---- the main window and the ticket pane --------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_main_window_with_a_ticket_open(qtbot: Any, hub: CitydeskApp, office: Office, role: str) -> None:
    created = new_ticket(office)
    tickets.add_note(office.db, actor=office.tech, ticket_id=created.ticket_id, body="Looked at it.",
                     public=True)  # fmt: skip
    actor: Actor = getattr(office, role)
    win = open_main_window(qtbot, hub, actor)
    win.choose_queue([q for q, _ in QUEUES].index(Queue.ALL))
    qtbot.waitUntil(lambda: win.model.rowCount() == 1 and win.model.ticket_id(0) is not None)
    win.table.selectRow(0)
    qtbot.waitUntil(lambda: win.detail.header.number.text() != "")
    no_problems(audit(qtbot, win, in_visual_order=False))  # its Tab order: test_keyboard_and_screen_reader
    win.close()


@pytest.mark.parametrize("name", [*DIALOGS, "redact", "receipt"])
def test_ticket_dialogs(
    qtbot: Any, pane: TicketDetailPane, hub: CitydeskApp, office: Office, name: str
) -> None:
    from citydesk.ui.counter.receipt import receipt_for_view

    sign_in(hub, office.supervisor)
    created = new_ticket(office)
    if name == "reopen":
        tickets.resolve(office.db, actor=office.supervisor, ticket_id=created.ticket_id, reason="done",
                        public_note="Filled the hole.")  # fmt: skip
    if name == "redact":
        tickets.add_note(office.db, actor=office.tech, ticket_id=created.ticket_id, body="Phone 555",
                         public=False)  # fmt: skip
    show(qtbot, pane, created.ticket_id)
    assert pane.view is not None
    if name == "redact":
        entry = next(row for row in build_rows(pane.view) if row.redactable)
        dialog = pane.open_dialog(workflow_dialogs.RedactDialog, entry)
    elif name == "receipt":
        dialog = pane.open_dialog(receipt_for_view)
        qtbot.waitUntil(lambda: dialog.slip is not None, timeout=5000)
    else:
        dialog = pane.open_dialog(DIALOGS[name])
    assert dialog is not None
    try:
        no_problems(audit(qtbot, dialog))
    finally:
        dialog.reject()


# ---- the counter --------------------------------------------------------------------------------


def open_counter_dialog(qtbot: Any, win: MainWindow, key: Qt.Key, modifiers: Any) -> Any:
    qtbot.waitUntil(lambda: win.counter.active_dialog is None and win.isActiveWindow())
    press(qtbot, key, modifiers)
    qtbot.waitUntil(lambda: win.counter.active_dialog is not None)
    dialog = win.counter.active_dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


@pytest.mark.parametrize("new_requester", [False, True], ids=["on file", "new requester"])
def test_new_request_form(qtbot: Any, intake_window: MainWindow, new_requester: bool) -> None:
    press(qtbot, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: getattr(intake_window, "intake_dialog", None) is not None)
    dialog = intake_window.intake_dialog
    qtbot.waitUntil(lambda: dialog.context is not None and dialog.isActiveWindow(), timeout=5000)
    dialog.new_requester.setChecked(new_requester)
    qtbot.waitUntil(lambda: dialog.person.isVisible() is new_requester)
    no_problems(audit(qtbot, dialog, in_visual_order=False))  # two columns
    dialog.close_button.setFocus()
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
    assert QApplication.focusWidget() is dialog.channel  # Close → Channel on every pass
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is dialog.close_button  # and Shift+Tab back


@pytest.mark.parametrize("kind", ["status question", "question"])
def test_counter_questions(qtbot: Any, hub: CitydeskApp, office: Office, kind: str) -> None:
    win = open_main_window(qtbot, hub, office.clerk)
    if kind == "status question":
        dialog = open_counter_dialog(qtbot, win, Qt.Key.Key_I, CTRL)
    else:
        dialog = open_counter_dialog(qtbot, win, Qt.Key.Key_Q, ALT)
    try:
        no_problems(audit(qtbot, dialog))
    finally:
        dialog.reject()
        win.close()


def test_receipt_texts(qtbot: Any, hub: CitydeskApp, office: Office) -> None:
    from citydesk.ui.counter.receipt_texts import ReceiptTextsDialog

    sign_in(hub, office.admin)
    dialog = ReceiptTextsDialog(hub)
    shown(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.sample is not None)
    no_problems(audit(qtbot, dialog))


# ---- requesters, reports, CSV -------------------------------------------------------------------


@pytest.mark.parametrize("role", ["clerk", "supervisor"])
def test_requesters_window(qtbot: Any, hub: CitydeskApp, office: Office, role: str) -> None:
    new_ticket(office)
    win = open_main_window(qtbot, hub, getattr(office, role))
    press(qtbot, Qt.Key.Key_P, CTRL_SHIFT)
    qtbot.waitUntil(lambda: win.requesters is not None and win.requesters.isActiveWindow())
    window = win.requesters
    qtbot.waitUntil(lambda: window.list_model.rowCount() > 0)
    window.list.setCurrentIndex(window.list_model.index(0, 0))
    qtbot.waitUntil(lambda: window.form.requester is not None, timeout=5000)
    try:
        no_problems(audit(qtbot, window, in_visual_order=False))  # list beside the form
    finally:
        window.close()
        win.close()


def test_merge_requesters_dialog(qtbot: Any, merge_dialog: Any) -> None:
    no_problems(audit(qtbot, merge_dialog))


@pytest.mark.parametrize("part", ["view", "generated", "schedule"])
def test_reports(qtbot: Any, hub: CitydeskApp, office: Office, part: str) -> None:
    from citydesk.ui.reports.schedule_bridge import stop_report_schedule
    from citydesk.ui.reports.view import ReportsView

    win = open_main_window(qtbot, hub, office.supervisor)
    press(qtbot, Qt.Key.Key_W, CTRL_SHIFT)
    qtbot.waitUntil(lambda: win.findChild(ReportsView) is not None)
    view = win.findChild(ReportsView)
    qtbot.waitUntil(lambda: view.setup is not None and view.isActiveWindow())
    try:
        if part == "view":
            assert QApplication.focusWidget() is view.year  # it opens on the first field, not on Schedule
            no_problems(audit(qtbot, view))  # Year, Week, Scope, Paper, Generate, …, Close, the preview
        elif part == "generated":
            with qtbot.waitSignal(view.generated, timeout=60_000):
                view.generate()
            qtbot.waitUntil(view.print_button.isEnabled)
            no_problems(audit(qtbot, view))  # Print… and Save as PDF… now in the cycle too
        else:
            view.edit_schedule()
            dialog = view.active_dialog
            qtbot.waitUntil(dialog.isActiveWindow)
            no_problems(audit(qtbot, dialog))
            dialog.reject()
    finally:
        stop_report_schedule(hub)
        view.close()
        win.close()


@pytest.mark.parametrize("direction", ["import", "export"])
def test_csv_dialogs(qtbot: Any, hub: CitydeskApp, office: Office, tmp_path: Path, direction: str) -> None:
    from citydesk.ui.csvio.export_dialog import ExportDialog
    from citydesk.ui.csvio.import_dialog import ImportDialog

    new_ticket(office)
    if direction == "export":
        sign_in(hub, office.supervisor)
        dialog = shown(qtbot, ExportDialog(hub))
        qtbot.waitUntil(lambda: dialog.department.count() > 1, timeout=5000)
    else:
        sign_in(hub, office.admin)
        dialog = shown(qtbot, ImportDialog(hub))
        source = tmp_path / "old.csv"
        source.write_text("Title,Date Created,Caller\nPothole,2026-11-02,Jane Roe\n", encoding="utf-8")
        dialog.load_file(source)
        qtbot.waitUntil(lambda: dialog.plan is not None, timeout=5000)
    no_problems(audit(qtbot, dialog))
    dialog.reject()


# ---- before signing in --------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["choice", "setup"])
def test_first_run(qtbot: Any, tmp_path: Path, page: str) -> None:
    from citydesk.store.db import open_database
    from citydesk.ui.first_run import FirstRunDialog

    db = open_database(tmp_path / "citydesk.sqlite")
    try:
        dialog = FirstRunDialog(db)
        shown(qtbot, dialog)
        if page == "setup":
            dialog.setup_button.click()
            qtbot.waitUntil(dialog.city.isVisible)
        no_problems(audit(qtbot, dialog))
        dialog.reject()
    finally:
        db.close()


@pytest.mark.parametrize("kind", ["password", "demo picker"])
def test_sign_in(qtbot: Any, request: pytest.FixtureRequest, kind: str) -> None:
    from citydesk.ui.signin import SignInDialog

    dialog = SignInDialog(request.getfixturevalue("hub" if kind == "password" else "demo_hub"))
    shown(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == (1 if kind == "password" else 2), timeout=5000)
    no_problems(audit(qtbot, dialog))
    dialog.reject()




# ---- the audit itself ---------------------------------------------------------------------------


def test_the_audit_finds_each_kind_of_defect(qtbot: Any) -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QTableView

    class Blank(QStandardItemModel):
        def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
            vertical = orientation == Qt.Orientation.Vertical
            return "" if vertical else super().headerData(section, orientation, role)

    dialog = QDialog()
    form = QFormLayout(dialog)
    unnamed = QLineEdit()
    form.addRow(unnamed)
    asked = QLineEdit()
    asked.setAccessibleName("What was asked")
    label = QLabel("&Question:")
    label.setBuddy(asked)
    form.addRow(label, asked)
    model = Blank(3, 3)
    for row in range(3):
        for column in range(3):
            model.setItem(row, column, QStandardItem(f"{row},{column}"))
    table = QTableView()
    table.setAccessibleName("Rows")
    table.setModel(model)  # Tab moves between its cells: a trap
    form.addRow(table)
    ok = QPushButton("OK")
    ok.setAccessibleName("OK")
    form.addRow(ok)
    shown(qtbot, dialog)
    found = audit(qtbot, dialog)
    assert any(p.startswith("no name: QLineEdit") for p in found), found
    assert "label 'Question' on QLineEdit read as 'What was asked'" in found
    assert "empty row header: QTableView('Rows') row 0" in found
    assert any(p.startswith("Tab never reaches") for p in found), found
