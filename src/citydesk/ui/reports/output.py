"""The Reports view's output: Save as PDF… (a copy of the generated file) and Print… (the system print
dialog, or, with no printer set up, the offer to save a PDF instead).

A mixin of `ReportsView` (kept apart so each file reads on its own): it uses the view's generated
report (`current`), its paper choice, its stage line and form, its signals `saved` and `printed`, and
its `_track` and `_announce`.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox

from citydesk.domain.errors import ValidationError
from citydesk.ui.reports.printing import PagePrinter, PrintOutcome, prepare_printer, printers_available
from citydesk.ui.tasks import readable


class ReportOutputMixin:
    """Save as PDF… and Print… of the Reports view (see the module docstring)."""

    current: Any
    busy: bool
    hub: Any
    paper: Any
    stage: Any
    form: Any
    print_button: Any
    saved: Any
    printed: Any
    _printer: Any
    _printer_device: Any
    # And the view's `tr`, `_track(dialog)` and `_announce(text)`.

    def save_as(self) -> None:
        """Ask where to save the PDF (a file dialog), then save it there."""
        if self.current is None or self.busy:
            return
        settings = QSettings()
        default_folder = settings.value("reports/folder") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        dialog = QFileDialog(self, self.tr("Save the report as a PDF"), str(default_folder))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF files (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(self.current.report.path.name)
        dialog.fileSelected.connect(lambda name: self.save_to(Path(name)))
        self._track(dialog)
        dialog.open()

    def save_to(self, target: Path) -> None:
        """Copy the generated PDF to `target` (in the background); `saved(path)` when done."""
        if self.current is None:
            return
        source = self.current.report.path
        target = Path(target)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")

        def copy() -> Path:
            from citydesk.reports import ReportError

            try:
                shutil.copyfile(source, target)
            except OSError as exc:
                text = QCoreApplication.translate("ReportsView", "The report was not saved to {0}: {1}.")
                raise ReportError(text.format(target, exc.strerror or exc), path=target) from exc
            return target

        self.hub.runner.read(copy, self._on_saved, self._on_save_error)

    def _on_saved(self, path: Path) -> None:
        QSettings().setValue("reports/folder", str(path.parent))
        self._announce(self.tr("Report saved to {0}").format(path))
        self.saved.emit(path)

    def _on_save_error(self, exc: BaseException) -> None:
        self.form.show_error(exc)
        self._announce(readable(exc))

    # ---- printing --------------------------------------------------------------------------------

    def print_report(self) -> None:
        """The system print dialog, then print; with no printer installed, say so and offer Save as PDF."""
        if self.current is None or self.busy:
            return
        if not printers_available():
            self._no_printer()
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self._prepare(printer)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the weekly report"))
        dialog.accepted.connect(lambda: self.print_on(printer))
        self._track(dialog)
        dialog.open()

    def _prepare(self, printer: QPrinter) -> None:
        assert self.current is not None
        report = self.current.report
        title = self.tr("Weekly report {0}").format(report.week_text)
        prepare_printer(printer, self.paper.currentData() or "letter", title)

    def _no_printer(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("No printer"),
            self.tr("No printer is set up on this PC, so the report cannot be printed here. "
                    "Save it as a PDF and print it from another PC, or set up a printer and try again."),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Close,
            self,
        )  # fmt: skip
        box.button(QMessageBox.StandardButton.Save).setText(self.tr("Save as PDF…"))
        box.accepted.connect(self.save_as)
        self._track(box)
        self._announce(self.tr("No printer is set up on this PC"))
        box.open()

    def print_on(self, printer: QPrinter, *, raster: bool = False) -> PagePrinter | None:
        """Print the generated report on `printer` (already set up); `printed(PrintOutcome)` when done.
        `raster` paints rendered pages even on a PDF file target (as for a real printer)."""
        if self.current is None:
            return None
        self._prepare(printer)
        job = PagePrinter(self.hub, self.current.report.path, printer, raster=raster, parent=self)
        job.progress.connect(
            lambda done, total: self.stage.setText(self.tr("Printing page {0} of {1}…").format(done, total))
        )
        job.finished.connect(self._on_printed)
        self._printer = job
        self._printer_device = printer  # kept alive until the job ends
        self.print_button.setEnabled(False)
        job.start()
        return job

    def _on_printed(self, outcome: PrintOutcome) -> None:
        self.print_button.setEnabled(self.current is not None)
        self._printer = None
        self.stage.setText(outcome.message)
        if not outcome.ok:
            self.form.show_error(ValidationError("print", outcome.message))
        self._announce(outcome.message)
        self.printed.emit(outcome)

