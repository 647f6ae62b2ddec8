"""The app's sync controller: background sync on a timetable, Sync now, progress, the status it reports.

One sync at a time, on the task runner's HTTP pool; each page's write transaction runs on the single
writer thread (`writer=`), and each committed page becomes one `hub.tickets_pulled` on the GUI thread. An
APScheduler job ticks every 30 seconds; `SyncSchedule` decides from the (injectable) clock whether a sync
is due, backs off while the server cannot be reached and notices a wake-up (the wall clock jumped between
ticks); the network coming back (QNetworkInformation, where the platform has it) brings the next try
forward. Cancelling (quitting) stops the worker at the next page boundary and never waits for it.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from citydesk.jobs.background_sync import (
    HttpClientFactory,
    SyncFacts,
    SyncOutcome,
    failure_kind,
    run_sync,
    set_sync_interval_minutes,
    sync_facts,
    sync_interval_minutes,
)
from citydesk.ui.app import CitydeskApp
from citydesk.ui.events import SyncProgress, SyncStatus, TicketsPulled
from citydesk.ui.sync.messages import FailureText, failure_text, rejected_text
from citydesk.ui.sync.schedule import SOON, TICK, SyncSchedule

log = logging.getLogger(__name__)
REFRESH_DELAY_MS = 400  # local changes coalesce before the counts are read again
# Changes a page: each page's transaction on the writer thread stays short (the counter's saves wait
# behind it), then the cancel is checked (benchmarks/ui_sync.py).
PAGE_SIZE = 200
QUIET = ("busy", "cancelled")  # not worth telling anyone: the next try comes by itself


class SyncController(QObject):
    """Runs and schedules this PC's syncs and reports their state (see the module docstring)."""

    progressed = Signal(object)  # SyncProgress, on the GUI thread
    started = Signal()
    finished = Signal(object)  # SyncOutcome or FailureText
    _page_done = Signal(object)  # frozenset[str], from the HTTP thread
    _progress = Signal(object)  # SyncProgress, from the HTTP thread
    _ticked = Signal()  # from the scheduler's thread

    def __init__(
        self,
        hub: CitydeskApp,
        *,
        http_client: HttpClientFactory | None = None,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__(hub)
        self.hub = hub
        self.http_client = http_client
        self.schedule = SyncSchedule(rng=rng or random.Random())
        self.facts: SyncFacts | None = None
        self.online: bool | None = None  # None: not tried yet this session
        self.problem: FailureText | None = None
        self.clock_warning: str | None = None  # from the last sync's hello (the server's clock)
        self.page_size = PAGE_SIZE
        self.running = False
        self._manual = False
        self.told: set[str] = set()  # failure kinds already explained once (until a sync succeeds)
        self._cancel = threading.Event()
        self._then: list[Callable[[], None]] = []
        self.scheduler: Any = None
        self.stopped = False  # after `stop`: late ticks do nothing
        self._network: Any = None
        self._page_done.connect(self._on_page)
        self._progress.connect(self.progressed)
        self._ticked.connect(self.tick)
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS, timeout=self.refresh)
        self._recount = True  # look for open conflicts on the next refresh
        hub.ticket_changed.connect(lambda _change: self._refresh_timer.start())
        hub.data_changed.connect(self._refresh_timer.start)
        self.refresh()

    # ---- state ---------------------------------------------------------------------------------------

    @property
    def connected(self) -> bool:
        """This database is enrolled with the city's server (as last read)."""
        return self.facts is not None and self.facts.mode == "connected"

    def refresh(self, *, conflicts: bool = False) -> None:
        """Read the counts and the last sync again (off the GUI thread), then report the status. Open
        conflicts are looked for again only with `conflicts`, at the first read, after a sync, or while
        there are some (a decision settles them): after an ordinary local change the count stays."""
        db = self.hub.db
        known = self.facts.conflicts if self.facts is not None else None
        keep = None if (conflicts or self._recount or known) else known
        self._recount = False
        self.hub.runner.read(lambda: sync_facts(db, conflicts=keep), self._got_facts,
                             lambda exc: log.warning("%s", exc))  # fmt: skip

    def _got_facts(self, facts: SyncFacts) -> None:
        self.facts = facts
        self.publish()

    def publish(self) -> None:
        """Report the current status on the hub (the status bar follows `hub.sync_status`)."""
        facts = self.facts
        if facts is None:
            return
        online = self.online
        if online is None:  # not tried yet this session: as the last attempt left it
            online = facts.last_sync_at is not None and facts.last_error is None
        self.hub.report_sync(
            SyncStatus(
                online=online and facts.mode == "connected", last_sync=facts.last_sync_at,
                pending=facts.pending, mode=facts.mode, parked=facts.parked, rejected=facts.rejected,
                conflicts=facts.conflicts, syncing=self.running,
                problem=self.problem.status if self.problem else None,
                clock_warning=self.clock_warning or facts.clock_warning, server=facts.server,
            )
        )  # fmt: skip

    # ---- one sync ------------------------------------------------------------------------------------

    def sync_now(self, *, manual: bool = True, then: Callable[[], None] | None = None) -> bool:
        """Start a sync unless one runs (then `then` waits for it) or the database is not connected;
        True when one runs now. `then` is called on the GUI thread when it ends, however it ends."""
        if not self.connected:
            if manual and self.facts is not None and self.facts.mode == "demo":
                why = self.tr("The demo database never syncs: it is for trying citydesk out.")
                self.hub.announce.emit(why)
            elif manual:
                self.hub.announce.emit(self.tr("This database is not connected to the city's server."))
            if then is not None:
                then()
            return False
        if then is not None:
            self._then.append(then)
        if self.running:
            if manual:
                self.hub.announce.emit(self.tr("A sync is already running."))
            return True
        self.running = True
        self._manual = manual
        self._cancel.clear()
        self.started.emit()
        self.publish()
        self._progress.emit(SyncProgress("hello", 0, None))
        db, factory, cancel, size = self.hub.db, self.http_client, self._cancel, self.page_size

        def job() -> SyncOutcome:
            return run_sync(
                db, http_client=factory, cancel=cancel.is_set, writer=self.write_page, page_size=size,
                progress=lambda phase, done, total: self._progress.emit(SyncProgress(phase, done, total)),
                on_page=lambda ids: self._page_done.emit(frozenset(ids)),
            )  # fmt: skip

        self.hub.runner.http(job, self._succeeded, self._failed)
        return True

    def cancel(self) -> None:
        """Stop the running sync at its next page boundary (returns at once)."""
        self._cancel.set()

    def write_page(self, fn: Callable[[], Any]) -> Any:
        """The engine's page writer: `fn` on the app's single writer thread; waits for its result."""
        return self.hub.runner.write(fn, None, _ignore).result()

    def _on_page(self, ticket_ids: frozenset[str]) -> None:
        if ticket_ids:
            self.hub.tickets_pulled.emit(TicketsPulled(ticket_ids))

    def _succeeded(self, outcome: SyncOutcome) -> None:
        now = self.hub.db.clock.now()
        self.running, self.online, self.problem = False, True, None
        self.clock_warning = outcome.clock_warning
        self.told.clear()
        self.schedule.succeeded(now)
        for table, reason in outcome.rejected:
            self.hub.notify(self.tr("A change was refused"), rejected_text(table, reason), urgent=True)
        if outcome.conflicts:
            text = (
                self.tr("A ticket was changed differently in two places at the same time. A supervisor "
                        "chooses which value stays in View → Conflicts.")
                if outcome.conflicts == 1
                else self.tr("{0} conflicts: tickets were changed differently in two places at the same "
                             "time. A supervisor chooses which values stay in View → Conflicts.")
                .format(outcome.conflicts)
            )  # fmt: skip
            self.hub.notify(self.tr("Conflicts"), text)
        if self._manual:
            self.hub.announce.emit(
                self.tr("Synced: {0} sent, {1} received.").format(outcome.pushed, outcome.pulled)
            )
        self._ended(outcome)

    def _failed(self, exc: BaseException) -> None:
        now = self.hub.db.clock.now()
        self.running = False
        kind = failure_kind(exc)
        text = failure_text(kind, str(exc))
        if kind in QUIET:
            self.schedule.later(now)
        else:
            self.online = text.reached
            self.problem = text
            if kind in ("offline", "certificate", "error"):
                self.schedule.failed(now)
            elif kind == "too_old":
                self.schedule.succeeded(now)
            else:
                self.schedule.stop()
            if kind not in self.told:
                self.told.add(kind)
                self.hub.notify(self.tr("Sync"), text.message, urgent=True)
            elif self._manual:
                self.hub.announce.emit(text.status)
        self._ended(text)

    def _ended(self, outcome: SyncOutcome | FailureText) -> None:
        self.refresh(conflicts=True)
        self.publish()
        self.finished.emit(outcome)
        waiting, self._then = self._then, []
        for then in waiting:
            then()

    # ---- background ----------------------------------------------------------------------------------

    def tick(self) -> None:
        """One scheduler tick (GUI thread): start a sync when the timetable says it is due; after a
        wake-up the next tick comes in a few seconds rather than at the next 30-second mark."""
        if self.stopped:
            return
        woke = self.schedule.woke
        due = self.schedule.due(self.hub.db.clock.now())
        if due and self.connected and not self.running:
            self.sync_now(manual=False)
        elif self.schedule.woke != woke:
            self._tick_soon()

    def network_changed(self, reachable: bool) -> None:
        """The network came back (or went): try soon after it returns."""
        if reachable:
            self.schedule.soon(self.hub.db.clock.now())
            self._tick_soon()

    def _tick_soon(self) -> None:
        if self.scheduler is not None:  # background sync runs (tests tick by hand)
            QTimer.singleShot(int(SOON.total_seconds() * 1000) + 100, self, self.tick)

    def start(self, *, scheduler: bool = True) -> None:
        """Begin background sync: read the interval, sync soon, tick every 30 s (APScheduler), follow the
        network where the platform reports it. `scheduler=False` (tests) leaves the ticks to the caller."""
        self.stopped = False
        self.schedule.start(self.hub.db.clock.now())
        db = self.hub.db
        self.hub.runner.read(lambda: sync_interval_minutes(db), self._got_interval, _ignore)
        if scheduler and self.scheduler is None:
            from apscheduler.schedulers.background import BackgroundScheduler
            from apscheduler.triggers.interval import IntervalTrigger

            self.scheduler = BackgroundScheduler(
                job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None}
            )
            self.scheduler.add_job(self._ticked.emit, IntervalTrigger(seconds=TICK.total_seconds()),
                                    id="citydesk-sync-tick", name="sync tick")  # fmt: skip
            self.scheduler.start()
            self._follow_network()
            self._tick_soon()  # the first sync a few seconds after start

    def stop(self) -> None:
        """Stop background sync and cancel a running sync at its next page (never waits for it)."""
        self.cancel()
        self.stopped = True
        if self.scheduler is not None:
            scheduler, self.scheduler = self.scheduler, None
            scheduler.shutdown(wait=False)

    def set_interval(self, minutes: int, on_done: Callable[[int], None] | None = None,
                     on_error: Callable[[BaseException], None] | None = None) -> None:  # fmt: skip
        """Keep a new interval (writer thread) and use it from now on."""
        db = self.hub.db

        def done(kept: int) -> None:
            self._got_interval(kept)
            if on_done is not None:
                on_done(kept)

        self.hub.runner.write(lambda: set_sync_interval_minutes(db, minutes), done, on_error)

    def _got_interval(self, minutes: int) -> None:
        self.schedule.set_interval(timedelta(minutes=minutes), self.hub.db.clock.now())

    def _follow_network(self) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        try:
            if not QNetworkInformation.loadDefaultBackend():
                return
            info = QNetworkInformation.instance()
        except (RuntimeError, AttributeError):  # no backend on this platform: the wake-up check remains
            return
        if info is None:
            return
        self._network = info
        online = QNetworkInformation.Reachability.Online
        info.reachabilityChanged.connect(lambda reach: self.network_changed(reach == online))


def _ignore(_exc: BaseException) -> None:
    """An error the caller handles itself (the engine sees it through the future)."""


def sync_controller(hub: CitydeskApp) -> SyncController:
    """The hub's sync controller (made on first use; background sync starts with `start`)."""
    found = hub.findChild(SyncController)
    return found if isinstance(found, SyncController) else SyncController(hub)


def start_background_sync(hub: CitydeskApp) -> SyncController:
    """Start the hub's background sync (the app, once the window shows)."""
    controller = sync_controller(hub)
    controller.start()
    return controller


def stop_background_sync(hub: CitydeskApp) -> None:
    """Stop it before the database closes: a running sync stops at its next page."""
    found = hub.findChild(SyncController)
    if isinstance(found, SyncController):
        found.stop()
