"""The city settings an administrator may change after setup, typed as text, checked, and stored as JSON.

`check_city_setting(key, text, current)` turns what an administrator typed (`citydesk setting set` on a
standalone office, `citydesk-server setting set` for a connected city) into the stored value, or raises a
ValidationError naming what is wrong; the whole calendar is checked with the other settings in force, so
opening hours can never end before they start. Holidays are ISO dates or dates as the city writes them
(its `date_order`), stored as ISO, separated by commas or spaces (""
clears them; "+2026-12-26 -2027-01-01" adds one and takes one out of the list in force).
`calendar_from` builds the business calendar the settings describe.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, time
from typing import Any

from citydesk.domain import validation
from citydesk.domain.calendar import BusinessCalendar
from citydesk.domain.errors import ValidationError
from citydesk.domain.working_language import check_working_language

DATE_ORDERS = ("MDY", "DMY", "YMD")
DEFAULT_DATE_ORDER = "MDY"
"""How the city writes dates unless its `date_order` setting says otherwise (month/day/year)."""
DEFAULTS: dict[str, Any] = {
    "city_name": "Our City",
    "time_zone": "America/Chicago",
    "holidays": [],
    "opens": "08:00",
    "closes": "17:00",
    "date_order": DEFAULT_DATE_ORDER,
    "working_language": "en",
}
"""The settings a city has before it changes them."""
KEYS: dict[str, str] = {
    "city_name": "the city's name (on reports and receipts)",
    "time_zone": "IANA time zone, e.g. America/Chicago",
    "opens": "opening time, HH:MM (24-hour)",
    "closes": "closing time, HH:MM (24-hour)",
    "holidays": "the city's holidays: dates (2026-12-25, or as the city writes them) for the whole list, "
    "or +DATE to add and -DATE to take out; an empty text clears them",
    "date_order": "how the city writes dates: MDY, DMY or YMD",
    "working_language": "the language of the weekly report and CSV headings: en or es",
    "city_phone": "the phone number receipts tell citizens to call (empty: none)",
}
"""Every setting that can be changed, with what it takes."""


def check_city_setting(key: str, typed: str, current: Mapping[str, Any], *, calendar: bool = True) -> Any:
    """The value to store for setting `key` from the text `typed`; ValidationError when either is wrong.
    `current` holds the settings in force (with defaults), against which the business calendar is checked
    (`calendar=False`: the caller checks it once several values are in)."""
    name = str(key or "").strip().lower()
    if name not in KEYS:
        known = ", ".join(KEYS)
        raise ValidationError("key", f"There is no city setting {key!r}; the settings are: {known}.")
    text = str(typed or "").strip()
    value: Any
    if name == "city_name":
        value = validation.text("city_name", text, required=True, max_len=120, label="City name")
    elif name in ("opens", "closes"):
        value = _clock_time(name, text)
    elif name == "holidays":
        value = _holidays(text, current.get("holidays") or [], str(current.get("date_order") or "MDY"))
    elif name == "date_order":
        value = text.upper()
        if value not in DATE_ORDERS:
            raise ValidationError("date_order", f"The date order must be one of {', '.join(DATE_ORDERS)}.")
    elif name == "working_language":
        value = check_working_language(text)
    elif name == "city_phone":
        value = validation.phone(text)
    else:  # time_zone: checked with the calendar below
        value = text
    if calendar and name in ("time_zone", "opens", "closes", "holidays"):
        calendar_from({**current, name: value})
    return value


def setting_text(value: object) -> str:
    """A setting's value as the commands print it ("(none)" for nothing)."""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "(none)"
    return "(none)" if value in (None, "") else str(value)


def _clock_time(name: str, text: str) -> str:
    if not re.fullmatch(r"\d{1,2}:\d{2}", text):
        raise ValidationError(name, f"Give the {'opening' if name == 'opens' else 'closing'} time as HH:MM.")
    try:
        return time.fromisoformat(text.zfill(5)).strftime("%H:%M")
    except ValueError:
        raise ValidationError(name, f"{text} is not a time of day (HH:MM, 00:00 to 23:59).") from None


def _holidays(text: str, current: list[str], order: str) -> list[str]:
    parts = [part for part in re.split(r"[\s,;]+", text) if part]
    edits = bool(parts) and all(part[0] in "+-" for part in parts)  # changes to the list in force
    days: set[date] = {date.fromisoformat(d) for d in current} if edits else set()
    for part in parts:
        sign, day = (part[0], part[1:]) if edits else ("+", part)
        found = _day(day, order)
        if found is None:
            example = WRITTEN.get(order, WRITTEN["MDY"])
            message = f"{part} is not a date; write holidays as 2026-12-25 or {example}."
            raise ValidationError("holidays", message)
        (days.add if sign == "+" else days.discard)(found)
    return [d.isoformat() for d in sorted(days)]


WRITTEN = {"MDY": "12/25/2026", "DMY": "25/12/2026", "YMD": "2026/12/25"}
"""Christmas 2026 as each date order writes it."""


def _day(typed: str, order: str) -> date | None:
    """An ISO date, or one written in the city's date order with slashes, dots or dashes; None if neither."""
    try:
        return date.fromisoformat(typed)
    except ValueError:
        pass
    numbers = re.fullmatch(r"(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})", typed)
    if numbers is None:
        return None
    a, b, c = (int(n) for n in numbers.groups())
    year, month, day = {"MDY": (c, a, b), "DMY": (c, b, a)}.get(order, (a, b, c))
    try:
        return date(year, month, day) if year >= 1000 else None
    except ValueError:
        return None


def calendar_from(settings: Mapping[str, Any]) -> BusinessCalendar:
    """The business calendar the settings describe (ValidationError when they do not make one)."""
    return BusinessCalendar(
        tz_name=str(settings["time_zone"]),
        opens=time.fromisoformat(str(settings.get("opens", "08:00"))),
        closes=time.fromisoformat(str(settings.get("closes", "17:00"))),
        holidays=frozenset(date.fromisoformat(d) for d in settings.get("holidays") or []),
    )
