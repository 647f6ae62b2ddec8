"""The Reports view with real widgets, a real SQLite office and real PDFs (checked with poppler).

Printing goes to a PDF printer target (QPrinter's PdfFormat, a file in tmp): no physical printer is
mocked. Whether the system has printers is the outer edge; one test replaces that check.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from helpers_detail import CTRL_SHIFT, open_main_window, unnamed_interactive
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox

from citydesk.domain.errors import PermissionDenied
from citydesk.services import tickets
from citydesk.services.report_schedule import report_schedule_state
from citydesk.ui.app import CitydeskApp
from citydesk.ui.reports import printing
from citydesk.ui.reports.menu import open_reports_view
from citydesk.ui.reports.schedule_bridge import stop_report_schedule
from citydesk.ui.reports.schedule_dialog import ScheduleDialog
from citydesk.ui.reports.view import ReportsView
from citydesk.ui.shell import MainWindow
from factories import Office

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None, reason="needs poppler-utils"
)
# Tuesday Nov 24, 2026, 09:00 in Chicago: the last full week is 2026-W47 (Nov 16-22).
NEXT_TUESDAY = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True)
    return " ".join(out.stdout.split())


def pdf_pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def ink_rows(path: Path, tmp: Path, page: int, name: str) -> set[int]:
    """The pixel rows (at 60 dpi, poppler) of one page that hold any dark ink: the page's layout."""
    command = ["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile"]
    subprocess.run([*command, str(path), str(tmp / name)], check=True)
    image = QImage(str(tmp / f"{name}.png")).convertToFormat(QImage.Format.Format_Grayscale8)
    return {
        y
        for y in range(image.height())
        if any(image.pixelColor(x, y).value() < 160 for x in range(image.width()))
    }


def overlap(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b)


@pytest.fixture
def week_of_work(office: Office) -> Office:
    """Five requests in 2026-W47, two of them resolved; then the clock moves to the next Tuesday."""
    ids = []
    for i, title in enumerate(("Pothole on Elm", "Streetlight out on Oak", "Pothole by the school",
                               "Łódź Street sign missing", "Password reset")):  # fmt: skip
        office.clock.advance(hours=5 + i)
        created = tickets.create_ticket(office.db, actor=office.clerk, title=title, channel="phone",
                                        category_id=office.pothole, requester_id=office.citizen)  # fmt: skip
        ids.append(created.ticket_id)
    for ticket_id in ids[:2]:
        office.clock.advance(hours=3)
        tickets.resolve(
            office.db, actor=office.tech, ticket_id=ticket_id, reason="done", public_note="Fixed."
        )
    office.clock.set(NEXT_TUESDAY)
    return office


def main_window(qtbot: Any, hub: CitydeskApp, office: Office, who: Any) -> MainWindow:
    win = open_main_window(qtbot, hub, who)
    return win


@pytest.fixture
def view(qtbot: Any, hub: CitydeskApp, week_of_work: Office) -> Iterator[ReportsView]:
    """The supervisor's Reports view, opened from the main window with Ctrl+Shift+W."""
    win = main_window(qtbot, hub, week_of_work, week_of_work.supervisor)
    assert win.reports_action.isEnabled() and win.reports_action.shortcut().toString() == "Ctrl+Shift+W"
    qtbot.keyClick(win, Qt.Key.Key_W, CTRL_SHIFT)
    qtbot.waitUntil(lambda: win.findChild(ReportsView) is not None)
    opened = win.findChild(ReportsView)
    qtbot.waitUntil(lambda: opened.setup is not None)
    yield opened
    stop_report_schedule(hub)
    if opened.active_dialog is not None:
        opened.active_dialog.close()
    opened.close()
    win.close()


def generate(qtbot: Any, view: ReportsView) -> Any:
    with qtbot.waitSignal(view.generated, timeout=60_000) as blocker:
        qtbot.mouseClick(view.generate_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def test_generate_preview_save_and_print(qtbot: Any, view: ReportsView, tmp_path: Path) -> None:
    assert (view.year.value(), view.week.value()) == (2026, 47)  # the last full week, city time
    assert view.scope.currentData() == "city" and "Nov 16" in view.week_dates.text()
    assert unnamed_interactive(view) == []
    assert not view.print_button.isEnabled() and not view.save_button.isEnabled()
    steps: list[tuple[int, int, str]] = []
    view._relay.progress.connect(lambda p: steps.append((p.done, p.total, p.stage)))

    result = generate(qtbot, view)

    # Progress came from the generator, stage by stage, and ended full.
    assert (
        [s[0] for s in steps] == sorted(s[0] for s in steps) and steps[0][0] == 0 and steps[-1][:2] == (7, 7)
    )
    assert {"Reading the week's figures…", "Drawing the charts…", "Rendering the preview…"} <= {
        s[2] for s in steps
    }
    assert view.progress.value() == view.progress.maximum() == 7
    # The preview shows every page of the PDF.
    pdf = result.report.path
    count = pdf_pages(pdf)
    assert count >= 3 and len(view.page_labels) == count
    assert view.page_count_label.text() == f"{count} pages"
    for number, label in enumerate(view.page_labels, start=1):
        assert not label.pixmap().isNull() and label.pixmap().width() == 816  # Letter at 96 dpi
        assert label.accessibleName() == f"Page {number} of {count}"
    text = pdf_text(pdf)
    assert "2026-W47" in text and "City of Testville" in text and "5 requests came in" in text
    assert view.print_button.isEnabled() and view.save_button.isEnabled()

    # Save as PDF…: the file dialog, then the copy.
    target = tmp_path / "saved" / "week-47.pdf"
    target.parent.mkdir()
    qtbot.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(view.active_dialog, QFileDialog))
    dialog = view.active_dialog
    assert dialog.selectedFiles()[0].endswith("weekly-report-2026-W47-city.pdf")
    with qtbot.waitSignal(view.saved, timeout=10_000) as saved:
        dialog.selectFile(str(target))
        dialog.accept()
    assert saved.args[0] == target and pdf_text(target) == text

    # Print to a PDF printer target: the report itself, text intact.
    printed_file = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed_file))
    with qtbot.waitSignal(view.printed, timeout=30_000) as printed:
        view.print_on(printer)
    assert printed.args[0].ok and printed.args[0].pages == count
    assert pdf_pages(printed_file) == count and pdf_text(printed_file) == text


def test_pages_painted_on_a_printer(qtbot: Any, view: ReportsView, tmp_path: Path) -> None:
    """What a real printer gets: each page rendered at the printer's resolution and painted on the sheet
    (here onto a PDF printer target, so the result can be checked)."""
    result = generate(qtbot, view)
    painted = tmp_path / "painted.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(painted))
    with qtbot.waitSignal(view.printed, timeout=60_000) as printed:
        view.print_on(printer, raster=True)
    count = len(view.page_labels)
    assert printed.args[0].ok and printed.args[0].pages == count
    assert pdf_pages(painted) == count
    info = subprocess.run(["pdfinfo", str(painted)], check=True, capture_output=True, text=True).stdout
    assert "612 x 792 pts" in info  # Letter, the whole sheet
    original = ink_rows(result.report.path, tmp_path, 1, "original")
    same = overlap(original, ink_rows(painted, tmp_path, 1, "painted"))
    # The painted sheet has the page's lines where the report has them (light grey rules fall either side
    # of the threshold, so not all) ...
    assert same > 0.7, same
    # ... and the comparison tells pages apart.
    assert overlap(original, ink_rows(result.report.path, tmp_path, 2, "other")) < same - 0.25


def test_no_printer_says_so_and_offers_the_pdf(
    qtbot: Any, view: ReportsView, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The system's printer list is the outer edge: it is made empty here."""
    monkeypatch.setattr(printing.QPrinterInfo, "availablePrinters", staticmethod(lambda: []))
    monkeypatch.setattr("citydesk.ui.reports.output.printers_available", printing.printers_available)
    generate(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(view.active_dialog, QMessageBox))
    box = view.active_dialog
    assert "No printer is set up on this PC" in box.text()
    box.button(QMessageBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: isinstance(view.active_dialog, QFileDialog))


def test_a_future_week_is_refused(qtbot: Any, view: ReportsView) -> None:
    view.set_week(2026, 50)
    qtbot.mouseClick(view.generate_button, Qt.MouseButton.LeftButton)
    message = view.form.error_for("week")
    assert "2026-W50 is in the future" in message and "Choose 2026-W48" in message
    assert view.current is None and view.page_labels == [] and not view.busy
    assert view.progress.value() == 0 and view.generate_button.isEnabled()  # nothing was started
    view.set_week(2026, 48)  # this week, so far: allowed
    result = generate(qtbot, view)
    assert result.report.week_text == "2026-W48" and view.form.error_for("week") == ""


def test_a_department_and_a4(qtbot: Any, view: ReportsView) -> None:
    view.set_scope("department:PW")
    view.paper.setCurrentIndex(view.paper.findData("a4"))
    result = generate(qtbot, view)
    assert result.report.scope_name == "Public Works"
    info = subprocess.run(["pdfinfo", str(result.report.path)], check=True, capture_output=True, text=True)
    assert "595.276 x 841.89 pts (A4)" in info.stdout
    assert view.page_labels[0].pixmap().width() == 794  # A4 at 96 dpi


def test_a_clerk_cannot_open_it(qtbot: Any, hub: CitydeskApp, week_of_work: Office) -> None:
    win = main_window(qtbot, hub, week_of_work, week_of_work.clerk)
    assert not win.reports_action.isEnabled()
    qtbot.keyClick(win, Qt.Key.Key_W, CTRL_SHIFT)
    assert open_reports_view(win, hub) is None
    assert win.findChild(ReportsView) is None
    assert "Only supervisors and admins" in win.message.text()
    with pytest.raises(PermissionDenied):
        ReportsView(hub)
    win.close()


def test_schedule_settings_and_catch_up(qtbot: Any, view: ReportsView, tmp_path: Path) -> None:
    hub = view.hub
    qtbot.mouseClick(view.schedule_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(view.active_dialog, ScheduleDialog))
    dialog = view.active_dialog
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        pass
    assert not dialog.enabled.isChecked() and dialog.time.time().toString("HH:mm") == "07:00"
    assert dialog.weekday.currentText() == "Monday" and not dialog.folder.isEnabled()
    assert unnamed_interactive(dialog) == []
    dialog.enabled.setChecked(True)
    dialog.folder.setText(str(tmp_path / "missing"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.form.error_for("folder") != "")
    assert "does not exist" in dialog.form.error_for("folder") and dialog.isVisible()
    assert report_schedule_state(hub.db).schedule.enabled is False  # nothing saved
    folder = tmp_path / "weekly"
    folder.mkdir()
    dialog.folder.setText(str(folder))
    # Saving applies the schedule; it is Tuesday and last week's report was due Monday 07:00: catch-up.
    with qtbot.waitSignal(
        hub.notice, timeout=60_000, check_params_cb=lambda n: "was written" in n.text
    ) as note:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "2026-W47" in note.args[0].text
    assert [p.name for p in folder.iterdir()] == ["weekly-report-2026-W47-city.pdf"]
    state = report_schedule_state(hub.db)
    assert state.schedule.enabled and state.schedule.folder == str(folder) and state.last_week == (2026, 47)
