"""When the app syncs next: every few minutes while the server answers, backing off exponentially (with
jitter) while it does not, and soon after the PC wakes or the network returns.

Plain Python driven by an injectable clock: the scheduler's job only calls `due(now)` every `TICK`; a wall
clock that jumped between two ticks (the PC slept, or its clock was set) counts as a wake-up.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

TICK = timedelta(seconds=30)  # how often the scheduler asks whether a sync is due
DEFAULT_INTERVAL = timedelta(minutes=5)
FIRST_RETRY = timedelta(seconds=30)  # the first wait after a failed attempt (doubles each time)
MAX_BACKOFF = timedelta(minutes=30)
SOON = timedelta(seconds=5)  # after a wake-up, the network coming back or the start
WAKE_GAP = TICK * 2 + timedelta(seconds=60)  # a tick this late means the PC slept


def backoff_delay(failures: int, rng: random.Random) -> timedelta:
    """The wait after `failures` failed attempts in a row: FIRST_RETRY doubled each time, capped at
    MAX_BACKOFF, then "equal jitter" (between half and all of it) so offices do not retry in step."""
    if failures <= 0:
        return timedelta(0)
    ceiling = min(MAX_BACKOFF, FIRST_RETRY * (2 ** min(failures - 1, 20)))
    half = ceiling / 2
    return half + half * rng.random()


@dataclass
class SyncSchedule:
    """The background sync's timetable (see the module docstring)."""

    interval: timedelta = DEFAULT_INTERVAL
    rng: random.Random = field(default_factory=random.Random)
    failures: int = 0
    next_at: datetime | None = None
    last_tick: datetime | None = None
    woke: int = 0  # wake-ups noticed (for the log and tests)

    def start(self, now: datetime) -> None:
        """The app started (or the database was connected): sync soon."""
        self.last_tick = now
        self.next_at = now + SOON

    def due(self, now: datetime) -> bool:
        """One tick: True when a sync should start now. A jump of the wall clock since the last tick
        (forwards beyond WAKE_GAP, or backwards) brings the next attempt forward to now."""
        if self.last_tick is not None and (now - self.last_tick > WAKE_GAP or now < self.last_tick):
            self.woke += 1
            self.soon(now)
        self.last_tick = now
        return self.next_at is not None and now >= self.next_at

    def soon(self, now: datetime) -> None:
        """Try again shortly (the network came back, the PC woke): keeps the failure count."""
        target = now + SOON if self.next_at is None or self.next_at > now + SOON else self.next_at
        self.next_at = target

    def succeeded(self, now: datetime) -> None:
        """A sync finished: the next after the interval."""
        self.failures = 0
        self.next_at = now + self.interval

    def failed(self, now: datetime) -> timedelta:
        """The server could not be reached: wait longer each time (returns the wait)."""
        self.failures += 1
        delay = backoff_delay(self.failures, self.rng)
        self.next_at = now + delay
        return delay

    def later(self, now: datetime) -> None:
        """Another sync was running or this one was stopped: the next at the usual interval."""
        self.next_at = now + min(self.interval, FIRST_RETRY * 2)

    def stop(self) -> None:
        """No more background attempts (a revoked PC, no keyring): until the app restarts or reconnects."""
        self.next_at = None

    def set_interval(self, interval: timedelta, now: datetime) -> None:
        """A new interval from Settings (the next sync moves accordingly unless backing off)."""
        self.interval = interval
        if self.failures == 0 and self.next_at is not None:
            self.next_at = min(self.next_at, now + interval)
