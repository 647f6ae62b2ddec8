"""The device credential, kept only in the OS keyring (never in a file citydesk writes).

Keyring service "citydesk", user name "<server url>|<device id>". On a machine with no usable keyring
backend (a server or a PC with no desktop session) every call raises `KeyringUnavailable`, whose message
says how to set one up; the credential is never written anywhere else behind the user's back.
"""

from __future__ import annotations

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from citydesk.domain.errors import CitydeskError

SERVICE = "citydesk"

SETUP_HELP = (
    "citydesk keeps this PC's server credential only in the operating system's keyring, and none is "
    "usable here. On Windows and macOS the keyring is built in (sign in to a normal desktop session). "
    "On Linux, run citydesk inside a desktop session with a Secret Service (GNOME Keyring or KWallet); "
    "on a machine without a desktop, start one for the command, for example: "
    "dbus-run-session -- sh -c 'echo -n PASSWORD | gnome-keyring-daemon --unlock --components=secrets "
    "&& citydesk sync'. "
    "The backend can be chosen with the PYTHON_KEYRING_BACKEND environment variable "
    "(see `python -m keyring --list-backends`)."
)

# Backends that cannot keep a secret: keyring's "fail" (raises) and "null" (forgets everything).
_UNUSABLE = ("keyring.backends.fail", "keyring.backends.null")


class KeyringUnavailable(CitydeskError):
    """No usable OS keyring: the credential cannot be kept (the message says how to set one up)."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(f"No usable keyring{f' ({detail})' if detail else ''}. {SETUP_HELP}")


def account(server_url: str, device_id: str) -> str:
    """The keyring user name of a device's credential on a server."""
    return f"{server_url.rstrip('/')}|{device_id}"


def check_available() -> None:
    """KeyringUnavailable unless the current keyring backend can keep a secret (checked before enrolling,
    so a one-time code is not spent on a PC that could not keep the credential)."""
    backend = keyring.get_keyring()
    if _unusable(backend):
        raise KeyringUnavailable(f"the backend is {type(backend).__module__}")


def store_credential(server_url: str, device_id: str, credential: str) -> None:
    """Keep the credential in the keyring; KeyringUnavailable when it cannot (read back to make sure)."""
    check_available()
    name = account(server_url, device_id)
    try:
        keyring.set_password(SERVICE, name, credential)
        kept = keyring.get_password(SERVICE, name)
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(str(exc) or type(exc).__name__) from exc
    if kept != credential:
        raise KeyringUnavailable("the keyring did not keep the credential")


def load_credential(server_url: str, device_id: str) -> str | None:
    """The credential kept for this device and server, or None when there is none."""
    check_available()
    try:
        return keyring.get_password(SERVICE, account(server_url, device_id))
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(str(exc) or type(exc).__name__) from exc


def delete_credential(server_url: str, device_id: str) -> bool:
    """Forget the credential; False when there was none."""
    check_available()
    try:
        keyring.delete_password(SERVICE, account(server_url, device_id))
    except keyring.errors.PasswordDeleteError:
        return False
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(str(exc) or type(exc).__name__) from exc
    return True


def _unusable(backend: KeyringBackend) -> bool:
    inner = getattr(backend, "backends", None)  # a ChainerBackend: usable when one of its backends is
    if isinstance(inner, list | tuple):
        return not inner or all(_unusable(b) for b in inner)
    return type(backend).__module__.startswith(_UNUSABLE)
