"""Prebuilt Core statements for the hot write path (compiled once, executed with parameters)."""

from __future__ import annotations

from sqlalchemy import Table, bindparam, insert, select, update

from citydesk.store.models import Base

TICKET: Table = Base.metadata.tables["ticket"]
ENTRY: Table = Base.metadata.tables["timeline_entry"]
OUTBOX: Table = Base.metadata.tables["outbox"]
SYNC_STATE: Table = Base.metadata.tables["sync_state"]
NUMBER_COUNTER: Table = Base.metadata.tables["number_counter"]
CATEGORY: Table = Base.metadata.tables["category"]
REQUESTER: Table = Base.metadata.tables["requester"]
REPORTER: Table = Base.metadata.tables["ticket_reporter"]
USER: Table = Base.metadata.tables["app_user"]
FIELD_CLOCK: Table = Base.metadata.tables["field_clock"]

# Columns the ticket cache refresh writes (everything folded or derived).
CACHE_COLUMNS: tuple[str, ...] = (
    "title", "description", "status", "priority", "priority_rank", "channel", "category_id",
    "department_id", "assignee_id", "escalation_level", "due_override", "is_open", "due_at", "updated_at",
    "first_response_at", "resolved_at", "resolved_by", "closed_at", "reopen_count",
    "first_contact_resolution", "time_spent_minutes", "visit_at", "visit_place", "reporter_count",
    "requester_name", "resolution_reason", "resolution_ref", "location_text", "address_id", "latitude",
    "longitude", "ward",
)  # fmt: skip


def _cache_update(columns: tuple[str, ...]) -> object:
    return (
        update(TICKET)
        .where(TICKET.c.id == bindparam("k_ticket_id"))
        .values({name: bindparam(f"v_{name}", type_=TICKET.c[name].type) for name in columns})
    )


UPDATE_CACHE = _cache_update(CACHE_COLUMNS)
UPDATE_CACHE_KEEP_NAME = _cache_update(tuple(c for c in CACHE_COLUMNS if c != "requester_name"))

INSERT_TICKET = insert(TICKET)
INSERT_ENTRY = insert(ENTRY)
INSERT_OUTBOX = insert(OUTBOX)
INSERT_REPORTER = insert(REPORTER)

SELECT_ENTRIES = select(ENTRY).where(ENTRY.c.ticket_id == bindparam("ticket_id"))
_S = SYNC_STATE.c
SELECT_STATE = select(_S.device_id, _S.office_id, _S.hlc, _S.device_seq, _S.number_prefix)
UPDATE_STATE = (
    update(SYNC_STATE)
    .where(SYNC_STATE.c.id == 1)
    .values(hlc=bindparam("v_hlc"), device_seq=bindparam("v_seq"))
)
NEXT_SEQ = (
    update(NUMBER_COUNTER)
    .where(NUMBER_COUNTER.c.prefix == bindparam("k_prefix"))
    .values(last_seq=NUMBER_COUNTER.c.last_seq + 1)
    .returning(NUMBER_COUNTER.c.last_seq)
)
CATEGORY_TARGET = select(CATEGORY.c.target_business_days).where(CATEGORY.c.id == bindparam("id"))
REQUESTER_NAME = select(REQUESTER.c.name, REQUESTER.c.anonymous, REQUESTER.c.merged_into).where(
    REQUESTER.c.id == bindparam("id")
)
REPORTER_IDS = select(REPORTER.c.id, REPORTER.c.requester_id).where(
    REPORTER.c.ticket_id == bindparam("ticket_id")
)
REPOINT_REPORTER = (
    update(REPORTER)
    .where(REPORTER.c.id == bindparam("k_id"))
    .values(requester_id=bindparam("v_requester_id"))
)
USER_ROLE = select(USER.c.role, USER.c.active).where(USER.c.id == bindparam("id"))
CATEGORY_ROW = select(
    CATEGORY.c.id,
    CATEGORY.c.department_id,
    CATEGORY.c.default_priority,
    CATEGORY.c.target_business_days,
    CATEGORY.c.active,
).where(CATEGORY.c.id == bindparam("id"))
DEPARTMENT = Base.metadata.tables["department"]
DEPARTMENT_EXISTS = select(DEPARTMENT.c.id).where(DEPARTMENT.c.id == bindparam("id"))
REQUESTER_LINK = select(REQUESTER.c.id, REQUESTER.c.merged_into).where(REQUESTER.c.id == bindparam("id"))
REQUESTER_REPLY = select(REQUESTER.c.reply_method).where(REQUESTER.c.id == bindparam("id"))
REQUESTER_FULL = select(
    REQUESTER.c.id, REQUESTER.c.merged_into, REQUESTER.c.reply_method, REQUESTER.c.name, REQUESTER.c.anonymous
).where(REQUESTER.c.id == bindparam("id"))
