"""Hybrid logical clock: 64-bit stamps (wall ms << 16 | counter), device id as the tie-break."""

from __future__ import annotations

COUNTER_BITS = 16
COUNTER_MASK = (1 << COUNTER_BITS) - 1


def pack(wall_ms: int, counter: int = 0) -> int:
    """Pack wall-clock milliseconds and a counter into one HLC value."""
    return wall_ms << COUNTER_BITS | counter


def wall_ms(hlc: int) -> int:
    """The wall-clock milliseconds part of an HLC."""
    return hlc >> COUNTER_BITS


def tick(last: int, now_ms: int) -> int:
    """The HLC for a local event: strictly greater than `last`, close to `now_ms`."""
    candidate = pack(now_ms)
    return candidate if candidate > last else last + 1


def receive(last: int, remote: int, now_ms: int) -> int:
    """Merge a remote HLC (on every contact): greater than both `last` and `remote`."""
    return tick(max(last, remote), now_ms)
