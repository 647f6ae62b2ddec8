"""The one injectable clock: every stamp citydesk writes is time-zone-aware UTC from here."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Something that tells the current UTC time."""

    def now(self) -> datetime:
        """The current time, aware, in UTC."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        """The current time, aware, in UTC."""
        return datetime.fromtimestamp(time.time(), UTC)


@dataclass
class ManualClock:
    """A clock tests and demo data move by hand."""

    current: datetime = field(default_factory=lambda: datetime(2026, 1, 5, 9, 0, tzinfo=UTC))

    def now(self) -> datetime:
        """The current (manual) time."""
        return self.current

    def advance(self, **kwargs: float) -> datetime:
        """Move forward by a timedelta given as keyword arguments."""
        self.current = self.current + timedelta(**kwargs)
        return self.current

    def set(self, when: datetime) -> None:
        """Jump to `when` (aware)."""
        if when.tzinfo is None:
            raise ValueError("ManualClock needs an aware datetime")
        self.current = when.astimezone(UTC)


def to_ms(instant: datetime) -> int:
    """Milliseconds since the Unix epoch."""
    return int(instant.timestamp() * 1000)


def from_ms(ms: int) -> datetime:
    """Aware UTC datetime from Unix milliseconds."""
    return datetime.fromtimestamp(ms / 1000, UTC)
