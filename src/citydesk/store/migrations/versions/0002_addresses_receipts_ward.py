"""Counter intake: the address list, receipt slip texts, and the ticket's ward/district.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from citydesk.store.types import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "address",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("text", sa.String(length=300), nullable=False),
        sa.Column("external_id", sa.String(length=60), nullable=True),
        sa.Column("ward", sa.String(length=60), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("street_key", sa.String(length=200), nullable=True),
        sa.Column("block", sa.Integer(), nullable=True),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("address", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_address_external_id"), ["external_id"], unique=False)
        batch_op.create_index("ix_address_street_block", ["street_key", "block"], unique=False)
    op.create_table(
        "receipt_text",
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("language", "key"),
    )
    # Plain ADD COLUMN: a batch (copy-and-move) of `ticket` would drop its FTS triggers.
    op.add_column("ticket", sa.Column("ward", sa.String(length=60), nullable=True))


def downgrade() -> None:
    """Revert this revision."""
    op.drop_column("ticket", "ward")  # native DROP COLUMN keeps the FTS triggers
    op.drop_table("receipt_text")
    with op.batch_alter_table("address", schema=None) as batch_op:
        batch_op.drop_index("ix_address_street_block")
        batch_op.drop_index(batch_op.f("ix_address_external_id"))
    op.drop_table("address")
