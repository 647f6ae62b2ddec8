"""The `citydesk` command: --version, backup, restore and demo, in-process and as a real process."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from citydesk import __version__
from citydesk.cli import main
from citydesk.services import tickets as svc
from citydesk.store.backup import verify_backup
from factories import make_office


@pytest.fixture(autouse=True)
def _no_real_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever a test does, the user's real database and data folder are never touched."""
    monkeypatch.setenv("CITYDESK_DATA_DIR", str(tmp_path / "data-dir"))
    monkeypatch.setenv("CITYDESK_DATABASE", str(tmp_path / "data-dir" / "default.sqlite"))


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed office database file with three tickets, built once per module."""
    path = tmp_path_factory.mktemp("template") / "citydesk.sqlite"
    office = make_office(path)
    for i in range(3):
        svc.create_ticket(office.db, actor=office.clerk, title=f"Pothole {i}", channel="phone")
    office.db.close()
    assert not Path(f"{path}-wal").exists()
    return path


@pytest.fixture
def database(template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the template database in its own folder."""
    path = tmp_path / "office" / "citydesk.sqlite"
    path.parent.mkdir()
    shutil.copyfile(template, path)
    return path


def query(path: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def numbers(path: Path) -> list[str]:
    return [r[0] for r in query(path, "SELECT number FROM ticket ORDER BY row_no")]


def device_id(path: Path) -> str:
    return str(query(path, "SELECT device_id FROM sync_state")[0][0])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def backed_up_path(stdout: str) -> Path:
    match = re.search(r"Backed up to (.+\.sqlite)\s*$", stdout.strip())
    assert match, stdout
    return Path(match.group(1))


# -- --version ------------------------------------------------------------------------------------


def test_version_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"citydesk {__version__}"


def test_version_as_a_real_process() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "citydesk", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"citydesk {__version__}"
    assert re.fullmatch(r"\d+\.\d+\.\d+\S*", __version__)


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--no-such-option"])
    assert info.value.code == 2
    assert "usage: citydesk" in capsys.readouterr().err


# -- backup ---------------------------------------------------------------------------------------


def test_backup_command_writes_a_verified_copy(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(database)
    assert main(["backup", "--database", str(database), "--to", str(tmp_path / "copies")]) == 0
    out = capsys.readouterr()
    copy = backed_up_path(out.out)
    assert out.err == ""
    assert copy.parent == tmp_path / "copies" and copy.exists()
    assert re.fullmatch(r"citydesk-\d{8}-\d{6}\.sqlite", copy.name)
    verify_backup(copy)
    assert numbers(copy) == numbers(database) == ["CLK-TST-000001", "CLK-TST-000002", "CLK-TST-000003"]
    assert digest(database) == before


def test_backup_goes_beside_the_database_by_default(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup", "--database", str(database)]) == 0
    copy = backed_up_path(capsys.readouterr().out)
    assert copy.parent == database.parent / "backups"


def test_backup_of_a_missing_database_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nothing.sqlite"
    assert main(["backup", "--database", str(missing)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("citydesk: ") and "There is no database" in err and str(missing) in err
    assert not missing.exists()


@pytest.mark.parametrize("command", ["backup", "restore"])
def test_top_level_database_option_applies_to_subcommands(
    database: Path, tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    default = Path(os.environ["CITYDESK_DATABASE"])
    if command == "backup":
        code = main(["--database", str(database), "backup", "--to", str(tmp_path / "copies")])
        assert code == 0, capsys.readouterr().err
        assert numbers(backed_up_path(capsys.readouterr().out)) == numbers(database)
    else:
        assert main(["backup", "--database", str(database), "--to", str(tmp_path / "copies")]) == 0
        copy = backed_up_path(capsys.readouterr().out)
        old_device = device_id(database)
        code = main(["--database", str(database), "restore", str(copy)])
        assert code == 0, capsys.readouterr().err
        assert device_id(database) != old_device
    assert not default.exists(), "the default database was used instead of the one named"


# -- restore --------------------------------------------------------------------------------------


def test_restore_command_replaces_the_database_with_a_new_identity(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup", "--database", str(database), "--to", str(tmp_path / "copies")]) == 0
    copy = backed_up_path(capsys.readouterr().out)
    old_device = device_id(database)

    assert main(["restore", "--database", str(database), str(copy)]) == 0

    out = capsys.readouterr()
    assert out.err == ""
    assert "new device identity" in out.out
    kept_line = re.search(r"kept as (.+)$", out.out.strip())
    assert kept_line, out.out
    kept = Path(kept_line.group(1))
    assert kept.exists() and kept.parent == database.parent and ".replaced-" in kept.name
    assert device_id(kept) == old_device
    assert device_id(database) != old_device
    assert numbers(database) == numbers(copy)
    prefix = query(database, "SELECT number_prefix FROM sync_state")[0][0]
    assert prefix.startswith("CLK-") and prefix != "CLK-TST"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Minutes of the council meeting, 3 March.\n" * 100, "not an SQLite file"),
        (None, "There is no file"),
    ],
    ids=["text file", "missing file"],
)
def test_restore_of_a_non_database_exits_1_and_changes_nothing(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, message: str
) -> None:
    bad = tmp_path / "minutes.sqlite"
    if content is not None:
        bad.write_bytes(content)
    before = digest(database)
    before_files = sorted(p.name for p in database.parent.iterdir())

    assert main(["restore", "--database", str(database), str(bad)]) == 1

    out = capsys.readouterr()
    assert out.out == ""
    assert out.err.startswith("citydesk: ") and message in out.err and "minutes.sqlite" in out.err
    assert out.err.count("\n") == 1 and "Traceback" not in out.err
    assert digest(database) == before
    assert sorted(p.name for p in database.parent.iterdir()) == before_files


def test_restore_of_a_non_database_as_a_real_process(database: Path, tmp_path: Path) -> None:
    bad = tmp_path / "photo.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 4000)
    before = digest(database)
    env = {**os.environ, "PYTHONUTF8": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "citydesk", "restore", "--database", str(database), str(bad)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )
    assert result.returncode == 1
    assert "citydesk: " in result.stderr and "not an SQLite file" in result.stderr
    assert "Traceback" not in result.stderr
    assert digest(database) == before


# -- demo -----------------------------------------------------------------------------------------

needs_demo = pytest.mark.skipif(
    not importlib.util.find_spec("citydesk.demo"), reason="the demo package is not written yet"
)


@needs_demo
def test_demo_command_creates_a_demo_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.sqlite"
    args = ["demo", "--tickets", "300", "--as-of", "2026-11-20", "--database", str(path)]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "300 tickets" in out
    assert query(path, "SELECT count(*) FROM ticket") == [(300,)]
    assert query(path, "SELECT is_demo FROM sync_state") == [(1,)]
    last = query(path, "SELECT max(created_at) FROM ticket")[0][0]
    assert str(last) < "2026-11-21"
    assert query(path, "PRAGMA integrity_check") == [("ok",)]

    # An existing demo database is kept unless --force; --if-missing leaves it alone.
    before = digest(path)
    assert main(args) == 2
    assert "--force" in capsys.readouterr().err
    assert main([*args, "--if-missing"]) == 0
    assert digest(path) == before


@needs_demo
def test_demo_is_deterministic_for_a_seed_and_date(tmp_path: Path) -> None:
    def make(name: str) -> list[tuple[Any, ...]]:
        path = tmp_path / name
        assert main(["demo", "--tickets", "120", "--as-of", "2026-11-20", "--database", str(path)]) == 0
        return query(path, "SELECT number, title, status, priority, created_at FROM ticket ORDER BY number")

    first, second = make("a.sqlite"), make("b.sqlite")
    assert len(first) == 120
    assert first == second
