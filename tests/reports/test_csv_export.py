"""CSV export: BOM, one header row, ISO dates in city time, filters, public-records redaction, metrics."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from csv_helpers import confidential_and_anonymous, read_export, seed_tickets

from citydesk.domain.errors import ValidationError
from citydesk.reports.csvio.export import (
    NOTES_COLUMN,
    PUBLIC_RECORDS_NOTE,
    REDACTED,
    TICKET_COLUMNS,
    export_tickets,
    make_filter,
)
from citydesk.reports.csvio.metrics_export import export_metrics
from citydesk.reports.metrics import weekly_metrics
from citydesk.reports.model import Scope
from factories import Office

ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")


def _by_number(rows: list[list[str]]) -> dict[str, dict[str, str]]:
    header = rows[0]
    return {r[0]: dict(zip(header, r, strict=True)) for r in rows[1:] if not r[0].startswith("#")}


def test_export_has_bom_one_header_and_iso_city_time(office: Office, tmp_path: Path) -> None:
    numbers = seed_tickets(office)
    out = tmp_path / "tickets.csv"
    with office.db.read() as session:
        summary = export_tickets(session, out)
    assert summary.rows == 3
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw  # spreadsheet line ends
    rows = read_export(out)
    assert tuple(rows[0]) == TICKET_COLUMNS
    assert len(rows) == 4  # header + 3 tickets, no note row
    closed = _by_number(rows)[numbers["closed"]]
    # created at the factory's start: Monday 2026-11-16 15:00 UTC = 09:00 in Chicago (CST, -06:00)
    assert closed["created_at"] == "2026-11-16T09:00:00-06:00"
    assert closed["resolved_at"] == "2026-11-16T12:00:00-06:00"
    assert closed["closed_at"] == "2026-11-17T12:00:00-06:00"
    for row in rows[1:]:
        for name in ("created_at", "due_at"):
            value = dict(zip(rows[0], row, strict=True))[name]
            assert ISO_WITH_OFFSET.match(value), value
    assert closed["status"] == "closed" and closed["category"] == "Pothole"
    assert closed["department"] == "Public Works" and closed["office"] == "CLK"
    assert (closed["latitude"], closed["longitude"]) == ("41.5", "-90.25")
    assert closed["requester_name"] == "Jane Roe" and closed["requester_email"] == "jane@example.org"
    assert closed["resolution_reason"] == "done"
    assert [r[0] for r in rows[1:]] == [numbers["closed"], numbers["in_progress"], numbers["new"]]


def test_accented_names_survive_as_utf8(office: Office, tmp_path: Path) -> None:
    numbers = seed_tickets(office)
    out = tmp_path / "t.csv"
    with office.db.read() as session:
        export_tickets(session, out)
    assert _by_number(read_export(out))[numbers["in_progress"]]["requester_name"] == "José Núñez"
    assert "José Núñez".encode() in out.read_bytes()


def test_filters(office: Office, tmp_path: Path) -> None:
    numbers = seed_tickets(office)
    out = tmp_path / "f.csv"

    def exported(**kwargs: object) -> list[str]:
        with office.db.read() as session:
            export_tickets(session, out, make_filter(session, **kwargs))  # type: ignore[arg-type]
        return [r[0] for r in read_export(out)[1:]]

    assert exported(open_only=True) == [numbers["in_progress"], numbers["new"]]
    assert exported(open_only=False) == [numbers["closed"]]
    assert exported(statuses=["in_progress"]) == [numbers["in_progress"]]
    assert exported(department="IT") == [numbers["new"]]
    assert exported(category="streetlight OUT") == [numbers["in_progress"]]
    assert exported(priority="P2") == [numbers["new"]]  # the password-reset category defaults to P2
    assert exported(created_from=date(2026, 11, 17)) == [numbers["in_progress"], numbers["new"]]
    assert exported(created_to=date(2026, 11, 16)) == [numbers["closed"]]
    with office.db.read() as session:
        assert exported(scope=Scope.department(office.it)) == [numbers["new"]]
        with pytest.raises(ValidationError, match="no department 'Parks'"):
            make_filter(session, department="Parks")
        with pytest.raises(ValidationError):
            make_filter(session, created_from=date(2026, 11, 20), created_to=date(2026, 11, 1))


def test_public_records_redacts_confidential_and_anonymous_and_omits_internal_notes(
    office: Office, tmp_path: Path
) -> None:
    seed_tickets(office)
    secret_number, anon_number = confidential_and_anonymous(office)
    plain, public = tmp_path / "all.csv", tmp_path / "public.csv"
    with office.db.read() as session:
        export_tickets(session, plain, with_notes=True)
        export_tickets(session, public, with_notes=True, public_records=True)
    everything = plain.read_text(encoding="utf-8-sig")
    assert "Carmen Secreta" in everything and "Neighbour is the mayor's aide" in everything
    assert "crew says next week" in everything  # internal notes are in the ordinary export

    text = public.read_text(encoding="utf-8-sig")
    for secret in ("Carmen Secreta", "555-010-9999", "carmen@example.org", "9 Hidden Lane",
                   "Neighbour is the mayor's aide", "crew says next week"):  # fmt: skip
        assert secret not in text, secret
    rows = read_export(public)
    assert rows[-1] == [PUBLIC_RECORDS_NOTE]  # the trailing note row says what was left out
    assert rows[0][-1] == NOTES_COLUMN
    by_number = _by_number(rows)
    secret_row = by_number[secret_number]
    assert [secret_row[f"requester_{f}"] for f in ("name", "phone", "email", "address")] == [REDACTED] * 4
    assert "We will visit." in secret_row["notes"] and "[internal]" not in text
    anon_row = by_number[anon_number]
    assert [anon_row[f"requester_{f}"] for f in ("name", "phone", "email", "address")] == [""] * 4
    assert "Jane Roe" in text  # ordinary requesters stay (public records)


def test_formula_like_text_is_guarded_but_phones_are_not(office: Office, tmp_path: Path) -> None:
    from citydesk.services import tickets as svc

    svc.create_ticket(office.db, actor=office.clerk, title='=HYPERLINK("http://x")', channel="phone")
    out = tmp_path / "g.csv"
    with office.db.read() as session:
        export_tickets(session, out)
    rows = read_export(out)
    assert rows[1][TICKET_COLUMNS.index("title")] == '\'=HYPERLINK("http://x")'


def test_unwritable_target_is_a_clear_error_and_leaves_no_file(office: Office, tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "t.csv"
    with office.db.read() as session, pytest.raises(ValidationError, match="Cannot write"):
        export_tickets(session, target)
    assert not target.parent.exists()


def test_metrics_export(office: Office, tmp_path: Path) -> None:
    seed_tickets(office)
    out = tmp_path / "metrics.csv"
    with office.db.read() as session:
        metrics = weekly_metrics(
            session, year=2026, week=47, scope=Scope.city(), now=datetime(2026, 11, 23, 12, tzinfo=UTC)
        )
        export_metrics(metrics, out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = read_export(out)
    assert rows[0] == ["section", "item", "this_week", "last_week", "change", "detail"]
    table = {(r[0], r[1]): r for r in rows[1:]}
    assert table[("week", "week")][2] == "2026-W47"
    assert table[("summary", "opened")][2] == "3"
    assert table[("summary", "resolved")][2] == "1"
    assert table[("summary", "backlog_end")][2] == "2"
    assert table[("rate", "on_time_pct")][5] == "1 of 1, 100%"
    recon = [r for r in rows[1:] if r[0] == "reconciliation"]
    assert recon[0][1] == "backlog_start" and recon[-1][1] == "backlog_end"
    assert sum(int(r[2]) for r in recon[:-1]) == int(recon[-1][2]) == 2
    assert {r[1] for r in recon} >= {"opened", "resolved", "reopened", "undated", "resolved_again"}


def test_stamps_on_both_sides_of_a_daylight_saving_change(office: Office, tmp_path: Path) -> None:
    from citydesk.services import tickets as svc

    office.clock.set(datetime(2026, 11, 1, 6, 30, tzinfo=UTC))  # 01:30 CDT, before the change at 07:00 UTC
    svc.create_ticket(office.db, actor=office.clerk, title="Before the change", channel="phone")
    office.clock.set(datetime(2026, 11, 1, 7, 30, tzinfo=UTC))  # 01:30 CST, after it
    svc.create_ticket(office.db, actor=office.clerk, title="After the change", channel="phone")
    office.clock.set(datetime(2026, 7, 1, 15, 0, tzinfo=UTC))
    svc.create_ticket(office.db, actor=office.clerk, title="Summer", channel="phone")
    out = tmp_path / "dst.csv"
    with office.db.read() as session:
        export_tickets(session, out)
    created = {r[5]: r[1] for r in read_export(out)[1:]}
    assert created == {
        "Summer": "2026-07-01T10:00:00-05:00",
        "Before the change": "2026-11-01T01:30:00-05:00",
        "After the change": "2026-11-01T01:30:00-06:00",
    }
