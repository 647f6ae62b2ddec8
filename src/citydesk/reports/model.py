"""The weekly metrics as plain frozen dataclasses (Qt-free; shared by the PDF, the UI and benchmarks).

Every figure a week reports carries the previous week's value where a comparison makes sense
(`Figure`, `RateFigure`); rates keep their counts ("41 of 45, 91%") so they are never printed
without them. Instants are aware UTC datetimes; `WeeklyMetrics.tz_name` says how to show them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from citydesk.domain import metrics as dm
from citydesk.domain.calendar import format_week

WARD_NOTE = "Ward/district: tickets have no ward yet (a later release adds addresses); not broken down."


class ScopeKind(StrEnum):
    """What part of the city a report covers."""

    CITY = "city"
    OFFICE = "office"
    DEPARTMENT = "department"


@dataclass(frozen=True, slots=True)
class Scope:
    """The whole city, one office (tickets it logged) or one department (tickets routed to it)."""

    kind: ScopeKind = ScopeKind.CITY
    id: str | None = None

    @classmethod
    def city(cls) -> Scope:
        """The whole city."""
        return cls(ScopeKind.CITY)

    @classmethod
    def office(cls, office_id: str) -> Scope:
        """The tickets logged at one office (its office of origin)."""
        return cls(ScopeKind.OFFICE, office_id)

    @classmethod
    def department(cls, department_id: str) -> Scope:
        """The tickets routed to one department."""
        return cls(ScopeKind.DEPARTMENT, department_id)


@dataclass(frozen=True, slots=True)
class Figure:
    """A number this week and last week; `change_pct` is None when last week was 0 or unknown."""

    current: float | None
    previous: float | None

    @property
    def change_pct(self) -> float | None:
        """Percent change from last week (None when it makes no sense)."""
        if self.current is None or self.previous is None:
            return None
        return dm.pct_change(self.current, self.previous)


@dataclass(frozen=True, slots=True)
class Rate:
    """`part` of `total` (on time, first-contact resolution); printed with its counts."""

    part: int
    total: int

    @property
    def pct(self) -> float | None:
        """The share in percent, or None when the total is 0."""
        return self.part / self.total * 100 if self.total else None

    @property
    def whole_pct(self) -> int | None:
        """The share in whole percent, rounded down (a rate is never shown above what it is)."""
        return self.part * 100 // self.total if self.total else None

    def text(self) -> str:
        """The rate as "41 of 45, 91%" (or "none" when the total is 0)."""
        if not self.total:
            return "none"
        return f"{self.part:,} of {self.total:,}, {self.whole_pct}%"


@dataclass(frozen=True, slots=True)
class RateFigure:
    """A rate this week and last week; the change is in percentage points."""

    current: Rate
    previous: Rate

    @property
    def change_points(self) -> float | None:
        """Change in percentage points from last week (None if either week had no cases)."""
        if self.current.pct is None or self.previous.pct is None:
            return None
        return self.current.pct - self.previous.pct


@dataclass(frozen=True, slots=True)
class DurationStats:
    """Median and 90th percentile of a duration in hours over `count` tickets."""

    count: int
    median_hours: float | None
    p90_hours: float | None

    @classmethod
    def of(cls, hours: list[float]) -> DurationStats:
        """The stats of a list of durations (domain median and nearest-rank percentile)."""
        return cls(len(hours), dm.median(hours), dm.percentile(hours, 90))


@dataclass(frozen=True, slots=True)
class OnTimeRow:
    """On-time counts of one category or department for requests resolved in the week."""

    id: str | None
    name: str
    rate: Rate
    target_business_days: int | None = None


@dataclass(frozen=True, slots=True)
class DepartmentRow:
    """One department's week: requests opened, resolved, open at the end, resolved on time."""

    id: str | None
    name: str
    opened: int
    resolved: int
    open_end: int
    on_time: Rate


@dataclass(frozen=True, slots=True)
class DayVolume:
    """One city-local day of the week against the usual volume for that weekday."""

    day: date
    opened: int
    resolved: int
    usual_opened: float

    @property
    def vs_usual_pct(self) -> float | None:
        """How far the day's opened count is above (+) or below (-) the usual, in percent."""
        if not self.usual_opened:
            return None
        return (self.opened - self.usual_opened) / self.usual_opened * 100


@dataclass(frozen=True, slots=True)
class TrendWeek:
    """One week of the 4-week trend."""

    year: int
    week: int
    monday: date
    opened: int
    resolved: int
    backlog_end: int

    @property
    def label(self) -> str:
        """The ISO week as "2026-W47"."""
        return format_week(self.year, self.week)


@dataclass(frozen=True, slots=True)
class WorkloadRow:
    """One person's week: open tickets assigned at the end, resolved in the week, minutes logged."""

    user_id: str
    name: str
    open_assigned: int
    resolved: int
    minutes_logged: int


@dataclass(frozen=True, slots=True)
class OpenTicketRow:
    """An open request at the end of the week (past due first, then the oldest)."""

    number: str
    title: str
    priority: str
    department: str
    owner: str
    created_at: datetime
    due_at: datetime | None
    age_days: int
    days_past_due: int | None


@dataclass(frozen=True, slots=True)
class RecurringProblem:
    """Three or more requests in 90 days about the same category and place, or from the same person."""

    kind: str  # "place" or "requester"
    label: str
    count: int
    open_now: int
    numbers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class IncidentStep:
    """One line of a P1 incident's short timeline."""

    at: datetime
    text: str


@dataclass(frozen=True, slots=True)
class Incident:
    """A P1 request logged in the week, with a short timeline."""

    number: str
    title: str
    status: str
    department: str
    owner: str
    created_at: datetime
    first_response_at: datetime | None
    resolved_at: datetime | None
    steps: tuple[IncidentStep, ...]


@dataclass(frozen=True, slots=True)
class OfficeSync:
    """When an office's data last reached this database (None: not synced yet)."""

    code: str
    name: str
    is_local: bool
    last_sync_at: datetime | None


@dataclass(frozen=True, slots=True)
class Adjustment:
    """One line of the backlog reconciliation: what it counts and its signed count."""

    key: str  # `domain.metrics.ADJUSTMENTS`
    label: str
    count: int  # added to the sum: negative lines take tickets out of the open count


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """How the open requests at the start become those at the end of the week:
    start + opened − resolved + reopened + Σ adjustments = end (`unexplained` is what is left: 0)."""

    start: int
    opened: int
    resolved: int
    reopened: int
    adjustments: tuple[Adjustment, ...]
    end: int

    @property
    def unexplained(self) -> int:
        """The open count at the end minus what the figures and the adjustments give (0 when they
        add up)."""
        return self.end - (
            self.start + self.opened - self.resolved + self.reopened + sum(a.count for a in self.adjustments)
        )

    @property
    def shown(self) -> tuple[Adjustment, ...]:
        """The adjustments that are not zero."""
        return tuple(a for a in self.adjustments if a.count)


@dataclass(frozen=True)
class WeeklyMetrics:
    """Everything the weekly status report shows, for one ISO week (city time) and one scope.

    "Requests" are tickets whose priority is not Ops; Ops work is counted apart (`ops_*`) and
    `workload` counts both.
    """

    year: int
    week: int
    scope: Scope
    scope_name: str
    city_name: str
    tz_name: str
    start: datetime
    end: datetime
    as_of: datetime  # min(end, now): the instant "at the end of the week" figures are taken at
    now: datetime
    partial: bool  # the week has not ended yet
    opened: Figure
    resolved: Figure
    closed: Figure
    reopened: Figure
    backlog_start: Figure
    backlog_end: Figure
    past_due_end: Figure
    on_time: RateFigure
    first_contact: RateFigure
    first_response: DurationStats
    first_response_previous: DurationStats
    awaiting_first_response: int
    resolution: DurationStats
    resolution_previous: DurationStats
    status_inquiries: Figure
    questions: Figure
    ops_opened: Figure
    ops_resolved: Figure
    ops_open_end: int
    no_category: Figure
    oldest_open_days: int | None
    on_time_by_category: tuple[OnTimeRow, ...]
    on_time_by_department: tuple[OnTimeRow, ...]
    departments: tuple[DepartmentRow, ...]
    age_buckets: Mapping[str, int]
    opened_by_priority: Mapping[str, int]
    opened_by_channel: Mapping[str, int]
    opened_by_language: Mapping[str, int]
    opened_by_ward: Mapping[str, int]
    days: tuple[DayVolume, ...]
    trend: tuple[TrendWeek, ...]
    workload: tuple[WorkloadRow, ...]
    aging: tuple[OpenTicketRow, ...]
    recurring: tuple[RecurringProblem, ...]
    incidents: tuple[Incident, ...]
    offices: tuple[OfficeSync, ...]
    on_time_goal_pct: float
    reconciliation: Reconciliation
    notes: tuple[str, ...] = field(default=())

    @property
    def week_id(self) -> str:
        """The ISO week as "2026-W47"."""
        return format_week(self.year, self.week)

    @property
    def monday(self) -> date:
        """The Monday the week starts on."""
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def is_empty(self) -> bool:
        """True when nothing at all happened and nothing was open."""
        return not any(
            (
                self.opened.current,
                self.resolved.current,
                self.closed.current,
                self.backlog_end.current,
                self.backlog_start.current,
                self.ops_opened.current,
                self.status_inquiries.current,
                self.questions.current,
            )
        )


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short_date(d: date, *, year: bool = False) -> str:
    """A date as "Nov 16" (or "Nov 16, 2026"), independent of the machine's locale."""
    text = f"{_MONTHS[d.month - 1]} {d.day}"
    return f"{text}, {d.year}" if year else text


def week_label(year: int, week: int) -> str:
    """The week and its Monday-to-Sunday dates: "2026-W47 (Nov 16–22, 2026)"."""
    monday = date.fromisocalendar(year, week, 1)
    sunday = monday + timedelta(days=6)
    if monday.year != sunday.year:
        span = f"{short_date(monday, year=True)} – {short_date(sunday, year=True)}"
    elif monday.month != sunday.month:
        span = f"{short_date(monday)} – {short_date(sunday, year=True)}"
    else:
        span = f"{short_date(monday)}–{sunday.day}, {sunday.year}"
    return f"{format_week(year, week)} ({span})"
