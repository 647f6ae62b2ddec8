"""The printed report: the figures read back from the PDF with pdftotext equal those worked out by hand
(weekly_fixture.py's week), every section is there, bad input fails clearly and leaves no file behind."""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
from datetime import UTC
from pathlib import Path

import pytest
from weekly_fixture import REPORT_NOW, CityWeek

from citydesk.cli.report import add_report_parser, cmd_report
from citydesk.domain.clock import SystemClock
from citydesk.domain.errors import CitydeskError, ValidationError
from citydesk.reports import ReportError
from citydesk.reports.metrics import Scope, weekly_metrics
from citydesk.reports.weekly import pdf as weekly_pdf
from citydesk.reports.weekly.pdf import SECTIONS, build_weekly_report

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None, reason="needs poppler-utils"
)


def pdf_lines(path: Path) -> list[str]:
    """The PDF's text (pdftotext -layout), one entry per line with runs of spaces collapsed."""
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True)
    return [" ".join(line.split()) for line in out.stdout.splitlines() if line.strip()]


def pdf_flow(path: Path) -> str:
    """The PDF's text in drawing order (pdftotext -raw), whitespace collapsed: wrapped cells read whole."""
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], check=True, capture_output=True, text=True)
    return " ".join(out.stdout.split())


def pdf_info(path: Path, *flags: str) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", *flags, str(path)], check=True, capture_output=True, text=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


@pytest.fixture(scope="module")
def letter_report(city_week: CityWeek, tmp_path_factory: pytest.TempPathFactory) -> Path:
    m = city_week.metrics()
    out = tmp_path_factory.mktemp("report") / "week.pdf"
    steps: list[tuple[int, int]] = []
    path = build_weekly_report(
        m,
        city_name="City of Testville",
        scope_label=m.scope_name,
        out_path=out,
        progress=lambda done, total: steps.append((done, total)),
    )
    assert path == out and steps[0] == (0, 5) and steps[-1] == (5, 5)
    return path


def test_page_one_prints_the_hand_figures(letter_report: Path) -> None:
    lines = pdf_lines(letter_report)
    text = " ".join(lines)
    assert (
        "6 requests came in, 4 were resolved, 4 are open; the oldest has waited 19 days; "
        "75% of requests were resolved on time (3 of 4)."
    ) in text
    assert "Last week 3 requests came in and 2 were resolved." in text
    assert "2 open requests are past due, 1 P1 incident came in and 1 request was reopened." in text
    assert "The desk also logged 2 status inquiries and 1 question answered on the spot." in text
    assert "Ops work, counted apart: 1 task opened, 1 done." in text
    for row in (
        "Requests opened 6 3 +100%",
        "Requests resolved 4 2 +100%",
        "Requests closed 1 0 new",
        "Requests reopened 1 0 new",
        "Open at the start of the week 2 1 +100%",
        "Open at the end of the week 4 2 +100%",
        "Open and past due at the end of the week 2 1 +100%",
        "Resolved on time 3 of 4, 75% 2 of 2, 100% −25 pts",
        "First-contact resolution 1 of 6, 16% 1 of 3, 33% −17 pts",
        "Time to first response, median / 90th percentile 1.2 h / 4.0 h 48 h / 117 h",
        "Time to resolution, median / 90th percentile 50 h / 169 h 24 h / 48 h",
        "Status inquiries 2 0 new",
        "Questions answered on the spot 1 1 same",
        "Ops work opened (counted apart) 1 1 same",
        "Ops work done (counted apart) 1 0 new",
        "Requests with no category 1 0 new",
    ):
        assert row in lines, row
    assert (
        "2 requests opened this week have had no first response yet (not in the first-response times)."
        in text
    )
    assert "Offices: City Hall (CLK, this PC): not synced yet." in text
    # the reconciliation under the key figures: every line with its count, and it adds up
    start = lines.index("How the open count adds up")
    assert lines[start + 1 : start + 8] == [
        "Requests This week",
        "Open at the start of the week 2",
        "Requests opened +6",
        "Requests resolved −4",
        "Requests reopened +1",
        "Resolved, reopened and resolved again in the week −1",
        "= Open at the end of the week 4",
    ]
    assert "open at the start + opened − resolved + reopened ± adjustments = open at the end" in pdf_flow(
        letter_report
    )


def test_tables_print_the_hand_figures(letter_report: Path, city_week: CityWeek) -> None:
    lines = pdf_lines(letter_report)
    text = " ".join(lines)
    n = city_week.numbers
    for row in (
        "Public Works 5 3 4 2 of 3, 66%",
        "Information Technology 1 1 0 1 of 1, 100%",
        "Streetlight out 3 business days 0 of 1, 0%",
        "Pothole 5 business days 1 of 1, 100%",
        "0–7 days 3 75%",
        "8–30 days 1 25%",
        "All open requests 4 100%",
        "Tomás Técnico 1 3 1 h 15 min",
        "Carla Clerk 0 1 0 h 00 min",
        "Ivy IT 0 1 0 h 00 min",
        "Priority P1 Critical 1 17%",
        "Web 2 33%",
        "Language English 1 17%",
        "Spanish 2 33%",
        "Not known 3 50%",
    ):
        assert row in lines, row
    # Recurring problems and the aging list (rows may wrap; check them on the joined text).
    assert f"Jane Roe (same person) 4 1 {n['A']}, {n['B']}," in text
    assert "José Núñez (same person) 3 1" in text
    assert "Pothole at 100 Main St 3 1" in text
    assert re.search(rf"{n['A']} Pothole on Main P3 Public Works Unassigned Nov 3 Nov 10 19 d 12 d", text)
    assert re.search(
        rf"{n['G']} Streetlight flickers P3 Public Works Tomás Técnico Nov 16 Nov 19 6 ?d 3 ?d", text
    )
    assert "Busiest day: Monday Nov 16 with 2 requests" in text
    # The P1 incident with its short timeline, in city time.
    flow = pdf_flow(letter_report)
    assert f"{n['I']} Water main break at Łódź Plaza Public Works Owner: Tomás Técnico" in flow
    assert "Wed 18 13:05 — Assigned to Tomás Técnico" in flow
    assert "Wed 18 16:00 — Resolved by Tomás Técnico: Done" in flow
    assert "Resolved Came in Wed 18 13:00; first response after 20 min; resolved after 3 h 00 min" in flow


def test_every_section_page_count_header_and_footer(letter_report: Path) -> None:
    lines = pdf_lines(letter_report)
    for heading in SECTIONS:
        assert heading in lines, heading
    info = pdf_info(letter_report)
    pages = int(info["Pages"])
    assert pages == 5
    assert info["Page size"] == "612 x 792 pts (letter)"
    assert info["Title"].startswith("Weekly status report 2026-W47 (Nov 16–22, 2026)")
    for page in range(1, pages + 1):
        assert f"Data as of Nov 23, 2026 8:00 AM CST Page {page} of {pages}" in lines
    assert (
        lines.count("City of Testville — Weekly status report — Whole city 2026-W47 (Nov 16–22, 2026)")
        == pages
    )
    assert lines[-1].startswith("Data as of") and "Definitions" in lines
    assert b"/Lang (en-US)" in letter_report.read_bytes()


def test_a4(city_week: CityWeek, tmp_path: Path) -> None:
    m = city_week.metrics()
    path = build_weekly_report(m, city_name="City of Testville", scope_label="Whole city", page_size="A4",
                               out_path=tmp_path / "a4.pdf")  # fmt: skip
    info = pdf_info(path, "-box")
    assert info["Page size"] == "595.276 x 841.89 pts (A4)"
    assert info["MediaBox"].split() == ["0.00", "0.00", "595.28", "841.89"]
    lines = pdf_lines(path)
    assert "Resolved on time 3 of 4, 75% 2 of 2, 100% −25 pts" in lines
    assert all(heading in lines for heading in SECTIONS)


def test_empty_week_still_prints(empty_office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with empty_office.db.read() as session:
        m = weekly_metrics(session, year=2026, week=47, scope=Scope.city(), now=REPORT_NOW)
    path = build_weekly_report(m, city_name="City of Testville", scope_label="Whole city",
                               out_path=tmp_path / "empty.pdf")  # fmt: skip
    lines = pdf_lines(path)
    text = " ".join(lines)
    assert "No requests came in this week." in text
    assert "Nothing was open at any time during the week, and no contacts were logged." in text
    assert "No P1 incidents came in this week." in text
    assert "No requests were open at the end of the week." in text
    assert "No recurring problems came up this week." in text
    assert "Requests opened 0 0 —" in lines
    assert "Resolved on time none none —" in lines
    assert all(heading in lines for heading in SECTIONS)
    assert int(pdf_info(path)["Pages"]) >= 3


def test_missing_font_is_named(city_week: CityWeek, tmp_path: Path) -> None:
    out = tmp_path / "out" / "r.pdf"
    out.parent.mkdir()
    with pytest.raises(ReportError) as err:
        build_weekly_report(city_week.metrics(), city_name="X", scope_label="Y", out_path=out,
                            font_dir=tmp_path / "no-fonts")  # fmt: skip
    assert str(tmp_path / "no-fonts" / "DejaVuSans.ttf") in str(err.value)
    assert list(out.parent.iterdir()) == []


def test_missing_folder(city_week: CityWeek, tmp_path: Path) -> None:
    out = tmp_path / "nowhere" / "r.pdf"
    with pytest.raises(ReportError) as err:
        build_weekly_report(city_week.metrics(), city_name="X", scope_label="Y", out_path=out)
    assert str(out) in str(err.value) and isinstance(err.value, CitydeskError)


def test_unwritable_folder(city_week: CityWeek, tmp_path: Path) -> None:
    """A "folder" that cannot hold files (here a plain file, which even root cannot write into)."""
    blocker = tmp_path / "report-folder"
    blocker.write_text("not a folder")
    out = blocker / "r.pdf"
    with pytest.raises(ReportError) as err:
        build_weekly_report(city_week.metrics(), city_name="X", scope_label="Y", out_path=out)
    assert str(out) in str(err.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report-folder"]
    assert blocker.read_text() == "not a folder"


def test_folder_refusing_writes(city_week: CityWeek, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same as an unwritable folder for any user (root can write anywhere): creating the file fails."""

    def refuse(path: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(weekly_pdf, "open", refuse, raising=False)
    out = tmp_path / "r.pdf"
    with pytest.raises(ReportError) as err:
        build_weekly_report(city_week.metrics(), city_name="X", scope_label="Y", out_path=out)
    assert str(err.value) == f"Cannot write the report to {out}: Permission denied."
    assert err.value.path == out and isinstance(err.value.__cause__, PermissionError)
    assert list(tmp_path.iterdir()) == []


def test_failed_write_leaves_no_file(
    city_week: CityWeek, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure after the temporary file exists (here: the final rename) removes it."""

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(weekly_pdf.os, "replace", refuse)
    out = tmp_path / "r.pdf"
    with pytest.raises(ReportError) as err:
        build_weekly_report(city_week.metrics(), city_name="X", scope_label="Y", out_path=out)
    assert str(out) in str(err.value) and "Permission denied" in str(err.value)
    assert list(tmp_path.iterdir()) == []


def test_bad_page_size(city_week: CityWeek, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as err:
        build_weekly_report(city_week.metrics(), city_name="X", scope_label="Y", page_size="legal",
                            out_path=tmp_path / "r.pdf")  # fmt: skip
    assert err.value.field == "page_size"


# ---- citydesk report ----------------------------------------------------------------------------------


def run_report(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="citydesk")
    add_report_parser(parser.add_subparsers(dest="command"))
    return cmd_report(parser.parse_args(["report", *argv]))


@pytest.fixture
def report_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command reads the system clock: make it the fixture's Monday morning."""
    monkeypatch.setattr(SystemClock, "now", lambda self: REPORT_NOW.astimezone(UTC))


def test_command_writes_the_report(
    city_week: CityWeek, tmp_path: Path, capsys: pytest.CaptureFixture[str], report_clock: None
) -> None:
    out = tmp_path / "w47.pdf"
    code = run_report(["--week", "2026-W47", "--scope", "office:clk", "--out", str(out), "--page-size", "a4",
                       "--database", str(city_week.office.db.path)])  # fmt: skip
    assert code == 0
    assert capsys.readouterr().out.strip() == str(out)
    info = pdf_info(out)
    assert info["Page size"] == "595.276 x 841.89 pts (A4)"
    lines = pdf_lines(out)
    assert "City of Testville · City Hall office · 2026-W47 (Nov 16–22, 2026)" in lines
    assert "Requests opened 6 3 +100%" in lines


def test_command_defaults_to_the_last_full_week(
    city_week: CityWeek, tmp_path: Path, capsys: pytest.CaptureFixture[str], report_clock: None
) -> None:
    out = tmp_path / "default.pdf"
    assert run_report(["--out", str(out), "--database", str(city_week.office.db.path)]) == 0
    assert "City of Testville · Whole city · 2026-W47 (Nov 16–22, 2026)" in pdf_lines(out)
    assert pdf_info(out)["Page size"] == "612 x 792 pts (letter)"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--week", "2099-W01"], "has not started yet"),
        (["--week", "2026-47"], "YYYY-Www"),
        (["--scope", "department:XX"], "no department with the code 'XX'"),
        (["--out", "/nonexistent-folder/r.pdf"], "/nonexistent-folder/r.pdf"),
    ],
)
def test_command_errors(
    city_week: CityWeek,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    report_clock: None,
    argv: list[str],
    message: str,
) -> None:
    args = [
        "--database",
        str(city_week.office.db.path),
        "--week",
        "2026-W47",
        "--out",
        str(tmp_path / "r.pdf"),
    ]
    code = run_report(args + argv)
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("citydesk report: ") and message in err
    assert not (tmp_path / "r.pdf").exists()


def test_command_without_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = run_report(["--database", str(tmp_path / "none.sqlite"), "--out", str(tmp_path / "r.pdf")])
    assert code == 1 and "There is no database" in capsys.readouterr().err
