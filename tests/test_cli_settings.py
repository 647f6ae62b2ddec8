"""City settings by command: `citydesk setting` on a standalone office, `citydesk-server setting` for a
connected city, whose offices receive the change at their next sync (a holiday then moves due dates)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from citydesk.cli import main
from citydesk.server.cli import main as server_main
from citydesk.store.db import open_database
from citydesk.store.models import Outbox
from citydesk.store.settings import load_calendar, load_settings
from factories import make_office
from sync_world import URL, World, cli_sync_world, server_admin


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    with cli_sync_world(tmp_path, monkeypatch) as made:
        yield made


def outbox(path: Path) -> int:
    db = open_database(path)
    try:
        with db.read() as session:
            return int(session.scalar(select(func.count()).select_from(Outbox)) or 0)
    finally:
        db.close()


def settings_of(path: Path) -> dict[str, object]:
    db = open_database(path)
    try:
        with db.read() as session:
            return load_settings(session)
    finally:
        db.close()


def test_a_standalone_office_changes_its_settings_and_bad_ones_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    office = make_office(tmp_path / "office.sqlite")
    path = office.db.path
    office.db.close()
    capsys.readouterr()
    db_args = ["--database", str(path)]
    assert main(["setting", "set", "holidays", "2026-12-25, 2027-01-01", *db_args]) == 0
    assert capsys.readouterr().out.strip() == "holidays = 2026-12-25, 2027-01-01"
    assert main(["setting", "set", "holidays", "+2026-12-24 -2027-01-01", "--user", "admin", *db_args]) == 0
    assert settings_of(path)["holidays"] == ["2026-12-24", "2026-12-25"]
    before = outbox(path)
    for bad in (["closes", "06:00"], ["holidays", "25/12/2026"], ["colour", "blue"]):
        assert main(["setting", "set", *bad, *db_args]) == 1
    err = capsys.readouterr().err
    assert "Closing time must be after opening time" in err and "write holidays as 2026-12-25" in err
    assert "no city setting 'colour'" in err
    assert outbox(path) == before  # nothing written
    assert main(["setting", "list", *db_args]) == 0
    listed = capsys.readouterr().out
    assert "holidays = 2026-12-24, 2026-12-25" in listed and "working_language = en" in listed


def test_the_server_changes_a_setting_and_the_office_receives_it_at_its_next_sync(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    code = server_admin().enrol_code(world.url, office="CLK", clock=world.clock)
    path = world.tmp / "clerk.sqlite"
    assert main(["connect", URL, "--code", code, "--name", "clerk", "--database", str(path)],
                clock=world.clock) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["setting", "set", "opens", "07:30", "--database", str(path)]) == 1
    assert "edited on the server" in capsys.readouterr().err  # a connected PC refuses
    server = ["--database-url", world.url]
    assert server_main(["setting", "set", "holidays", "2026-11-26", *server]) == 0
    assert "every office receives it at its next sync" in capsys.readouterr().out
    assert server_main(["setting", "set", "opens", "99:00", *server]) == 1
    assert "not a time of day" in capsys.readouterr().err
    assert server_main(["setting", "list", *server]) == 0
    assert "holidays = 2026-11-26" in capsys.readouterr().out
    assert main(["sync", "--database", str(path)], clock=world.clock) == 0
    db = open_database(path)
    try:
        with db.read() as session:
            assert date(2026, 11, 26) in load_calendar(session).holidays  # Thanksgiving: no business day
            assert load_settings(session)["opens"] == "08:00"  # the refused change never arrived
    finally:
        db.close()
