"""The convergence test's state machine (test_convergence.py) with the server on a real PostgreSQL: the
same offices, faults, restarts, backups and restores (a backup is a database made with
`CREATE DATABASE ... TEMPLATE`). CI runs 10 derandomized examples (about 30 s);
CITYDESK_CONVERGENCE_PG_EXAMPLES=N runs N. A fixed sequence makes sure a backup and a restore happen."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from city import City, build_template, query
from hypothesis.stateful import rule
from sqlalchemy import create_engine, text
from test_convergence import NEWER_DEVICE, SYSTEM, CityMachine, run_machine

from citydesk.domain.clock import to_ms
from citydesk.sync.hlc import pack as pack_hlc
from keyring_memory import memory_keyring
from pg_kit import create_database, drop_database, with_database

EXAMPLES = int(os.environ.get("CITYDESK_CONVERGENCE_PG_EXAMPLES", "10"))
TEMPLATE_DB = "citydesk_city_template"


class PostgresCityMachine(CityMachine):
    """CityMachine whose server runs on PostgreSQL (its one direct SQLite write replaced)."""

    @rule()
    def a_newer_version_writes_a_change(self) -> None:
        """A change of a table this version does not know reaches the server (written by a newer
        server version); offices park it and keep syncing."""
        change_id = str(uuid.uuid4())
        engine = create_engine(self.city.server_url)
        try:
            with engine.begin() as conn:
                conn.execute(
                    text(
                        "INSERT INTO change_log (change_id, table_name, row_id, op, hlc, device_id,"
                        " author_id, data, fields, clocks, pushed_by, received_at) VALUES (:id, 'asset',"
                        " :id, 'row', :hlc, :device, :author, :data, :fields, NULL, NULL, :at)"
                    ),
                    {
                        "id": change_id,
                        "hlc": pack_hlc(to_ms(self.city.server_clock.now())),
                        "device": NEWER_DEVICE,
                        "author": SYSTEM,
                        "data": json.dumps({"name": "Plow 7"}),
                        "fields": json.dumps(["name"]),
                        "at": "2026-11-16 15:00:00.000000",
                    },
                )
        finally:
            engine.dispose()
        self.newer.add(change_id)


@pytest.fixture(scope="module")
def pg_city_template(pg_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[City]:
    """The pre-built city every example copies, its server on a PostgreSQL database."""
    drop_database(pg_url, TEMPLATE_DB)
    create_database(pg_url, TEMPLATE_DB)
    with memory_keyring() as keys:
        template = build_template(
            tmp_path_factory.mktemp("pg-city-template"), keys, server_url=with_database(pg_url, TEMPLATE_DB)
        )
        try:
            yield template
        finally:
            template.close()


@pytest.mark.slow
def test_offices_converge_with_the_server_on_postgresql(pg_city_template: City, tmp_path: Path) -> None:
    finished = run_machine(
        PostgresCityMachine, pg_city_template, tmp_path, examples=EXAMPLES, derandomize=True
    )
    assert finished >= min(EXAMPLES, 10), "the examples did not reach their end"


def test_a_server_restored_on_postgresql_gets_back_its_work(pg_city_template: City, tmp_path: Path) -> None:
    """Backup, work, restore (a new epoch) and a user disabled at once, on PostgreSQL: the offices
    converge (teardown's checks) and the work done before the restore stays accepted."""
    PostgresCityMachine.template = pg_city_template
    PostgresCityMachine.workdir = tmp_path
    machine = PostgresCityMachine()
    machine.shared_tickets(offices=3, per_office=1)
    machine.backup_server()
    machine.take(o=0, t=0)
    machine.sync(o=0, fault=None, endpoint=None, skip=0)
    machine.sync(o=1, fault=None, endpoint=None, skip=0)
    epoch = query(machine.city.server_path, "SELECT epoch FROM server_meta")[0][0]
    machine.restore_server_and_lose_an_office(o=2)
    assert query(machine.city.server_path, "SELECT epoch FROM server_meta")[0][0] != epoch
    machine.disable_a_user_while_offices_are_offline(o=0, supervisor=False)
    machine.teardown()
    assert query(machine.city.offices[0].db.path, "SELECT change_id FROM rejected_change") == []
