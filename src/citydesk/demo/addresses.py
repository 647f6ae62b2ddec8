"""The demo city's address list and the places its tickets point at.

Riverton's list holds house addresses along its 40 streets (about one per 20 tickets: 5,000 at
100,000 tickets, at least 300), its parks and public buildings with the names people use for them
("City Park", "the old library"), each with a ward (six wards in a 3 × 2 grid over the map) and
coordinates. Demo tickets at a listed address carry its id and ward; intersections are not on the
list (unverified, as a clerk would type them) but still get the ward of where they are.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from citydesk.demo import content
from citydesk.domain.roles import SYSTEM_ACTOR
from citydesk.services.addresses import AddressRow, bulk_add_addresses
from citydesk.store.db import Database

ADDRESSES_PER_TICKET = 1 / 20
MIN_ADDRESSES = 300
MAX_ADDRESSES = 5000

PARK_ALIASES: dict[str, tuple[str, ...]] = {
    "Riverside Park": ("the river walk",),
    "Lincoln Park": ("City Park",),
    "Veterans Memorial Park": ("Memorial Park", "the war memorial"),
    "Miller Field": ("the ball fields",),
    "Duck Pond Park": ("the duck pond",),
    "Heritage Trail trailhead": ("the trailhead",),
}
# Public buildings: (street index, house number, aliases).
BUILDINGS: tuple[tuple[int, int, tuple[str, ...]], ...] = (
    (0, 1500, ("City Hall",)),
    (15, 1210, ("Police Annex", "the police station")),
    (18, 1820, ("Public Works Yard", "the city garage")),
    (13, 1430, ("Senior Center",)),
    (14, 1610, ("the old library", "Carnegie Library")),
)


def ward_of(lat: float, lon: float) -> str:
    """The demo city's ward of a point: 1–3 north of the centre line, 4–6 south, west to east."""
    column = 0 if lon < content.CENTER_LON - 0.006 else (1 if lon < content.CENTER_LON + 0.006 else 2)
    return f"Ward {column + (1 if lat >= content.CENTER_LAT else 4)}"


def address_count(tickets: int) -> int:
    """How many house addresses the list holds for a demo of `tickets` tickets."""
    return max(MIN_ADDRESSES, min(MAX_ADDRESSES, int(tickets * ADDRESSES_PER_TICKET)))


def coords(street: int, number: int) -> tuple[float, float]:
    """Rough map coordinates of a house number on a street (avenues run north–south)."""
    name = content.STREETS[street]
    along = (number - 1500) / 100
    if name.endswith("Ave"):
        return (
            round(content.CENTER_LAT + along * 0.0009, 5),
            round(content.CENTER_LON + (street - 20) * 0.003, 5),
        )
    return (
        round(content.CENTER_LAT + (street - 20) * 0.0025, 5),
        round(content.CENTER_LON + along * 0.0011, 5),
    )


def _park_coords(rng: random.Random) -> list[tuple[float, float]]:
    return [
        (content.CENTER_LAT + rng.uniform(-0.02, 0.02), content.CENTER_LON + rng.uniform(-0.03, 0.03))
        for _ in content.PARKS
    ]


@dataclass
class AddressBook:
    """The list: house addresses by (street, number), parks by name, each with its row once written."""

    houses: list[tuple[int, int]]
    park_coords: list[tuple[float, float]]
    ids: dict[str, str] = field(default_factory=dict)  # address text -> id
    wards: dict[str, str] = field(default_factory=dict)

    @classmethod
    def make(cls, tickets: int, rng: random.Random) -> AddressBook:
        """A reproducible list for a demo of `tickets` tickets."""
        wanted = address_count(tickets)
        chosen: set[tuple[int, int]] = {(s, n) for s, n, _a in BUILDINGS}
        while len(chosen) < wanted + len(BUILDINGS):
            number = rng.randrange(1, 30) * 100 + rng.randrange(0, 100, 2) + rng.randrange(2)
            chosen.add((rng.randrange(len(content.STREETS)), number))
        return cls(houses=sorted(chosen), park_coords=_park_coords(rng))

    def rows(self) -> list[AddressRow]:
        """The list as checked import rows (external ids RIV-00001...)."""
        aliases = {(s, n): a for s, n, a in BUILDINGS}
        out: list[AddressRow] = []
        for index, (street, number) in enumerate(self.houses, start=1):
            lat, lon = coords(street, number)
            text = f"{number} {content.STREETS[street]}"
            out.append(AddressRow(index, text, f"RIV-{index:05d}", ward_of(lat, lon), lat, lon,
                                  aliases.get((street, number), ())))  # fmt: skip
        for index, (name, (lat, lon)) in enumerate(zip(content.PARKS, self.park_coords, strict=True)):
            out.append(AddressRow(len(out) + 1, name, f"RIV-P{index + 1:02d}", ward_of(lat, lon),
                                  round(lat, 5), round(lon, 5), PARK_ALIASES.get(name, ())))  # fmt: skip
        return out

    def write(self, db: Database) -> None:
        """Insert the list (rows and field clocks; no outbox rows: the demo never syncs)."""
        rows = self.rows()
        ids = bulk_add_addresses(db, actor=SYSTEM_ACTOR, rows=rows, capture=False)
        self.ids = {r.text: i for r, i in zip(rows, ids, strict=True)}
        self.wards = {r.text: r.ward or "" for r in rows}


class Places:
    """Addresses, intersections, parks and buildings with rough map coordinates.

    With an address book, house addresses come from the city's list (and carry its id and ward);
    without one (older callers), any house number on any street.
    """

    def __init__(self, rng: random.Random, book: AddressBook | None = None) -> None:
        self.rng = rng
        self.streets = content.STREETS
        self.book = book
        self.park_coords = book.park_coords if book is not None else _park_coords(rng)

    def _listed(self, place: dict[str, Any]) -> dict[str, Any]:
        if self.book is not None and (address_id := self.book.ids.get(place["text"])):
            place["address_id"] = address_id
        place["ward"] = ward_of(place["lat"], place["lon"])
        return place

    def address(self) -> dict[str, Any]:
        """A house address (and its street and a cross street)."""
        rng = self.rng
        if self.book is not None:
            street, number = self.book.houses[rng.randrange(len(self.book.houses))]
        else:
            street = rng.randrange(len(self.streets))
            number = rng.randrange(1, 30) * 100 + rng.randrange(0, 100, 2) + rng.randrange(2)
        other = (street + rng.randrange(1, len(self.streets))) % len(self.streets)
        lat, lon = coords(street, number)
        text = f"{number} {self.streets[street]}"
        return self._listed({
            "form": "address",
            "street": self.streets[street],
            "address": text,
            "cross": f"{self.streets[street]} & {self.streets[other]}",
            "text": text,
            "lat": lat,
            "lon": lon,
        })  # fmt: skip

    def street_spot(self) -> dict[str, Any]:
        """A spot on a street: an address (70%) or an intersection (not on the list)."""
        place = self.address()
        if self.rng.random() < 0.3:
            place = dict(place, form="cross", text=place["cross"])
            place.pop("address_id", None)
        return place

    def park(self) -> dict[str, Any]:
        """A park."""
        index = self.rng.randrange(len(content.PARKS))
        name = content.PARKS[index]
        lat, lon = self.park_coords[index]
        return self._listed({
            "form": "park",
            "street": name,
            "address": name,
            "cross": name,
            "park": name,
            "text": name,
            "lat": round(lat, 5),
            "lon": round(lon, 5),
        })  # fmt: skip


def ticket_location(place: dict[str, Any]) -> dict[str, Any]:
    """The ticket location for a place: text, coordinates, ward, and the address id when listed."""
    location = {"text": place["text"], "lat": place["lat"], "lon": place["lon"]}
    for key in ("address_id", "ward"):
        if place.get(key):
            location[key] = place[key]
    return location
