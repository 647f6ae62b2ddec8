"""Sync: each field clock names the author and the change id of the write it records.

Existing clocks get the change id of the outbox row written with them (same table, row and HLC; the
field's own `update` row, else the row's `insert`), and a NULL author: who wrote a value before 0003
was never recorded. Clocks with no such outbox row (the demo city, which records none) keep NULL.

The 64-bit HLC columns need no change here: SQLite's INTEGER already stores 64 bits, and rebuilding a
table in a batch would drop the ticket search triggers. Only the model types say BigInteger.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# A temporary index makes the backfill one indexed look-up per clock instead of an outbox scan.
BACKFILL = """
UPDATE field_clock SET change_id = (
    SELECT o.change_id FROM outbox AS o
    WHERE o.table_name = field_clock.table_name AND o.row_id = field_clock.row_id
      AND o.hlc = field_clock.hlc
      AND (o.field = field_clock.field OR (o.op = 'insert' AND o.field IS NULL))
    ORDER BY o.field IS NULL, o.seq
    LIMIT 1
)
"""


def upgrade() -> None:
    """Apply this revision (plain ADD COLUMN: no table is rebuilt)."""
    op.add_column("field_clock", sa.Column("author_id", sa.String(length=36), nullable=True))
    op.add_column("field_clock", sa.Column("change_id", sa.String(length=36), nullable=True))
    op.execute("CREATE INDEX tmp_outbox_row_hlc ON outbox (table_name, row_id, hlc)")
    op.execute(BACKFILL)
    op.execute("DROP INDEX tmp_outbox_row_hlc")


def downgrade() -> None:
    """Revert this revision (native DROP COLUMN)."""
    op.drop_column("field_clock", "change_id")
    op.drop_column("field_clock", "author_id")
