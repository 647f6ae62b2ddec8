"""The report's scope and week: `city`, `office:CODE` or `department:CODE`, its display name, and the
last full ISO week before an instant (city time)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from citydesk.domain.calendar import BusinessCalendar
from citydesk.domain.errors import ValidationError
from citydesk.reports.metrics.queries import departments, offices
from citydesk.reports.model import Scope, ScopeKind

__all__ = ["last_full_week", "parse_scope", "scope_name"]


def parse_scope(session: Session, text: str) -> Scope:
    """`city`, `office:CODE` or `department:CODE` → Scope; ValidationError('scope') when unknown."""
    raw = (text or "").strip()
    kind, _, code = raw.partition(":")
    kind, code = kind.strip().lower(), code.strip()
    if kind == ScopeKind.CITY and not code:
        return Scope.city()
    if kind not in (ScopeKind.OFFICE, ScopeKind.DEPARTMENT) or not code:
        raise ValidationError(
            "scope", f"Write the scope as city, office:CODE or department:CODE; got {text!r}."
        )
    model: Any = offices.c if kind == ScopeKind.OFFICE else departments.c
    rows = session.execute(select(model.id, model.code)).all()
    for row_id, row_code in rows:
        if row_code.casefold() == code.casefold():
            return Scope(ScopeKind(kind), row_id)
    known = ", ".join(sorted(c for _i, c in rows)) or "none"
    raise ValidationError("scope", f"There is no {kind} with the code {code!r} (known: {known}).")


def scope_name(session: Session, scope: Scope) -> str:
    """The scope's name ("Whole city", "City Hall office", "Public Works"); ValidationError if unknown."""
    if scope.kind == ScopeKind.CITY:
        return "Whole city"
    if scope.kind == ScopeKind.OFFICE:
        name = session.scalar(select(offices.c.name).where(offices.c.id == scope.id))
        if name is None:
            raise ValidationError("scope", f"There is no office with the id {scope.id!r}.")
        return f"{name} office"
    if scope.kind == ScopeKind.DEPARTMENT:
        name = session.scalar(select(departments.c.name).where(departments.c.id == scope.id))
        if name is None:
            raise ValidationError("scope", f"There is no department with the id {scope.id!r}.")
        return str(name)
    raise ValidationError("scope", f"Unknown scope {scope!r}.")


def last_full_week(calendar: BusinessCalendar, now: datetime) -> tuple[int, int]:
    """The ISO week before the one `now` falls in (city time)."""
    monday = date.fromisocalendar(*calendar.iso_week_of(now), 1) - timedelta(days=7)
    iso = monday.isocalendar()
    return iso.year, iso.week
