"""Sync by file from the command line, in-process: `citydesk-server device enrol-file`, `citydesk connect
--enrol-file`, `citydesk sync --to-file` / `--from-file`, `citydesk-server exchange`, and `citydesk sync
--enable-file-sync` for a PC enrolled over the network (the real server app through FastAPI's TestClient;
only the OS keyring is an in-memory backend)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from citydesk.cli import main
from citydesk.server.cli import main as server_main
from sync_world import URL, World, server_admin, sync_world


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    monkeypatch.setenv("CITYDESK_DATA_DIR", str(tmp_path / "data-dir"))
    monkeypatch.setenv("CITYDESK_DATABASE", str(tmp_path / "data-dir" / "default.sqlite"))
    monkeypatch.delenv("CITYDESK_SERVER_SIGNING_KEY", raising=False)
    with sync_world(tmp_path) as made:
        monkeypatch.setattr("citydesk.cli.sync.http_client", made.injector.client)
        yield made


def cli(world: World, path: Path, *argv: str) -> int:
    return main([*argv, "--database", str(path)], clock=world.clock)


def server(world: World, *argv: str) -> int:
    return server_main([*argv, "--database-url", world.url])


def test_a_field_pc_enrolled_by_file_syncs_by_file_from_the_command_line(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    tmp = world.tmp
    enrolment = tmp / "station.enrol"
    assert server(world, "device", "enrol-file", "--office", "PD", "--out", str(enrolment),
                  "--name", "Fire station") == 0  # fmt: skip
    captured = capsys.readouterr()
    assert "PD-1" in captured.out and "SECRET" in captured.err
    assert server(world, "device", "enrol-file", "--office", "PD", "--out", str(enrolment)) == 1
    assert "already exists" in capsys.readouterr().err

    field = tmp / "station.sqlite"
    assert cli(world, field, "connect", "--enrol-file", str(enrolment)) == 0
    captured = capsys.readouterr()
    assert "PD-1" in captured.out and "delete" in captured.err
    assert cli(world, field, "connect", "--enrol-file", str(enrolment)) == 1  # already set up
    assert "already" in capsys.readouterr().err

    request, reply = tmp / "usb" / "station.sync", tmp / "usb" / "station.reply"
    request.parent.mkdir()
    assert cli(world, field, "sync", "--to-file", str(request)) == 0
    assert "asks for a full copy" in capsys.readouterr().out
    assert server(world, "exchange", "--in", str(request), "--out", str(reply)) == 0
    assert "full copy" in capsys.readouterr().out
    assert cli(world, field, "sync", "--from-file", str(reply)) == 0
    assert "full copy" in capsys.readouterr().out

    assert cli(world, field, "ticket", "add", "--title", "Hydrant leaking", "--category", "Pothole",
               "--user", "pete") == 0  # fmt: skip
    assert capsys.readouterr().out.strip() == "PD-1-000001"
    assert cli(world, field, "sync", "--to-file", str(request)) == 0
    assert server(world, "exchange", "--in", str(request), "--out", str(reply)) == 0
    assert "accepted" in capsys.readouterr().out
    assert cli(world, field, "sync", "--from-file", str(reply)) == 0
    assert "The server accepted" in capsys.readouterr().out
    assert cli(world, field, "sync", "--from-file", str(reply)) == 1
    assert "already read" in capsys.readouterr().err

    hall = world.enrol("hall")
    assert hall.tickets() == {"PD-1-000001": "Hydrant leaking"}


def test_bad_files_and_missing_setup_get_clear_messages(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    tmp = world.tmp
    code = server_admin().enrol_code(world.url, office="CLK", clock=world.clock)
    hall = tmp / "hall.sqlite"
    assert cli(world, hall, "connect", URL, "--code", code) == 0
    capsys.readouterr()
    assert cli(world, hall, "sync", "--to-file", str(tmp / "hall.sync")) == 1
    assert "not set up for sync by file" in capsys.readouterr().err
    assert not (tmp / "hall.sync").exists()

    junk = tmp / "junk.sync"
    junk.write_text("hello")
    assert server(world, "exchange", "--in", str(junk), "--out", str(tmp / "junk.reply")) == 1
    assert "not a citydesk sync file" in capsys.readouterr().err
    assert server(world, "exchange", "--in", str(tmp / "none.sync"), "--out", str(tmp / "r")) == 1
    assert "There is no file" in capsys.readouterr().err
    assert cli(world, hall, "connect") == 1
    assert "--enrol-file" in capsys.readouterr().err


def test_a_connected_pc_enables_file_sync_and_then_syncs_by_file(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    tmp = world.tmp
    code = server_admin().enrol_code(world.url, office="CLK", clock=world.clock)
    hall = tmp / "hall.sqlite"
    assert cli(world, hall, "connect", URL, "--code", code) == 0
    assert cli(world, hall, "sync", "--enable-file-sync") == 0
    assert "Testville" in capsys.readouterr().out
    assert cli(world, hall, "ticket", "add", "--title", "Pothole on Elm", "--category", "Pothole",
               "--user", "carla") == 0  # fmt: skip
    request, reply = tmp / "hall.sync", tmp / "hall.reply"
    assert cli(world, hall, "sync", "--to-file", str(request)) == 0
    assert server(world, "exchange", "--in", str(request), "--out", str(reply)) == 0
    assert cli(world, hall, "sync", "--from-file", str(reply)) == 0
    capsys.readouterr()
    other = world.enrol("other")
    assert "Pothole on Elm" in other.tickets().values()
    assert cli(world, hall, "sync") == 0
    assert capsys.readouterr().out.startswith("Sent 0 changes")
