"""The city's business calendar: local days and ISO weeks, business days, and due dates.

Every stamp citydesk stores is an aware UTC datetime; the city's IANA time zone decides what "today",
"this week", a business day and a due date mean. Everything here is pure arithmetic over the standard
library (`zoneinfo`; the `tzdata` package supplies the zone data where the OS has none).

Conventions:

* Instants (`datetime`) must be time-zone aware; a naive datetime raises `ValueError` everywhere.
  Instants returned are aware UTC.
* Calendar days (`date`) are days in the city's time zone. Passing a `datetime` where a `date` is
  expected raises `TypeError` (a `datetime` is a `date` subclass that silently compares unequal to dates).
* Day and week bounds are half-open `[start, end)` in UTC and follow the zone's real offsets, so the
  days DST starts and ends are 23 and 25 hours long where the zone has DST.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from citydesk.domain.errors import ValidationError
from citydesk.domain.priorities import Priority

__all__ = [
    "DEFAULT_TARGET_BUSINESS_DAYS",
    "P1_RESPONSE",
    "BusinessCalendar",
    "format_week",
    "parse_week",
    "utc",
]

DEFAULT_TARGET_BUSINESS_DAYS = 5
"""A P3 ticket's target in business days when its category sets none."""

P1_RESPONSE = timedelta(hours=4)
"""A P1 ticket is due this long after it was created, around the clock."""

_WEEK_RE = re.compile(r"(\d{4})-?W(\d{1,2})", re.IGNORECASE)


def utc(dt: datetime) -> datetime:
    """Return the aware datetime `dt` converted to UTC; raise ValueError if it is naive."""
    if not isinstance(dt, datetime):
        raise TypeError(f"Expected a datetime, got {type(dt).__name__}")
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"Naive datetime {dt.isoformat()} given where an aware one is required")
    return dt.astimezone(UTC)


def _plain_date(d: date) -> date:
    """Return `d` after checking it is a calendar date and not a datetime."""
    if isinstance(d, datetime) or not isinstance(d, date):
        raise TypeError(f"Expected a date (not a datetime), got {type(d).__name__}: {d!r}")
    return d


def _monday_of(iso_year: int, iso_week: int) -> date:
    """Monday of the ISO week, or ValidationError('week') if the week does not exist."""
    if any(isinstance(v, bool) or not isinstance(v, int) for v in (iso_year, iso_week)):
        raise ValidationError("week", "The year and week must be whole numbers.")
    try:
        return date.fromisocalendar(iso_year, iso_week, 1)
    except (ValueError, OverflowError):
        if 1 <= iso_year <= 9999:
            hint = f"; {iso_year} has weeks 1 to {_weeks_in(iso_year)}"
        else:
            hint = "; the year must be between 1 and 9999"
        raise ValidationError("week", f"{iso_year}-W{iso_week:02d} is not a week{hint}.") from None


def _weeks_in(iso_year: int) -> int:
    """How many ISO weeks `iso_year` has (52 or 53)."""
    return date(iso_year, 12, 28).isocalendar().week


def parse_week(text: str) -> tuple[int, int]:
    """Parse an ISO week such as "2026-W47" into (iso_year, iso_week); ValidationError('week') if bad."""
    match = _WEEK_RE.fullmatch(text.strip()) if isinstance(text, str) else None
    if match is None:
        raise ValidationError("week", f"Write the week as YYYY-Www, for example 2026-W07; got {text!r}.")
    year, week = int(match.group(1)), int(match.group(2))
    _monday_of(year, week)
    return year, week


def format_week(year: int, week: int) -> str:
    """Format an ISO year and week as "2026-W07"; ValidationError('week') if the week does not exist."""
    _monday_of(year, week)
    return f"{year:04d}-W{week:02d}"


@dataclass(frozen=True)
class BusinessCalendar:
    """The city's working calendar: time zone, working days and hours, holidays.

    Due dates (`due_at`), all returned as aware UTC:

    * P1: created + 4 hours, around the clock (business days and hours do not matter).
    * P2: end of the same business day (its `closes` time) if created on a business day before
      closing time; otherwise end of the next business day.
    * P3: end of the business day `target_business_days` business days after the local date of
      creation (`DEFAULT_TARGET_BUSINESS_DAYS` when the target is None). A target of 0 means "same
      business day" and follows the P2 rule.
    * OPS: the P3 rule when a target is given; None otherwise (planned work has no due date).
    """

    tz_name: str
    workdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})
    opens: time = time(8, 0)
    closes: time = time(17, 0)
    holidays: frozenset[date] = frozenset()
    _zone: ZoneInfo = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        """Validate the settings and resolve the time zone."""
        object.__setattr__(self, "_zone", _load_zone(self.tz_name))

        try:
            workdays = frozenset(self.workdays)
        except TypeError:
            raise ValidationError("workdays", "Working days must be a set of weekday numbers.") from None
        if not workdays:
            raise ValidationError("workdays", "At least one weekday must be a working day.")
        if any(isinstance(w, bool) or not isinstance(w, int) or not 0 <= w <= 6 for w in workdays):
            raise ValidationError(
                "workdays", "Working days are weekday numbers from 0 (Monday) to 6 (Sunday)."
            )
        object.__setattr__(self, "workdays", workdays)

        for name in ("opens", "closes"):
            value = getattr(self, name)
            if not isinstance(value, time) or value.tzinfo is not None:
                raise ValidationError(name, "Opening and closing hours must be local clock times.")
        if not self.opens < self.closes:
            raise ValidationError("closes", "Closing time must be after opening time.")

        try:
            holidays = frozenset(self.holidays)
        except TypeError:
            raise ValidationError("holidays", "Holidays must be a set of dates.") from None
        if any(isinstance(h, datetime) or not isinstance(h, date) for h in holidays):
            raise ValidationError("holidays", "Holidays must be calendar dates.")
        object.__setattr__(self, "holidays", holidays)

    # -- time zone ---------------------------------------------------------------------------------

    @property
    def tz(self) -> ZoneInfo:
        """The city's time zone."""
        return self._zone

    def local(self, instant: datetime) -> datetime:
        """The aware `instant` as an aware datetime in the city's time zone."""
        return utc(instant).astimezone(self._zone)

    def local_date(self, instant: datetime) -> date:
        """The city-local calendar date of the aware `instant`."""
        return self.local(instant).date()

    # -- business days -----------------------------------------------------------------------------

    def is_business_day(self, d: date) -> bool:
        """True if `d` is a working weekday and not a holiday."""
        d = _plain_date(d)
        return d.weekday() in self.workdays and d not in self.holidays

    def next_business_day(self, d: date) -> date:
        """The first business day strictly after `d`."""
        d = _plain_date(d) + timedelta(days=1)
        while not self.is_business_day(d):
            d += timedelta(days=1)
        return d

    def add_business_days(self, d: date, n: int) -> date:
        """The n-th business day after `d` (n >= 0); n = 0 gives `d` if a business day, else the next."""
        d = _plain_date(d)
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise ValueError(f"add_business_days needs a whole number n >= 0, got {n!r}")
        if n == 0:
            return d if self.is_business_day(d) else self.next_business_day(d)
        for _ in range(n):
            d = self.next_business_day(d)
        return d

    def business_days_between(self, start: date, end: date) -> int:
        """The number of business days in (start, end]; 0 when end <= start."""
        start, end = _plain_date(start), _plain_date(end)
        days = (end - start).days
        if days <= 0:
            return 0
        full_weeks, rest = divmod(days, 7)
        count = full_weeks * len(self.workdays)
        tail = start + timedelta(days=full_weeks * 7)
        count += sum(1 for i in range(1, rest + 1) if (tail + timedelta(days=i)).weekday() in self.workdays)
        count -= sum(1 for h in self.holidays if start < h <= end and h.weekday() in self.workdays)
        return count

    # -- day and week bounds -----------------------------------------------------------------------

    def end_of_business_day(self, d: date) -> datetime:
        """The closing time on `d` in the city's time zone, as aware UTC."""
        d = _plain_date(d)
        return datetime.combine(d, self.closes, tzinfo=self._zone).astimezone(UTC)

    def _start_of_day(self, d: date) -> datetime:
        """The first instant (UTC) whose city-local date is `d`, even if local midnight is skipped."""
        candidate = datetime.combine(d, time(0), tzinfo=self._zone).astimezone(UTC)
        if candidate.astimezone(self._zone).time() == time(0):
            return candidate
        # Local midnight falls in a DST gap: the day starts at the transition, somewhere before the
        # candidate (which was computed with the pre-transition offset). Bisect for it in whole seconds.
        lo, hi = candidate - timedelta(days=1), candidate
        while hi - lo > timedelta(seconds=1):
            mid = lo + timedelta(seconds=(hi - lo).total_seconds() // 2)
            if mid.astimezone(self._zone).date() >= d:
                hi = mid
            else:
                lo = mid
        return hi

    def day_bounds(self, d: date) -> tuple[datetime, datetime]:
        """[local midnight of `d`, next local midnight) as aware UTC; 23 or 25 hours long on DST days."""
        d = _plain_date(d)
        return self._start_of_day(d), self._start_of_day(d + timedelta(days=1))

    def week_bounds(self, iso_year: int, iso_week: int) -> tuple[datetime, datetime]:
        """[Monday 00:00 local, next Monday 00:00 local) of the ISO week, as aware UTC."""
        monday = _monday_of(iso_year, iso_week)
        return self._start_of_day(monday), self._start_of_day(monday + timedelta(days=7))

    def iso_week_of(self, instant: datetime) -> tuple[int, int]:
        """The (iso_year, iso_week) that the aware `instant` falls in, in city time."""
        iso = self.local_date(instant).isocalendar()
        return iso.year, iso.week

    # -- due dates ---------------------------------------------------------------------------------

    def due_at(
        self, created: datetime, priority: Priority, target_business_days: int | None
    ) -> datetime | None:
        """When a ticket created at `created` is due (aware UTC), or None; see the class docstring."""
        created = utc(created)
        priority = Priority(priority)
        if priority is Priority.P1:
            return created + P1_RESPONSE
        if priority is Priority.OPS and target_business_days is None:
            return None
        if priority is Priority.P2:
            target = 0
        else:
            target = DEFAULT_TARGET_BUSINESS_DAYS if target_business_days is None else target_business_days
            if isinstance(target, bool) or not isinstance(target, int) or target < 0:
                raise ValidationError(
                    "target_business_days",
                    f"The target must be a whole number of business days, got {target!r}.",
                )
        day = self.local_date(created)
        if target == 0:
            if self.is_business_day(day) and created < self.end_of_business_day(day):
                return self.end_of_business_day(day)
            return _due_after(self, day, 1)
        return _due_after(self, day, target)


@lru_cache(maxsize=4096)
def _due_after(calendar: BusinessCalendar, day: date, business_days: int) -> datetime:
    """Closing time of the n-th business day after `day` (memoized: bulk paths ask it thousands of times)."""
    return calendar.end_of_business_day(calendar.add_business_days(day, business_days))


def _load_zone(tz_name: str) -> ZoneInfo:
    """The ZoneInfo for an IANA name, or ValidationError('time_zone')."""
    if not isinstance(tz_name, str) or not tz_name.strip():
        raise ValidationError("time_zone", "Choose the city's time zone, for example America/Chicago.")
    try:
        return ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError, OSError, TypeError):
        raise ValidationError(
            "time_zone", f"Unknown time zone {tz_name!r}; use an IANA name such as America/Chicago."
        ) from None
