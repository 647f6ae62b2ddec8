"""The city's address list: read a CSV, check every row, and import it all or nothing (admin).

Columns (header names matched case-insensitively, with the usual synonyms): address (required),
id, ward/district, latitude and longitude (together), aliases separated by ';' or '|'. A re-import
updates rows by their external id, or by the address text when a row has no id; rows missing from a
new file are left as they are. The file goes through the one CSV reader (`citydesk.domain.csvfile`:
UTF-8, UTF-16, or Windows-1252 with a notice in the summary; comma, semicolon or tab), and every
problem is a `Problem` (row, column, message). Every written field gets a clock in `field_clock`
and an outbox row, in one transaction with the rows themselves. A new address's id is derived from its
external id (or, without one, its folded text), so the same list imported on two offices gives the
same ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update

from citydesk.domain import validation
from citydesk.domain.addresses import coordinate, parse_street, search_key, split_aliases
from citydesk.domain.csvfile import CsvProblems, CsvTable, Problem, read_bytes, read_text
from citydesk.domain.errors import ValidationError
from citydesk.domain.ids import address_id as derived_address_id
from citydesk.domain.permissions import Action, require
from citydesk.domain.roles import Actor
from citydesk.domain.text import fold
from citydesk.services.transaction import Tx, transaction
from citydesk.store.db import Database
from citydesk.store.models import Address, FieldClock

# Fields synced with a clock each; street_key, block and search_key are derived from text/aliases.
SYNCED_FIELDS = ("text", "external_id", "ward", "latitude", "longitude", "aliases", "active")
MAX_ERRORS_SHOWN = 10

COLUMN_SYNONYMS: dict[str, tuple[str, ...]] = {
    "text": ("address", "street address", "full address", "addr", "address text", "location", "site address"),
    "external_id": ("id", "external id", "address id", "addressid", "gis id", "parcel id", "code", "key"),
    "ward": ("ward", "district", "ward/district", "ward district", "council district", "precinct", "zone"),
    "latitude": ("lat", "latitude", "y"),
    "longitude": ("lon", "long", "lng", "longitude", "x"),
    "aliases": ("aliases", "alias", "aka", "also known as", "other names", "names", "landmark", "landmarks"),
}
COLUMN_LABELS = {
    "text": "address",
    "external_id": "id",
    "ward": "ward/district",
    "latitude": "latitude",
    "longitude": "longitude",
    "aliases": "aliases",
}


class AddressFileError(CsvProblems):
    """The file cannot be imported; `problems` lists every problem found (nothing was written)."""

    def __init__(self, problems: list[Problem]) -> None:
        shown = "; ".join(p.text() for p in problems[:MAX_ERRORS_SHOWN])
        more = f" (and {len(problems) - MAX_ERRORS_SHOWN} more)" if len(problems) > MAX_ERRORS_SHOWN else ""
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        super().__init__(problems, f"Nothing was imported: {count} in the address file: {shown}{more}.")


@dataclass(frozen=True, slots=True)
class AddressRow:
    """One checked row of an address file."""

    line: int
    text: str
    external_id: str | None
    ward: str | None
    latitude: float | None
    longitude: float | None
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import did (or, for a dry run, would do)."""

    rows: int
    added: int
    updated: int
    unchanged: int
    dry_run: bool
    columns: tuple[str, ...] = field(default=())
    notice: str | None = None  # e.g. the file was read as Windows-1252

    def describe(self) -> str:
        """One line for the command line and the status bar."""
        verb = "would add" if self.dry_run else "added"
        return (
            f"{self.rows:,} addresses checked: {verb} {self.added:,}, "
            f"{'would update' if self.dry_run else 'updated'} {self.updated:,}, unchanged {self.unchanged:,}."
        )


def _header_key(name: str) -> str:
    return " ".join((fold(name) or "").replace("_", " ").replace("-", " ").split())


def match_columns(header: Iterable[str]) -> tuple[dict[str, int], list[Problem]]:
    """Map our fields to column positions by header name; errors for missing or ambiguous columns."""
    positions: dict[str, int] = {}
    errors: list[Problem] = []
    lookup = {syn: key for key, synonyms in COLUMN_SYNONYMS.items() for syn in synonyms}
    for index, name in enumerate(header):
        key = lookup.get(_header_key(name))
        if key is None:
            continue
        if key in positions:
            errors.append(Problem(1, name.strip(), f"a second {COLUMN_LABELS[key]} column"))
            continue
        positions[key] = index
    if "text" not in positions:
        errors.append(Problem(1, "address", "the file has no address column (a header such as 'address')"))
    if ("latitude" in positions) != ("longitude" in positions):
        missing = "longitude" if "latitude" in positions else "latitude"
        errors.append(Problem(1, missing, "latitude and longitude columns come together"))
    return positions, errors


def read_address_csv(data: str | bytes, name: str = "the file") -> CsvTable:
    """An address file through the one CSV reader (bytes: encoding detected); AddressFileError if bad."""
    table = read_bytes(data, name=name) if isinstance(data, bytes) else read_text(data)
    if table.problems:
        raise AddressFileError(list(table.problems))
    return table


def parse_address_csv(table: CsvTable) -> tuple[list[AddressRow], tuple[str, ...]]:
    """Check a whole address file; raises AddressFileError listing every problem, else returns its rows."""
    positions, errors = match_columns(table.headers)
    if errors:
        raise AddressFileError(errors)
    rows: list[AddressRow] = []
    seen_ids: dict[str, int] = {}
    seen_texts: dict[str, int] = {}

    def cell(values: tuple[str, ...], key: str) -> str:
        index = positions.get(key)
        return values[index].strip() if index is not None and index < len(values) else ""

    for line, values in table.rows:
        row_errors: list[Problem] = []
        text = " ".join(cell(values, "text").split())
        if not text:
            row_errors.append(Problem(line, "address", "the address is empty"))
        elif len(text) > validation.LOCATION_MAX:
            row_errors.append(Problem(line, "address", f"longer than {validation.LOCATION_MAX} characters"))
        coords: dict[str, float | None] = {}
        for key, low, high in (("latitude", -90.0, 90.0), ("longitude", -180.0, 180.0)):
            try:
                coords[key] = coordinate(key, cell(values, key), low=low, high=high)
            except ValidationError as exc:
                row_errors.append(Problem(line, key, exc.message))
        if len(row_errors) == 0 and (coords["latitude"] is None) != (coords["longitude"] is None):
            row_errors.append(Problem(line, "latitude", "give both latitude and longitude, or neither"))
        external_id = cell(values, "external_id") or None
        ward = cell(values, "ward") or None
        if external_id and len(external_id) > 60:
            row_errors.append(Problem(line, "id", "longer than 60 characters"))
        if ward and len(ward) > 60:
            row_errors.append(Problem(line, "ward/district", "longer than 60 characters"))
        if external_id and external_id in seen_ids:
            row_errors.append(
                Problem(line, "id", f"the id {external_id!r} is also on row {seen_ids[external_id]}")
            )
        folded = fold(text) or ""
        if text and not external_id and folded in seen_texts:
            row_errors.append(
                Problem(line, "address", f"the same address is also on row {seen_texts[folded]}")
            )
        if row_errors:
            errors.extend(row_errors)
            continue
        if external_id:
            seen_ids[external_id] = line
        seen_texts.setdefault(folded, line)
        rows.append(
            AddressRow(
                line=line,
                text=text,
                external_id=external_id,
                ward=ward,
                latitude=coords["latitude"],
                longitude=coords["longitude"],
                aliases=tuple(a[:120] for a in split_aliases(cell(values, "aliases"))),
            )
        )
    if errors:
        raise AddressFileError(errors)
    return rows, tuple(COLUMN_LABELS[k] for k in sorted(positions, key=positions.__getitem__))


def read_address_file(path: Path) -> bytes:
    """The bytes of an address file (decoded by the one CSV reader, `domain.csvfile`)."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ValidationError("file", f"Cannot read {path}: {exc.strerror or exc}.") from None


def address_values(row: AddressRow) -> dict[str, Any]:
    """The address columns for a checked row (street key, block and search key derived)."""
    parts = parse_street(row.text)
    return {
        "text": row.text,
        "external_id": row.external_id,
        "ward": row.ward,
        "latitude": row.latitude,
        "longitude": row.longitude,
        "aliases": list(row.aliases),
        "active": True,
        "street_key": parts.street_key,
        "block": parts.block,
        "search_key": search_key(row.text, row.aliases),
    }


def import_addresses(
    db: Database,
    *,
    actor: Actor,
    data: str | bytes | None = None,
    path: Path | None = None,
    dry_run: bool = False,
) -> ImportSummary:
    """Import an address list from CSV text or bytes or a file: all rows or none (admin or system only)."""
    require(actor.role, Action.IMPORT_DATA)
    if path is not None and data is None:
        table = read_address_csv(read_address_file(path), path.name)
    elif data is not None and path is None:
        table = read_address_csv(data)
    else:
        raise ValidationError("file", "Give either the CSV text or a file.")
    rows, columns = parse_address_csv(table)
    with transaction(db, actor, Action.IMPORT_DATA) as tx:
        existing = {
            r.id: r
            for r in tx.session.execute(
                select(
                    Address.id,
                    Address.external_id,
                    Address.text,
                    *[getattr(Address, f) for f in SYNCED_FIELDS[2:]],
                )
            )
        }
        by_external = {r.external_id: r for r in existing.values() if r.external_id}
        by_text = {fold(r.text): r for r in existing.values() if not r.external_id}
        inserts: list[dict[str, Any]] = []
        updates: list[tuple[str, dict[str, Any], list[str]]] = []
        unchanged = 0
        for row in rows:
            values = address_values(row)
            old = by_external.get(row.external_id) if row.external_id else by_text.get(fold(row.text))
            if old is None:
                inserts.append(values)
                continue
            changed = [f for f in SYNCED_FIELDS if getattr(old, f) != values[f]]
            if changed:
                updates.append((old.id, values, changed))
            else:
                unchanged += 1
        summary = ImportSummary(
            len(rows), len(inserts), len(updates), unchanged, dry_run, columns, notice=table.notice
        )
        if dry_run:
            return summary
        stamp = tx.capture.stamp()
        insert_addresses_in(tx, inserts, capture=True)
        for address_id, values, changed in updates:
            tx.session.execute(
                update(Address).where(Address.id == address_id).values(**values, updated_at=stamp.at)
            )
            for name in changed:
                change_id = tx.capture.record(
                    op="update", table="address", row_id=address_id, field=name, hlc=stamp.hlc
                )
                tx.set_clock("address", address_id, name, stamp, change_id)
        return summary


def bulk_add_addresses(
    db: Database, *, actor: Actor, rows: Sequence[AddressRow], capture: bool = True
) -> list[str]:
    """Add new addresses (checked rows, e.g. generated ones) in one all-or-nothing transaction.

    The rows follow the import's rules (address text, coordinates, id and ward lengths, no id or
    id-less address twice, none already on the list); each gets its field clocks and, unless `capture`
    is off (the demo city, which never syncs), an outbox row. Returns the new ids in order.
    """
    with transaction(db, actor, Action.IMPORT_DATA) as tx:
        tx.require_capture(capture)
        taken_ids = {i for i in tx.session.scalars(select(Address.external_id)) if i}
        taken_texts = {
            fold(text)
            for text in tx.session.scalars(select(Address.text).where(Address.external_id.is_(None)))
        }
        for row in rows:
            problem = _row_problem(row, taken_ids, taken_texts)
            if problem:
                raise ValidationError(problem[0], f"Row {row.line}: {problem[1]}.")
            if row.external_id:
                taken_ids.add(row.external_id)
            else:
                taken_texts.add(fold(row.text))
        return insert_addresses_in(tx, [address_values(r) for r in rows], capture=capture)


def _row_problem(
    row: AddressRow, taken_ids: set[str], taken_texts: set[str | None]
) -> tuple[str, str] | None:
    """The first problem of a checked row against the import's rules, as (column, message), or None."""
    if not row.text or row.text != " ".join(row.text.split()):
        return "address", "the address is empty or not trimmed"
    if len(row.text) > validation.LOCATION_MAX:
        return "address", f"longer than {validation.LOCATION_MAX} characters"
    if (row.latitude is None) != (row.longitude is None):
        return "latitude", "give both latitude and longitude, or neither"
    for key, value, low, high in (
        ("latitude", row.latitude, -90.0, 90.0),
        ("longitude", row.longitude, -180.0, 180.0),
    ):
        try:
            coordinate(key, value, low=low, high=high)
        except ValidationError as exc:
            return key, exc.message
    if row.external_id and len(row.external_id) > 60:
        return "id", "longer than 60 characters"
    if row.ward and len(row.ward) > 60:
        return "ward/district", "longer than 60 characters"
    if row.external_id and row.external_id in taken_ids:
        return "id", f"the id {row.external_id!r} is already on the list"
    if not row.external_id and fold(row.text) in taken_texts:
        return "address", "the same address is already on the list"
    return None


def insert_addresses_in(tx: Tx, rows: list[dict[str, Any]], *, capture: bool) -> list[str]:
    """Insert new address rows with their field clocks (and outbox rows unless `capture` is off, as for
    the demo city, which never syncs); returns their ids in order.

    Each id is derived from the row (`domain.ids.address_id`: its external id, else its folded text), so
    two offices importing the same list offline create the same rows, which merge field by field.
    """
    stamp = tx.capture.stamp()
    ids: list[str] = []
    clocks: list[dict[str, Any]] = []
    new_rows = []
    for values in rows:
        address_id = derived_address_id(values["external_id"], values["text"])
        ids.append(address_id)
        new_rows.append({"id": address_id, **values, "created_at": stamp.at, "updated_at": stamp.at})
        change_id = (
            tx.capture.record(op="insert", table="address", row_id=address_id, hlc=stamp.hlc)
            if capture
            else None
        )
        clocks += [tx.clock("address", address_id, f, stamp, change_id) for f in SYNCED_FIELDS]
    if new_rows:
        tx.session.execute(insert(Address), new_rows)
        tx.session.execute(insert(FieldClock), clocks)
    return ids
