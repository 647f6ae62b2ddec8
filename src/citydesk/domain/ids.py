"""Identifiers: UUIDv7 (time-ordered, random tail) for rows one office creates, and UUIDv5 ids derived
from content for rows two offices may create independently (an address from the city's list)."""

from __future__ import annotations

import os
import uuid

from citydesk.domain.text import fold

ADDRESS_NAMESPACE = uuid.UUID("6f1c2b1e-3d0a-5c7e-9b4d-2a8e0f6c1d37")
"""Fixed namespace of derived address ids: never change it (every office must derive the same ids)."""


def uuid7(unix_ms: int) -> str:
    """A new UUIDv7 string for the given Unix time in milliseconds (RFC 9562)."""
    t = f"{unix_ms & 0xFFFFFFFFFFFF:012x}"
    r = os.urandom(10).hex()  # 80 random bits: 12 for rand_a, 62 for rand_b (+6 spare)
    variant = "89ab"[int(r[3], 16) & 3]
    return f"{t[:8]}-{t[8:]}-7{r[:3]}-{variant}{r[4:7]}-{r[7:19]}"


def uuid7_time_ms(value: str) -> int:
    """The millisecond timestamp embedded in a UUIDv7 string."""
    return uuid.UUID(value).int >> 80


def address_id(external_id: str | None, text: str) -> str:
    """The id of an address from the city's list, the same on every office that imports the same row.

    A row with an external id gets UUIDv5(namespace, "id:" + the id as given, trimmed): re-imports and
    other offices match on that id, whatever the text says. A row without one gets UUIDv5(namespace,
    "text:" + the address text folded: lower case, accents removed, spaces collapsed), the same key the
    import matches id-less rows by. The two prefixes keep an id "12 Main St" apart from that text.
    """
    if external_id and external_id.strip():
        return str(uuid.uuid5(ADDRESS_NAMESPACE, "id:" + external_id.strip()))
    key = " ".join((fold(text) or "").split())
    return str(uuid.uuid5(ADDRESS_NAMESPACE, "text:" + key))
