"""Prebuilt Core statements for the hot write path (compiled once, executed with parameters).

The `RUN_*` ones are compiled once more for the driver (`store.prepared`): what a transaction
opens with and what creating one ticket writes.
"""

from __future__ import annotations

from sqlalchemy import String, Table, bindparam, func, insert, literal_column, select, update

from citydesk.store.models import Base
from citydesk.store.prepared import Prepared, prepared_insert

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
SELECT_STATE = select(_S.device_id, _S.office_id, _S.hlc, _S.device_seq, _S.number_prefix, _S.clock_offset_ms)
# Reference rows or city settings changed: other processes drop what they derived from them.
BUMP_REFERENCE_VERSION = (
    update(SYNC_STATE)
    .where(SYNC_STATE.c.id == 1)
    .values(reference_version=SYNC_STATE.c.reference_version + 1)
)
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
REQUESTER_REPLY = select(
    REQUESTER.c.reply_method, REQUESTER.c.anonymous, REQUESTER.c.phone, REQUESTER.c.email, REQUESTER.c.address
).where(REQUESTER.c.id == bindparam("id"))
REQUESTER_FULL = select(
    REQUESTER.c.id,
    REQUESTER.c.merged_into,
    REQUESTER.c.reply_method,
    REQUESTER.c.name,
    REQUESTER.c.anonymous,
    REQUESTER.c.phone,
    REQUESTER.c.email,
    REQUESTER.c.address,
).where(REQUESTER.c.id == bindparam("id"))

# ---- the one-ticket write path, run on the driver cursor (store.prepared) --------------------------

# The transaction's first read: the device's counters and the acting user's role (one row).
STATE_AND_ACTOR = select(
    _S.device_id,
    _S.office_id,
    _S.hlc,
    _S.device_seq,
    _S.number_prefix,
    _S.clock_offset_ms,
    _S.reference_version,
    USER.c.role.label("actor_role"),
    USER.c.active.label("actor_active"),
).select_from(SYNC_STATE.outerjoin(USER, USER.c.id == bindparam("actor_id")))

# Everything a new ticket names, in one row: its category, department (given, else the category's),
# assignee and requester (NULL columns where one is not given or does not exist).
_ONE = select(literal_column("1").label("one")).subquery("one")
CREATE_REFERENCES = select(
    CATEGORY.c.id.label("category_id"),
    CATEGORY.c.department_id.label("category_department_id"),
    CATEGORY.c.default_priority,
    CATEGORY.c.target_business_days,
    CATEGORY.c.active.label("category_active"),
    DEPARTMENT.c.id.label("department_id"),
    USER.c.id.label("assignee_id"),
    USER.c.active.label("assignee_active"),
    REQUESTER.c.id.label("requester_id"),
    REQUESTER.c.merged_into,
    REQUESTER.c.reply_method,
    REQUESTER.c.name,
    REQUESTER.c.anonymous,
    REQUESTER.c.phone,
    REQUESTER.c.email,
    REQUESTER.c.address,
).select_from(
    _ONE.outerjoin(CATEGORY, CATEGORY.c.id == bindparam("category_id", type_=String))
    .outerjoin(
        DEPARTMENT,
        DEPARTMENT.c.id == func.coalesce(bindparam("department_id", type_=String), CATEGORY.c.department_id),
    )
    .outerjoin(USER, USER.c.id == bindparam("assignee_id", type_=String))
    .outerjoin(REQUESTER, REQUESTER.c.id == bindparam("requester_id", type_=String))
)

RUN_STATE_AND_ACTOR = Prepared(STATE_AND_ACTOR)
RUN_CREATE_REFERENCES = Prepared(CREATE_REFERENCES)
RUN_NEXT_SEQ = Prepared(NEXT_SEQ)
RUN_UPDATE_STATE = Prepared(UPDATE_STATE)
RUN_INSERT_TICKET = prepared_insert(TICKET, [c.name for c in TICKET.columns if c.name != "row_no"])
RUN_INSERT_ENTRY = prepared_insert(ENTRY, [c.name for c in ENTRY.columns])
RUN_INSERT_OUTBOX = prepared_insert(OUTBOX, [c.name for c in OUTBOX.columns])
RUN_INSERT_REPORTER = prepared_insert(REPORTER, [c.name for c in REPORTER.columns])
