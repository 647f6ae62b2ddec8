"""The weekly report schedule of this PC and the last week it wrote (device-local settings).

`save_report_schedule` validates and stores the schedule; `record_report_written` remembers the
last week the scheduled job wrote, in a transaction of its own, and refuses to go back or repeat
(so a week is never written twice by the schedule). `report_schedule_state` reads both.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from citydesk.domain.calendar import format_week, parse_week
from citydesk.domain.errors import ValidationError
from citydesk.domain.permissions import Action
from citydesk.domain.report_schedule import ReportSchedule, clean_schedule
from citydesk.domain.roles import Actor
from citydesk.services.transaction import transaction
from citydesk.store.db import Database
from citydesk.store.local_settings import local_value
from citydesk.store.models import Department, LocalSetting, Office

SCHEDULE_KEY = "weekly_report.schedule"
LAST_WEEK_KEY = "weekly_report.last_week"


@dataclass(frozen=True, slots=True)
class ScheduleState:
    """The stored schedule and the last week the schedule wrote (None: never)."""

    schedule: ReportSchedule
    last_week: tuple[int, int] | None


def report_schedule_state(db: Database) -> ScheduleState:
    """Read the schedule and the last week written."""
    with db.read() as session:
        schedule = ReportSchedule.from_value(local_value(session, SCHEDULE_KEY))
        last = local_value(session, LAST_WEEK_KEY)
    try:
        last_week = parse_week(last) if isinstance(last, str) else None
    except ValidationError:
        last_week = None
    return ScheduleState(schedule, last_week)


def save_report_schedule(
    db: Database,
    *,
    actor: Actor,
    enabled: bool,
    weekday: int,
    at: str | time,
    folder: str,
    scope: str,
    page_size: str = "letter",
    print_copy: bool = False,
) -> ReportSchedule:
    """Validate and store the weekly report schedule of this PC (supervisors and admins)."""
    schedule = clean_schedule(
        enabled=enabled,
        weekday=weekday,
        at=at,
        folder=folder,
        scope=scope,
        page_size=page_size,
        print_copy=print_copy,
    )
    if schedule.enabled:
        path = Path(schedule.folder).expanduser()
        if not path.is_dir():
            raise ValidationError("folder", f"The folder {schedule.folder} does not exist.")
        if not os.access(path, os.W_OK | os.X_OK):
            raise ValidationError("folder", f"This PC may not write to the folder {schedule.folder}.")
    with transaction(db, actor, Action.VIEW_REPORTS) as tx:
        _check_scope(tx.session, schedule.scope)
        _put(tx.session, SCHEDULE_KEY, schedule.to_value())
    return schedule


def record_report_written(db: Database, *, actor: Actor, year: int, week: int) -> bool:
    """Remember that the schedule wrote the report of `week`; False (nothing written) if it already
    had this week or a later one. One transaction with nothing else in it."""
    label = format_week(year, week)
    with transaction(db, actor, Action.VIEW_REPORTS) as tx:
        stored = local_value(tx.session, LAST_WEEK_KEY)
        try:
            previous = parse_week(stored) if isinstance(stored, str) else None
        except ValidationError:
            previous = None
        if previous is not None and previous >= (year, week):
            return False
        _put(tx.session, LAST_WEEK_KEY, label)
    return True


def _put(session: Session, key: str, value: Any) -> None:
    statement = insert(LocalSetting).values(key=key, value=value)
    session.execute(statement.on_conflict_do_update(index_elements=[LocalSetting.key], set_={"value": value}))


def _check_scope(session: Session, scope: str) -> None:
    kind, _, code = scope.partition(":")
    kind, code = kind.strip().lower(), code.strip()
    if kind == "city" and not code:
        return
    model: Any = {"office": Office, "department": Department}.get(kind)
    if model is None or not code:
        raise ValidationError(
            "scope", f"Write the scope as city, office:CODE or department:CODE; got {scope!r}."
        )
    codes = session.scalars(select(model.code)).all()
    if not any(c.casefold() == code.casefold() for c in codes):
        raise ValidationError("scope", f"There is no {kind} with the code {code!r}.")
