"""Printing the receipt slip: the system print dialog, or Save as PDF, on half a page or an 80 mm roll.

`offer_receipt(hub, parent, ticket_id)` opens the receipt dialog for a ticket (the New request dialog
calls it after saving; the detail pane's "Print receipt…" (Ctrl+P) reprints). The slip is laid out
once by `citydesk.reports.receipt.slip_layout` and drawn either by ReportLab (the PDF) or by
`paint_slip` with QPainter (the printer and the preview), so both show the same lines in the same
places. The chosen paper is remembered per PC (QSettings "receipt/layout").

A PC with no printer, or a printer that cannot be opened, gets a clear message and the Save as PDF
button in focus: the slip can always be saved and printed elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLocale,
    QMarginsF,
    QPointF,
    QSettings,
    QSizeF,
    QStandardPaths,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QPixmap,
    QShortcut,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from citydesk.domain.channels import LANGUAGES
from citydesk.reports.fonts import FAMILY
from citydesk.ui.app import CitydeskApp
from citydesk.ui.forms import chain_tab_order, set_error_text, style_error_label
from citydesk.ui.tasks import readable
from citydesk.ui.words import language_label

LAYOUT_SETTING = "receipt/layout"
PREVIEW_WIDTH = 440
_fonts_loaded = False


PAPER_LABELS = {
    "half_letter": QT_TRANSLATE_NOOP("ReceiptDialog", "Half page, Letter"),
    "half_a4": QT_TRANSLATE_NOOP("ReceiptDialog", "Half page, A4"),
    "thermal_80": QT_TRANSLATE_NOOP("ReceiptDialog", "80 mm receipt printer"),
}


def _layouts() -> Any:
    from citydesk.reports.receipt import Layout

    return Layout


def ensure_fonts() -> None:
    """Make the shipped DejaVu Sans available to Qt (the PDF uses the same font files)."""
    global _fonts_loaded
    if _fonts_loaded:
        return
    from citydesk.reports.fonts import font_files

    for path in font_files():
        if path.is_file():
            QFontDatabase.addApplicationFont(str(path))
    _fonts_loaded = True


def paint_slip(painter: QPainter, slip: Any, *, dpi: float) -> None:
    """Draw a laid-out slip (points, top-left origin) on a painter whose device has `dpi` dots per inch."""
    ensure_fonts()
    scale = dpi / 72.0
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.setPen(QColor("black"))
    for run in slip.runs:
        font = QFont(FAMILY)
        font.setBold(run.bold)
        font.setPointSizeF(run.size)
        painter.setFont(font)
        painter.drawText(QPointF(run.x * scale, run.y * scale), run.text)
    for rule in slip.rules:
        pen = QPen(QColor("black"))
        pen.setWidthF(0.6 * scale)
        if rule.dashed:
            pen.setDashPattern([4 / 0.6, 3 / 0.6])
        painter.setPen(pen)
        painter.drawLine(QPointF(rule.x1 * scale, rule.y * scale), QPointF(rule.x2 * scale, rule.y * scale))
    painter.restore()


def slip_image(slip: Any, *, dpi: float = 96.0, crop_to: float | None = None) -> QImage:
    """The slip drawn on a white image (the preview); `crop_to` cuts the page at that height in points."""
    height = min(slip.height, crop_to) if crop_to else slip.height
    image = QImage(int(slip.width * dpi / 72) + 1, int(height * dpi / 72) + 1, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(int(dpi / 0.0254))
    image.setDotsPerMeterY(int(dpi / 0.0254))
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_slip(painter, slip, dpi=dpi)
    painter.end()
    return image


def preview_pixmap(slip: Any, width: int) -> QPixmap:
    """The slip as a picture `width` pixels wide (a half page shows only its top half, the slip)."""
    half_page = slip.width > 300
    image = slip_image(slip, dpi=144.0, crop_to=slip.height / 2 if half_page else None)
    if not half_page:
        width = min(width, int(slip.width * 1.6))
    scaled = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    return QPixmap.fromImage(scaled)


def configure_printer(printer: QPrinter, slip: Any) -> None:
    """Paper for the slip: Letter or A4 (the slip fills its top half), or an 80 mm roll cut to length."""
    printer.setFullPage(True)
    match = QPageSize.SizeMatchPolicy
    policy = match.FuzzyMatch if slip.width > 300 else match.ExactMatch
    size = QPageSize(QSizeF(slip.width, slip.height), QPageSize.Unit.Point, "citydesk receipt", policy)
    printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    printer.setDocName(slip.title)


def print_slip(printer: QPrinter, slip: Any) -> bool:
    """Draw the slip on the printer; False if the printer cannot be opened."""
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        paint_slip(painter, slip, dpi=float(printer.resolution()))
    finally:
        painter.end()
    return True


class ReceiptDialog(QDialog):
    """Preview the slip, choose the paper and language, then print it or save it as a PDF.

    The outer edges are attributes so tests can stand in for them: `printer_names()` (the installed
    printers), `choose_printer(printer)` (the system print dialog) and `choose_pdf_path(name)` (the
    save dialog).
    """

    def __init__(
        self,
        hub: CitydeskApp,
        ticket_id: str,
        parent: QWidget | None = None,
        *,
        requester_id: str | None = None,
        newest_reporter: bool = False,
    ) -> None:
        super().__init__(parent)
        self.hub = hub
        self.ticket_id = ticket_id
        self.requester_id = requester_id
        self.newest_reporter = newest_reporter
        self.data: Any = None
        self.slip: Any = None
        self.saved_path: Path | None = None
        self._seq = 0
        self.printer_names: Callable[[], list[str]] = QPrinterInfo.availablePrinterNames
        self.choose_printer: Callable[[QPrinter], bool] = self._system_print_dialog
        self.choose_pdf_path: Callable[[str], str | None] = self._save_dialog
        self.setWindowTitle(self.tr("Receipt"))
        self.setAccessibleName(self.tr("Receipt"))
        self._build()
        self._load(language=None)

    # ---- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QHBoxLayout(self)
        self.preview = QLabel(self.tr("Preparing the receipt…"))
        self.preview.setAccessibleName(self.tr("Receipt preview"))
        self.preview.setMinimumSize(PREVIEW_WIDTH + 20, 440)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.preview.setStyleSheet("background: #e8e8e8; padding: 8px;")
        layout.addWidget(self.preview, 1)
        side = QVBoxLayout()
        form = QFormLayout()
        self.paper = QComboBox()
        self.paper.setAccessibleName(self.tr("Paper"))
        for item in _layouts():
            self.paper.addItem(
                QCoreApplication.translate("ReceiptDialog", PAPER_LABELS.get(item.value, item.label)),
                item.value,
            )
        remembered = QSettings().value(LAYOUT_SETTING, "half_letter")
        self.paper.setCurrentIndex(max(0, self.paper.findData(remembered)))
        self.paper.currentIndexChanged.connect(self._paper_changed)
        paper_label = QLabel(self.tr("P&aper:"))
        paper_label.setBuddy(self.paper)
        form.addRow(paper_label, self.paper)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language of the receipt"))
        for code in LANGUAGES:
            self.language.addItem(language_label(code), code)
        self.language.currentIndexChanged.connect(lambda _i: self._load(language=self.language.currentData()))
        language_caption = QLabel(self.tr("&Language:"))
        language_caption.setBuddy(self.language)
        form.addRow(language_caption, self.language)
        side.addLayout(form)
        self.message = QLabel()
        style_error_label(self.message)
        side.addWidget(self.message)
        side.addStretch(1)
        self.buttons = QDialogButtonBox()
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setAccessibleName(self.tr("Print the receipt"))
        self.print_button.setToolTip(self.tr("Ctrl+P"))
        self.pdf_button = QPushButton(self.tr("Save as P&DF…"))
        self.pdf_button.setAccessibleName(self.tr("Save the receipt as PDF"))
        self.pdf_button.setToolTip(self.tr("Ctrl+S"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        for button in (self.print_button, self.pdf_button, self.close_button):
            button.setEnabled(button is self.close_button)
            side.addWidget(button)
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_receipt)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_receipt)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save_pdf)
        layout.addLayout(side)
        # In visual order (Print keeps the focus when the dialog opens: Enter prints).
        chain_tab_order([self.paper, self.language, self.print_button, self.pdf_button, self.close_button])

    # ---- loading -------------------------------------------------------------------------------

    @property
    def layout_choice(self) -> str:
        """The chosen paper ("half_letter", "half_a4", "thermal_80")."""
        return str(self.paper.currentData())

    def _paper_changed(self) -> None:
        QSettings().setValue(LAYOUT_SETTING, self.layout_choice)
        self._load(language=self.data.language if self.data else None)

    def _load(self, *, language: str | None) -> None:
        from citydesk.reports.receipt import slip_layout
        from citydesk.store.receipts import receipt_data

        self._seq += 1
        seq, ticket_id, requester_id = self._seq, self.ticket_id, self.requester_id
        layout, newest = self.layout_choice, self.newest_reporter

        def job(session: Any) -> tuple[Any, Any]:
            data = receipt_data(session, ticket_id, requester_id=requester_id, language=language,
                                newest_reporter=newest)  # fmt: skip
            return data, slip_layout(data, layout)

        self.hub.query(job, lambda result: isValid(self) and self._loaded(seq, result),
                       lambda exc: isValid(self) and self._failed(seq, exc))  # fmt: skip

    def _loaded(self, seq: int, result: tuple[Any, Any]) -> None:
        if seq != self._seq:
            return
        self.data, self.slip = result
        self.setWindowTitle(self.tr("Receipt — {0}").format(self.data.number))
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(self.data.language)))
        self.language.blockSignals(False)
        self.preview.setPixmap(preview_pixmap(self.slip, PREVIEW_WIDTH))
        self.preview.setAccessibleDescription(self.slip.plain_text())
        self.preview.setLocale(QLocale(self.slip.language))  # the slip speaks the requester's language
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(True)
        if not self.message.text():
            self.print_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, seq: int, exc: BaseException) -> None:
        if seq == self._seq:
            self.show_message(readable(exc))

    def show_message(self, text: str) -> None:
        """Show a message (an error, or what to do instead) above the buttons."""
        set_error_text(self.message, text)

    # ---- printing ------------------------------------------------------------------------------

    def print_receipt(self) -> None:
        """Print through the system print dialog; with no usable printer, say so and offer the PDF."""
        if self.slip is None:
            return
        self.show_message("")
        if not self.printer_names():
            self._offer_pdf(
                self.tr("No printer is set up on this PC. Save the receipt as a PDF instead (Ctrl+S) and "
                        "print it from another PC or hand it over by e-mail.")
            )  # fmt: skip
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure_printer(printer, self.slip)
        if not self.choose_printer(printer):
            return
        name = printer.printerName() or printer.outputFileName()
        if not print_slip(printer, self.slip):
            self._offer_pdf(self.tr("The printer {0} could not be used (is it switched on and connected?). "
                                    "Save the receipt as a PDF instead (Ctrl+S).").format(name))  # fmt: skip
            return
        self.hub.announce.emit(self.tr("Receipt for {0} sent to {1}").format(self.data.number, name))
        self.accept()

    def _offer_pdf(self, text: str) -> None:
        self.show_message(text)
        self.hub.announce.emit(text)
        self.pdf_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _system_print_dialog(self, printer: QPrinter) -> bool:
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print receipt {0}").format(self.data.number))
        return dialog.exec() == QDialog.DialogCode.Accepted

    # ---- PDF -----------------------------------------------------------------------------------

    def default_pdf_name(self) -> str:
        """Where Save as PDF proposes to write: the Documents folder, named after the number."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return str(Path(folder or Path.home()) / f"receipt-{self.data.number}.pdf")

    def _save_dialog(self, suggested: str) -> str | None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the receipt as PDF"), suggested, self.tr("PDF files (*.pdf)")
        )
        if path and not path.lower().endswith(".pdf"):
            path += ".pdf"
        return path or None

    def save_pdf(self) -> None:
        """Ask where, then write the slip as a PDF (off the GUI thread); the path is announced."""
        if self.data is None:
            return
        path = self.choose_pdf_path(self.default_pdf_name())
        if not path:
            return
        from citydesk.reports.receipt import write_receipt_pdf

        data, layout = self.data, self.layout_choice
        self.pdf_button.setEnabled(False)

        def done(written: Path) -> None:
            self.hub.announce.emit(self.tr("Receipt for {0} saved to {1}").format(data.number, written))
            if not isValid(self):
                return
            self.pdf_button.setEnabled(True)
            self.saved_path = written
            self.accept()

        def failed(exc: BaseException) -> None:
            if not isValid(self):
                self.hub.error.emit(readable(exc))
                return
            self.pdf_button.setEnabled(True)
            self.show_message(readable(exc))

        self.hub.runner.read(lambda: write_receipt_pdf(data, layout, path), done, failed)


def offer_receipt(
    hub: CitydeskApp,
    parent: QWidget | None,
    ticket_id: str,
    *,
    requester_id: str | None = None,
    newest_reporter: bool = False,
) -> ReceiptDialog:
    """Open the receipt dialog for a ticket (window-modal; it deletes itself when closed)."""
    dialog = ReceiptDialog(hub, ticket_id, parent, requester_id=requester_id, newest_reporter=newest_reporter)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    if parent is not None:  # give the keyboard back to the form (not every platform does)
        window = parent.window()
        dialog.finished.connect(lambda _code: window.isVisible() and window.activateWindow())
    dialog.open()
    return dialog


def connect_intake(hub: CitydeskApp, intake: Any) -> None:
    """Offer the slip when the New request dialog asks for it (its Print receipt…, Ctrl+P), for the
    caller just served: the new ticket's requester, or the caller added to a reported problem."""

    def offer(ticket_id: str) -> None:
        intake.receipt_dialog = offer_receipt(hub, intake, ticket_id, newest_reporter=True)

    intake.receipt_dialog = None
    intake.receipt_requested.connect(offer)


def receipt_for_view(hub: CitydeskApp, view: Any, parent: QWidget | None = None) -> ReceiptDialog:
    """The receipt dialog for the ticket the detail pane shows (its `open_dialog` factory)."""
    return ReceiptDialog(hub, view.detail.id, parent)
