"""The city's working language set up with the server database: checked, stored as a city setting."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from server_kit import PASSWORD
from sqlalchemy import select

from citydesk.domain.clock import ManualClock
from citydesk.domain.errors import ValidationError
from citydesk.server import admin
from citydesk.server.db import open_server_database
from citydesk.server.models import RowState

CLOCK = datetime(2026, 11, 16, 15, tzinfo=UTC)


def city_settings(url: str) -> dict[str, object]:
    """The server's city settings, as the hello reply carries them."""
    db = open_server_database(url, clock=ManualClock(CLOCK))
    try:
        with db.read() as session:
            rows = session.scalars(select(RowState).where(RowState.table_name == "city_setting"))
            return {row.row_id: row.data.get("value") for row in rows}
    finally:
        db.close()


def init(url: str, **more: str) -> str:
    """Set up a server database for Testville."""
    return admin.init_server(url, city="Testville", time_zone="America/Chicago", admin="root",
                             password=PASSWORD, clock=ManualClock(CLOCK), **more)  # fmt: skip


def test_the_working_language_is_checked_and_stored(tmp_path: Path) -> None:
    url = f"sqlite+pysqlite:///{tmp_path / 'server.sqlite'}"
    init(url, working_language=" ES ")
    assert city_settings(url)["working_language"] == "es"


def test_without_one_the_city_works_in_english_by_default(tmp_path: Path) -> None:
    url = f"sqlite+pysqlite:///{tmp_path / 'server.sqlite'}"
    init(url)
    assert "working_language" not in city_settings(url)  # clients read the default, English


def test_an_unknown_working_language_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    path = tmp_path / "server.sqlite"
    with pytest.raises(ValidationError, match="working language must be one of en, es; got 'fr'"):
        init(f"sqlite+pysqlite:///{path}", working_language="fr")
    assert not path.exists()


def test_the_init_command_takes_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from citydesk.server.cli import main

    url = f"sqlite+pysqlite:///{tmp_path / 'server.sqlite'}"
    base = ["init", "--database-url", url, "--city", "Testville", "--time-zone", "America/Chicago",
            "--admin", "root", "--password", PASSWORD]  # fmt: skip
    assert main([*base, "--working-language", "fr"]) == 1
    assert "working language must be one of en, es" in capsys.readouterr().err
    assert not (tmp_path / "server.sqlite").exists()  # nothing written
    assert main([*base, "--working-language", "es"]) == 0
    assert city_settings(url)["working_language"] == "es"
