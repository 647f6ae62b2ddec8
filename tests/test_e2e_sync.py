"""End to end: the real `citydesk-server` process, set up by its own CLI, and two office databases driven by
the `citydesk` CLI, all as child processes; the server is killed (`kill -9`) in the middle of a push.

Determinism without sleeps: `citydesk sync` reports each acknowledged push batch on stderr ("Sending…
DONE/TOTAL", cli/sync.py); the test reads those lines and SIGKILLs the server as soon as the first batch
of 1,000 (wire.MAX_BATCH) is acknowledged, while thousands of changes are still to go.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from citydesk.domain.clock import SystemClock
from citydesk.store.db import open_database
from citydesk.store.models import Category, TimelineEntry
from server_process import (
    TIMEOUT,
    ServerProcess,
    add_ticket,
    checked,
    child_env,
    citydesk,
    office,
    read_lines_until,
    sending_progress,
    server_cli,
    serving_copy,
    set_up_city,
    user,
)
from server_process import (
    enrol_office as enrol,
)

pytestmark = pytest.mark.slow

VOLUME = 1500  # tickets logged in-process on office A: >= 3,000 changes, so >= 3 push batches of 1,000


@pytest.fixture(scope="module")
def city_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A server database set up once through `citydesk-server` commands (copied by each test)."""
    return set_up_city(
        tmp_path_factory.mktemp("city"),
        office("CLK", "City Hall"),
        office("PD", "Police annex"),
        user("carla", "clerk", "CLK"),
        user("pete", "clerk", "PD"),
        user("tomas", "technician", "CLK", "--department", "PW"),
    )


@pytest.fixture
def server(tmp_path: Path, city_template: Path) -> Iterator[ServerProcess]:
    """`citydesk-server serve` on a copy of the set-up city, on a free port."""
    with serving_copy(tmp_path, city_template) as process:
        yield process


def sync(tmp_path: Path, path: str) -> subprocess.CompletedProcess[str]:
    """`citydesk sync` to its end."""
    return citydesk(tmp_path, "sync", "--database", path)


def status(tmp_path: Path, path: str) -> dict[str, object]:
    """`citydesk sync-status --json`."""
    return dict(json.loads(checked(citydesk(tmp_path, "sync-status", "--json", "--database", path))))


def tickets(tmp_path: Path, path: str) -> list[dict[str, object]]:
    """`citydesk tickets --json`."""
    return list(json.loads(checked(citydesk(tmp_path, "tickets", "--json", "--database", path))))


def log_volume(path: str, count: int) -> dict[str, str]:
    """Log `count` tickets as carla through the services, in-process; number -> title."""
    from citydesk.services.intake import log_request
    from citydesk.services.setup import actor_for_username

    db = open_database(path, clock=SystemClock())
    try:
        carla = actor_for_username(db, "carla")
        with db.read() as session:
            pothole = session.scalar(select(Category.id).where(Category.name == "Pothole"))
        logged = {}
        for i in range(count):
            title = f"Streetlight out, pole {i:05d}"
            ticket = log_request(db, actor=carla, title=title, channel="phone", category_id=pothole)
            logged[ticket.number] = title
        return logged
    finally:
        db.close()


def note_bodies(path: str) -> set[str]:
    """The bodies of every note on the office database at `path`."""
    db = open_database(path, clock=SystemClock(), read_only=True)
    try:
        with db.read() as session:
            return {b for b in session.scalars(select(TimelineEntry.body).where(TimelineEntry.kind == "note"))
                    if b}  # fmt: skip
    finally:
        db.close()


def test_two_offices_sync_through_a_server_killed_mid_push(tmp_path: Path, server: ServerProcess) -> None:
    a = enrol(tmp_path, server, "CLK", "a")
    b = enrol(tmp_path, server, "PD", "b")
    logged = {add_ticket(tmp_path, b, "pete", "Graffiti on the annex"): "Graffiti on the annex"}
    assert checked(sync(tmp_path, b)).startswith("Sent ")
    for title in ("Pothole on Oak", "Pothole on Elm"):
        logged[add_ticket(tmp_path, a, "carla", title)] = title
    logged.update(log_volume(a, VOLUME))
    assert len(logged) == VOLUME + 3

    # A syncs; the server dies (SIGKILL) as soon as A reports its first batch acknowledged.
    child = subprocess.Popen([sys.executable, "-m", "citydesk", "sync", "--database", a],
                             env=child_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)  # fmt: skip
    assert child.stderr is not None
    first, seen = read_lines_until(child, child.stderr, lambda s: (sending_progress(s) or (0, 0))[0] > 0)
    assert first is not None, "".join(seen)
    server.kill9()
    _, more = read_lines_until(child, child.stderr, lambda s: False)  # to its end
    child.wait(timeout=TIMEOUT)
    stderr = "".join(seen + more)
    assert child.returncode == 75, stderr
    assert "could not be reached" in stderr and "nothing was lost" in stderr, stderr
    progress = [p for p in map(sending_progress, seen + more) if p]
    acknowledged, total = progress[-1]
    assert total >= 3000 and 1000 <= acknowledged < total  # killed with batches still to send
    assert status(tmp_path, a)["pending"] == total - acknowledged  # nothing lost: the rest still waits

    # The server comes back on the same database file and port; A finishes, B catches up.
    server.start()
    done = sync(tmp_path, a)
    assert done.returncode == 0, done.stderr
    assert checked(sync(tmp_path, b)).startswith("Sent 0 changes")
    listed = {path: tickets(tmp_path, path) for path in (a, b)}
    for path, items in listed.items():
        numbers = [str(t["number"]) for t in items]
        assert len(numbers) == len(set(numbers)) == len(logged), path  # every ticket exactly once
        assert {str(t["number"]): t["title"] for t in items} == logged, path  # numbers never changed
    assert status(tmp_path, a)["pending"] == status(tmp_path, b)["pending"] == 0

    # One more round: a note added on B and a status change on A reach the other office.
    number = next(n for n, t in logged.items() if t == "Pothole on Oak")
    checked(citydesk(tmp_path, "ticket", "note", number, "--text", "Crew booked for Tuesday", "--user",
                     "pete", "--database", b))  # fmt: skip
    checked(citydesk(tmp_path, "ticket", "status", number, "in_progress", "--user", "tomas", "--database", a))
    for path in (b, a, b):
        checked(sync(tmp_path, path))
    assert "Crew booked for Tuesday" in note_bodies(a)
    states = {path: {t["number"]: t["status"] for t in tickets(tmp_path, path)} for path in (a, b)}
    assert states[a][number] == states[b][number] == "in_progress"
    assert states[a] == states[b]
    assert status(tmp_path, a)["pending"] == status(tmp_path, b)["pending"] == 0


def test_sync_with_the_server_down_from_the_start_keeps_everything(
    tmp_path: Path, server: ServerProcess
) -> None:
    a = enrol(tmp_path, server, "CLK", "a")
    number = add_ticket(tmp_path, a, "carla", "Pothole on Oak")
    pending = status(tmp_path, a)["pending"]
    assert isinstance(pending, int) and pending > 0
    server.kill9()
    done = sync(tmp_path, a)
    assert done.returncode == 75, done.stderr  # EX_TEMPFAIL: try again later (cli/sync.py)
    assert f"The sync server {server.base} could not be reached" in done.stderr
    assert "nothing was lost" in done.stderr
    assert status(tmp_path, a)["pending"] == pending
    assert [t["number"] for t in tickets(tmp_path, a)] == [number]
    server.start()  # and the next sync sends it
    checked(sync(tmp_path, a))
    assert status(tmp_path, a)["pending"] == 0


def test_a_revoked_pc_gets_a_clear_401_and_keeps_its_data(tmp_path: Path, server: ServerProcess) -> None:
    a = enrol(tmp_path, server, "CLK", "a")
    prefix = status(tmp_path, a)["number_prefix"]
    number = add_ticket(tmp_path, a, "carla", "Pothole on Oak")
    pending = status(tmp_path, a)["pending"]
    checked(server_cli(tmp_path, "device", "revoke", str(prefix), "--database-url", server.database_url))
    done = sync(tmp_path, a)
    assert done.returncode == 1, done.stderr
    assert "does not accept this PC's credential (it may have been revoked)" in done.stderr
    assert "This PC's changes are kept" in done.stderr
    assert status(tmp_path, a)["pending"] == pending
    assert [t["number"] for t in tickets(tmp_path, a)] == [number]
