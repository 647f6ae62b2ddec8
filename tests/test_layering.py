"""The layer table of docs/design.md, enforced on the source (ast) and at runtime.

The table between `<!-- layers:start -->` and `<!-- layers:end -->` in docs/design.md is the rule, written
once: this test parses it and fails on any import it does not allow. Only the entry points import
citydesk.ui, and only inside a function; nothing outside ui/ imports PySide6, so the server, the CLI's
headless commands and the tests of the lower layers never load Qt; the UI builds no SQL.
"""

from __future__ import annotations

import ast
import os
import re
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
DESIGN = ROOT / "docs" / "design.md"

@dataclass(frozen=True)
class Layers:
    """The layer table: who may import whom, in row order (top to bottom)."""

    order: tuple[str, ...]  # the rows, top to bottom
    allowed: dict[str, frozenset[str]]  # layer -> layers it may import at module level
    lazy: dict[str, frozenset[str]]  # layer -> layers it may import only inside a function
    shared: frozenset[str]  # layers every layer may import
    planned: frozenset[str]  # rows with no code yet


def parse_layer_table(markdown: str) -> Layers:
    """The `package | state | may import` table between the layers markers of docs/design.md."""
    block = re.search(r"<!-- layers:start -->\n(.*?)\n<!-- layers:end -->", markdown, re.S)
    assert block is not None, "docs/design.md lost its layers table (<!-- layers:start --> ... end -->)"
    rows = [line.strip().strip("|").split("|") for line in block.group(1).strip().splitlines()]
    assert [c.strip() for c in rows[0]] == ["package", "state", "may import"], rows[0]
    order: list[str] = []
    cells: dict[str, str] = {}
    shared: set[str] = set()
    planned: set[str] = set()
    for row in rows[2:]:
        assert len(row) == 3, f"a layers row needs three cells: {row}"
        name_cell, state, may = (c.strip() for c in row)
        names = re.findall(r"`([^`]+)`", name_cell)
        assert len(names) == 1, f"one package per row: {name_cell!r}"
        name = names[0]
        assert name not in cells, f"{name} has two rows"
        order.append(name)
        cells[name] = may
        if "every package may import it" in state:
            shared.add(name)
        if state.startswith("planned"):
            planned.add(name)
    allowed: dict[str, set[str]] = {name: set() for name in order}
    lazy: dict[str, set[str]] = {name: set() for name in order}
    for name, may in cells.items():
        for part in (p.strip() for p in may.split(";")):
            targets = set(re.findall(r"`([^`]+)`", part))
            unknown = targets - set(order)
            assert not unknown, f"{name} may import {sorted(unknown)}, which have no row"
            if part.endswith("only inside a function"):
                lazy[name] |= targets
            elif part.startswith("everything"):  # every row below
                allowed[name] |= set(order[order.index(name) + 1 :])
            elif part in ("—", "-", ""):
                assert not targets
            else:
                assert targets, f"{name}: cannot read {part!r}"
                allowed[name] |= targets
    for name in order:
        allowed[name] -= lazy[name]
        allowed[name] |= shared - {name}
    return Layers(
        order=tuple(order),
        allowed={k: frozenset(v) for k, v in allowed.items()},
        lazy={k: frozenset(v) for k, v in lazy.items()},
        shared=frozenset(shared),
        planned=frozenset(planned),
    )


LAYERS = parse_layer_table(DESIGN.read_text(encoding="utf-8"))


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


def test_the_table_points_down() -> None:
    """Each row imports only rows below it (shared rows aside), the UI is imported only by the entry
    points and lazily, and the bottom imports nothing: the table itself is a stack."""
    order = LAYERS.order
    for name in order:
        for target in LAYERS.allowed[name] | LAYERS.lazy[name]:
            if target in LAYERS.shared:
                continue
            assert order.index(target) > order.index(name), f"{name} -> {target} points up the table"
    assert not any("ui" in LAYERS.allowed[name] for name in order), "nothing may import ui at module level"
    assert {name for name in order if "ui" in LAYERS.lazy[name]} <= {"cli", "__main__"}
    assert LAYERS.allowed["domain"] == LAYERS.shared
    for name in LAYERS.shared:
        assert LAYERS.allowed[name] == frozenset(), f"{name} is shared by every layer: it imports nothing"


def test_every_package_has_a_row_and_planned_rows_have_no_code() -> None:
    on_disk = {layer_of(module_name(path)) for path in source_files()} - {""}
    missing = on_disk - set(LAYERS.order)
    assert not missing, f"packages without a row in docs/design.md's layers table: {sorted(missing)}"
    built = LAYERS.planned & on_disk
    assert not built, f"{sorted(built)} exist now: mark their rows in docs/design.md as built"


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


def test_imports_follow_the_layer_table() -> None:
    offenders = []
    for path in source_files():
        module = module_name(path)
        layer = layer_of(module)
        for imp in imports_of(path):
            if not imp.target.startswith("citydesk."):
                continue
            target = layer_of(imp.target)
            if target == layer or target not in LAYERS.allowed:
                continue  # the layer itself, or a name of the bare package (citydesk.__version__)
            if layer == "":
                offenders.append(f"{imp}  (citydesk/__init__.py imports nothing from citydesk)")
            elif target in LAYERS.allowed[layer] or (target in LAYERS.lazy[layer] and imp.in_function):
                continue
            elif target in LAYERS.lazy[layer]:
                offenders.append(f"{imp}  ({layer} may import {target} only inside a function)")
            else:
                allowed = ", ".join(sorted(LAYERS.allowed[layer])) or "nothing else in citydesk"
                offenders.append(f"{imp}  ({layer} may import: {allowed}; docs/design.md)")
    if offenders:
        pytest.fail("imports against docs/design.md's layer table:\n" + "\n".join(offenders), pytrace=False)


def _type_checking_blocks(tree: ast.Module) -> set[int]:
    """Ids of the statements inside `if TYPE_CHECKING:` blocks (the body, not an else)."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING"):
            for stmt in node.body:
                inside.update(id(n) for n in ast.walk(stmt))
    return inside


# What the UI may not touch because SQL is built from it: the tables and the prebuilt statements.
SQL_BUILDING_BLOCKS = ("citydesk.store.models", "citydesk.store.statements", "sqlite3")


def test_the_ui_builds_no_sql() -> None:
    """In ui/, sqlalchemy is only the Session type under `if TYPE_CHECKING:`; no models, statements or
    sqlite3: every query is a store function."""
    offenders = []
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        typing_only = _type_checking_blocks(tree)
        where = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules = [(alias.name, None) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [(node.module, [alias.name for alias in node.names])]
            else:
                continue
            for module, names in modules:
                statement = f"{where}:{node.lineno}: {ast.unparse(node)}"
                if module == "sqlalchemy" or module.startswith("sqlalchemy."):
                    if id(node) not in typing_only:
                        offenders.append(f"{statement}  (only under `if TYPE_CHECKING:`)")
                    elif module != "sqlalchemy.orm" or names != ["Session"]:
                        offenders.append(f"{statement}  (only `from sqlalchemy.orm import Session`)")
                elif any(module == m or module.startswith(m + ".") for m in SQL_BUILDING_BLOCKS) or any(
                    f"{module}.{name}" in SQL_BUILDING_BLOCKS for name in names or ()
                ):
                    offenders.append(f"{statement}  (the UI reads through store's query functions)")
    if offenders:
        pytest.fail("SQL built in ui/:\n" + "\n".join(offenders), pytrace=False)


# Imports every module outside ui/ (the CLI too) in a fresh interpreter and names the first that loads Qt.
_IMPORT_ALL = textwrap.dedent(
    """
    import importlib, os, pkgutil, sys, traceback
    import citydesk

    # Not imported: the UI, `python -m` (it runs the command), and Alembic's migration scripts (env.py
    # runs a migration when imported). The CLI is imported: it reaches the UI only inside a function.
    SKIP = ("citydesk.ui", "citydesk.__main__", "citydesk.store.migrations")

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
