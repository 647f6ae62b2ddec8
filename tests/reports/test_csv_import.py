"""CSV import: round trip, a 311-style file, and every bad input reported per row with nothing written."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from csv_helpers import FIXTURES, counts, plan_for, read_export, seed_tickets, write
from sqlalchemy import select

from citydesk.domain.errors import PermissionDenied, ValidationError
from citydesk.domain.roles import SYSTEM_ACTOR
from citydesk.reports.csvio.export import export_tickets
from citydesk.reports.csvio.mapping import format_mapping, guess_mapping, parse_mapping
from citydesk.reports.csvio.parse import read_csv
from citydesk.services.csv_import import import_tickets
from citydesk.store import queries
from citydesk.store.models import Requester, Ticket, TicketReporter, TimelineEntry
from factories import Office

CITY311 = FIXTURES / "city311_requests.csv"
HEADER = "Title,Date Created,Category,Status,Closed Date,Service Request ID\n"


@pytest.fixture
def other_office(office_template: Office, tmp_path: Path) -> Iterator[Office]:
    """A second office database (another city office) with its own clock, later than the first."""
    from citydesk.domain.clock import ManualClock
    from citydesk.store.db import open_database

    path = tmp_path / "other.sqlite"
    shutil.copyfile(office_template.db.path, path)
    clock = ManualClock(datetime(2026, 11, 20, 15, tzinfo=UTC))
    made = dataclasses.replace(office_template, db=open_database(path, clock=clock), clock=clock)
    yield made
    made.db.close()


def _tickets(office: Office) -> list[Ticket]:
    with office.db.read() as session:
        rows = list(session.scalars(select(Ticket).order_by(Ticket.row_no)))
        session.expunge_all()
        return rows


def test_round_trip_into_another_office(office: Office, other_office: Office, tmp_path: Path) -> None:
    seed_tickets(office)
    exported = tmp_path / "export.csv"
    with office.db.read() as session:
        export_tickets(session, exported)
    plan = plan_for(other_office, exported)
    assert plan.ok, plan.error_lines()
    result = import_tickets(other_office.db, actor=other_office.admin, plan=plan, source_name="export.csv")
    assert result.tickets == 3
    source, copied = _tickets(office), _tickets(other_office)
    assert [(t.title, t.status, t.priority, t.channel, t.category_id, t.created_at) for t in source] == [
        (t.title, t.status, t.priority, t.channel, t.category_id, t.created_at) for t in copied
    ]
    closed_src, closed_copy = source[0], copied[0]
    assert closed_copy.resolved_at == closed_src.resolved_at.replace(microsecond=0)
    assert closed_copy.closed_at == closed_src.closed_at.replace(microsecond=0)
    assert closed_copy.location_text == "120 Main St" and closed_copy.latitude == 41.5
    # new numbers from this office's counter, like any other ticket; the source number is recorded
    assert [t.number for t in copied] == ["CLK-TST-000001", "CLK-TST-000002", "CLK-TST-000003"]
    with other_office.db.read() as session:
        created = session.scalars(
            select(TimelineEntry).where(TimelineEntry.ticket_id == closed_copy.id).order_by(TimelineEntry.hlc)
        ).all()
        assert [e.kind for e in created] == ["created", "resolution", "status"]
        assert created[0].detail["import"]["source_id"] == source[0].number
        assert created[1].at == closed_copy.resolved_at and created[1].public
        # requesters came along, matched to the existing Jane Roe by phone/e-mail (the template has her)
        reporter = session.scalar(select(TicketReporter).where(TicketReporter.ticket_id == closed_copy.id))
        assert reporter is not None and reporter.requester_id == other_office.citizen
        # the search index knows the imported tickets
        assert queries.search(session, "Roe").total == 1
    # exporting again from the copy gives the same rows apart from numbers
    again = tmp_path / "again.csv"
    with other_office.db.read() as session:
        export_tickets(session, again)
    first_rows, second_rows = read_export(exported), read_export(again)
    skip = {"number", "first_response_at"}
    header = first_rows[0]
    keep = [i for i, h in enumerate(header) if h not in skip]
    assert [[r[i] for i in keep] for r in first_rows[1:]] == [[r[i] for i in keep] for r in second_rows[1:]]


def test_reimporting_the_same_export_is_refused(office: Office, tmp_path: Path) -> None:
    seed_tickets(office)
    exported = tmp_path / "export.csv"
    with office.db.read() as session:
        export_tickets(session, exported)
    before = counts(office)
    plan = plan_for(office, exported)
    assert not plan.ok
    assert {e.column for e in plan.errors} == {"number"}
    assert "already in this database" in plan.errors[0].message
    with pytest.raises(ValidationError):
        import_tickets(office.db, actor=office.admin, plan=plan)
    assert counts(office) == before


def test_city_311_file_with_unix_times_local_dates_and_coordinates(other_office: Office) -> None:
    table = read_csv(CITY311)
    mapping = guess_mapping(table.headers)
    assert mapping == {
        "Service Request ID": "source_id", "Title": "title", "Description": "description", "Status": "status",
        "Address": "location", "Date Created": "created_at", "Closed Date": "closed_at",
        "Latitude": "latitude", "Longitude": "longitude", "Category": "category", "Source": "channel",
        "Requester Name": "requester_name", "Phone": "requester_phone", "Email": "requester_email",
    }  # fmt: skip
    plan = plan_for(other_office, CITY311)
    assert plan.ok, plan.error_lines()
    before = counts(other_office)
    result = import_tickets(other_office.db, actor=other_office.admin, plan=plan, source_name=CITY311.name)
    assert result.tickets == 5
    assert result.requesters_created == 2  # María Gómez (twice in the file) and Ben Okafor
    after = counts(other_office)
    assert after["ticket"] - before["ticket"] == 5 and after["requester"] - before["requester"] == 2
    t = {x.title: x for x in _tickets(other_office)}
    school = t["Pothole near school"]
    assert school.created_at == datetime(2026, 11, 2, 14, 30, tzinfo=UTC)  # Unix seconds
    assert school.status == "closed"
    # "11/04/2026 10:15 AM" is city time (CST, UTC-6): resolved and closed then
    assert school.resolved_at == school.closed_at == datetime(2026, 11, 4, 16, 15, tzinfo=UTC)
    assert (school.latitude, school.longitude) == (41.5012, -90.5123)
    assert school.location_text == "400 Oak Ave, Testville"
    assert school.channel == "phone" and school.category_id == other_office.pothole  # "POTHOLE"
    elm = t["Light out on Elm"]
    assert elm.created_at == datetime(2026, 11, 3, 16, 0, tzinfo=UTC) and elm.status == "new"
    assert elm.channel == "web" and elm.category_id == other_office.streetlight and elm.reporter_count == 0
    payroll = t["Locked out of payroll"]
    assert payroll.created_at == datetime(2026, 11, 4, 6, 0, tzinfo=UTC)  # a date alone: midnight city time
    assert payroll.resolved_at == datetime(2026, 11, 4, 21, 30, tzinfo=UTC) and payroll.status == "resolved"
    assert payroll.latitude is None  # 0,0 means "no coordinates" in 311 exports
    assert payroll.priority == "P2" and payroll.department_id == other_office.it  # the category's defaults
    second = t["Second pothole"]
    assert second.created_at == datetime(2026, 11, 5, 20, 45, tzinfo=UTC) and second.status == "in_progress"
    assert t["Big hole"].created_at == datetime(2026, 11, 4, 13, 0, tzinfo=UTC)  # Unix milliseconds
    assert t["Big hole"].channel == "walk_in"
    with other_office.db.read() as session:
        maria = session.scalars(select(Requester).where(Requester.name == "María Gómez")).all()
        assert len(maria) == 1 and maria[0].email == "maria@example.org"
        reporters = session.scalars(
            select(TicketReporter.ticket_id).where(TicketReporter.requester_id == maria[0].id)
        )
        assert set(reporters) == {school.id, second.id}
        assert session.scalar(select(Ticket.requester_name).where(Ticket.id == school.id)) == "María Gómez"


def test_mapping_text_parsing_and_errors() -> None:
    headers = ("Title", "Date Created", "Street, No")
    assert parse_mapping('Title=title, date created=created_at,"Street, No=location"', headers) == {
        "Title": "title", "Date Created": "created_at", "Street, No": "location",
    }  # fmt: skip
    assert format_mapping({"Title": "title", "Street, No": "location"}) == 'Title=title,"Street, No=location"'
    with pytest.raises(ValidationError, match="no column 'Nope'"):
        parse_mapping("Nope=title", headers)
    with pytest.raises(ValidationError, match="Unknown field 'headline'"):
        parse_mapping("Title=headline", headers)
    with pytest.raises(ValidationError, match="Column=field"):
        parse_mapping("Title", headers)


# ---- bad input: a clear error, per row where it is about a row, and nothing written ------------------


def _refused(office: Office, path: Path, mapping: str | None = None) -> list[str]:
    """Plan the file, check it cannot be imported and that nothing was written; the error lines."""
    before = counts(office)
    plan = plan_for(office, path, mapping)
    assert not plan.ok
    with pytest.raises(ValidationError):
        import_tickets(office.db, actor=office.admin, plan=plan)
    assert counts(office) == before
    return plan.error_lines()


def test_wrong_encoding_is_refused(office: Office, tmp_path: Path) -> None:
    path = write(tmp_path / "bad.csv", "x", "utf-8")
    path.write_bytes(HEADER.encode() + b"Hole \x81\x8d,2026-11-10,Pothole,new,,A1\n")
    before = counts(office)
    with pytest.raises(ValidationError, match="neither UTF-8 nor Windows-1252"):
        read_csv(path)
    assert counts(office) == before


def test_windows_1252_is_read_with_a_notice(office: Office, tmp_path: Path) -> None:
    path = write(
        tmp_path / "excel.csv", HEADER + "Bache en la calle Núñez,2026-11-10,Pothole,new,,A1\n", "cp1252"
    )
    table = read_csv(path)
    assert table.encoding == "cp1252" and table.notice and "Windows-1252" in table.notice
    plan = plan_for(office, path)
    assert plan.ok and plan.rows[0].title == "Bache en la calle Núñez"


def test_semicolon_separated_utf8_bom_file(office: Office, tmp_path: Path) -> None:
    path = write(tmp_path / "eu.csv", "\ufeffTitle;Date Created\nHole;2026-11-10 08:00\n")
    plan = plan_for(office, path)
    assert plan.ok and plan.rows[0].created_at == datetime(2026, 11, 10, 14, 0, tzinfo=UTC)


@pytest.mark.parametrize(("separator", "encoding"), [("\t", "utf-8"), (";", "utf-16"), (",", "cp1252")])
def test_the_ticket_import_reads_through_the_one_csv_reader(
    office: Office, tmp_path: Path, separator: str, encoding: str
) -> None:
    """The same reader as the address list: tab, semicolon, UTF-16 and Windows-1252 files all plan alike."""
    text = f"Title{separator}Date Created\nCalle Núñez{separator}2026-11-10 08:00\n"
    plan = plan_for(office, write(tmp_path / "t.csv", text, encoding))
    assert plan.ok and plan.rows[0].title == "Calle Núñez"
    assert (plan.notice is not None) is (encoding == "cp1252")


def test_missing_required_columns(office: Office, tmp_path: Path) -> None:
    path = write(tmp_path / "no-date.csv", "Title,Category\nHole,Pothole\n")
    lines = _refused(office, path)
    assert lines == ["No column is mapped to created_at (when it was reported (required))."]


def test_bad_dates_are_reported_by_row_and_column(office: Office, tmp_path: Path) -> None:
    path = write(
        tmp_path / "dates.csv",
        HEADER + "Fine,2026-11-10,Pothole,new,,A1\nBad,13/45/2026,Pothole,new,,A2\n"
        "Future,2027-01-01,Pothole,new,,A3\nBackwards,2026-11-10,Pothole,closed,2026-11-01,A4\n"
        "No close date,2026-11-10,Pothole,closed,,A5\nBad close date,2026-11-10,Pothole,closed,soon,A6\n",
    )
    lines = _refused(office, path)
    assert lines[0].startswith("Row 3, Date Created: '13/45/2026' is not a date; use ISO 8601")
    assert lines[1] == "Row 4, Date Created: This date is in the future."
    assert lines[2] == "Row 5, Closed Date: It was resolved before it was created."
    # row 6 (closed, no date) is fine: resolved on an unknown date; a date that cannot be read is not
    assert lines[3].startswith("Row 7, Closed Date: 'soon' is not a date")
    assert len(lines) == 4


def test_unknown_category_status_and_channel(office: Office, tmp_path: Path) -> None:
    path = write(
        tmp_path / "words.csv",
        "Title,Date Created,Category,Status,Source\nHole,2026-11-10,Sinkhole,new,phone\n"
        "Lamp,2026-11-10,streetlight out,Frobnicated,Carrier pigeon\n",
    )
    lines = _refused(office, path)
    assert lines[0].startswith("Row 2, Category: Unknown category 'Sinkhole' (known: Password reset, Pothole")
    assert lines[1].startswith("Row 3, Status: Unknown status 'Frobnicated': give it a citydesk status")
    assert "Known words: new, assigned, in progress," in lines[1] and "submitted" in lines[1]
    assert lines[2:] == ["Row 3, Source: Unknown channel 'Carrier pigeon'."]


def test_duplicate_rows_same_source_id_or_identical(office: Office, tmp_path: Path) -> None:
    path = write(
        tmp_path / "dups.csv",
        HEADER + "Hole,2026-11-10,Pothole,new,,A1\nOther hole,2026-11-11,Pothole,new,,A1\n"
        "Hole,2026-11-10,Pothole,new,,A1\n",
    )
    lines = _refused(office, path)
    # the identical row 4 is skipped (counted); the differing row with the same id is a problem
    assert lines == [
        "Row 3, Service Request ID: The id 'A1' was already on row 2, which differs from this one."
    ]
    assert plan_for(office, path).repeated == 1
    no_ids = write(tmp_path / "same.csv", "Title,Date Created\nHole,2026-11-10\nHole,2026-11-10\n")
    plan = plan_for(office, no_ids)
    assert plan.ok and len(plan.rows) == 1 and plan.repeated == 1


def test_bad_values_of_other_fields(office: Office, tmp_path: Path) -> None:
    path = write(
        tmp_path / "values.csv",
        "Title,Date Created,Latitude,Longitude,Email,Priority\n,2026-11-10,,,,\n"
        "Hole,2026-11-10,95,-90,,P9\nHole 2,2026-11-10,41.5,,not-an-email,\n",
    )
    lines = _refused(office, path)
    assert lines[0].startswith("Row 2, Title: ")
    assert lines[1] == "Row 3, Priority: Unknown priority 'P9'."
    assert lines[2].startswith("Row 3, Latitude: 95.0 is out of range")
    assert lines[3] == "Row 4, Longitude: Latitude and longitude come together."
    assert lines[4].startswith("Row 4, Email: ")


def test_empty_file_and_header_only(office: Office, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="empty"):
        read_csv(write(tmp_path / "empty.csv", ""))
    assert _refused(office, write(tmp_path / "h.csv", "Title,Date Created\n")) == [
        "The file has a header row but no data rows."
    ]


def test_failure_while_writing_rolls_everything_back(office: Office, tmp_path: Path) -> None:
    """A row the bulk path rejects half-way (a category deleted after the preview) writes nothing."""
    rows = "".join(f"Hole {i},2026-11-10 08:{i:02d},Pothole,new,,B{i}\n" for i in range(30))
    plan = plan_for(office, write(tmp_path / "many.csv", HEADER + rows))
    assert plan.ok
    broken = dataclasses.replace(plan.rows[25], category_id="no-such-category")
    plan = dataclasses.replace(plan, rows=(*plan.rows[:25], broken, *plan.rows[26:]))
    before = counts(office)
    with pytest.raises(ValidationError, match="unknown category"):
        import_tickets(office.db, actor=SYSTEM_ACTOR, plan=plan)
    assert counts(office) == before


def test_only_admins_may_import(office: Office) -> None:
    plan = plan_for(office, CITY311)
    before = counts(office)
    with pytest.raises(PermissionDenied):
        import_tickets(office.db, actor=office.supervisor, plan=plan)
    assert counts(office) == before


def test_imported_ticket_numbers_continue_the_counter(office: Office, tmp_path: Path) -> None:
    from citydesk.services import tickets as svc

    svc.create_ticket(office.db, actor=office.clerk, title="Before", channel="phone")
    plan = plan_for(office, CITY311)
    result = import_tickets(office.db, actor=office.admin, plan=plan)
    assert (result.first_number, result.last_number) == ("CLK-TST-000002", "CLK-TST-000006")
    after = svc.create_ticket(office.db, actor=office.clerk, title="After", channel="phone")
    assert after.number == "CLK-TST-000007"
