"""CSV import, the pure part: read a spreadsheet CSV, map its columns, check every row, build a plan.

Nothing here writes; `citydesk.services.csv_import.import_tickets` commits a plan through the bulk
path, all or nothing. The steps:

1. `read_csv(path)`: UTF-8 (with or without a byte-order mark) or UTF-16 with a BOM; a file that is
   not valid UTF-8 is read as Windows-1252 (what Excel writes for "CSV" on Windows) with a notice
   to check accented letters; bytes that are neither are refused. Comma, semicolon or tab
   separated (sniffed from the header line). Rows whose first cell starts with `#` and whose other
   cells are empty (citydesk's public-records note) and blank rows are skipped.
2. A mapping from source columns to citydesk fields: `parse_mapping("Title=title,Date
   Created=created_at")` (quote a column name that holds a comma: `"Street, No"=location`) or
   `guess_mapping(headers)`, which knows citydesk's own export and the usual city 311 columns.
   Columns mapped to nothing (or to `ignore`) are left out.
3. `build_plan(table, mapping, reference)`: every row checked; each problem is a `RowError` with
   the spreadsheet row number (the header is row 1), the source column and a message. Duplicates:
   a source id seen before in the file or already in the database (as an imported source id or
   as a ticket number), or a row identical to an earlier one.

Dates: a Unix time in seconds or milliseconds; ISO 8601 with an offset or `Z` (exact); ISO or US
(`11/16/2026 9:30 AM`, month first) dates and times without an offset are city time; a date alone
is midnight city time. Dates in the future, and resolutions before the creation, are errors.
"""

from __future__ import annotations

import csv
import io
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
from citydesk.domain.errors import ValidationError
from citydesk.domain.imports import ImportPlan, ImportRow, RequesterIn, RowError
from citydesk.domain.priorities import Priority
from citydesk.domain.statuses import ResolutionReason, Status
from citydesk.domain.text import fold
from citydesk.reports._csv_words import (
    CHANNEL_WORDS,
    DATE_HELP,
    GUESSES,
    NO,
    PRIORITY_WORDS,
    REASON_WORDS,
    STATUS_WORDS,
    US_FORMATS,
    YES,
)
from citydesk.reports.metrics.queries import CAT, DEP
from citydesk.store.imports import existing_source_ids
from citydesk.store.settings import load_calendar

# citydesk fields a column can map to, with what they mean (shown in the app and `--help`).
TARGETS: dict[str, str] = {
    "source_id": "the row's id in the source system (a duplicate id is refused)",
    "title": "short title (required)",
    "description": "what was asked",
    "status": "new, assigned, in progress, waiting, resolved, closed (or Open, Completed, ...)",
    "priority": "P1, P2, P3, Ops (or critical, high, normal, low)",
    "channel": "phone, walk-in, e-mail, web, intranet, internal, after-hours (or call, online, app)",
    "category": "category name (must exist in citydesk; case and accents ignored)",
    "department": "department name or code (default: the category's department)",
    "location": "address or place text",
    "latitude": "latitude in degrees",
    "longitude": "longitude in degrees",
    "ward": "ward or district",
    "created_at": "when it was reported (required)",
    "resolved_at": "when it was resolved",
    "closed_at": "when it was closed (also the resolution time when there is no resolved date)",
    "resolution_reason": "done, duplicate, referred, not a city matter, could not locate, void",
    "resolution_note": "the public resolution note",
    "requester_name": "the requester's name",
    "requester_phone": "the requester's phone",
    "requester_email": "the requester's e-mail",
    "requester_address": "the requester's postal address",
    "requester_confidential": "yes/no: withhold the requester from public-records exports",
    "ignore": "leave the column out",
}
REQUIRED = ("title", "created_at")
FUTURE_SLACK = timedelta(minutes=5)
MAX_ERRORS = 1000


def _key(text: str) -> str:
    """A column name or word folded for matching ("Date Created" -> "datecreated")."""
    return re.sub(r"[^a-z0-9]", "", fold(text) or "")


# ---- reading the file ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CsvTable:
    """A CSV file read into memory: its header, its data rows (with their spreadsheet row numbers)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    encoding: str
    notice: str | None = None


def decode(data: bytes, name: str = "the file") -> tuple[str, str, str | None]:
    """The text of a CSV file, the encoding used and a notice for the user (None when plain UTF-8)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16", None
    try:
        return data.decode("utf-8-sig"), "utf-8", None
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ValidationError(
            "file",
            f"{name} is neither UTF-8 nor Windows-1252 text (byte {first_bad + 1} cannot be read). "
            "Save it from the spreadsheet as “CSV UTF-8” and try again.",
        ) from None
    return (
        text,
        "cp1252",
        f"{name} is not UTF-8; it was read as Windows-1252 (an older Excel CSV). Check that accented "
        "letters look right in the preview, or save it as “CSV UTF-8”.",
    )


def parse_csv_text(text: str, *, encoding: str = "utf-8", notice: str | None = None) -> CsvTable:
    """Split CSV text into header and rows (delimiter sniffed; note and blank rows skipped)."""
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count) if first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        if not header or not any(h.strip() for h in header):
            raise ValidationError("file", "The file is empty: the first row must name the columns.")
        headers = tuple(h.strip() for h in header)
        seen: set[str] = set()
        for h in headers:
            if h and h in seen:
                raise ValidationError("file", f"The column {h!r} appears twice in the header row.")
            seen.add(h)
        rows: list[tuple[int, tuple[str, ...]]] = []
        for line, cells in enumerate(reader, start=2):  # the spreadsheet's row number (header = 1)
            if not any(c.strip() for c in cells):
                continue
            if cells[0].lstrip().startswith("#") and not any(c.strip() for c in cells[1:]):
                continue
            rows.append((line, tuple(cells)))
    except csv.Error as exc:
        raise ValidationError(
            "file", f"The file is not valid CSV near row {reader.line_num}: {exc}."
        ) from None
    return CsvTable(headers=headers, rows=tuple(rows), encoding=encoding, notice=notice)


def read_csv(path: Path) -> CsvTable:
    """Read a CSV file (see the module docstring for encodings); ValidationError('file') if unreadable."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError("file", f"Cannot read {path}: {exc.strerror or exc}.") from None
    text, encoding, notice = decode(data, path.name)
    return parse_csv_text(text, encoding=encoding, notice=notice)


# ---- the mapping -----------------------------------------------------------------------------------


def guess_mapping(headers: Iterable[str]) -> dict[str, str]:
    """A first mapping by column name (citydesk's export, usual 311 names); each field used once."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for header in headers:
        target = GUESSES.get(_key(header))
        if target is None and _key(header) in TARGETS:
            target = _key(header)
        if target and target not in used:
            out[header] = target
            used.add(target)
    return out


def parse_mapping(text: str, headers: Iterable[str]) -> dict[str, str]:
    """`Title=title,Date Created=created_at` → {source column: field}; ValidationError('map')."""
    known = {h.strip(): h for h in headers}
    folded = {h.casefold(): h for h in known}
    out: dict[str, str] = {}
    items = next(csv.reader([text], skipinitialspace=True), []) if text.strip() else []
    for item in items:
        if not item.strip():
            continue
        source, sep, target = item.rpartition("=")
        source, target = source.strip(), target.strip().lower()
        if not sep or not source:
            raise ValidationError("map", f"Write each mapping as Column=field; got {item!r}.")
        if target not in TARGETS:
            raise ValidationError("map", f"Unknown field {target!r}; the fields are: {', '.join(TARGETS)}.")
        header = known.get(source) or folded.get(source.casefold())
        if header is None:
            raise ValidationError(
                "map", f"The file has no column {source!r} (its columns: {', '.join(known) or 'none'})."
            )
        out[header] = target
    return out


def format_mapping(mapping: Mapping[str, str]) -> str:
    """The mapping in the `--map` format (column names quoted when they need it)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(
        [f"{source}={target}" for source, target in mapping.items() if target != "ignore"]
    )
    return buffer.getvalue()


def check_mapping(mapping: Mapping[str, str]) -> list[str]:
    """Problems with a mapping as a whole: required fields missing, a field mapped twice."""
    problems = []
    targets = [t for t in mapping.values() if t != "ignore"]
    for target in REQUIRED:
        if target not in targets:
            problems.append(f"No column is mapped to {target} ({TARGETS[target]}).")
    for target in sorted({t for t in targets if targets.count(t) > 1}):
        sources = ", ".join(s for s, t in mapping.items() if t == target)
        problems.append(f"{target} is mapped from more than one column ({sources}).")
    return problems


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
            select(CAT.id, CAT.name, CAT.department_id, CAT.default_priority, CAT.active)
        )
        if r.active
    }
    departments: dict[str, str] = {}
    for r in session.execute(select(DEP.id, DEP.name, DEP.code)):
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
        self, line: int, cells: Mapping[str, str], columns: Mapping[str, str], errors: list[RowError]
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
        self.errors.append(RowError(self.line, self.columns.get(target, target), message))

    def word(self, target: str, words: Mapping[str, Any], default: Any, what: str) -> Any:
        value = self.raw(target)
        if not value:
            return default
        found = words.get(_key(value))
        if found is None:
            self.error(target, f"Unknown {what} {value!r}.")
        return found

    def when(self, target: str, zone: ZoneInfo) -> datetime | None:
        value = self.raw(target)
        if not value:
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


def _plain(max_len: int, field_name: str) -> Any:
    return lambda v: validation.text(field_name, v, required=False, max_len=max_len)


def build_plan(table: CsvTable, mapping: Mapping[str, str], reference: Reference) -> ImportPlan:
    """Check every row of `table` under `mapping`; the plan lists the good rows and every error."""
    mapping = {s: t for s, t in mapping.items() if t and t != "ignore"}
    problems = check_mapping(mapping)
    if not table.rows:
        problems.append("The file has a header row but no data rows.")
    if problems:
        return ImportPlan((), (), len(table.rows), mapping, table.notice, tuple(problems))
    index = {h: i for i, h in enumerate(table.headers)}
    columns = {t: s for s, t in mapping.items()}
    picks = [(t, index[s]) for s, t in mapping.items()]
    zone = reference.zone
    errors: list[RowError] = []
    rows: list[ImportRow] = []
    seen_ids: dict[str, int] = {}
    seen_rows: dict[tuple[str, ...], int] = {}
    for line, raw_cells in table.rows:
        if len(errors) >= MAX_ERRORS:
            break
        before = len(errors)
        cells = {t: (raw_cells[i] if i < len(raw_cells) else "") for t, i in picks}
        check = _RowCheck(line, cells, columns, errors)
        identity = tuple(c.strip() for c in raw_cells)
        if identity in seen_rows:
            check.error("", f"This row is identical to row {seen_rows[identity]}.")
            continue
        seen_rows[identity] = line
        row = _check_row(check, reference, zone, seen_ids)
        if row is not None and len(errors) == before:
            rows.append(row)
    return ImportPlan(tuple(rows), tuple(errors), len(table.rows), mapping, table.notice)


def _check_row(
    check: _RowCheck, reference: Reference, zone: ZoneInfo, seen_ids: dict[str, int]
) -> ImportRow | None:
    line = check.line
    source_id = check.raw("source_id") or None
    if source_id:
        if source_id in seen_ids:
            check.error("source_id", f"The id {source_id!r} was already on row {seen_ids[source_id]}.")
        elif source_id in reference.source_ids:
            check.error("source_id", f"The id {source_id!r} is already in this database (imported before?).")
        seen_ids.setdefault(source_id, line)
    title = check.text("title", validation.title)
    description = check.text("description", validation.description) or ""
    status = check.word("status", STATUS_WORDS, Status.NEW, "status")
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
    if isinstance(status, Status) and not status.is_open:
        resolved_at = resolved_at or closed_at
        if resolved_at is None:
            check.error(
                columns_target(check, "resolved_at", "closed_at"),
                f"A {status.label.lower()} ticket needs the date it was resolved or closed.",
            )
        closed_at = (closed_at or resolved_at) if status is Status.CLOSED else None
        if created_at and resolved_at and resolved_at < created_at:
            check.error(
                columns_target(check, "resolved_at", "closed_at"), "It was resolved before it was created."
            )
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
    session: Session, table: CsvTable, mapping: Mapping[str, str] | None, *, now: datetime
) -> ImportPlan:
    """The plan for `table` (mapping guessed when None), with reference data read from `session`."""
    mapping = dict(mapping) if mapping is not None else guess_mapping(table.headers)
    source_column = next((s for s, t in mapping.items() if t == "source_id"), None)
    ids: list[str] = []
    if source_column is not None:
        i = table.headers.index(source_column)
        ids = [cells[i].strip() for _line, cells in table.rows if i < len(cells)]
    reference = load_reference(session, now=now, source_ids=ids)
    return build_plan(table, mapping, reference)
