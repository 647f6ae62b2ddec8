"""Helpers shared by the CSV tests: row counts of the synced tables, reading an export, planning a file."""

from __future__ import annotations

import csv
import io
import sqlite3
from datetime import timedelta
from pathlib import Path

from citydesk.domain.imports import ImportPlan
from citydesk.reports.csvio.mapping import parse_mapping
from citydesk.reports.csvio.parse import preview, read_csv
from citydesk.services import tickets as svc
from citydesk.services.requesters import create_requester
from factories import Office

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TABLES = (
    "ticket",
    "timeline_entry",
    "ticket_reporter",
    "requester",
    "outbox",
    "field_clock",
    "number_counter",
)


def counts(office: Office) -> dict[str, int]:
    """Rows in every table an import writes (read with plain sqlite3, beside the app's connections)."""
    conn = sqlite3.connect(office.db.path)
    try:
        out = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        out["last_seq"] = conn.execute("SELECT coalesce(sum(last_seq), 0) FROM number_counter").fetchone()[0]
        return out
    finally:
        conn.close()


def read_export(path: Path) -> list[list[str]]:
    """The rows of an exported CSV (the BOM removed, as a spreadsheet reads it)."""
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def plan_for(office: Office, path: Path, mapping: str | None = None) -> ImportPlan:
    """The import plan of a file into `office` (mapping guessed when None)."""
    table = read_csv(path)
    chosen = parse_mapping(mapping, table.headers) if mapping else None
    with office.db.read() as session:
        return preview(session, table, chosen, now=office.clock.now())


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """Write a small CSV file for a test."""
    path.write_bytes(text.encode(encoding))
    return path


def seed_tickets(office: Office) -> dict[str, str]:
    """Three tickets: one resolved then closed (with notes), one in progress, one new; returns numbers."""
    first = svc.create_ticket(
        office.db,
        actor=office.clerk,
        title="Pothole on Main St",
        description="Deep, near the bus stop",
        channel="phone",
        category_id=office.pothole,
        requester_id=office.citizen,
        location={"text": "120 Main St", "lat": 41.5, "lon": -90.25},
    )
    office.clock.advance(hours=1)
    svc.add_note(
        office.db, actor=office.tech, ticket_id=first.ticket_id, body="crew says next week", public=False
    )
    svc.add_note(office.db, actor=office.tech, ticket_id=first.ticket_id, body="Crew scheduled.", public=True)
    office.clock.advance(hours=2)
    svc.resolve(office.db, actor=office.tech, ticket_id=first.ticket_id, reason="done", public_note="Filled.")
    office.clock.advance(days=1)
    svc.close_ticket(office.db, actor=office.supervisor, ticket_id=first.ticket_id)
    second = svc.create_ticket(
        office.db,
        actor=office.clerk,
        title="Streetlight dark",
        channel="walk_in",
        category_id=office.streetlight,
        requester_id=office.spanish_citizen,
    )
    svc.change_status(office.db, actor=office.tech, ticket_id=second.ticket_id, status="in_progress")
    office.clock.advance(minutes=30)
    third = svc.create_ticket(office.db, actor=office.clerk, title="Locked out", channel="email",
                              category_id=office.password_reset)  # fmt: skip
    office.clock.advance(minutes=5)
    return {"closed": first.number, "in_progress": second.number, "new": third.number}


def confidential_and_anonymous(office: Office) -> tuple[str, str]:
    """A ticket from a confidential requester and one from an anonymous requester; their numbers."""
    secret = create_requester(
        office.db,
        actor=office.clerk,
        name="Carmen Secreta",
        phone="555-010-9999",
        email="carmen@example.org",
        address="9 Hidden Lane",
        confidential=True,
        reply_method="phone",
    ).requester_id
    anon = create_requester(office.db, actor=office.clerk, anonymous=True).requester_id
    one = svc.create_ticket(office.db, actor=office.clerk, title="Noise complaint", channel="phone",
                            requester_id=secret)  # fmt: skip
    svc.add_note(office.db, actor=office.tech, ticket_id=one.ticket_id, body="Neighbour is the mayor's aide",
                 public=False)  # fmt: skip
    svc.add_note(office.db, actor=office.tech, ticket_id=one.ticket_id, body="We will visit.", public=True)
    two = svc.create_ticket(office.db, actor=office.clerk, title="Graffiti", channel="web", requester_id=anon)
    office.clock.advance(minutes=5)
    return one.number, two.number


ONE_DAY = timedelta(days=1)
