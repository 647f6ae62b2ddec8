"""Build the `citydesk-server` wheel: the sync server alone, without Qt or any desktop-only package.

The desktop distribution `citydesk` (the repository's pyproject.toml) holds everything, server included,
and depends on PySide6. This script builds a second distribution from the same source tree:

1. it follows the imports of `citydesk.server` (every module of the package and of its Alembic folder,
   imports inside functions included, `if TYPE_CHECKING:` blocks left out) through `src/citydesk/`, and
   collects the modules they reach (today parts of domain/, store/ and sync/);
2. it refuses to build when that closure reaches a desktop-only package of citydesk (ui, services, cli,
   jobs, reports, demo) or imports a third-party module that is not one of the server's dependencies
   (installer/server-dist/pyproject.toml) -- the message names the module and the import;
3. it copies those modules, both Alembic chains (store/ and server/ migrations, when their package is in
   the closure) and `py.typed` into a temporary folder beside this folder's pyproject.toml, and builds
   the wheel with `pip wheel` (without build isolation when setuptools is installed, so it works offline).

Usage: python installer/server-dist/build_server_wheel.py [--out dist] [--list]
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SRC = ROOT / "src"
PACKAGE = "citydesk"
ROOTS = ("citydesk.server",)  # every module of these packages is in the wheel, and what they import
DESKTOP_ONLY = ("ui", "services", "cli", "jobs", "reports", "demo")  # citydesk.<x> the server never needs
MIGRATION_FOLDERS = ("store/migrations", "server/migrations")  # both Alembic chains, as package data
# Import name -> the distribution (named in this folder's pyproject.toml) that provides it.
PROVIDED_BY = {
    "sqlalchemy": "sqlalchemy",
    "alembic": "alembic",
    "fastapi": "fastapi",
    "starlette": "fastapi",
    "pydantic": "fastapi",
    "uvicorn": "uvicorn",
    "psycopg": "psycopg",
    "tzdata": "tzdata",
    "cryptography": "cryptography",
}


class BuildError(Exception):
    """The server's import closure breaks a rule, or the wheel did not build."""


@dataclass
class Closure:
    """The citydesk modules the server needs (files relative to src/) and the third-party imports seen."""

    files: set[Path] = field(default_factory=set)
    third_party: dict[str, str] = field(default_factory=dict)  # top-level name -> first "file: import" seen


def module_file(name: str) -> Path | None:
    """The source file of a citydesk module or package (relative to src/), or None when there is none."""
    base = SRC.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate.relative_to(SRC)
    return None


def module_name(path: Path) -> str:
    """The dotted name of a file relative to src/ (a package's __init__.py names the package)."""
    parts = list(path.with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking_only(node: ast.If) -> bool:
    """Whether an `if` is `if TYPE_CHECKING:` (its imports never run)."""
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_nodes(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement in a module, at any depth, skipping `if TYPE_CHECKING:` bodies."""
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        if isinstance(node, ast.If) and _type_checking_only(node):
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))


def imported_names(path: Path) -> Iterator[tuple[str, int]]:
    """The absolute module names a file imports (with the line), relative imports resolved; for `from a
    import b` both `a` and `a.b` (b may be a submodule)."""
    tree = ast.parse((SRC / path).read_text(encoding="utf-8"), filename=str(path))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    for node in _import_nodes(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
            continue
        base = node.module or ""
        if node.level:
            anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
            base = ".".join([*anchor, base] if base else anchor)
        yield base, node.lineno
        for alias in node.names:
            yield f"{base}.{alias.name}", node.lineno


def root_files() -> list[Path]:
    """The files of the root packages: their modules and their Alembic folders' Python files."""
    found: list[Path] = []
    for root in ROOTS:
        folder = SRC.joinpath(*root.split("."))
        found.extend(p.relative_to(SRC) for p in sorted(folder.rglob("*.py")) if "__pycache__" not in p.parts)
    return found


def server_closure() -> Closure:
    """Follow the imports from the root packages through src/citydesk/ (see the module docstring)."""
    closure = Closure()
    pending = root_files()
    stdlib = sys.stdlib_module_names
    while pending:
        path = pending.pop()
        if path in closure.files:
            continue
        closure.files.add(path)
        parent = path.parent  # every enclosing package's __init__.py comes along
        while parent != Path("."):
            init = parent / "__init__.py"
            if (SRC / init).is_file() and init not in closure.files:
                pending.append(init)
            parent = parent.parent
        for name, line in imported_names(path):
            top = name.split(".")[0]
            where = f"{path}:{line} imports {name}"
            if top == PACKAGE:
                parts = name.split(".")
                if len(parts) > 1 and parts[1] in DESKTOP_ONLY:
                    raise BuildError(f"The server reaches the desktop-only module {name} ({where}).")
                found = module_file(name)
                if found is not None and found not in closure.files:
                    pending.append(found)
            elif top and top not in stdlib:
                closure.third_party.setdefault(top, where)
    unknown = {top: where for top, where in closure.third_party.items() if top not in PROVIDED_BY}
    if unknown:
        lines = "\n".join(f"  {where}" for where in unknown.values())
        raise BuildError(
            "The server imports modules that are not among its dependencies (make the import lazy in a "
            "module the server does not use, or add the dependency to installer/server-dist/pyproject.toml):"
            f"\n{lines}"
        )
    return closure


def declared_dependencies() -> set[str]:
    """The distribution names in this folder's pyproject.toml `dependencies` (extras and pins dropped)."""
    text = (HERE / "pyproject.toml").read_text(encoding="utf-8")
    block = re.search(r"^dependencies = \[(.*?)^\]", text, re.S | re.M)
    if block is None:
        raise BuildError("installer/server-dist/pyproject.toml has no dependencies list.")
    names = re.findall(r'^\s*"([A-Za-z0-9_.-]+)', block.group(1), re.M)
    return {n.lower() for n in names}


def stage(closure: Closure, into: Path) -> None:
    """Copy pyproject.toml, the README, the closure's modules, the Alembic chains and py.typed into a
    build folder."""
    shutil.copy2(HERE / "pyproject.toml", into / "pyproject.toml")
    shutil.copy2(HERE / "README.md", into / "README.md")
    for path in sorted(closure.files):
        target = into / "src" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(SRC / path, target)
    packages = {module_name(p) for p in closure.files if p.name == "__init__.py"}
    for folder in MIGRATION_FOLDERS:
        owner = f"{PACKAGE}.{folder.split('/')[0]}"
        if owner in packages:
            shutil.copytree(
                SRC / PACKAGE / folder,
                into / "src" / PACKAGE / folder,
                ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
                dirs_exist_ok=True,
            )
    shutil.copy2(SRC / PACKAGE / "py.typed", into / "src" / PACKAGE / "py.typed")


def _can_build_offline() -> bool:
    """Whether this interpreter can build the wheel without fetching anything: setuptools 61+ (reads
    pyproject.toml metadata) and bdist_wheel (setuptools 70.1+, or the `wheel` package)."""
    try:
        import setuptools
    except ImportError:
        return False
    version = tuple(int(part) for part in re.findall(r"\d+", setuptools.__version__)[:2])
    if version >= (70, 1):
        return True
    try:
        import wheel  # noqa: F401  (bdist_wheel before setuptools 70.1)
    except ImportError:
        return False
    return version >= (61, 0)


def build(out: Path) -> Path:
    """Build the wheel into `out` and return its path (BuildError with pip's output when it fails)."""
    closure = server_closure()
    missing = {PROVIDED_BY[top] for top in closure.third_party} - declared_dependencies()
    if missing:
        raise BuildError(f"installer/server-dist/pyproject.toml lacks the dependencies {sorted(missing)}.")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="citydesk-server-build-") as tmp:
        staged = Path(tmp)
        stage(closure, staged)
        command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", tmp + "/wheel"]
        if _can_build_offline():
            command.append("--no-build-isolation")
        done = subprocess.run([*command, str(staged)], capture_output=True, text=True, check=False)
        wheels = sorted((staged / "wheel").glob("citydesk_server-*.whl"))
        if done.returncode != 0 or len(wheels) != 1:
            raise BuildError(f"pip wheel failed:\n{done.stdout}{done.stderr}")
        target = out / wheels[0].name
        shutil.copy2(wheels[0], target)
    return target


def main(argv: list[str] | None = None) -> int:
    """Command line: build the wheel (or --list the modules it would hold)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="the wheel's folder (default: dist/)")
    parser.add_argument("--list", action="store_true", help="print the modules and imports, build nothing")
    args = parser.parse_args(argv)
    try:
        if args.list:
            closure = server_closure()
            print("\n".join(sorted(str(p) for p in closure.files)))
            print("third-party:", ", ".join(sorted(closure.third_party)))
            return 0
        wheel = build(args.out)
    except BuildError as exc:
        print(f"citydesk-server wheel: {exc}", file=sys.stderr)
        return 1
    print(f"Built {wheel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
