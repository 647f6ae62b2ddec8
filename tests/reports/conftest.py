"""Fixtures for the report tests: the hand-built week of weekly_fixture.py and an empty office."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from weekly_fixture import CityWeek, build_city_week

from factories import Office, make_office


@pytest.fixture(scope="module")
def city_week(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CityWeek]:
    """The hand-built week (built once per test module)."""
    week = build_city_week(tmp_path_factory.mktemp("city") / "office.sqlite")
    yield week
    week.office.db.close()


@pytest.fixture
def empty_office(tmp_path: Path) -> Iterator[Office]:
    """A set-up office with no tickets at all."""
    made = make_office(tmp_path / "empty.sqlite", start=datetime(2026, 11, 1, 12, tzinfo=UTC))
    yield made
    made.db.close()
