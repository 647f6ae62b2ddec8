"""The `citydesk-server` distribution (installer/server-dist/): a wheel of the server alone that installs
into a clean virtual environment without PySide6 or any other desktop-only package, and whose
`citydesk-server` command sets up a server there.

The slow tests build the wheel with the real build script, create a venv with `python -m venv` (no
system site packages) and `pip install` the wheel, its dependencies coming from the index pip is
configured with (pip config / PIP_* variables; on the development machines a local mirror). The fast
tests check the build script's refusals on a made-up source tree.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = ROOT / "installer" / "server-dist" / "build_server_wheel.py"
DESKTOP_DISTRIBUTIONS = ("pyside6", "reportlab", "pypdfium2", "apscheduler", "keyring", "platformdirs")
DESKTOP_MODULES = ("ui", "services", "cli", "jobs", "reports", "demo")
PASSWORD = "correct horse battery staple"


def load_build_script() -> ModuleType:
    """installer/server-dist/build_server_wheel.py as a module (it is not a package of src/)."""
    spec = importlib.util.spec_from_file_location("build_server_wheel", BUILD_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def run(*command: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run a command outside the test process (no PYTHONPATH: the venv must stand on its own)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    return subprocess.run(
        [str(c) for c in command], capture_output=True, text=True, env=env, timeout=timeout, check=False
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The citydesk-server wheel, built by the real build script."""
    out = tmp_path_factory.mktemp("server-wheel")
    done = run(sys.executable, BUILD_SCRIPT, "--out", out)
    assert done.returncode == 0, done.stderr
    (built,) = out.glob("citydesk_server-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean venv (no system site packages) with the wheel and its dependencies installed: its bin/."""
    home = tmp_path_factory.mktemp("server-venv") / "venv"
    made = run(sys.executable, "-m", "venv", home)
    assert made.returncode == 0, made.stderr
    config = (home / "pyvenv.cfg").read_text()
    assert "include-system-site-packages = false" in config
    installed = run(home / "bin" / "python", "-m", "pip", "install", "--quiet", wheel, timeout=300)
    assert installed.returncode == 0, f"pip install failed (is the index reachable?):\n{installed.stderr}"
    return home / "bin"


@pytest.mark.slow
def test_the_wheel_holds_the_server_both_migration_chains_and_no_desktop_module(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        requires = [
            line.split(":", 1)[1].strip().lower()
            for line in archive.read(metadata).decode().splitlines()
            if line.startswith("Requires-Dist:")
        ]
        (scripts,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
        entry_points = archive.read(scripts).decode()
    assert {"citydesk/server/cli.py", "citydesk/server/app.py", "citydesk/py.typed"} <= names
    for chain in ("store", "server"):
        assert f"citydesk/{chain}/migrations/env.py" in names
        assert f"citydesk/{chain}/migrations/script.py.mako" in names
        assert any(n.startswith(f"citydesk/{chain}/migrations/versions/0001_") for n in names)
    assert not [n for n in names if n.startswith("citydesk/") and n.split("/")[1] in DESKTOP_MODULES]
    assert not [r for r in requires if r.startswith(DESKTOP_DISTRIBUTIONS)], requires
    assert any(r.startswith("fastapi") for r in requires)
    assert any(r.startswith("psycopg[binary]") for r in requires)
    assert "citydesk-server = citydesk.server.cli:main" in entry_points


@pytest.mark.slow
def test_pyside6_and_the_desktop_packages_are_absent_from_the_server_venv(venv: Path) -> None:
    qt = run(venv / "python", "-c", "import PySide6")
    assert qt.returncode != 0 and "No module named 'PySide6'" in qt.stderr
    listed = run(venv / "python", "-m", "pip", "list", "--format=freeze")
    assert listed.returncode == 0, listed.stderr
    packages = {line.split("==")[0].lower() for line in listed.stdout.splitlines()}
    assert "citydesk-server" in packages and "fastapi" in packages
    assert not [p for p in packages if p.startswith(DESKTOP_DISTRIBUTIONS)], packages


@pytest.mark.slow
def test_every_module_of_the_wheel_imports_in_the_server_venv_without_qt(venv: Path) -> None:
    script = (
        "import pkgutil, sys, citydesk\n"
        "names = [m.name for m in pkgutil.walk_packages(citydesk.__path__, 'citydesk.')]\n"
        "for name in names: __import__(name)\n"
        "import uvicorn, psycopg  # serve's lazy import; the PostgreSQL driver with its own libpq\n"
        "assert psycopg.pq.version() > 0\n"
        "assert not [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]\n"
        "print(len(names), citydesk.__file__)\n"
    )
    done = run(venv / "python", "-c", script)
    assert done.returncode == 0, done.stderr
    count, location = done.stdout.split()
    assert int(count) > 20
    assert Path(location).is_relative_to(venv.parent)  # the installed copy, not the source tree


@pytest.mark.slow
def test_the_citydesk_server_command_sets_up_a_server_from_the_venv(venv: Path, tmp_path: Path) -> None:
    command = venv / "citydesk-server"
    helped = run(command, "--help")
    assert helped.returncode == 0 and "init" in helped.stdout and "office" in helped.stdout
    database = tmp_path / "server.sqlite"
    url = f"sqlite+pysqlite:///{database}"
    init = run(
        command, "init", "--database-url", url, "--city", "Springfield", "--time-zone", "America/Chicago",
        "--admin", "ann", "--password", PASSWORD,
    )  # fmt: skip
    assert init.returncode == 0, init.stderr
    assert "Springfield" in init.stdout
    added = run(command, "office", "add", "--database-url", url, "--code", "north", "--name", "North Office")
    assert added.returncode == 0, added.stderr
    again = run(command, "office", "add", "--database-url", url, "--code", "NORTH", "--name", "Again")
    assert again.returncode == 1 and "already an office NORTH" in again.stderr
    with sqlite3.connect(database) as db:  # the server keeps each synced row's fields in row_state
        offices = db.execute("SELECT data FROM row_state WHERE table_name = 'office'").fetchall()
        (version,) = db.execute("SELECT version_num FROM server_version").fetchone()
    assert [(json.loads(data)["code"], json.loads(data)["name"]) for (data,) in offices] == [
        ("NORTH", "North Office")
    ]
    assert version.startswith("s")  # the server's own Alembic chain ran from the installed files


# --- the build script's rules, on a made-up source tree (fast) -----------------------------------


def fake_tree(root: Path, files: dict[str, str]) -> Path:
    """A src/ folder with the given files (relative path -> text) and empty package __init__ files."""
    src = root / "src"
    for relative, text in {
        "citydesk/__init__.py": "",
        "citydesk/server/__init__.py": "",
        "citydesk/domain/__init__.py": "",
        "citydesk/ui/__init__.py": "",
        **files,
    }.items():
        path = src / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return src


def test_the_closure_follows_lazy_and_relative_imports_and_skips_type_checking_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build = load_build_script()
    src = fake_tree(tmp_path, {
        "citydesk/server/cli.py": "def main():\n    from citydesk.domain import clock\n",
        "citydesk/server/app.py": "from . import cli\nimport fastapi\n",
        "citydesk/domain/clock.py": "import typing\nif typing.TYPE_CHECKING:\n    import citydesk.ui\n",
        "citydesk/domain/unused.py": "import PySide6\n",
    })  # fmt: skip
    monkeypatch.setattr(build, "SRC", src)
    closure = build.server_closure()
    assert {str(p) for p in closure.files} == {
        "citydesk/__init__.py", "citydesk/server/__init__.py", "citydesk/server/cli.py",
        "citydesk/server/app.py", "citydesk/domain/__init__.py", "citydesk/domain/clock.py",
    }  # fmt: skip
    assert set(closure.third_party) == {"fastapi"}


def test_the_build_refuses_a_server_that_reaches_the_desktop_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build = load_build_script()
    src = fake_tree(tmp_path, {"citydesk/server/app.py": "def show():\n    from citydesk.ui import window\n"})
    monkeypatch.setattr(build, "SRC", src)
    with pytest.raises(build.BuildError, match=r"desktop-only module citydesk\.ui.*server/app\.py:2"):
        build.server_closure()


def test_the_build_refuses_an_import_that_is_not_a_server_dependency(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build = load_build_script()
    src = fake_tree(tmp_path, {
        "citydesk/server/app.py": "from citydesk.domain import keys\n",
        "citydesk/domain/keys.py": "import sqlalchemy\nimport keyring\n",
    })  # fmt: skip
    monkeypatch.setattr(build, "SRC", src)
    with pytest.raises(build.BuildError, match=r"citydesk/domain/keys\.py:2 imports keyring") as refused:
        build.server_closure()
    assert "sqlalchemy" not in str(refused.value)
    out = tmp_path / "out"
    assert build.main(["--out", str(out)]) == 1 and not out.exists()
