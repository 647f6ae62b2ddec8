"""The Spanish walk's openers for the counter, the requesters, the reports, CSV, first run, sign-in and the
ticket dialogs: one function each, `name(walk) -> the shown window` (tests/ui/test_spanish_walk.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from helpers_detail import new_ticket, show, sign_in
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from spanish_walk_kit import ALT, CTRL, CTRL_SHIFT, ROOT, Walk
from sqlalchemy import select

from citydesk.store.models import Ticket


def main_window(w: Walk) -> QWidget:
    new_ticket(w.office)
    win = w.window_of("supervisor")
    win.choose_queue(7)  # All
    w.qtbot.waitUntil(lambda: win.model.rowCount() == 1 and win.model.ticket_id(0) is not None)
    win.table.selectRow(0)
    w.qtbot.waitUntil(lambda: win.detail.header.number.text() != "")
    return win


def new_request(w: Walk, new_requester: bool = True) -> QWidget:
    from citydesk.domain.roles import SYSTEM_ACTOR
    from citydesk.services.addresses import import_addresses

    import_addresses(w.office.db, actor=SYSTEM_ACTOR, path=ROOT / "resources" / "samples" / "addresses.csv")
    win = w.window_of("clerk")
    w.press(Qt.Key.Key_N, CTRL)
    w.qtbot.waitUntil(lambda: getattr(win, "intake_dialog", None) is not None)
    dialog = win.intake_dialog
    w.qtbot.waitUntil(lambda: dialog.context is not None and dialog.isActiveWindow(), timeout=5000)
    dialog.new_requester.setChecked(new_requester)
    if new_requester:  # a place and a category chosen: their checks, the script, the priority's meaning
        for field, typed in ((dialog.location, "120 main"), (dialog.category, "lamp")):
            field.edit.setFocus()
            w.qtbot.keyClicks(field.edit, typed)
            w.qtbot.waitUntil(lambda f=field: f.list.isVisible() and f.list.count() > 0, timeout=5000)
            w.qtbot.keyClick(field.edit, Qt.Key.Key_Return)
        w.qtbot.waitUntil(lambda: dialog.category_info.text() != "", timeout=5000)
    return dialog


def receipt(w: Walk) -> QWidget:
    from citydesk.ui.counter.receipt import receipt_for_view
    from citydesk.ui.detail import TicketDetailPane

    sign_in(w.hub, w.office.clerk)
    created = new_ticket(w.office)
    pane = TicketDetailPane(w.hub)
    w.shown(pane)
    show(w.qtbot, pane, created.ticket_id)
    dialog = pane.open_dialog(receipt_for_view)
    w.qtbot.waitUntil(lambda: dialog.slip is not None, timeout=5000)
    return dialog


def status_answer(w: Walk) -> QWidget:
    created = new_ticket(w.office)
    with w.office.db.read() as s:
        number = s.scalar(select(Ticket.number).where(Ticket.id == created.ticket_id))
    dialog: Any = w.counter(Qt.Key.Key_I, CTRL)
    dialog.find.setText(number)
    w.press(Qt.Key.Key_Return)
    w.qtbot.waitUntil(lambda: dialog.text.isVisible() and number in dialog.text.toPlainText(), timeout=5000)
    return dialog


def receipt_texts(w: Walk) -> QWidget:
    from citydesk.ui.counter.receipt_texts import ReceiptTextsDialog

    sign_in(w.hub, w.office.admin)
    dialog = ReceiptTextsDialog(w.hub)
    w.shown(dialog)
    w.qtbot.waitUntil(lambda: dialog.sample is not None)
    return dialog


def requesters(w: Walk) -> QWidget:
    new_ticket(w.office)
    win = w.window_of("supervisor")
    w.press(Qt.Key.Key_P, CTRL_SHIFT)
    w.qtbot.waitUntil(lambda: win.requesters is not None and win.requesters.isActiveWindow())
    window = win.requesters
    w.qtbot.waitUntil(lambda: window.list_model.rowCount() > 0)
    window.list.setCurrentIndex(window.list_model.index(0, 0))
    w.qtbot.waitUntil(lambda: window.form.requester is not None, timeout=5000)
    return window


def reports(w: Walk, part: str) -> QWidget:
    from citydesk.ui.reports.view import ReportsView

    win = w.window_of("supervisor")
    w.press(Qt.Key.Key_W, CTRL_SHIFT)
    w.qtbot.waitUntil(lambda: win.findChild(ReportsView) is not None)
    view = win.findChild(ReportsView)
    w.qtbot.waitUntil(lambda: view.setup is not None and view.isActiveWindow())
    if part == "generated":
        with w.qtbot.waitSignal(view.generated, timeout=60_000):
            view.generate()
        w.qtbot.waitUntil(view.print_button.isEnabled)
    if part == "schedule":
        view.edit_schedule()
        dialog: QWidget = view.active_dialog
        w.qtbot.waitUntil(dialog.isActiveWindow)
        return dialog
    return view


def csv_export(w: Walk) -> QWidget:
    from citydesk.ui.csvio.export_dialog import ExportDialog

    new_ticket(w.office)
    sign_in(w.hub, w.office.supervisor)
    dialog = w.shown(ExportDialog(w.hub))
    w.qtbot.waitUntil(lambda: dialog.department.count() > 1, timeout=5000)
    return dialog


def csv_import(w: Walk) -> QWidget:
    from citydesk.ui.csvio.import_dialog import ImportDialog

    sign_in(w.hub, w.office.admin)
    dialog: Any = w.shown(ImportDialog(w.hub))
    source = w.tmp_path / "old.csv"
    rows = "Title,Date Created,Caller,Status\nPothole,2026-11-02,Jane Roe,Fixed\n"
    source.write_text(rows, encoding="utf-8")
    dialog.load_file(source)
    w.qtbot.waitUntil(lambda: dialog.plan is not None, timeout=5000)
    return dialog


def first_run(w: Walk, setup: bool) -> QWidget:
    from citydesk.store.db import open_database
    from citydesk.ui.first_run import FirstRunDialog

    db = open_database(w.tmp_path / "empty.sqlite")
    w.request.addfinalizer(db.close)
    dialog: Any = w.shown(FirstRunDialog(db))
    if setup:
        dialog.setup_button.click()
        w.qtbot.waitUntil(dialog.city.isVisible)
    return dialog


def sign_in_dialog(w: Walk, demo: bool) -> QWidget:
    from citydesk.ui.signin import SignInDialog

    dialog: Any = w.shown(SignInDialog(w.request.getfixturevalue("demo_hub") if demo else w.hub))
    w.qtbot.waitUntil(lambda: dialog.pages.currentIndex() == (2 if demo else 1), timeout=5000)
    return dialog


def ticket_dialog(w: Walk, name: str) -> QWidget:
    """A ticket dialog of the detail pane (tests/ui/helpers_a11y.py's DIALOGS), over a supervisor's pane."""
    from helpers_a11y import DIALOGS

    from citydesk.services import tickets
    from citydesk.ui.detail import TicketDetailPane

    sign_in(w.hub, w.office.supervisor)
    created = new_ticket(w.office)
    if name == "reopen":
        tickets.resolve(w.office.db, actor=w.office.supervisor, ticket_id=created.ticket_id, reason="done",
                        public_note="Filled the hole.")  # fmt: skip
    pane = TicketDetailPane(w.hub)
    w.shown(pane)
    show(w.qtbot, pane, created.ticket_id)
    dialog: QWidget = pane.open_dialog(DIALOGS[name])
    w.qtbot.waitUntil(dialog.isVisible)
    return dialog


def merge(w: Walk) -> QWidget:
    dialog: QWidget = w.request.getfixturevalue("merge_dialog")
    return dialog


TICKET_DIALOGS = ("log call", "assign", "change status", "change priority", "edit", "escalate",
                  "record time", "schedule visit", "resolve", "resolve as duplicate", "resolve as referred",
                  "reopen")  # fmt: skip
def city_calendar(w: Walk) -> QWidget:
    """Settings → City calendar…, as an administrator, once its values are in."""
    dialog = w.window_of("admin").open_city_calendar()
    w.qtbot.waitUntil(lambda: dialog.loaded)
    return dialog


OPENERS: dict[str, Callable[[Walk], QWidget]] = {
    "main window": main_window,
    "new request (on file)": lambda w: new_request(w, new_requester=False),
    "new request (new requester)": new_request,
    "receipt": receipt,
    "status question": lambda w: w.counter(Qt.Key.Key_I, CTRL),
    "status answer": status_answer,
    "question answered on the spot": lambda w: w.counter(Qt.Key.Key_Q, ALT),
    "receipt texts": receipt_texts,
    "requesters": requesters,
    "merge requesters": merge,
    "reports": lambda w: reports(w, "view"),
    "reports (generated)": lambda w: reports(w, "generated"),
    "report schedule": lambda w: reports(w, "schedule"),
    "csv export": csv_export,
    "csv import": csv_import,
    "first run": lambda w: first_run(w, setup=False),
    "first run (set up)": lambda w: first_run(w, setup=True),
    "sign in": lambda w: sign_in_dialog(w, demo=False),
    "sign in (demo)": lambda w: sign_in_dialog(w, demo=True),
    "city calendar": city_calendar,
    **{f"ticket: {name}": (lambda w, name=name: ticket_dialog(w, name)) for name in TICKET_DIALOGS},
}
