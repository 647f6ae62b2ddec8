"""Importing an enrolment file (`citydesk connect --enrol-file FILE`): an office PC with no connection
becomes an enrolled office database that syncs by file.

The identity goes into `sync_state` through `sync.connect.write_identity` (the same rows `connect`
writes), the file-signing key and the HTTP credential into the OS keyring (never a file citydesk
writes), the server's public key and the city into device-local settings. The database is empty until
the first reply is read: its users, offices and tickets all arrive in it (`citydesk sync --to-file`,
then `--from-file`). The enrolment file is a secret: the caller tells the user to delete it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from citydesk.domain.clock import Clock, SystemClock
from citydesk.store.db import Database, open_database
from citydesk.sync import credentials, file_keys, signing
from citydesk.sync.connect import check_target, normalize_url, write_identity
from citydesk.sync.engine_cycle import read_state
from citydesk.sync.http import SyncClient
from citydesk.sync.messages import Enrolment
from citydesk.sync.signing import SyncFileError

ENROL_FORMAT = "citydesk-enrolment-file"


@dataclass(frozen=True, slots=True)
class Imported:
    """The PC enrolled from a file: its database, identity, city and server (None: file only)."""

    path: Path
    device_id: str
    office_code: str
    number_prefix: str
    city: str
    server_url: str | None


def import_enrolment(
    path: Path | str,
    enrol_file: Path | str,
    *,
    server_url: str | None = None,
    ca_bundle: Path | None = None,
    clock: Clock | None = None,
) -> Imported:
    """Make the database at `path` (missing or empty) the PC the enrolment file names. `server_url`
    overrides the file's (needed to also sync over HTTP later). Raises ConnectRefused for a database
    already set up, KeyringUnavailable without a usable keyring, SyncFileError for a bad file — each
    before anything is written."""
    path = Path(path)
    clock = clock or SystemClock()
    raw = _load(Path(enrol_file))
    url = server_url or raw.get("server_url")
    url = normalize_url(url) if url else None
    enrolment = Enrolment(
        device_id=_text(raw, "device_id"), office_id=_text(raw, "office_id"),
        office_code=_text(raw, "office_code"), device_number=_int(raw, "device_number"),
        credential=_text(raw, "credential"), epoch=_text(raw, "epoch"), server_hlc=_int(raw, "server_hlc"),
    )  # fmt: skip
    private_key, public_key, city = (
        _text(raw, "device_private_key"),
        _text(raw, "server_public_key"),
        _text(raw, "city"),
    )
    signing.public_of(private_key)
    signing.check_public_key(public_key)
    check_target(path, clock)
    credentials.check_available()
    file_keys.store_private_key(enrolment.device_id, private_key)
    if url is not None:
        credentials.store_credential(url, enrolment.device_id, enrolment.credential)
    db = open_database(path, clock=clock)
    try:
        write_identity(db, url or "", enrolment, ca_bundle.resolve() if ca_bundle else None)
        with db.write() as session:
            file_keys.save_trust(session, server_public_key=public_key, city=city)
    finally:
        db.close()
    return Imported(path, enrolment.device_id, enrolment.office_code, enrolment.number_prefix, city, url)


def enable_file_sync(db: Database, client: SyncClient) -> str:
    """For a PC enrolled over HTTP: make its file-signing key (kept in the keyring), register the public
    half with the server, and remember the server's key and the city. Returns the city."""
    state = read_state(db)
    if state.is_demo or not state.server_url:
        raise SyncFileError(
            "Only a PC connected to the city's server can be set up for sync by file this way."
        )
    credentials.check_available()
    private_key = signing.new_private_key()
    reply = client.register_file_key(signing.public_of(private_key))
    file_keys.store_private_key(state.device_id, private_key)
    with db.write() as session:
        file_keys.save_trust(session, server_public_key=reply["server_public_key"], city=reply["city"])
    return str(reply["city"])


def _load(source: Path) -> dict[str, Any]:
    data = signing.read_file(source)
    try:
        raw = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        raise SyncFileError(f"{source} is not a citydesk enrolment file.") from None
    if not isinstance(raw, dict) or raw.get("format") != ENROL_FORMAT:
        raise SyncFileError(f"{source} is not a citydesk enrolment file.")
    if raw.get("version") != 1:
        raise SyncFileError(f"{source} was written by another version of citydesk; update citydesk.")
    return raw


def _text(raw: dict[str, Any], name: str) -> str:
    value = raw.get(name)
    if not isinstance(value, str) or not value:
        raise SyncFileError(f"The enrolment file is damaged (its {name} is missing).")
    return value


def _int(raw: dict[str, Any], name: str) -> int:
    value = raw.get(name)
    if not isinstance(value, int) or isinstance(value, bool):
        raise SyncFileError(f"The enrolment file is damaged (its {name} is missing).")
    return value
