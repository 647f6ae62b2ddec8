"""The first start on an empty database: try the demo city, set up this office, or join the city's server.

`run_first_run(db)` shows the choice and returns the database to open: the demo database (created in
the background with a progress bar, kept apart from the real one) or `db` once it is set up or connected
(ui.sync.connect_dialog); None if the person closes the window. Setting up validates through
`services.setup.initialize_database` and shows its messages next to the fields.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, available_timezones

from PySide6.QtCore import QObject, Qt, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from citydesk.domain.errors import ValidationError
from citydesk.store.db import Database, demo_database_path, open_database
from citydesk.ui.forms import (
    Form,
    buttons_in_visual_order,
    chain_tab_order,
    line_field,
    set_error_text,
    style_error_label,
)
from citydesk.ui.tasks import TaskRunner, readable

CHOICE, SETUP, DEMO = 0, 1, 2


class _Progress(QObject):
    """Carries progress from the writer thread to the GUI thread (queued signal)."""

    advanced = Signal(int, int)


def _guess_time_zone(zones: set[str]) -> str:
    """This PC's IANA time zone if it is one, else America/Chicago."""
    system = bytes(QTimeZone.systemTimeZoneId().data()).decode(errors="ignore")
    return system if system in zones and "/" in system else "America/Chicago"


class FirstRunDialog(QDialog):
    """Three ways to start with an empty database."""

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        demo_path: Path | None = None,
        demo_tickets: int | None = None,
        http_client: Any = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.http_client = http_client  # tests: how the Connect dialog reaches an in-process server
        self.connect_dialog: Any = None
        self.database: Database | None = None
        self.demo_path = demo_path
        self.demo_tickets = demo_tickets
        self.busy = False
        self.runner = TaskRunner(self)
        self.progress_signal = _Progress(self)
        self.progress_signal.advanced.connect(self._advance)
        self.setWindowTitle(self.tr("Welcome to citydesk"))
        self.setAccessibleName(self.tr("Welcome to citydesk"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_choice())
        self.pages.addWidget(self._build_setup())
        self.pages.addWidget(self._build_demo())
        layout.addWidget(self.pages)
        self.demo_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- pages -----------------------------------------------------------------------------------

    def _build_choice(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        heading = QLabel(self.tr("Welcome to citydesk"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        column.addWidget(heading)
        intro = QLabel(self.tr("This database is empty. How would you like to start?"))
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.demo_button = QCommandLinkButton(
            self.tr("Try citydesk with demo data"),
            self.tr("A made-up city with half a year of requests. Nothing you do there touches real data."),
        )
        self.setup_button = QCommandLinkButton(
            self.tr("Set up this office"),
            self.tr("Name the city and this office, and create the first administrator."),
        )
        self.server_button = QCommandLinkButton(
            self.tr("Connect to the city's server"),
            self.tr("This PC joins the city's other offices: everything is downloaded from the city's "
                    "server with a one-time code from its administrator."),
        )  # fmt: skip
        for button in (self.demo_button, self.setup_button, self.server_button):
            button.setAccessibleName(button.text())
            button.setAccessibleDescription(button.description())
            column.addWidget(button)
        self.demo_button.clicked.connect(self.start_demo)
        self.setup_button.clicked.connect(self.show_setup)
        self.server_button.clicked.connect(self.open_connect)
        self.choice_message = QLabel()
        style_error_label(self.choice_message)
        column.addWidget(self.choice_message)
        column.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close_button = close.button(QDialogButtonBox.StandardButton.Close)
        close_button.setText(self.tr("Close"))
        close_button.setAccessibleName(self.tr("Close"))
        close_button.setAutoDefault(False)
        close.rejected.connect(self.reject)
        column.addWidget(close)
        return page

    def _build_setup(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        heading = QLabel(self.tr("Set up this office"))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        column.addWidget(heading)
        self.form = Form(page)
        zones = available_timezones()
        self.city = line_field(self.tr("City name"), placeholder=self.tr("City of Riverton"))
        self.time_zone = line_field(self.tr("Time zone"), text=_guess_time_zone(zones))
        completer = QCompleter(sorted(zones), self.time_zone)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.time_zone.setCompleter(completer)
        self.time_zone.setAccessibleDescription(
            self.tr("An IANA name such as America/Chicago; type to search.")
        )
        self.phone = line_field(self.tr("City phone for status questions"), placeholder="(555) 010-4000")
        self.phone.setAccessibleDescription(
            self.tr("Printed on every receipt: the number citizens call to ask about their request.")
        )
        self.office_code = line_field(self.tr("Office code (2–5 letters)"), placeholder="CLK")
        self.office_code.setMaxLength(5)
        self.office_name = line_field(self.tr("Office name"), placeholder=self.tr("City Hall"))
        self.username = line_field(self.tr("Administrator's user name"), placeholder="admin")
        self.display_name = line_field(self.tr("Administrator's full name"))
        self.password = line_field(self.tr("Password (8 or more characters)"))
        self.password.setAccessibleDescription(self.tr("The administrator's password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = line_field(self.tr("Password again"))
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        rows = (
            ("city_name", self.tr("&City name:"), self.city),
            ("time_zone", self.tr("&Time zone:"), self.time_zone),
            ("city_phone", self.tr("City p&hone for status questions:"), self.phone),
            ("office_code", self.tr("Office &code (2–5 letters):"), self.office_code),
            ("office_name", self.tr("Office &name:"), self.office_name),
            ("username", self.tr("Administrator's &user name:"), self.username),
            ("display_name", self.tr("Administrator's &full name:"), self.display_name),
            ("password", self.tr("&Password (8 or more characters):"), self.password),
            ("confirm", self.tr("Password &again:"), self.confirm),
        )
        for field, caption, widget in rows:
            self.form.add_row(field, caption, widget)
        column.addLayout(self.form.layout)
        column.addWidget(self.form.general)
        buttons = QDialogButtonBox()
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(lambda: self.pages.setCurrentIndex(CHOICE))
        buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.create_button = buttons.addButton(self.tr("Set up"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setAccessibleName(self.tr("Set up"))
        buttons.accepted.connect(self.submit_setup)
        column.addWidget(buttons)
        chain_tab_order([*(w for _f, _c, w in rows), *buttons_in_visual_order(buttons)])
        return page

    def _build_demo(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        self.demo_heading = QLabel(self.tr("Creating the demo city…"))
        self.demo_heading.setWordWrap(True)
        column.addWidget(self.demo_heading)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Progress creating the demo data"))
        self.progress.setRange(0, 0)
        column.addWidget(self.progress)
        self.demo_note = QLabel(self.tr("This takes a little while; the app opens when it is ready."))
        self.demo_note.setWordWrap(True)
        column.addWidget(self.demo_note)
        column.addStretch(1)
        return page

    # ---- set up this office ----------------------------------------------------------------------

    def show_setup(self) -> None:
        """Show the office form."""
        self.create_button.setDefault(True)  # Enter in any field sets up (now that it sits in the dialog)
        self.pages.setCurrentIndex(SETUP)
        self.city.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit_setup(self) -> None:
        """Check locally what only the form knows, then set the database up on the writer thread."""
        if self.busy:
            return
        self.form.clear_errors()
        if self.password.text() != self.confirm.text():
            self.form.show_error(ValidationError("confirm", self.tr("The two passwords are not the same.")))
            return
        if not self.phone.text().strip():
            why = self.tr("The receipts tell citizens which number to call: give the city's phone.")
            self.form.show_error(ValidationError("city_phone", why))
            return
        values: dict[str, Any] = {
            "city_name": self.city.text(),
            "city_phone": self.phone.text(),
            "time_zone": self.time_zone.text().strip(),
            "office_code": self.office_code.text(),
            "office_name": self.office_name.text(),
            "admin_username": self.username.text().strip(),
            "admin_display_name": self.display_name.text().strip(),
            "admin_password": self.password.text(),
        }
        if not values["admin_display_name"]:
            self.form.show_error(ValidationError("display_name", self.tr("Name is required.")))
            return
        from citydesk.services.setup import initialize_database

        db = self.db
        self._set_busy(True)
        self.runner.write(lambda: initialize_database(db, **values), self._set_up, self._setup_failed)

    def _set_up(self, _result: Any) -> None:
        self._set_busy(False)
        self.database = self.db
        self.accept()

    def _setup_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.form.show_error(exc)

    # ---- connect to the city's server ---------------------------------------------------------------

    def open_connect(self) -> Any:
        """The Connect to server dialog for this new database; once connected the app opens on it."""
        if self.busy:
            return None
        from citydesk.ui.sync.connect_dialog import ConnectDialog

        dialog = ConnectDialog(Path(self.db.path), adopt=False, clock=self.db.clock,
                               http_client=self.http_client, parent=self)  # fmt: skip
        dialog.accepted.connect(self._server_connected)
        self.connect_dialog = dialog
        dialog.open()
        return dialog

    def _server_connected(self) -> None:
        self.database = self.db
        self.accept()

    # ---- demo ------------------------------------------------------------------------------------

    def start_demo(self) -> None:
        """Create (or reopen) the demo database in the background, with a progress bar."""
        if self.busy:
            return
        from citydesk.demo import content as demo_content
        from citydesk.demo import create_demo
        from citydesk.services.setup import is_initialized

        path = self.demo_path or demo_database_path()
        same = path.resolve() == Path(self.db.path).resolve()
        tickets, signal, current = self.demo_tickets, self.progress_signal, self.db
        today = self.db.clock.now().astimezone(ZoneInfo(demo_content.TIME_ZONE)).date()

        def job() -> Database:
            demo = current if same else open_database(path, clock=current.clock)
            try:
                if not is_initialized(demo):
                    create_demo(
                        demo, as_of=today, tickets=tickets, progress=lambda d, t: signal.advanced.emit(d, t)
                    )
            except BaseException:
                if not same:
                    demo.close()
                raise
            return demo

        set_error_text(self.choice_message, "")
        self.pages.setCurrentIndex(DEMO)
        self._set_busy(True)
        self.runner.write(job, self._demo_ready, self._demo_failed)

    def _advance(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(min(done, total))
        self.demo_heading.setText(self.tr("Creating the demo city… {0} of {1} requests").format(done, total))

    def _demo_ready(self, demo: Database) -> None:
        self._set_busy(False)
        self.database = demo
        self.accept()

    def _demo_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.pages.setCurrentIndex(CHOICE)
        set_error_text(
            self.choice_message, self.tr("The demo could not be created: {0}").format(readable(exc))
        )
        self.demo_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- common ----------------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.create_button.setEnabled(not busy)
        self.server_button.setEnabled(not busy)
        self.demo_button.setEnabled(not busy)
        self.setup_button.setEnabled(not busy)

    def reject(self) -> None:
        """Close, unless the database is being written (that finishes first)."""
        if not self.busy:
            super().reject()

    def done(self, result: int) -> None:
        """Stop the background threads when the dialog closes."""
        self.runner.shutdown(wait=True)
        super().done(result)


def run_first_run(db: Database) -> Database | None:
    """Ask how to start with the empty `db`; the database to open, or None if the person closed the window."""
    dialog = FirstRunDialog(db)
    try:
        dialog.exec()
        chosen = dialog.database
    finally:
        dialog.deleteLater()
    if chosen is not None and chosen is not db:
        db.close()  # the demo lives in its own file; the empty database waits for a real set-up
    return chosen
