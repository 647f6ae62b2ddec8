"""The registry of ticket-number prefixes: each "<OFFICE>-<TAG>" belongs to one database identity.

A prefix is registered when a PC enrols, when a standalone office is adopted (its random tag) and when a
copied database takes a new identity; a prefix already registered to another identity is refused, so no
two databases the server knows number tickets alike.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from citydesk.domain.numbers import make_prefix
from citydesk.server.errors import ApiError
from citydesk.server.models import NumberPrefix

SOURCES = frozenset({"enrol", "adopt", "reidentify"})


def prefix_owner(session: Session, prefix: str) -> str | None:
    """The device id a prefix is registered to, or None."""
    return session.scalar(select(NumberPrefix.device_id).where(NumberPrefix.prefix == prefix))


def register_prefix(
    session: Session, *, office_code: str, tag: str, office_id: str, device_id: str, source: str,
    now: datetime,
) -> str:
    """Register `office_code`-`tag` to `device_id` (idempotent for the same device); 409 prefix_taken
    when another identity holds it. Returns the prefix."""
    if source not in SOURCES:
        raise ValueError(f"unknown prefix source {source!r}")
    prefix = make_prefix(office_code, tag)
    owner = prefix_owner(session, prefix)
    if owner == device_id:
        return prefix
    if owner is not None:
        raise ApiError(
            409, "prefix_taken",
            f"Ticket numbers starting {prefix}- already belong to another PC on the server.",
            prefix=prefix,
        )  # fmt: skip
    row = NumberPrefix(prefix=prefix, office_id=office_id, device_id=device_id, source=source,
                       registered_at=now)  # fmt: skip
    session.add(row)
    session.flush()
    return prefix


def prefixes_of(session: Session, device_id: str) -> list[str]:
    """The prefixes registered to a device, oldest first."""
    stmt = select(NumberPrefix.prefix).where(NumberPrefix.device_id == device_id)
    return list(session.scalars(stmt.order_by(NumberPrefix.registered_at, NumberPrefix.prefix)))
