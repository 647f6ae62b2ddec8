"""Printing the receipt from the ticket detail pane: a PDF printer target (the printer is the outer
edge and stands in for the system print dialog), Save as PDF, no printer, remembered paper."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers_detail import (
    CTRL,
    focused,
    new_ticket,
    open_by_key,
    press,
    show,
    sign_in,
    unnamed_interactive,
)
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPrintSupport import QPrinter

from citydesk.ui.app import CitydeskApp
from citydesk.ui.counter.receipt import ReceiptDialog
from citydesk.ui.detail import TicketDetailPane
from factories import Office
from receipt_helpers import needs_poppler, pdf_page_size, pdf_text

pytestmark = needs_poppler


def pdf_printer(path: Path) -> Any:
    """Stands in for the system print dialog: the user picks a printer that writes a PDF file."""

    def choose(printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return True

    return choose


def open_receipt(qtbot: Any, pane: TicketDetailPane, hub: CitydeskApp, office: Office, **extra: Any) -> Any:
    sign_in(hub, office.clerk)
    created = new_ticket(office, **extra)
    show(qtbot, pane, created.ticket_id)
    dialog = open_by_key(qtbot, pane, Qt.Key.Key_P, CTRL, ReceiptDialog)
    qtbot.waitUntil(lambda: dialog.slip is not None and dialog.print_button.isEnabled())
    return dialog, created


@pytest.fixture(autouse=True)
def _fresh_settings() -> None:
    QSettings().remove("receipt/layout")


def test_reprint_from_the_ticket_to_a_pdf_printer_in_spanish(
    qtbot: Any, pane: TicketDetailPane, hub: CitydeskApp, office: Office, tmp_path: Path
) -> None:
    dialog, created = open_receipt(qtbot, pane, hub, office, requester_id=office.spanish_citizen)
    assert dialog.language.currentData() == "es"
    dialog.printer_names = lambda: ["Counter printer"]
    out = tmp_path / "printed.pdf"
    dialog.choose_printer = pdf_printer(out)
    assert focused() is dialog.print_button
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        press(qtbot, Qt.Key.Key_Return)  # Print… is the default button
    text = pdf_text(out)
    assert created.number in text
    assert "Hemos recibido su solicitud" in text and "lunes, 23 de noviembre de 2026" in text
    assert pdf_page_size(out) == pytest.approx((612, 792), abs=1)
    assert pane.message.text() == ""


def test_thermal_roll_chosen_by_keyboard_is_remembered(
    qtbot: Any, pane: TicketDetailPane, hub: CitydeskApp, office: Office, tmp_path: Path
) -> None:
    dialog, created = open_receipt(qtbot, pane, hub, office)
    dialog.paper.setFocus()
    press(qtbot, Qt.Key.Key_End)  # the last choice: 80 mm receipt printer
    assert dialog.layout_choice == "thermal_80"
    qtbot.waitUntil(lambda: dialog.slip is not None and dialog.slip.width < 300)
    dialog.printer_names = lambda: ["Receipt printer"]
    out = tmp_path / "roll.pdf"
    dialog.choose_printer = pdf_printer(out)
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        press(qtbot, Qt.Key.Key_P, CTRL)
    width, height = pdf_page_size(out)
    assert width == pytest.approx(226.8, abs=1.5) and height < 600
    assert created.number in pdf_text(out) and "Monday, November 23, 2026" in pdf_text(out)
    qtbot.waitUntil(lambda: pane.active_dialog is None)
    again = open_by_key(qtbot, pane, Qt.Key.Key_P, CTRL, ReceiptDialog)
    assert again.layout_choice == "thermal_80"


def test_no_printer_says_so_and_the_pdf_is_offered(
    qtbot: Any, pane: TicketDetailPane, hub: CitydeskApp, office: Office, tmp_path: Path
) -> None:
    dialog, created = open_receipt(qtbot, pane, hub, office, requester_id=office.spanish_citizen)
    dialog.printer_names = lambda: []
    asked: list[QPrinter] = []
    dialog.choose_printer = lambda printer: bool(asked.append(printer))
    press(qtbot, Qt.Key.Key_P, CTRL)
    assert "No printer is set up on this PC" in dialog.message.text()
    assert dialog.message.isVisible() and not asked
    assert focused() is dialog.pdf_button
    out = tmp_path / "saved.pdf"
    suggested_names: list[str] = []
    dialog.choose_pdf_path = lambda suggested: suggested_names.append(suggested) or str(out)
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        press(qtbot, Qt.Key.Key_Return)  # the focused Save as PDF button
    assert dialog.saved_path == out
    assert suggested_names and suggested_names[0].endswith(f"receipt-{created.number}.pdf")
    text = pdf_text(out)
    assert created.number in text and "Fecha prevista de finalización" in text


def test_a_printer_that_cannot_be_opened_offers_the_pdf(
    qtbot: Any, pane: TicketDetailPane, hub: CitydeskApp, office: Office, tmp_path: Path
) -> None:
    dialog, _created = open_receipt(qtbot, pane, hub, office)
    dialog.printer_names = lambda: ["Gone printer"]
    dialog.choose_printer = pdf_printer(tmp_path / "no such folder" / "x.pdf")
    press(qtbot, Qt.Key.Key_P, CTRL)
    assert "could not be used" in dialog.message.text()
    assert focused() is dialog.pdf_button and dialog.isVisible()


def test_receipt_dialog_widgets_are_named(
    qtbot: Any, pane: TicketDetailPane, hub: CitydeskApp, office: Office
) -> None:
    dialog, _created = open_receipt(qtbot, pane, hub, office)
    missing = unnamed_interactive(dialog)
    assert not missing, "interactive widgets without an accessible name: " + ", ".join(missing)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: pane.active_dialog is None)
