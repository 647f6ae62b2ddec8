"""CSV export of tickets (with filters) and of a week's metrics, for spreadsheets.

The files open cleanly in Excel, LibreOffice and Google Sheets:

* UTF-8 with a byte-order mark (Excel needs it to read accented names), comma-separated, CRLF
  line ends (the `csv` module's default), one header row, a stable column order
  (`TICKET_COLUMNS`, then `notes` when asked for).
* Every instant is ISO 8601 in **city time with its UTC offset** (`2026-11-16T09:00:00-06:00`):
  staff read the clock time they know, and the offset keeps it exact across daylight-saving
  changes. Statuses, priorities and channels are citydesk's own values (`in_progress`, `P2`,
  `walk_in`), so an export imports back unchanged. A ticket resolved on an unknown date (an
  import of a 311 export's undated `completed` rows) has `date unknown` in `resolved_at`, which
  the importer reads back as the same.
* `public_records=True` (for public-records requests) blanks nothing but what the law protects:
  names, phones, e-mails and addresses of confidential requesters become `[redacted]`,
  anonymous requesters are always blank, and only public notes are exported. The file says so
  in a **trailing note row** whose first cell starts with `#`: a leading comment line would push
  the header off row 1 and break spreadsheet filters; the note row is the last line, and the
  importer skips it.

Rows are streamed: tickets are read in chunks of `CHUNK` (their first reporter and notes by one
query per chunk) and written as they come, into a temporary file beside the target that replaces
it only when the export is complete (an interrupted export leaves no half file).
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, and_, literal_column, select
from sqlalchemy.orm import Session

from citydesk.domain.calendar import BusinessCalendar
from citydesk.domain.errors import ValidationError
from citydesk.domain.priorities import parse_priority
from citydesk.domain.statuses import parse_status
from citydesk.domain.text import fold
from citydesk.reports.csvio.vocabulary import DATE_UNKNOWN
from citydesk.reports.metrics.queries import (
    categories,
    departments,
    offices,
    offset_segments,
    reporters,
    requesters,
    scope_clause,
    stamp_text,
    tickets,
    timeline,
    users,
)
from citydesk.reports.model import Scope
from citydesk.store.settings import load_calendar
from citydesk.store.types import to_db_text

Progress = Callable[[int, int], None]
CHUNK = 2000
REDACTED = "[redacted]"
NOTE_MARK = "#"
PUBLIC_RECORDS_NOTE = (
    "# Public-records export: names, phones, e-mails and addresses of confidential requesters are "
    "replaced by [redacted]; anonymous requesters are blank; internal notes are left out."
)

TICKET_COLUMNS: tuple[str, ...] = (
    "number", "created_at", "status", "priority", "channel", "title", "description", "category",
    "department", "office", "location", "latitude", "longitude", "ward", "assignee", "due_at",
    "first_response_at", "resolved_at", "closed_at", "resolution_reason", "requester_name",
    "requester_phone", "requester_email", "requester_address", "requester_confidential",
    "reporter_count",
)  # fmt: skip
NOTES_COLUMN = "notes"
NOTE_KINDS = ("note", "call", "resolution")  # entries with a written text

# The columns of the tables this module reads (readable names for the shared metrics tables).
category_c = categories.c
department_c = departments.c
entry_c = timeline.c
office_c = offices.c
reporter_c = reporters.c
requester_c = requesters.c
ticket_c = tickets.c
user_c = users.c


@dataclass(frozen=True, slots=True)
class TicketFilter:
    """Which tickets to export. Dates are city-local days, both ends included; ids are resolved."""

    created_from: date | None = None
    created_to: date | None = None
    statuses: tuple[str, ...] = ()
    open_only: bool | None = None  # True: open only, False: resolved/closed only, None: all
    department_id: str | None = None
    category_id: str | None = None
    priority: str | None = None
    scope: Scope = field(default_factory=Scope.city)


@dataclass(frozen=True, slots=True)
class ExportSummary:
    """What an export wrote."""

    path: Path
    rows: int
    public_records: bool


def _by_code_or_name(session: Session, table: Any, text: str, what: str) -> str:
    """The id of the department/category whose code or name matches `text` (case and accents ignored)."""
    wanted = fold(text)
    columns = [table.c.id, table.c.name] + ([table.c.code] if "code" in table.c else [])
    rows = session.execute(select(*columns)).all()
    for row in rows:
        if wanted in {fold(str(v)) for v in row[1:] if v}:
            return str(row[0])
    known = ", ".join(sorted(str(r[1]) for r in rows)) or "none"
    raise ValidationError(what, f"There is no {what} {text!r} (known: {known}).")


def make_filter(
    session: Session,
    *,
    created_from: date | None = None,
    created_to: date | None = None,
    statuses: Sequence[str] = (),
    open_only: bool | None = None,
    department: str | None = None,
    category: str | None = None,
    priority: str | None = None,
    scope: Scope | None = None,
) -> TicketFilter:
    """Check the filter values and resolve names/codes to ids; ValidationError naming the bad one."""
    if created_from and created_to and created_from > created_to:
        raise ValidationError("created_from", "The first day comes after the last day.")
    return TicketFilter(
        created_from=created_from,
        created_to=created_to,
        statuses=tuple(parse_status(s.strip()).value for s in statuses if s.strip()),
        open_only=open_only,
        department_id=_by_code_or_name(session, department_c.id.table, department, "department")
        if department
        else None,
        category_id=_by_code_or_name(session, categories, category, "category") if category else None,
        priority=parse_priority(priority).value if priority else None,
        scope=scope or Scope.city(),
    )


def _where(flt: TicketFilter, calendar: BusinessCalendar) -> list[Any]:
    clauses: list[Any] = [scope_clause(flt.scope)]
    if flt.created_from:
        clauses.append(ticket_c.created_at >= calendar.day_bounds(flt.created_from)[0])
    if flt.created_to:
        clauses.append(ticket_c.created_at < calendar.day_bounds(flt.created_to)[1])
    if flt.statuses:
        clauses.append(ticket_c.status.in_(flt.statuses))
    if flt.open_only is not None:
        clauses.append(ticket_c.is_open.is_(flt.open_only))
    if flt.department_id:
        clauses.append(ticket_c.department_id == flt.department_id)
    if flt.category_id:
        clauses.append(ticket_c.category_id == flt.category_id)
    if flt.priority:
        clauses.append(ticket_c.priority == flt.priority)
    return clauses


_STAMPS = ("created_at", "due_at", "first_response_at", "resolved_at", "closed_at")


def _local_iso_sql(column: str, segments: list[tuple[datetime | None, int]]) -> str:
    """SQL turning a stored UTC stamp into ISO 8601 city time with its offset ('' when NULL).

    The offsets come from `offset_segments` (one per stretch between daylight-saving changes), so
    SQLite's C `strftime` does the work instead of Python's datetime (5 stamps x 100k rows).
    """

    def formatted(minutes: int) -> str:
        sign = "+" if minutes >= 0 else "-"
        suffix = f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
        return f"replace(datetime({column}, '{minutes:+d} minutes'), ' ', 'T') || '{suffix}'"

    # newest stretch first: most stamps of a desk's database are recent
    bounds = [(until, segments[i + 1][1]) for i, (until, _m) in enumerate(segments[:-1]) if until]
    whens = " ".join(
        f"WHEN {column} >= '{to_db_text(until)}' THEN {formatted(m)}" for until, m in reversed(bounds)
    )
    return f"CASE WHEN {column} IS NULL THEN '' {whens} ELSE {formatted(segments[0][1])} END"


def _segments(
    session: Session, calendar: BusinessCalendar, now: datetime | None
) -> list[tuple[datetime | None, int]]:
    """The zone's offsets from the oldest ticket to a year past `now` (due dates lie ahead).

    Without `now` (the database clock's time), the newest creation or due date stands for it, so an
    export never reads the wall clock.
    """
    from sqlalchemy import func

    if now is None:
        stamps = [
            session.scalar(select(func.max(ticket_c.created_at))),
            session.scalar(select(func.max(ticket_c.due_at))),
        ]
        now = max((s for s in stamps if s is not None), default=datetime(2000, 1, 1, tzinfo=UTC))
    oldest = session.scalar(select(func.min(ticket_c.created_at)))
    lo = min(oldest, now) if oldest else now
    return offset_segments(calendar, lo - timedelta(days=1), now + timedelta(days=400))


def _ticket_select(flt: TicketFilter, calendar: BusinessCalendar, segments: list[Any]) -> Select[Any]:
    """One streaming query: the ticket, its stamps as city-time text, its first reporter's requester."""
    first_requester = (
        select(reporter_c.requester_id)
        .where(reporter_c.ticket_id == ticket_c.id)
        .order_by(reporter_c.reported_at, reporter_c.id)
        .limit(1)
        .correlate(tickets)
        .scalar_subquery()
    )
    head = ("number",)
    plain = (
        "status", "priority", "channel", "title", "description", "category_id", "department_id",
        "office_id", "location_text", "latitude", "longitude", "ward", "assignee_id",
    )  # fmt: skip
    stamps = {name: literal_column(_local_iso_sql(f"ticket.{name}", segments)) for name in _STAMPS}
    columns = [
        *(ticket_c[n] for n in head), stamps["created_at"], *(ticket_c[n] for n in plain),
        *(stamps[n] for n in _STAMPS[1:]), ticket_c.resolution_reason, requester_c.name, requester_c.phone,
        requester_c.email, requester_c.address, requester_c.anonymous, requester_c.confidential,
        ticket_c.reporter_count, ticket_c.id,
    ]  # fmt: skip
    return (
        select(*columns)
        .select_from(tickets.outerjoin(requesters, requester_c.id == first_requester))
        .where(and_(*_where(flt, calendar)))
        .order_by(ticket_c.created_at, ticket_c.row_no)
    )


class _Stamps:
    """Stored UTC stamp text → ISO 8601 in city time with its offset, to the second (for notes)."""

    def __init__(self, zone: ZoneInfo) -> None:
        self.zone = zone

    def __call__(self, text: str | None) -> str:
        if not text:
            return ""
        instant = datetime.fromisoformat(text).replace(tzinfo=UTC, microsecond=0)
        return instant.astimezone(self.zone).isoformat()


def count_tickets(session: Session, flt: TicketFilter) -> int:
    """How many tickets the filter selects (for progress bars)."""
    from sqlalchemy import func

    calendar = load_calendar(session)
    return int(
        session.scalar(select(func.count()).select_from(tickets).where(and_(*_where(flt, calendar)))) or 0
    )


def _notes(session: Session, ticket_ids: list[str], *, public_only: bool, stamps: _Stamps) -> dict[str, str]:
    """Each ticket's notes as lines "<when> [public|internal] <text>", oldest first."""
    clause = and_(entry_c.ticket_id.in_(ticket_ids), entry_c.kind.in_(NOTE_KINDS), entry_c.body.is_not(None),
                  entry_c.body != "")  # fmt: skip
    if public_only:
        clause = and_(clause, entry_c.public.is_(True))
    out: dict[str, list[str]] = {}
    for row in session.execute(
        select(entry_c.ticket_id, stamp_text(entry_c.at).label("at"), entry_c.public, entry_c.body)
        .where(clause)
        .order_by(entry_c.hlc)
    ):
        label = "public" if row.public else "internal"
        out.setdefault(row.ticket_id, []).append(f"{stamps(row.at)} [{label}] {row.body}")
    return {k: "\n".join(v) for k, v in out.items()}


def _requester_cells(name: Any, phone: Any, email: Any, address: Any, anonymous: Any, confidential: Any,
                     public_records: bool) -> list[Any]:  # fmt: skip
    if anonymous is None:  # no reporter
        return ["", "", "", "", ""]
    if anonymous:
        return ["", "", "", "", "no"]
    if public_records and confidential:
        return [REDACTED if v else "" for v in (name, phone, email, address)] + ["yes"]
    return [_guard(name), _guard(phone), _guard(email), _guard(address), "yes" if confidential else "no"]


def _pairs(session: Session, query: Select[Any]) -> dict[Any, Any]:
    return {row[0]: row[1] for row in session.execute(query)}


def iter_ticket_rows(
    session: Session,
    flt: TicketFilter,
    *,
    public_records: bool = False,
    with_notes: bool = False,
    chunk: int = CHUNK,
    now: datetime | None = None,
) -> Iterator[list[Any]]:
    """The export's data rows in `TICKET_COLUMNS` order (plus notes), streamed chunk by chunk.

    `now` is the database clock's time (the span of time-zone offsets reaches a year past it).

    The ticket query's rows are read straight from the driver's cursor (`fetchmany`), without
    SQLAlchemy's per-row processing; stamps arrive already formatted by SQLite.
    """
    calendar = load_calendar(session)
    stamps = _Stamps(calendar.tz)
    categories = _pairs(session, select(category_c.id, category_c.name))
    departments = _pairs(session, select(department_c.id, department_c.name))
    offices = _pairs(session, select(office_c.id, office_c.code))
    users = _pairs(session, select(user_c.id, user_c.display_name))
    result = session.execute(_ticket_select(flt, calendar, _segments(session, calendar, now)))
    cursor = result.cursor
    try:
        while part := cursor.fetchmany(chunk):
            notes = (
                _notes(session, [row[-1] for row in part], public_only=public_records, stamps=stamps)
                if with_notes
                else {}
            )
            for (number, created, status, priority, channel, title, description, category_id, department_id,
                 office_id, location, lat, lon, ward, assignee_id, due, first_response, resolved, closed,
                 reason, r_name, r_phone, r_email, r_address, r_anonymous, r_confidential, reporters,
                 ticket_id) in part:  # fmt: skip
                cells = [
                    number, created, status, priority, channel, _guard(title), _guard(description or ""),
                    categories.get(category_id, ""), departments.get(department_id, ""),
                    offices.get(office_id, ""), _guard(location or ""), "" if lat is None else lat,
                    "" if lon is None else lon, _guard(ward or ""), users.get(assignee_id, ""), due,
                    first_response, resolved or _undated(status, reason), closed, reason or "",
                    *_requester_cells(r_name, r_phone, r_email, r_address, r_anonymous, r_confidential,
                                      public_records),
                    reporters,
                ]  # fmt: skip
                if with_notes:
                    cells.append(_guard(notes.get(ticket_id, "")))
                yield cells
    finally:
        result.close()


def _undated(status: str, reason: str | None) -> str:
    """`date unknown` for a resolved or closed ticket with a resolution but no resolution date."""
    return DATE_UNKNOWN if reason and status in UNDATED_STATUSES else ""


UNDATED_STATUSES = frozenset({"resolved", "closed"})
FORMULA_START = ("=", "+", "-", "@")
_PHONE_OR_NUMBER = re.compile(r"[0-9 ()+\-.]*")


def _guard(value: Any) -> Any:
    """Text a spreadsheet would run as a formula gets a leading apostrophe (CSV injection).

    Numbers and phone numbers ("+1 555 010 2000", "-12.5") are left alone; the importer removes
    the apostrophe again. Only free-text cells pass through here.
    """
    if (
        value
        and isinstance(value, str)
        and value[0] in FORMULA_START
        and not _PHONE_OR_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]], *, trailer: str | None = None,
              progress: Progress | None = None, total: int = 0) -> int:  # fmt: skip
    """Write UTF-8-with-BOM CSV through a temporary file that replaces `path` when complete; returns rows."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.part")
    count = 0
    try:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            for row in rows:
                writer.writerow(row)
                count += 1
                if progress and count % CHUNK == 0:
                    progress(count, total)
            if trailer:
                writer.writerow([trailer])
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ValidationError("file", f"Cannot write {path}: {exc.strerror or exc}.") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if progress:
        progress(count, total)
    return count


def export_tickets(
    session: Session,
    path: Path,
    flt: TicketFilter | None = None,
    *,
    public_records: bool = False,
    with_notes: bool = False,
    progress: Progress | None = None,
    now: datetime | None = None,
    language: str | None = None,
) -> ExportSummary:
    """Export the filtered tickets to `path` (see the module docstring for the format); `now` is
    the database clock's time. The header row and the public-records note are in `language` (the
    city's working language when None); the values are citydesk's codes in either language."""
    from citydesk.reports.working_language import public_records_note, ticket_header, working_language

    flt = flt or TicketFilter()
    language = language or working_language(session)
    total = count_tickets(session, flt) if progress else 0
    header = ticket_header((*TICKET_COLUMNS, NOTES_COLUMN) if with_notes else TICKET_COLUMNS, language)
    rows = iter_ticket_rows(session, flt, public_records=public_records, with_notes=with_notes, now=now)
    written = write_csv(
        path,
        header,
        rows,
        trailer=public_records_note(PUBLIC_RECORDS_NOTE, language) if public_records else None,
        progress=progress,
        total=total,
    )
    return ExportSummary(path=Path(path), rows=written, public_records=public_records)
