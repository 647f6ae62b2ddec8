"""The application object: the signal hub every window listens to, and `run_app`, the GUI entry point."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTimer, QTranslator, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from citydesk.domain.clock import Clock
from citydesk.domain.errors import CitydeskError
from citydesk.domain.roles import Actor, Role
from citydesk.resources_path import resource_path
from citydesk.store.db import Database, open_database
from citydesk.store.detail import local_identity, sign_in_users
from citydesk.ui.events import Notice, SignedIn, SyncStatus, TicketChanged
from citydesk.ui.tasks import TaskRunner, readable

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

T = TypeVar("T")
APP_NAME = "citydesk"
ORG_NAME = "citydesk"
# How long a thread may hold the interpreter while another waits for it (`share_the_interpreter`).
SWITCH_INTERVAL_S = 0.0005


class CitydeskApp(QObject):
    """The signal hub: who is signed in, what changed, what to announce. Carries frozen dataclasses."""

    signed_in = Signal(object)  # SignedIn | None
    ticket_changed = Signal(object)  # TicketChanged
    data_changed = Signal()  # many tickets changed at once (import)
    tickets_pulled = Signal(object)  # TicketsPulled: one sync page's tickets (refresh in place)
    announce = Signal(str)  # a status message, also announced to screen readers
    notice = Signal(object)  # Notice
    sync_status = Signal(object)  # SyncStatus
    error = Signal(str)  # a readable error from a task without its own handler

    def __init__(
        self, db: Database, *, runner: TaskRunner | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner or TaskRunner(self)
        self.runner.failed.connect(self.error)
        self.user: SignedIn | None = None
        self.sync_state = SyncStatus(online=False, last_sync=None, pending=0)  # the latest `sync_status`

    def report_sync(self, status: SyncStatus) -> None:
        """Record and announce the connection and sync state (ui.sync.controller calls this)."""
        self.sync_state = status
        self.sync_status.emit(status)

    @property
    def actor(self) -> Actor:
        """The signed-in user as the services' actor."""
        if self.user is None:
            raise CitydeskError("Nobody is signed in.")
        return self.user.actor

    def sign_in(self, who: SignedIn) -> None:
        """Make `who` the current user (switching user needs no restart)."""
        self.user = who
        self.signed_in.emit(who)
        self.announce.emit(self.tr("Signed in as {0}").format(who.actor.display_name))

    def sign_out(self) -> None:
        """Forget the current user (the sign-in screen comes back)."""
        self.user = None
        self.signed_in.emit(None)

    def query(
        self,
        fn: Callable[[Session], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future[Any]:
        """Run a read query off the GUI thread; `fn` gets a session and must return plain data."""
        db = self.db

        def job() -> T:
            with db.read() as session:
                return fn(session)

        return self.runner.read(job, on_done, on_error)

    def mutate(
        self,
        service: Callable[..., T],
        /,
        *,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        **kwargs: Any,
    ) -> Future[Any]:
        """Call a service function on the writer thread as the signed-in user; announces ticket changes."""
        actor = self.actor
        db = self.db

        def job() -> T:
            return service(db, actor=actor, **kwargs)

        def done(result: T) -> None:
            number = getattr(result, "number", None)
            ticket_id = getattr(result, "ticket_id", None)
            if ticket_id and number:
                kind = getattr(result, "kind", "created")
                self.ticket_changed.emit(TicketChanged(ticket_id=ticket_id, number=number, kind=kind))
            if on_done is not None:
                on_done(result)

        return self.runner.write(job, done, on_error)

    def notify(self, title: str, text: str, *, ticket_id: str | None = None, urgent: bool = False) -> None:
        """Show a notification in the app (and the tray where there is one)."""
        self.notice.emit(Notice(title=title, text=text, ticket_id=ticket_id, urgent=urgent))

    def shutdown(self) -> None:
        """Finish background work and close the database."""
        self.runner.shutdown(wait=True)
        self.db.close()


def signed_in_as(db: Database, user_id: str) -> SignedIn:
    """The SignedIn value for a user of this database."""
    with db.read() as session:
        ident = local_identity(session)
        users = {u.id: u for u in sign_in_users(session)}
    if ident is None or user_id not in users:
        raise CitydeskError("That user cannot sign in here.")
    user = users[user_id]
    return SignedIn(
        actor=Actor(user_id=user.id, role=Role(user.role), display_name=user.display_name),
        username=user.username,
        office_code=ident.office_code,
        office_name=ident.office_name,
        is_demo=ident.is_demo,
        device_id=ident.device_id,
    )


# ---- single instance per database -----------------------------------------------------------


class SingleInstance(QObject):
    """One app per database file: a second launch asks the first to come forward and exits."""

    activated = Signal()

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        digest = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16]
        self.name = f"citydesk-{digest}"
        self._server: QLocalServer | None = None

    def notify_running(self) -> bool:
        """True (after asking it to show itself) if another instance already serves this database."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if socket.waitForConnected(300):
            socket.write(b"activate")
            socket.waitForBytesWritten(300)
            socket.disconnectFromServer()
            return True
        return False

    def listen(self) -> None:
        """Become the instance that others find."""
        QLocalServer.removeServer(self.name)
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._on_connection)
        self._server.listen(self.name)

    def _on_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(self.activated)
            socket.disconnected.connect(socket.deleteLater)


def bring_to_front(window: QWidget) -> None:
    """Show, raise and focus a window."""
    window.showNormal()
    window.raise_()
    window.activateWindow()


# ---- entry point --------------------------------------------------------------------------------


def translations_dir() -> Path:
    """resources/translations/ of the installation (source tree, installed package or frozen bundle)."""
    return resource_path("translations")


def install_translator(
    app: QCoreApplication, locale: QLocale | None = None, folder: Path | None = None
) -> QTranslator | None:
    """Load `citydesk_<language>.qm` for `locale` (the system's by default) into the app, with Qt's own
    `qtbase_<language>.qm` (standard buttons, file dialogs, context menus) from PySide6's translations.

    Returns the installed translator, or None when there is no translation (the app stays in English);
    `remove_translator` takes it out again with Qt's words it brought.
    """
    locale = locale or QLocale.system()
    translator = QTranslator(app)
    if not translator.load(locale, "citydesk", "_", str(folder or translations_dir())):
        translator.deleteLater()
        return None
    qt_words = QTranslator(translator)  # a child: remove_translator finds it
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_words.load(locale, "qtbase", "_", qt_folder):
        app.installTranslator(qt_words)
    app.installTranslator(translator)  # installed last, so it is asked first
    return translator


def remove_translator(app: QCoreApplication, translator: QTranslator) -> None:
    """Take out a translator `install_translator` returned, and Qt's own words installed with it."""
    for qt_words in translator.findChildren(QTranslator):
        app.removeTranslator(qt_words)
    app.removeTranslator(translator)


def _make_qt_app() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationDisplayName("citydesk")
    from citydesk.ui.palette import apply_accessible_palette

    apply_accessible_palette(app)
    install_translator(app)
    return app


def _self_test_database(clock: Clock | None = None) -> Path:
    """A small demo database in a temporary folder, for `--self-test` without a database.

    Its day is today in the demo city (by `clock`, the system clock by default), like the CLI's demo.
    """
    import tempfile
    from datetime import UTC, datetime, time
    from zoneinfo import ZoneInfo

    from citydesk.demo import content as demo_content
    from citydesk.demo import create_demo
    from citydesk.domain.clock import ManualClock, SystemClock

    folder = Path(tempfile.mkdtemp(prefix="citydesk-selftest-"))
    path = folder / "demo.sqlite"
    as_of = (clock or SystemClock()).now().astimezone(ZoneInfo(demo_content.TIME_ZONE)).date()
    db = open_database(path, clock=ManualClock(datetime.combine(as_of, time(23, 0), tzinfo=UTC)))
    try:
        create_demo(db, as_of=as_of, tickets=300, seed=1)
    finally:
        db.close()
    return path


def run_app(path: Path, *, self_test: bool = False, clock: Clock | None = None) -> int:
    """Open the desktop app on the database at `path`; returns the process exit code.

    `clock` (the system clock by default) is the one every "now" of the session comes from.
    """
    from citydesk.domain.clock import SystemClock

    clock = clock or SystemClock()
    share_the_interpreter()
    qt_app = _make_qt_app()
    from citydesk.services.setup import is_initialized
    from citydesk.ui.collector import MainThreadCollector

    MainThreadCollector(qt_app)  # Qt objects are only ever freed on the GUI thread

    guard = SingleInstance(path)
    if not self_test and guard.notify_running():
        print(
            QCoreApplication.translate(
                "App", "citydesk is already open on this database; it was brought to the front."
            )
        )
        return 0
    if self_test and not (path.exists() and path.stat().st_size > 0):
        path = _self_test_database(clock)
    try:
        db = open_database(path, clock=clock)
    except CitydeskError as exc:
        QMessageBox.critical(None, "citydesk", str(exc))
        print(f"citydesk: {exc}", file=sys.stderr)
        return 1
    if not is_initialized(db):
        if self_test:
            db.close()
            db = open_database(_self_test_database(clock), clock=clock)
        else:
            from citydesk.ui.first_run import run_first_run

            opened = run_first_run(db)
            if opened is None:
                db.close()
                return 0
            db = opened
    hub = CitydeskApp(db)
    from citydesk.ui.shell import MainWindow

    window = MainWindow(hub)
    if self_test:
        return _run_self_test(qt_app, hub, window)
    guard.listen()
    guard.activated.connect(lambda: bring_to_front(window))
    from citydesk.ui.signin import sign_in_flow

    if not sign_in_flow(hub, parent=None):
        hub.shutdown()
        return 0
    window.show()
    from citydesk.ui.reports.schedule_bridge import start_report_schedule, stop_report_schedule

    start_report_schedule(hub)
    from citydesk.ui.sync.controller import start_background_sync, stop_background_sync

    start_background_sync(hub)  # a standalone or demo database never syncs: the controller only reports
    freeze_startup_objects()
    code = qt_app.exec()
    stop_background_sync(hub)
    stop_report_schedule(hub)
    hub.shutdown()
    return int(code)


def share_the_interpreter(interval_s: float = SWITCH_INTERVAL_S) -> None:
    """Let a thread waiting for the interpreter get it after `interval_s` instead of Python's 5 ms.

    Every SQLite call lets go of the interpreter (the GIL) and must take it back afterwards. While
    another thread runs Python (the GUI painting, a read for the table, the HTTP thread decoding a
    page), taking it back waited up to 5 ms each time, and a page's write transaction makes dozens of
    such calls: a 10,000-change pull took 25 s instead of 7 and the counter's saves waited 200 ms
    behind it (benchmarks/ui_sync.py). A shorter interval costs a little switching, nothing else.
    """
    sys.setswitchinterval(interval_s)


def freeze_startup_objects() -> None:
    """Move everything built at start (Qt wrappers, models, metadata) out of the garbage collector's
    reach: a full collection during a big pull then scans only new objects instead of stopping the GUI
    thread for hundreds of milliseconds (benchmarks/ui_sync.py)."""
    import gc

    gc.freeze()


def _run_self_test(qt_app: QApplication, hub: CitydeskApp, window: Any) -> int:
    """Sign in as the first supervisor or admin, show the window, exit 0 after the table's first paint."""
    with hub.db.read() as session:
        users = sign_in_users(session)
    chosen = next((u for u in users if u.role in ("admin", "supervisor")), users[0] if users else None)
    if chosen is None:
        print("self-test: the database has no users", file=sys.stderr)
        return 1
    hub.sign_in(signed_in_as(hub.db, chosen.id))
    result = {"code": 1}

    def ready() -> None:
        result["code"] = 0
        print(f"self-test: main window painted with {window.visible_ticket_count()} tickets listed")
        qt_app.quit()

    def timeout() -> None:
        print("self-test: the main window did not finish its first paint in 30 s", file=sys.stderr)
        qt_app.exit(1)

    window.ready.connect(ready)
    hub.error.connect(lambda message: print(f"self-test: {message}", file=sys.stderr))
    QTimer.singleShot(30_000, timeout)
    window.show()
    qt_app.exec()
    hub.shutdown()
    return result["code"]


def error_box(parent: QWidget | None, exc: BaseException) -> None:
    """Show a readable error message."""
    QMessageBox.warning(parent, "citydesk", readable(exc))
