"""The server's first schema: meta, change log, rejections, row state, user history, devices, codes.

Revision ID: s0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0001"
down_revision = None
branch_labels = None
depends_on = None

SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
STAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "server_meta",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("epoch", sa.String(length=60), nullable=False),
        sa.Column("city", sa.String(length=120), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_server_meta"),
    )
    op.create_table(
        "change_log",
        sa.Column("seq", SEQ, autoincrement=True, nullable=False),
        sa.Column("change_id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=60), nullable=False),
        sa.Column("op", sa.String(length=10), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("clocks", sa.JSON(), nullable=True),
        sa.Column("pushed_by", sa.String(length=36), nullable=True),
        sa.Column("received_at", STAMP, nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_change_log"),
        sa.UniqueConstraint("change_id", name="uq_change_log_change_id"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "rejection",
        sa.Column("change_id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=60), nullable=False),
        sa.Column("op", sa.String(length=10), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("current", sa.JSON(), nullable=True),
        sa.Column("pushed_by", sa.String(length=36), nullable=True),
        sa.Column("rejected_at", STAMP, nullable=False),
        sa.PrimaryKeyConstraint("change_id", name="pk_rejection"),
    )
    op.create_index("ix_rejection_row", "rejection", ["table_name", "row_id"])
    op.create_table(
        "row_state",
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=60), nullable=False),
        sa.Column("parent_id", sa.String(length=60), nullable=True),
        sa.Column("ref_id", sa.String(length=60), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("clocks", sa.JSON(), nullable=True),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("change_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", name="pk_row_state"),
    )
    op.create_index("ix_row_state_parent", "row_state", ["table_name", "parent_id", "hlc"])
    op.create_index("ix_row_state_ref", "row_state", ["table_name", "ref_id"])
    op.create_table(
        "user_history",
        sa.Column("id", SEQ, autoincrement=True, nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_user_history"),
    )
    op.create_index("ix_user_history_user", "user_history", ["user_id", "hlc"])
    op.create_table(
        "device",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(length=3), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("credential_hash", sa.String(length=64), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("last_seen_at", STAMP, nullable=True),
        sa.Column("last_sync_at", STAMP, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_device"),
        sa.UniqueConstraint("credential_hash", name="uq_device_credential_hash"),
        sa.UniqueConstraint("office_id", "number", name="uq_device_office_id_number"),
    )
    op.create_table(
        "device_epoch",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("epoch", sa.String(length=60), nullable=False),
        sa.Column("acked_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "epoch", name="pk_device_epoch"),
    )
    op.create_table(
        "enrol_code",
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("expires_at", STAMP, nullable=False),
        sa.Column("used_at", STAMP, nullable=True),
        sa.Column("device_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("code_hash", name="pk_enrol_code"),
    )


def downgrade() -> None:
    """Revert this revision."""
    for table in ("enrol_code", "device_epoch", "device", "user_history", "row_state", "rejection",
                  "change_log", "server_meta"):  # fmt: skip
        op.drop_table(table)
