"""Helpers for tests that run `citydesk-server` and `citydesk` as real child processes.

Children get tests/ on PYTHONPATH and the file keyring (tests/keyring_file.py): processes cannot share an
in-memory one. Every wait is guarded by a timeout (a watchdog kills the process), never by a sleep.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 120  # seconds any one child may take
SERVER_MAIN = "import sys; from citydesk.server.cli import main; sys.exit(main())"  # `citydesk-server`


def free_port() -> int:
    """A loopback TCP port nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def child_env(tmp_path: Path) -> dict[str, str]:
    """The environment of a child: this source tree, the file keyring in `tmp_path`, headless Qt."""
    env = dict(os.environ)
    env.update(
        PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT / "tests")]),
        PYTHON_KEYRING_BACKEND="keyring_file.FileKeyring",
        CITYDESK_TEST_KEYRING=str(tmp_path / "keyring.json"),
        CITYDESK_DATA_DIR=str(tmp_path / "data"),
        CITYDESK_DATABASE=str(tmp_path / "data" / "default.sqlite"),
        QT_QPA_PLATFORM="offscreen",
        LANG="C.UTF-8",
    )
    return env


def citydesk(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """Run `citydesk ARGV...` to its end."""
    return subprocess.run([sys.executable, "-m", "citydesk", *argv], env=child_env(tmp_path),
                          capture_output=True, text=True, timeout=TIMEOUT)  # fmt: skip


def server_cli(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """Run `citydesk-server ARGV...` to its end."""
    return subprocess.run([sys.executable, "-c", SERVER_MAIN, *argv], env=child_env(tmp_path),
                          capture_output=True, text=True, timeout=TIMEOUT)  # fmt: skip


def checked(done: subprocess.CompletedProcess[str]) -> str:
    """The stdout of a child that must have succeeded."""
    assert done.returncode == 0, f"{done.args[-8:]} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def read_lines_until(
    process: subprocess.Popen[str],
    stream: IO[str],
    wanted: Callable[[str], bool],
    *,
    timeout: float = TIMEOUT,
) -> tuple[str | None, list[str]]:
    """Read `stream` line by line until a line `wanted` accepts; (that line or None at EOF, lines seen).

    Reading blocks; a watchdog kills `process` after `timeout` seconds so the read ends (EOF)."""
    watchdog = threading.Timer(timeout, process.kill)
    watchdog.start()
    seen: list[str] = []
    try:
        for line in stream:
            seen.append(line)
            if wanted(line):
                return line, seen
        return None, seen
    finally:
        watchdog.cancel()


class ServerProcess:
    """`citydesk-server serve` on a database URL and a port; started, waited for, stopped or killed."""

    def __init__(
        self, tmp_path: Path, database_url: str, port: int, *, tls: tuple[Path, Path] | None = None
    ) -> None:
        """Remember where it will run (nothing starts yet); `tls` (certificate, key) serves HTTPS."""
        self.tmp_path = tmp_path
        self.database_url = database_url
        self.port = port
        self.tls = tls
        self.base = f"{'https' if tls else 'http'}://127.0.0.1:{port}"
        self.log: list[str] = []
        self.process: subprocess.Popen[str] | None = None

    def start(self) -> ServerProcess:
        """Start it and wait (reading its log, no sleeps) until uvicorn says it listens."""
        tls = ["--certfile", str(self.tls[0]), "--keyfile", str(self.tls[1])] if self.tls else []
        process = subprocess.Popen(
            [sys.executable, "-c", SERVER_MAIN, "serve", "--database-url", self.database_url,
             "--host", "127.0.0.1", "--port", str(self.port), *tls],
            env=child_env(self.tmp_path), stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
        )  # fmt: skip
        assert process.stderr is not None
        line, seen = read_lines_until(process, process.stderr, lambda s: "Uvicorn running on" in s)
        self.log.extend(seen)
        if line is None:
            process.kill()
            process.wait(timeout=TIMEOUT)
            raise AssertionError("citydesk-server did not start:\n" + "".join(self.log))
        self.process = process
        # Keep draining its log so a full pipe never blocks the server.
        threading.Thread(target=self._drain, args=(process.stderr,), daemon=True).start()
        return self

    def _drain(self, stream: IO[str]) -> None:
        for line in stream:
            self.log.append(line)

    def kill9(self) -> None:
        """SIGKILL (`kill -9`): no shutdown, no flush; wait until it is gone."""
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=TIMEOUT)
        assert self.process.returncode == -signal.SIGKILL
        self.process = None

    def stop(self) -> None:
        """Terminate it (when running) and wait."""
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=TIMEOUT)
        self.process = None


def sending_progress(line: str) -> tuple[int, int] | None:
    """(done, total) of a `citydesk sync` stderr line "Sending… DONE/TOTAL" (cli/sync.py), else None."""
    found = re.match(r"Sending… (\d+)/(\d+)\s*$", line)
    return (int(found.group(1)), int(found.group(2))) if found else None


PASSWORD = "correct horse"  # every user of a city set up by `set_up_city`


def office(code: str, name: str) -> list[str]:
    """The `citydesk-server` command adding an office."""
    return ["office", "add", "--code", code, "--name", name]


def user(username: str, role: str, office_code: str, *more: str) -> list[str]:
    """The `citydesk-server` command adding a user (display name: the user name, capitalised)."""
    return ["user", "add", "--username", username, "--display-name", username.capitalize(), "--role", role,
            "--office", office_code, *more, "--password", PASSWORD]  # fmt: skip


def set_up_city(folder: Path, *commands: list[str]) -> Path:
    """A server database for Testville in `folder`, set up by `citydesk-server` commands: init, the Public
    Works department with its Pothole category, then `commands` (offices, then users); returns its path."""
    path = folder / "server.sqlite"
    url = ["--database-url", f"sqlite+pysqlite:///{path}"]
    for argv in (
        ["init", "--city", "Testville", "--time-zone", "America/Chicago", "--admin", "root",
         "--password", PASSWORD],
        ["department", "add", "--code", "PW", "--name", "Public Works"],
        ["category", "add", "--name", "Pothole", "--department", "PW"],
        *commands,
    ):  # fmt: skip
        checked(server_cli(folder, *argv, *url))
    return path


@contextmanager
def serving_copy(tmp_path: Path, template: Path) -> Iterator[ServerProcess]:
    """`citydesk-server serve` on a copy of a set-up server database, on a free port (stopped after)."""
    path = tmp_path / "server.sqlite"
    shutil.copyfile(template, path)
    process = ServerProcess(tmp_path, f"sqlite+pysqlite:///{path}", free_port()).start()
    try:
        yield process
    finally:
        process.stop()


def enrol_office(tmp_path: Path, server: ServerProcess, office: str, name: str) -> str:
    """A new office database enrolled with a code from `citydesk-server device enrol-code`; its path."""
    out = checked(server_cli(tmp_path, "device", "enrol-code", "--office", office,
                             "--database-url", server.database_url))  # fmt: skip
    (code,) = [line.strip() for line in out.splitlines() if line.strip()]  # the code, on its own line
    path = str(tmp_path / f"{name}.sqlite")
    checked(citydesk(tmp_path, "connect", server.base, "--code", code, "--database", path, "--name", name))
    return path


def add_ticket(tmp_path: Path, path: str, user: str, title: str) -> str:
    """`citydesk ticket add` in the Pothole category; its number."""
    return checked(citydesk(tmp_path, "ticket", "add", "--title", title, "--category", "Pothole",
                            "--user", user, "--database", path)).strip()  # fmt: skip
