"""Street addresses: street and block keys, search keys, coordinates and distances (pure rules).

"120 N Main St." and "120 North Main Street" both give street key "n main st" and block 1 (the
house number // 100), so two reports on the same block of the same street are found as neighbours.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from citydesk.domain.errors import ValidationError
from citydesk.domain.text import fold

NEAR_METRES = 100.0
EARTH_RADIUS_M = 6_371_000.0

# USPS-style abbreviations, so spelled-out and abbreviated forms give the same key.
_ABBREVIATIONS = {
    "north": "n", "south": "s", "east": "e", "west": "w",
    "northeast": "ne", "northwest": "nw", "southeast": "se", "southwest": "sw",
    "street": "st", "avenue": "ave", "av": "ave", "road": "rd", "boulevard": "blvd", "drive": "dr",
    "lane": "ln", "court": "ct", "place": "pl", "parkway": "pkwy", "highway": "hwy", "terrace": "ter",
    "circle": "cir", "square": "sq", "trail": "trl", "alley": "aly", "expressway": "expy",
}  # fmt: skip
_UNIT_WORDS = frozenset({"apt", "apartment", "unit", "suite", "ste", "#", "fl", "floor", "rm", "room"})
_HOUSE_NUMBER = re.compile(r"^(\d{1,6})(?:[a-z]|-\d+)?$")
_INTERSECTION = re.compile(r"\s(?:&|and|at|@)\s|/")


@dataclass(frozen=True, slots=True)
class StreetParts:
    """The house number, street key and block of an address text (None where there is none)."""

    number: int | None
    street_key: str | None
    block: int | None


def _words(text: str) -> list[str]:
    folded = fold(text) or ""
    folded = folded.replace("#", " # ")
    return [w for w in re.split(r"[\s,.;:]+", folded) if w]


@lru_cache(maxsize=65536)
def parse_street(text: str | None) -> StreetParts:
    """Split "120 N Main St., Apt 4" into number 120, street key "n main st", block 1.

    Intersections ("Main St & Oak Ave") and names without a house number ("City Park") have no
    block; intersections have no street key either (they lie on two streets).
    """
    if not text or _INTERSECTION.search(fold(text) or ""):
        return StreetParts(None, None, None)
    words = _words(text)
    number: int | None = None
    if words and (match := _HOUSE_NUMBER.match(words[0])):
        number = int(match.group(1))
        words = words[1:]
    street: list[str] = []
    for word in words:
        if word in _UNIT_WORDS:
            break
        street.append(_ABBREVIATIONS.get(word, word))
    key = " ".join(street) or None
    return StreetParts(number, key, number // 100 if number is not None and key else None)


def search_key(text: str, aliases: list[str] | tuple[str, ...] = ()) -> str:
    """The folded text and aliases joined by '|' ("120 main st|city park"), for completion."""
    parts = [fold(p) for p in (text, *aliases)]
    return "|".join(p for p in parts if p)


def split_aliases(value: str | None) -> list[str]:
    """Aliases separated by ';' or '|' ("City Park; the old library"), trimmed, blanks and repeats dropped."""
    out: list[str] = []
    seen: set[str] = set()
    for part in re.split(r"[;|]", value or ""):
        cleaned = " ".join(part.split())
        key = fold(cleaned)
        if key and key not in seen:
            seen.add(key)
            out.append(cleaned)
    return out


def coordinate(field: str, value: object, *, low: float, high: float) -> float | None:
    """A latitude or longitude as a float within [low, high], None when blank; else ValidationError."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(str(value).strip().replace(",", ".")) if isinstance(value, str) else float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValidationError(field, f"{value!r} is not a number.") from None
    if math.isnan(number) or not low <= number <= high:
        raise ValidationError(field, f"{number:g} is out of range ({low:g} to {high:g}).")
    return number


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(lat: float, lon: float, metres: float = NEAR_METRES) -> tuple[float, float, float, float]:
    """(min lat, max lat, min lon, max lon) of a box that contains the circle of `metres` around a point."""
    dlat = math.degrees(metres / EARTH_RADIUS_M)
    dlon = dlat / max(0.01, math.cos(math.radians(lat)))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon
