"""Enrolment for sync by file: `device enrol-file` writes an enrolment file for an office PC that has no
connection, and a PC enrolled over HTTP registers its file-signing key (`register_file_key`).

`enrol_file` enrols the PC exactly as `citydesk connect` would (a one-time code used at once through
`server.enrol`: its number, its registered ticket prefix, its `device` row in the change log) and writes
one JSON file holding the city, epoch, server URL (when given), the server's PUBLIC key, the PC's
identity and HTTP credential, and a newly made private key for signing its sync files (its public half
registered here). The file is a secret until `citydesk connect --enrol-file` imports it into the PC's
keyring: it is created readable by its owner only, and the command and the docs say to delete it after.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from citydesk.domain.clock import Clock
from citydesk.domain.errors import ValidationError
from citydesk.server.admin import merged_rows
from citydesk.server.db import open_server_database, read_meta
from citydesk.server.enrol import create_code, enrol
from citydesk.server.models import Device, DeviceFileKey
from citydesk.server.signing import server_key
from citydesk.sync import signing

ENROL_FORMAT = "citydesk-enrolment-file"
ENROL_VERSION = 1
SECRET_NOTE = (
    "SECRET until imported: whoever holds this file can sync as this PC. Import it with "
    "`citydesk connect --enrol-file FILE`, then delete it."
)


@dataclass(frozen=True, slots=True)
class EnrolFileWritten:
    """The PC enrolled by `enrol_file`: its id, office, number prefix, and the file written."""

    device_id: str
    office_code: str
    number_prefix: str
    path: Path


def enrol_file(
    url: str,
    *,
    office: str,
    out: Path,
    device_name: str,
    server_url: str | None = None,
    key_path: str | Path | None = None,
    clock: Clock | None = None,
) -> EnrolFileWritten:
    """Enrol a PC of office `office` and write its enrolment file to `out` (which must not exist).
    Nothing is kept on the server when the file cannot be written."""
    out = Path(out)
    if out.exists():
        raise ValidationError("out", f"{out} already exists; choose a new file (nothing was changed).")
    if not out.parent.is_dir():
        raise ValidationError("out", f"The folder {out.parent} does not exist (nothing was changed).")
    url_given = (server_url or "").strip().rstrip("/") or None
    if url_given is not None and not url_given.startswith(("https://", "http://")):
        raise ValidationError("server_url", f"{server_url!r} is not a server address (https://...).")
    key = server_key(url, key_path)
    db = open_server_database(url, clock=clock, migrate=False)
    written = False
    try:
        with db.write() as session:
            now = db.clock.now()
            meta = read_meta(session)
            office_id = _office_id(session, office)
            code = create_code(session, office_id=office_id, now=now, hours=1)
            session.flush()  # the write session does not autoflush: `enrol` reads the code back
            enrolment = enrol(session, meta, code=code, device_name=device_name, now=now)
            device_key = signing.new_private_key()
            register_file_key(session, enrolment.device_id, signing.public_of(device_key), now=now,
                              source="enrol-file")  # fmt: skip
            body = {
                "format": ENROL_FORMAT, "version": ENROL_VERSION, "note": SECRET_NOTE,
                "city": meta.city, "epoch": enrolment.epoch, "server_url": url_given,
                "server_public_key": key.public_key, "server_key": key.fingerprint,
                "device_id": enrolment.device_id, "device_name": device_name,
                "office_id": enrolment.office_id, "office_code": enrolment.office_code,
                "device_number": enrolment.device_number, "credential": enrolment.credential,
                "server_hlc": enrolment.server_hlc, "device_private_key": device_key,
                "written_at": now.isoformat(),
            }  # fmt: skip
            data = json.dumps(body, ensure_ascii=False, indent=1).encode() + b"\n"
            signing.write_file(out, data, private=True)  # before the commit: no file, no enrolment
            written = True
    except BaseException:
        if written:
            out.unlink(missing_ok=True)  # the commit failed after the file was written
        raise
    finally:
        db.close()
    return EnrolFileWritten(enrolment.device_id, enrolment.office_code, enrolment.number_prefix, out)


def register_file_key(
    session: Session, device_id: str, public_key: str, *, now: datetime, source: str
) -> None:
    """Register (or replace) the public key a device signs its sync files with."""
    signing.check_public_key(public_key)
    if session.get(Device, device_id) is None:
        raise ValidationError("device", f"There is no device {device_id}.")
    row = session.get(DeviceFileKey, device_id)
    if row is None:
        session.add(
            DeviceFileKey(device_id=device_id, public_key=public_key, source=source, registered_at=now)
        )
    else:
        row.public_key, row.source, row.registered_at = public_key, source, now
    session.flush()


def _office_id(session: Session, code: str) -> str:
    for row in merged_rows(session, "office"):
        if str(row.data.get("code", "")).lower() == (code or "").strip().lower():
            if row.data.get("active") is False:
                raise ValidationError("office", f"The office {code.upper()} is not active.")
            return row.row_id
    raise ValidationError("office", f"There is no office {code!r} on the server.")
