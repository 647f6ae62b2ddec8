"""What each citydesk field means, in the UI's language, for the import dialog's column mapping.

The field names themselves ("status", "created_at") are codes and stay as they are: they are the CSV
columns of an export and what `citydesk import --map` takes.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from citydesk.reports.csvio.mapping import TARGETS

MEANINGS: dict[str, str] = {
    "source_id": QT_TRANSLATE_NOOP(
        "ImportDialog", "the row's id in the source system (a duplicate id is refused)"
    ),
    "title": QT_TRANSLATE_NOOP("ImportDialog", "short title (required)"),
    "description": QT_TRANSLATE_NOOP("ImportDialog", "what was asked"),
    "status": QT_TRANSLATE_NOOP(
        "ImportDialog", "new, assigned, in progress, waiting, resolved, closed (or Open, Completed, ...)"
    ),
    "priority": QT_TRANSLATE_NOOP("ImportDialog", "P1, P2, P3, Ops (or critical, high, normal, low)"),
    "channel": QT_TRANSLATE_NOOP(
        "ImportDialog", "phone, walk-in, e-mail, web, intranet, internal, after-hours (or call, online, app)"
    ),
    "category": QT_TRANSLATE_NOOP(
        "ImportDialog", "category name (must exist in citydesk; case and accents ignored)"
    ),
    "department": QT_TRANSLATE_NOOP(
        "ImportDialog", "department name or code (default: the category's department)"
    ),
    "location": QT_TRANSLATE_NOOP("ImportDialog", "address or place text"),
    "latitude": QT_TRANSLATE_NOOP("ImportDialog", "latitude in degrees"),
    "longitude": QT_TRANSLATE_NOOP("ImportDialog", "longitude in degrees"),
    "ward": QT_TRANSLATE_NOOP("ImportDialog", "ward or district"),
    "created_at": QT_TRANSLATE_NOOP("ImportDialog", "when it was reported (required)"),
    "resolved_at": QT_TRANSLATE_NOOP("ImportDialog", "when it was resolved"),
    "closed_at": QT_TRANSLATE_NOOP(
        "ImportDialog", "when it was closed (also the resolution time when there is no resolved date)"
    ),
    "resolution_reason": QT_TRANSLATE_NOOP(
        "ImportDialog", "done, duplicate, referred, not a city matter, could not locate, void"
    ),
    "resolution_note": QT_TRANSLATE_NOOP("ImportDialog", "the public resolution note"),
    "requester_name": QT_TRANSLATE_NOOP("ImportDialog", "the requester's name"),
    "requester_phone": QT_TRANSLATE_NOOP("ImportDialog", "the requester's phone"),
    "requester_email": QT_TRANSLATE_NOOP("ImportDialog", "the requester's e-mail"),
    "requester_address": QT_TRANSLATE_NOOP("ImportDialog", "the requester's postal address"),
    "requester_confidential": QT_TRANSLATE_NOOP(
        "ImportDialog", "yes/no: withhold the requester from public-records exports"
    ),
    "ignore": QT_TRANSLATE_NOOP("ImportDialog", "leave the column out"),
}


def target_meaning(target: str) -> str:
    """What a field means ("when it was reported (required)"), translated; the English one if unknown."""
    english = MEANINGS.get(target) or TARGETS.get(target, "")
    return QCoreApplication.translate("ImportDialog", english)
