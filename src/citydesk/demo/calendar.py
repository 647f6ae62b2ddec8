"""The demo city's calendar: US city holidays, business hours as integer seconds, and the day plan."""

from __future__ import annotations

import random
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from citydesk.domain.calendar import P1_RESPONSE, BusinessCalendar

DAILY_TICKETS = 110
"""Average tickets per calendar day (weekdays are busier than weekends)."""
DEFAULT_DAYS = 26 * 7
"""Days of history when no ticket count is given."""
WEEKEND_SHARE = 0.35
"""A weekend day or holiday brings this share of a weekday's tickets."""
STORM_FACTOR = 2.0
"""A storm day brings this many times the usual tickets (tree down, streetlights, signals, drains)."""
HOUR = 3600
"""Seconds in an hour."""
DAY = 86400
"""Seconds in a (calendar) day."""


def us_holidays(first: date, last: date) -> list[date]:
    """City holidays in [first, last]: New Year, Memorial Day, July 4, Labor Day, Thanksgiving, Christmas.

    Fixed-date holidays falling on a weekend are observed on the Friday before or the Monday after.
    """
    days: list[date] = []
    for year in range(first.year, last.year + 1):
        for fixed in (date(year, 1, 1), date(year, 7, 4), date(year, 12, 25)):
            if fixed.weekday() == 5:
                fixed -= timedelta(days=1)
            elif fixed.weekday() == 6:
                fixed += timedelta(days=1)
            days.append(fixed)
        may31 = date(year, 5, 31)
        days.append(may31 - timedelta(days=may31.weekday()))
        sep1 = date(year, 9, 1)
        days.append(sep1 + timedelta(days=(7 - sep1.weekday()) % 7))
        nov1 = date(year, 11, 1)
        days.append(nov1 + timedelta(days=(3 - nov1.weekday()) % 7 + 21))
    return sorted(d for d in days if first <= d <= last)


class Hours:
    """The city's days as integer UTC seconds: midnight, opening, closing, business day or not.

    Gives cheap business-time arithmetic (crews work 08:00-17:00 on business days) and due dates that
    follow `BusinessCalendar.due_at`.
    """

    def __init__(self, calendar: BusinessCalendar, first: date, last: date) -> None:
        zone = calendar.tz
        self.first = first
        self.midnight: list[int] = []
        self.open: list[int] = []
        self.close: list[int] = []
        self.work: list[bool] = []
        self.opens_at = calendar.opens.hour * HOUR + calendar.opens.minute * 60
        for offset in range((last - first).days + 1):
            day = first + timedelta(days=offset)
            self.midnight.append(int(datetime.combine(day, time(0), tzinfo=zone).timestamp()))
            self.open.append(int(datetime.combine(day, calendar.opens, tzinfo=zone).timestamp()))
            self.close.append(int(datetime.combine(day, calendar.closes, tzinfo=zone).timestamp()))
            self.work.append(calendar.is_business_day(day))
        self.size = len(self.open)

    def index(self, ts: float) -> int:
        """The day index of an instant."""
        return min(max(bisect_right(self.midnight, ts) - 1, 0), self.size - 1)

    def day_index(self, day: date) -> int:
        """The index of a calendar day."""
        return (day - self.first).days

    def local(self, index: int, seconds: int) -> int:
        """The instant `seconds` after local midnight of day `index` (exact for daytime hours)."""
        return self.open[index] + seconds - self.opens_at

    def in_hours(self, ts: float) -> bool:
        """True during opening hours of a business day."""
        i = self.index(ts)
        return self.work[i] and self.open[i] <= ts < self.close[i]

    def add(self, ts: int, seconds: float) -> int:
        """The instant after `seconds` of business time from `ts` (outside hours, the clock waits)."""
        i = self.index(ts)
        left = seconds
        now = float(ts)
        while i < self.size:
            if self.work[i]:
                if now < self.open[i]:
                    now = self.open[i]
                room = self.close[i] - now
                if room > 0:
                    if left <= room:
                        return int(now + left)
                    left -= room
            i += 1
            if i < self.size:
                now = self.open[i]
        return int(now + left)

    def between(self, start: int, end: int) -> int:
        """Business seconds in [start, end)."""
        if end <= start:
            return 0
        total = 0
        for i in range(self.index(start), self.index(end) + 1):
            if self.work[i]:
                low, high = max(start, self.open[i]), min(end, self.close[i])
                if high > low:
                    total += high - low
        return total

    def due(self, ts: int, priority: str, target: int) -> int:
        """The due instant, as `BusinessCalendar.due_at` computes it (categories always have a target)."""
        if priority == "P1":
            return ts + int(P1_RESPONSE.total_seconds())
        if priority == "P2":
            target = 0
        i = self.index(ts)
        if target == 0:
            if self.work[i] and ts < self.close[i]:
                return self.close[i]
            target = 1
        elif not self.work[i]:
            target -= 1
            while not self.work[i]:
                i += 1
            if target == 0:
                return self.close[i]
        while target > 0 and i < self.size - 1:
            i += 1
            if self.work[i]:
                target -= 1
        return self.close[i]


# ---- the day plan -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlannedDay:
    """One day of the plan: how many tickets arrive, whether a storm hits, whether offices are open."""

    day: date
    count: int
    storm: bool
    workday: bool


def plan_days(as_of: date, tickets: int | None, holidays: set[date], rng: random.Random) -> list[PlannedDay]:
    """How many tickets each day gets: `tickets` exactly, or DEFAULT_DAYS at the usual rate."""
    weekday_rate = DAILY_TICKETS * 7 / (5 + 2 * WEEKEND_SHARE)
    rows: list[list[Any]] = []
    total = 0.0
    while True:
        day = as_of - timedelta(days=len(rows))
        workday = day.weekday() < 5 and day not in holidays
        weight = weekday_rate * (1.0 if workday else WEEKEND_SHARE) * rng.uniform(0.88, 1.12)
        rows.append([day, weight, workday, False])
        total += weight
        if tickets is None and len(rows) >= DEFAULT_DAYS:
            break
        if tickets is not None and total >= tickets:
            break
    rows.reverse()
    if len(rows) >= 14:
        storms = max(1, round(len(rows) / 50))
        for index in sorted(rng.sample(range(len(rows) - 3), storms)):
            rows[index][1] *= STORM_FACTOR
            rows[index][3] = True
            if not rows[index + 1][3]:
                rows[index + 1][1] *= 1.3
    total = sum(row[1] for row in rows)
    wanted = tickets if tickets is not None else round(total)
    plan: list[PlannedDay] = []
    running = 0.0
    given = 0
    for day, weight, workday, storm in rows:
        running += weight
        upto = round(running * wanted / total) if total else 0
        plan.append(PlannedDay(day=day, count=upto - given, storm=storm, workday=workday))
        given = upto
    return plan
