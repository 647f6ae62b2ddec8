"""Metric definitions shared by the ticket fold, reports and benchmarks (pure functions)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from citydesk.domain.timeline import Entry

FIRST_CONTACT_WINDOW = timedelta(minutes=30)
AGE_BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("0–7 days", 0, 7),
    ("8–30 days", 8, 30),
    ("31–90 days", 31, 90),
    ("> 90 days", 91, None),
)


def is_first_response(entry: Entry) -> bool:
    """First response = a public note, a logged call to a reporter, or a move to "in progress".

    A resolution carries a public note to the requester, so it counts too.
    """
    kind = entry.kind.value
    if kind == "note":
        return entry.public
    if kind == "call":
        return True
    if kind == "status":
        return entry.value == "in_progress"
    if kind == "resolution":
        return bool(entry.body) and entry.public
    return False


def is_first_contact_resolution(
    *, created_at: datetime | None, created_by: str | None, first_resolution: tuple[datetime, str] | None
) -> bool:
    """Resolved by the creating user within 30 minutes of creation."""
    if created_at is None or first_resolution is None:
        return False
    at, author = first_resolution
    return author == created_by and at - created_at <= FIRST_CONTACT_WINDOW


def is_on_time(resolved_at: datetime | None, due_at: datetime | None) -> bool | None:
    """On time = resolved at or before due; None when there is no due date or no resolution."""
    if resolved_at is None or due_at is None:
        return None
    return resolved_at <= due_at


def age_bucket(age_days: int) -> str:
    """The open-ticket age bucket label for an age in whole days."""
    for label, low, high in AGE_BUCKETS:
        if age_days >= low and (high is None or age_days <= high):
            return label
    return AGE_BUCKETS[0][0]


def percentile(values: Sequence[float], pct: float) -> float | None:
    """Nearest-rank percentile (pct in 0..100) of `values`; None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def median(values: Sequence[float]) -> float | None:
    """Median (mean of the two middle values for an even count); None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[mid]
    return (ordered[mid - 1] + ordered[mid]) / 2


def pct_change(current: float, previous: float) -> float | None:
    """Percent change from `previous` to `current`; None when previous is 0."""
    if previous == 0:
        return None
    return (current - previous) / previous * 100


# The backlog reconciliation: open at the start + opened - resolved + reopened + the adjustments =
# open at the end, over the requests in the report's scope (current department, office of origin and
# priority). Each adjustment is counted on its own from the tickets' timelines; (key, sign, label,
# what it counts), in the order the report prints them.
ADJUSTMENTS: tuple[tuple[str, int, str, str], ...] = (
    (
        "resolved_again",
        -1,
        "Resolved, reopened and resolved again in the week",
        "a request resolved several times in the week counts once as resolved",
    ),
    (
        "reopened_since",
        -1,
        "Resolved in the week, reopened since",
        "a resolution a later reopen undid is not counted as resolved",
    ),
    ("closed_unresolved", -1, "Closed without a resolution", "open requests closed with no resolution"),
    (
        "undated",
        -1,
        "Resolved on an unknown date (imported)",
        "opened in the week and imported as resolved on an unknown date: never open, never resolved",
    ),
    (
        "never_open",
        -1,
        "Opened already resolved or closed",
        "opened in the week, resolved or closed with no resolution date: never counted open",
    ),
    ("reopened_again", 1, "Reopened more than once in the week", "the reopened figure counts a request once"),
    (
        "reopened_by_status",
        1,
        "Back to open by a status change",
        "made open again by a status change, not a reopen (edits from two offices)",
    ),
    (
        "reopen_no_change",
        -1,
        "Reopened while not counted as resolved",
        "reopened while open already, or resolved since with no date",
    ),
    (
        "resolved_while_resolved",
        1,
        "Resolved again while already resolved or closed",
        "its last resolution came while it was resolved or closed already (edits from two offices)",
    ),
)
ADJUSTMENT_LABELS = {key: label for key, _sign, label, _meaning in ADJUSTMENTS}
RECONCILIATION_IDENTITY = "open at the start + opened − resolved + reopened ± adjustments = open at the end"
