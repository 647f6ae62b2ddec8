"""Fixtures for service tests: a set-up office database in a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from factories import Office, make_office


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Office]:
    """A fresh office database with reference data and a manual clock."""
    made = make_office(tmp_path / "office.sqlite")
    yield made
    made.db.close()
