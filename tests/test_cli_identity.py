"""`citydesk sync` on a copied database (a new identity, said in words), `citydesk conflicts` listing a
shared number, `citydesk sync --export-outbox` offline, `citydesk connect --reenrol` for a revoked PC, and
`citydesk restore` of an enrolled database — in-process against the real server app (only the OS keyring
is an in-memory backend)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from citydesk.cli import main
from sync_world import URL, World, cli_sync_world, server_admin


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    with cli_sync_world(tmp_path, monkeypatch) as made:
        yield made


def cli(world: World, path: Path, *argv: str) -> int:
    return main([*argv, "--database", str(path)], clock=world.clock)


def connect(world: World, name: str, capsys: pytest.CaptureFixture[str]) -> Path:
    code = server_admin().enrol_code(world.url, office="CLK", clock=world.clock)
    path = world.tmp / f"{name}.sqlite"
    assert cli(world, path, "connect", URL, "--code", code, "--name", name) == 0, capsys.readouterr().err
    return path


def add_ticket(world: World, path: Path, capsys: pytest.CaptureFixture[str], title: str) -> str:
    capsys.readouterr()
    assert (
        cli(world, path, "ticket", "add", "--title", title, "--category", "Pothole", "--user", "carla") == 0
    )
    return capsys.readouterr().out.strip()


def state(world: World, path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    assert cli(world, path, "sync-status", "--json") == 0
    return dict(json.loads(capsys.readouterr().out))


def test_a_copied_database_says_it_took_a_new_identity_and_conflicts_list_the_shared_number(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    a = connect(world, "a", capsys)
    b = world.tmp / "b.sqlite"
    shutil.copyfile(a, b)  # copied by hand while nothing runs (the keyring entry is shared)
    assert add_ticket(world, a, capsys, "On the original") == "CLK-1-000001"
    assert add_ticket(world, b, capsys, "On the copy") == "CLK-1-000001"
    assert cli(world, a, "sync") == 0
    capsys.readouterr()
    assert cli(world, b, "sync") == 0
    out = capsys.readouterr().out
    assert "took a new identity" in out and "CLK-2-" in out
    assert state(world, b, capsys)["number_prefix"] == "CLK-2"
    assert cli(world, a, "sync") == 0
    for path in (a, b):
        capsys.readouterr()
        assert cli(world, path, "conflicts") == 0
        text = capsys.readouterr().out
        assert "CLK-1-000001 is carried by 2 tickets" in text and "'On the copy'" in text
        assert cli(world, path, "conflicts", "--json") == 0
        found = json.loads(capsys.readouterr().out)
        assert [(f["kind"], f["number"], len(f["tickets"])) for f in found] == [
            ("duplicate_number", "CLK-1-000001", 2)
        ]
    # looking the number up finds both, and a command that needs one ticket says so
    capsys.readouterr()
    assert cli(world, a, "ticket", "note", "CLK-1-000001", "--text", "which one?", "--user", "carla") != 0
    assert "2 tickets carry the number CLK-1-000001" in capsys.readouterr().err


def test_a_revoked_pc_exports_its_outbox_offline_and_is_enrolled_again(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    a = connect(world, "a", capsys)
    add_ticket(world, a, capsys, "Sent before the revoke")
    assert cli(world, a, "sync") == 0
    old_device = str(state(world, a, capsys)["device_id"])
    server_admin().revoke_device(world.url, device=old_device, clock=world.clock)
    number = add_ticket(world, a, capsys, "Made while revoked")
    capsys.readouterr()
    assert cli(world, a, "sync") == 1  # refused: the message says what to do
    assert "revoked" in capsys.readouterr().err
    export = world.tmp / "outbox.json"
    before = len(world.injector.log)
    assert cli(world, a, "sync", "--export-outbox", str(export)) == 0
    assert len(world.injector.log) == before
    document = json.loads(export.read_text())
    assert document["format"] == "citydesk-outbox" and document["device_id"] == old_device
    waiting = [c["change_id"] for c in document["changes"]]
    seqs = [c["seq"] for c in document["changes"]]
    assert len(waiting) >= 2 and seqs == sorted(seqs)
    code = server_admin().enrol_code(world.url, office="CLK", clock=world.clock)
    capsys.readouterr()
    assert cli(world, a, "connect", URL, "--code", code, "--reenrol") == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "took a new identity" in out
    after = state(world, a, capsys)
    assert after["pending"] == 0 and after["device_id"] != old_device and after["number_prefix"] == "CLK-2"
    # the changes reached the server under their own ids, once
    from sqlalchemy import create_engine, text

    engine = create_engine(world.url)
    try:
        with engine.connect() as conn:
            logged = [r[0] for r in conn.execute(text("SELECT change_id FROM change_log"))]
    finally:
        engine.dispose()
    assert all(logged.count(change_id) == 1 for change_id in waiting)
    c = connect(world, "c", capsys)
    capsys.readouterr()
    assert cli(world, c, "tickets", "--json") == 0
    numbers = sorted(t["number"] for t in json.loads(capsys.readouterr().out))
    assert numbers == ["CLK-1-000001", number]
    assert cli(world, a, "sync") == 0
    assert "Sent 0 changes" in capsys.readouterr().out


def test_reenrol_refuses_another_server_and_a_database_that_is_not_enrolled(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    a = connect(world, "a", capsys)
    code = server_admin().enrol_code(world.url, office="CLK", clock=world.clock)
    capsys.readouterr()
    assert cli(world, a, "connect", "https://elsewhere.example", "--code", code, "--reenrol") == 1
    assert "not https://elsewhere.example" in capsys.readouterr().err


def test_restoring_an_enrolled_database_marks_it_and_the_next_sync_re_identifies(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    a = connect(world, "a", capsys)
    add_ticket(world, a, capsys, "In the backup")
    assert cli(world, a, "sync") == 0
    capsys.readouterr()
    assert cli(world, a, "backup", "--to", str(world.tmp / "backups")) == 0
    backup = Path(capsys.readouterr().out.split("Backed up to ", 1)[1].strip())
    add_ticket(world, a, capsys, "Lost")
    assert cli(world, a, "sync") == 0
    assert cli(world, a, "restore", str(backup)) == 0
    restored = state(world, a, capsys)
    assert restored["new_identity_pending"] is True
    prefix = str(restored["number_prefix"])
    assert prefix.startswith("CLK-") and prefix != "CLK-1"
    offline = add_ticket(world, a, capsys, "After the restore")
    assert offline == f"{prefix}-000001"
    capsys.readouterr()
    assert cli(world, a, "sync") == 0
    assert "took a new identity" in capsys.readouterr().out
    assert state(world, a, capsys)["new_identity_pending"] is False
    assert cli(world, a, "tickets", "--json") == 0
    titles = sorted(t["title"] for t in json.loads(capsys.readouterr().out))
    assert titles == ["After the restore", "In the backup", "Lost"]
