"""The server's signing key for sync by file: one Ed25519 key pair, its private half in a file.

The file is found at `--signing-key PATH`, else `$CITYDESK_SERVER_SIGNING_KEY`, else beside an SQLite
database (`server.sqlite.signing-key`). A PostgreSQL deployment names it (a path, or with systemd
`LoadCredential=signing-key:/etc/citydesk/signing-key` and
`Environment=CITYDESK_SERVER_SIGNING_KEY=%d/signing-key`). It is created on first use with mode 0600,
refused when others may read it, and never logged or printed: only its public key's fingerprint is.
Losing it means every office enrolled for sync by file must be given a new enrolment file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from citydesk.server.db import ServerError
from citydesk.server.ops import sqlite_path
from citydesk.sync import signing

KEY_ENV = "CITYDESK_SERVER_SIGNING_KEY"
SUFFIX = ".signing-key"


@dataclass(frozen=True, slots=True)
class ServerKey:
    """The server's key pair (private and public, base64) and where the private key lives."""

    path: Path
    private_key: str
    public_key: str

    @property
    def fingerprint(self) -> str:
        """The public key's short name."""
        return signing.fingerprint(self.public_key)


def key_path(url: str, given: str | Path | None = None) -> Path:
    """Where the server's signing key is (see the module docstring); ServerError when nothing says so."""
    if given:
        return Path(given).expanduser()
    from_env = os.environ.get(KEY_ENV)
    if from_env:
        return Path(from_env).expanduser()
    try:
        database = sqlite_path(url)
    except ServerError:
        raise ServerError(
            f"Say where the server's signing key for sync by file is: --signing-key PATH or ${KEY_ENV} "
            "(with PostgreSQL there is no database file to keep it beside)."
        ) from None
    return database.with_name(database.name + SUFFIX)


def load_key(path: Path, *, create: bool = True) -> ServerKey:
    """The key at `path`, created (mode 0600) when missing and `create`; ServerError when it cannot be
    read, is damaged, or others than its owner may read it."""
    if not path.exists():
        if not create:
            raise ServerError(
                f"The server's signing key {path} does not exist. Offices that sync by file trust only the "
                "key they were enrolled with: put it back from the backup of the server's folder (or give "
                "--signing-key); a new key means a new enrolment file for each of them."
            )
        return _create(path)
    if not path.is_file():
        raise ServerError(f"The server's signing key {path} is not a file.")
    if os.name == "posix" and path.stat().st_mode & 0o077:
        raise ServerError(
            f"The server's signing key {path} may be read by other users; make it private "
            f"(chmod 600 {path}) and run the command again."
        )
    try:
        private = path.read_text(encoding="ascii").strip()
        public = signing.public_of(private)
    except (OSError, UnicodeDecodeError, signing.SyncFileError) as exc:
        raise ServerError(f"The server's signing key {path} cannot be used ({type(exc).__name__}).") from None
    return ServerKey(path, private, public)


def server_key(url: str, given: str | Path | None = None, *, create: bool = True) -> ServerKey:
    """The server's key pair for the database at `url` (created on first use when `create`)."""
    return load_key(key_path(url, given), create=create)


def _create(path: Path) -> ServerKey:
    if not path.parent.is_dir():
        raise ServerError(f"The folder of the signing key {path} does not exist.")
    private = signing.new_private_key()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise ServerError(f"The server's signing key {path} cannot be created ({exc.strerror}).") from None
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(private + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    return ServerKey(path, private, signing.public_of(private))
