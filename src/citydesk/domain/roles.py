"""User roles and the acting identity every service call carries."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    """What a signed-in person is; `SYSTEM` acts for demo data, imports and the CLI."""

    CLERK = "clerk"
    TECHNICIAN = "technician"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"
    SYSTEM = "system"

    @property
    def label(self) -> str:
        """Plain-English name."""
        return self.value.capitalize()


SYSTEM_USER_ID = "00000000-0000-7000-8000-000000000001"


@dataclass(frozen=True, slots=True)
class Actor:
    """Who performs a service call: a user id and the role it acts in."""

    user_id: str
    role: Role
    display_name: str = ""


SYSTEM_ACTOR = Actor(user_id=SYSTEM_USER_ID, role=Role.SYSTEM, display_name="citydesk")
