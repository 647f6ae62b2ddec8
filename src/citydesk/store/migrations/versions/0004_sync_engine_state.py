"""Sync engine state: push, pull and snapshot progress, clock offset, the sync lease, parked changes.

`sync_state` gains what the engine must commit with the rows it covers: the highest device sequence
the server acknowledged in this epoch, the highest HLC pushed or received, the PC clock's measured
offset, the snapshot in progress (its start cursor and position), the batch in flight (retried with
the same id), the device number the server gave, the last attempt and error, and a counter of changes to reference
rows and city settings (`reference_version`: every process drops what it derived from them when it
moves, so the app notices what `citydesk sync` applied). `sync_lease` holds the
one-sync-at-a-time lease shared by the app, its scheduler and the CLI. `deferred_change` says what a
parked change waits for. All plain ADD COLUMN or CREATE TABLE: no table is rebuilt.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_STATE_COLUMNS = (
    sa.Column("pushed_seq", sa.Integer(), nullable=False, server_default="0"),
    sa.Column("remote_hlc", sa.BigInteger(), nullable=False, server_default="0"),
    sa.Column("clock_offset_ms", sa.BigInteger(), nullable=False, server_default="0"),
    sa.Column("snapshot_cursor", sa.String(length=60), nullable=True),
    sa.Column("snapshot_after", sa.String(length=200), nullable=True),
    sa.Column("push_batch_id", sa.String(length=36), nullable=True),
    sa.Column("push_batch_last", sa.Integer(), nullable=True),
    sa.Column("device_number", sa.Integer(), nullable=True),
    sa.Column("last_attempt_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("last_error", sa.Text(), nullable=True),
    sa.Column("reference_version", sa.Integer(), nullable=False, server_default="0"),
)


def upgrade() -> None:
    """Apply this revision."""
    for column in _STATE_COLUMNS:
        op.add_column("sync_state", column)
    op.add_column("deferred_change", sa.Column("table_name", sa.String(length=40), nullable=True))
    op.add_column("deferred_change", sa.Column("depends_on", sa.String(length=120), nullable=True))
    op.create_index("ix_deferred_change_depends_on", "deferred_change", ["depends_on"])
    op.create_table(
        "sync_lease",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=36), nullable=False),
        sa.Column("holder", sa.String(length=120), nullable=False),
        sa.Column("acquired_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table("sync_lease")
    op.drop_index("ix_deferred_change_depends_on", "deferred_change")
    op.drop_column("deferred_change", "depends_on")
    op.drop_column("deferred_change", "table_name")
    for column in reversed(_STATE_COLUMNS):
        op.drop_column("sync_state", column.name)
