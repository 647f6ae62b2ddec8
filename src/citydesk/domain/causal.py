"""The causal order of a ticket's timeline, and which entries a wrong PC clock dated out of that order.

A timeline is shown in the fold's order — HLC, then device id, then entry id (`Entry.order_key`) — which
is the order the ticket's state came from, whatever the PCs' clocks said. An entry's wall time (`at`,
the PC's clock when it was made) normally rises with that order; an entry whose wall time is more than
`TOLERANCE` before an entry it comes after disagrees with it, and one of the two was made on a PC whose
clock was wrong. The one blamed is the entry whose wall time also disagrees with its own HLC (the HLC
follows the causal clock: a PC behind takes the stamps it received, a PC found ahead is corrected);
when neither or both do, the later entry is.

Pure: no Qt, no SQL. The HLC layout (wall milliseconds << 16 | counter) is `sync.hlc`'s.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from citydesk.domain.clock import to_ms

TOLERANCE = timedelta(minutes=10)  # PC clocks a few minutes apart are normal (the server allows 5)
HLC_COUNTER_BITS = 16


@dataclass(frozen=True, slots=True)
class Stamped:
    """What the order needs of an entry: its id, HLC, device and wall time."""

    id: str
    hlc: int
    device_id: str
    at: datetime

    @property
    def order_key(self) -> tuple[int, str, str]:
        """The fold's order: HLC, then device id, then entry id."""
        return (self.hlc, self.device_id, self.id)


def causal_order(entries: Iterable[Stamped]) -> list[Stamped]:
    """The entries in the fold's order."""
    return sorted(entries, key=lambda e: e.order_key)


def _skewed(entry: Stamped) -> bool:
    """True when the entry's wall time is far from the wall part of its own HLC."""
    stamped_ms = entry.hlc >> HLC_COUNTER_BITS
    return abs(stamped_ms - to_ms(entry.at)) > TOLERANCE.total_seconds() * 1000


def misdated(entries: Iterable[Stamped]) -> frozenset[str]:
    """Ids of the entries whose wall time disagrees with the causal order (see the module docstring)."""
    ordered = causal_order(entries)
    blamed: set[str] = set()
    for index, entry in enumerate(ordered):
        while True:
            earlier = [e for e in ordered[:index] if e.id not in blamed]
            latest = max(earlier, key=lambda e: e.at, default=None)
            if latest is None or entry.at + TOLERANCE >= latest.at:
                break
            if _skewed(latest) and not _skewed(entry):
                blamed.add(latest.id)  # the earlier entry's PC was ahead: look again without it
                continue
            blamed.add(entry.id)
            break
    return frozenset(blamed)
