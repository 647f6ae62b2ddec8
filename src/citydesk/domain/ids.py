"""UUIDv7 identifiers (time-ordered, random tail) as canonical strings."""

from __future__ import annotations

import os
import uuid


def uuid7(unix_ms: int) -> str:
    """A new UUIDv7 string for the given Unix time in milliseconds (RFC 9562)."""
    rand = int.from_bytes(os.urandom(10), "big")
    rand_a = rand >> 68 & 0xFFF
    rand_b = rand & ((1 << 62) - 1)
    value = (unix_ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | rand_a << 64 | 0b10 << 62 | rand_b
    return str(uuid.UUID(int=value))


def uuid7_time_ms(value: str) -> int:
    """The millisecond timestamp embedded in a UUIDv7 string."""
    return uuid.UUID(value).int >> 80
