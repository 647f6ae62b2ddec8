"""Field validation with clear messages that name the field."""

from __future__ import annotations

import re

from citydesk.domain.errors import ValidationError

TITLE_MAX = 200
DESCRIPTION_MAX = 10_000
NOTE_MAX = 20_000
NAME_MAX = 120
LOCATION_MAX = 300
MAX_ESCALATION_LEVEL = 3
MAX_MINUTES = 24 * 60
VISIT_DAYS_BACK = 7  # a visit recorded after it happened: up to a week ago
VISIT_DAYS_AHEAD = 366  # further ahead is a typing mistake (a year typed wrong), not a plan

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
_PHONE_CHARS = re.compile(r"^\+?[0-9 ().\-/]+((x|ext\.?)\s*[0-9]{1,6})?$", re.IGNORECASE)


def text(field: str, value: object, *, required: bool, max_len: int, label: str | None = None) -> str:
    """Trim `value`; raise ValidationError if it is missing (when required) or too long."""
    name = label or field.replace("_", " ").capitalize()
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(field, f"{name} must be text.")
    cleaned = value.strip()
    if required and not cleaned:
        raise ValidationError(field, f"{name} is required.")
    if len(cleaned) > max_len:
        raise ValidationError(field, f"{name} is too long ({len(cleaned)} characters; at most {max_len}).")
    return cleaned


def title(value: object) -> str:
    """A ticket title: required, at most 200 characters."""
    return text("title", value, required=True, max_len=TITLE_MAX)


def description(value: object) -> str:
    """A ticket description: optional, at most 10,000 characters."""
    return text("description", value, required=False, max_len=DESCRIPTION_MAX)


def note_body(value: object, field: str = "body") -> str:
    """A note: required, at most 20,000 characters."""
    return text(field, value, required=True, max_len=NOTE_MAX, label="Note")


def phone(value: object) -> str | None:
    """A phone number that could be right (7–15 digits, usual punctuation), or None when blank."""
    cleaned = text("phone", value, required=False, max_len=40)
    if not cleaned:
        return None
    digits = re.sub(r"(x|ext\.?)\s*[0-9]+$", "", cleaned, flags=re.IGNORECASE)
    digits = re.sub(r"\D", "", digits)
    if not _PHONE_CHARS.match(cleaned) or not 7 <= len(digits) <= 15:
        raise ValidationError("phone", f"{cleaned!r} does not look like a phone number (7 to 15 digits).")
    return cleaned


def email(value: object) -> str | None:
    """An e-mail address that could be right, or None when blank."""
    cleaned = text("email", value, required=False, max_len=254)
    if not cleaned:
        return None
    if not _EMAIL.match(cleaned):
        raise ValidationError("email", f"{cleaned!r} is not a valid e-mail address.")
    return cleaned.lower()


def minutes(value: object) -> int:
    """Time spent in whole minutes: 1 to 1440."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("minutes", "Time spent must be a whole number of minutes.")
    if not 1 <= value <= MAX_MINUTES:
        raise ValidationError("minutes", f"Time spent must be between 1 and {MAX_MINUTES} minutes.")
    return value


def escalation_level(value: object) -> int:
    """An escalation level from 1 to 3."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ESCALATION_LEVEL:
        raise ValidationError("level", f"Escalation level must be 1 to {MAX_ESCALATION_LEVEL}.")
    return value


def office_code(value: object) -> str:
    """An office code: 2 to 5 capital letters (CLK, PW, PD)."""
    cleaned = text("office_code", value, required=True, max_len=5, label="Office code").upper()
    if not re.fullmatch(r"[A-Z]{2,5}", cleaned):
        raise ValidationError("office_code", "Office code must be 2 to 5 letters, like CLK.")
    return cleaned
