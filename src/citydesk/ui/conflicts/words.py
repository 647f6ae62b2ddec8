"""Conflicts and refused changes in plain words (what the window, the banner and screen readers say)."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from citydesk.services.conflicts import Conflict, ConflictSide
from citydesk.store.rejected import RejectedView
from citydesk.ui.conflicts.tracker import Names
from citydesk.ui.detail.view import local_text, priority_text, status_text


def tr(text: str) -> str:
    """Translate `text` in the Conflicts window's context."""
    return QCoreApplication.translate("Conflicts", text)


def field_label(field: str | None) -> str:
    """A ticket field in words ("the priority")."""
    labels = {
        "priority": tr("the priority"),
        "status": tr("the status"),
        "assignee_id": tr("who it is assigned to"),
        "title": tr("the title"),
        "description": tr("the description"),
        "department_id": tr("the department"),
        "category_id": tr("the category"),
        "escalation_level": tr("the escalation level"),
        "location": tr("the location"),
    }
    return labels.get(field or "", field or tr("the ticket"))


def value_text(field: str | None, value: Any, names: Names) -> str:
    """A field's value in words ("P1 Critical", "Tomas", "Unassigned", "“Pothole on Main”")."""
    if field == "priority" and value is not None:
        return priority_text(str(value))[0]
    if field == "status" and value is not None:
        return status_text(str(value))
    if field == "assignee_id":
        return names.users.get(str(value), tr("a former user")) if value else tr("Unassigned")
    if value is None or value == "":
        return tr("nothing")
    if isinstance(value, dict):
        value = value.get("text") or ""
    text = str(value)
    return "“" + (text if len(text) <= 80 else text[:79] + "…") + "”"


def side_text(field: str, side: ConflictSide, names: Names) -> str:
    """One side: "P1 Critical — set by Tomas at City Hall (CLK), Mon 16 Nov 2026, 09:05 CST"."""
    who = side.author_name or names.users.get(side.author_id, tr("someone"))
    office = names.offices.get(side.office_id or "", tr("another office"))
    when = local_text(side.at, ZoneInfo(names.tz_name))
    return tr("{0} — set by {1} at {2}, {3}").format(value_text(field, side.value, names), who, office, when)


def conflict_summary(conflict: Conflict, names: Names) -> str:
    """One line: "CLK-1-000001: two offices changed the priority at the same time (P2 High is shown)"."""
    shown = value_text(conflict.field, conflict.entries[-1].value, names)
    count = len(conflict.entries)
    people = tr("two offices") if count == 2 else tr("{0} offices").format(count)
    return tr("{0}: {1} changed {2} at the same time ({3} is shown now)").format(
        conflict.number, people, field_label(conflict.field), shown
    )


def conflict_text(conflict: Conflict, names: Names) -> str:
    """The whole conflict in words: the summary, then each side on a line of its own."""
    sides = "".join(f"\n    • {side_text(conflict.field, s, names)}" for s in conflict.entries)
    return f"{conflict_summary(conflict, names)}:{sides}"


REASONS = {
    "not_permitted": QT_TRANSLATE_NOOP(
        "Conflicts", "The person who made it is not allowed to make this change."
    ),
    "author_inactive": QT_TRANSLATE_NOOP(
        "Conflicts", "The person who made it had been disabled by the administrator before it was made."
    ),
    "unknown_author": QT_TRANSLATE_NOOP("Conflicts", "The server does not know the person who made it."),
    "depends_on_rejected": QT_TRANSLATE_NOOP(
        "Conflicts", "It belongs to another change that was not accepted."
    ),
    "system_author": QT_TRANSLATE_NOOP(
        "Conflicts", "Changes from an office PC cannot be made in the system's name."
    ),
}


# What a refused timeline entry added ("Adding a note to CLK-1-000001"), by its kind.
ENTRY_WORDS = {
    "created": QT_TRANSLATE_NOOP("Conflicts", "a new ticket"),
    "note": QT_TRANSLATE_NOOP("Conflicts", "a note"),
    "call": QT_TRANSLATE_NOOP("Conflicts", "a call"),
    "status": QT_TRANSLATE_NOOP("Conflicts", "a status change"),
    "priority": QT_TRANSLATE_NOOP("Conflicts", "a priority change"),
    "assignment": QT_TRANSLATE_NOOP("Conflicts", "an assignment"),
    "edit": QT_TRANSLATE_NOOP("Conflicts", "an edit"),
    "escalation": QT_TRANSLATE_NOOP("Conflicts", "an escalation"),
    "time_spent": QT_TRANSLATE_NOOP("Conflicts", "time spent"),
    "appointment": QT_TRANSLATE_NOOP("Conflicts", "a visit"),
    "reporter_added": QT_TRANSLATE_NOOP("Conflicts", "another reporter"),
    "resolution": QT_TRANSLATE_NOOP("Conflicts", "a resolution"),
    "reopen": QT_TRANSLATE_NOOP("Conflicts", "a reopening"),
    "redaction": QT_TRANSLATE_NOOP("Conflicts", "a redaction"),
    "reporter_merged": QT_TRANSLATE_NOOP("Conflicts", "a requester merge"),
}
# The record a refused change to another table was about ("Changing the name of a requester record…").
RECORD_WORDS = {
    "requester": QT_TRANSLATE_NOOP("Conflicts", "a requester record"),
    "address": QT_TRANSLATE_NOOP("Conflicts", "an address record"),
    "receipt_text": QT_TRANSLATE_NOOP("Conflicts", "a receipt text record"),
    "contact_log": QT_TRANSLATE_NOOP("Conflicts", "a counted contact record"),
    "office": QT_TRANSLATE_NOOP("Conflicts", "an office record"),
    "department": QT_TRANSLATE_NOOP("Conflicts", "a department record"),
    "category": QT_TRANSLATE_NOOP("Conflicts", "a category record"),
    "app_user": QT_TRANSLATE_NOOP("Conflicts", "a user record"),
    "city_setting": QT_TRANSLATE_NOOP("Conflicts", "a city setting record"),
}


def reason_words(code: str) -> str:
    """Why the server refused a change, in plain words."""
    found = REASONS.get(code)
    return tr(found) if found else tr("The city's server did not accept it.")


def attempted_text(item: RejectedView, names: Names) -> str:
    """What the refused change tried to do."""
    where = item.ticket_number or tr("a ticket")
    if item.table == "ticket":
        return tr("Logging ticket {0}").format(where)
    if item.table == "timeline_entry":
        if item.field:
            return tr("Changing {0} of {1} to {2}").format(
                field_label(item.field), where, value_text(item.field, item.attempted, names)
            )
        found = ENTRY_WORDS.get(item.entry_kind or "")
        kind = tr(found) if found else tr("a {0}").format((item.entry_kind or "change").replace("_", " "))
        return tr("Adding {0} to {1}").format(kind, where)
    record = RECORD_WORDS.get(item.table)
    what = tr(record) if record else tr("a {0} record").format(item.table.replace("_", " "))
    return tr("Changing {0} of {1} to {2}").format(
        field_label(item.field), what, value_text(item.field, item.attempted, names)
    )


def kept_text(item: RejectedView, names: Names) -> str:
    """What was kept instead."""
    if item.table == "ticket":
        return tr("Kept instead: nothing — the ticket was not added to the city's records.")
    if item.field is None:
        if item.body:
            return tr("Kept instead: nothing — the text was: “{0}”").format(item.body)
        return tr("Kept instead: nothing.")
    if item.table == "timeline_entry" and item.ticket_number is None:
        return tr("Kept instead: nothing — the ticket is not here.")
    return tr("Kept instead: {0}.").format(value_text(item.field, item.kept, names))


def rejected_text(item: RejectedView, names: Names) -> str:
    """A refused change in words, one line each: what, by whom and when; why (plain, then the server's
    words); what was kept instead."""
    when = local_text(item.rejected_at, ZoneInfo(names.tz_name))
    who = item.author_name or tr("someone")
    head = tr("{0} (by {1}) was not accepted by the city's server on {2}.").format(
        attempted_text(item, names), who, when
    )
    why = reason_words(item.code)
    detail = " " + tr("(the server's words: “{0}”)").format(item.reason) if item.reason else ""
    why_label = tr("Why:")
    return f"{head}\n    {why_label} {why}{detail}\n    {kept_text(item, names)}"
