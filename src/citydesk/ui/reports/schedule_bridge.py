"""The adaptor between the Qt-free scheduled report job and the app: job callbacks become Qt signals.

The job runs on APScheduler's threads and calls plain callables; each one only emits a signal, so
everything visible (notices, printing) happens on the GUI thread. `schedule_bridge(hub)` finds or
makes the one bridge of a hub (a child object of it); `start_report_schedule` applies the stored
schedule shortly after the window shows, `stop_report_schedule` stops it before the database closes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtPrintSupport import QPrinter

from citydesk.jobs.weekly_report import ReportJobFailure, ReportScheduler, WeeklyReportJob
from citydesk.ui.app import CitydeskApp

START_DELAY_MS = 3000


@dataclass(frozen=True, slots=True)
class PrintRequest:
    """The job asks the app to print a written report on the default printer."""

    path: Path


class ScheduleBridge(QObject):
    """Owns the report scheduler of one hub; relays the job's outcomes as signals and notices."""

    written = Signal(object)  # WrittenReport
    failed = Signal(object)  # ReportJobFailure
    print_requested = Signal(object)  # PrintRequest
    applied = Signal(object)  # ReportSchedule, after (re)configuring

    def __init__(self, hub: CitydeskApp) -> None:
        super().__init__(hub)
        self.hub = hub
        self.job = WeeklyReportJob(
            hub.db, on_written=self.written.emit, on_failed=self.failed.emit, printer=self.request_print
        )
        self.scheduler = ReportScheduler(self.job)
        self._printing: list[Any] = []
        self.written.connect(self._on_written)
        self.failed.connect(self._on_failed)
        self.print_requested.connect(self._print)

    # ---- called on the job's thread: emit only ----------------------------------------------------

    def request_print(self, path: Path) -> None:
        """The printer the job is given: asks the GUI thread to print `path` (returns at once)."""
        self.print_requested.emit(PrintRequest(Path(path)))

    # ---- GUI thread --------------------------------------------------------------------------------

    def apply(self) -> None:
        """(Re)configure the scheduler from the stored schedule, off the GUI thread."""
        self.hub.runner.read(self.scheduler.apply, self.applied.emit, self._on_apply_error)

    def shutdown(self) -> None:
        """Stop the scheduler."""
        self.scheduler.shutdown()

    def _on_written(self, written: Any) -> None:
        self.hub.notify(
            self.tr("Weekly report"),
            self.tr("The weekly report for {0} ({1}) was written to {2}.").format(
                written.week_text, written.scope_name, written.path
            ),
        )

    def _on_failed(self, failure: ReportJobFailure) -> None:
        self.hub.notify(self.tr("Weekly report"), failure.message, urgent=True)

    def _on_apply_error(self, exc: BaseException) -> None:
        from citydesk.ui.tasks import readable

        self.hub.notify(self.tr("Weekly report"), readable(exc), urgent=True)

    def _print(self, request: PrintRequest) -> None:
        from citydesk.ui.reports.printing import PagePrinter, prepare_printer, printers_available

        if not printers_available():
            self._on_failed(
                ReportJobFailure(
                    "",
                    self.tr("The weekly report was not printed: no printer is set up on this PC. "
                            "It is saved at {0}.").format(request.path),
                    request.path,
                    report_saved=True,
                )
            )  # fmt: skip
            return
        from citydesk.ui.reports.pages import page_size_points

        width, _height = page_size_points(request.path, 0)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, "a4" if abs(width - 595.3) < 3 else "letter", request.path.stem)
        job = PagePrinter(self.hub, request.path, printer, parent=self)
        self._printing.append((job, printer))
        job.finished.connect(lambda outcome, entry=(job, printer): self._printed(entry, outcome, request))
        job.start()

    def _printed(self, entry: Any, outcome: Any, request: PrintRequest) -> None:
        self._printing.remove(entry)
        if outcome.ok:
            self.hub.announce.emit(outcome.message)
        else:
            self.hub.notify(
                self.tr("Weekly report"),
                self.tr("{0} It is saved at {1}.").format(outcome.message, request.path),
                urgent=True,
            )


def schedule_bridge(hub: CitydeskApp) -> ScheduleBridge:
    """The hub's bridge (made on first use)."""
    found = hub.findChild(ScheduleBridge)
    return found if isinstance(found, ScheduleBridge) else ScheduleBridge(hub)


def start_report_schedule(hub: CitydeskApp) -> ScheduleBridge:
    """Apply the stored schedule a few seconds after start (catch-up runs then)."""
    bridge = schedule_bridge(hub)
    QTimer.singleShot(START_DELAY_MS, bridge, bridge.apply)
    return bridge


def stop_report_schedule(hub: CitydeskApp) -> None:
    """Stop the scheduler if one was made (before the database closes)."""
    found = hub.findChild(ScheduleBridge)
    if isinstance(found, ScheduleBridge):
        found.shutdown()
