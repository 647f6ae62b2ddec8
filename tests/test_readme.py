"""The README stays true: the permissions table and the two Quick start commands."""

from __future__ import annotations

import re
from pathlib import Path

from citydesk.domain.permissions import permission_table_markdown

README = Path(__file__).resolve().parents[1] / "README.md"


def test_permissions_table_matches_the_code() -> None:
    text = README.read_text()
    block = re.search(r"<!-- permissions:start -->\n(.*?)\n<!-- permissions:end -->", text, re.S)
    assert block is not None, "README lost its permissions block"
    assert block.group(1).strip() == permission_table_markdown().strip()


def test_quick_start_has_exactly_two_commands() -> None:
    text = README.read_text()
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    code = re.search(r"```sh\n(.*?)```", section, re.S)
    assert code is not None
    commands = [line.split("#")[0].strip() for line in code.group(1).splitlines() if line.strip()]
    assert commands == ["make run", "make test"]
