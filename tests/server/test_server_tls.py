"""`citydesk-server serve --certfile --keyfile` as a real process over TLS, with a throwaway certificate
authority made by the `openssl` command: PCs connect and sync over https trusting the city's CA bundle;
a PC that does not trust the certificate is told which server and why, and its one-time code stays
unused. Online backup while the server serves; restore refused until it stops, then a new epoch."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sqlite3
import ssl
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from citydesk.domain.clock import SystemClock
from server_process import ServerProcess, checked, citydesk, free_port, server_cli
from sync_world import server_admin, set_up_server

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("openssl") is None, reason="the openssl command is not installed"),
]


@dataclass(frozen=True)
class Pki:
    """A throwaway CA, a server certificate it signed for 127.0.0.1/localhost, and an unrelated CA."""

    ca: Path
    cert: Path
    key: Path
    other_ca: Path


def _openssl(folder: Path, *argv: str) -> None:
    done = subprocess.run(["openssl", *argv], cwd=folder, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def make_pki(folder: Path) -> Pki:
    """Generate the certificates with the openssl command (EC keys: fast)."""
    folder.mkdir()
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    for name, subject in (("ca", "/CN=Testville City CA"), ("other-ca", "/CN=Somebody Else CA")):
        _openssl(folder, "req", "-x509", *ec, "-keyout", f"{name}.key", "-out", f"{name}.pem", "-days", "2",
                 "-subj", subject, "-addext", "basicConstraints=critical,CA:TRUE",
                 "-addext", "keyUsage=critical,keyCertSign,cRLSign")  # fmt: skip
    _openssl(folder, "req", *ec, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=citydesk.test")
    (folder / "ext.cnf").write_text(
        "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n"
        "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n"
    )
    _openssl(folder, "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
             "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "ext.cnf")  # fmt: skip
    return Pki(folder / "ca.pem", folder / "server.pem", folder / "server.key", folder / "other-ca.pem")


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[str, ServerProcess, Pki]]:
    """A set-up server database and `citydesk-server serve` on it over TLS."""
    pki = make_pki(tmp_path / "pki")
    url = f"sqlite+pysqlite:///{tmp_path / 'server.sqlite'}"
    set_up_server(url, SystemClock())  # type: ignore[arg-type]
    process = ServerProcess(tmp_path, url, free_port(), tls=(pki.cert, pki.key)).start()
    try:
        yield url, process, pki
    finally:
        process.stop()


def test_offices_connect_and_sync_over_tls_trusting_the_citys_ca(
    tmp_path: Path, tls_server: tuple[str, ServerProcess, Pki]
) -> None:
    url, process, pki = tls_server
    base = process.base
    assert base.startswith("https://")
    admin = server_admin()
    health = httpx.get(f"{base}/healthz", verify=ssl.create_default_context(cafile=pki.ca), timeout=30)
    assert health.status_code == 200 and health.json()["status"] == "ok"

    # A PC that does not trust the certificate: a clear message naming the server and the reason.
    code = admin.enrol_code(url, office="CLK")
    refused = citydesk(tmp_path, "connect", base, "--code", code, "--database", str(tmp_path / "x.sqlite"))
    assert refused.returncode != 0
    assert "does not trust" in refused.stderr and "host 127.0.0.1" in refused.stderr
    assert "--ca-bundle" in refused.stderr and "Traceback" not in refused.stderr
    if importlib.util.find_spec("cryptography") is not None:  # the certificate itself is named
        assert "'CN=citydesk.test' issued by 'CN=Testville City CA'" in refused.stderr
    wrong_ca = citydesk(tmp_path, "connect", base, "--code", code, "--ca-bundle", str(pki.other_ca),
                        "--database", str(tmp_path / "y.sqlite"))  # fmt: skip
    assert wrong_ca.returncode != 0 and "does not trust" in wrong_ca.stderr

    # The code was never used: the PC that trusts the city's CA enrols with it, over https.
    a, b = str(tmp_path / "a.sqlite"), str(tmp_path / "b.sqlite")
    for path, office_code in ((a, code), (b, admin.enrol_code(url, office="PD"))):
        checked(citydesk(tmp_path, "connect", base, "--code", office_code, "--ca-bundle", str(pki.ca),
                         "--database", path))  # fmt: skip
    number = checked(citydesk(tmp_path, "ticket", "add", "--title", "Pothole on Oak", "--category", "Pothole",
                              "--user", "carla", "--database", a)).strip()  # fmt: skip
    for path in (a, b):  # `sync` uses the CA bundle saved at connect
        checked(citydesk(tmp_path, "sync", "--database", path))
    listed = json.loads(checked(citydesk(tmp_path, "tickets", "--json", "--database", b)))
    assert [t["number"] for t in listed] == [number]

    # Online backup while the server serves; restore is refused until the server stops.
    backup = tmp_path / "nightly.sqlite"
    checked(server_cli(tmp_path, "backup", "--database-url", url, "--to", str(backup)))
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT count(*) FROM change_log").fetchone()[0] > 0
    running = server_cli(tmp_path, "restore", "--database-url", url, str(backup))
    assert running.returncode == 1 and "stop it first" in running.stderr
    epoch = health.json()["epoch"]
    process.stop()
    checked(server_cli(tmp_path, "restore", "--database-url", url, str(backup)))
    process.start()
    again = httpx.get(f"{base}/healthz", verify=ssl.create_default_context(cafile=pki.ca), timeout=30).json()
    assert again["status"] == "ok" and again["epoch"] != epoch
    for path in (a, b):  # offices follow the new epoch
        checked(citydesk(tmp_path, "sync", "--database", path))
    assert any("event=push" in line for line in process.log)
