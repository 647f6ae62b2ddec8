"""The problem list of an import as a CSV file (`citydesk import --problems`, "Save the problem list…").

One row per problem, every one of them: `row` (the spreadsheet row; empty for the whole file),
`column` and `message`, so a clerk can sort and filter it beside the file being fixed. Written like
every citydesk CSV (UTF-8 with a byte-order mark, through a temporary file): a path that cannot be
written is a `ValidationError` and leaves no file.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from citydesk.domain.csvfile import Problem
from citydesk.reports.csvio.export import write_csv

PROBLEM_COLUMNS = ("row", "column", "message")


def write_problems(path: Path, problems: Iterable[Problem]) -> int:
    """Write every problem to `path` (header only when there is none); the number written."""
    rows = ([p.row or "", p.column, p.message] for p in problems)
    return write_csv(Path(path), PROBLEM_COLUMNS, rows)
