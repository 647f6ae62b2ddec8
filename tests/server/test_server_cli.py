"""The admin CLI `citydesk-server`: every command, clear errors and non-zero exits on bad input."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from server_kit import PASSWORD, Server

from citydesk.server.cli import main
from citydesk.server.db import URL_ENV

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def url(tmp_path: Path) -> str:
    """A fresh server database set up with `init`."""
    database = f"sqlite+pysqlite:///{tmp_path / 'server.sqlite'}"
    args = [
        "init",
        "--database-url",
        database,
        "--city",
        "Testville",
        "--time-zone",
        "America/Chicago",
        "--admin",
        "Root",
        "--password",
        PASSWORD,
    ]
    assert main(args) == 0
    return database


def rows(url: str, table: str) -> list[dict[str, object]]:
    """The merged rows of a synced table on the server."""
    import json

    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        found = conn.execute(text("SELECT data FROM row_state WHERE table_name = :t"), {"t": table}).scalars()
        out = [json.loads(d) for d in found]
    engine.dispose()
    return out


def test_init_creates_the_system_user_the_admin_and_the_city_settings(url: str) -> None:
    users = {u["username"]: u for u in rows(url, "app_user")}
    assert set(users) == {"system", "root"}
    assert users["root"]["role"] == "admin" and str(users["root"]["password_hash"]).startswith("scrypt$")
    settings = {s["key"]: s["value"] for s in rows(url, "city_setting")}
    assert settings == {"city_name": "Testville", "time_zone": "America/Chicago"}


def test_init_twice_and_bad_input_fail_clearly(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    again = [
        "init",
        "--database-url",
        url,
        "--city",
        "X",
        "--time-zone",
        "UTC",
        "--admin",
        "a",
        "--password",
        PASSWORD,
    ]
    assert main(again) == 1
    assert "already set up" in capsys.readouterr().err
    other = f"sqlite+pysqlite:///{tmp_path / 'other.sqlite'}"
    bad_zone = [
        "init",
        "--database-url",
        other,
        "--city",
        "X",
        "--time-zone",
        "Mars/Olympus",
        "--admin",
        "a",
        "--password",
        PASSWORD,
    ]
    assert main(bad_zone) == 1
    assert "time zone" in capsys.readouterr().err.lower()
    short = [
        "init",
        "--database-url",
        other,
        "--city",
        "X",
        "--time-zone",
        "UTC",
        "--admin",
        "a",
        "--password",
        "abc",
    ]
    assert main(short) == 1
    assert "at least 8" in capsys.readouterr().err


def test_reference_commands_write_through_the_change_log(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["office", "add", "--database-url", url, "--code", "clk", "--name", "City Hall"]) == 0
    assert main(["department", "add", "--database-url", url, "--code", "pw", "--name", "Public Works"]) == 0
    assert (
        main(
            [
                "category",
                "add",
                "--database-url",
                url,
                "--name",
                "Pothole",
                "--department",
                "PW",
                "--target-days",
                "3",
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "user",
                "add",
                "--database-url",
                url,
                "--username",
                "Ann",
                "--display-name",
                "Ann Clerk",
                "--role",
                "clerk",
                "--office",
                "CLK",
                "--department",
                "PW",
                "--password",
                PASSWORD,
            ]
        )
        == 0
    )
    capsys.readouterr()
    office = rows(url, "office")[0]
    assert office["code"] == "CLK" and office["active"] is True
    category = rows(url, "category")[0]
    assert (
        category["target_business_days"] == 3
        and category["department_id"] == rows(url, "department")[0]["id"]
    )
    ann = next(u for u in rows(url, "app_user") if u["username"] == "ann")
    assert ann["office_id"] == office["id"] and ann["role"] == "clerk"
    assert main(["user", "disable", "--database-url", url, "ann"]) == 0
    assert next(u for u in rows(url, "app_user") if u["username"] == "ann")["active"] is False
    old_hash = ann["password_hash"]
    assert main(["user", "set-password", "--database-url", url, "ann", "--password", "another secret"]) == 0
    assert next(u for u in rows(url, "app_user") if u["username"] == "ann")["password_hash"] != old_hash
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        authors = set(conn.execute(text("SELECT DISTINCT author_id FROM change_log")).scalars())
        tables = set(conn.execute(text("SELECT DISTINCT table_name FROM change_log")).scalars())
    engine.dispose()
    assert authors == {"00000000-0000-7000-8000-000000000001"}
    assert tables == {"office", "department", "category", "app_user", "city_setting"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["office", "add", "--code", "C1", "--name", "X"], "2 to 5 letters"),
        (["category", "add", "--name", "X", "--department", "NOPE"], "no department 'NOPE'"),
        (
            [
                "user",
                "add",
                "--username",
                "x",
                "--display-name",
                "X",
                "--role",
                "clerk",
                "--office",
                "ZZZ",
                "--password",
                PASSWORD,
            ],
            "no office 'ZZZ'",
        ),
        (["user", "disable", "nobody"], "no user 'nobody'"),
        (["user", "disable", "system"], "system user"),
        (["device", "enrol-code", "--office", "ZZZ"], "no office"),
        (["device", "revoke", "no-such-device"], "no device"),
        (["category", "add", "--name", "X", "--department", "PW", "--target-days", "900"], "0 to 365"),
    ],
)
def test_bad_input_exits_1_with_a_clear_message(
    url: str, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["department", "add", "--database-url", url, "--code", "PW", "--name", "Public Works"])
    before = len(rows(url, "app_user")) + len(rows(url, "category")) + len(rows(url, "office"))
    capsys.readouterr()
    assert main([*args, "--database-url", url]) == 1
    err = capsys.readouterr().err
    assert message in err and err.startswith("citydesk-server: ")
    assert len(rows(url, "app_user")) + len(rows(url, "category")) + len(rows(url, "office")) == before


def test_a_database_url_is_required(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(URL_ENV, raising=False)
    assert main(["device", "list"]) == 1
    assert URL_ENV in capsys.readouterr().err
    assert main(["device", "list", "--database-url", "sqlite+pysqlite:////no/such/folder/x.sqlite"]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_the_url_comes_from_the_environment(
    url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(URL_ENV, url)
    assert main(["device", "list"]) == 0
    assert "No devices" in capsys.readouterr().out


def test_devices_are_listed_and_revoked(server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    desk = server.enrol()
    server.enrol("PD", "Annex PC")
    assert main(["device", "list", "--database-url", server.url]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in listing] == ["CLK-1", "PD-1"]
    assert main(["device", "revoke", "--database-url", server.url, "clk-1"]) == 0
    assert desk.id in capsys.readouterr().out
    assert server.client.get("/v1/sync/hello", headers=desk.headers).status_code == 401
    assert main(["device", "list", "--database-url", server.url]) == 0
    assert "revoked" in capsys.readouterr().out.splitlines()[0]
    assert main(["device", "revoke", "--database-url", server.url, desk.id]) == 1  # already revoked


def test_enrol_code_prints_the_code_alone_on_its_line_from_a_real_process(url: str) -> None:
    assert main(["office", "add", "--database-url", url, "--code", "CLK", "--name", "City Hall"]) == 0
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
        URL_ENV: url,
    }
    done = subprocess.run(
        [sys.executable, "-m", "citydesk.server.cli", "device", "enrol-code", "--office", "CLK"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1 and len(lines[0]) == 19
    failed = subprocess.run(
        [sys.executable, "-m", "citydesk.server.cli", "device", "enrol-code", "--office", "NO"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert failed.returncode == 1 and "no office" in failed.stderr and failed.stdout == ""


def test_new_epoch_after_a_restore(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    from sqlalchemy import create_engine, text

    def epoch() -> str:
        engine = create_engine(url)
        with engine.connect() as conn:
            value = str(conn.execute(text("SELECT epoch FROM server_meta")).scalar())
        engine.dispose()
        return value

    before = epoch()
    assert main(["new-epoch", "--database-url", url]) == 0
    assert epoch() != before and epoch() in capsys.readouterr().out
