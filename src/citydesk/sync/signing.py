"""Signed sync files: the envelope both sides write and check (Ed25519, `cryptography`).

A sync file is one JSON object:

    {"format": "citydesk-sync-file", "version": 1, "kind": "request" | "reply",
     "signer": "<device id>" | "server", "payload": "<base64 of gzip(JSON)>", "signature": "<base64>"}

The signature covers the kind, the signer and the payload's bytes exactly as written (no canonical JSON
needed), so a file altered anywhere, or passed off as another kind or signer, fails verification. The
payload names the city, the server's key and the device; the readers check those after the signature.
Keys travel as raw 32-byte Ed25519 keys in base64. Pure: no database, no keyring, no Qt.
"""

from __future__ import annotations

import base64
import binascii
import gzip
import hashlib
import json
import os
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from citydesk.domain.errors import CitydeskError

FORMAT = "citydesk-sync-file"
VERSION = 1
KINDS = frozenset({"request", "reply"})
MAX_FILE_BYTES = 512 * 1024 * 1024  # a whole city's snapshot compresses far below this
SERVER_SIGNER = "server"


class SyncFileError(CitydeskError):
    """A sync file that cannot be used: not a sync file, damaged, altered, foreign or out of date (the
    message says which, in words for the person carrying it)."""


@dataclass(frozen=True, slots=True)
class Envelope:
    """A read sync file, its signature not yet checked: kind, signer and the payload's bytes."""

    kind: str
    signer: str
    payload: bytes
    signature: bytes

    def claimed(self) -> dict[str, Any]:
        """The payload decoded WITHOUT trusting it (for a clearer message when verification fails)."""
        try:
            return decode_payload(self.payload)
        except SyncFileError:
            return {}


def new_private_key() -> str:
    """A new Ed25519 private key, raw, in base64."""
    return _b64(Ed25519PrivateKey.generate().private_bytes_raw())


def public_of(private_key: str) -> str:
    """The base64 public key of a base64 private key."""
    return _b64(_private(private_key).public_key().public_bytes_raw())


def fingerprint(public_key: str) -> str:
    """A short, readable name of a public key ("SHA256:" + 16 hex digits)."""
    return "SHA256:" + hashlib.sha256(_unb64(public_key, "public key")).hexdigest()[:16]


def check_public_key(public_key: str) -> str:
    """The key as given when it is a base64 Ed25519 public key; SyncFileError otherwise."""
    _public(public_key)
    return public_key


def _signed_bytes(kind: str, signer: str, payload: bytes) -> bytes:
    return b"\0".join((FORMAT.encode(), str(VERSION).encode(), kind.encode(), signer.encode(), payload))


def seal(kind: str, signer: str, body: dict[str, Any], private_key: str) -> bytes:
    """The bytes of a signed sync file carrying `body`."""
    if kind not in KINDS:
        raise ValueError(f"unknown sync file kind {kind!r}")
    payload = gzip.compress(json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode(), mtime=0)
    signature = _private(private_key).sign(_signed_bytes(kind, signer, payload))
    outer = {"format": FORMAT, "version": VERSION, "kind": kind, "signer": signer,
             "payload": _b64(payload), "signature": _b64(signature)}  # fmt: skip
    return json.dumps(outer, indent=1).encode() + b"\n"


def open_envelope(raw: bytes, *, expect: str) -> Envelope:
    """Parse a sync file's outer layer (no trust yet); SyncFileError when it is not a sync file of the
    expected kind."""
    if len(raw) > MAX_FILE_BYTES:
        raise SyncFileError("This file is far too large to be a citydesk sync file.")
    try:
        outer = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise SyncFileError("This is not a citydesk sync file (it cannot be read as one).") from None
    if not isinstance(outer, dict) or outer.get("format") != FORMAT:
        raise SyncFileError("This is not a citydesk sync file.")
    if outer.get("version") != VERSION:
        raise SyncFileError(
            f"This sync file was written by another version of citydesk (format {outer.get('version')!r}); "
            "update citydesk on both sides."
        )
    kind = outer.get("kind")
    if kind != expect:
        names = {"request": "a file written by an office PC", "reply": "a reply written by the server"}
        raise SyncFileError(f"This is {names.get(str(kind), 'another kind of file')}, not {names[expect]}.")
    signer, payload, signature = outer.get("signer"), outer.get("payload"), outer.get("signature")
    if not isinstance(signer, str) or not isinstance(payload, str) or not isinstance(signature, str):
        raise SyncFileError("This sync file is damaged (its signature or contents are missing).")
    return Envelope(kind, signer, _unb64(payload, "contents"), _unb64(signature, "signature"))


def verify(envelope: Envelope, public_key: str) -> dict[str, Any]:
    """The payload when the signature checks with `public_key`; SyncFileError("altered") otherwise."""
    try:
        _public(public_key).verify(
            envelope.signature, _signed_bytes(envelope.kind, envelope.signer, envelope.payload)
        )
    except InvalidSignature:
        raise SyncFileError(
            "This sync file was changed after it was written, or was not written by whom it claims: its "
            "signature does not match. Nothing was applied. Write a new file and carry it again."
        ) from None
    return decode_payload(envelope.payload)


def decode_payload(payload: bytes) -> dict[str, Any]:
    """The JSON object inside a payload; SyncFileError when damaged."""
    try:
        body = json.loads(gzip.decompress(payload))
    except (OSError, EOFError, ValueError, UnicodeDecodeError, zlib.error):
        raise SyncFileError("This sync file is damaged (its contents cannot be read).") from None
    if not isinstance(body, dict):
        raise SyncFileError("This sync file is damaged (its contents are not what citydesk writes).")
    return body


def _private(key: str) -> Ed25519PrivateKey:
    try:
        return Ed25519PrivateKey.from_private_bytes(_unb64(key, "private key"))
    except ValueError:
        raise SyncFileError("The signing key is damaged (not an Ed25519 private key).") from None


def _public(key: str) -> Ed25519PublicKey:
    try:
        return Ed25519PublicKey.from_public_bytes(_unb64(key, "public key"))
    except ValueError:
        raise SyncFileError("The verification key is damaged (not an Ed25519 public key).") from None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str, what: str) -> bytes:
    if not isinstance(text, str):
        raise SyncFileError(f"This sync file is damaged (its {what} is missing).")
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise SyncFileError(f"This sync file is damaged (its {what} is not readable).") from None


def read_file(path: Path) -> bytes:
    """The bytes of a sync file; SyncFileError when it is missing or unreadable."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise SyncFileError("This file is far too large to be a citydesk sync file.")
        return path.read_bytes()
    except FileNotFoundError:
        raise SyncFileError(f"There is no file {path}.") from None
    except OSError as exc:
        raise SyncFileError(f"The file {path} cannot be read ({exc.strerror or exc}).") from None


def write_file(target: Path, data: bytes, *, private: bool = False) -> None:
    """Write `data` to `target` through a temporary file beside it, then rename: a USB stick pulled
    mid-write leaves no half file under the real name. `private`: readable by its owner only."""
    if not target.parent.is_dir():
        raise SyncFileError(f"The folder {target.parent} does not exist (is the USB stick plugged in?).")
    partial = target.with_name(target.name + ".partial")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600 if private else 0o644)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise SyncFileError(f"The file could not be written to {target} ({exc.strerror or exc}).") from None
