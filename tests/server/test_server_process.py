"""`citydesk-server serve` as a real process on a free loopback port (on SQLite and on PostgreSQL)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import httpx
from server_kit import PASSWORD

from citydesk import __version__
from citydesk.server import admin
from citydesk.sync.wire import VERSION_HEADER

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    """A free loopback port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_answers_enrolment_and_hello(empty_server_url: str) -> None:
    url = empty_server_url
    admin.init_server(url, city="Testville", time_zone="America/Chicago", admin="root", password=PASSWORD)
    admin.add_office(url, code="CLK", name="City Hall")
    code = admin.enrol_code(url, office="CLK")
    port = free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "citydesk.server.cli",
            "serve",
            "--database-url",
            url,
            "--port",
            str(port),
            "--log-level",
            "info",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        assert process.stderr is not None
        watchdog = threading.Timer(60, process.kill)  # a server that never starts ends the wait below
        watchdog.start()
        started = []
        for raw in process.stderr:  # uvicorn says when it listens (no polling, no sleep)
            started.append(raw.decode(errors="replace"))
            if "Uvicorn running on" in started[-1]:
                break
        watchdog.cancel()
        assert any("Uvicorn running on" in line for line in started), "".join(started)
        enrolled = httpx.post(f"{base}/v1/enrol", json={"code": code, "device_name": "PC"}, timeout=10)
        assert enrolled.status_code == 200, enrolled.text
        headers = {"Authorization": f"Bearer {enrolled.json()['credential']}", VERSION_HEADER: __version__}
        hello = httpx.get(f"{base}/v1/sync/hello", headers=headers, timeout=10)
        assert hello.status_code == 200 and hello.json()["city_settings"]["city_name"] == "Testville"
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
