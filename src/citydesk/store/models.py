"""SQLAlchemy 2.0 typed models of the local database.

Synced tables: reference rows (office, device, department, category, app_user, city_setting),
requester, address and receipt_text (per-field clocks in `field_clock`), ticket (insert row; its
other columns are a cache folded from `timeline_entry`), timeline_entry (append-only) and contact_log.
Device-local tables: sync_state, number_counter, outbox, sent_journal, rejected_change, deferred_change,
local_setting. `ticket_reporter` is materialized from timeline entries.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from citydesk.store.types import UTCDateTime

ID = String(36)
# HLC stamps are 64-bit (wall ms << 16 | counter). SQLite's INTEGER already holds 64 bits, so its files
# keep the INTEGER columns 0001 made (no table rebuild, which would drop the search triggers); the type
# matters for other databases built from these models.
HLC = BigInteger


class Base(DeclarativeBase):
    """Declarative base with the UTC datetime type mapped for `datetime` annotations."""

    type_annotation_map = {datetime: UTCDateTime()}


# ---- reference data (synced rows, admin-only changes, never merged by name) -----------------


class Office(Base):
    """A city office (City Hall, Public Works, the police annex)."""

    __tablename__ = "office"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    code: Mapped[str] = mapped_column(String(5))
    name: Mapped[str] = mapped_column(String(120))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Device(Base):
    """A PC holding a replica; `number` comes from the server at enrolment, `tag` is local."""

    __tablename__ = "device"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    office_id: Mapped[str] = mapped_column(ForeignKey("office.id"))
    name: Mapped[str] = mapped_column(String(120))
    number: Mapped[int | None] = mapped_column(Integer)
    tag: Mapped[str] = mapped_column(String(3))
    created_at: Mapped[datetime]
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class Department(Base):
    """A city department that provides service (Public Works, IT, ...)."""

    __tablename__ = "department"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    code: Mapped[str] = mapped_column(String(12))
    name: Mapped[str] = mapped_column(String(120))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Category(Base):
    """A kind of request, owned by a department, with its target and intake script."""

    __tablename__ = "category"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    department_id: Mapped[str] = mapped_column(ForeignKey("department.id"))
    default_priority: Mapped[str] = mapped_column(String(3), default="P3")
    target_business_days: Mapped[int] = mapped_column(Integer, default=5)
    keywords: Mapped[str] = mapped_column(Text, default="")
    caller_script: Mapped[str] = mapped_column(Text, default="")
    intake_questions: Mapped[list[str]] = mapped_column(JSON, default=list)
    is_public: Mapped[bool] = mapped_column(Boolean, default=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class User(Base):
    """A person who signs in; the role decides what they may do."""

    __tablename__ = "app_user"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(12))
    department_id: Mapped[str | None] = mapped_column(ForeignKey("department.id"))
    office_id: Mapped[str | None] = mapped_column(ForeignKey("office.id"))
    email: Mapped[str | None] = mapped_column(String(254))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CitySetting(Base):
    """City-wide settings (name, time zone, holidays), copied from the server to every office."""

    __tablename__ = "city_setting"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


# ---- requesters (synced per field) -------------------------------------------------------------


class Requester(Base):
    """A citizen or staff member who asks for something."""

    __tablename__ = "requester"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), default="citizen")
    name: Mapped[str | None] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(40))
    phone_digits: Mapped[str | None] = mapped_column(String(20), index=True)
    email: Mapped[str | None] = mapped_column(String(254), index=True)
    address: Mapped[str | None] = mapped_column(String(300))
    department_id: Mapped[str | None] = mapped_column(ForeignKey("department.id"))
    preferred_language: Mapped[str] = mapped_column(String(8), default="en")
    reply_method: Mapped[str] = mapped_column(String(10), default="phone")
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    merged_into: Mapped[str | None] = mapped_column(ForeignKey("requester.id"))
    office_id: Mapped[str | None] = mapped_column(ForeignKey("office.id"))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    name_key: Mapped[str | None] = mapped_column(String(120), index=True)


class FieldClock(Base):
    """The clock of the last write to one field of a row without a timeline (last writer wins).

    The value pushed for a field is its current one, which may have been written by another user or
    pulled from the server, so the clock keeps that write's author and change id with its HLC and device.
    """

    __tablename__ = "field_clock"
    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(60), primary_key=True)
    field: Mapped[str] = mapped_column(String(60), primary_key=True)
    hlc: Mapped[int] = mapped_column(HLC)
    device_id: Mapped[str] = mapped_column(ID)
    # Who wrote the value and the change (outbox change id) that carried it; NULL for clocks written
    # before schema 0003 with no matching outbox row, and for the demo city (which never syncs).
    author_id: Mapped[str | None] = mapped_column(ID)
    change_id: Mapped[str | None] = mapped_column(ID)


# ---- tickets -----------------------------------------------------------------------------------


class Ticket(Base):
    """A request. Its insert row is synced; every other column is a cache of the timeline fold.

    `row_no` is an explicit INTEGER PRIMARY KEY (rowid alias, stable across VACUUM) used as the
    full-text index's rowid; `id` (UUIDv7) is the identity every other table and replica uses.
    """

    __tablename__ = "ticket"
    row_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(ID, unique=True)
    number: Mapped[str] = mapped_column(String(24), index=True)
    office_id: Mapped[str] = mapped_column(ForeignKey("office.id"))
    created_at: Mapped[datetime] = mapped_column(index=True)
    created_by: Mapped[str] = mapped_column(ForeignKey("app_user.id"))
    # folded fields
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="new")
    priority: Mapped[str] = mapped_column(String(3), default="P3")
    channel: Mapped[str] = mapped_column(String(12))
    category_id: Mapped[str | None] = mapped_column(ForeignKey("category.id"))
    department_id: Mapped[str | None] = mapped_column(ForeignKey("department.id"))
    location_text: Mapped[str | None] = mapped_column(String(300))
    address_id: Mapped[str | None] = mapped_column(ID)
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    ward: Mapped[str | None] = mapped_column(String(60))
    assignee_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
    escalation_level: Mapped[int] = mapped_column(Integer, default=0)
    due_override: Mapped[datetime | None]
    # derived (never synced)
    priority_rank: Mapped[int] = mapped_column(Integer, default=3)
    is_open: Mapped[bool] = mapped_column(Boolean, default=True)
    due_at: Mapped[datetime | None]
    updated_at: Mapped[datetime]
    first_response_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None] = mapped_column(index=True)
    resolved_by: Mapped[str | None] = mapped_column(ID)
    closed_at: Mapped[datetime | None]
    reopen_count: Mapped[int] = mapped_column(Integer, default=0)
    first_contact_resolution: Mapped[bool] = mapped_column(Boolean, default=False)
    time_spent_minutes: Mapped[int] = mapped_column(Integer, default=0)
    visit_at: Mapped[datetime | None] = mapped_column(index=True)
    visit_place: Mapped[str | None] = mapped_column(String(300))
    reporter_count: Mapped[int] = mapped_column(Integer, default=0)
    requester_name: Mapped[str | None] = mapped_column(String(120))
    resolution_reason: Mapped[str | None] = mapped_column(String(20))
    resolution_ref: Mapped[str | None] = mapped_column(String(200))

    __table_args__ = (
        Index(
            "ix_ticket_open_created",
            "created_at",
            sqlite_where=text("is_open = 1"),
            postgresql_where=text("is_open"),
        ),
        Index(
            "ix_ticket_open_priority",
            "priority_rank",
            "created_at",
            sqlite_where=text("is_open = 1"),
            postgresql_where=text("is_open"),
        ),
        Index(
            "ix_ticket_open_due", "due_at", sqlite_where=text("is_open = 1"), postgresql_where=text("is_open")
        ),
        Index("ix_ticket_assignee_open", "assignee_id", "is_open", "created_at"),
        Index("ix_ticket_department_open", "department_id", "is_open", "created_at"),
        Index("ix_ticket_status", "status", "created_at"),
        # sorting the whole table by a column (the ticket list re-sorts in SQL)
        Index("ix_ticket_priority_created", "priority_rank", "created_at"),
        Index("ix_ticket_requester_name", "requester_name"),
        Index("ix_ticket_due", "due_at"),
        # recurring problems: same category at the same place (weekly report)
        Index("ix_ticket_category_place", "category_id", text("lower(trim(location_text))"), "created_at"),
    )


class TimelineEntry(Base):
    """One append-only change to a ticket. Only a redaction may later blank `body`."""

    __tablename__ = "timeline_entry"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    ticket_id: Mapped[str] = mapped_column(ForeignKey("ticket.id"))
    kind: Mapped[str] = mapped_column(String(20))
    field: Mapped[str | None] = mapped_column(String(30))
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    detail: Mapped[Any] = mapped_column(JSON, nullable=True)
    body: Mapped[str | None] = mapped_column(Text)
    public: Mapped[bool] = mapped_column(Boolean, default=False)
    author_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"))
    office_id: Mapped[str] = mapped_column(ForeignKey("office.id"))
    device_id: Mapped[str] = mapped_column(ID)
    hlc: Mapped[int] = mapped_column(HLC)
    base_entry_id: Mapped[str | None] = mapped_column(ID)
    at: Mapped[datetime]
    redacted_by: Mapped[str | None] = mapped_column(ID)

    __table_args__ = (
        Index("ix_timeline_ticket", "ticket_id", "hlc"),
        Index("ix_timeline_kind_at", "kind", "at"),
    )


class TicketReporter(Base):
    """A person who reported a ticket (materialized from `created`/`reporter_added` entries)."""

    __tablename__ = "ticket_reporter"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    ticket_id: Mapped[str] = mapped_column(ForeignKey("ticket.id"), index=True)
    requester_id: Mapped[str | None] = mapped_column(ForeignKey("requester.id"), index=True)
    channel: Mapped[str] = mapped_column(String(12))
    reply_method: Mapped[str] = mapped_column(String(10))
    reported_at: Mapped[datetime]
    entry_id: Mapped[str] = mapped_column(ID)

    __table_args__ = (Index("ix_reporter_requester_at", "requester_id", "reported_at", "ticket_id"),)


class ContactLog(Base):
    """A counted contact without a ticket: a question answered on the spot or a status inquiry."""

    __tablename__ = "contact_log"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(12))
    category_id: Mapped[str | None] = mapped_column(ForeignKey("category.id"))
    ticket_id: Mapped[str | None] = mapped_column(ForeignKey("ticket.id"))
    summary: Mapped[str] = mapped_column(String(300), default="")
    author_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"))
    office_id: Mapped[str] = mapped_column(ForeignKey("office.id"))
    device_id: Mapped[str] = mapped_column(ID)
    hlc: Mapped[int] = mapped_column(HLC)
    at: Mapped[datetime] = mapped_column(index=True)


class Address(Base):
    """A known street address of the city (imported from CSV), with aliases and ward/district.

    Synced as a row with a clock per field, like requesters. `search_key` is the folded text of the
    address and all its aliases ("120 main st|city park"), `street_key` and `block` (house number
    // 100) find tickets on the same street and block.
    """

    __tablename__ = "address"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    text: Mapped[str] = mapped_column(String(300))
    external_id: Mapped[str | None] = mapped_column(String(60), index=True)
    ward: Mapped[str | None] = mapped_column(String(60))
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    street_key: Mapped[str | None] = mapped_column(String(200))
    block: Mapped[int | None] = mapped_column(Integer)
    search_key: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    __table_args__ = (Index("ix_address_street_block", "street_key", "block"),)


class ReceiptText(Base):
    """One admin-editable text of the receipt slip in one language ("es", "intro" -> "Gracias...")."""

    __tablename__ = "receipt_text"
    language: Mapped[str] = mapped_column(String(8), primary_key=True)
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime]


# ---- device-local state (never synced) ---------------------------------------------------------


class SyncState(Base):
    """The single row of this database's identity and counters."""

    __tablename__ = "sync_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    device_id: Mapped[str] = mapped_column(ID)
    office_id: Mapped[str] = mapped_column(ID)
    number_prefix: Mapped[str] = mapped_column(String(12))
    device_seq: Mapped[int] = mapped_column(Integer, default=0)
    hlc: Mapped[int] = mapped_column(HLC, default=0)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    server_url: Mapped[str | None] = mapped_column(String(300))
    server_epoch: Mapped[str | None] = mapped_column(String(60))
    pull_cursor: Mapped[str | None] = mapped_column(String(60))
    last_sync_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    # sync engine progress (schema 0004), committed with the rows each step covers
    pushed_seq: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    remote_hlc: Mapped[int] = mapped_column(HLC, default=0, server_default="0")
    clock_offset_ms: Mapped[int] = mapped_column(HLC, default=0, server_default="0")
    snapshot_cursor: Mapped[str | None] = mapped_column(String(60))
    snapshot_after: Mapped[str | None] = mapped_column(String(200))
    push_batch_id: Mapped[str | None] = mapped_column(ID)
    push_batch_last: Mapped[int | None] = mapped_column(Integer)
    device_number: Mapped[int | None] = mapped_column(Integer)
    last_attempt_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    # moves when reference rows or city settings change: each process drops its derived cache then
    reference_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class NumberCounter(Base):
    """The next ticket sequence for a number prefix; incremented in the creating transaction."""

    __tablename__ = "number_counter"
    prefix: Mapped[str] = mapped_column(String(12), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class Outbox(Base):
    """A local change waiting to be pushed. A reference to the row: the payload is read at push."""

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    change_id: Mapped[str] = mapped_column(ID, unique=True)
    op: Mapped[str] = mapped_column(String(10))
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(60))
    field: Mapped[str | None] = mapped_column(String(60))
    hlc: Mapped[int] = mapped_column(HLC)
    created_at: Mapped[datetime]


class SentJournal(Base):
    """Changes the server acknowledged, kept 90 days for re-push after a server restore."""

    __tablename__ = "sent_journal"
    change_id: Mapped[str] = mapped_column(ID, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    op: Mapped[str] = mapped_column(String(10))
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(60))
    field: Mapped[str | None] = mapped_column(String(60))
    hlc: Mapped[int] = mapped_column(HLC)
    batch_id: Mapped[str] = mapped_column(ID)
    acked_at: Mapped[datetime]


class RejectedChange(Base):
    """A local change the server refused, with its reason and the server's value (shown, not lost)."""

    __tablename__ = "rejected_change"
    change_id: Mapped[str] = mapped_column(ID, primary_key=True)
    op: Mapped[str] = mapped_column(String(10))
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(60))
    field: Mapped[str | None] = mapped_column(String(60))
    payload: Mapped[Any] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text)
    server_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    rejected_at: Mapped[datetime]


class DeferredChange(Base):
    """A pulled change that cannot apply yet: an orphan (waits for `depends_on`, "table:row id"), or
    a table, field or value from a newer schema (applied after a later migration)."""

    __tablename__ = "deferred_change"
    change_id: Mapped[str] = mapped_column(ID, primary_key=True)
    payload: Mapped[Any] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime]
    table_name: Mapped[str | None] = mapped_column(String(40))
    depends_on: Mapped[str | None] = mapped_column(String(120), index=True)


class SyncLease(Base):
    """The one-sync-at-a-time lease of this database (app, scheduler and CLI share it)."""

    __tablename__ = "sync_lease"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token: Mapped[str] = mapped_column(ID)
    holder: Mapped[str] = mapped_column(String(120))
    acquired_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class LocalSetting(Base):
    """Device-local preferences (last channel used, window state lives in QSettings)."""

    __tablename__ = "local_setting"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
