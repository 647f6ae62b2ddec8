"""installer/server: the systemd unit parses into the expected sections and keys, reads its settings from
the environment file, takes secrets as credentials, is sandboxed; the example environment file names
every setting the unit uses and holds no secret."""

from __future__ import annotations

import re
from pathlib import Path

from citydesk.server.db import URL_ENV

INSTALLER = Path(__file__).resolve().parents[2] / "installer" / "server"


def parse_unit(text: str) -> dict[str, dict[str, list[str]]]:
    """A systemd unit file as {section: {key: [values in order]}} (comments and blank lines skipped)."""
    sections: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        header = re.fullmatch(r"\[([A-Za-z]+)\]", line)
        if header:
            current = sections.setdefault(header.group(1), {})
            continue
        assert current is not None, f"line {number} is outside a section"
        key, sep, value = line.partition("=")
        assert sep and re.fullmatch(r"[A-Za-z]+", key), f"line {number} is not Key=value: {raw!r}"
        current.setdefault(key, []).append(value)
    return sections


def test_the_unit_runs_as_its_own_user_with_the_env_file_credentials_and_sandboxing() -> None:
    unit = parse_unit((INSTALLER / "citydesk-server.service").read_text())
    assert set(unit) == {"Unit", "Service", "Install"}
    service = unit["Service"]
    assert service["User"] == ["citydesk"] and service["Group"] == ["citydesk"]
    assert service["EnvironmentFile"] == ["/etc/citydesk/server.env"]
    (start,) = service["ExecStart"]
    assert start.split()[0].endswith("/citydesk-server") and " serve " in f"{start} "
    credentials = dict(c.split(":", 1) for c in service["LoadCredential"])
    assert credentials["tls.key"].startswith("/etc/citydesk/credentials/")
    assert "--keyfile %d/tls.key" in start  # the key comes from the credentials directory
    assert service["ProtectSystem"] == ["strict"]
    assert service["ReadWritePaths"] == ["/var/lib/citydesk"]
    assert service["NoNewPrivileges"] == ["true"] and service["UMask"] == ["0077"]
    assert unit["Install"]["WantedBy"] == ["multi-user.target"]
    # Every ${VARIABLE} the command uses is set in the example environment file.
    used = set(re.findall(r"\$\{([A-Z_]+)\}", start))
    example = _env(INSTALLER / "server.env.example")
    assert used and used <= set(example)


def _env(path: Path) -> dict[str, str]:
    pairs = {}
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            key, sep, value = line.partition("=")
            assert sep, raw
            pairs[key] = value
    return pairs


def test_the_example_env_file_has_the_settings_and_no_secret() -> None:
    text = (INSTALLER / "server.env.example").read_text()
    env = _env(INSTALLER / "server.env.example")
    assert env[URL_ENV].startswith("sqlite+pysqlite:////var/lib/citydesk/")
    assert {"CITYDESK_SERVER_HOST", "CITYDESK_SERVER_PORT", "CITYDESK_SERVER_CERTFILE"} <= set(env)
    assert "postgresql+psycopg://" in text
    for line in text.splitlines():  # no password, key or token values, not even commented out
        assert not re.search(r"(PASSWORD|SECRET|TOKEN|KEYFILE)\s*=", line, re.IGNORECASE), line
        assert not re.search(r"://[^/@\s]*:[^/@\s]*@", line), line  # user:password@ in a URL
