"""UUIDv7 identifiers (time-ordered, random tail) as canonical strings."""

from __future__ import annotations

import os
import uuid


def uuid7(unix_ms: int) -> str:
    """A new UUIDv7 string for the given Unix time in milliseconds (RFC 9562)."""
    t = f"{unix_ms & 0xFFFFFFFFFFFF:012x}"
    r = os.urandom(10).hex()  # 80 random bits: 12 for rand_a, 62 for rand_b (+6 spare)
    variant = "89ab"[int(r[3], 16) & 3]
    return f"{t[:8]}-{t[8:]}-7{r[:3]}-{variant}{r[4:7]}-{r[7:19]}"


def uuid7_time_ms(value: str) -> int:
    """The millisecond timestamp embedded in a UUIDv7 string."""
    return uuid.UUID(value).int >> 80
