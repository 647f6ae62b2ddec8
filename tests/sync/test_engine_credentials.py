"""The device credential lives only in the OS keyring; no usable keyring is a clear error."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backends import fail, null

from citydesk.sync import credentials
from keyring_memory import memory_keyring

URL = "https://sync.testville.gov/"
DEVICE = "0190a1b2-0000-7000-8000-000000000001"


def test_store_load_delete_round_trip_under_the_service_and_account_names() -> None:
    with memory_keyring() as backend:
        assert credentials.load_credential(URL, DEVICE) is None
        credentials.store_credential(URL, DEVICE, "s3cret")
        assert backend.secrets == {("citydesk", f"https://sync.testville.gov|{DEVICE}"): "s3cret"}
        assert credentials.load_credential(URL.rstrip("/"), DEVICE) == "s3cret"
        assert credentials.load_credential(URL, "another-device") is None
        assert credentials.delete_credential(URL, DEVICE) is True
        assert credentials.delete_credential(URL, DEVICE) is False
        assert credentials.load_credential(URL, DEVICE) is None


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()], ids=["fail", "null"])
def test_no_usable_backend_is_a_clear_error_and_nothing_is_written(
    backend: keyring.backend.KeyringBackend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        with pytest.raises(credentials.KeyringUnavailable) as caught:
            credentials.store_credential(URL, DEVICE, "s3cret")
        with pytest.raises(credentials.KeyringUnavailable):
            credentials.load_credential(URL, DEVICE)
        with pytest.raises(credentials.KeyringUnavailable):
            credentials.check_available()
    finally:
        keyring.set_keyring(previous)
    message = str(caught.value)
    assert "No usable keyring" in message
    assert "gnome-keyring-daemon" in message and "PYTHON_KEYRING_BACKEND" in message
    assert list(tmp_path.iterdir()) == []  # no plaintext fallback file


class ForgetfulKeyring(keyring.backend.KeyringBackend):
    """A backend that accepts a secret and does not keep it."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        return None

    def delete_password(self, service: str, username: str) -> None:
        return None


def test_a_backend_that_does_not_keep_the_secret_is_refused() -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(ForgetfulKeyring())
    try:
        with pytest.raises(credentials.KeyringUnavailable, match="did not keep"):
            credentials.store_credential(URL, DEVICE, "s3cret")
    finally:
        keyring.set_keyring(previous)
