"""Requests by ward/district: from the ticket's ward (its address on the city's list), in the report."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from citydesk.reports.metrics import Scope, weekly_metrics
from citydesk.reports.model import WARD_NOTE
from citydesk.reports.weekly.pdf import build_weekly_report
from citydesk.services import tickets as t
from factories import START, Office

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)  # the Monday after START's week


def test_opened_by_ward_in_natural_order_with_the_unlisted_last(office: Office, tmp_path: Path) -> None:
    for ward in ("Ward 2", "Ward 10", "Ward 2", None):
        location = {"text": "120 N Main St", "ward": ward} if ward else "somewhere unlisted"
        t.create_ticket(office.db, actor=office.clerk, title="Light out", channel="phone", location=location)
        office.clock.advance(minutes=5)
    assert START.isocalendar()[:2] == (2026, 47)
    with office.db.read() as session:
        m = weekly_metrics(session, year=2026, week=47, scope=Scope.city(), now=NOW)
    assert dict(m.opened_by_ward) == {"Ward 2": 2, "Ward 10": 1, "": 1}
    assert list(m.opened_by_ward) == ["Ward 2", "Ward 10", ""]
    assert WARD_NOTE not in m.notes
    if shutil.which("pdftotext") is None:
        pytest.skip("needs poppler-utils")
    out = build_weekly_report(
        m, city_name="City of Testville", scope_label=m.scope_name, out_path=tmp_path / "w.pdf"
    )
    text = " ".join(subprocess.run(["pdftotext", "-raw", str(out), "-"], check=True, capture_output=True,
                                   text=True).stdout.split())  # fmt: skip
    assert (
        "Ward/district Ward 2 2 50%" in text
        and "Ward 10 1 25%" in text
        and "Not on the address list 1 25%" in text
    )
    assert "Not recorded yet" not in text


def test_no_ward_yet_keeps_the_note(office: Office) -> None:
    t.create_ticket(office.db, actor=office.clerk, title="Light out", channel="phone", location="12 Elm St")
    with office.db.read() as session:
        m = weekly_metrics(session, year=2026, week=47, scope=Scope.city(), now=NOW)
    assert dict(m.opened_by_ward) == {} and WARD_NOTE in m.notes
