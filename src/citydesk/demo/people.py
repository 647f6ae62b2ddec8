"""The demo city's people: citizens with consistent contact data, and staff members as requesters."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from typing import Any

from citydesk.demo import content
from citydesk.demo.addresses import Places

SPANISH_SHARE = 0.12
"""Share of citizens who prefer Spanish."""


@dataclass(frozen=True, slots=True)
class Person:
    """A requester as the generator sees it."""

    name: str | None
    first: str
    language: str
    reply: str
    place: dict[str, Any] | None
    department: str | None = None


def _fold(text: str) -> str:
    """ASCII letters for an e-mail address."""
    plain = unicodedata.normalize("NFKD", text.translate(content.ASCII_FOLD))
    return "".join(c for c in plain if c.isascii() and (c.isalnum() or c == ".")).lower()


WORKPLACES = {  # where staff of each department work (the "place" of their IT requests)
    "CLK": ("City Hall", "City Hall — Clerk's counter", "Council chambers"),
    "FIN": ("City Hall — Finance office",),
    "PW": ("Public Works Yard", "Public Works Yard — garage office"),
    "PARKS": ("Public Works Yard", "Senior Center"),
    "PD": ("Police Annex", "Police Annex — dispatch"),
    "IT": ("City Hall",),
}


def make_citizens(
    count: int, rng: random.Random, places: Places
) -> tuple[list[Person], list[dict[str, Any]]]:
    """`count` citizens with plausible names and consistent contact data, and their requester rows."""
    people: list[Person] = []
    rows: list[dict[str, Any]] = []
    phones: set[int] = set()
    emails: set[str] = set()
    specials = {
        1 + i * max(1, count // len(content.SPECIAL_PEOPLE)): p for i, p in enumerate(content.SPECIAL_PEOPLE)
    }
    for index in range(count):
        special = specials.get(index)
        anonymous = special is None and rng.random() < 0.02
        if special is not None:
            name, language = special
            first, last = name.split(" ", 1)
        elif rng.random() < SPANISH_SHARE:
            first, last = rng.choice(content.SPANISH_FIRST), rng.choice(content.SPANISH_LAST)
            language = "es"
        elif rng.random() < 0.07:
            first, last = rng.choice(content.SPANISH_FIRST), rng.choice(content.SPANISH_LAST)
            language = "en"
        else:
            first, last = rng.choice(content.FIRST_NAMES), rng.choice(content.LAST_NAMES)
            language = "en"
        created = rng.uniform(0, 400)  # days before the first ticket; turned into a time by the caller
        if anonymous:
            people.append(Person(name=None, first="the caller", language=language, reply="none", place=None))
            rows.append(
                {
                    "kind": "citizen",
                    "anonymous": True,
                    "reply_method": "none",
                    "preferred_language": language,
                    "_days_before": created,
                }
            )
            continue
        name = f"{first} {last}"
        phone = email = None
        if rng.random() < 0.88:
            while True:
                number = rng.randrange(90_000)  # (555) 010- to 018-; staff have 019-
                if number not in phones:
                    phones.add(number)
                    break
            phone = f"(555) 01{number // 10_000}-{number % 10_000:04d}"
        if phone is None or rng.random() < 0.45:
            base = f"{_fold(first)}.{_fold(last)}"
            email = f"{base}@{rng.choice(content.EMAIL_DOMAINS)}"
            while email in emails:
                email = f"{base}{rng.randrange(2, 99)}@{rng.choice(content.EMAIL_DOMAINS)}"
            emails.add(email)
        place = places.address() if rng.random() < 0.8 else None
        choices = [
            ("phone", 60 if phone else 0),
            ("email", 30 if email else 0),
            ("letter", 6 if place else 0),
            ("none", 4),
        ]
        reply = rng.choices([c for c, _ in choices], weights=[w for _, w in choices])[0]
        confidential = rng.random() < 0.02
        people.append(Person(name=name, first=first, language=language, reply=reply, place=place))
        rows.append(
            {
                "kind": "citizen",
                "name": name,
                "phone": phone,
                "email": email,
                "address": place["address"] if place else None,
                "preferred_language": language,
                "reply_method": reply,
                "confidential": confidential,
                "_days_before": created,
            }
        )
    return people, rows


def make_staff_requesters(
    count: int, rng: random.Random, departments: dict[str, str]
) -> tuple[list[Person], list[dict[str, Any]]]:
    """City employees who file IT requests."""
    people: list[Person] = []
    rows: list[dict[str, Any]] = []
    codes = [c for c, _ in content.STAFF_REQUESTER_DEPARTMENTS]
    weights = [w for _, w in content.STAFF_REQUESTER_DEPARTMENTS]
    used: set[str] = set()
    for index in range(count):
        first, last = rng.choice(content.FIRST_NAMES + content.SPANISH_FIRST), rng.choice(content.LAST_NAMES)
        department = rng.choices(codes, weights=weights)[0]
        email = f"{_fold(first)}.{_fold(last)}@{content.STAFF_EMAIL_DOMAIN}"
        if email in used:
            email = f"{_fold(first)}.{_fold(last)}{index}@{content.STAFF_EMAIL_DOMAIN}"
        used.add(email)
        phone = f"(555) 019-{2000 + index:04d} x{100 + index}"
        people.append(
            Person(
                name=f"{first} {last}",
                first=first,
                language="en",
                reply="email",
                place=None,
                department=department,
            )
        )
        rows.append(
            {
                "kind": "staff",
                "name": f"{first} {last}",
                "phone": phone,
                "email": email,
                "department_id": departments[department],
                "preferred_language": "en",
                "reply_method": "email",
                "_days_before": rng.uniform(0, 400),
            }
        )
    return people, rows
