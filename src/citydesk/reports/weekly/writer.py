"""Write the weekly status report for week W and scope S to a file or a folder.

`write_weekly_report(db, ...)` is the one function behind `citydesk report`, the Reports view and
the scheduled weekly job: it reads the week's figures (`metrics.weekly_metrics`) in one read
transaction, then lays out and writes the PDF (`weekly.pdf.build_weekly_report`, atomically),
reporting progress as `ReportProgress` values through an optional callback (called on the thread
that runs it). `scope_choices(session)` lists the scopes a person can pick. Qt-free.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from citydesk.domain.calendar import format_week
from citydesk.reports import ReportError
from citydesk.store.db import Database

__all__ = [
    "ReportProgress",
    "ScopeChoice",
    "WrittenReport",
    "report_file_name",
    "scope_choices",
    "write_weekly_report",
]

STAGES = (
    "Reading the week's figures…",
    "Loading the report font…",
    "Writing the summary and key figures…",
    "Drawing the charts…",
    "Setting the tables…",
    "Laying out the pages…",
    "Done.",
)
"""What happens next after step n (the first is the metrics, the rest the PDF's own steps)."""


@dataclass(frozen=True, slots=True)
class ReportProgress:
    """How far the report is: `done` of `total` steps, and what it is doing now."""

    done: int
    total: int
    stage: str


@dataclass(frozen=True, slots=True)
class WrittenReport:
    """A report that was written: where, for which week and scope, and how long it took."""

    path: Path
    year: int
    week: int
    scope: str
    scope_name: str
    city_name: str
    seconds: float

    @property
    def week_text(self) -> str:
        """The week as "2026-W47"."""
        return format_week(self.year, self.week)


@dataclass(frozen=True, slots=True)
class ScopeChoice:
    """A scope a person can pick: its text for `parse_scope` ("office:CLK") and a label."""

    text: str
    label: str


def scope_choices(session: Session) -> tuple[ScopeChoice, ...]:
    """The whole city, then every office and every department (by name)."""
    from citydesk.store.models import Department, Office

    offices = session.execute(select(Office.code, Office.name).order_by(Office.name)).all()
    deps = session.execute(select(Department.code, Department.name).order_by(Department.name)).all()
    return (
        ScopeChoice("city", "Whole city"),
        *(ScopeChoice(f"office:{code}", f"Office: {name}") for code, name in offices),
        *(ScopeChoice(f"department:{code}", f"Department: {name}") for code, name in deps),
    )


def report_file_name(year: int, week: int, scope: str) -> str:
    """The file name a report gets in a folder: "weekly-report-2026-W47-city.pdf"."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", scope.strip()).strip("-").lower() or "city"
    return f"weekly-report-{format_week(year, week)}-{slug}.pdf"


def write_weekly_report(
    db: Database,
    *,
    now: datetime,
    scope: str = "city",
    week: tuple[int, int] | None = None,
    out: Path | None = None,
    folder: Path | None = None,
    page_size: str = "letter",
    progress: Callable[[ReportProgress], None] | None = None,
    font_dir: Path | None = None,
) -> WrittenReport:
    """Compute the week's figures and write the PDF to `out`, or into `folder` under its usual name.

    `week` defaults to the last full week in city time before `now`; a week that has not started,
    an unknown scope, a missing folder, an unwritable folder or a missing font raise a
    CitydeskError with a clear message, and no file is left behind.
    """
    from citydesk.reports.metrics import last_full_week, parse_scope, weekly_metrics
    from citydesk.reports.weekly.pdf import build_weekly_report
    from citydesk.reports.working_language import working_language
    from citydesk.store.settings import load_calendar

    if (out is None) == (folder is None):
        raise ValueError("give exactly one of out= and folder=")
    total = len(STAGES) - 1

    def report(done: int) -> None:
        if progress is not None:
            progress(ReportProgress(done, total, STAGES[done]))

    started = time.perf_counter()
    report(0)
    with db.read() as session:
        calendar = load_calendar(session)
        year, week_no = week if week is not None else last_full_week(calendar, now)
        parsed = parse_scope(session, scope)
        metrics = weekly_metrics(session, year=year, week=week_no, scope=parsed, now=now)
        language = working_language(session)
    if folder is not None:
        folder = Path(folder)
        if not folder.is_dir():
            raise ReportError(f"The report folder {folder} does not exist (or is not a folder).", path=folder)
        out = folder / report_file_name(year, week_no, scope)
    assert out is not None
    path = build_weekly_report(
        metrics,
        city_name=metrics.city_name,
        scope_label=metrics.scope_name,
        page_size=page_size,
        out_path=out,
        progress=lambda done, _steps: report(1 + done),
        font_dir=font_dir,
        language=language,
    )
    return WrittenReport(
        path=path,
        year=year,
        week=week_no,
        scope=scope,
        scope_name=metrics.scope_name,
        city_name=metrics.city_name,
        seconds=time.perf_counter() - started,
    )
