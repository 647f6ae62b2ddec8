"""Street and block keys, aliases, coordinates and distances."""

from __future__ import annotations

import pytest

from citydesk.domain.addresses import coordinate, distance_m, parse_street, search_key, split_aliases
from citydesk.domain.errors import ValidationError


@pytest.mark.parametrize(
    ("text", "key", "block", "number"),
    [
        ("120 N Main St.", "n main st", 1, 120),
        ("120 North Main Street", "n main st", 1, 120),
        ("199 n. main st, Apt 4", "n main st", 1, 199),
        ("1500 Oak Avenue", "oak ave", 15, 1500),
        ("12B Elm St", "elm st", 0, 12),
        ("City Park", "city park", None, None),
        ("Main St & Oak Ave", None, None, None),
        ("", None, None, None),
    ],
)
def test_street_key_and_block(text: str, key: str | None, block: int | None, number: int | None) -> None:
    parts = parse_street(text)
    assert (parts.street_key, parts.block, parts.number) == (key, block, number)


def test_aliases_split_on_semicolon_or_bar_and_fold_into_the_search_key() -> None:
    aliases = split_aliases(" City Park ; the old library| city park |")
    assert aliases == ["City Park", "the old library"]
    assert search_key("1500 Oak Ave", aliases) == "1500 oak ave|city park|the old library"


def test_coordinates_are_checked() -> None:
    assert coordinate("latitude", " 41.5 ", low=-90, high=90) == 41.5
    assert coordinate("latitude", "", low=-90, high=90) is None
    with pytest.raises(ValidationError, match="not a number"):
        coordinate("latitude", "north", low=-90, high=90)
    with pytest.raises(ValidationError, match="out of range"):
        coordinate("longitude", "200", low=-180, high=180)


def test_distance() -> None:
    assert distance_m(41.0, -93.0, 41.0, -93.0) == 0
    assert 105 < distance_m(41.0, -93.0, 41.001, -93.0) < 116  # a thousandth of a degree of latitude
