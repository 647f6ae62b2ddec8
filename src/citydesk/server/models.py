"""SQLAlchemy 2.0 typed models of the server database (its own metadata and Alembic chain).

The server keeps the change log (every accepted change in commit order), each change's verdict when it
was refused, the merged current state of every synced row (`row_state`, for snapshots and for the
`current` value of a refusal), each user's role and active history (authorization at a change's HLC),
the enrolled devices with their credential hashes, each device's acknowledged sequence per epoch and
the one-time enrolment codes. Column types work on SQLite and PostgreSQL alike: HLCs and sequences are
BIGINT, documents are JSON.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from citydesk.store.types import UTCDateTime

ID = String(36)
HLC = BigInteger
# An auto-incrementing 64-bit key: SQLite only auto-increments an INTEGER PRIMARY KEY.
SEQ = BigInteger().with_variant(Integer(), "sqlite")

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "pk": "pk_%(table_name)s",
}


class ServerBase(DeclarativeBase):
    """Declarative base of the server's tables (not the client's `Base`)."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime()}


class ServerMeta(ServerBase):
    """The one row of this server: its epoch (new after a restore), city, and HLC."""

    __tablename__ = "server_meta"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    epoch: Mapped[str] = mapped_column(String(60))
    city: Mapped[str] = mapped_column(String(120))
    hlc: Mapped[int] = mapped_column(HLC, default=0)
    created_at: Mapped[datetime]


class ChangeLog(ServerBase):
    """Every accepted change, in commit order (`seq`); pulls read it after a cursor.

    `device_id` is the change's own device (the clock tie-break); `pushed_by` is the authenticated
    device that pushed it (None for the server's admin commands).
    """

    __tablename__ = "change_log"
    seq: Mapped[int] = mapped_column(SEQ, primary_key=True, autoincrement=True)
    change_id: Mapped[str] = mapped_column(ID, unique=True)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(60))
    op: Mapped[str] = mapped_column(String(10))
    hlc: Mapped[int] = mapped_column(HLC)
    device_id: Mapped[str] = mapped_column(ID)
    author_id: Mapped[str] = mapped_column(ID)
    data: Mapped[Any] = mapped_column(JSON)
    fields: Mapped[Any] = mapped_column(JSON)
    clocks: Mapped[Any] = mapped_column(JSON, nullable=True)
    pushed_by: Mapped[str | None] = mapped_column(ID)
    received_at: Mapped[datetime]

    __table_args__ = ({"sqlite_autoincrement": True},)


class Rejection(ServerBase):
    """A change the server refused: its code, reason and the server's value then (a duplicate of the
    change gets this same verdict)."""

    __tablename__ = "rejection"
    change_id: Mapped[str] = mapped_column(ID, primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(60))
    op: Mapped[str] = mapped_column(String(10))
    code: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text)
    current: Mapped[Any] = mapped_column(JSON, nullable=True)
    pushed_by: Mapped[str | None] = mapped_column(ID)
    rejected_at: Mapped[datetime]

    __table_args__ = (Index("ix_rejection_row", "table_name", "row_id"),)


class RowState(ServerBase):
    """The merged current state of one synced row: its values (`data`), each field's clock (`clocks`,
    last-writer-wins rows) or the envelope of the insert or entry that carried it.

    `parent_id` is the ticket of a timeline entry; `ref_id` the entry a redaction blanks. An entry is
    kept with its body blanked once redacted.
    """

    __tablename__ = "row_state"
    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(60), primary_key=True)
    parent_id: Mapped[str | None] = mapped_column(String(60))
    ref_id: Mapped[str | None] = mapped_column(String(60))
    data: Mapped[Any] = mapped_column(JSON)
    clocks: Mapped[Any] = mapped_column(JSON, nullable=True)
    hlc: Mapped[int] = mapped_column(HLC)
    device_id: Mapped[str] = mapped_column(ID)
    author_id: Mapped[str] = mapped_column(ID)
    change_id: Mapped[str] = mapped_column(ID)

    __table_args__ = (
        Index("ix_row_state_parent", "table_name", "parent_id", "hlc"),
        Index("ix_row_state_ref", "table_name", "ref_id"),
    )


class UserHistory(ServerBase):
    """One accepted write of a user's role or active flag at an HLC (None: that write left it alone).

    A user's role and state at HLC h are those of the latest write at or before h (last writer wins).
    """

    __tablename__ = "user_history"
    id: Mapped[int] = mapped_column(SEQ, primary_key=True, autoincrement=True)
    user_id: Mapped[str] = mapped_column(ID)
    hlc: Mapped[int] = mapped_column(HLC)
    device_id: Mapped[str] = mapped_column(ID)
    role: Mapped[str | None] = mapped_column(String(12))
    active: Mapped[bool | None] = mapped_column(Boolean)

    __table_args__ = (Index("ix_user_history_user", "user_id", "hlc"),)


class Device(ServerBase):
    """An enrolled PC: its number (unique in its office), credential hash and activity."""

    __tablename__ = "device"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    office_id: Mapped[str] = mapped_column(ID)
    number: Mapped[int] = mapped_column(Integer)
    tag: Mapped[str] = mapped_column(String(3))
    name: Mapped[str] = mapped_column(String(120))
    credential_hash: Mapped[str] = mapped_column(String(64), unique=True)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]
    last_seen_at: Mapped[datetime | None]
    last_sync_at: Mapped[datetime | None]
    # an adopted standalone office: the admin who vouched, and its changes up to this sequence
    adopted_by: Mapped[str | None] = mapped_column(ID)
    adopt_through_seq: Mapped[int | None] = mapped_column(BigInteger)
    # a copied database given a new identity: the device that took over (this one's credential stays)
    replaced_by: Mapped[str | None] = mapped_column(ID)

    __table_args__ = (UniqueConstraint("office_id", "number"),)


class DeviceEpoch(ServerBase):
    """The highest device sequence acknowledged to a device in an epoch (the gap check)."""

    __tablename__ = "device_epoch"
    device_id: Mapped[str] = mapped_column(ID, primary_key=True)
    epoch: Mapped[str] = mapped_column(String(60), primary_key=True)
    acked_seq: Mapped[int] = mapped_column(BigInteger)


class EnrolCode(ServerBase):
    """A one-time enrolment code (only its SHA-256 is kept), for one office, until it expires.

    An adoption code (`adopt`) has no office: the standalone office it adopts brings its own row.
    `issued_by` is the server admin whose authority an adoption's pushed rows carry.
    """

    __tablename__ = "enrol_code"
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    office_id: Mapped[str | None] = mapped_column(ID)
    adopt: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    issued_by: Mapped[str | None] = mapped_column(ID)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    device_id: Mapped[str | None] = mapped_column(ID)


class NumberPrefix(ServerBase):
    """A ticket-number prefix ("<OFFICE>-<TAG>") registered to one database identity: at enrolment,
    adoption and every new identity (`source`: "enrol", "adopt" or "reidentify")."""

    __tablename__ = "number_prefix"
    prefix: Mapped[str] = mapped_column(String(12), primary_key=True)
    office_id: Mapped[str] = mapped_column(ID)
    device_id: Mapped[str] = mapped_column(ID, index=True)
    source: Mapped[str] = mapped_column(String(12))
    registered_at: Mapped[datetime]


class DeviceSequence(ServerBase):
    """The change a device's own sequence number carried (a copy reuses the pair with another id)."""

    __tablename__ = "device_sequence"
    device_id: Mapped[str] = mapped_column(ID, primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    change_id: Mapped[str] = mapped_column(ID)


class DeviceFileKey(ServerBase):
    """The Ed25519 public key a device signs its sync files with (sync by file): registered by
    `device enrol-file` or by the device over HTTP (`source`: "enrol-file" or "http")."""

    __tablename__ = "device_file_key"
    device_id: Mapped[str] = mapped_column(ID, primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(12))
    registered_at: Mapped[datetime]


def core_table(name: str) -> Table:
    """The Core table of a model (bulk inserts skip the ORM's per-row work)."""
    return ServerBase.metadata.tables[name]
