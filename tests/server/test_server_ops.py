"""Server operations on the real app and real SQLite files: /healthz, the enrolment rate limit, the event
logs (no credentials or personal data), `backup` and `restore` (old file kept, new epoch, refused while
the server runs or for a file that is not a server database)."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
from server_kit import Device, Server, entry, new_ticket, requester_row
from sqlalchemy import create_engine, text

from citydesk.server import admin, ops
from citydesk.server.cli import main
from citydesk.server.db import ServerError, open_server_database, read_meta
from citydesk.server.logs import LOGGER_NAME


def _epoch(url: str) -> str:
    db = open_server_database(url, migrate=False)
    try:
        with db.read() as session:
            return read_meta(session).epoch
    finally:
        db.close()


# ---- /healthz ----------------------------------------------------------------------------------------


def test_healthz_needs_no_credential_and_names_the_epoch(server: Server) -> None:
    reply = server.client.get("/healthz")
    assert reply.status_code == 200
    assert reply.json() == {"status": "ok", "epoch": _epoch(server.url)}


def test_healthz_is_503_when_the_database_does_not_answer(server: Server) -> None:
    engine = create_engine(server.url)
    try:
        with engine.begin() as conn:
            conn.execute(text("ALTER TABLE server_meta RENAME TO server_meta_gone"))
    finally:
        engine.dispose()
    reply = server.client.get("/healthz")
    assert reply.status_code == 503
    assert reply.json()["status"] == "unavailable"


# ---- the enrolment rate limit ------------------------------------------------------------------------


def test_wrong_codes_are_rate_limited_per_address_with_retry_after(server: Server) -> None:
    good = admin.enrol_code(server.url, office="CLK", clock=server.clock)
    for _ in range(10):
        wrong = server.client.post("/v1/enrol", json={"code": "WRONG-CODE-1234", "device_name": "PC"})
        assert wrong.status_code == 401
        server.clock.advance(seconds=30)
    # Ten wrong codes in 4.5 minutes: even the right code waits until the first failure is 10 minutes old.
    limited = server.client.post("/v1/enrol", json={"code": good, "device_name": "PC"})
    assert limited.status_code == 429
    assert limited.headers["Retry-After"] == str(600 - 10 * 30)
    assert limited.json()["error"] == "too_many_attempts"
    assert server.count("SELECT count(*) FROM device") == 0
    server.clock.advance(seconds=300 - 1)
    assert server.client.post("/v1/enrol", json={"code": good, "device_name": "PC"}).status_code == 429
    server.clock.advance(seconds=1)  # the first failure leaves the window: one more attempt is allowed
    enrolled = server.client.post("/v1/enrol", json={"code": good, "device_name": "PC"})
    assert enrolled.status_code == 200, enrolled.text
    assert server.count("SELECT count(*) FROM device") == 1


def test_successful_enrolments_are_not_counted(server: Server) -> None:
    for _ in range(12):
        server.enrol()
    assert server.client.post("/v1/enrol", json={"code": "nope", "device_name": "PC"}).status_code == 401


# ---- logs --------------------------------------------------------------------------------------------


def test_logs_of_enrol_push_pull_and_errors_carry_ids_and_counts_but_no_secrets(
    server: Server, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=LOGGER_NAME)
    code = admin.enrol_code(server.url, office="CLK", clock=server.clock)
    body = server.client.post("/v1/enrol", json={"code": code, "device_name": "Front desk of Ann"}).json()
    device = Device(
        body["device_id"], body["office_id"], body["device_number"], body["credential"], body["epoch"]
    )
    clerk = server.users["clerk"]
    insert, created = new_ticket(server, device, clerk, title="Leak at 12 Elm Street")
    person = requester_row(server, device, clerk)  # Pat Doe, 555-0100
    note = entry(server, device, clerk, insert.row_id, "note", body="Call Pat back on 555-867-5309 today")
    pushed = server.push(device, [insert, created, person, note])
    assert pushed.status_code == 200 and len(pushed.json()["accepted"]) == 4
    assert server.pull(device).status_code == 200
    assert (
        server.client.get("/v1/sync/hello", headers={"Authorization": "Bearer not-a-credential"}).status_code
        == 401
    )
    lines = [r.getMessage() for r in caplog.records if r.name == LOGGER_NAME]
    text = "\n".join(lines)
    assert f"event=enrol device={device.id}" in text
    push = next(line for line in lines if line.startswith("event=push"))
    assert (
        f"device={device.id}" in push
        and "changes=4" in push
        and "accepted=4" in push
        and "status=200" in push
    )
    assert any(line.startswith("event=pull") and f"device={device.id}" in line for line in lines)
    assert any(line.startswith("event=error") and "status=401" in line for line in lines)
    everything = caplog.text
    for secret in (code, body["credential"], "not-a-credential", "555-867-5309", "555-0100", "Pat Doe",
                   "Call Pat", "Elm Street", "Front desk of Ann", "Leak"):  # fmt: skip
        assert secret not in everything


def test_log_values_that_are_not_plain_ids_are_redacted() -> None:
    from citydesk.server.logs import event

    assert event("push", device="0193-abc", note="Call 555 0100", count=3) == (
        "event=push device=0193-abc note=<redacted> count=3"
    )


# ---- backup and restore ------------------------------------------------------------------------------


def _push_tickets(server: Server, n: int) -> None:
    device = server.devices[0] if server.devices else server.enrol()
    for _ in range(n):
        assert server.push(device, list(new_ticket(server, device, server.users["clerk"]))).status_code == 200


@pytest.mark.sqlite_only("backs up, restores and breaks the SQLite file itself; PostgreSQL uses pg_dump")
def test_backup_copies_the_running_database_and_refuses_an_existing_file(
    server: Server, tmp_path: Path
) -> None:
    _push_tickets(server, 3)
    target = tmp_path / "backups" / "monday.sqlite"
    target.parent.mkdir()
    assert main(["backup", "--database-url", server.url, "--to", str(target)]) == 0
    assert ops.check_backup_file(target)
    with sqlite3.connect(target) as conn:
        copied = conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    assert copied == server.log_size() > 0
    assert server.client.get("/healthz").status_code == 200  # the server kept serving
    before = target.read_bytes()
    with pytest.raises(ServerError, match="already exists"):
        ops.backup(server.url, target)
    assert target.read_bytes() == before


def test_backup_of_postgresql_points_to_pg_dump(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["backup", "--database-url", "postgresql+psycopg://citydesk@db.example/citydesk", "--to", "x"]
    )
    assert code == 1
    assert "pg_dump" in capsys.readouterr().err
    assert main(["restore", "--database-url", "postgresql+psycopg://citydesk@db/citydesk", "x"]) == 1
    assert "pg_restore" in capsys.readouterr().err


@pytest.mark.sqlite_only("backs up, restores and breaks the SQLite file itself; PostgreSQL uses pg_dump")
def test_restore_keeps_the_old_file_puts_the_backup_in_place_and_starts_a_new_epoch(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _push_tickets(server, 2)
    backup = ops.backup(server.url, tmp_path / "backup.sqlite")
    old_epoch = _epoch(server.url)
    backed_up = server.log_size()
    _push_tickets(server, 3)
    after = server.log_size()
    assert after > backed_up
    server.client.app.state.db.close()  # type: ignore[attr-defined]  # the server is stopped
    assert main(["restore", "--database-url", server.url, str(backup)]) == 0
    said = capsys.readouterr().out
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("server.sqlite.before-restore-")]
    assert len(kept) == 1 and str(kept[0]) in said
    with sqlite3.connect(kept[0]) as conn:
        assert conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == after
    assert server.log_size() == backed_up
    new = _epoch(server.url)
    assert new != old_epoch and new in said
    assert backup.is_file()  # the backup itself is copied, never moved


@pytest.mark.sqlite_only("backs up, restores and breaks the SQLite file itself; PostgreSQL uses pg_dump")
def test_restore_refuses_while_the_server_runs(server: Server, tmp_path: Path) -> None:
    backup = ops.backup(server.url, tmp_path / "backup.sqlite")
    with ops.serving_lock(server.url):
        with pytest.raises(ServerError, match="stop it first"):
            ops.restore(server.url, backup)
        with pytest.raises(ServerError, match="Another citydesk-server"), ops.serving_lock(server.url):
            pass
    assert not any(p.name.startswith("server.sqlite.before-restore") for p in tmp_path.iterdir())


@pytest.mark.sqlite_only("backs up, restores and breaks the SQLite file itself; PostgreSQL uses pg_dump")
@pytest.mark.parametrize("kind", ["other_tables", "garbage", "missing", "not_set_up", "unknown_revision"])
def test_restore_refuses_what_is_not_a_known_server_database(
    server: Server, tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.sqlite"
    if kind == "other_tables":
        with sqlite3.connect(bad) as conn:
            conn.execute("CREATE TABLE ticket (id TEXT)")
    elif kind == "garbage":
        bad.write_bytes(b"this is not a database" * 100)
    elif kind == "not_set_up":
        open_server_database(f"sqlite+pysqlite:///{bad}").close()
    elif kind == "unknown_revision":
        ops.backup(server.url, bad)
        with sqlite3.connect(bad) as conn:
            conn.execute("UPDATE server_version SET version_num = 's9999'")
    server.client.app.state.db.close()  # type: ignore[attr-defined]
    before = server.path.read_bytes()
    epoch = _epoch(server.url)
    assert main(["restore", "--database-url", server.url, str(bad)]) == 1
    err = capsys.readouterr().err
    assert str(bad) in err or "no file" in err
    assert server.path.read_bytes() == before and _epoch(server.url) == epoch
    assert not any(p.name.startswith("server.sqlite.before-restore") for p in tmp_path.iterdir())


def test_serve_needs_both_tls_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], server: Server
) -> None:
    cert = tmp_path / "cert.pem"
    assert main(["serve", "--database-url", server.url, "--certfile", str(cert)]) == 1
    assert "--keyfile" in capsys.readouterr().err
    cert.write_text("not a certificate")
    key = tmp_path / "key.pem"
    key.write_text("not a key")
    assert main(["serve", "--database-url", server.url, "--certfile", str(cert), "--keyfile", str(key)]) == 1
    err = capsys.readouterr().err
    assert "do not load" in err and str(cert) in err
    assert main(["serve", "--database-url", server.url, "--certfile", str(tmp_path / "no.pem"),
                 "--keyfile", str(key)]) == 1  # fmt: skip
    assert "does not exist" in capsys.readouterr().err


def test_the_client_reports_the_rate_limit_with_the_wait(server: Server) -> None:
    from citydesk.sync.http import SyncClient, TooManyAttempts, Unauthorized

    client = SyncClient("http://testserver", credential=None, client=server.client)
    for _ in range(10):
        with pytest.raises(Unauthorized):
            client.enrol("WRONG-CODE", "PC")
    with pytest.raises(TooManyAttempts, match="try again in 600 seconds") as refused:
        client.enrol("WRONG-CODE", "PC")
    assert refused.value.retry_after == 600
