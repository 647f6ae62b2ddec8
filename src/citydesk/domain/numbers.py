"""Ticket numbers `<OFFICE>-<TAG>-<SEQ>`: labels fixed at creation, never keys, never reissued."""

from __future__ import annotations

import re
import secrets

SEQ_DIGITS = 6
# Between the parts: a hyphen as printed, or what a clerk types instead (spaces, an en dash, a dot...).
_SEPARATOR = r"[\s\-\u2010-\u2015./_]+"
_NUMBER = re.compile(rf"^([A-Z]{{2,5}}){_SEPARATOR}([A-Z0-9]{{1,3}}){_SEPARATOR}([0-9]{{1,9}})$")
_TAG_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I or O: they read as 1 and 0


def random_tag() -> str:
    """A random three-letter database tag (used until enrolment assigns a device number)."""
    return "".join(secrets.choice(_TAG_LETTERS) for _ in range(3))


def make_prefix(office_code: str, tag: str) -> str:
    """The number prefix a database fixes when it is created."""
    return f"{office_code}-{tag}"


def format_number(prefix: str, seq: int) -> str:
    """`CLK-QXB-000042`."""
    return f"{prefix}-{seq:0{SEQ_DIGITS}d}"


def normalize_number(typed: str) -> str | None:
    """The canonical form of a typed number (case, spaces or other separators for the hyphens, missing
    zeros), or None if it is not one."""
    match = _NUMBER.match(typed.strip().upper())
    if not match:
        return None
    office, tag, seq = match.groups()
    return format_number(f"{office}-{tag}", int(seq))


def looks_like_sequence(typed: str) -> bool:
    """True when the user typed just the digits of a number (`42`, `000042`)."""
    return typed.strip().isdigit() and len(typed.strip()) <= 9
