"""The Sync by file dialog: write this PC's changes to a file for city hall, read the reply carried back.

Writing runs on the task runner's writer thread; reading runs on its HTTP pool (reading a USB stick and
checking the signature) with each page's transaction submitted to the writer thread, so the window never
waits. Progress arrives through signals (queued onto the GUI thread); each committed page refreshes the
views through the hub's `tickets_pulled`. Closing the dialog while a reply is read stops between pages:
what was read so far is kept, and reading the same reply again finishes it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from citydesk.services.file_sync import (
    FileSyncStatus,
    ReplyRead,
    RequestWritten,
    enable_file_sync_here,
    read_sync_reply,
    sync_file_status,
    write_sync_file,
)
from citydesk.ui.error_words import error_text
from citydesk.ui.events import TicketsPulled
from citydesk.ui.tasks import readable

if TYPE_CHECKING:
    from citydesk.ui.app import CitydeskApp


class SyncFileDialog(QDialog):
    """Write the file for city hall; read the reply (see the module docstring)."""

    progressed = Signal(str, int, int)  # phase, pages done, pages in all (from the worker thread)
    page_committed = Signal(object)  # frozenset of ticket ids (from the worker thread)

    def __init__(self, hub: CitydeskApp, parent: QWidget | None = None) -> None:
        """Build the dialog on `hub` and ask for this PC's file-sync status."""
        super().__init__(parent)
        self.hub = hub
        self.status: FileSyncStatus | None = None
        self.busy = False
        self.cancelled = False
        self.setWindowTitle(self.tr("Sync by file"))
        self.setAccessibleName(self.tr("Sync by file"))
        self.intro = QLabel(
            self.tr(
                "Use this when this office has no connection to the city's server.\n"
                "1. Write this PC's changes to a file on a USB stick.\n"
                "2. Take the stick to city hall; the administrator gives you a reply file on it.\n"
                "3. Back here, read the reply: it brings everyone else's changes."
            )
        )
        self.intro.setWordWrap(True)
        self.state_label = QLabel(self.tr("Checking this PC…"))
        self.state_label.setWordWrap(True)
        self.state_label.setAccessibleName(self.tr("Status"))
        self.http_client: Any = None  # tests: the in-process server's client
        self.enable_button = QPushButton(self.tr("&Set up this PC for sync by file"))
        self.enable_button.setAccessibleName(self.tr("Set up this PC for sync by file"))
        self.enable_button.setAccessibleDescription(
            self.tr("While connected, registers this PC with the city's server for sync by file")
        )
        self.enable_button.setVisible(False)
        self.write_button = QPushButton(self.tr("&Write file for city hall…"))
        self.write_button.setAccessibleName(self.tr("Write file for city hall"))
        self.write_button.setAccessibleDescription(self.tr("Saves this PC's unsent changes to a file"))
        self.read_button = QPushButton(self.tr("&Read reply from city hall…"))
        self.read_button.setAccessibleName(self.tr("Read reply from city hall"))
        self.read_button.setAccessibleDescription(self.tr("Applies the reply file the server wrote"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Progress reading the reply"))
        self.progress.setVisible(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Result"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                             | Qt.TextInteractionFlag.TextSelectableByMouse)  # fmt: skip
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("&Close"))
        close.setAccessibleName(self.tr("Close"))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.state_label, self.enable_button, self.write_button, self.read_button,
                       self.progress, self.message):  # fmt: skip
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        QWidget.setTabOrder(self.enable_button, self.write_button)
        QWidget.setTabOrder(self.write_button, self.read_button)
        QWidget.setTabOrder(self.read_button, close)
        self.enable_button.clicked.connect(self.enable)
        self.write_button.clicked.connect(self.choose_target)
        self.read_button.clicked.connect(self.choose_source)
        self.progressed.connect(self._on_progress)
        self.page_committed.connect(self._on_page)
        self.resize(560, 330)
        self._set_busy(False)
        self.refresh()

    # ---- status ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Ask for this PC's file-sync status (off the GUI thread)."""
        db = self.hub.db
        self.hub.runner.read(lambda: sync_file_status(db), self._show_status, self._show_error)

    def _show_status(self, status: FileSyncStatus) -> None:
        self.status = status
        if not status.ready and status.connected:
            self.state_label.setText(
                self.tr(
                    "This PC is not set up for sync by file yet. While it is connected to the city's server, "
                    "set it up now; then it can carry its changes on a USB stick when the network is down."
                )
            )
        elif not status.ready:
            self.state_label.setText(
                self.tr(
                    "This PC is not set up for sync by file. Ask the city's administrator for an enrolment "
                    "file for it."
                )
            )
        else:
            lines = [self._count(status.pending, self.tr("Nothing on this PC waits to be sent."),
                                 self.tr("1 change on this PC waits to be sent."),
                                 self.tr("{0} changes on this PC wait to be sent."))]  # fmt: skip
            if status.first_exchange:
                lines.append(self.tr("The first reply brings a full copy of the city's data."))
            if status.last_written_at:
                lines.append(self.tr("Last file written: {0}").format(_when(status.last_written_at)))
            if status.last_read_at:
                lines.append(self.tr("Last reply read: {0}").format(_when(status.last_read_at)))
            self.state_label.setText("\n".join(lines))
        self._set_busy(self.busy)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        ready = self.status is not None and self.status.ready
        self.write_button.setEnabled(ready and not busy)
        can_enable = self.status is not None and not ready and self.status.connected
        self.enable_button.setVisible(can_enable)
        self.enable_button.setEnabled(can_enable and not busy)
        self.read_button.setEnabled(ready and not busy)

    # ---- setting up (a connected PC) ----------------------------------------------------------------

    def enable(self) -> None:
        """Register this connected PC for sync by file (on the HTTP pool)."""
        db, client = self.hub.db, self.http_client
        self._set_busy(True)
        self.message.setText(self.tr("Contacting the city's server…"))
        self.hub.runner.http(lambda: enable_file_sync_here(db, client=client), self._enabled, self._failed)

    def _enabled(self, city: str) -> None:
        self._set_busy(False)
        self._say(self.tr("This PC can now sync with {0}'s server by file too.").format(city))
        self.refresh()

    # ---- writing ---------------------------------------------------------------------------------

    def choose_target(self) -> None:
        """Ask where to write the file (a USB stick), then write it."""
        prefix = (self.status.number_prefix if self.status else None) or "citydesk"
        stamp = self.hub.db.clock.now().strftime("%Y%m%d-%H%M")
        suggested = str(Path.home() / f"{prefix}-{stamp}.sync")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Write file for city hall"), suggested, self.tr("citydesk sync files (*.sync)")
        )
        if path:
            self.write_to(Path(path))

    def write_to(self, target: Path) -> None:
        """Write this PC's changes to `target` (on the writer thread)."""
        db = self.hub.db
        self._set_busy(True)
        self.message.setText(self.tr("Writing the file…"))
        self.hub.runner.write(lambda: write_sync_file(db, target), self._written, self._failed)

    def _written(self, done: RequestWritten) -> None:
        self._set_busy(False)
        wrote = self._count(
            done.changes,
            self.tr("Wrote {1}: this PC has no new changes, so it only asks for everyone else's."),
            self.tr("Wrote 1 change to {1}."),
            self.tr("Wrote {0} changes to {1}."),
        )
        take = self.tr("Take it to city hall and bring back the reply.")
        text = wrote.replace("{1}", str(done.path)) + " " + take
        self._say(text)
        self.refresh()

    # ---- reading ---------------------------------------------------------------------------------

    def choose_source(self) -> None:
        """Ask for the reply file carried back, then read it."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Read reply from city hall"), str(Path.home()),
            self.tr("citydesk reply files (*.reply);;All files (*)"),
        )  # fmt: skip
        if path:
            self.read_from(Path(path))

    def read_from(self, source: Path) -> None:
        """Check and apply the reply at `source`: the file off the GUI thread, each page on the writer."""
        db, runner = self.hub.db, self.hub.runner
        self.cancelled = False
        self._set_busy(True)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.message.setText(self.tr("Checking the reply…"))

        def on_writer(fn: Any) -> Any:
            return runner.write(fn, None, lambda _exc: None).result()  # its error is raised here

        def job() -> ReplyRead:
            return read_sync_reply(db, source, writer=on_writer, cancel=lambda: self.cancelled,
                                   progress=lambda p, d, t: self.progressed.emit(p, d, t or 0),
                                   on_page=self.page_committed.emit)  # fmt: skip

        runner.http(job, self._read, self._failed)

    def _on_progress(self, phase: str, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        what = self.tr("Reading the full copy…") if phase == "snapshot" else self.tr("Reading the changes…")
        self.message.setText(what)

    def _on_page(self, ticket_ids: frozenset[str]) -> None:
        if ticket_ids:
            self.hub.tickets_pulled.emit(TicketsPulled(ticket_ids=frozenset(ticket_ids)))

    def _read(self, done: ReplyRead) -> None:
        self._set_busy(False)
        self.progress.setVisible(False)
        lines = [
            self._count(done.accepted, self.tr("This PC had no changes to send."),
                        self.tr("City hall accepted 1 change from this PC."),
                        self.tr("City hall accepted {0} changes from this PC.")),
            self._count(done.received, self.tr("Nothing new from other offices."),
                        self.tr("1 change from other offices arrived."),
                        self.tr("{0} changes from other offices arrived.")),
        ]  # fmt: skip
        if done.snapshot:
            lines.append(self.tr("This PC now has a full copy of the city's data."))
        for rejected in done.rejected:
            lines.append(self.tr("A change was refused: {0} It is kept on this PC.").format(rejected.reason))
        if done.clock_warning:
            lines.append(error_text(done.clock_warning))  # the sync engine's English, translated
        if done.parked:
            lines.append(self._count(done.parked, "", self.tr("1 change waits for data not arrived yet."),
                                     self.tr("{0} changes wait for data not arrived yet.")))  # fmt: skip
        self._say("\n".join(lines))
        self.hub.data_changed.emit()
        self.refresh()

    # ---- shared ----------------------------------------------------------------------------------

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.progress.setVisible(False)
        self._say(readable(exc))

    def _show_error(self, exc: BaseException) -> None:
        self.state_label.setText(readable(exc))

    @staticmethod
    def _count(n: int, none: str, one: str, many: str) -> str:
        """The sentence for `n` (already translated variants; `many` has {0} for the number)."""
        if n == 0:
            return none
        return one if n == 1 else many.replace("{0}", f"{n:,}")

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.hub.announce.emit(text)

    def reject(self) -> None:
        """Close; a reply being read stops after the page being written (what was read is kept)."""
        self.cancelled = True
        super().reject()


def _when(iso: str) -> str:
    """A saved UTC time as this PC's local date and time, in the UI's language ("lun 16 nov 2026, 9:05")."""
    from citydesk.ui.words import date_time_text

    return date_time_text(datetime.fromisoformat(iso).astimezone())


def open_sync_file_dialog(hub: CitydeskApp, parent: QWidget) -> SyncFileDialog:
    """Show the window's one Sync by file dialog (modeless, so the queues stay usable; kept, not deleted,
    so a reply still being read after it closes reports to a live object)."""
    dialog = getattr(parent, "sync_file_dialog", None)
    if not isinstance(dialog, SyncFileDialog):
        dialog = SyncFileDialog(hub, parent)
        parent.sync_file_dialog = dialog  # type: ignore[attr-defined]
    else:
        dialog.refresh()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
