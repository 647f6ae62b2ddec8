"""A keyring backend for end-to-end tests that run `citydesk` as real processes: secrets in a JSON file
named by $CITYDESK_TEST_KEYRING (a test's temporary folder), so several processes share them.

Select it in the child's environment: PYTHON_KEYRING_BACKEND=keyring_file.FileKeyring with tests/ on
PYTHONPATH. Tests only: the app never writes a credential to a file (see citydesk.sync.credentials).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class FileKeyring(KeyringBackend):
    """Secrets in the JSON file $CITYDESK_TEST_KEYRING ({"service|user": secret})."""

    priority = 1  # type: ignore[assignment]

    @property
    def path(self) -> Path:
        """The file (from the environment: a test sets it for its child processes)."""
        return Path(os.environ["CITYDESK_TEST_KEYRING"])

    def _load(self) -> dict[str, str]:
        return json.loads(self.path.read_text()) if self.path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        """The stored secret or None."""
        return self._load().get(f"{service}|{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        """Store a secret."""
        data = self._load()
        data[f"{service}|{username}"] = password
        self.path.write_text(json.dumps(data))

    def delete_password(self, service: str, username: str) -> None:
        """Forget a secret."""
        data = self._load()
        if data.pop(f"{service}|{username}", None) is None:
            raise PasswordDeleteError("no such secret")
        self.path.write_text(json.dumps(data))
