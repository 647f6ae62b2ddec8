"""Refresh resources/translations/: extract the strings of the main window, the ticket table and the
detail pane with pyside6-lupdate, keep the translations already made, compile .qm with pyside6-lrelease.

    .venv/bin/python scripts/translations.py          # update citydesk_es.ts, compile citydesk_es.qm

Translate in the .ts (Qt Linguist: `pyside6-linguist resources/translations/citydesk_es.ts`), then run
this again to compile. The app loads `citydesk_<language>.qm` for the system locale at start.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("es",)
SOURCES = ("src/citydesk/ui/shell.py", "src/citydesk/ui/ticket_model.py", "src/citydesk/ui/detail/*.py")
# Module-level `tr()` helpers translate in a fixed context that lupdate cannot see (it files their
# strings under an empty context): the folder → the context its helper uses.
FREE_TR_CONTEXTS = {"src/citydesk/ui/detail/": "TicketDetail"}
HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'


def _tool(name: str) -> str:
    local = Path(sys.executable).with_name(name)
    return str(local) if local.exists() else name


def _context_of(message: ET.Element) -> str | None:
    location = message.find("location")
    if location is None:
        return None
    path = (FOLDER / location.get("filename", "")).resolve().relative_to(ROOT).as_posix()
    return next((ctx for folder, ctx in FREE_TR_CONTEXTS.items() if path.startswith(folder)), None)


def _regroup(tree: ET.ElementTree) -> None:
    """Move the empty context's messages into the context their file's `tr()` helper uses."""
    root = tree.getroot()
    contexts = {c.findtext("name") or "": c for c in root.findall("context")}
    empty = contexts.get("")
    if empty is None:
        return
    for message in empty.findall("message"):
        name = _context_of(message)
        if name is None:
            continue
        if name not in contexts:
            contexts[name] = ET.SubElement(root, "context")
            ET.SubElement(contexts[name], "name").text = name
        empty.remove(message)
        contexts[name].append(message)
    if not empty.findall("message"):
        root.remove(empty)


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


def update(language: str) -> Path:
    """Extract, keep earlier translations, write citydesk_<language>.ts; returns its path."""
    target = FOLDER / f"citydesk_{language}.ts"
    fresh = FOLDER / f"citydesk_{language}.extracted.ts"
    sources = sorted(str(path) for pattern in SOURCES for path in ROOT.glob(pattern))
    options = ["-no-obsolete", "-locations", "absolute", "-target-language", language]
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, *options, "-ts", str(fresh)], check=True, capture_output=True
    )
    tree = ET.parse(fresh)
    fresh.unlink()
    _regroup(tree)
    known = _translations(target)
    for context in tree.getroot().findall("context"):
        for message in context.findall("message"):
            done = known.get((context.findtext("name") or "", message.findtext("source") or ""))
            translation = message.find("translation")
            if done is not None and translation is not None:
                translation.text = done.text
                translation.attrib.pop("type", None)
    ET.indent(tree)
    target.write_text(HEADER + ET.tostring(tree.getroot(), encoding="unicode") + "\n", encoding="utf-8")
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
