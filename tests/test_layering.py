"""The layer arrows of docs/design.md, checked on the source (ast) and at runtime.

Arrows point down only: ui -> jobs -> reports/services -> sync -> store -> domain. Nothing but the
ui (and the CLI, lazily, to open the window) imports citydesk.ui, and nothing outside ui/ imports PySide6,
so the server, the CLI's headless commands and the tests of the lower layers never load Qt.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
PACKAGE = SRC / "citydesk"

# Which other layers each layer may import (every layer may import itself and the bare package,
# e.g. `from citydesk import __version__`). A layer is the first name below citydesk: a subpackage
# (store/) or a top-level module (secrets.py, cli.py). Layers that do not exist yet are fine.
ALL = {"domain", "store", "sync", "secrets", "services", "reports", "jobs", "server", "ui", "cli"}
ALLOWED: dict[str, set[str]] = {
    "domain": set(),
    "store": {"domain"},
    "secrets": {"domain"},
    "sync": {"store", "domain", "secrets"},
    "services": {"store", "sync", "domain"},
    "reports": {"store", "domain", "services"},
    "jobs": {"sync", "reports", "services", "store", "domain"},
    "server": {"sync", "store", "domain"},
    "ui": ALL - {"server", "cli"},
    # The entry points may use everything; citydesk.ui only inside a function (checked below).
    "cli": ALL,
    "__main__": ALL,
    "": set(),  # citydesk/__init__.py stays empty of imports so every layer can import it cheaply
    # The resource locator imports nothing from citydesk; every layer may use it (not in ALL, so
    # imports of it are not checked).
    "resources_path": set(),
}
# Modules allowed to import citydesk.ui, and only lazily (inside a function), so headless commands
# never load Qt.
UI_LAZY_IMPORTERS = {"cli", "__main__"}


@dataclass(frozen=True)
class Import:
    file: Path
    line: int
    source: str  # the statement as written, for messages
    target: str  # absolute dotted name, e.g. citydesk.store.db or PySide6.QtCore
    in_function: bool

    def __str__(self) -> str:
        return f"{self.file.relative_to(ROOT)}:{self.line}: {self.source}"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer_of(dotted: str) -> str:
    """`citydesk.store.db` -> `store`; `citydesk` -> `` (the package itself)."""
    parts = dotted.split(".")
    return parts[1] if len(parts) > 1 else ""


def imports_of(path: Path) -> Iterator[Import]:
    """Every import in a file with absolute targets (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package.pop()

    def visit(node: ast.AST, in_function: bool) -> Iterator[Import]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import | ast.ImportFrom):
                if isinstance(child, ast.Import):
                    targets = [alias.name for alias in child.names]
                else:
                    base = package[: len(package) - child.level + 1] if child.level else []
                    if child.module:
                        base = [*base, *child.module.split(".")]
                    # `from citydesk import ui` imports citydesk.ui: name each imported name too.
                    targets = [".".join([*base, alias.name]) for alias in child.names]
                for target in targets:
                    yield Import(path, child.lineno, ast.unparse(child), target, in_function)
            inner = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            yield from visit(child, inner)

    yield from visit(tree, False)


def source_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_sources_found() -> None:
    assert (PACKAGE / "__init__.py").exists(), f"no package at {PACKAGE}"


def test_pyside6_only_in_ui() -> None:
    offenders = [
        str(imp)
        for path in source_files()
        if not path.is_relative_to(PACKAGE / "ui")
        for imp in imports_of(path)
        if imp.target == "PySide6" or imp.target.startswith("PySide6.")
    ]
    if offenders:
        pytest.fail("PySide6 imported outside src/citydesk/ui/:\n" + "\n".join(offenders), pytrace=False)


def test_layer_arrows() -> None:
    offenders = []
    for path in source_files():
        layer = layer_of(module_name(path))
        assert layer in ALLOWED, (
            f"{path.relative_to(ROOT)} is in a layer ({layer!r}) the layering rules do not know; "
            f"add it to ALLOWED in {Path(__file__).relative_to(ROOT)} (and to docs/design.md)"
        )
        for imp in imports_of(path):
            if not imp.target.startswith("citydesk."):
                continue
            target = layer_of(imp.target)
            if target not in ALL or target == layer:
                continue  # the bare package (citydesk.__version__) or the layer itself
            if target == "ui" and layer != "ui":
                if layer in UI_LAZY_IMPORTERS and imp.in_function:
                    continue
                offenders.append(f"{imp}  (only ui/ may import citydesk.ui; cli.py only inside a function)")
            elif target not in ALLOWED[layer]:
                allowed = ", ".join(sorted(ALLOWED[layer])) or "nothing else in citydesk"
                offenders.append(f"{imp}  ({layer or 'citydesk/__init__'} may import: {allowed})")
    if offenders:
        pytest.fail("imports against the layer arrows:\n" + "\n".join(offenders), pytrace=False)


# Imports every module outside ui/ in a fresh interpreter and names the first one that loads Qt.
_IMPORT_ALL = textwrap.dedent(
    """
    import importlib, os, pkgutil, sys, traceback
    import citydesk

    # Not imported: the UI, the CLI and `python -m` (they may load the UI), and Alembic's
    # migration scripts (env.py runs a migration when imported).
    SKIP = ("citydesk.ui", "citydesk.cli", "citydesk.__main__", "citydesk.store.migrations")

    def walk(path, prefix):
        # Like pkgutil.walk_packages, but imports nothing (so never a skipped package).
        for info in pkgutil.iter_modules(path, prefix):
            if any(info.name == s or info.name.startswith(s + ".") for s in SKIP):
                continue
            yield info.name
            if info.ispkg:
                subdir = os.path.join(info.module_finder.path, info.name.rpartition(".")[2])
                yield from walk([subdir], info.name + ".")

    problems = []
    for name in walk(citydesk.__path__, "citydesk."):
        try:
            importlib.import_module(name)
        except Exception:
            problems.append(f"importing {name} failed:\\n" + traceback.format_exc())
        if "PySide6" in sys.modules:
            problems.append(f"importing {name} loaded PySide6 (directly or through its imports)")
            break
    print("\\n".join(problems))
    sys.exit(1 if problems else 0)
    """
)


def test_no_qt_outside_ui_at_runtime() -> None:
    pythonpath = os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_ALL],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": pythonpath},
    )
    if result.returncode != 0:
        pytest.fail((result.stdout + result.stderr).strip(), pytrace=False)
