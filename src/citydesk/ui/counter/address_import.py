"""File → Import addresses… (admins): choose a CSV, check it all, import it all or nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from citydesk.domain.csvfile import CsvProblems
from citydesk.services.addresses import ImportSummary, import_addresses
from citydesk.ui.app import CitydeskApp
from citydesk.ui.tasks import readable


def tr(text: str) -> str:
    """Translate `text` in the address import's context."""
    return QCoreApplication.translate("AddressImport", text)


def choose_address_file(parent: QWidget | None) -> Path | None:
    """Ask for the CSV file (None when cancelled)."""
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        tr("Import the city's address list"),
        "",
        tr("CSV files (*.csv *.txt);;All files (*)"),
    )
    return Path(name) if name else None


def problems_text(exc: BaseException) -> str:
    """The message for a refused file: every problem on its own line."""
    if isinstance(exc, CsvProblems):
        lines = [p.text() for p in exc.problems[:30]]
        more = len(exc.problems) - len(lines)
        return (
            tr("Nothing was imported. Fix these rows and import again:")
            + "\n\n"
            + "\n".join(lines)
            + ("\n" + tr("… and {0} more.").format(more) if more > 0 else "")
        )
    return readable(exc)


def import_address_file(hub: CitydeskApp, parent: QWidget | None, path: Path | None = None) -> None:
    """Import `path` (asked for when None) on the writer thread; the outcome is announced or shown."""
    path = path or choose_address_file(parent)
    if path is None:
        return

    def done(summary: ImportSummary) -> None:
        hub.announce.emit(summary.describe())
        hub.data_changed.emit()
        if summary.notice:  # read as Windows-1252: ask to check the accented letters
            box = QMessageBox(QMessageBox.Icon.Information, "citydesk", summary.notice, parent=parent)
            box.setAccessibleName(tr("Address import notice"))
            box.open()

    def failed(exc: BaseException) -> None:
        hub.announce.emit(tr("The address list was not imported."))
        box = QMessageBox(QMessageBox.Icon.Warning, "citydesk", problems_text(exc), parent=parent)
        box.setAccessibleName(tr("Address import problems"))
        box.open()

    hub.mutate(import_addresses, path=path, on_done=done, on_error=failed)
