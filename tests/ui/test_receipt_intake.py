"""End to end at the counter: a clerk logs a walk-in request for a new Spanish-speaking citizen by
keyboard and prints the receipt to PDF from the New request dialog (Ctrl+P). No printer is installed
here (the outer edge stands in for the system's printer list), so the slip is saved as PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpers_detail import CTRL
from PySide6.QtCore import Qt
from sqlalchemy import select
from test_counter_intake import ALT, Clerk, open_form, wait_suggestions

from citydesk.store.models import Requester, Ticket, TicketReporter
from citydesk.ui.counter.receipt import ReceiptDialog
from citydesk.ui.shell import MainWindow
from factories import Office
from receipt_helpers import needs_poppler, pdf_text

pytestmark = needs_poppler


def test_walk_in_for_a_new_spanish_speaker_prints_the_receipt_to_pdf(
    qtbot: Any, intake_window: MainWindow, office: Office, tmp_path: Path
) -> None:
    clerk = Clerk(qtbot)
    dialog = open_form(qtbot, clerk, intake_window)
    clerk.type("w")  # Walk-in
    clerk.press(Qt.Key.Key_Tab)
    clerk.press(Qt.Key.Key_W, ALT)  # new requester
    clerk.type("Maria Lopez")
    clerk.press(Qt.Key.Key_Tab)
    clerk.type("555-010-7777")
    clerk.press(Qt.Key.Key_G, ALT)  # Language
    assert clerk.focused() is dialog.person.language
    clerk.type("s")  # Spanish
    assert dialog.person.language.currentData() == "es"
    clerk.press(Qt.Key.Key_L, ALT)
    clerk.type("120 main")
    wait_suggestions(qtbot, dialog.location)
    clerk.press(Qt.Key.Key_Return)
    clerk.type("lamp")
    wait_suggestions(qtbot, dialog.category)
    clerk.press(Qt.Key.Key_Return)
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        clerk.press(Qt.Key.Key_Return, CTRL)
    ticket_id = saved.args[0]
    clerk.press(Qt.Key.Key_P, CTRL)  # Print receipt…
    qtbot.waitUntil(lambda: isinstance(getattr(dialog, "receipt_dialog", None), ReceiptDialog))
    receipt: ReceiptDialog = dialog.receipt_dialog
    qtbot.waitUntil(lambda: receipt.slip is not None and receipt.isActiveWindow(), timeout=5000)
    assert receipt.language.currentData() == "es"  # her preferred language
    receipt.printer_names = lambda: []  # this PC has no printer
    out = tmp_path / "recibo.pdf"
    receipt.choose_pdf_path = lambda _suggested: str(out)  # the save dialog, answered
    clerk.press(Qt.Key.Key_P, CTRL)
    assert "No printer is set up on this PC" in receipt.message.text()
    with qtbot.waitSignal(receipt.finished, timeout=5000):
        clerk.press(Qt.Key.Key_Return)  # Save as PDF…, now in focus
    with office.db.read() as s:
        number = s.scalar(select(Ticket.number).where(Ticket.id == ticket_id))
        language = s.scalar(
            select(Requester.preferred_language)
            .join(TicketReporter, TicketReporter.requester_id == Requester.id)
            .where(TicketReporter.ticket_id == ticket_id)
        )
    assert number and language == "es"
    text = pdf_text(out)
    assert number in text
    # Logged Monday 16 Nov 2026, 09:00 in Chicago; a streetlight's target is 3 business days.
    assert "Fecha prevista de finalización jueves, 19 de noviembre de 2026" in text
    assert "Hemos recibido su solicitud" in text and "Maria Lopez" in text
    assert f"acuda a City Hall e indique su número {number}" in text
    print(f"\nwalk-in with receipt: {clerk.keys} keystrokes beyond the typed text")
