"""End to end: the real `citydesk-server` process adopts a standalone office driven by the `citydesk` CLI,
all as child processes. The office has 1,000 tickets and a user name the server already has: the
adoption is refused (nothing changes anywhere), the user renamed, the office adopted; every ticket keeps
its number, here and at another office that syncs with the server afterwards."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from citydesk.domain.clock import ManualClock
from citydesk.domain.roles import SYSTEM_ACTOR, Role
from citydesk.services import setup
from citydesk.services.bulk import BulkTicket, bulk_create_tickets
from citydesk.store.db import open_database
from citydesk.store.models import Outbox
from server_process import (
    PASSWORD,
    ServerProcess,
    checked,
    citydesk,
    office,
    server_cli,
    serving_copy,
    set_up_city,
    user,
)

pytestmark = pytest.mark.slow

VOLUME = 1000


@pytest.fixture(scope="module")
def city_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A server database set up once through `citydesk-server` commands (copied by each test)."""
    return set_up_city(
        tmp_path_factory.mktemp("city"), office("CLK", "City Hall"), user("carla", "clerk", "CLK")
    )


@pytest.fixture
def server(tmp_path: Path, city_template: Path) -> Iterator[ServerProcess]:
    """`citydesk-server serve` on a copy of the set-up city, on a free port."""
    with serving_copy(tmp_path, city_template) as process:
        yield process


def standalone_office(path: Path) -> None:
    """Office EAST (tag QXB), set up 60 days ago: admin erin, clerk carla (a name the server has),
    a department and category, and 1,000 tickets by carla written through the bulk path."""
    started = datetime.now(UTC) - timedelta(days=60)
    clock = ManualClock(started)
    db = open_database(path, clock=clock)
    try:
        setup.initialize_database(
            db, city_name="Eastville", time_zone="America/Chicago", office_code="EAST",
            office_name="East annex", admin_username="erin", admin_password=PASSWORD, tag="QXB",
        )  # fmt: skip
        parks = setup.add_department(db, actor=SYSTEM_ACTOR, code="PARKS", name="Parks")
        bench = setup.add_category(db, actor=SYSTEM_ACTOR, name="Broken bench", department_id=parks)
        carla = setup.add_user(db, actor=SYSTEM_ACTOR, username="carla", display_name="Carla East",
                               role=Role.CLERK.value, password=PASSWORD)  # fmt: skip
        clock.advance(days=1)
        tickets = [
            BulkTicket(
                created_at=started + timedelta(days=1, minutes=i),
                created_by=carla,
                fields={"title": f"Bench {i:04d}", "channel": "walk_in", "category_id": bench},
            )
            for i in range(VOLUME)
        ]
        clock.advance(days=2)
        bulk_create_tickets(db, actor=SYSTEM_ACTOR, tickets=tickets)
        with db.read() as session:
            assert len(session.scalars(select(Outbox.seq)).all()) >= 2 * VOLUME
    finally:
        db.close()


def listed(tmp_path: Path, path: Path) -> dict[str, str]:
    """number -> title of every ticket, by `citydesk tickets --json`."""
    items = json.loads(checked(citydesk(tmp_path, "tickets", "--json", "--database", str(path))))
    return {str(t["number"]): str(t["title"]) for t in items}


def test_a_standalone_office_with_a_colliding_user_is_refused_renamed_and_adopted(
    tmp_path: Path, server: ServerProcess
) -> None:
    east = tmp_path / "east.sqlite"
    standalone_office(east)
    before = listed(tmp_path, east)
    assert len(before) == VOLUME and all(n.startswith("EAST-QXB-") for n in before)
    out = checked(server_cli(tmp_path, "device", "enrol-code", "--adopt-office", "--by", "root",
                             "--database-url", server.database_url))  # fmt: skip
    (code,) = [line.strip() for line in out.splitlines() if line.strip()]
    adopt = ["connect", server.base, "--code", code, "--adopt", "--name", "East desk",
             "--database", str(east)]  # fmt: skip

    refused = citydesk(tmp_path, *adopt)
    assert refused.returncode == 1, refused.stdout
    assert "'carla'" in refused.stderr and "citydesk user rename carla" in refused.stderr, refused.stderr
    status = json.loads(checked(citydesk(tmp_path, "sync-status", "--json", "--database", str(east))))
    assert status["server"] is None and status["pending"] >= 2 * VOLUME  # nothing changed here

    checked(citydesk(tmp_path, "user", "rename", "carla", "carla.east", "--database", str(east)))
    done = citydesk(tmp_path, *adopt)
    assert done.returncode == 0, done.stderr
    assert "EAST-QXB" in done.stdout and "Backed up" in done.stdout
    status = json.loads(checked(citydesk(tmp_path, "sync-status", "--json", "--database", str(east))))
    assert status["server"] == server.base and status["pending"] == 0
    assert status["number_prefix"] == "EAST-QXB"
    assert listed(tmp_path, east) == before  # numbers printed on receipts never change

    # another office sees the adopted office's tickets under the same numbers
    out = checked(server_cli(tmp_path, "device", "enrol-code", "--office", "CLK",
                             "--database-url", server.database_url))  # fmt: skip
    (plain,) = [line.strip() for line in out.splitlines() if line.strip()]
    clk = tmp_path / "clk.sqlite"
    checked(citydesk(tmp_path, "connect", server.base, "--code", plain, "--database", str(clk)))
    seen = listed(tmp_path, clk)
    assert {n: t for n, t in seen.items() if n.startswith("EAST-")} == before
    devices = checked(server_cli(tmp_path, "device", "list", "--database-url", server.database_url))
    assert "EAST-QXB" in devices and "East desk" in devices
