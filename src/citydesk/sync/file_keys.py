"""This PC's key for signing its sync files, and what it knows of the server's: the private key only in
the OS keyring (like the credential, `sync.credentials`), the server's public key and the city's name in
device-local settings (`local_setting`, never synced).

Keyring service "citydesk", user name "sync-file|<device id>".
"""

from __future__ import annotations

from dataclasses import dataclass

import keyring
import keyring.errors
from sqlalchemy.orm import Session

from citydesk.store.db import Database
from citydesk.store.local_settings import local_value
from citydesk.store.models import LocalSetting
from citydesk.sync import credentials
from citydesk.sync.credentials import KeyringUnavailable
from citydesk.sync.signing import SyncFileError, check_public_key, fingerprint

SERVER_KEY_SETTING = "sync.file.server_key"
CITY_SETTING = "sync.file.city"


@dataclass(frozen=True, slots=True)
class FileTrust:
    """What this PC checks a reply against: the server's public key, its fingerprint and the city."""

    server_public_key: str
    server_fingerprint: str
    city: str


def account(device_id: str) -> str:
    """The keyring user name of a device's file-signing key."""
    return f"sync-file|{device_id}"


def store_private_key(device_id: str, private_key: str) -> None:
    """Keep the PC's file-signing key in the keyring (read back to make sure); KeyringUnavailable."""
    credentials.check_available()
    try:
        keyring.set_password(credentials.SERVICE, account(device_id), private_key)
        kept = keyring.get_password(credentials.SERVICE, account(device_id))
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(str(exc) or type(exc).__name__) from exc
    if kept != private_key:
        raise KeyringUnavailable("the keyring did not keep the key")


def load_private_key(device_id: str) -> str:
    """The PC's file-signing key; SyncFileError when this PC has none (not set up for sync by file)."""
    credentials.check_available()
    try:
        found = keyring.get_password(credentials.SERVICE, account(device_id))
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(str(exc) or type(exc).__name__) from exc
    if not found:
        raise SyncFileError(
            "This PC has no key for sync by file in its keyring. Ask the city's administrator for an "
            "enrolment file (`citydesk-server device enrol-file`), or set it up while connected "
            "(File → Sync by file…, or `citydesk sync --enable-file-sync`)."
        )
    return found


def save_trust(session: Session, *, server_public_key: str, city: str) -> None:
    """Remember the server's public key and the city's name (in the caller's transaction)."""
    check_public_key(server_public_key)
    session.merge(LocalSetting(key=SERVER_KEY_SETTING, value=server_public_key))
    session.merge(LocalSetting(key=CITY_SETTING, value=city))


def load_trust(db: Database) -> FileTrust | None:
    """The server's key and city as saved, or None when this PC was never set up for sync by file."""
    with db.read() as session:
        key = local_value(session, SERVER_KEY_SETTING)
        city = local_value(session, CITY_SETTING)
    if not isinstance(key, str) or not key or not isinstance(city, str):
        return None
    return FileTrust(key, fingerprint(key), city)
