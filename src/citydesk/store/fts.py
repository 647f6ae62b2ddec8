"""The full-text index: one FTS5 row per ticket, kept current by SQL triggers.

The triggers index rows written by any path (services, sync apply, bulk). Bulk paths drop them
inside their transaction, write, rebuild the new tickets' rows and create them again.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

CREATE_TABLE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS ticket_fts USING fts5("
    "number, title, description, location, reporters, notes, "
    "tokenize = 'unicode61 remove_diacritics 2')"
)

_REPORTER_TEXT = (
    "coalesce(q.name, '') || ' ' || coalesce(q.phone, '') || ' ' || coalesce(q.phone_digits, '')"
    " || ' ' || coalesce(q.email, '')"
)


def _reporters_of(row_no_sql: str) -> str:
    return (
        f"coalesce((SELECT group_concat({_REPORTER_TEXT}, ' ') FROM ticket_reporter r "
        "JOIN requester q ON q.id = r.requester_id JOIN ticket t ON t.id = r.ticket_id "
        f"WHERE t.row_no = {row_no_sql}), '')"
    )


def _notes_of(ticket_id_sql: str) -> str:
    return (
        "coalesce((SELECT group_concat(e.body, ' ') FROM timeline_entry e "
        f"WHERE e.ticket_id = {ticket_id_sql} AND e.body IS NOT NULL AND e.body != ''), '')"
    )


_ROW_OF = "(SELECT row_no FROM ticket WHERE id = new.ticket_id)"

TRIGGERS: dict[str, str] = {
    "ticket_fts_ai": (
        "CREATE TRIGGER ticket_fts_ai AFTER INSERT ON ticket BEGIN "
        "INSERT INTO ticket_fts(rowid, number, title, description, location, reporters, notes) "
        "VALUES (new.row_no, new.number, new.title, new.description, coalesce(new.location_text, ''), "
        "'', ''); END"
    ),
    "ticket_fts_au": (
        "CREATE TRIGGER ticket_fts_au AFTER UPDATE OF title, description, location_text ON ticket "
        "WHEN old.title IS NOT new.title OR old.description IS NOT new.description "
        "OR old.location_text IS NOT new.location_text BEGIN "
        "UPDATE ticket_fts SET title = new.title, description = new.description, "
        "location = coalesce(new.location_text, '') WHERE rowid = new.row_no; END"
    ),
    "entry_fts_ai": (
        "CREATE TRIGGER entry_fts_ai AFTER INSERT ON timeline_entry "
        "WHEN new.body IS NOT NULL AND new.body != '' BEGIN "
        f"UPDATE ticket_fts SET notes = notes || ' ' || new.body WHERE rowid = {_ROW_OF}; END"
    ),
    "entry_fts_au": (
        "CREATE TRIGGER entry_fts_au AFTER UPDATE OF body ON timeline_entry BEGIN "
        f"UPDATE ticket_fts SET notes = {_notes_of('new.ticket_id')} WHERE rowid = {_ROW_OF}; END"
    ),
    "reporter_fts_ai": (
        "CREATE TRIGGER reporter_fts_ai AFTER INSERT ON ticket_reporter BEGIN "
        f"UPDATE ticket_fts SET reporters = {_reporters_of('ticket_fts.rowid')} WHERE rowid = {_ROW_OF}; END"
    ),
    "reporter_fts_au": (
        "CREATE TRIGGER reporter_fts_au AFTER UPDATE OF requester_id ON ticket_reporter BEGIN "
        f"UPDATE ticket_fts SET reporters = {_reporters_of('ticket_fts.rowid')} WHERE rowid = {_ROW_OF}; END"
    ),
    "requester_fts_au": (
        "CREATE TRIGGER requester_fts_au AFTER UPDATE OF name, phone, email ON requester BEGIN "
        f"UPDATE ticket_fts SET reporters = {_reporters_of('ticket_fts.rowid')} "
        "WHERE rowid IN (SELECT t.row_no FROM ticket t JOIN ticket_reporter r ON r.ticket_id = t.id "
        "WHERE r.requester_id = new.id); END"
    ),
}


def create(conn: Connection) -> None:
    """Create the FTS table and its triggers."""
    conn.exec_driver_sql(CREATE_TABLE)
    create_triggers(conn)


def create_triggers(conn: Connection) -> None:
    """Create (again) every FTS trigger."""
    for sql in TRIGGERS.values():
        conn.exec_driver_sql(sql)


def drop_triggers(conn: Connection) -> None:
    """Suspend indexing: drop every FTS trigger (inside the caller's transaction)."""
    for name in TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


def rebuild_from(conn: Connection, min_row_no: int) -> None:
    """Re-index every ticket with row_no >= min_row_no from the tables."""
    conn.execute(text("DELETE FROM ticket_fts WHERE rowid >= :m"), {"m": min_row_no})
    conn.execute(
        text(
            "INSERT INTO ticket_fts(rowid, number, title, description, location, reporters, notes) "
            "SELECT tk.row_no, tk.number, tk.title, tk.description, coalesce(tk.location_text, ''), "
            f"{_reporters_of('tk.row_no')}, {_notes_of('tk.id')} FROM ticket tk WHERE tk.row_no >= :m"
        ),
        {"m": min_row_no},
    )


def reindex_tickets(conn: Connection, ticket_ids: list[str]) -> None:
    """Recompute the search rows of the given tickets from the tables (after a removal the triggers do
    not see: a ticket's reporter rows or entries taken back by a rejected change)."""
    for start in range(0, len(ticket_ids), 500):
        chunk = ticket_ids[start : start + 500]
        marks = ", ".join(f":t{i}" for i in range(len(chunk)))
        params = {f"t{i}": t for i, t in enumerate(chunk)}
        conn.execute(
            text(f"DELETE FROM ticket_fts WHERE rowid IN (SELECT row_no FROM ticket WHERE id IN ({marks}))"),
            params,
        )
        conn.execute(
            text(
                "INSERT INTO ticket_fts(rowid, number, title, description, location, reporters, notes) "
                "SELECT tk.row_no, tk.number, tk.title, tk.description, coalesce(tk.location_text, ''), "
                f"{_reporters_of('tk.row_no')}, {_notes_of('tk.id')} FROM ticket tk WHERE tk.id IN ({marks})"
            ),
            params,
        )


def delete_tickets(conn: Connection, ticket_ids: list[str]) -> None:
    """Remove the search rows of tickets about to be deleted (a rejected ticket insert)."""
    for ticket_id in ticket_ids:
        conn.execute(
            text("DELETE FROM ticket_fts WHERE rowid IN (SELECT row_no FROM ticket WHERE id = :t)"),
            {"t": ticket_id},
        )


def row_text(conn: Connection, ticket_id: str) -> dict[str, str] | None:
    """A ticket's search row as stored (None without one), for checks against `rebuilt_text`."""
    row = conn.execute(
        text(
            "SELECT f.number, f.title, f.description, f.location, f.reporters, f.notes FROM ticket_fts f "
            "JOIN ticket t ON t.row_no = f.rowid WHERE t.id = :t"
        ),
        {"t": ticket_id},
    ).one_or_none()
    return None if row is None else dict(row._mapping)


def rebuilt_text(conn: Connection, ticket_id: str) -> dict[str, str] | None:
    """A ticket's search row as a rebuild from the tables would write it."""
    row = conn.execute(
        text(
            "SELECT tk.number, tk.title, tk.description, coalesce(tk.location_text, '') AS location, "
            f"{_reporters_of('tk.row_no')} AS reporters, {_notes_of('tk.id')} AS notes "
            "FROM ticket tk WHERE tk.id = :t"
        ),
        {"t": ticket_id},
    ).one_or_none()
    return None if row is None else dict(row._mapping)


def drop(conn: Connection) -> None:
    """Remove the FTS table and triggers (downgrade)."""
    drop_triggers(conn)
    conn.exec_driver_sql("DROP TABLE IF EXISTS ticket_fts")
