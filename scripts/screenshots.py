"""Render the main windows offscreen with demo data to docs/screenshots/*.png (`make screenshots`)."""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, date, datetime, time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from citydesk.demo import create_demo
from citydesk.domain.clock import ManualClock
from citydesk.store.db import open_database
from citydesk.store.detail import sign_in_users
from citydesk.ui.app import CitydeskApp, install_translator, signed_in_as
from citydesk.ui.shell import MainWindow

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
AS_OF = date(2026, 11, 20)


def wait_until(app: QApplication, condition, timeout_s: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    """Process events until `condition()` is true."""
    import time as clock

    end = clock.monotonic() + timeout_s
    while not condition():
        if clock.monotonic() > end:
            raise TimeoutError("the window did not settle")
        app.processEvents()
        clock.sleep(0.01)


def dark_palette() -> QPalette:
    """A dark palette like the system's dark mode."""
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#202124"), (QPalette.ColorRole.WindowText, "#e8eaed"),
        (QPalette.ColorRole.Base, "#181a1b"), (QPalette.ColorRole.AlternateBase, "#26282b"),
        (QPalette.ColorRole.Text, "#e8eaed"), (QPalette.ColorRole.Button, "#2d2f31"),
        (QPalette.ColorRole.ButtonText, "#e8eaed"), (QPalette.ColorRole.Highlight, "#8ab4f8"),
        (QPalette.ColorRole.HighlightedText, "#202124"), (QPalette.ColorRole.PlaceholderText, "#a8abaf"),
    ):  # fmt: skip
        palette.setColor(role, QColor(colour))
    return palette


def shoot_requesters(app: QApplication, hub: CitydeskApp, window: MainWindow) -> None:
    """The Requesters window on the requester with the most tickets, as a supervisor (Merge into… shown),
    and its merge dialog with a survivor chosen (the summary shows)."""
    from sqlalchemy import func, select

    from citydesk.store.models import Requester, TicketReporter

    with hub.db.read() as session:
        supervisor = next(u for u in sign_in_users(session) if u.role == "supervisor")
        name = session.execute(
            select(Requester.name)
            .join(TicketReporter, TicketReporter.requester_id == Requester.id)
            .where(Requester.name.is_not(None), Requester.merged_into.is_(None))
            .group_by(Requester.id)
            .order_by(func.count().desc(), Requester.name)
            .limit(1)
        ).scalar_one()
    technician = hub.user
    hub.sign_in(signed_in_as(hub.db, supervisor.id))
    window.open_requesters()
    people = window.requesters
    assert people is not None
    people.resize(1280, 760)
    wait_until(app, lambda: people.list_model.rowCount() > 0 and hub.runner.in_flight == 0)
    people.search.setText(name.split()[-1])
    people._to_list()
    wait_until(app, lambda: people.form.requester is not None and hub.runner.in_flight == 0)
    people.grab().save(str(OUT / "requesters.png"))
    people.open_merge()
    dialog = people.merge_dialog
    assert dialog is not None
    dialog.search.setText(name.split()[0])
    dialog._find()
    wait_until(app, lambda: dialog.results.count() > 0)
    dialog.results.setCurrentRow(0)
    wait_until(app, lambda: dialog.ok_button.isEnabled())
    dialog.grab().save(str(OUT / "requesters-merge.png"))
    dialog.reject()
    people.close()
    if technician is not None:
        hub.sign_in(technician)


def shoot_new_request(app: QApplication, hub: CitydeskApp, window: MainWindow, suffix: str = "") -> None:
    """The New request form typed into as a clerk would, with a duplicate candidate beside it (`suffix`
    is added to the file names; the form is sized to the main window)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from sqlalchemy import select

    from citydesk.store.models import Address, Category, Requester, Ticket

    with hub.db.read() as session:
        address, category = session.execute(
            select(Address.text, Category.name)
            .join(Ticket, Ticket.address_id == Address.id)
            .join(Category, Category.id == Ticket.category_id)
            .where(Ticket.is_open.is_(True), Category.caller_script != "")
            .order_by(Ticket.created_at.desc())
        ).first()
        phone = session.scalars(select(Requester.phone).where(Requester.phone.is_not(None))).first()
    dialog = window.new_request()
    dialog.resize(window.size())
    wait_until(app, lambda: dialog.context is not None)

    def type_and_choose(field, text: str) -> None:  # type: ignore[no-untyped-def]
        field.edit.setFocus()
        QTest.keyClicks(field.edit, text)
        wait_until(app, lambda: field.list.count() > 0)
        QTest.keyClick(field.edit, Qt.Key.Key_Return)

    type_and_choose(dialog.requester, phone[-4:])
    type_and_choose(dialog.location, address)
    type_and_choose(dialog.category, category.split()[0])
    wait_until(app, lambda: dialog.duplicates.list.count() > 0 and hub.runner.in_flight == 0)
    dialog.description.setPlainText("Reported again by a neighbour this morning.")
    dialog.duplicates.list.setFocus()
    for _ in range(20):
        app.processEvents()
    dialog.grab().save(str(OUT / f"new-request{suffix}.png"))
    dialog.start_next()
    dialog.new_requester.setChecked(True)
    QTest.keyClicks(dialog.person.name, "Ana Morales")
    dialog.person.language.setCurrentIndex(1)
    type_and_choose(dialog.location, "city park")
    type_and_choose(dialog.category, "graffiti")
    wait_until(app, lambda: hub.runner.in_flight == 0)
    for _ in range(20):
        app.processEvents()
    dialog.grab().save(str(OUT / f"new-request-new-citizen{suffix}.png"))
    dialog.start_next()  # emptied: closing does not ask "Discard this request?"
    dialog.close()


def shoot_csv(app: QApplication, hub: CitydeskApp, folder: Path) -> None:
    """The import dialog on a small 311-style file with two bad rows, and the export dialog, as an admin."""
    from sqlalchemy import select

    from citydesk.store.models import Category
    from citydesk.ui.csvio.export_dialog import ExportDialog
    from citydesk.ui.csvio.import_dialog import ImportDialog

    with hub.db.read() as session:
        admin = next(u for u in sign_in_users(session) if u.role == "admin")
        first, second = list(session.scalars(select(Category.name).order_by(Category.name).limit(2)))
    technician = hub.user
    hub.sign_in(signed_in_as(hub.db, admin.id))
    source = folder / "requests-311.csv"
    rows = [
        "Service Request ID,Title,Status,Address,Date Created,Closed Date,Latitude,Longitude,Category,Source",
        f"SR-1001,Hole by school,Closed,400 Oak Ave,1762093800,11/04/2025 10:15 AM,41.5,-90.5,{first},Phone",
        f"SR-1002,Light out,Open,12 Elm St,1762185600,,41.49,-90.50,{second.upper()},Mobile App",
        "SR-1003,Flooded underpass,Open,Main & 1st,11/05/2025 14:45 PM,,,,Flooding,Web",
        f"SR-1004,Second hole,In Progress,410 Oak Ave,2025-11-05 08:30,,41.5,-90.5,{first},Voice In",
        f"SR-1002,Light out,Open,12 Elm St,1762185600,,41.49,-90.50,{second},Mobile App",
    ]
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    dialog = ImportDialog(hub)
    dialog.resize(1100, 720)
    dialog.show()
    dialog.load_file(source)
    wait_until(app, lambda: dialog.plan is not None and hub.runner.in_flight == 0)
    dialog.grab().save(str(OUT / "csv-import.png"))
    dialog.close()
    export = ExportDialog(hub)
    export.show()
    export.public_records.setChecked(True)
    wait_until(app, lambda: export.department.count() > 1 and hub.runner.in_flight == 0)
    export.grab().save(str(OUT / "csv-export.png"))
    export.close()
    if technician is not None:
        hub.sign_in(technician)


def shoot_large_text(app: QApplication, hub: CitydeskApp) -> None:
    """The main window and the New request form with the system font at 200%, in a 1366×768 window:
    the queue list as wide as its entries, the priority words whole, the ticket under the table, the
    status bar wrapping, the form reflowed (no sideways scrolling)."""
    from PySide6.QtGui import QFont

    normal = app.font()
    large = QFont(normal)
    large.setPointSizeF(normal.pointSizeF() * 2)
    app.setFont(large)
    try:
        window = MainWindow(hub)
        window.resize(1366, 768)
        window.show()
        wait_until(app, lambda: window.model.rowCount() > 0)
        window.queues.setCurrentRow(7)  # All
        wait_until(app, lambda: window.model.ticket_id(2) is not None)
        window.table.selectRow(2)
        wait_until(app, lambda: window.detail.view is not None and hub.runner.in_flight == 0)
        number = window.model.data(window.model.index(2, 0))  # the status bar with a message, wrapping
        window.status_message.success(f"Note added to {number}: the crew is on its way")
        for _ in range(20):
            app.processEvents()
        window.grab().save(str(OUT / "main-window-200.png"))
        shoot_new_request(app, hub, window, suffix="-200")
        window.close()
    finally:
        app.setFont(normal)


def shoot_spanish(app: QApplication, hub: CitydeskApp) -> None:
    """The main window with the Spanish translation (as on a PC whose locale is Spanish)."""
    translator = install_translator(app, QLocale("es_ES"))
    assert translator is not None, "resources/translations/citydesk_es.qm is missing"
    window = MainWindow(hub)
    window.resize(1366, 740)
    window.show()
    wait_until(app, lambda: window.model.rowCount() > 0)
    window.queues.setCurrentRow(7)  # Todos
    wait_until(app, lambda: window.model.ticket_id(2) is not None)
    window.table.selectRow(2)
    wait_until(app, lambda: getattr(window.detail, "view", None) is not None and hub.runner.in_flight == 0)
    window.grab().save(str(OUT / "main-window-es.png"))
    window.close()
    app.removeTranslator(translator)


def _counter_ticket(hub: CitydeskApp) -> tuple[str, str, str]:
    """(ticket id, number, Spanish-speaking reporter's ticket id): an open demo ticket with a public note."""
    from sqlalchemy import select

    from citydesk.store.models import Requester, Ticket, TicketReporter, TimelineEntry

    with hub.db.read() as session:
        public = select(TimelineEntry.ticket_id).where(TimelineEntry.public, TimelineEntry.kind == "note")
        ticket_id, number = session.execute(
            select(Ticket.id, Ticket.number)
            .where(Ticket.is_open, Ticket.status.in_(("in_progress", "waiting_parts")), Ticket.id.in_(public))
            .order_by(Ticket.created_at.desc())
            .limit(1)
        ).one()
        spanish = session.execute(
            select(Ticket.id)
            .join(TicketReporter, TicketReporter.ticket_id == Ticket.id)
            .join(Requester, Requester.id == TicketReporter.requester_id)
            .where(Requester.preferred_language == "es", Requester.anonymous.is_(False), Ticket.is_open)
            .order_by(Ticket.created_at.desc())
            .limit(1)
        ).scalar_one()
    return ticket_id, number, spanish


def shoot_counter(app: QApplication, hub: CitydeskApp, window: MainWindow) -> None:
    """The status question view, the receipt dialog, a question on the spot, the admin's receipt texts,
    and PNGs of both receipt layouts (pdftoppm -r 100) under docs/receipts/."""
    import shutil
    import subprocess

    from citydesk.domain.roles import SYSTEM_ACTOR
    from citydesk.reports.receipt import write_receipt_pdf
    from citydesk.services.setup import set_setting
    from citydesk.store.receipts import receipt_data
    from citydesk.ui.counter.question import QuestionDialog
    from citydesk.ui.counter.receipt import ReceiptDialog
    from citydesk.ui.counter.receipt_texts import ReceiptTextsDialog
    from citydesk.ui.counter.status import StatusQuestionDialog

    set_setting(hub.db, actor=SYSTEM_ACTOR, key="city_phone", value="(555) 010-0311")
    ticket_id, number, spanish_id = _counter_ticket(hub)
    status = StatusQuestionDialog(hub, window)
    status.show()
    status.find.setText(number)
    status.lookup()
    wait_until(app, lambda: status.view is not None and hub.runner.in_flight == 0)
    status.grab().save(str(OUT / "status-question.png"))
    status.close()
    receipt = ReceiptDialog(hub, spanish_id, window)
    receipt.show()
    wait_until(app, lambda: receipt.slip is not None and hub.runner.in_flight == 0)
    receipt.grab().save(str(OUT / "receipt-dialog.png"))
    receipt.close()
    question = QuestionDialog(hub, window)
    question.show()
    wait_until(app, lambda: bool(question.choices))
    question.summary.setText("Opening hours of the recycling centre on Saturdays")
    question.category.setText("Bulk trash pickup")
    question.grab().save(str(OUT / "question.png"))
    question.close()
    technician = hub.user
    with hub.db.read() as session:
        admin = next(u for u in sign_in_users(session) if u.role == "admin")
    hub.sign_in(signed_in_as(hub.db, admin.id))
    texts = ReceiptTextsDialog(hub, window)
    texts.show()
    texts.language.setCurrentIndex(1)  # Spanish
    wait_until(app, lambda: texts.sample is not None and texts.sample.language == "es")
    texts.grab().save(str(OUT / "receipt-texts.png"))
    texts.close()
    if technician is not None:
        hub.sign_in(technician)
    folder = OUT.parent / "receipts"
    folder.mkdir(parents=True, exist_ok=True)
    with hub.db.read() as session:
        english = receipt_data(session, ticket_id, language="en")
        spanish = receipt_data(session, spanish_id)
    for data, layout, name in ((english, "half_letter", "receipt-half-letter"),
                               (spanish, "thermal_80", "receipt-thermal-es")):  # fmt: skip
        pdf = write_receipt_pdf(data, layout, Path(tempfile.mkdtemp()) / f"{name}.pdf")
        crop = ["-x", "0", "-y", "0", "-W", "850", "-H", "565"] if layout == "half_letter" else []  # top half
        if shutil.which("pdftoppm"):
            command = ["pdftoppm", "-png", "-r", "100", "-singlefile", *crop, str(pdf), str(folder / name)]
            subprocess.run(command, check=True)


def shoot_reports(app: QApplication, hub: CitydeskApp, window: MainWindow) -> None:
    """The Reports view as a supervisor, with the demo city's last full week generated and previewed."""
    from citydesk.ui.reports.menu import open_reports_view

    with hub.db.read() as session:
        supervisor = next(u for u in sign_in_users(session) if u.role == "supervisor")
    previous = hub.user
    hub.sign_in(signed_in_as(hub.db, supervisor.id))
    view = open_reports_view(window, hub)
    assert view is not None
    view.resize(1100, 900)
    wait_until(app, lambda: view.setup is not None)
    view.generate()
    wait_until(app, lambda: view.current is not None, timeout_s=120)
    wait_until(app, lambda: hub.runner.in_flight == 0)
    for _ in range(5):  # the last delivery posted layout requests: let them run before the picture
        app.processEvents()
    view.grab().save(str(OUT / "reports.png"))
    view.close()
    if previous is not None:
        hub.sign_in(previous)


def shoot_city_calendar(app: QApplication, hub: CitydeskApp, window: MainWindow) -> None:
    """Settings → City calendar… as an admin, with a holiday that is not a date shown next to its field."""
    with hub.db.read() as session:
        admin = next(u for u in sign_in_users(session) if u.role == "admin")
    previous = hub.user
    hub.sign_in(signed_in_as(hub.db, admin.id))
    dialog = window.open_city_calendar()
    wait_until(app, lambda: dialog.loaded)
    dialog.holidays.setPlainText(dialog.holidays.toPlainText() + "\n12/31/2026\n25/12/2026")
    dialog.submit()
    wait_until(app, lambda: dialog.form.error_for("holidays") != "")
    dialog.grab().save(str(OUT / "city-calendar.png"))
    dialog.reject()
    if previous is not None:
        hub.sign_in(previous)


def shoot_clerk_first_screen(app: QApplication, hub: CitydeskApp) -> None:
    """A clerk's first screen at 1366×740: today's requests at this PC, New request, today's contacts."""
    with hub.db.read() as session:
        clerk = next(u for u in sign_in_users(session) if u.role == "clerk")
    hub.sign_in(signed_in_as(hub.db, clerk.id))
    window = MainWindow(hub)
    window.resize(1366, 740)
    window.show()
    wait_until(app, lambda: window.model.rowCount() > 0 and window.model.ticket_id(0) is not None)
    wait_until(app, lambda: "Today at this desk" in window.clerk_bar.today.text())
    window.table.selectRow(0)
    wait_until(app, lambda: getattr(window.detail, "view", None) is not None and hub.runner.in_flight == 0)
    window.grab().save(str(OUT / "clerk-first-screen.png"))
    window.close()


def main() -> int:
    """Build a demo database and save the screenshots (`--large-text`: only the ones at 200%)."""
    app = QApplication(sys.argv[:1])
    app.setOrganizationName("citydesk-screenshots")
    from citydesk.ui.collector import MainThreadCollector
    from citydesk.ui.palette import apply_accessible_palette

    apply_accessible_palette(app)  # as the app does at start
    MainThreadCollector(app)
    QSettings().clear()
    folder = Path(tempfile.mkdtemp(prefix="citydesk-shots-"))
    clock = ManualClock(datetime.combine(AS_OF, time(23, 0), tzinfo=UTC))
    db = open_database(folder / "demo.sqlite", clock=clock)
    create_demo(db, as_of=AS_OF, tickets=3000, seed=1)
    hub = CitydeskApp(db)
    with db.read() as session:
        tech = next(u for u in sign_in_users(session) if u.role == "technician")
    hub.sign_in(signed_in_as(db, tech.id))
    OUT.mkdir(parents=True, exist_ok=True)
    if "--large-text" in sys.argv[1:]:
        shoot_large_text(app, hub)
        hub.shutdown()
        print(f"screenshots at 200% text written to {OUT}")
        return 0
    window = MainWindow(hub)
    window.resize(1366, 740)
    window.show()
    wait_until(app, lambda: window.model.rowCount() > 0)
    window.queues.setCurrentRow(7)  # All
    wait_until(app, lambda: window.model.rowCount() == 3000 and window.model.ticket_id(2) is not None)
    window.table.selectRow(2)
    wait_until(app, lambda: getattr(window.detail, "view", None) is not None)
    window.grab().save(str(OUT / "main-window.png"))
    window.search.setText("streetlight")
    window._run_search()
    wait_until(app, lambda: bool(window.model.terms) and window.model.ticket_id(0) is not None)
    window.table.selectRow(0)
    wait_until(app, lambda: getattr(window.detail, "view", None) is not None)
    window.grab().save(str(OUT / "search.png"))
    shoot_requesters(app, hub, window)
    shoot_reports(app, hub, window)
    shoot_new_request(app, hub, window)
    shoot_spanish(app, hub)
    shoot_counter(app, hub, window)
    shoot_csv(app, hub, folder)
    shoot_city_calendar(app, hub, window)
    shoot_large_text(app, hub)
    app.setPalette(dark_palette())
    window.clear_search()
    wait_until(app, lambda: window.model.rowCount() == 3000 and window.model.ticket_id(1) is not None)
    window.table.selectRow(1)
    wait_until(
        app, lambda: window.detail.ticket_id == window.model.ticket_id(1) and window.hub.runner.in_flight == 0
    )
    window.grab().save(str(OUT / "main-window-dark.png"))
    window.close()
    app.setPalette(QApplication.style().standardPalette())
    apply_accessible_palette(app)
    shoot_clerk_first_screen(app, hub)
    hub.shutdown()
    print(f"screenshots written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
