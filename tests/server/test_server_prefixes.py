"""The number-prefix registry: enrolment registers "<OFFICE>-<n>", a prefix belongs to one identity, and
the migration registers the devices enrolled before it."""

from __future__ import annotations

from pathlib import Path

import pytest
from server_kit import Server
from sqlalchemy import create_engine, text

from citydesk.server.db import open_server_database, upgrade
from citydesk.server.errors import ApiError
from citydesk.server.prefixes import prefixes_of, register_prefix


def test_enrolment_registers_the_office_and_number_prefix(server: Server) -> None:
    first = server.enrol("CLK")
    second = server.enrol("CLK")
    police = server.enrol("PD")
    db = open_server_database(server.url, clock=server.clock)
    try:
        with db.read() as session:
            assert prefixes_of(session, first.id) == ["CLK-1"]
            assert prefixes_of(session, second.id) == ["CLK-2"]
            assert prefixes_of(session, police.id) == ["PD-1"]
    finally:
        db.close()


def test_a_prefix_belongs_to_one_identity(server: Server) -> None:
    device = server.enrol("CLK")
    db = open_server_database(server.url, clock=server.clock)
    now = server.clock.now()
    try:
        with db.write() as session:
            again = register_prefix(session, office_code="CLK", tag="1", office_id=device.office_id,
                                    device_id=device.id, source="enrol", now=now)  # fmt: skip
            assert again == "CLK-1"  # the same identity again: no error, no second row
            with pytest.raises(ApiError) as refused:
                register_prefix(session, office_code="CLK", tag="1", office_id=device.office_id,
                                device_id="someone-else", source="adopt", now=now)  # fmt: skip
            assert refused.value.status == 409 and refused.value.code == "prefix_taken"
            assert "CLK-1-" in str(refused.value)
            register_prefix(session, office_code="CLK", tag="QXB", office_id=device.office_id,
                            device_id=device.id, source="reidentify", now=now)  # fmt: skip
            assert prefixes_of(session, device.id) == ["CLK-1", "CLK-QXB"]
            count = session.execute(text("SELECT count(*) FROM number_prefix")).scalar()
            assert count == 2
    finally:
        db.close()


@pytest.mark.sqlite_only("builds an s0001 database by hand in a file and upgrades it")
def test_the_migration_registers_devices_enrolled_before_it(tmp_path: Path, backend: str) -> None:
    url = f"sqlite+pysqlite:///{tmp_path / 'old.sqlite'}"
    engine = create_engine(url)
    upgrade(engine, "s0001")
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO row_state (table_name, row_id, data, hlc, device_id, author_id, change_id) "
            "VALUES ('office', 'o1', '{\"code\": \"PW\", \"name\": \"Public Works\"}', 1, 's', 's', 'c1')"
        ))  # fmt: skip
        conn.execute(text(
            "INSERT INTO device (id, office_id, number, tag, name, credential_hash, revoked, created_at) "
            "VALUES ('d1', 'o1', 3, '3', 'Yard PC', 'h', 0, '2026-11-01 10:00:00.000000+00:00')"
        ))  # fmt: skip
    upgrade(engine)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT prefix, office_id, device_id, source FROM number_prefix")).all()
    engine.dispose()
    assert [tuple(r) for r in rows] == [("PW-3", "o1", "d1", "enrol")]
