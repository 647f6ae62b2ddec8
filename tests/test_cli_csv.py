"""`citydesk export`, `export-metrics` and `import`: files written, problems printed, exit codes."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from citydesk.cli import main
from factories import Office

FIXTURES = Path(__file__).resolve().parent / "fixtures"
IMPORT = ["import", "--user", "admin"]  # writing commands name the person (an admin) doing them


@pytest.fixture
def one_ticket_file(office: Office) -> Path:
    """The office database file, closed so the command opens it like a user would."""
    from citydesk.services import tickets as svc

    svc.create_ticket(office.db, actor=office.clerk, title="Pothole on Main", channel="phone",
                      category_id=office.pothole, requester_id=office.citizen)  # fmt: skip
    office.db.close()
    return office.db.path


def _tickets(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM ticket").fetchone()[0])
    finally:
        conn.close()


def test_export_writes_the_file(
    one_ticket_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "t.csv"
    assert (
        main(["export", str(out), "--database", str(one_ticket_file), "--open", "--category", "pothole"]) == 0
    )
    assert "1 tickets written" in capsys.readouterr().out
    assert out.read_bytes().startswith(b"\xef\xbb\xbfnumber,created_at,")
    assert main(["export", str(out), "--database", str(one_ticket_file), "--public-records", "--notes"]) == 0
    assert "public records" in capsys.readouterr().out
    assert out.read_text(encoding="utf-8-sig").rstrip().endswith('left out."')


def test_export_bad_filter_exits_1(
    one_ticket_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["export", str(tmp_path / "t.csv"), "--database", str(one_ticket_file), "--department", "Parks"])
        == 1
    )
    assert "no department 'Parks'" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "t.csv"), "--database", str(tmp_path / "none.sqlite")]) == 1
    assert not (tmp_path / "t.csv").exists()


def test_export_metrics(one_ticket_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "m.csv"
    assert (
        main(
            [
                "export-metrics",
                str(out),
                "--week",
                "2026-W47",
                "--scope",
                "city",
                "--database",
                str(one_ticket_file),
            ]
        )
        == 0
    )
    assert "2026-W47" in capsys.readouterr().out
    assert "summary,opened,1," in out.read_text(encoding="utf-8-sig")
    assert main(["export-metrics", str(out), "--week", "2026-W47", "--scope", "office:NOPE",
                 "--database", str(one_ticket_file)]) == 1  # fmt: skip


def test_import_dry_run_then_import(one_ticket_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = FIXTURES / "city311_requests.csv"
    assert main([*IMPORT, str(source), "--dry-run", "--database", str(one_ticket_file)]) == 0
    out = capsys.readouterr().out
    assert "Mapping: Service Request ID=source_id,Title=title," in out and "Dry run: all 5 rows" in out
    assert _tickets(one_ticket_file) == 1
    assert main([*IMPORT, str(source), "--database", str(one_ticket_file)]) == 0
    assert "Imported 5 tickets (CLK-TST-000002 to CLK-TST-000006)" in capsys.readouterr().out
    assert _tickets(one_ticket_file) == 6
    # the same file again: every source id is already there, nothing imported, exit 1
    assert main([*IMPORT, str(source), "--database", str(one_ticket_file)]) == 1
    err = capsys.readouterr().err
    assert "Row 2, Service Request ID: The id 'SR-1001' is already in this database" in err
    assert "Nothing was imported: 5 problem(s) in 5 rows." in err
    assert _tickets(one_ticket_file) == 6


def test_import_with_an_explicit_mapping_and_errors(
    one_ticket_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "odd.csv"
    source.write_text(
        "Headline,Opened On,Kind\nHole,2026-11-10,Pothole\nLamp,soon,Pothole\n", encoding="utf-8"
    )
    mapping = "Headline=title,Opened On=created_at,Kind=category"
    assert main([*IMPORT, str(source), "--map", mapping, "--database", str(one_ticket_file)]) == 1
    err = capsys.readouterr().err
    assert "Row 3, Opened On: 'soon' is not a date" in err
    assert _tickets(one_ticket_file) == 1
    assert main([*IMPORT, str(source), "--map", "Nope=title", "--database", str(one_ticket_file)]) == 1
    assert "The file has no column 'Nope'" in capsys.readouterr().err
    source.write_text("Headline,Opened On,Kind\nHole,2026-11-10,Pothole\n", encoding="utf-8")
    assert main([*IMPORT, str(source), "--map", mapping, "--database", str(one_ticket_file)]) == 0
    assert _tickets(one_ticket_file) == 2


def test_import_wrong_encoding_as_a_real_process(one_ticket_file: Path, tmp_path: Path) -> None:
    source = tmp_path / "bad.csv"
    source.write_bytes(b"Title,Date Created\nHole \x81\x8d,2026-11-10\n")
    exe = shutil.which("citydesk", path=str(Path(sys.executable).parent))
    command = [exe] if exe else [sys.executable, "-m", "citydesk"]
    done = subprocess.run(
        [*command, *IMPORT, str(source), "--database", str(one_ticket_file)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "neither UTF-8 nor Windows-1252" in done.stderr and "Nothing was imported." in done.stderr
    assert _tickets(one_ticket_file) == 1


def test_import_prints_every_problem(
    one_ticket_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The docstring promises every problem, one per line: 120 bad rows give 120 lines, the last included."""
    source = tmp_path / "many.csv"
    rows = "".join(f"Lamp {i},not a date {i},Pothole\n" for i in range(120))
    source.write_text("Headline,Opened On,Kind\n" + rows, encoding="utf-8")
    mapping = "Headline=title,Opened On=created_at,Kind=category"
    assert main([*IMPORT, str(source), "--map", mapping, "--database", str(one_ticket_file)]) == 1
    err = capsys.readouterr().err.splitlines()
    problems = [line for line in err if line.startswith("Row ")]
    assert len(problems) == 120
    assert problems[0].startswith("Row 2, Opened On: 'not a date 0' is not a date")
    assert problems[-1].startswith("Row 121, Opened On: 'not a date 119' is not a date")
    assert not any("more problems" in line for line in err)
    assert err[-1] == "Nothing was imported: 120 problem(s) in 120 rows."
    assert _tickets(one_ticket_file) == 1


# ---- a real 311 export: --status-map, --problems, notices ------------------------------------------

EXPORT311 = FIXTURES / "city311_export.csv"


def _problem_rows(path: Path) -> list[list[str]]:
    import csv
    import io

    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def test_import_a_311_export_with_a_status_map(
    one_ticket_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = [*IMPORT, str(EXPORT311), "--database", str(one_ticket_file)]
    problems = tmp_path / "problems.csv"
    # without a map: the unknown words are errors, every one in the problem list; nothing imported
    assert main([*base, "--problems", str(problems)]) == 1
    err = capsys.readouterr().err
    assert "Row 10, Status: Unknown status 'other': give it a citydesk status" in err
    assert "Known words: new, assigned, in progress," in err
    assert "Nothing was imported: 3 problem(s) in 17 rows." in err
    rows = _problem_rows(problems)
    assert rows[0] == ["row", "column", "message"]
    assert [r[:2] for r in rows[1:]] == [["10", "Status"], ["16", "Status"], ["18", "Status"]]
    assert rows[3][2].startswith("Unknown status 'archived'")
    assert _tickets(one_ticket_file) == 1
    # with the map: 13 tickets, 4 repeated rows skipped, 5 resolved on an unknown date
    assert main([*base, "--status-map", "other=new,archived=closed", "--problems", str(problems)]) == 0
    captured = capsys.readouterr()
    assert "Note: 4 row(s) identical to an earlier row in every column were skipped." in captured.err
    assert "Note: 5 resolved or closed row(s) have no resolution or closed date" in captured.err
    assert (
        "Imported 13 tickets (CLK-TST-000002 to CLK-TST-000014); 0 new requesters, 0 matched existing ones; "
        "4 repeated rows skipped; 5 imported as resolved (date unknown)." in captured.out
    )
    assert _problem_rows(problems) == [["row", "column", "message"]]  # none left
    assert _tickets(one_ticket_file) == 14


def test_import_bad_status_map_and_unwritable_problem_list(
    one_ticket_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = [*IMPORT, str(EXPORT311), "--database", str(one_ticket_file)]
    assert main([*base, "--status-map", "other=new,archived=archive"]) == 1
    err = capsys.readouterr().err
    assert "There is no citydesk status 'archive'" in err and "the statuses are: new, assigned," in err
    assert "Nothing was imported." in err
    nowhere = tmp_path / "no-such-folder" / "problems.csv"
    assert main([*base, "--status-map", "other=new,archived=closed", "--problems", str(nowhere)]) == 1
    err = capsys.readouterr().err
    assert f"Cannot write {nowhere}" in err and "Nothing was imported." in err
    assert not nowhere.exists()
    assert _tickets(one_ticket_file) == 1


def test_problem_list_of_an_unreadable_file(
    one_ticket_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "bad.csv"
    source.write_bytes(b"Title,Date Created\nHole \x81\x8d,2026-11-10\n")
    problems = tmp_path / "problems.csv"
    assert main([*IMPORT, str(source), "--problems", str(problems), "--database", str(one_ticket_file)]) == 1
    rows = _problem_rows(problems)
    assert len(rows) == 2 and rows[1][0] == "" and "neither UTF-8 nor Windows-1252" in rows[1][2]


def test_imported_tickets_and_requesters_are_authored_by_the_user(
    one_ticket_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = FIXTURES / "city311_requests.csv"
    assert main(["import", "--user", "carla", str(source), "--database", str(one_ticket_file)]) == 1
    assert "A clerk may not import data." in capsys.readouterr().err
    assert _tickets(one_ticket_file) == 1
    conn = sqlite3.connect(one_ticket_file)
    try:
        earlier = {r[0] for r in conn.execute("SELECT id FROM requester")}
    finally:
        conn.close()
    assert main([*IMPORT, str(source), "--database", str(one_ticket_file)]) == 0
    assert " new requesters" in capsys.readouterr().out
    conn = sqlite3.connect(one_ticket_file)
    try:
        created_by = conn.execute(
            "SELECT DISTINCT u.username FROM ticket t JOIN app_user u ON u.id = t.created_by"
            " WHERE t.number != 'CLK-TST-000001'"
        ).fetchall()
        entry_authors = conn.execute(
            "SELECT DISTINCT u.username FROM timeline_entry e JOIN ticket t ON t.id = e.ticket_id"
            " JOIN app_user u ON u.id = e.author_id WHERE t.number != 'CLK-TST-000001'"
        ).fetchall()
        clocks = conn.execute(
            "SELECT f.row_id, u.username FROM field_clock f LEFT JOIN app_user u ON u.id = f.author_id"
            " WHERE f.table_name = 'requester'"
        ).fetchall()
    finally:
        conn.close()
    assert created_by == entry_authors == [("admin",)]
    new_clocks = [username for row_id, username in clocks if row_id not in earlier]
    assert new_clocks and set(new_clocks) == {"admin"}
