"""City settings typed by an administrator: each key's text becomes the stored value or a clear error, and
the business calendar is checked with the settings in force."""

from __future__ import annotations

from typing import Any

import pytest

from citydesk.domain.city_settings import DEFAULTS, KEYS, calendar_from, check_city_setting
from citydesk.domain.errors import ValidationError

NOW = {**DEFAULTS, "holidays": ["2026-12-25"]}


@pytest.mark.parametrize(
    ("key", "typed", "stored"),
    [
        ("city_name", "  Springfield ", "Springfield"),
        ("time_zone", "Europe/Madrid", "Europe/Madrid"),
        ("opens", "7:30", "07:30"),
        ("closes", "18:00", "18:00"),
        ("holidays", "2027-01-01, 2026-12-24 2027-01-01", ["2026-12-24", "2027-01-01"]),  # a new list
        ("holidays", "+2027-01-01 -2026-12-25", ["2027-01-01"]),  # changes to the list in force
        ("holidays", "", []),
        ("holidays", "12/24/2026, 1.1.2027", ["2026-12-24", "2027-01-01"]),  # as an MDY city writes them
        ("date_order", "dmy", "DMY"),
        ("WORKING_LANGUAGE", " ES ", "es"),
        ("city_phone", "(555) 010-3100", "(555) 010-3100"),
        ("city_phone", "", None),
    ],
)
def test_typed_values_become_stored_ones(key: str, typed: str, stored: Any) -> None:
    assert check_city_setting(key, typed, NOW) == stored


@pytest.mark.parametrize(
    ("key", "typed", "words"),
    [
        ("colour", "blue", "no city setting 'colour'"),
        ("time_zone", "Mars/Olympus", "time zone"),
        ("opens", "half past seven", "HH:MM"),
        ("opens", "25:00", "not a time of day"),
        ("opens", "17:30", "Closing time must be after opening time"),  # with closes at 17:00
        ("holidays", "25/12/2026", "write holidays as 2026-12-25 or 12/25/2026"),  # not MDY
        ("holidays", "12/25/26", "not a date"),  # a two-digit year is too easy to get wrong
        ("holidays", "+2027-02-30", "not a date"),
        ("date_order", "month first", "one of MDY, DMY, YMD"),
        ("working_language", "fr", "one of en, es"),
        ("city_phone", "12", "phone"),
        ("city_name", "   ", "required"),
    ],
)
def test_bad_values_are_refused_with_what_is_wrong(key: str, typed: str, words: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_city_setting(key, typed, NOW)
    assert words.lower() in str(info.value).lower(), str(info.value)


def test_a_day_month_year_city_writes_its_holidays_its_way() -> None:
    dmy = {**NOW, "date_order": "DMY"}
    assert check_city_setting("holidays", "25/12/2026 01-01-2027", dmy) == ["2026-12-25", "2027-01-01"]
    with pytest.raises(ValidationError, match="2026-12-25 or 25/12/2026"):
        check_city_setting("holidays", "12/25/2026", dmy)


def test_every_key_is_described_and_the_defaults_make_a_calendar() -> None:
    assert all(what for what in KEYS.values())
    calendar = calendar_from(DEFAULTS)
    assert calendar.tz_name == "America/Chicago" and calendar.holidays == frozenset()
