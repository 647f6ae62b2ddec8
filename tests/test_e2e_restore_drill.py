"""End to end, the restore drill: the real `citydesk-server` process, three office databases driven by the
`citydesk` CLI, a backup taken while the server runs, work done after it, and the server restored from
that older backup (`citydesk-server restore`, a new epoch). Every office syncs again and re-pushes what
the server lost (its own sent journal, and what it had pulled from the others); all three end equal,
with every ticket, note and number they had before the restore.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select

from citydesk.domain.clock import SystemClock
from citydesk.store.db import open_database
from citydesk.store.models import Ticket, TimelineEntry
from server_process import (
    ServerProcess,
    add_ticket,
    checked,
    citydesk,
    office,
    server_cli,
    serving_copy,
    set_up_city,
    user,
)
from server_process import enrol_office as enrol

pytestmark = pytest.mark.slow

OFFICES = {"a": ("CLK", "carla"), "b": ("PD", "pete"), "c": ("LIB", "lena")}


@pytest.fixture(scope="module")
def city_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A server database with three offices and a clerk in each, set up by `citydesk-server` commands."""
    return set_up_city(
        tmp_path_factory.mktemp("city"),
        office("CLK", "City Hall"),
        office("PD", "Police annex"),
        office("LIB", "Library"),
        user("carla", "clerk", "CLK"),
        user("pete", "clerk", "PD"),
        user("lena", "clerk", "LIB"),
    )


@pytest.fixture
def server(tmp_path: Path, city_template: Path) -> Iterator[ServerProcess]:
    """`citydesk-server serve` on a copy of the set-up city, on a free port."""
    with serving_copy(tmp_path, city_template) as process:
        yield process


def add_note(tmp_path: Path, path: str, user: str, number: str, text: str) -> None:
    """`citydesk ticket note`."""
    checked(citydesk(tmp_path, "ticket", "note", number, "--text", text, "--user", user, "--database", path))


def sync(tmp_path: Path, path: str) -> str:
    """`citydesk sync`, which must succeed; its output."""
    return checked(citydesk(tmp_path, "sync", "--database", path))


def pending(tmp_path: Path, path: str) -> int:
    """Changes waiting to be sent (`citydesk sync-status --json`)."""
    return int(
        json.loads(checked(citydesk(tmp_path, "sync-status", "--json", "--database", path)))["pending"]
    )


def server_tickets(server: ServerProcess) -> int:
    """Tickets the server database holds (its merged rows)."""
    path = server.database_url.removeprefix("sqlite+pysqlite:///")
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return int(conn.execute("SELECT count(*) FROM row_state WHERE table_name = 'ticket'").fetchone()[0])


Timeline = list[tuple[str, str, str | None]]


def replica(path: str) -> tuple[dict[str, tuple[str, str]], dict[str, Timeline]]:
    """What an office holds: ticket number -> (title, status), and each ticket's timeline as
    (entry id, kind, body) in timeline order."""
    db = open_database(path, clock=SystemClock(), read_only=True)
    try:
        with db.read() as session:
            tickets = {
                row.number: (row.title, row.status)
                for row in session.execute(select(Ticket.number, Ticket.title, Ticket.status))
            }
            timelines: dict[str, Timeline] = {n: [] for n in tickets}
            rows = session.execute(
                select(Ticket.number, TimelineEntry.id, TimelineEntry.kind, TimelineEntry.body)
                .join(Ticket, Ticket.id == TimelineEntry.ticket_id)
                .order_by(Ticket.number, TimelineEntry.hlc, TimelineEntry.id)
            )
            for number, entry_id, kind, body in rows:
                timelines[number].append((entry_id, kind, body))
        return tickets, timelines
    finally:
        db.close()


def test_a_server_restored_from_an_older_backup_gets_back_what_it_lost(
    tmp_path: Path, server: ServerProcess
) -> None:
    paths = {name: enrol(tmp_path, server, office, name) for name, (office, _user) in OFFICES.items()}
    users = {name: user for name, (_office, user) in OFFICES.items()}
    titles: dict[str, str] = {}  # number (as printed on each receipt) -> title

    # Before the backup: one ticket per office, everyone in sync.
    for name, path in paths.items():
        title = f"Pothole before the backup ({name})"
        titles[add_ticket(tmp_path, path, users[name], title)] = title
    for name in ("a", "b", "c", "a", "b"):
        sync(tmp_path, paths[name])
    before = {name: replica(path) for name, path in paths.items()}
    assert before["a"] == before["b"] == before["c"]

    backup = tmp_path / "backup.sqlite"
    checked(server_cli(tmp_path, "backup", "--to", str(backup), "--database-url", server.database_url))

    # After the backup: every office logs tickets and writes notes (on its own and the others' tickets),
    # and syncs; some offices pull the others' work before the server loses it.
    numbers_before = list(titles)
    notes: set[str] = set()
    for name, path in paths.items():
        for i in range(3):
            title = f"Streetlight {i} after the backup ({name})"
            titles[add_ticket(tmp_path, path, users[name], title)] = title
        for number in numbers_before:
            text = f"{name} looked at {number} after the backup"
            add_note(tmp_path, path, users[name], number, text)
            notes.add(text)
        sync(tmp_path, path)
    sync(tmp_path, paths["a"])  # A now holds everyone's work; B holds A's and its own; C everything
    held_tickets, held_timelines = replica(paths["a"])
    assert len(held_tickets) == len(titles) == 12

    assert server_tickets(server) == 12

    # The server dies and is restored from the older backup: it forgets everything after it.
    server.stop()
    out = checked(server_cli(tmp_path, "restore", str(backup), "--database-url", server.database_url))
    assert "new epoch" in out
    assert server_tickets(server) == 3
    server.start()

    # Every office syncs (twice: the second round brings each what the others re-pushed).
    for _round in range(2):
        for name in ("a", "b", "c"):
            sync(tmp_path, paths[name])
    after = {name: replica(path) for name, path in paths.items()}
    assert after["a"] == after["b"] == after["c"]  # all three converge
    tickets, timelines = after["a"]
    assert {number: title for number, (title, _status) in tickets.items()} == titles  # numbers unchanged
    assert tickets == held_tickets
    bodies = {body for timeline in timelines.values() for _id, _kind, body in timeline}
    assert notes <= bodies  # every note written after the backup is back
    assert timelines == held_timelines  # the same entries, ids and order as before the restore
    for name, path in paths.items():
        assert pending(tmp_path, path) == 0, name

    # The server holds it all again: a PC enrolled now downloads the same tickets and timelines.
    assert server_tickets(server) == 12
    assert replica(enrol(tmp_path, server, "CLK", "d")) == after["a"]
