"""`citydesk sync --export-outbox FILE`: this PC's unsent changes as one JSON file, offline.

For a PC the server no longer accepts (revoked, its credential lost): the file is the administrator's
record of exactly what is waiting — every change with its id, sequence, author, device and payload as
it will be pushed. The changes themselves are pushed from the same database after it is enrolled again
(`citydesk connect URL --code NEW --reenrol`, `sync.identity.reenrol`): they keep their change ids, so
the server, which keeps one verdict per change id, never takes one twice. Read-only; writes only FILE
(through a temporary file, so a failed export leaves no half file).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from citydesk.store.db import Database
from citydesk.store.models import Outbox, SyncState
from citydesk.sync.outgoing import Ref, build_changes

FORMAT = "citydesk-outbox"
VERSION = 1


@dataclass(frozen=True, slots=True)
class Exported:
    """Where the export went and how many changes it holds."""

    path: Path
    changes: int


def outbox_document(db: Database) -> dict[str, Any]:
    """The unsent changes with this database's identity, as one JSON-ready document."""
    with db.read() as session:
        state = session.execute(
            select(SyncState.device_id, SyncState.office_id, SyncState.server_url, SyncState.number_prefix)
            .where(SyncState.id == 1)
        ).one_or_none()  # fmt: skip
        rows = session.execute(select(Outbox.__table__).order_by(Outbox.seq)).all()
        refs = [Ref(r.seq, r.change_id, r.op, r.table_name, r.row_id, r.field, r.hlc) for r in rows]
        changes = build_changes(session, refs) if refs else []
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": db.clock.now().isoformat(),
        "device_id": state.device_id if state else None,
        "office_id": state.office_id if state else None,
        "server_url": state.server_url if state else None,
        "number_prefix": state.number_prefix if state else None,
        "changes": [c.to_json() for c in changes],
    }


def export_outbox(db: Database, path: Path) -> Exported:
    """Write the document to `path` (replaced atomically); returns the count."""
    document = outbox_document(db)
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(partial, path)
    return Exported(path, len(document["changes"]))
