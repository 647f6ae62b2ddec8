"""The columns of an import file mapped to citydesk fields: the fields, a guess, the `--map` text.

`parse_mapping("Title=title,Date Created=created_at", headers)` reads the command line's form (quote
a column name that holds a comma: `"Street, No"=location`); `guess_mapping(headers)` knows
citydesk's own export and the usual city 311 columns (`vocabulary.GUESSES`). Columns mapped to
nothing (or to `ignore`) are left out.

`parse_status_map("other=new,archived=closed")` reads `--status-map`: status words of the source
system that citydesk does not know, each given one of citydesk's statuses (it may also re-map a
known word: `completed=closed`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping

from citydesk.domain.errors import ValidationError
from citydesk.domain.statuses import Status
from citydesk.reports.csvio.vocabulary import CITYDESK_STATUSES, GUESSES, word_key
from citydesk.reports.working_language import column_for

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


def guess_mapping(headers: Iterable[str]) -> dict[str, str]:
    """A first mapping by column name (citydesk's export, usual 311 names); each field used once."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for header in headers:
        target = GUESSES.get(word_key(header))
        if target is None and word_key(header) in TARGETS:
            target = word_key(header)
        if target is None:  # a heading of a Spanish export ("estado")
            target = column_for(header)
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


def parse_status_map(text: str) -> dict[str, str]:
    """`other=new,archived=closed` → {folded word: citydesk status value}; ValidationError('status_map')."""
    out: dict[str, str] = {}
    items = next(csv.reader([text], skipinitialspace=True), []) if text.strip() else []
    for item in items:
        if not item.strip():
            continue
        word, sep, target = item.rpartition("=")
        word, target = word.strip(), target.strip()
        if not sep or not word_key(word):
            raise ValidationError("status_map", f"Write each status mapping as word=status; got {item!r}.")
        status = CITYDESK_STATUSES.get(word_key(target))
        if status is None:
            raise ValidationError(
                "status_map",
                f"There is no citydesk status {target!r} (in {item.strip()!r}); the statuses are: "
                + ", ".join(s.value for s in Status)
                + ".",
            )
        key = word_key(word)
        if out.get(key, status.value) != status.value:
            raise ValidationError("status_map", f"The status word {word!r} is mapped twice.")
        out[key] = status.value
    return out


def format_status_map(status_map: Mapping[str, str]) -> str:
    """A status map in the `--status-map` format (`other=new,archived=closed`)."""
    return ",".join(f"{word}={status}" for word, status in status_map.items())
