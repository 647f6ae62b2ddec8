"""Printing a report PDF on a QPrinter without QtPdf.

A printer whose target is a PDF file ("Print to file") gets the report itself, copied byte for
byte (sharper than any rendering and its text stays searchable). A real printer gets each page
rendered by pdfium at the printer's resolution (at most `MAX_PRINT_DPI`) and painted with QPainter
over the whole sheet, one page at a time: the rendering runs on a reader thread, the painting on
the GUI thread, so the window never freezes and only one page image is held at once.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRect, QRectF, Signal
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from citydesk.ui.app import CitydeskApp
from citydesk.ui.reports import pages
from citydesk.ui.tasks import readable

MAX_PRINT_DPI = 300


@dataclass(frozen=True, slots=True)
class PrintOutcome:
    """How a print job ended: `ok`, how many pages went out, and a message for the person."""

    ok: bool
    pages: int
    message: str


def printers_available() -> bool:
    """True if the system knows at least one printer (the outer edge tests may replace)."""
    return bool(QPrinterInfo.availablePrinters())


def prepare_printer(printer: QPrinter, page_size: str, title: str) -> None:
    """Paper size and orientation of the report, the whole sheet as the painter's area, a job name."""
    size = QPageSize(QPageSize.PageSizeId.A4 if page_size == "a4" else QPageSize.PageSizeId.Letter)
    printer.setPageSize(size)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setDocName(title)


def is_pdf_file_target(printer: QPrinter) -> bool:
    """True when the printer writes a PDF file rather than sending pages to a device."""
    return printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and bool(printer.outputFileName())


class PagePrinter(QObject):
    """Prints one PDF on one QPrinter; `finished(PrintOutcome)` when done or failed."""

    finished = Signal(object)  # PrintOutcome
    progress = Signal(int, int)  # pages painted, pages to paint

    def __init__(
        self,
        hub: CitydeskApp,
        pdf: Path,
        printer: QPrinter,
        *,
        raster: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.hub = hub
        self.pdf = Path(pdf)
        self.printer = printer
        self.raster = raster or not is_pdf_file_target(printer)
        self._painter: QPainter | None = None
        self._pages: list[int] = []
        self._done = 0

    def start(self) -> None:
        """Begin printing (returns at once; the work goes on in the background)."""
        if not self.raster:
            target = Path(self.printer.outputFileName())

            def copy() -> int:
                shutil.copyfile(self.pdf, target)
                return pages.page_count(target)

            self.hub.runner.read(copy, self._copied, self._failed)
            return
        self.hub.runner.read(lambda: pages.page_count(self.pdf), self._begin, self._failed)

    def _copied(self, count: int) -> None:
        self._finish(True, count, self.tr("Printed to {0}").format(self.printer.outputFileName()))

    def _begin(self, count: int) -> None:
        first, last = self.printer.fromPage(), self.printer.toPage()
        if first <= 0 or last <= 0:
            first, last = 1, count
        self._pages = [i for i in range(first - 1, min(last, count))]
        if not self._pages:
            self._finish(False, 0, self.tr("The chosen pages are not in the report."))
            return
        painter = QPainter()
        if not painter.begin(self.printer):
            name = self.printer.printerName() or self.tr("the printer")
            self._finish(False, 0, self.tr("Could not start printing on {0}.").format(name))
            return
        self._painter = painter
        self._next()

    def _next(self) -> None:
        index = self._pages[self._done]
        dpi = min(self.printer.resolution(), MAX_PRINT_DPI)
        self.hub.runner.read(lambda: pages.render_page(self.pdf, index, dpi), self._paint, self._failed)

    def _paint(self, image: QImage) -> None:
        painter = self._painter
        if painter is None:
            return
        if self._done:
            self.printer.newPage()
        sheet = QRectF(self.printer.pageLayout().fullRectPixels(self.printer.resolution()))
        scale = min(sheet.width() / image.width(), sheet.height() / image.height())
        width, height = image.width() * scale, image.height() * scale
        target = QRectF((sheet.width() - width) / 2, (sheet.height() - height) / 2, width, height)
        painter.drawImage(target, image, QRect(0, 0, image.width(), image.height()))
        self._done += 1
        self.progress.emit(self._done, len(self._pages))
        if self._done < len(self._pages):
            self._next()
            return
        painter.end()
        self._painter = None
        name = self.printer.printerName() or self.printer.outputFileName()
        self._finish(True, self._done, self.tr("{0} pages sent to {1}").format(self._done, name))

    def _failed(self, exc: BaseException) -> None:
        if self._painter is not None:
            self.printer.abort()  # nothing half-printed goes out
            self._painter.end()
            self._painter = None
        self._finish(False, self._done, self.tr("The report was not printed: {0}").format(readable(exc)))

    def _finish(self, ok: bool, count: int, message: str) -> None:
        self.finished.emit(PrintOutcome(ok, count, message))
