"""Refresh resources/translations/: extract the strings of every ui module with pyside6-lupdate, keep the
translations already made, compile .qm with pyside6-lrelease.

    .venv/bin/python scripts/translations.py          # update citydesk_es.ts, compile citydesk_es.qm

Translate in the .ts (Qt Linguist: `pyside6-linguist resources/translations/citydesk_es.ts`), then run
this again to compile. The app loads `citydesk_<language>.qm` for the system locale at start.
"""

from __future__ import annotations

import ast
import copy
import subprocess
import sys
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("es",)
SOURCES = ("src/citydesk/ui/*.py", "src/citydesk/ui/*/*.py")
WORDS_CONTEXT = "Words"  # citydesk.ui.words: the domain's words (statuses, priorities, channels, ...)
HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'


def _tool(name: str) -> str:
    local = Path(sys.executable).with_name(name)
    return str(local) if local.exists() else name


def _module_path(module: str) -> Path | None:
    """The source file of a `citydesk.…` module, or None outside the package."""
    if not module.startswith("citydesk."):
        return None
    base = ROOT / "src" / Path(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.exists():
            return candidate
    return None


def helper_context(path: Path, seen: frozenset[Path] = frozenset()) -> str | None:
    """The fixed context of the module-level `tr()` helper a ui file uses (its own `def tr` calling
    `QCoreApplication.translate("Context", …)`, or one it imports as `tr`); None when it has none.

    lupdate files a bare `tr("…")` call under an empty context (or under the receiver's name for
    `window.tr(…)`): this tells which context the call translates in at run time."""
    if path in seen or not path.exists():
        return None
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "tr":
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and call.func.attr == "translate"
                    and call.args
                    and isinstance(call.args[0], ast.Constant)
                    and isinstance(call.args[0].value, str)
                ):
                    return call.args[0].value
        imports_tr = isinstance(node, ast.ImportFrom) and any(
            alias.name == "tr" and alias.asname in (None, "tr") for alias in node.names
        )
        if isinstance(node, ast.ImportFrom) and imports_tr and node.module and node.level == 0:
            source = _module_path(node.module)
            if source is not None:
                return helper_context(source, seen | {path})
    return None


def _split_by_context(message: ET.Element) -> dict[str, ET.Element]:
    """lupdate files a bare `tr("…")` under an empty (or receiver-named) context and merges the calls of
    every file into one message; each file's `tr()` helper may translate in another context. Returns one
    copy of `message` per run-time context, each with that context's locations."""
    split: dict[str, ET.Element] = {}
    for location in message.findall("location"):
        target = helper_context((FOLDER / location.get("filename", "")).resolve())
        if target is None:
            raise SystemExit(f"no context for {message.findtext('source')!r} in {location.get('filename')}")
        if target not in split:
            split[target] = copy.deepcopy(message)
            for old in split[target].findall("location"):
                split[target].remove(old)
        split[target].insert(len(split[target].findall("location")), copy.deepcopy(location))
    return split


def _classes() -> dict[str, list[str]]:
    """Every class defined in the ui package → the names of its bases."""
    found: dict[str, list[str]] = {}
    for pattern in SOURCES:
        for path in ROOT.glob(pattern):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ClassDef):
                    names = [b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases]
                    found[node.name] = names
    return found


def _subclasses(classes: dict[str, list[str]], name: str) -> set[str]:
    """The ui classes deriving from `name`, directly or not."""
    direct = {child for child, bases in classes.items() if name in bases}
    return direct.union(*(_subclasses(classes, child) for child in direct)) if direct else set()


def _merge(context: ET.Element, message: ET.Element) -> None:
    """Add `message` to `context`, or only its locations when the context has its source already."""
    twin = _twin(context, message.findtext("source"))
    if twin is None:
        context.append(message)
        return
    at = list(twin).index(twin.findall("location")[-1]) + 1 if twin.findall("location") else 0
    for location in message.findall("location"):
        twin.insert(at, location)
        at += 1


def _regroup(tree: ET.ElementTree) -> None:
    """Move the messages lupdate filed under an empty or receiver-named context ("window", "parent")
    into the context their file's `tr()` helper uses; `QT_TRANSLATE_NOOP` contexts stay as written."""
    root = tree.getroot()
    contexts = {c.findtext("name") or "": c for c in root.findall("context")}
    classes = _classes()
    for name, context in list(contexts.items()):
        if name and (name in classes or name[0].isupper()):
            continue
        for message in context.findall("message"):
            context.remove(message)
            for target, part in _split_by_context(message).items():
                if target not in contexts:
                    contexts[target] = ET.SubElement(root, "context")
                    ET.SubElement(contexts[target], "name").text = target
                _merge(contexts[target], part)
        if not context.findall("message"):
            root.remove(context)


def dynamic_tr_contexts() -> set[str]:
    """The contexts of every `tr(x)` / `self.tr(x)` call whose text is not a literal (a domain word such
    as `tr(Status(s).label)`): lupdate cannot see what they translate."""
    found: set[str] = set()
    for pattern in SOURCES:
        for path in ROOT.glob(pattern):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for cls in [None, *(n for n in ast.walk(tree) if isinstance(n, ast.ClassDef))]:
                body = tree if cls is None else cls
                for call in ast.walk(body):
                    if not isinstance(call, ast.Call) or not call.args:
                        continue
                    if isinstance(call.args[0], ast.Constant):
                        continue
                    func = call.func
                    if cls is not None and isinstance(func, ast.Attribute) and func.attr == "tr":
                        if isinstance(func.value, ast.Name) and func.value.id == "self":
                            found.add(cls.name)
                    elif cls is None and isinstance(func, ast.Name) and func.id == "tr":
                        context = helper_context(path)
                        if context:
                            found.add(context)
    return found


def _inject_domain_words(tree: ET.ElementTree) -> None:
    """Copy the domain's words (ui/words.py's `Words` context, translated) into every context that
    translates a computed text, so `tr(Status(s).label)` finds "En curso" there too."""
    root = tree.getroot()
    contexts = {c.findtext("name") or "": c for c in root.findall("context")}
    words = contexts.get(WORDS_CONTEXT)
    if words is None:
        return
    for name in sorted(dynamic_tr_contexts() - {WORDS_CONTEXT}):
        if name not in contexts:
            contexts[name] = ET.SubElement(root, "context")
            ET.SubElement(contexts[name], "name").text = name
        for message in words.findall("message"):
            if _twin(contexts[name], message.findtext("source")) is None:
                contexts[name].append(copy.deepcopy(message))


def _copy_to_subclasses(tree: ET.ElementTree) -> None:
    """PySide's `self.tr` translates in the class of the object, not the class whose method calls it:
    a base class's or mixin's messages (translated there) are copied under every subclass's name."""
    root = tree.getroot()
    contexts = {c.findtext("name") or "": c for c in root.findall("context")}
    classes = _classes()
    for name, context in list(contexts.items()):
        for child in sorted(_subclasses(classes, name)):
            if child not in contexts:
                contexts[child] = ET.SubElement(root, "context")
                ET.SubElement(contexts[child], "name").text = child
            for message in context.findall("message"):
                if _twin(contexts[child], message.findtext("source")) is None:  # its own one wins
                    contexts[child].append(copy.deepcopy(message))
    for context in sorted(root.findall("context"), key=lambda c: c.findtext("name") or ""):
        root.remove(context)
        root.append(context)


def _twin(context: ET.Element, source: str | None) -> ET.Element | None:
    """The message of `context` with this source, if any."""
    return next((m for m in context.findall("message") if m.findtext("source") == source), None)


def _translations(path: Path) -> dict[tuple[str, str], ET.Element]:
    if not path.exists():
        return {}
    found = {}
    for context in ET.parse(path).getroot().findall("context"):
        for message in context.findall("message"):
            translation = message.find("translation")
            if translation is not None and translation.text:
                found[(context.findtext("name") or "", message.findtext("source") or "")] = translation
    return found


def extract(language: str) -> str:
    """The .ts text for `language` as the sources are now: extracted with lupdate, regrouped into the
    contexts `tr()` uses at run time, earlier translations kept, the domain's words copied where
    computed texts are translated, base-class messages copied to subclasses."""
    target = FOLDER / f"citydesk_{language}.ts"
    fresh = FOLDER / f"citydesk_{language}.{uuid.uuid4().hex[:8]}.extracted.ts"  # beside the .ts: lupdate
    # writes locations relative to it (and refuses an empty file, so the name is new, not created)
    try:
        sources = sorted(str(path) for pattern in SOURCES for path in ROOT.glob(pattern))
        options = ["-no-obsolete", "-locations", "absolute", "-target-language", language]
        subprocess.run(
            [_tool("pyside6-lupdate"), *sources, *options, "-ts", str(fresh)], check=True, capture_output=True
        )
        tree = ET.parse(fresh)
    finally:
        fresh.unlink(missing_ok=True)
    _regroup(tree)
    known = _translations(target)
    for context in tree.getroot().findall("context"):
        for message in context.findall("message"):
            done = known.get((context.findtext("name") or "", message.findtext("source") or ""))
            translation = message.find("translation")
            if done is not None and translation is not None:
                translation.text = done.text
                translation.attrib.pop("type", None)
    _inject_domain_words(tree)
    _copy_to_subclasses(tree)
    ET.indent(tree)
    return HEADER + ET.tostring(tree.getroot(), encoding="unicode") + "\n"


def update(language: str) -> Path:
    """Extract, keep earlier translations, write citydesk_<language>.ts; returns its path."""
    target = FOLDER / f"citydesk_{language}.ts"
    target.write_text(extract(language), encoding="utf-8")
    return target


def compile_ts(ts: Path, qm: Path | None = None) -> Path:
    """Compile a .ts into a .qm (beside it unless `qm` is given)."""
    qm = qm or ts.with_suffix(".qm")
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    return qm


def main() -> int:
    """Update and compile every language."""
    FOLDER.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        qm = compile_ts(update(language))
        print(f"{qm.relative_to(ROOT)} compiled")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
