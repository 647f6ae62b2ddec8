"""Alembic environment of the server database: runs on the connection citydesk hands over."""

from __future__ import annotations

from alembic import context

from citydesk.server.models import ServerBase

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=ServerBase.metadata,
    version_table="server_version",
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
