"""The scheduled weekly report on a real SQLite office and real PDFs, driven by a manual clock.

The office runs on America/Chicago. The report of 2026-W47 (Nov 16–22) is due at the default
moment, Monday Nov 23 07:00 CST = 13:00 UTC. The printer is the outer edge: a recorder stands in.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from citydesk.domain.calendar import BusinessCalendar
from citydesk.domain.errors import PermissionDenied, ValidationError
from citydesk.domain.report_schedule import ReportSchedule
from citydesk.jobs.weekly_report import (
    ReportJobFailure,
    ReportScheduler,
    WeeklyReportJob,
    due_week,
    scheduled_moment,
)
from citydesk.reports.weekly import pdf as weekly_pdf
from citydesk.services.report_schedule import (
    record_report_written,
    report_schedule_state,
    save_report_schedule,
)
from factories import Office

CHICAGO = ZoneInfo("America/Chicago")
CAL = BusinessCalendar(tz_name="America/Chicago")
MONDAY = ReportSchedule(enabled=True, folder="/unused")
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def chicago(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=CHICAGO)


class Recorder:
    """Collects what the job reports (it calls these on its own thread)."""

    def __init__(self) -> None:
        self.written: list[Any] = []
        self.failed: list[ReportJobFailure] = []
        self.printed: list[Path] = []
        self.event = threading.Event()

    def on_written(self, written: Any) -> None:
        self.written.append(written)
        self.event.set()

    def on_failed(self, failure: ReportJobFailure) -> None:
        self.failed.append(failure)
        self.event.set()

    def printer(self, path: Path) -> None:
        self.printed.append(path)


def make_job(office: Office, recorder: Recorder, **kwargs: Any) -> WeeklyReportJob:
    return WeeklyReportJob(
        office.db,
        clock=office.clock,
        on_written=recorder.on_written,
        on_failed=recorder.on_failed,
        printer=recorder.printer,
        **kwargs,
    )


def enable(office: Office, folder: Path, **kwargs: Any) -> None:
    values: dict[str, Any] = {"enabled": True, "weekday": 1, "at": "07:00", "folder": str(folder)}
    values.update(kwargs)
    values.setdefault("scope", "city")
    save_report_schedule(office.db, actor=office.supervisor, **values)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The (empty) folder the schedule writes to."""
    made = tmp_path / "reports"
    made.mkdir()
    return made


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout


# ---- the pure decision ------------------------------------------------------------------------


def test_due_only_after_the_scheduled_moment_and_once() -> None:
    assert due_week(MONDAY, None, chicago(11, 23, 6, 59), CAL) is None
    assert due_week(MONDAY, None, chicago(11, 23, 7, 0), CAL) == (2026, 47)
    assert due_week(MONDAY, None, chicago(11, 29, 23, 59), CAL) == (2026, 47)  # still that week
    assert due_week(MONDAY, (2026, 47), chicago(11, 25, 12), CAL) is None  # written already
    assert due_week(MONDAY, (2026, 46), chicago(11, 25, 12), CAL) == (2026, 47)
    # Off for two weeks: at the next start only the last full week is written, once its moment passed.
    assert due_week(MONDAY, (2026, 45), chicago(12, 7, 6, 0), CAL) is None
    assert due_week(MONDAY, (2026, 45), chicago(12, 7, 8, 0), CAL) == (2026, 49)


def test_disabled_schedule_is_never_due() -> None:
    assert due_week(ReportSchedule(enabled=False), None, chicago(11, 24, 12), CAL) is None


def test_another_weekday_and_time() -> None:
    friday = ReportSchedule(enabled=True, weekday=5, at=time(16, 30), folder="/x")
    assert due_week(friday, None, chicago(11, 27, 16, 29), CAL) is None
    assert due_week(friday, None, chicago(11, 27, 16, 30), CAL) == (2026, 47)


def test_the_week_daylight_saving_time_ends() -> None:
    """DST ends Sunday Nov 1, 2026: the report of W44 is due at 07:00 CST = 13:00 UTC, not 12:00 UTC
    (which was 07:00 the Monday before, in CDT)."""
    assert scheduled_moment(MONDAY, CAL, 2026, 43) == datetime(2026, 10, 26, 12, tzinfo=UTC)
    assert scheduled_moment(MONDAY, CAL, 2026, 44) == datetime(2026, 11, 2, 13, tzinfo=UTC)
    assert due_week(MONDAY, (2026, 43), datetime(2026, 11, 2, 12, 30, tzinfo=UTC), CAL) is None
    assert due_week(MONDAY, (2026, 43), datetime(2026, 11, 2, 13, 0, tzinfo=UTC), CAL) == (2026, 44)


def test_a_time_skipped_by_daylight_saving_time() -> None:
    """DST starts Sunday Mar 8, 2026 (02:00 → 03:00): a Sunday 02:30 schedule runs at 03:30 CDT."""
    sunday = ReportSchedule(enabled=True, weekday=7, at=time(2, 30), folder="/x")
    assert scheduled_moment(sunday, CAL, 2026, 9) == datetime(2026, 3, 8, 8, 30, tzinfo=UTC)
    assert due_week(sunday, None, datetime(2026, 3, 8, 8, 29, tzinfo=UTC), CAL) is None
    assert due_week(sunday, None, datetime(2026, 3, 8, 8, 30, tzinfo=UTC), CAL) == (2026, 9)


# ---- the job on a real database -----------------------------------------------------------------


@needs_poppler
def test_pc_off_at_the_moment_writes_at_next_start_and_never_twice(office: Office, folder: Path) -> None:
    enable(office, folder)
    seen = Recorder()
    office.clock.set(chicago(11, 23, 6, 59))
    assert make_job(office, seen).run_if_due() is None  # not yet
    # The PC is off at 07:00 and starts again on Tuesday.
    office.clock.set(chicago(11, 24, 9, 0))
    written = make_job(office, seen).run_if_due()
    assert written is not None and written.week_text == "2026-W47"
    assert written.path == folder / "weekly-report-2026-W47-city.pdf"
    assert [p.name for p in folder.iterdir()] == [written.path.name]
    text = pdf_text(written.path)
    assert "2026-W47" in text and "City of Testville" in text
    assert report_schedule_state(office.db).last_week == (2026, 47)
    assert seen.written == [written] and seen.failed == [] and seen.printed == []
    stamp = written.path.stat().st_mtime_ns
    # The same run again, a restart, and later that week: nothing more.
    assert make_job(office, seen).run_if_due() is None
    office.clock.set(chicago(11, 29, 23, 0))
    assert make_job(office, seen).run_if_due() is None
    assert written.path.stat().st_mtime_ns == stamp and len(seen.written) == 1
    # Next Monday at 07:00: the next week.
    office.clock.set(chicago(11, 30, 7, 0))
    assert make_job(office, seen).run_if_due().week_text == "2026-W48"
    assert sorted(p.name for p in folder.iterdir()) == [
        "weekly-report-2026-W47-city.pdf",
        "weekly-report-2026-W48-city.pdf",
    ]


def test_the_last_week_written_never_goes_back(office: Office) -> None:
    assert record_report_written(office.db, actor=office.supervisor, year=2026, week=47) is True
    assert record_report_written(office.db, actor=office.supervisor, year=2026, week=47) is False
    assert record_report_written(office.db, actor=office.supervisor, year=2026, week=46) is False
    assert report_schedule_state(office.db).last_week == (2026, 47)


def test_disabled_writes_nothing(office: Office, folder: Path) -> None:
    enable(office, folder, enabled=False)
    seen = Recorder()
    office.clock.set(chicago(11, 24, 9, 0))
    assert make_job(office, seen).run_if_due() is None
    assert list(folder.iterdir()) == [] and seen.written == [] and seen.failed == []
    assert report_schedule_state(office.db).last_week is None


def test_daylight_saving_week_written_at_local_seven(office: Office, folder: Path) -> None:
    enable(office, folder, scope="department:PW")
    seen = Recorder()
    office.clock.set(datetime(2026, 11, 2, 12, 59, tzinfo=UTC))  # 06:59 CST
    assert make_job(office, seen).run_if_due() is None
    office.clock.set(datetime(2026, 11, 2, 13, 0, tzinfo=UTC))
    written = make_job(office, seen).run_if_due()
    assert written.week_text == "2026-W44" and written.path.name == "weekly-report-2026-W44-department-pw.pdf"
    assert written.scope_name == "Public Works"


def test_unwritable_folder_is_reported_once_and_retried(
    office: Office, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folder refuses new files (as for any user: root could write through permissions)."""
    enable(office, folder)

    def refuse(path: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(weekly_pdf, "open", refuse, raising=False)
    seen = Recorder()
    job = make_job(office, seen)
    office.clock.set(chicago(11, 24, 9, 0))
    assert job.run_if_due() is None
    assert len(seen.failed) == 1
    failure = seen.failed[0]
    assert failure.week == "2026-W47" and not failure.report_saved
    assert "The weekly report for 2026-W47 was not written" in failure.message
    assert "Permission denied" in failure.message and str(folder) in failure.message
    assert report_schedule_state(office.db).last_week is None and list(folder.iterdir()) == []
    office.clock.advance(hours=1)
    assert job.run_if_due() is None and len(seen.failed) == 1  # retried quietly
    monkeypatch.undo()
    assert job.run_if_due().week_text == "2026-W47"  # the folder works again: written


def test_missing_folder_and_missing_font(office: Office, folder: Path, tmp_path: Path) -> None:
    enable(office, folder)
    folder.rmdir()
    seen = Recorder()
    office.clock.set(chicago(11, 24, 9, 0))
    assert make_job(office, seen).run_if_due() is None
    assert "does not exist" in seen.failed[-1].message and str(folder) in seen.failed[-1].message
    folder.mkdir()
    fonts = tmp_path / "no-fonts"
    fonts.mkdir()
    assert make_job(office, seen, font_dir=fonts).run_if_due() is None
    assert "The report font is missing" in seen.failed[-1].message
    assert list(folder.iterdir()) == [] and report_schedule_state(office.db).last_week is None


def test_printing_through_the_injected_printer(office: Office, folder: Path) -> None:
    enable(office, folder, print_copy=True)
    seen = Recorder()
    office.clock.set(chicago(11, 24, 9, 0))
    written = make_job(office, seen).run_if_due()
    assert seen.printed == [written.path] and seen.failed == []


def test_a_printer_that_fails_keeps_the_report(office: Office, folder: Path) -> None:
    enable(office, folder, print_copy=True)
    seen = Recorder()

    def no_printer(path: Path) -> None:
        raise RuntimeError("no printer is installed")

    job = WeeklyReportJob(office.db, clock=office.clock, on_written=seen.on_written, on_failed=seen.on_failed,
                          printer=no_printer)  # fmt: skip
    office.clock.set(chicago(11, 24, 9, 0))
    written = job.run_if_due()
    assert written.path.exists() and report_schedule_state(office.db).last_week == (2026, 47)
    (failure,) = seen.failed
    assert failure.report_saved and failure.path == written.path
    assert (
        "was not printed: no printer is installed" in failure.message and str(written.path) in failure.message
    )


def test_schedule_validation(office: Office, folder: Path, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as err:
        enable(office, tmp_path / "missing")
    assert err.value.field == "folder"
    with pytest.raises(ValidationError) as err:
        enable(office, tmp_path, at="7 o'clock")
    assert err.value.field == "at"
    with pytest.raises(ValidationError) as err:
        enable(office, tmp_path, scope="office:NOPE")
    assert err.value.field == "scope"
    with pytest.raises(PermissionDenied):
        save_report_schedule(office.db, actor=office.clerk, enabled=False, weekday=1, at="07:00", folder="",
                             scope="city")  # fmt: skip
    assert report_schedule_state(office.db).schedule == ReportSchedule()  # nothing was stored


def test_the_scheduler_catches_up_at_start_and_wakes_at_the_moment(office: Office, folder: Path) -> None:
    enable(office, folder)
    seen = Recorder()
    office.clock.set(chicago(11, 24, 9, 0))
    scheduler = ReportScheduler(make_job(office, seen))
    try:
        scheduler.apply()
        assert scheduler.running
        assert seen.event.wait(30), "the catch-up run did not happen"
        assert [w.week_text for w in seen.written] == ["2026-W47"]
        moment = scheduler.next_run()
        assert moment is not None and moment > datetime.now(UTC)
        local = moment.astimezone(CHICAGO)
        assert (local.isoweekday(), local.hour, local.minute) == (1, 7, 0)
        enable(office, folder, enabled=False)
        scheduler.apply()
        assert not scheduler.running and scheduler.next_run() is None
    finally:
        scheduler.shutdown()
