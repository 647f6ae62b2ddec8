"""City settings stored in `city_setting` (synced) and the business calendar built from them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from citydesk.domain.calendar import BusinessCalendar
from citydesk.domain.city_settings import DEFAULT_DATE_ORDER, DEFAULTS, calendar_from
from citydesk.store.models import CitySetting

__all__ = ["DEFAULTS", "DEFAULT_DATE_ORDER", "calendar_from", "load_calendar", "load_settings"]


def load_settings(session: Session) -> dict[str, Any]:
    """Every city setting, with defaults filled in."""
    values = dict(DEFAULTS)
    values.update({k: v for k, v in session.execute(select(CitySetting.key, CitySetting.value))})
    return values


def load_calendar(session: Session) -> BusinessCalendar:
    """The city's business calendar."""
    return calendar_from(load_settings(session))
