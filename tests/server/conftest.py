"""Fixtures of the server tests: a fresh set-up server database for each test and the real FastAPI app
on it (helpers and change builders: server_kit.py).

Every test that takes `server` (or `backend`) runs twice: on an SQLite file and on a real PostgreSQL
(tests/conftest.py's `pg_url`). Each PostgreSQL test gets its own database, created from a template
database set up once per run (`CREATE DATABASE ... TEMPLATE`, a file copy inside PostgreSQL). A test
marked `sqlite_only` runs on SQLite alone (it says why).
"""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from server_kit import START, Server, make_server

from citydesk.domain.clock import ManualClock
from citydesk.server.app import create_app
from pg_kit import create_database, drop_database, with_database

BACKENDS = ("sqlite", "postgresql")
PG_TEMPLATE = "citydesk_server_template"
_numbers = itertools.count(1)


def pytest_configure(config: pytest.Config) -> None:
    """Register the `sqlite_only` marker."""
    config.addinivalue_line("markers", "sqlite_only(reason): a server test that runs on SQLite alone")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run each server test on both backends (on SQLite alone when marked `sqlite_only`)."""
    if "backend" in metafunc.fixturenames:
        only = metafunc.definition.get_closest_marker("sqlite_only")
        metafunc.parametrize("backend", ["sqlite"] if only else list(BACKENDS), scope="session")


@pytest.fixture(scope="session")
def server_template(
    backend: str, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> tuple[str, dict[str, Any]]:
    """One set-up server database per backend and run (copied for each test): its URL (or SQLite path)
    and ids."""
    if backend == "sqlite":
        path = tmp_path_factory.mktemp("server-template") / "server.sqlite"
        _url, ids = make_server(path, ManualClock(START))
        return str(path), ids
    pg_url: str = request.getfixturevalue("pg_url")
    drop_database(pg_url, PG_TEMPLATE)
    create_database(pg_url, PG_TEMPLATE)
    url, ids = make_server(with_database(pg_url, PG_TEMPLATE), ManualClock(START))
    return url, ids


@pytest.fixture
def empty_server_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """The URL of a new, empty server database on the backend (an SQLite file, or a PostgreSQL database
    dropped afterwards)."""
    if backend == "sqlite":
        yield f"sqlite+pysqlite:///{tmp_path / 'server.sqlite'}"
        return
    pg_url: str = request.getfixturevalue("pg_url")
    name = f"citydesk_empty_{next(_numbers)}"
    drop_database(pg_url, name)
    create_database(pg_url, name)
    try:
        yield with_database(pg_url, name)
    finally:
        drop_database(pg_url, name)


@pytest.fixture
def server(
    backend: str,
    server_template: tuple[str, dict[str, Any]],
    tmp_path: Path,
    request: pytest.FixtureRequest,
) -> Iterator[Server]:
    """A fresh copy of the template server and the real app on it, with a manual clock a minute later."""
    template, ids = server_template
    path: Path | None = None
    if backend == "sqlite":
        path = tmp_path / "server.sqlite"
        shutil.copyfile(template, path)
        url = f"sqlite+pysqlite:///{path}"
    else:
        pg_url: str = request.getfixturevalue("pg_url")
        name = f"citydesk_test_{next(_numbers)}"
        for database in (name, f"{name}_backup"):  # left over by an interrupted run on the same server
            drop_database(pg_url, database)
        create_database(pg_url, name, template=PG_TEMPLATE)
        url = with_database(pg_url, name)
    clock = ManualClock(START)
    clock.advance(minutes=1)
    app = create_app(url, clock=clock)
    try:
        with TestClient(app) as client:
            yield Server(
                url=url,
                path=path,
                clock=clock,
                client=client,
                offices=ids["offices"],
                users=ids["users"],
                departments=ids["departments"],
                category=ids["category"],
            )
        app.state.db.close()
    finally:
        if backend == "postgresql":
            for database in (name, f"{name}_backup"):  # test_server_relay's backups are named so
                drop_database(request.getfixturevalue("pg_url"), database)
