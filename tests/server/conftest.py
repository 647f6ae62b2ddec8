"""Fixtures of the server tests: a fresh copy of a set-up server database for each test and the real
FastAPI app on it (helpers and change builders: server_kit.py)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from server_kit import START, Server, make_server

from citydesk.domain.clock import ManualClock
from citydesk.server.app import create_app


@pytest.fixture(scope="session")
def server_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """One set-up server database per run (copied for each test)."""
    path = tmp_path_factory.mktemp("server-template") / "server.sqlite"
    _url, ids = make_server(path, ManualClock(START))
    return path, ids


@pytest.fixture
def server(server_template: tuple[Path, dict[str, Any]], tmp_path: Path) -> Iterator[Server]:
    """A fresh copy of the template server and the real app on it, with a manual clock a minute later."""
    template, ids = server_template
    path = tmp_path / "server.sqlite"
    shutil.copyfile(template, path)
    clock = ManualClock(START)
    clock.advance(minutes=1)
    url = f"sqlite+pysqlite:///{path}"
    app = create_app(url, clock=clock)
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
