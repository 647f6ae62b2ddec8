"""Business calendar: business days, day and week bounds across DST, ISO weeks, due dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citydesk.domain.calendar import (
    DEFAULT_TARGET_BUSINESS_DAYS,
    BusinessCalendar,
    format_week,
    parse_week,
    utc,
)
from citydesk.domain.errors import ValidationError
from citydesk.domain.priorities import Priority

CHI = ZoneInfo("America/Chicago")
NEW_YEAR = date(2026, 1, 1)  # a Thursday
MLK_DAY = date(2026, 1, 19)  # a Monday
CAL = BusinessCalendar("America/Chicago", holidays=frozenset({NEW_YEAR, MLK_DAY}))

# January 2026: Mon 5, Fri 9, Sat 10, Sun 11, Mon 12, Fri 16, Mon 19 (holiday), Tue 20.
MON, TUE, FRI, SAT, SUN, NEXT_MON = (
    date(2026, 1, 5),
    date(2026, 1, 6),
    date(2026, 1, 9),
    date(2026, 1, 10),
    date(2026, 1, 11),
    date(2026, 1, 12),
)


def local(d: date, hour: int, minute: int = 0) -> datetime:
    """An aware Chicago-local instant."""
    return datetime.combine(d, time(hour, minute), tzinfo=CHI)


def closing(d: date) -> datetime:
    """17:00 Chicago time on `d`, in UTC."""
    return local(d, 17).astimezone(UTC)


def hours(span: tuple[datetime, datetime]) -> float:
    """Length of a [start, end) span in hours."""
    return (span[1] - span[0]).total_seconds() / 3600


dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))
workday_sets = st.frozensets(st.integers(0, 6), min_size=1)
holiday_sets = st.frozensets(st.dates(min_value=date(1989, 1, 1), max_value=date(2092, 12, 31)), max_size=60)
zones = st.sampled_from(
    ["America/Chicago", "America/New_York", "Europe/Berlin", "Australia/Sydney", "UTC", "America/Havana"]
)
instants = st.datetimes(
    min_value=datetime(1995, 1, 1), max_value=datetime(2085, 12, 31), timezones=st.just(UTC)
)


# -- construction -----------------------------------------------------------------------------------


def test_defaults() -> None:
    cal = BusinessCalendar("America/Chicago")
    assert cal.tz == CHI
    assert cal.workdays == frozenset({0, 1, 2, 3, 4})
    assert (cal.opens, cal.closes) == (time(8), time(17))
    assert cal.holidays == frozenset()
    assert cal == BusinessCalendar("America/Chicago")
    assert hash(cal) == hash(BusinessCalendar("America/Chicago"))


@pytest.mark.parametrize("name", ["Nowhere/Atlantis", "", "   ", "America", "/etc/passwd", "../UTC", "utc"])
def test_unknown_time_zone_names_the_field(name: str) -> None:
    with pytest.raises(ValidationError) as caught:
        BusinessCalendar(name)
    assert caught.value.field == "time_zone"


def test_bad_hours_and_workdays_are_rejected() -> None:
    with pytest.raises(ValidationError) as caught:
        BusinessCalendar("UTC", opens=time(17), closes=time(8))
    assert caught.value.field == "closes"
    with pytest.raises(ValidationError) as caught:
        BusinessCalendar("UTC", workdays=frozenset())
    assert caught.value.field == "workdays"
    with pytest.raises(ValidationError):
        BusinessCalendar("UTC", workdays=frozenset({7}))
    with pytest.raises(ValidationError) as caught:
        BusinessCalendar("UTC", holidays=frozenset({datetime(2026, 1, 1)}))
    assert caught.value.field == "holidays"


def test_plain_sets_are_frozen() -> None:
    cal = BusinessCalendar("UTC", workdays={0, 1}, holidays={NEW_YEAR})  # type: ignore[arg-type]
    assert cal.workdays == frozenset({0, 1}) and isinstance(cal.workdays, frozenset)
    assert isinstance(cal.holidays, frozenset)


# -- naive datetimes and other wrong types ----------------------------------------------------------

NAIVE = datetime(2026, 1, 5, 9, 0)


@pytest.mark.parametrize(
    "call",
    [
        lambda: utc(NAIVE),
        lambda: CAL.local(NAIVE),
        lambda: CAL.local_date(NAIVE),
        lambda: CAL.iso_week_of(NAIVE),
        lambda: CAL.due_at(NAIVE, Priority.P1, None),
        lambda: CAL.due_at(NAIVE, Priority.P3, 2),
    ],
)
def test_naive_datetimes_are_rejected(call: object) -> None:
    with pytest.raises(ValueError, match=r"[Nn]aive"):
        call()  # type: ignore[operator]


def test_datetime_is_not_accepted_as_a_date() -> None:
    with pytest.raises(TypeError):
        CAL.is_business_day(datetime(2026, 1, 1, tzinfo=UTC))
    with pytest.raises(TypeError):
        CAL.day_bounds(datetime(2026, 1, 1, tzinfo=UTC))


def test_utc_converts_aware_datetimes() -> None:
    converted = utc(local(MON, 9))
    assert converted == datetime(2026, 1, 5, 15, 0, tzinfo=UTC)
    assert converted.tzinfo is UTC
    assert CAL.local(datetime(2026, 1, 5, 3, 0, tzinfo=UTC)) == local(date(2026, 1, 4), 21)
    assert CAL.local_date(datetime(2026, 1, 5, 3, 0, tzinfo=UTC)) == date(2026, 1, 4)


# -- business days ----------------------------------------------------------------------------------


def test_weekends_and_holidays_are_not_business_days() -> None:
    assert CAL.is_business_day(MON)
    assert CAL.is_business_day(FRI)
    assert not CAL.is_business_day(SAT)
    assert not CAL.is_business_day(SUN)
    assert not CAL.is_business_day(NEW_YEAR)
    assert not CAL.is_business_day(MLK_DAY)


def test_next_business_day_skips_weekends_and_holidays() -> None:
    assert CAL.next_business_day(MON) == TUE
    assert CAL.next_business_day(FRI) == NEXT_MON
    assert CAL.next_business_day(SAT) == NEXT_MON
    assert CAL.next_business_day(date(2025, 12, 31)) == date(2026, 1, 2)  # over New Year's Day
    assert CAL.next_business_day(date(2026, 1, 16)) == date(2026, 1, 20)  # Friday before MLK Day


def test_add_business_days() -> None:
    assert CAL.add_business_days(MON, 0) == MON
    assert CAL.add_business_days(SAT, 0) == NEXT_MON
    assert CAL.add_business_days(MON, 1) == TUE
    assert CAL.add_business_days(FRI, 1) == NEXT_MON
    assert CAL.add_business_days(SAT, 1) == NEXT_MON
    assert CAL.add_business_days(MON, 5) == NEXT_MON
    # Tue 13 .. Fri 16, MLK Day skipped, Tue 20
    assert CAL.add_business_days(NEXT_MON, 5) == date(2026, 1, 20)
    with pytest.raises(ValueError):
        CAL.add_business_days(MON, -1)


def test_business_days_between() -> None:
    assert CAL.business_days_between(MON, MON) == 0
    assert CAL.business_days_between(MON, TUE) == 1
    assert CAL.business_days_between(FRI, NEXT_MON) == 1
    assert CAL.business_days_between(FRI, SUN) == 0
    assert CAL.business_days_between(MON, NEXT_MON) == 5
    assert CAL.business_days_between(date(2026, 1, 16), date(2026, 1, 20)) == 1  # MLK Day not counted
    assert CAL.business_days_between(date(2025, 12, 29), date(2026, 1, 4)) == 3  # Mon..Sun, New Year off
    assert CAL.business_days_between(TUE, MON) == 0


@given(d=dates, n=st.integers(0, 400), workdays=workday_sets, holidays=holiday_sets)
def test_add_business_days_lands_on_a_business_day(
    d: date, n: int, workdays: frozenset[int], holidays: frozenset[date]
) -> None:
    cal = BusinessCalendar("UTC", workdays=workdays, holidays=holidays)
    result = cal.add_business_days(d, n)
    assert cal.is_business_day(result)
    assert result >= d
    if n >= 1:
        assert result > d
        assert cal.business_days_between(d, result) == n
        assert cal.business_days_between(d, result - timedelta(days=1)) == n - 1


@given(start=dates, length=st.integers(-30, 900), workdays=workday_sets, holidays=holiday_sets)
def test_business_days_between_counts_like_a_loop(
    start: date, length: int, workdays: frozenset[int], holidays: frozenset[date]
) -> None:
    cal = BusinessCalendar("UTC", workdays=workdays, holidays=holidays)
    end = start + timedelta(days=length)
    expected = sum(cal.is_business_day(start + timedelta(days=i)) for i in range(1, length + 1))
    assert cal.business_days_between(start, end) == expected


# -- day and week bounds ----------------------------------------------------------------------------


def test_end_of_business_day_follows_the_offset() -> None:
    assert CAL.end_of_business_day(MON) == datetime(2026, 1, 5, 23, 0, tzinfo=UTC)  # CST, UTC-6
    assert CAL.end_of_business_day(date(2026, 7, 6)) == datetime(2026, 7, 6, 22, 0, tzinfo=UTC)  # CDT, UTC-5
    assert CAL.end_of_business_day(MON).tzinfo is UTC


def test_day_bounds_on_dst_days_in_chicago() -> None:
    ordinary = CAL.day_bounds(MON)
    assert ordinary == (datetime(2026, 1, 5, 6, tzinfo=UTC), datetime(2026, 1, 6, 6, tzinfo=UTC))
    assert hours(ordinary) == 24
    spring = CAL.day_bounds(date(2026, 3, 8))  # clocks go 02:00 -> 03:00
    assert spring == (datetime(2026, 3, 8, 6, tzinfo=UTC), datetime(2026, 3, 9, 5, tzinfo=UTC))
    assert hours(spring) == 23
    fall = CAL.day_bounds(date(2026, 11, 1))  # clocks go 02:00 -> 01:00
    assert fall == (datetime(2026, 11, 1, 5, tzinfo=UTC), datetime(2026, 11, 2, 6, tzinfo=UTC))
    assert hours(fall) == 25
    assert all(b.tzinfo is UTC for b in spring + fall)


def test_day_bounds_when_local_midnight_does_not_exist() -> None:
    havana = BusinessCalendar("America/Havana")  # DST starts at midnight: 00:00 -> 01:00
    start, end = havana.day_bounds(date(2026, 3, 8))
    assert start.astimezone(havana.tz).replace(tzinfo=None) == datetime(2026, 3, 8, 1, 0)
    assert havana.local_date(start - timedelta(microseconds=1)) == date(2026, 3, 7)
    assert hours((start, end)) == 23


@given(d=dates, zone=zones)
@settings(deadline=None)
def test_day_bounds_tile_the_timeline(d: date, zone: str) -> None:
    cal = BusinessCalendar(zone)
    start, end = cal.day_bounds(d)
    assert cal.day_bounds(d + timedelta(days=1))[0] == end
    assert cal.local_date(start) == d
    assert cal.local_date(end - timedelta(microseconds=1)) == d
    assert cal.local_date(start - timedelta(microseconds=1)) < d
    assert 22 <= hours((start, end)) <= 26


@given(instant=instants, zone=zones)
@settings(deadline=None)
def test_an_instant_is_inside_its_day_and_week(instant: datetime, zone: str) -> None:
    cal = BusinessCalendar(zone)
    start, end = cal.day_bounds(cal.local_date(instant))
    assert start <= instant < end
    week_start, week_end = cal.week_bounds(*cal.iso_week_of(instant))
    assert week_start <= instant < week_end


def test_week_bounds_across_dst() -> None:
    ordinary = CAL.week_bounds(2026, 2)
    assert ordinary == (datetime(2026, 1, 5, 6, tzinfo=UTC), datetime(2026, 1, 12, 6, tzinfo=UTC))
    assert hours(ordinary) == 168
    spring_week = date(2026, 3, 8).isocalendar()  # a Sunday: the week runs Mon 2 .. Sun 8 March
    spring = CAL.week_bounds(spring_week.year, spring_week.week)
    assert spring[0].astimezone(CHI).replace(tzinfo=None) == datetime(2026, 3, 2)
    assert hours(spring) == 167
    fall_week = date(2026, 11, 1).isocalendar()
    fall = CAL.week_bounds(fall_week.year, fall_week.week)
    assert hours(fall) == 169
    with pytest.raises(ValidationError) as caught:
        CAL.week_bounds(2025, 53)
    assert caught.value.field == "week"


def test_iso_week_of_uses_city_time() -> None:
    sunday_night = local(date(2026, 1, 4), 23, 30)  # already Monday 05:30 in UTC
    assert sunday_night.astimezone(UTC).isocalendar()[:2] == (2026, 2)
    assert CAL.iso_week_of(sunday_night) == (2026, 1)
    # The ISO year differs from the calendar year here.
    assert CAL.iso_week_of(local(date(2025, 12, 29), 0, 1)) == (2026, 1)
    assert CAL.iso_week_of(local(date(2026, 12, 31), 12)) == (2026, 53)


# -- ISO week text ----------------------------------------------------------------------------------


def test_2026_has_53_iso_weeks_and_2025_does_not() -> None:
    assert date.fromisocalendar(2026, 53, 1) == date(2026, 12, 28)
    with pytest.raises(ValueError):
        date.fromisocalendar(2025, 53, 1)


def test_parse_week() -> None:
    assert parse_week("2026-W47") == (2026, 47)
    assert parse_week("2026-W07") == (2026, 7)
    assert parse_week(" 2026-w05 ") == (2026, 5)
    assert parse_week("2026-W53") == (2026, 53)
    assert parse_week("2020-W53") == (2020, 53)


@pytest.mark.parametrize(
    "text",
    ["2025-W53", "2026-W54", "2026-W00", "2026-47", "26-W47", "2026-W", "W47", "", "next week", "0000-W01"],
)
def test_parse_week_rejects_bad_input(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_week(text)
    assert caught.value.field == "week"


def test_format_week() -> None:
    assert format_week(2026, 7) == "2026-W07"
    assert format_week(2026, 53) == "2026-W53"
    with pytest.raises(ValidationError) as caught:
        format_week(2025, 53)
    assert caught.value.field == "week"


@given(d=dates)
def test_week_text_round_trips(d: date) -> None:
    iso = d.isocalendar()
    assert parse_week(format_week(iso.year, iso.week)) == (iso.year, iso.week)


# -- due dates --------------------------------------------------------------------------------------


def test_p1_is_four_hours_around_the_clock() -> None:
    friday_night = local(FRI, 22)
    assert CAL.due_at(friday_night, Priority.P1, None) == friday_night + timedelta(hours=4)
    assert CAL.due_at(local(NEW_YEAR, 10), Priority.P1, 3) == local(NEW_YEAR, 14)
    # Four elapsed hours across the spring-forward gap: 00:30 CST -> 05:30 CDT.
    before_gap = local(date(2026, 3, 8), 0, 30)
    due = CAL.due_at(before_gap, Priority.P1, None)
    assert due == datetime(2026, 3, 8, 10, 30, tzinfo=UTC)
    assert due is not None and due.astimezone(CHI).hour == 5


@pytest.mark.parametrize(
    ("created", "due_day"),
    [
        (local(MON, 10), MON),
        (local(MON, 6), MON),  # before opening: still today
        (local(MON, 16, 59), MON),
        (local(MON, 17), TUE),  # at closing: next business day
        (local(MON, 23), TUE),
        (local(FRI, 18), NEXT_MON),  # Friday evening
        (local(SAT, 10), NEXT_MON),
        (local(SUN, 23, 59), NEXT_MON),
        (local(NEW_YEAR, 9), date(2026, 1, 2)),  # holiday
        (local(date(2026, 1, 16), 17, 30), date(2026, 1, 20)),  # Friday evening before MLK Day
    ],
)
def test_p2_is_due_at_the_end_of_the_business_day(created: datetime, due_day: date) -> None:
    assert CAL.due_at(created, Priority.P2, None) == closing(due_day)
    assert CAL.due_at(created, Priority.P2, 7) == closing(due_day)  # a category target does not matter
    assert CAL.due_at(created, Priority.P3, 0) == closing(due_day)  # target 0 = same business day
    assert CAL.due_at(created, Priority.OPS, 0) == closing(due_day)


def test_p3_uses_the_target_in_business_days() -> None:
    assert DEFAULT_TARGET_BUSINESS_DAYS == 5
    assert CAL.due_at(local(MON, 10), Priority.P3, None) == closing(NEXT_MON)
    assert CAL.due_at(local(MON, 10), Priority.P3, 1) == closing(TUE)
    assert CAL.due_at(local(MON, 23), Priority.P3, 1) == closing(TUE)
    assert CAL.due_at(local(FRI, 18), Priority.P3, 1) == closing(NEXT_MON)
    assert CAL.due_at(local(SAT, 10), Priority.P3, 1) == closing(NEXT_MON)
    assert CAL.due_at(local(SAT, 10), Priority.P3, 2) == closing(date(2026, 1, 13))
    assert CAL.due_at(local(NEXT_MON, 9), Priority.P3, 5) == closing(date(2026, 1, 20))  # skips MLK Day
    assert CAL.due_at(local(MON, 10), Priority.P3, 10) == closing(date(2026, 1, 20))
    with pytest.raises(ValidationError) as caught:
        CAL.due_at(local(MON, 10), Priority.P3, -1)
    assert caught.value.field == "target_business_days"


def test_ops_has_a_due_date_only_with_a_target() -> None:
    assert CAL.due_at(local(MON, 10), Priority.OPS, None) is None
    assert CAL.due_at(local(MON, 10), Priority.OPS, 3) == CAL.due_at(local(MON, 10), Priority.P3, 3)


def test_due_dates_are_utc_and_accept_any_aware_input() -> None:
    created_utc = local(MON, 10).astimezone(UTC)
    created_berlin = created_utc.astimezone(ZoneInfo("Europe/Berlin"))
    for priority in Priority:
        due = CAL.due_at(created_berlin, priority, 2)
        assert due is not None and due.tzinfo is UTC
        assert due == CAL.due_at(created_utc, priority, 2)
    assert CAL.due_at(created_utc, "P2", None) == closing(MON)  # type: ignore[arg-type]


def test_due_date_near_dst_uses_the_local_closing_time() -> None:
    friday_before_spring = local(date(2026, 3, 6), 18)  # Friday, CST; due Monday 9 March, CDT
    assert CAL.due_at(friday_before_spring, Priority.P2, None) == datetime(2026, 3, 9, 22, tzinfo=UTC)


@given(
    instant=instants,
    zone=zones,
    priority=st.sampled_from([Priority.P2, Priority.P3, Priority.OPS]),
    target=st.integers(0, 30),
    holidays=holiday_sets,
)
@settings(deadline=None)
def test_due_dates_are_a_business_days_closing_time(
    instant: datetime, zone: str, priority: Priority, target: int, holidays: frozenset[date]
) -> None:
    cal = BusinessCalendar(zone, holidays=holidays)
    due = cal.due_at(instant, priority, target)
    assert due is not None and due.tzinfo is UTC
    assert due > instant
    due_day = cal.local_date(due)
    assert cal.is_business_day(due_day)
    assert due == cal.end_of_business_day(due_day)
    same_day = cal.due_at(instant, Priority.P2, None)
    assert same_day is not None and same_day <= due
    if priority is not Priority.P2 and target >= 1:
        assert cal.business_days_between(cal.local_date(instant), due_day) == target
