"""`citydesk import-addresses FILE [--dry-run]`: checks the whole file first, writes all or nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from citydesk.cli import main
from factories import make_office

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "samples" / "addresses.csv"
IMPORT_ADDRESSES = ["import-addresses", "--user", "admin"]  # writes name the admin doing them


@pytest.fixture
def new_office_file(tmp_path: Path) -> Path:
    """A set-up office database file with no addresses yet, closed as a user would find it."""
    path = tmp_path / "citydesk.sqlite"
    make_office(path).db.close()
    return path


def address_count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM address").fetchone()[0])
    finally:
        conn.close()


def test_dry_run_then_import(new_office_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*IMPORT_ADDRESSES, "--database", str(new_office_file), str(SAMPLE), "--dry-run"]) == 0
    assert "Dry run (nothing written): 10 addresses checked: would add 10" in capsys.readouterr().out
    assert address_count(new_office_file) == 0
    assert main([*IMPORT_ADDRESSES, "--database", str(new_office_file), str(SAMPLE)]) == 0
    assert "added 10" in capsys.readouterr().out
    assert address_count(new_office_file) == 10


def test_a_bad_file_lists_its_problems_and_writes_nothing(
    new_office_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("address,lat,lon\n1 Elm St,41.5,-93.6\n2 Elm St,91,-93.6\n", encoding="utf-8")
    assert main([*IMPORT_ADDRESSES, "--database", str(new_office_file), str(bad)]) == 1
    err = capsys.readouterr().err
    assert "nothing was imported" in err and "Row 3, latitude: 91 is out of range" in err
    assert address_count(new_office_file) == 0


def test_a_windows_1252_file_imports_correct_names_with_a_note(
    new_office_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    excel = tmp_path / "excel.csv"
    excel.write_bytes("Address;Ward\n12 Calle Núñez;Peñasco\n".encode("cp1252"))
    assert main([*IMPORT_ADDRESSES, "--database", str(new_office_file), str(excel)]) == 0
    captured = capsys.readouterr()
    assert "added 1" in captured.out
    assert "Note: excel.csv is not UTF-8; it was read as Windows-1252" in captured.err
    conn = sqlite3.connect(new_office_file)
    try:
        assert conn.execute("SELECT text, ward FROM address").fetchall() == [("12 Calle Núñez", "Peñasco")]
    finally:
        conn.close()


def test_the_import_names_the_admin_given_by_user(new_office_file: Path) -> None:
    assert main([*IMPORT_ADDRESSES, "--database", str(new_office_file), str(SAMPLE)]) == 0
    conn = sqlite3.connect(new_office_file)
    try:
        authors = conn.execute(
            "SELECT DISTINCT u.username FROM field_clock f JOIN app_user u ON u.id = f.author_id"
            " WHERE f.table_name = 'address'"
        ).fetchall()
        carried = conn.execute(
            "SELECT count(*) FROM field_clock f JOIN outbox o ON o.change_id = f.change_id"
            " WHERE f.table_name = 'address'"
        ).fetchone()[0]
    finally:
        conn.close()
    assert authors == [("admin",)] and carried == 70


@pytest.mark.parametrize(
    ("user", "message"),
    [
        ("nobody", "There is no user 'nobody' in this database."),
        ("system", "The system user does not make changes"),
        ("carla", "A clerk may not import data."),
    ],
)
def test_a_write_needs_a_real_user_who_may_do_it(
    new_office_file: Path, user: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import-addresses", "--user", user, "--database", str(new_office_file), str(SAMPLE)]) == 1
    assert message in capsys.readouterr().err
    assert address_count(new_office_file) == 0


def test_user_is_required(new_office_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["import-addresses", "--database", str(new_office_file), str(SAMPLE)])
    assert done.value.code == 2
    assert "the following arguments are required: --user" in capsys.readouterr().err
    assert address_count(new_office_file) == 0
