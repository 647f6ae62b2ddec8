"""City settings stored in `city_setting` (synced) and the business calendar built from them."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from citydesk.domain.calendar import BusinessCalendar
from citydesk.store.models import CitySetting

DEFAULT_DATE_ORDER = "MDY"
"""How the city writes dates unless its `date_order` setting says otherwise (month/day/year)."""

DEFAULTS: dict[str, Any] = {
    "city_name": "Our City",
    "time_zone": "America/Chicago",
    "holidays": [],
    "opens": "08:00",
    "closes": "17:00",
    "date_order": DEFAULT_DATE_ORDER,
}


def load_settings(session: Session) -> dict[str, Any]:
    """Every city setting, with defaults filled in."""
    values = dict(DEFAULTS)
    values.update({k: v for k, v in session.execute(select(CitySetting.key, CitySetting.value))})
    return values


def calendar_from(settings: dict[str, Any]) -> BusinessCalendar:
    """The business calendar described by the settings."""
    from datetime import time

    opens = time.fromisoformat(str(settings.get("opens", "08:00")))
    closes = time.fromisoformat(str(settings.get("closes", "17:00")))
    holidays = frozenset(date.fromisoformat(d) for d in settings.get("holidays") or [])
    return BusinessCalendar(tz_name=str(settings["time_zone"]), opens=opens, closes=closes, holidays=holidays)


def load_calendar(session: Session) -> BusinessCalendar:
    """The city's business calendar."""
    return calendar_from(load_settings(session))
