"""The CLI's defaults ("today", "last full week", a backup's time stamp) come from the injected clock,
read in the city's time zone, never from the PC's clock or zone."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from citydesk.cli import main
from citydesk.domain.clock import ManualClock
from factories import make_office

# Monday 23 November 2026, 03:00 UTC is still Sunday 22 November in Chicago (the city's zone):
# in city time the current ISO week is 2026-W47, so the last full week is W46 (in UTC it would be W47).
LATE_SUNDAY_IN_THE_CITY = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)


@pytest.fixture
def closed_office_file(tmp_path: Path) -> Path:
    """A set-up office database (city zone America/Chicago), closed as a user would find it."""
    path = tmp_path / "citydesk.sqlite"
    make_office(path).db.close()
    return path


@pytest.fixture(autouse=True)
def _pc_zone_far_from_the_city(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The PC's zone is Tokyo (hours ahead of the city): a default taken from the PC's zone would show."""
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_export_metrics_default_week_is_the_last_full_week_in_city_time(
    closed_office_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "m.csv"
    code = main(
        ["export-metrics", str(out), "--database", str(closed_office_file)],
        clock=ManualClock(LATE_SUNDAY_IN_THE_CITY),
    )
    assert code == 0, capsys.readouterr().err
    assert "Metrics of 2026-W46 " in capsys.readouterr().out
    assert "week,week,2026-W46," in out.read_text(encoding="utf-8-sig")


def first_page_text(path: Path) -> str:
    from pypdfium2 import PdfDocument

    pdf = PdfDocument(path)
    try:
        return str(pdf[0].get_textpage().get_text_range())
    finally:
        pdf.close()


@pytest.mark.parametrize(
    ("instant", "week"),
    [
        # Monday 29 December 2025 starts at 06:00 UTC in Chicago: one second before, the current
        # city week is 2025-W52 and the last full one W51; one second after, W52 is the last full week.
        (datetime(2025, 12, 29, 5, 59, 59, tzinfo=UTC), "2025-W51 (Dec 15–21, 2025)"),
        (datetime(2025, 12, 29, 6, 0, 1, tzinfo=UTC), "2025-W52 (Dec 22–28, 2025)"),
    ],
)
def test_report_default_week_is_the_last_full_week_in_city_time(
    closed_office_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], instant: datetime, week: str
) -> None:
    out = tmp_path / "r.pdf"
    code = main(
        ["report", "--out", str(out), "--database", str(closed_office_file)], clock=ManualClock(instant)
    )
    assert code == 0, capsys.readouterr().err
    assert f"Whole city · {week}" in first_page_text(out)


def test_backup_is_stamped_with_the_clocks_time(
    closed_office_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clock = ManualClock(datetime(2031, 2, 3, 4, 5, 6, tzinfo=UTC))
    code = main(
        ["backup", "--database", str(closed_office_file), "--to", str(tmp_path / "copies")], clock=clock
    )
    assert code == 0, capsys.readouterr().err
    assert [p.name for p in (tmp_path / "copies").iterdir()] == ["citydesk-20310203-040506.sqlite"]


def test_demo_default_as_of_is_today_in_the_demo_city(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 21 November 03:00 UTC is 20 November in the demo city (Chicago) and 21 November in Tokyo.
    path = tmp_path / "demo.sqlite"
    clock = ManualClock(datetime(2026, 11, 21, 3, 0, tzinfo=UTC))
    assert main(["demo", "--tickets", "40", "--database", str(path)], clock=clock) == 0
    assert " to 2026-11-20, in " in capsys.readouterr().out
    conn = sqlite3.connect(path)
    try:
        last = conn.execute("SELECT max(created_at) FROM ticket").fetchone()[0]
    finally:
        conn.close()
    assert str(last) < "2026-11-21T03"
