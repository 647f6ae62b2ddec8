"""The authority an adopted office's history carries: changes its PC pushes with a device sequence up to
`device.adopt_through_seq` (everything it held when it was adopted) are judged with the authority of the
server admin who issued the adoption code, system-authored setup rows included, and recorded with their
own authors. Its city settings and device rows are never taken: the city's settings and the server's
device row (numbered at adoption) win, so the PC takes the server's values back from the refusal.

`Ledger.judge` (server/changes.py) asks `issuer_of` for each pushed change and `reserved` for the tables
an adoption never writes. Relayed changes (other devices' changes after a server restore) never carry it.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from citydesk.server.models import Device
from citydesk.sync.wire import Change

RESERVED = {
    "city_setting": "City settings belong to the city's server: an adopted office takes the city's "
    "settings, not its own.",
    "device": "A PC's device row belongs to the server: the adopted office's PC was numbered by the "
    "server when it was adopted, and its ticket numbers stay as they are.",
}
LATEST = 2**63 - 1  # the vouching admin is judged as the server knows them now


def issuer_of(session: Session, pushed_by: str | None, change: Change) -> str | None:
    """The admin whose authority `change` carries: the adopting admin when the authenticated device
    `pushed_by` is an adopted office's PC and the change is its own, numbered up to the adopted
    sequence; None otherwise (the change is judged as its author)."""
    if pushed_by is None or change.seq is None or change.device_id != pushed_by:
        return None
    device = session.get(Device, pushed_by)  # the authenticated device: already in the session
    if device is None or device.adopted_by is None or device.adopt_through_seq is None:
        return None
    return device.adopted_by if change.seq <= device.adopt_through_seq else None


def reserved(change: Change) -> tuple[str, str] | None:
    """The refusal of a change an adoption never takes (city settings, device rows), or None."""
    reason = RESERVED.get(change.table)
    return None if reason is None else ("adoption_reserved", reason)
