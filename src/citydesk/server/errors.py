"""Errors the server replies with: an HTTP status, a stable code and a sentence (`messages.error_body`)."""

from __future__ import annotations

from typing import Any

from citydesk.domain.errors import CitydeskError
from citydesk.sync.messages import error_body


class ApiError(CitydeskError):
    """A refused request: nothing was written. `extra` goes into the body beside code and message."""

    def __init__(self, status: int, code: str, message: str, **extra: Any) -> None:
        """`status` is the HTTP status, `code` the body's `error`."""
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.extra = extra

    def body(self) -> dict[str, Any]:
        """The reply body."""
        return error_body(self.code, self.message, **self.extra)
