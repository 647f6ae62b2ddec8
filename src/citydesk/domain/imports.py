"""An import plan as plain data: the checked rows of a spreadsheet CSV and the errors found.

`citydesk.reports.csvio.parse` builds it from a file; `citydesk.services.csv_import` commits it.
Every problem is a `citydesk.domain.csvfile.Problem` (row, column, message), as for the address list.

A resolved or closed row with no resolution or closed date (a 311 export's `completed` rows often
have none) has `date_unknown`: it is imported as resolved on an unknown date (a resolution entry
marked `date_unknown`, never counted as resolved in any week). Rows identical to an earlier row
in every column are skipped and counted in `repeated`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from citydesk.domain.csvfile import Problem
from citydesk.domain.text import fold


@dataclass(frozen=True, slots=True)
class RequesterIn:
    """The requester named on an imported row."""

    name: str | None
    phone: str | None
    email: str | None
    address: str | None
    confidential: bool

    @property
    def key(self) -> str:
        """Who this is, for matching the same person on several rows (e-mail, phone, then name)."""
        if self.email:
            return "e:" + self.email.lower()
        if self.phone:
            return "p:" + re.sub(r"\D", "", self.phone)
        return "n:" + (fold(self.name) or "")


@dataclass(frozen=True, slots=True)
class ImportRow:
    """One checked row, ready for the bulk path."""

    line: int
    source_id: str | None
    title: str
    description: str
    status: str
    priority: str
    channel: str
    category_id: str | None
    department_id: str | None
    location: dict[str, Any] | None
    created_at: datetime
    resolved_at: datetime | None
    closed_at: datetime | None
    resolution_reason: str
    resolution_note: str
    requester: RequesterIn | None
    date_unknown: bool = False  # resolved or closed, but the file gives no date for it


@dataclass(frozen=True)
class ImportPlan:
    """What an import would write, or why it cannot: the rows that passed and every error found."""

    rows: tuple[ImportRow, ...]
    errors: tuple[Problem, ...]  # problems of single rows and cells
    total: int
    mapping: Mapping[str, str]
    notice: str | None = None
    problems: tuple[Problem, ...] = field(default=())  # whole-file problems (mapping, no rows): row 0
    repeated: int = 0  # rows identical to an earlier row in every column: skipped
    unknown_statuses: tuple[str, ...] = ()  # status words nobody knows (as first written in the file)

    @property
    def undated(self) -> int:
        """Rows that will be imported as resolved with the date unknown."""
        return sum(1 for r in self.rows if r.date_unknown)

    @property
    def all_problems(self) -> tuple[Problem, ...]:
        """Every problem: whole-file problems first, then the rows' in file order."""
        return (*self.problems, *self.errors)

    def notices(self) -> list[str]:
        """What the import will do that the reader should know (skipped repeats, undated resolutions)."""
        out = []
        if self.repeated:
            out.append(f"{self.repeated:,} row(s) identical to an earlier row in every column were skipped.")
        if self.undated:
            out.append(
                f"{self.undated:,} resolved or closed row(s) have no resolution or closed date: "
                "they are imported as resolved (date unknown)."
            )
        return out

    @property
    def ok(self) -> bool:
        """True when there is something to import and nothing is wrong."""
        return bool(self.rows) and not self.errors and not self.problems

    def error_lines(self, limit: int | None = None) -> list[str]:
        """Every problem as a printable line (whole-file problems first)."""
        lines = [p.text() for p in self.all_problems]
        return lines if limit is None else lines[:limit]
