"""The resource locator finds the shipped resources in the source tree, an installed package and a
frozen bundle, and nothing else in citydesk builds its own path to them."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from citydesk import resources_path
from citydesk.resources_path import resource_path, resources_root

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "citydesk"


def test_the_source_tree_resources_are_found() -> None:
    assert resources_root() == ROOT / "resources"
    assert resource_path("fonts", "DejaVuSans.ttf").is_file()
    assert resource_path("fonts", "DejaVuSans-Bold.ttf").is_file()
    assert resource_path("translations", "citydesk_es.qm").is_file()


def test_a_frozen_bundle_s_resources_come_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "resources" / "fonts").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_root() == tmp_path / "resources"
    assert resource_path("fonts", "DejaVuSans.ttf") == tmp_path / "resources" / "fonts" / "DejaVuSans.ttf"


def test_a_bundle_without_resources_falls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_root() == ROOT / "resources"


def test_an_installed_package_uses_its_package_data(tmp_path: Path) -> None:
    """The wheel's layout: site-packages/citydesk/resources/ beside the modules (no source tree)."""
    package = tmp_path / "site" / "citydesk"
    (package / "resources" / "fonts").mkdir(parents=True)
    (package / "resources" / "fonts" / "DejaVuSans.ttf").write_bytes(b"font")
    (package / "__init__.py").write_text("")
    shutil.copy(Path(resources_path.__file__), package / "resources_path.py")
    script = textwrap.dedent(
        """
        from citydesk.resources_path import resource_path, resources_root
        print(resources_root())
        print(resource_path("fonts", "DejaVuSans.ttf").read_bytes().decode())
        """
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(tmp_path / 'site')!r})\n{script}"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        check=True,
    )
    assert result.stdout.splitlines() == [str(package / "resources"), "font"]


def test_no_module_builds_its_own_path_to_the_resources() -> None:
    pattern = re.compile(r"parents\[\d\]|\.parent\.parent")
    offenders = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for path in sorted(SRC.rglob("*.py"))
        if path.name != "resources_path.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if pattern.search(line) and "resources" in line
    ]
    assert not offenders, "use citydesk.resources_path instead:\n" + "\n".join(offenders)


def test_the_wheel_ships_the_resources_as_package_data() -> None:
    """setup.py maps resources/ to citydesk/resources and pyproject.toml includes its files."""
    setup = (ROOT / "setup.py").read_text(encoding="utf-8")
    assert '"citydesk.resources": "resources"' in setup
    assert '"citydesk.resources" = ["**/*"]' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
