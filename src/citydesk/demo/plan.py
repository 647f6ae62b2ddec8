"""What a demo ticket's life is planned from: the world it lives in, the generator's choices, its timing."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from citydesk.demo.calendar import HOUR, Hours
from citydesk.demo.content import CategorySpec
from citydesk.demo.people import Person
from citydesk.demo.reference import Reference

LATE_SHARE = 0.09
"""Share of requests resolved somewhat late (besides each category's long-waiting backlog share)."""
CLOSE_AFTER_DAYS = 14
"""Resolved tickets are closed automatically this many days later (some earlier by a supervisor)."""
WORKDAY = 9 * HOUR
"""Business seconds in a day (08:00-17:00)."""
FALLBACK_LEAD = "paul.jensen"
"""Who acts as supervisor for a department without one (the city administrator)."""
SHORT_OUTCOMES = ("duplicate", "void", "referred", "not_city_matter")
"""Outcomes decided without field work."""

Duplicate = tuple[str, int, dict[str, Any]]
"""An earlier ticket a new one duplicates: its number, creation instant and place."""


@dataclass(frozen=True, slots=True)
class World:
    """What every ticket's lifecycle draws on: the random stream, the calendar, staff, citizens, the end."""

    rng: random.Random
    hours: Hours
    ref: Reference
    citizens: list[Person]
    citizen_ids: list[str]
    end: int
    as_of_index: int

    def can_visit_today(self, scheduled: int) -> bool:
        """True when a visit booked at `scheduled` still fits in the demo's last (business) day."""
        i, hours = self.as_of_index, self.hours
        return hours.work[i] and scheduled < hours.close[i] - 2 * HOUR

    def visit_later_today(self, scheduled: int) -> int:
        """A visit slot later on the demo's last day."""
        i, hours = self.as_of_index, self.hours
        low = max(scheduled + 1800, hours.open[i])
        return low + int(self.rng.random() * (hours.close[i] - HOUR - low))


@dataclass(frozen=True, slots=True)
class TicketPlan:
    """What the ticket generator decided about one ticket, for the steps of its life."""

    t0: int
    spec: CategorySpec
    tech: str
    supervisor: str | None
    creator: str
    person: Person | None
    requester_id: str | None
    citizen_index: int
    final_priority: str
    raised: bool
    fcr: bool
    outcome: str
    duplicate: Duplicate | None
    words: dict[str, str]
    assigned: bool
    reroute: bool
    in_hours: bool

    @property
    def lead(self) -> str:
        """The supervisor who steps in (the city administrator when the department has none)."""
        return self.supervisor or FALLBACK_LEAD

    @property
    def short(self) -> bool:
        """True when the outcome needs no field work (duplicate, void, referred, not a city matter)."""
        return self.outcome in SHORT_OUTCOMES

    @property
    def location_text(self) -> str:
        """The ticket's place as text (an address, a park, a building)."""
        return self.words["location"]


@dataclass(frozen=True, slots=True)
class Timing:
    """When a ticket's work happens: from `t0`, its normal working time `base`, resolved after `span`.

    Seconds of business time, or of wall-clock time for work that runs around the clock (`wall`).
    """

    hours: Hours
    t0: int
    wall: bool
    due: int
    base: float
    span: float
    late: bool

    def clock(self, seconds: float) -> int:
        """The instant `seconds` of working time after creation."""
        return int(self.t0 + seconds) if self.wall else self.hours.add(self.t0, seconds)

    def at(self, fraction: float) -> int:
        """A moment in the normal working time."""
        return self.clock(fraction * self.base)

    def anywhere(self, fraction: float) -> int:
        """A moment anywhere before the resolution."""
        return self.clock(fraction * self.span)

    def tail(self, fraction: float) -> int:
        """A moment in the late part of a late ticket (the normal working time otherwise)."""
        return self.clock(self.base + fraction * (self.span - self.base)) if self.late else self.at(fraction)

    @property
    def resolved(self) -> int:
        """When the ticket is resolved."""
        return self.clock(self.span)


@dataclass(frozen=True, slots=True)
class Moments:
    """Fractions of the normal working time for the chain of steps (assign, progress, schedule, ...)."""

    at: dict[str, float]
    first: float
