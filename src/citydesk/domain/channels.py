"""Intake channels, reply methods, requester kinds and languages."""

from __future__ import annotations

from enum import StrEnum


class Channel(StrEnum):
    """How a request reached the city."""

    PHONE = "phone"
    WALK_IN = "walk_in"
    EMAIL = "email"
    WEB = "web"
    INTRANET = "intranet"
    INTERNAL = "internal"
    AFTER_HOURS = "after_hours"

    @property
    def label(self) -> str:
        """Plain-English name."""
        return _CHANNEL_LABELS[self]


_CHANNEL_LABELS = {
    Channel.PHONE: "Phone",
    Channel.WALK_IN: "Walk-in",
    Channel.EMAIL: "E-mail",
    Channel.WEB: "Web",
    Channel.INTRANET: "Intranet",
    Channel.INTERNAL: "Internal",
    Channel.AFTER_HOURS: "After-hours dispatch",
}


class ReplyMethod(StrEnum):
    """How a requester wants to hear back."""

    PHONE = "phone"
    EMAIL = "email"
    LETTER = "letter"
    NONE = "none"

    @property
    def label(self) -> str:
        """Plain-English name."""
        labels = {"phone": "Phone", "email": "E-mail", "letter": "Letter", "none": "No reply wanted"}
        return labels[self.value]


class RequesterKind(StrEnum):
    """Citizen or a member of city staff."""

    CITIZEN = "citizen"
    STAFF = "staff"


LANGUAGES: dict[str, str] = {"en": "English", "es": "Spanish"}


class ContactKind(StrEnum):
    """Counted events without a ticket."""

    QUESTION = "question"
    STATUS_INQUIRY = "status_inquiry"
