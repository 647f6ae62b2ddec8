"""Errors raised by the rules; each names the field or action it is about."""

from __future__ import annotations


class CitydeskError(Exception):
    """Base class for every error citydesk shows to a person."""


class ValidationError(CitydeskError):
    """Bad input for one field; `field` names it so the UI can show the message beside it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class PermissionDenied(CitydeskError):
    """The acting user's role does not allow the action."""

    def __init__(self, action: str, role: str) -> None:
        super().__init__(f"A {role} may not {action.replace('_', ' ')}.")
        self.action = action
        self.role = role


class TransitionError(ValidationError):
    """A status change the workflow does not offer."""

    def __init__(self, current: str, target: str) -> None:
        super().__init__("status", f"A ticket that is {current} cannot be moved to {target}.")


class NotFound(CitydeskError):
    """A referenced row (ticket, user, category, ...) does not exist."""

    def __init__(self, what: str, key: object) -> None:
        super().__init__(f"No {what} {key!r}.")
        self.what = what
        self.key = key


class ReferenceReadOnly(CitydeskError):
    """An edit of reference data (offices, departments, categories, users, settings) on an enrolled PC."""

    MESSAGE = "Reference data is edited on the server once this PC is enrolled"

    def __init__(self, what: str, server_url: str) -> None:
        super().__init__(
            f"{self.MESSAGE} ({server_url}): ask the city's administrator to change the {what} there."
        )
        self.what = what
        self.server_url = server_url
