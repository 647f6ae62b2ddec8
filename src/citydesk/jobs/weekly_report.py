"""The scheduled weekly report: write last week's report once a week, catching up after the PC was off.

* `due_week(schedule, last_week, now, calendar)` — the pure decision: the last full week (city time)
  before `now` is due once `now` has reached its scheduled moment (the schedule's weekday and time,
  city time, in the week after it) and the schedule has not written it yet. So a PC that was off at
  Monday 07:00 writes the report when it next starts, and a week is never written twice.
* `WeeklyReportJob.run_if_due()` — reads the schedule, writes the report with the same function as
  `citydesk report` (`reports.weekly.writer.write_weekly_report`), remembers the week (a services call, in a
  transaction of its own), optionally prints through the injected `printer` callable, and reports
  back through `on_written` / `on_failed`; errors (unwritable folder, missing font, printer) are
  logged and reported, never raised into the scheduler.
* `ReportScheduler` — an APScheduler 3 `BackgroundScheduler` (imported when first started) that
  wakes the job at the scheduled moment, every hour (a PC that slept through the moment), and
  once at start (catch-up). Every wake-up asks `due_week`, so extra wake-ups do nothing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from citydesk.domain.calendar import BusinessCalendar, format_week
from citydesk.domain.clock import Clock
from citydesk.domain.errors import CitydeskError
from citydesk.domain.report_schedule import ReportSchedule
from citydesk.domain.roles import SYSTEM_ACTOR
from citydesk.reports.metrics import last_full_week
from citydesk.store.db import Database

log = logging.getLogger(__name__)

JOB_ID = "weekly-report"
WAKE_ID = "weekly-report-hourly"
START_ID = "weekly-report-start"


@dataclass(frozen=True, slots=True)
class ReportJobFailure:
    """The scheduled report (or its printing) failed: for which week, and a message to show."""

    week: str
    message: str
    path: Path | None = None
    report_saved: bool = False


def scheduled_moment(schedule: ReportSchedule, calendar: BusinessCalendar, year: int, week: int) -> datetime:
    """When the report of ISO week `year-week` is due: the schedule's weekday and time (city time) in
    the following week, as aware UTC. A time skipped by a daylight-saving change counts as the
    moment an hour later; a repeated time counts at its first occurrence."""
    next_monday = date.fromisocalendar(year, week, 1) + timedelta(days=7)
    day = next_monday + timedelta(days=schedule.weekday - 1)
    local = datetime.combine(day, schedule.at, tzinfo=calendar.tz)  # fold=0: the first occurrence
    return local.astimezone(UTC)


def due_week(
    schedule: ReportSchedule,
    last_week: tuple[int, int] | None,
    now: datetime,
    calendar: BusinessCalendar,
) -> tuple[int, int] | None:
    """The week whose report the schedule should write now, or None (disabled, not yet, already done)."""
    if not schedule.enabled:
        return None
    year, week = last_full_week(calendar, now)
    if now < scheduled_moment(schedule, calendar, year, week):
        return None
    if last_week is not None and last_week >= (year, week):
        return None
    return year, week


class WeeklyReportJob:
    """Writes the due weekly report of one database; safe to call from any thread, one run at a time."""

    def __init__(
        self,
        db: Database,
        *,
        clock: Clock | None = None,
        on_written: Callable[[Any], None] | None = None,
        on_failed: Callable[[ReportJobFailure], None] | None = None,
        printer: Callable[[Path], None] | None = None,
        font_dir: Path | None = None,
    ) -> None:
        self.db = db
        self.clock = clock or db.clock
        self.on_written = on_written
        self.on_failed = on_failed
        self.printer = printer
        self.font_dir = font_dir
        self._lock = threading.Lock()
        self._reported: set[tuple[str, str]] = set()  # (week, message) already shown once

    def run_if_due(self) -> Any:
        """Write (and optionally print) the due report; the WrittenReport, or None when nothing was due,
        another run is in progress, or it failed (the failure is logged and passed to `on_failed`)."""
        if not self._lock.acquire(blocking=False):
            return None
        try:
            return self._run()
        finally:
            self._lock.release()

    def _run(self) -> Any:
        from citydesk.reports.weekly.writer import write_weekly_report
        from citydesk.services.report_schedule import record_report_written, report_schedule_state
        from citydesk.store.settings import load_calendar

        now = self.clock.now()
        state = report_schedule_state(self.db)
        with self.db.read() as session:
            calendar = load_calendar(session)
        due = due_week(state.schedule, state.last_week, now, calendar)
        if due is None:
            return None
        schedule, label = state.schedule, format_week(*due)
        try:
            written = write_weekly_report(
                self.db,
                now=now,
                scope=schedule.scope,
                week=due,
                folder=Path(schedule.folder).expanduser(),
                page_size=schedule.page_size,
                font_dir=self.font_dir,
            )
        except (CitydeskError, OSError) as exc:
            self._fail(ReportJobFailure(label, f"The weekly report for {label} was not written: {exc}"))
            return None
        if not record_report_written(self.db, actor=SYSTEM_ACTOR, year=due[0], week=due[1]):
            return None  # another run got there first: this file replaced its identical twin
        log.info("weekly report %s written to %s", label, written.path)
        if self.on_written is not None:
            self.on_written(written)
        if schedule.print_copy:
            self._print(label, written.path)
        return written

    def _print(self, label: str, path: Path) -> None:
        if self.printer is None:
            self._fail(
                ReportJobFailure(
                    label,
                    f"The weekly report for {label} was not printed: no printer is set up for the "
                    f"schedule. It is saved at {path}.",
                    path,
                    report_saved=True,
                )
            )
            return
        try:
            self.printer(path)
        except Exception as exc:  # the printer is the outer edge: any failure is reported, not raised
            self._fail(
                ReportJobFailure(
                    label,
                    f"The weekly report for {label} was not printed: {exc}. It is saved at {path}.",
                    path,
                    report_saved=True,
                )
            )

    def _fail(self, failure: ReportJobFailure) -> None:
        log.error("%s", failure.message)
        key = (failure.week, failure.message)
        if key in self._reported:
            return  # retried every hour: tell the person once
        self._reported.add(key)
        if self.on_failed is not None:
            self.on_failed(failure)


class ReportScheduler:
    """The APScheduler 3 BackgroundScheduler that wakes a WeeklyReportJob (imported when started)."""

    def __init__(self, job: WeeklyReportJob) -> None:
        self.job = job
        self._scheduler: Any = None
        self._guard = threading.Lock()

    @property
    def running(self) -> bool:
        """True while the scheduler thread runs."""
        return self._scheduler is not None

    def apply(self) -> ReportSchedule:
        """Read the schedule and (re)configure: start the scheduler when enabled, with a wake-up at the
        scheduled moment, one every hour and one now (catch-up); stop it when disabled."""
        from citydesk.services.report_schedule import report_schedule_state
        from citydesk.store.settings import load_calendar

        schedule = report_schedule_state(self.job.db).schedule
        with self.job.db.read() as session:
            tz_name = load_calendar(session).tz_name
        with self._guard:
            if not schedule.enabled:
                self._stop()
                return schedule
            if self._scheduler is None:
                from apscheduler.schedulers.background import BackgroundScheduler

                self._scheduler = BackgroundScheduler(
                    timezone=tz_name,
                    job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
                )
                self._scheduler.start()
            self._configure(schedule, tz_name)
        return schedule

    def _configure(self, schedule: ReportSchedule, tz_name: str) -> None:
        from apscheduler.triggers.cron import CronTrigger
        from apscheduler.triggers.interval import IntervalTrigger

        run = self.job.run_if_due
        weekday = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[schedule.weekday - 1]
        cron = CronTrigger(
            day_of_week=weekday, hour=schedule.at.hour, minute=schedule.at.minute, timezone=tz_name
        )
        self._scheduler.add_job(run, cron, id=JOB_ID, replace_existing=True, name="weekly report")
        self._scheduler.add_job(run, IntervalTrigger(hours=1), id=WAKE_ID, replace_existing=True)
        self._scheduler.add_job(run, id=START_ID, replace_existing=True, name="weekly report catch-up")

    def next_run(self) -> datetime | None:
        """When the scheduled-moment wake-up fires next (aware), or None when not scheduled."""
        if self._scheduler is None:
            return None
        job = self._scheduler.get_job(JOB_ID)
        return None if job is None else job.next_run_time

    def _stop(self) -> None:
        if self._scheduler is not None:
            scheduler, self._scheduler = self._scheduler, None
            scheduler.shutdown(wait=False)

    def shutdown(self) -> None:
        """Stop the scheduler (a report being written finishes in its thread)."""
        with self._guard:
            self._stop()
