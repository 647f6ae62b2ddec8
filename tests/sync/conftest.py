"""Fixtures of the local sync tests: replicas of one office city (`replicas.make_replicas`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from replicas import Replica, make_replicas

from factories import Office


def _replicas(office_template: Office, tmp_path: Path, count: int) -> Iterator[list[Replica]]:
    made = make_replicas(office_template, tmp_path, count)
    yield made
    for replica in made:
        replica.db.close()


@pytest.fixture
def pair(office_template: Office, tmp_path: Path) -> Iterator[list[Replica]]:
    """Two replicas of one office city."""
    yield from _replicas(office_template, tmp_path, 2)


@pytest.fixture
def trio(office_template: Office, tmp_path: Path) -> Iterator[list[Replica]]:
    """Three replicas of one office city."""
    yield from _replicas(office_template, tmp_path, 3)
