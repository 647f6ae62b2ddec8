"""Synced tables are written only by services, the sync path and the store's cache/index maintenance."""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "citydesk"
SYNCED_MODELS = (
    "Ticket", "TimelineEntry", "Requester", "Office", "Device", "Department", "Category", "User",
    "CitySetting", "ContactLog", "FieldClock", "Address", "ReceiptText",
)  # fmt: skip
SYNCED_TABLES = (
    "ticket", "timeline_entry", "requester", "office", "device", "department", "category", "app_user",
    "city_setting", "contact_log", "field_clock", "address", "receipt_text",
)  # fmt: skip
# Who may write synced tables: every service, the sync package, and the store's derived-cache
# refresh, full-text triggers, device identity on restore, and migrations.
ALLOWED = (
    "services/", "sync/", "store/ticket_cache.py", "store/fts.py", "store/backup.py", "store/migrations/",
    "store/statements.py",
)  # fmt: skip

ORM_WRITE = re.compile(r"\b(insert|update|delete)\(\s*(" + "|".join(SYNCED_MODELS) + r")\b")
SQL_WRITE = re.compile(r"(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(" + "|".join(SYNCED_TABLES) + r")\b", re.I)
SESSION_WRITE = re.compile(r"session\.(add|merge|delete)\(")


def test_no_writes_to_synced_tables_outside_services_and_sync() -> None:
    offenders = []
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith(ALLOWED):
            continue
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if ORM_WRITE.search(line) or SQL_WRITE.search(line) or SESSION_WRITE.search(line):
                offenders.append(f"{rel}:{number}: {line.strip()}")
    assert not offenders, "writes to synced tables outside services/ and sync/:\n" + "\n".join(offenders)


def test_the_rule_detects_a_write() -> None:
    assert ORM_WRITE.search("session.execute(update(Ticket).values(title='x'))")
    assert SQL_WRITE.search("conn.execute('UPDATE ticket SET title = 1')")
    assert not SQL_WRITE.search("UPDATE ticket_fts SET notes = ''")
