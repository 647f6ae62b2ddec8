"""Settings → Connect to server… (and the first-run chooser's "Connect to the city's server"): the server's
address, the one-time code, a certificate file for a self-signed certificate and this PC's name; a progress
bar through the first download; failures in a clerk's words with what to do next.

A new (empty) database is filled from the server (`connect`); a standalone office's database is adopted by
the city (`adopt_office`): the dialog says plainly that its tickets join the city's and keep their numbers.
The work runs on the dialog's own task runner; the code is checked by the server, never stored.
"""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from citydesk.domain.clock import Clock
from citydesk.jobs.background_sync import ConnectDone, HttpClientFactory, connect_failure_kind, connect_pc
from citydesk.ui.events import SyncProgress
from citydesk.ui.forms import (
    Form,
    chain_tab_order,
    hint_label,
    line_field,
    set_error_text,
    style_error_label,
    submit_buttons,
)
from citydesk.ui.sync.messages import connect_failure_text
from citydesk.ui.sync.status import show_step
from citydesk.ui.tasks import TaskRunner


class _Relay(QObject):
    """Carries progress from the worker thread to the GUI thread (queued signal)."""

    advanced = Signal(object)  # SyncProgress


class ConnectDialog(QDialog):
    """Enrol this PC with the city's server (see the module docstring)."""

    def __init__(
        self,
        path: Path,
        *,
        adopt: bool,
        clock: Clock | None = None,
        http_client: HttpClientFactory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.adopt = adopt
        self.clock = clock
        self.http_client = http_client
        self.busy = False
        self.result_info: ConnectDone | None = None
        self.runner = TaskRunner(self)
        self.relay = _Relay(self)
        self.relay.advanced.connect(self._advance)
        self.setWindowTitle(self.tr("Connect to the city's server"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(max(520, self.fontMetrics().averageCharWidth() * 60))  # grows with the text
        layout = QVBoxLayout(self)
        if adopt:
            intro = self.tr(
                "This office's tickets, requesters and history join the city's shared database and keep "
                "their numbers. From then on this PC sends its changes to the city's server and receives "
                "everyone else's. Nothing here is deleted. Ask the city's administrator for a one-time code."
            )
        else:
            intro = self.tr(
                "This PC becomes one of the city's office PCs: everything the city shares is downloaded "
                "from its server, and your changes are sent there. Ask the city's administrator for the "
                "server's address and a one-time code."
            )
        self.intro = hint_label(intro)
        self.intro.setAccessibleName(self.tr("What connecting does"))
        layout.addWidget(self.intro)
        self.form = Form(self)
        self.url = line_field(self.tr("Server address"), placeholder="https://sync.city.gov")
        self.code = line_field(self.tr("One-time code"))
        self.ca_bundle = line_field(
            self.tr("Certificate file (only if IT gave you one)"), placeholder=self.tr("none")
        )
        self.browse = QPushButton(self.tr("&Choose…"))
        self.browse.setAccessibleName(self.tr("Choose the certificate file"))
        self.browse.setAutoDefault(False)
        self.browse.clicked.connect(self.choose_ca_bundle)
        ca_row = QWidget()
        ca_layout = QHBoxLayout(ca_row)
        ca_layout.setContentsMargins(0, 0, 0, 0)
        ca_layout.addWidget(self.ca_bundle, 1)
        ca_layout.addWidget(self.browse)
        self.device_name = line_field(self.tr("This PC's name"), text=socket.gethostname()[:120])
        self.form.add_row("url", self.tr("Server &address:"), self.url)
        self.form.add_row("code", self.tr("One-time &code:"), self.code)
        self.form.add_row("ca_bundle", self.tr("Certificate &file:"), ca_row)
        self.ca_bundle.setAccessibleName(self.tr("Certificate file (only if IT gave you one)"))
        self.form.add_row("device_name", self.tr("This PC's &name:"), self.device_name)
        layout.addLayout(self.form.layout)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Progress connecting"))
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.message = QLabel()
        style_error_label(self.message)
        layout.addWidget(self.message)
        self.buttons = submit_buttons(self, self.tr("&Connect"), self.submit)
        self.connect_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout.addWidget(self.buttons)
        chain_tab_order([self.url, self.code, self.ca_bundle, self.browse, self.device_name,
                         *self.buttons.buttons()])  # fmt: skip
        self.url.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- input ---------------------------------------------------------------------------------------

    def choose_ca_bundle(self) -> None:
        """Pick the certificate file IT gave (a .pem or .crt file)."""
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("The city's certificate file"), "",
            self.tr("Certificate files (*.pem *.crt *.cer);;All files (*)"),
        )  # fmt: skip
        if chosen:
            self.ca_bundle.setText(chosen)

    def submit(self) -> None:
        """Check what only the form knows, then connect in the background."""
        if self.busy:
            return
        self.form.clear_errors()
        set_error_text(self.message, "")
        url, code = self.url.text().strip(), self.code.text().strip()
        if not url.startswith(("https://", "http://")):
            self.form.show_message(
                "url", self.tr("Type the server's address as IT gave it, starting with https://")
            )
            return
        if not code:
            self.form.show_message("code", self.tr("Type the one-time code from the city's administrator."))
            return
        ca_text = self.ca_bundle.text().strip()
        ca = Path(ca_text) if ca_text else None
        if ca is not None and not ca.is_file():
            self.form.show_message("ca_bundle", self.tr("There is no file at {0}.").format(ca_text))
            return
        name = self.device_name.text().strip() or socket.gethostname()
        path, adopt, clock, factory, relay = self.path, self.adopt, self.clock, self.http_client, self.relay

        def job() -> ConnectDone:
            return connect_pc(path, url, code, adopt=adopt, ca_bundle=ca, device_name=name, clock=clock,
                              http_client=factory, progress=lambda p, d, t: relay.advanced.emit(
                                  SyncProgress(p, d, t)))  # fmt: skip

        self._set_busy(True)
        self._advance(SyncProgress("hello", 0, None))
        self.runner.http(job, self._connected, self._failed)

    # ---- outcome -------------------------------------------------------------------------------------

    def _advance(self, step: SyncProgress) -> None:
        show_step(self.progress, step)

    def _connected(self, done: ConnectDone) -> None:
        self._set_busy(False)
        self.result_info = done
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.progress.setVisible(False)
        kind = connect_failure_kind(exc)
        text = connect_failure_text(kind, self.url.text().strip(), str(exc))
        set_error_text(self.message, text)
        self.adjustSize()
        if kind == "code":
            self.code.setFocus(Qt.FocusReason.OtherFocusReason)
            self.code.selectAll()
        elif kind == "certificate":
            self.browse.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.url, self.code, self.ca_bundle, self.browse, self.device_name):
            widget.setEnabled(not busy)
        self.connect_button.setEnabled(not busy)

    @property
    def error_text(self) -> str:
        """The failure shown now ("" for none)."""
        return self.message.accessibleName()

    def showEvent(self, event: QShowEvent) -> None:
        """Fit the height the wrapped explanation needs at this width (large text included)."""
        super().showEvent(event)
        self.adjustSize()

    def reject(self) -> None:
        """Close, unless connecting is under way (it finishes first)."""
        if not self.busy:
            super().reject()

    def done(self, result: int) -> None:
        """Stop the dialog's threads when it closes."""
        self.runner.shutdown(wait=True)
        super().done(result)


def connected_text(done: ConnectDone, parent: Any) -> str:
    """What to tell after connecting: the office, the number prefix, and whether the download finished
    (translated in the Connect dialog's context; `parent` is kept for the callers)."""
    said = QCoreApplication.translate(
        "ConnectDialog",
        "This PC is connected to the city's server (office {0}); its new tickets are numbered {1}-….",
    )
    text = said.format(done.office_code, done.number_prefix)
    if done.first_error:
        more = "The first download stopped part-way; it finishes with the next sync."
        text += " " + QCoreApplication.translate("ConnectDialog", more)
    return str(text)
