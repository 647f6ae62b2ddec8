"""Every date shown is a day in the city, whatever zone the PC is set to.

The PC here runs on Tokyo time (TZ) while the city is America/Chicago; the ticket is due late in the
evening in Chicago, which is already the next day in Tokyo. The ticket table, the detail pane, the
receipt, the CSV export and the weekly report must all name the city's day.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from helpers_detail import new_ticket, show, sign_in

from citydesk.reports.csvio.export import export_tickets
from citydesk.reports.receipt import Layout, slip_layout
from citydesk.reports.weekly.writer import write_weekly_report
from citydesk.store.queries import Queue, TicketQuery
from citydesk.store.receipts import receipt_data
from citydesk.ui.app import CitydeskApp
from citydesk.ui.detail import TicketDetailPane
from citydesk.ui.ticket_model import COL_DUE, COL_NUMBER, TicketTableModel
from factories import Office, make_office

# Monday 16 Nov 2026, 18:30 in Chicago (CST, UTC-6) = Tuesday 17 Nov, 09:30 in Tokyo (UTC+9)
CREATED = datetime(2026, 11, 17, 0, 30, tzinfo=UTC)
# A P1 is due 4 hours later: 22:30 on Monday in Chicago, 13:30 on Tuesday in Tokyo
DUE = CREATED + timedelta(hours=4)


@pytest.fixture
def pc_in_tokyo() -> Iterator[None]:
    """The PC's own zone is Asia/Tokyo for the test (TZ + tzset), restored afterwards."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


@pytest.fixture
def chicago(tmp_path: Path, pc_in_tokyo: None) -> Iterator[Office]:
    """An office in America/Chicago whose clock stands at CREATED."""
    made = make_office(tmp_path / "office.sqlite", start=CREATED)
    yield made
    made.db.close()


@pytest.fixture
def city_hub(qtbot: Any, chicago: Office) -> Iterator[CitydeskApp]:
    """The signal hub on the Chicago office; background work ends before the database closes."""
    app = CitydeskApp(chicago.db)
    yield app
    app.runner.shutdown(wait=True)


def test_every_view_shows_the_citys_due_day_on_a_pc_in_another_zone(
    qtbot: Any, city_hub: CitydeskApp, chicago: Office, tmp_path: Path
) -> None:
    # the premise: the PC's zone and the city's disagree about the due day
    assert datetime.fromtimestamp(DUE.timestamp()).day == 17  # naive local = Tokyo
    created = new_ticket(chicago, priority="P1")
    with chicago.db.read() as session:
        data = receipt_data(session, created.ticket_id)
    assert data.due_at == DUE and data.tz_name == "America/Chicago"

    # the ticket table's Due column
    model = TicketTableModel(city_hub)
    with qtbot.waitSignal(model.completed, timeout=10_000):
        model.set_query(TicketQuery(queue=Queue.ALL))
    assert model.data(model.index(0, COL_NUMBER)) == created.number
    assert model.data(model.index(0, COL_DUE)) == "Mon 16 Nov"  # not overdue: "now" is the database's
    chicago.clock.advance(hours=5)
    assert model.data(model.index(0, COL_DUE)) == "Overdue 1 h"
    chicago.clock.set(CREATED)

    # the detail pane's Due line
    sign_in(city_hub, chicago.clerk)
    pane = TicketDetailPane(city_hub)
    qtbot.addWidget(pane)
    show(qtbot, pane, created.ticket_id)
    due_line = pane.header.values["due"].text()
    assert "16 Nov 2026" in due_line and "22:30" in due_line and "17 Nov" not in due_line

    # the receipt handed to the citizen
    slip = slip_layout(data, Layout.HALF_LETTER).plain_text()
    assert "Monday, November 16, 2026" in slip and "November 17" not in slip

    # the report (CSV export): city time with its offset
    out = tmp_path / "tickets.csv"
    with chicago.db.read() as session:
        export_tickets(session, out, now=chicago.clock.now())
    with out.open(encoding="utf-8-sig", newline="") as handle:
        header, row = list(csv.reader(handle))[:2]
    assert dict(zip(header, row, strict=True))["due_at"] == "2026-11-16T22:30:00-06:00"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_weekly_report_shows_the_citys_days_on_a_pc_elsewhere(chicago: Office, tmp_path: Path) -> None:
    created = new_ticket(chicago, priority="P1")
    out = tmp_path / "week.pdf"
    # the week of Nov 16-22, written the Tuesday after (the ticket is still open and past due)
    write_weekly_report(chicago.db, now=datetime(2026, 11, 24, 12, tzinfo=UTC), week=(2026, 47), out=out)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], check=True, capture_output=True, text=True)
    rows = [" ".join(line.split()) for line in text.stdout.splitlines() if created.number in line]
    # the aging table: came in Nov 16 and due Nov 16; the P1 list: logged Monday the 16th at 18:30
    # (in Tokyo both are already Tuesday the 17th)
    assert len(rows) == 2, rows
    assert any(" P1 Public Works Unassigned Nov 16 Nov 16 " in row for row in rows), rows
    assert any(" Mon 16 18:30 — Logged by" in row for row in rows), rows
