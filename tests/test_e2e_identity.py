"""End to end: the real `citydesk-server` process and `citydesk` CLI processes. An office database is copied
by hand to a second PC's folder together with its keyring entry; both PCs log tickets (the copy hands out
the same numbers); the copy is caught at its push, takes a new identity and both converge: every number
unchanged, the shared number listed as a conflict on both PCs and on the server, the copy's next tickets
under its new prefix, the original's credential untouched."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from citydesk.server.admin import duplicate_numbers
from server_process import ServerProcess, checked, citydesk, server_cli
from test_e2e_sync import add_ticket, city_template, enrol, server, status, sync, tickets

pytestmark = pytest.mark.slow

__all__ = ["city_template", "server"]  # the fixtures, shared with test_e2e_sync


def keyring_of(pc: Path) -> dict[str, str]:
    """The (test) keyring file of one PC's folder."""
    path = pc / "keyring.json"
    return dict(json.loads(path.read_text())) if path.exists() else {}


def listed(pc: Path, path: str) -> list[tuple[str, str]]:
    """(number, title) of every ticket the PC lists, sorted."""
    return sorted((str(t["number"]), str(t["title"])) for t in tickets(pc, path))


def test_a_database_copied_to_a_second_pc_is_re_identified_and_both_converge(
    tmp_path: Path, server: ServerProcess
) -> None:
    pc1, pc2 = tmp_path / "pc1", tmp_path / "pc2"
    pc1.mkdir()
    pc2.mkdir()
    a = enrol(pc1, server, "CLK", "office")
    assert add_ticket(pc1, a, "carla", "Before the copy") == "CLK-1-000001"
    checked(sync(pc1, a))
    # copied by hand, with the keyring entry, to a second PC
    b = str(pc2 / "office.sqlite")
    shutil.copyfile(a, b)
    shutil.copyfile(pc1 / "keyring.json", pc2 / "keyring.json")
    original_device = str(status(pc1, a)["device_id"])
    assert add_ticket(pc1, a, "carla", "Logged on PC 1") == "CLK-1-000002"
    assert add_ticket(pc2, b, "carla", "Logged on PC 2") == "CLK-1-000002"  # the same number, offline
    assert add_ticket(pc2, b, "carla", "Also on PC 2") == "CLK-1-000003"
    assert checked(sync(pc1, a)).startswith("Sent ")
    done = sync(pc2, b)
    assert done.returncode == 0, done.stderr
    assert "took a new identity" in done.stdout and "CLK-2-" in done.stdout
    copy = status(pc2, b)
    assert copy["device_id"] != original_device and copy["number_prefix"] == "CLK-2" and copy["pending"] == 0
    checked(sync(pc1, a))
    checked(sync(pc2, b))
    expected = [
        ("CLK-1-000001", "Before the copy"),
        ("CLK-1-000002", "Logged on PC 1"),
        ("CLK-1-000002", "Logged on PC 2"),
        ("CLK-1-000003", "Also on PC 2"),
    ]
    assert listed(pc1, a) == listed(pc2, b) == expected  # converged, no number changed
    for pc, path in ((pc1, a), (pc2, b)):
        found = json.loads(checked(citydesk(pc, "conflicts", "--json", "--database", path)))
        assert [(f["kind"], f["number"], len(f["tickets"])) for f in found] == [
            ("duplicate_number", "CLK-1-000002", 2)
        ]
    assert [len(ids) for ids in duplicate_numbers(server.database_url).values()] == [2]
    # the copy numbers new tickets under its own prefix; the original keeps its identity and credential
    assert add_ticket(pc2, b, "carla", "After the new identity") == "CLK-2-000001"
    assert add_ticket(pc1, a, "carla", "Original goes on") == "CLK-1-000004"
    checked(sync(pc2, b))
    assert checked(sync(pc1, a)).startswith("Sent ")
    checked(sync(pc2, b))
    assert listed(pc1, a) == listed(pc2, b)
    assert len(listed(pc1, a)) == 6
    assert status(pc1, a)["device_id"] == original_device
    assert any(key.endswith(original_device) for key in keyring_of(pc1))
    assert any(key.endswith(str(copy["device_id"])) for key in keyring_of(pc2))
    devices = checked(server_cli(tmp_path, "device", "list", "--database-url", server.database_url))
    assert "CLK-2" in devices or str(copy["device_id"]) in devices
