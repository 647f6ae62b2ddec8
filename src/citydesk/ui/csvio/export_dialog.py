"""File → Export tickets…: choose filters, a file name (save dialog), and export on a reader thread.

The export itself is `reports.csvio.export.export_tickets` (UTF-8 with BOM, one header row, city
time with offset, streamed in chunks); a progress bar follows it. "Public records" redacts
confidential requesters and leaves internal notes out, and the file says so in its last row.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from citydesk.reports.csvio.export import ExportSummary, export_tickets, make_filter
from citydesk.store.detail import Choice, departments
from citydesk.store.settings import load_calendar
from citydesk.ui.app import CitydeskApp
from citydesk.ui.forms import buttons_in_visual_order, chain_tab_order, set_error_text, style_error_label
from citydesk.ui.tasks import readable

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

STATES = (
    ("all", QT_TRANSLATE_NOOP("ExportDialog", "All tickets"), None),
    ("open", QT_TRANSLATE_NOOP("ExportDialog", "Open only"), True),
    ("closed", QT_TRANSLATE_NOOP("ExportDialog", "Resolved and closed only"), False),
)


class ExportDialog(QDialog):
    """Filters, then Export… (save dialog) with a progress bar."""

    exported = Signal(object)  # ExportSummary
    _progress = Signal(int, int)

    def __init__(self, hub: CitydeskApp, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.busy = False
        self.setWindowTitle(self.tr("Export tickets to a spreadsheet (CSV)"))
        self.setAccessibleName(self.tr("Export tickets"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.state = QComboBox()
        self.state.setAccessibleName(self.tr("Tickets"))
        self.state.setAccessibleDescription(self.tr("Which tickets to export"))
        for key, label, _value in STATES:
            self.state.addItem(self.tr(label), key)
        form.addRow(self.tr("&Tickets:"), self.state)
        self.department = QComboBox()
        self.department.setAccessibleName(self.tr("Department"))
        self.department.addItem(self.tr("All departments"), "")
        form.addRow(self.tr("&Department:"), self.department)
        self.dates = QGroupBox(self.tr("Only tickets &created between"))
        self.dates.setCheckable(True)
        self.dates.setChecked(False)
        self.dates.setAccessibleName(self.tr("Only tickets created between two days"))
        row = QHBoxLayout(self.dates)
        today = _qdate(hub.db.clock.now().date())  # until the city's day arrives (_set_today)
        self.date_from = QDateEdit(today.addDays(-30))
        self.date_to = QDateEdit(today)
        for edit, name in ((self.date_from, self.tr("First day")), (self.date_to, self.tr("Last day"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
        row.addWidget(self.date_from)
        row.addWidget(QLabel(self.tr("and")))
        row.addWidget(self.date_to)
        form.addRow(self.dates)
        self.public_records = QCheckBox(
            self.tr("&Public records: redact confidential requesters, no internal notes")
        )
        self.public_records.setAccessibleName(self.tr("Public-records export"))
        self.notes = QCheckBox(self.tr("Include the tickets' &notes"))
        self.notes.setAccessibleName(self.tr("Include notes"))
        form.addRow(self.public_records)
        form.addRow(self.notes)
        layout.addLayout(form)
        hint = QLabel(
            self.tr("UTF-8 CSV with one header row; dates are ISO 8601 in city time with the UTC offset.")
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Export progress"))
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.message = QLabel()
        style_error_label(self.message)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(
            self.tr("&Export…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setAccessibleName(self.tr("Export"))
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setAccessibleName(self.tr("Close"))
        self.buttons.accepted.connect(self.choose_target)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        chain_tab_order(buttons_in_visual_order(self.buttons))
        self._progress.connect(self._show_progress)
        self.hub.query(departments, self._fill_departments)
        now = hub.db.clock.now()
        self.hub.query(lambda session: now.astimezone(load_calendar(session).tz).date(), self._set_today)
        self.state.setFocus()

    def _set_today(self, today: date) -> None:
        """Default the date range to the 30 days up to today in the city."""
        self.date_from.setDate(_qdate(today).addDays(-30))
        self.date_to.setDate(_qdate(today))

    def _fill_departments(self, choices: list[Choice]) -> None:
        for choice in choices:
            self.department.addItem(choice.label, choice.id)

    def choose_target(self) -> None:
        """Ask where to save, then export."""
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export tickets"), "tickets.csv", self.tr("CSV files (*.csv)")
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        """Export with the chosen filters to `path` on a reader thread."""
        if self.busy:
            return
        open_only = next(v for k, _label, v in STATES if k == self.state.currentData())
        department_id = str(self.department.currentData() or "") or None
        first = last = None
        if self.dates.isChecked():
            first, last = _day(self.date_from.date()), _day(self.date_to.date())
        public, notes = self.public_records.isChecked(), self.notes.isChecked()
        now = self.hub.db.clock.now()

        def job(session: Session) -> ExportSummary:
            flt = make_filter(session, created_from=first, created_to=last, open_only=open_only)
            if department_id:
                flt = replace(flt, department_id=department_id)
            progress = self._progress.emit
            return export_tickets(
                session, path, flt, public_records=public, with_notes=notes, progress=progress, now=now
            )

        self.busy = True
        self.export_button.setEnabled(False)
        set_error_text(self.message, "")
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.summary.setText(self.tr("Exporting to {0}…").format(path))
        self.hub.query(job, self._done, self._failed)

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, summary: ExportSummary) -> None:
        self.busy = False
        self.export_button.setEnabled(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        text = self.tr("{0:,} tickets exported to {1}").format(summary.rows, summary.path)
        if summary.public_records:
            text += self.tr(" (public records: confidential requesters redacted, internal notes left out)")
        self.summary.setText(text)
        self.hub.announce.emit(text)
        self.exported.emit(summary)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.export_button.setEnabled(True)
        self.progress.setVisible(False)
        self.summary.setText("")
        set_error_text(self.message, readable(exc))
        self.hub.announce.emit(readable(exc))


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def open_export_dialog(hub: CitydeskApp, parent: QWidget | None = None) -> ExportDialog:
    """Show the export dialog (non-modal) and return it."""
    dialog = ExportDialog(hub, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
