"""A real city 311 export (tests/fixtures/city311_export.csv) imports as it comes.

The fixture has what real exports have: Unix seconds, latitude/longitude (0,0 for none), columns the
desk does not use, `completed` rows with no resolved or closed date anywhere, rows repeated exactly,
and status words of its own (`submitted`, `received`, `in progress`, `completed`, `other`,
`archived`) for which a status map is given. Undated resolutions rely on the fold treating a
resolution entry marked `date_unknown` as resolved with no `resolved_at` (docs: issue 12's contract).
"""

from __future__ import annotations

import dataclasses
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from csv_helpers import FIXTURES, counts, read_export, write
from sqlalchemy import select

from citydesk.domain.errors import ValidationError
from citydesk.domain.imports import ImportPlan
from citydesk.reports.csvio.export import export_tickets
from citydesk.reports.csvio.mapping import format_status_map, guess_mapping, parse_mapping, parse_status_map
from citydesk.reports.csvio.parse import preview, read_csv
from citydesk.services.csv_import import import_tickets
from citydesk.store.models import Ticket, TimelineEntry
from factories import Office

EXPORT311 = FIXTURES / "city311_export.csv"
STATUS_MAP = "other=new,archived=closed"
UNDATED_IDS = {"101", "104", "107", "109", "113"}  # completed (4) and archived (1), no dates in the file


def _plan(office: Office, path: Path, status_map: str = "", mapping: str | None = None) -> ImportPlan:
    table = read_csv(path)
    chosen = parse_mapping(mapping, table.headers) if mapping else None
    with office.db.read() as session:
        return preview(
            session, table, chosen, now=office.clock.now(), status_map=parse_status_map(status_map)
        )


def _by_source(office: Office) -> dict[str, Ticket]:
    with office.db.read() as session:
        out = {}
        for ticket, entry in session.execute(
            select(Ticket, TimelineEntry)
            .join(TimelineEntry, TimelineEntry.ticket_id == Ticket.id)
            .where(TimelineEntry.kind == "created")
        ):
            out[entry.detail["import"].get("source_id", ticket.number)] = ticket
        session.expunge_all()
        return out


@pytest.fixture
def imported(office: Office) -> Office:
    """The office with the fixture export imported under the status map."""
    plan = _plan(office, EXPORT311, STATUS_MAP)
    assert plan.ok, plan.error_lines()
    import_tickets(office.db, actor=office.admin, plan=plan, source_name=EXPORT311.name)
    return office


def test_the_311_export_plans_with_notices(office: Office) -> None:
    table = read_csv(EXPORT311)
    assert guess_mapping(table.headers) == {
        "ID": "source_id",
        "Title": "title",
        "Description": "description",
        "Status": "status",
        "Address": "location",
        "Date Created": "created_at",
        "Latitude": "latitude",
        "Longitude": "longitude",
    }  # fmt: skip  (Location, Zip Code, Photo URL and Rating are not used)
    plan = _plan(office, EXPORT311, STATUS_MAP)
    assert plan.ok and plan.total == 17
    assert len(plan.rows) == 13 and plan.repeated == 4 and plan.undated == 5
    assert plan.notices() == [
        "4 row(s) identical to an earlier row in every column were skipped.",
        "5 resolved or closed row(s) have no resolution or closed date: they are imported as resolved "
        "(date unknown).",
    ]
    assert {r.source_id for r in plan.rows if r.date_unknown} == UNDATED_IDS


def test_import_counts_statuses_dates_and_places(imported: Office) -> None:
    office = imported
    tickets = _by_source(office)
    assert len(tickets) == 13
    status = {sid: t.status for sid, t in tickets.items()}
    assert status == {
        "101": "resolved", "102": "new", "103": "new", "104": "resolved", "105": "in_progress",
        "106": "new", "107": "resolved", "108": "new", "109": "resolved", "110": "in_progress",
        "111": "new", "112": "new", "113": "closed",
    }  # fmt: skip
    pothole = tickets["101"]
    assert pothole.created_at == datetime(2026, 10, 27, 14, 5, tzinfo=UTC)  # Unix seconds
    assert (pothole.latitude, pothole.longitude) == (41.5012, -90.5123)
    assert pothole.location_text == "400 Oak Ave, Testville"
    assert tickets["104"].latitude is None  # 0,0: no coordinates
    for sid in UNDATED_IDS:
        t = tickets[sid]
        assert not t.is_open and t.resolved_at is None and t.resolution_reason == "done", sid
    assert all(t.is_open for sid, t in tickets.items() if sid not in UNDATED_IDS)
    with office.db.read() as session:
        entries = session.scalars(
            select(TimelineEntry)
            .where(TimelineEntry.ticket_id == tickets["113"].id, TimelineEntry.kind != "created")
            .order_by(TimelineEntry.hlc)
        ).all()
        assert [(e.kind, e.value) for e in entries] == [("resolution", "resolved"), ("status", "closed")]
        resolution = entries[0]
        assert resolution.detail == {"reason": "done", "date_unknown": True, "imported": True}
        assert resolution.at == office.clock.now()  # the import's instant, by the database clock


def test_undated_resolutions_are_in_no_weeks_figures(imported: Office) -> None:
    """No week counts them as resolved (on time or late) or in resolution times, nor as open work."""
    from citydesk.reports.metrics import weekly_metrics
    from citydesk.reports.model import Scope

    office = imported
    undated = {t.number for sid, t in _by_source(office).items() if sid in UNDATED_IDS}
    now = office.clock.now() + timedelta(days=8)  # the import's week is over too
    with office.db.read() as session:
        for week in range(43, 49):
            m = weekly_metrics(session, year=2026, week=week, scope=Scope.city(), now=now)
            assert m.resolved.current == 0, week
            assert m.resolution.count == 0, week
            assert m.on_time.current.total == 0, week  # neither on time nor late
            assert not undated & {row.number for row in m.aging}, week
        last = weekly_metrics(session, year=2026, week=47, scope=Scope.city(), now=now)
        assert last.backlog_end.current == 8  # the 13 tickets less the 5 resolved on an unknown date


def test_export_says_date_unknown_and_reimport_keeps_it(
    imported: Office, office_template: Office, tmp_path: Path
) -> None:
    from citydesk.domain.clock import ManualClock
    from citydesk.store.db import open_database

    exported = tmp_path / "export.csv"
    with imported.db.read() as session:
        export_tickets(session, exported)
    rows = read_export(exported)
    header = rows[0]
    col = {h: i for i, h in enumerate(header)}
    undated = [r for r in rows[1:] if r[col["status"]] in ("resolved", "closed")]
    assert len(undated) == 5
    assert {r[col["resolved_at"]] for r in undated} == {"date unknown"}
    closed = next(r for r in undated if r[col["status"]] == "closed")
    assert closed[col["closed_at"]]  # closed in citydesk at the import's instant

    path = tmp_path / "other.sqlite"
    shutil.copyfile(office_template.db.path, path)
    clock = ManualClock(datetime(2026, 11, 20, 15, tzinfo=UTC))
    other = dataclasses.replace(office_template, db=open_database(path, clock=clock), clock=clock)
    try:
        plan = _plan(other, exported)
        assert plan.ok, plan.error_lines()
        assert plan.undated == 5
        import_tickets(other.db, actor=other.admin, plan=plan, source_name="export.csv")
        again = tmp_path / "again.csv"
        with other.db.read() as session:
            copied = session.scalars(select(Ticket).where(Ticket.is_open.is_(False))).all()
            assert len(copied) == 5 and all(t.resolved_at is None for t in copied)
            export_tickets(session, again)
    finally:
        other.db.close()
    second = read_export(again)
    keep = [i for i, h in enumerate(header) if h not in {"number", "first_response_at"}]
    assert [[r[i] for i in keep] for r in rows[1:]] == [[r[i] for i in keep] for r in second[1:]]


# ---- bad input: a clear message, nothing written -------------------------------------------------


def _refused(office: Office, plan: ImportPlan) -> list[str]:
    before = counts(office)
    assert not plan.ok
    with pytest.raises(ValidationError):
        import_tickets(office.db, actor=office.admin, plan=plan)
    assert counts(office) == before
    return plan.error_lines()


def test_unknown_status_words_without_a_map(office: Office) -> None:
    plan = _plan(office, EXPORT311)
    lines = _refused(office, plan)
    assert plan.unknown_statuses == ("other", "archived")
    assert len(lines) == 3  # rows 10 (other), 16 (other) and 18 (archived)
    assert lines[0].startswith("Row 10, Status: Unknown status 'other': give it a citydesk status")
    assert "Known words: new, assigned, in progress," in lines[0] and "completed" in lines[0]
    assert lines[2].startswith("Row 18, Status: Unknown status 'archived'")
    # a map for one of them leaves the other an error
    assert [p.row for p in _plan(office, EXPORT311, "other=new").errors] == [18]


def test_status_map_text_and_its_errors() -> None:
    assert parse_status_map("other=new, Archived = Closed,On Hold=waiting_vendor") == {
        "other": "new", "archived": "closed", "onhold": "waiting_vendor",
    }  # fmt: skip
    assert parse_status_map("escalated=In progress") == {"escalated": "in_progress"}  # labels too
    assert format_status_map({"other": "new", "archived": "closed"}) == STATUS_MAP
    with pytest.raises(
        ValidationError, match=r"no citydesk status 'archive'.*the statuses are: new, assigned"
    ):
        parse_status_map("other=new,archived=archive")
    with pytest.raises(ValidationError, match="word=status"):
        parse_status_map("other")
    with pytest.raises(ValidationError, match="mapped twice"):
        parse_status_map("other=new,Other=closed")


def test_a_status_map_may_remap_a_known_word(office: Office) -> None:
    plan = _plan(office, EXPORT311, "other=new,archived=closed,completed=closed")
    assert plan.ok and {r.status for r in plan.rows if r.date_unknown} == {"closed"}


def test_same_id_different_rows_names_both_rows(office: Office, tmp_path: Path) -> None:
    lines = EXPORT311.read_text(encoding="utf-8").splitlines()
    changed = lines[3].replace("Dark since Sunday", "Dark since Monday")  # row 4 is id 102
    path = write(tmp_path / "ids.csv", "\n".join([*lines, changed]) + "\n")
    plan = _plan(office, path, STATUS_MAP)
    assert _refused(office, plan) == [
        "Row 19, ID: The id '102' was already on row 4, which differs from this one."
    ]
    assert plan.repeated == 4


def test_a_file_of_one_row_repeated(office: Office, tmp_path: Path) -> None:
    row = "101,Pothole,Deep,completed,400 Oak Ave,,61265,1793109900,41.5,-90.5,,\n"
    header = EXPORT311.read_text(encoding="utf-8").splitlines()[0] + "\n"
    plan = _plan(office, write(tmp_path / "same.csv", header + row * 5))
    assert plan.ok and len(plan.rows) == 1 and plan.repeated == 4 and plan.undated == 1
    result = import_tickets(office.db, actor=office.admin, plan=plan)
    assert (result.tickets, result.repeated, result.undated) == (1, 4, 1)
    # the same file again: its one id is already there; nothing is written
    again = _plan(office, write(tmp_path / "same.csv", header + row * 5))
    assert _refused(office, again) == [
        "Row 2, ID: The id '101' is already in this database (imported before?)."
    ]


def test_completed_row_closed_before_it_was_created(office: Office, tmp_path: Path) -> None:
    path = write(
        tmp_path / "backwards.csv",
        "ID,Title,Status,Date Created,Closed Date\n"
        "1,Pothole,completed,1793109900,1793009900\n2,Lamp,completed,1793109900,\n",
    )
    assert _refused(office, _plan(office, path)) == [
        "Row 2, Closed Date: It was resolved before it was created."
    ]


def test_every_problem_is_kept(office: Office, tmp_path: Path) -> None:
    """Not the first fifty or thousand: 1,500 bad rows give 1,500 problems."""
    rows = "".join(f"{i},Lamp,frobbed,1793109900\n" for i in range(1500))
    plan = _plan(office, write(tmp_path / "many.csv", "ID,Title,Status,Date Created\n" + rows))
    assert len(plan.errors) == 1500 and plan.errors[-1].row == 1501
    assert plan.unknown_statuses == ("frobbed",)
