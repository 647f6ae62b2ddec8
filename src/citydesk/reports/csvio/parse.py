"""CSV import, the pure part: read a spreadsheet CSV, map its columns, check every row, build a plan.

Nothing here writes; `citydesk.services.csv_import.import_tickets` commits a plan through the bulk
path, all or nothing. The steps:

1. `read_csv(path)`: the file's bytes through the one CSV reader, `citydesk.domain.csvfile` (UTF-8
   with or without a BOM, UTF-16, or Windows-1252 with a notice; comma, semicolon or tab). Blank
   rows and rows whose first cell starts with `#` and whose other cells are empty (citydesk's
   public-records note) are skipped.
2. A mapping from source columns to citydesk fields (`citydesk.reports.csvio.mapping`): given with
   `parse_mapping` or guessed with `guess_mapping`.
3. `build_plan(table, mapping, reference, status_map)`: every row checked; each problem is a
   `Problem` with the spreadsheet row number (the header is row 1), the source column and a
   message; every problem is kept (none is dropped after the first hundred). A row identical to
   an earlier one in every column is skipped and counted (`ImportPlan.repeated`, one notice); a
   source id seen before in the file on a row that differs, or already in the database (as an
   imported source id or as a ticket number), is a problem naming both rows.

Statuses: citydesk's own and the usual words of other systems (`vocabulary.STATUS_WORDS`); the
status map (`--status-map other=new`) gives the rest, or re-maps a known word. A word nobody
knows is a problem naming it and listing the known ones. A resolved or closed row with no
resolution or closed date (or with `date unknown`, as citydesk's export writes it) is imported as
resolved with the date unknown (`ImportRow.date_unknown`).

Dates: a Unix time in seconds or milliseconds; ISO 8601 with an offset or `Z` (exact); ISO or US
(`11/16/2026 9:30 AM`, month first) dates and times without an offset are city time; a date alone
is midnight city time. Dates in the future, and resolutions or closings before the creation, are errors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from citydesk.domain import validation
from citydesk.domain.channels import Channel
from citydesk.domain.csvfile import CsvTable, Problem, read_bytes
from citydesk.domain.errors import ValidationError
from citydesk.domain.imports import ImportPlan, ImportRow, RequesterIn
from citydesk.domain.priorities import Priority
from citydesk.domain.statuses import ResolutionReason, Status
from citydesk.domain.text import fold
from citydesk.reports.csvio.mapping import check_mapping, guess_mapping
from citydesk.reports.csvio.vocabulary import (
    CHANNEL_WORDS,
    DATE_HELP,
    DATE_UNKNOWN,
    KNOWN_STATUS_TEXT,
    NO,
    PRIORITY_WORDS,
    REASON_WORDS,
    STATUS_WORDS,
    US_FORMATS,
    YES,
    word_key,
)
from citydesk.reports.metrics.queries import categories, departments
from citydesk.store.imports import existing_source_ids
from citydesk.store.settings import load_calendar

FUTURE_SLACK = timedelta(minutes=5)
# The columns of the tables this module reads (readable names for the shared metrics tables).
category_c = categories.c
department_c = departments.c


# ---- reading the file ------------------------------------------------------------------------------


def read_csv(path: Path) -> CsvTable:
    """Read a CSV file through `domain.csvfile`; CsvProblems (a ValidationError) if it is unreadable."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError("file", f"Cannot read {path}: {exc.strerror or exc}.") from None
    return read_bytes(data, name=path.name, skip_notes=True).check()


# ---- the database's reference data -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CategoryRef:
    """A category an imported row may name."""

    id: str
    name: str
    department_id: str | None
    default_priority: str


@dataclass(frozen=True)
class Reference:
    """What checking rows needs from the database: zone, categories, departments, existing ids."""

    tz_name: str
    now: datetime
    categories: Mapping[str, CategoryRef]  # by folded name
    departments: Mapping[str, str]  # folded name and folded code -> id
    source_ids: frozenset[str] = frozenset()  # imported source ids and ticket numbers already there

    @property
    def zone(self) -> ZoneInfo:
        """The city's time zone."""
        return ZoneInfo(self.tz_name)


def load_reference(session: Session, *, now: datetime, source_ids: Iterable[str] = ()) -> Reference:
    """Read the reference data; `source_ids` are checked against numbers and earlier imports."""
    categories = {
        fold(r.name) or "": CategoryRef(r.id, r.name, r.department_id, r.default_priority)
        for r in session.execute(
            select(
                category_c.id, category_c.name, category_c.department_id, category_c.default_priority,
                category_c.active,
            )
        )
        if r.active
    }
    departments: dict[str, str] = {}
    for r in session.execute(select(department_c.id, department_c.name, department_c.code)):
        for value in (r.name, r.code):
            if value:
                departments.setdefault(fold(value) or "", r.id)
    wanted = sorted({s for s in source_ids if s})
    return Reference(
        tz_name=load_calendar(session).tz_name,
        now=now,
        categories=categories,
        departments=departments,
        source_ids=frozenset(existing_source_ids(session, wanted)),
    )


# ---- checking rows ---------------------------------------------------------------------------------


class _RowCheck:
    """Parses the cells of one row, collecting errors instead of stopping at the first."""

    def __init__(
        self, line: int, cells: Mapping[str, str], columns: Mapping[str, str], errors: list[Problem]
    ):
        self.line = line
        self.cells = cells
        self.columns = columns  # field -> source column
        self.errors = errors

    def raw(self, target: str) -> str:
        value = self.cells.get(target, "").strip()
        if value[:2] in ("'=", "'+", "'-", "'@"):  # the export's guard against spreadsheet formulas
            value = value[1:]
        return value

    def error(self, target: str, message: str) -> None:
        self.errors.append(Problem(self.line, self.columns.get(target, target), message))

    def word(self, target: str, words: Mapping[str, Any], default: Any, what: str) -> Any:
        value = self.raw(target)
        if not value:
            return default
        found = words.get(word_key(value))
        if found is None:
            self.error(target, f"Unknown {what} {value!r}.")
        return found

    def when(self, target: str, zone: ZoneInfo) -> datetime | None:
        value = self.raw(target)
        if not value or word_key(value) == UNKNOWN_KEY:
            return None
        try:
            return parse_when(value, zone)
        except ValueError as exc:
            self.error(target, str(exc))
            return None

    def number(self, target: str, low: float, high: float) -> float | None:
        value = self.raw(target)
        if not value:
            return None
        try:
            number = float(value.replace(",", "."))
        except ValueError:
            self.error(target, f"{value!r} is not a number.")
            return None
        if not low <= number <= high:
            self.error(target, f"{number} is out of range ({low} to {high}).")
            return None
        return number

    def text(self, target: str, check: Any) -> Any:
        try:
            return check(self.raw(target))
        except ValidationError as exc:
            self.error(target, exc.message)
            return None


def parse_when(value: str, zone: ZoneInfo) -> datetime:
    """A Unix time, ISO 8601 or US date/time as an aware UTC instant (local times in `zone`)."""
    text = value.strip()
    if re.fullmatch(r"\d{9,13}(\.\d+)?", text):
        seconds = float(text)
        if seconds > 1e11:  # milliseconds
            seconds /= 1000
        instant = datetime.fromtimestamp(seconds, UTC)
    else:
        parsed: datetime | None = None
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            for fmt in US_FORMATS:
                try:
                    parsed = datetime.strptime(text.upper(), fmt)
                    break
                except ValueError:
                    continue
        if parsed is None:
            raise ValueError(f"{value!r} is not a date; {DATE_HELP}.")
        instant = parsed.replace(tzinfo=zone) if parsed.tzinfo is None else parsed
        instant = instant.astimezone(UTC)
    if not 1990 <= instant.year <= 2100:
        raise ValueError(f"{value!r} is not a plausible date (year {instant.year}).")
    return instant


UNKNOWN_KEY = word_key(DATE_UNKNOWN)


def _plain(max_len: int, field_name: str) -> Any:
    return lambda v: validation.text(field_name, v, required=False, max_len=max_len)


def build_plan(
    table: CsvTable,
    mapping: Mapping[str, str],
    reference: Reference,
    status_map: Mapping[str, str] | None = None,
) -> ImportPlan:
    """Check every row of `table` under `mapping`; the plan lists the good rows and every error.

    `status_map` maps folded source status words to citydesk status values (`parse_status_map`).
    """
    mapping = {s: t for s, t in mapping.items() if t and t != "ignore"}
    problems = [Problem(0, "", message) for message in check_mapping(mapping)]
    if not table.rows:
        problems.append(Problem(0, "", "The file has a header row but no data rows."))
    if problems:
        return ImportPlan((), (), len(table.rows), mapping, table.notice, tuple(problems))
    index = {h: i for i, h in enumerate(table.headers)}
    columns = {t: s for s, t in mapping.items()}
    picks = [(t, index[s]) for s, t in mapping.items()]
    zone = reference.zone
    errors: list[Problem] = []
    rows: list[ImportRow] = []
    seen_ids: dict[str, int] = {}
    seen_rows: set[tuple[str, ...]] = set()
    statuses = _StatusWords(status_map or {})
    repeated = 0
    for line, raw_cells in table.rows:
        identity = tuple(c.strip() for c in raw_cells)
        while identity and not identity[-1]:  # trailing empty cells do not make a row different
            identity = identity[:-1]
        if identity in seen_rows:
            repeated += 1
            continue
        seen_rows.add(identity)
        before = len(errors)
        cells = {t: (raw_cells[i] if i < len(raw_cells) else "") for t, i in picks}
        check = _RowCheck(line, cells, columns, errors)
        row = _check_row(check, reference, zone, seen_ids, statuses)
        if row is not None and len(errors) == before:
            rows.append(row)
    return ImportPlan(
        tuple(rows),
        tuple(errors),
        len(table.rows),
        mapping,
        table.notice,
        repeated=repeated,
        unknown_statuses=tuple(statuses.unknown.values()),
    )


class _StatusWords:
    """Status words: the known ones, the status map's, and the unknown ones met (for the dialog)."""

    def __init__(self, status_map: Mapping[str, str]) -> None:
        self.words: dict[str, Status] = {**STATUS_WORDS, **{k: Status(v) for k, v in status_map.items()}}
        self.unknown: dict[str, str] = {}  # folded -> as first written

    def status(self, check: _RowCheck) -> Status | None:
        value = check.raw("status")
        if not value:
            return Status.NEW
        key = word_key(value)
        found = self.words.get(key)
        if found is None:
            self.unknown.setdefault(key, value)
            check.error(
                "status",
                f"Unknown status {value!r}: give it a citydesk status in the status map "
                f"({value}=new, for example). Known words: {KNOWN_STATUS_TEXT}.",
            )
        return found


def _check_row(
    check: _RowCheck, reference: Reference, zone: ZoneInfo, seen_ids: dict[str, int], statuses: _StatusWords
) -> ImportRow | None:
    line = check.line
    source_id = check.raw("source_id") or None
    if source_id:
        if source_id in seen_ids:
            check.error(
                "source_id",
                f"The id {source_id!r} was already on row {seen_ids[source_id]}, "
                "which differs from this one.",
            )
        elif source_id in reference.source_ids:
            check.error("source_id", f"The id {source_id!r} is already in this database (imported before?).")
        seen_ids.setdefault(source_id, line)
    title = check.text("title", validation.title)
    description = check.text("description", validation.description) or ""
    status = statuses.status(check)
    channel = check.word("channel", CHANNEL_WORDS, Channel.PHONE, "channel")
    reason = check.word("resolution_reason", REASON_WORDS, ResolutionReason.DONE, "resolution reason")
    category = None
    if name := check.raw("category"):
        category = reference.categories.get(fold(name) or "")
        if category is None:
            known = ", ".join(sorted(c.name for c in reference.categories.values())[:12])
            check.error("category", f"Unknown category {name!r} (known: {known}).")
    department_id = category.department_id if category else None
    if name := check.raw("department"):
        department_id = reference.departments.get(fold(name) or "")
        if department_id is None:
            check.error("department", f"Unknown department {name!r}.")
    default_priority = Priority(category.default_priority) if category else Priority.P3
    priority = check.word("priority", PRIORITY_WORDS, default_priority, "priority")
    location = _location(check)
    created_at = check.when("created_at", zone)
    resolved_at = check.when("resolved_at", zone)
    closed_at = check.when("closed_at", zone)
    if not check.raw("created_at"):
        check.error("created_at", "The date created is missing.")
    latest = reference.now + FUTURE_SLACK
    for target, instant in (
        ("created_at", created_at),
        ("resolved_at", resolved_at),
        ("closed_at", closed_at),
    ):
        if instant is not None and instant > latest:
            check.error(target, "This date is in the future.")
    date_unknown = False
    if isinstance(status, Status) and not status.is_open:
        if word_key(check.raw("resolved_at")) == UNKNOWN_KEY:  # citydesk's export of an undated resolution
            date_unknown = True
        else:
            resolved_at = resolved_at or closed_at
            date_unknown = resolved_at is None and not _has_date(check)
        closed_at = (closed_at or resolved_at) if status is Status.CLOSED else None
        if created_at and resolved_at and resolved_at < created_at:
            check.error(
                columns_target(check, "resolved_at", "closed_at"), "It was resolved before it was created."
            )
        if created_at and closed_at and closed_at < created_at and resolved_at is None:  # else said above
            check.error("closed_at", "It was closed before it was created.")
        if resolved_at and closed_at and closed_at < resolved_at:
            check.error("closed_at", "It was closed before it was resolved.")
    else:
        resolved_at = closed_at = None  # an open ticket: resolution dates of the source are ignored
    requester = _requester(check)
    if title is None or created_at is None or status is None or channel is None or priority is None:
        return None
    return ImportRow(
        line=line,
        source_id=source_id,
        title=title,
        description=description,
        status=status.value,
        priority=priority.value,
        channel=channel.value,
        category_id=category.id if category else None,
        department_id=department_id,
        location=location,
        created_at=created_at,
        resolved_at=resolved_at,
        closed_at=closed_at,
        resolution_reason=(reason or ResolutionReason.DONE).value,
        resolution_note=check.text("resolution_note", _plain(validation.NOTE_MAX, "resolution_note")) or "",
        requester=requester,
        date_unknown=date_unknown,
    )


def _has_date(check: _RowCheck) -> bool:
    """True when the row has a resolved or closed cell that is not empty (a bad one is reported)."""
    return any(
        check.raw(t) and word_key(check.raw(t)) != UNKNOWN_KEY for t in ("resolved_at", "closed_at")
    )


def columns_target(check: _RowCheck, *targets: str) -> str:
    """The first of `targets` that has a mapped column (so an error names a column of the file)."""
    return next((t for t in targets if t in check.columns), targets[0])


def _location(check: _RowCheck) -> dict[str, Any] | None:
    text = check.text("location", _plain(validation.LOCATION_MAX, "location")) or ""
    lat = check.number("latitude", -90.0, 90.0)
    lon = check.number("longitude", -180.0, 180.0)
    if lat == 0 and lon == 0:  # 311 exports write 0,0 for "no coordinates"
        lat = lon = None
    if (lat is None) != (lon is None) and check.raw("latitude") and check.raw("longitude"):
        pass  # one of them was out of range: already reported
    elif (lat is None) != (lon is None):
        check.error("latitude" if lat is None else "longitude", "Latitude and longitude come together.")
    ward = check.text("ward", _plain(60, "ward")) or ""
    out: dict[str, Any] = {"text": text}
    if lat is not None and lon is not None:
        out.update(lat=lat, lon=lon)
    if ward:
        out["ward"] = ward
    return out if text or len(out) > 1 else None


def _requester(check: _RowCheck) -> RequesterIn | None:
    name = check.text("requester_name", _plain(validation.NAME_MAX, "requester_name")) or None
    phone = check.text("requester_phone", validation.phone)
    email = check.text("requester_email", validation.email)
    address = check.text("requester_address", _plain(300, "requester_address")) or None
    flag = check.raw("requester_confidential").lower()
    if flag not in YES | NO:
        check.error("requester_confidential", f"Write yes or no; got {flag!r}.")
    if name == "[redacted]":  # a public-records export: the person is not known
        name = phone = email = address = None
    if not (name or phone or email):
        return None
    return RequesterIn(name, phone, email, address, flag in YES)


def preview(
    session: Session,
    table: CsvTable,
    mapping: Mapping[str, str] | None,
    *,
    now: datetime,
    status_map: Mapping[str, str] | None = None,
) -> ImportPlan:
    """The plan for `table` (mapping guessed when None), with reference data read from `session`."""
    mapping = dict(mapping) if mapping is not None else guess_mapping(table.headers)
    source_column = next((s for s, t in mapping.items() if t == "source_id"), None)
    ids: list[str] = []
    if source_column is not None:
        i = table.headers.index(source_column)
        ids = [cells[i].strip() for _line, cells in table.rows if i < len(cells)]
    reference = load_reference(session, now=now, source_ids=ids)
    return build_plan(table, mapping, reference, status_map)
