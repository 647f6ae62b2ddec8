"""Rate limit of enrolment attempts: at most `limit` failed codes per client address in a sliding window,
then 429 with Retry-After until the oldest failure leaves the window. Time comes from the app's clock."""

from __future__ import annotations

import math
import threading
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from citydesk.server.errors import ApiError

FAILED_LIMIT = 10
WINDOW = timedelta(minutes=10)
MAX_ADDRESSES = 10_000  # addresses remembered at most (the oldest are forgotten first)


@dataclass
class EnrolLimiter:
    """Failed enrolment attempts per client address (in memory, per server process)."""

    limit: int = FAILED_LIMIT
    window: timedelta = WINDOW
    _failures: dict[str, deque[datetime]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _recent(self, address: str, now: datetime) -> deque[datetime]:
        times = self._failures.get(address, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def check(self, address: str, now: datetime) -> None:
        """ApiError 429 (with `Retry-After`) when `address` has used up its failed attempts."""
        with self._lock:
            times = self._recent(address, now)
            if len(times) < self.limit:
                return
            wait = max(1, math.ceil((times[0] + self.window - now).total_seconds()))
        raise ApiError(
            429,
            "too_many_attempts",
            f"Too many wrong enrolment codes from this address; try again in {wait} seconds.",
            retry_after=wait,
        )

    def failed(self, address: str, now: datetime) -> None:
        """Count one failed attempt of `address`."""
        with self._lock:
            times = self._recent(address, now)
            times.append(now)
            self._failures.pop(address, None)
            self._failures[address] = times  # most recent last
            while len(self._failures) > MAX_ADDRESSES:
                self._failures.pop(next(iter(self._failures)))
