"""Identities of office databases: adoption codes, registered number prefixes, device sequences.

- `enrol_code` may adopt a standalone office (`adopt`, no office yet) and names the admin who issued it.
- `device` remembers an adoption (who vouched, through which sequence) and the identity that replaced it.
- `number_prefix` registers each (office code, tag) a database numbers tickets with.
- `device_sequence` records which change each (device, sequence) carried: a copied database shows up as
  the same pair with another change id.

Revision ID: s0002
Revises: s0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None

STAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("enrol_code") as batch:
        batch.alter_column("office_id", existing_type=sa.String(length=36), nullable=True)
        batch.add_column(sa.Column("adopt", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("issued_by", sa.String(length=36), nullable=True))
    with op.batch_alter_table("device") as batch:
        batch.add_column(sa.Column("adopted_by", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("adopt_through_seq", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("replaced_by", sa.String(length=36), nullable=True))
    op.create_table(
        "number_prefix",
        sa.Column("prefix", sa.String(length=12), nullable=False),
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("source", sa.String(length=12), nullable=False),
        sa.Column("registered_at", STAMP, nullable=False),
        sa.PrimaryKeyConstraint("prefix", name="pk_number_prefix"),
    )
    op.create_index("ix_number_prefix_device_id", "number_prefix", ["device_id"])
    op.create_table(
        "device_sequence",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("change_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "seq", name="pk_device_sequence"),
    )
    # Every enrolled device's prefix so far ("<OFFICE>-<number>"), so the registry is complete.
    op.execute(
        sa.text(
            "INSERT INTO number_prefix (prefix, office_id, device_id, source, registered_at) "
            "SELECT rs.data_code || '-' || d.tag, d.office_id, d.id, 'enrol', d.created_at "
            "FROM device d JOIN (SELECT row_id, "
            + _json_text("data", "code")
            + " AS data_code FROM row_state WHERE table_name = 'office') rs ON rs.row_id = d.office_id"
        )
    )


def _json_text(column: str, key: str) -> str:
    """SQL for a JSON document's text member on this database (SQLite or PostgreSQL)."""
    if op.get_bind().dialect.name == "postgresql":
        return f"({column}::jsonb ->> '{key}')"
    return f"json_extract({column}, '$.{key}')"


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table("device_sequence")
    op.drop_index("ix_number_prefix_device_id", table_name="number_prefix")
    op.drop_table("number_prefix")
    with op.batch_alter_table("device") as batch:
        for name in ("replaced_by", "adopt_through_seq", "adopted_by"):
            batch.drop_column(name)
    with op.batch_alter_table("enrol_code") as batch:
        batch.drop_column("issued_by")
        batch.drop_column("adopt")
        batch.alter_column("office_id", existing_type=sa.String(length=36), nullable=False)
