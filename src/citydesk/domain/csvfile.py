"""The one CSV reader of every import (tickets and the address list): bytes in, rows and problems out.

Pure: the importers read the file and hand its bytes (or text) here.

* Encodings: UTF-8 with or without a byte-order mark; UTF-16 with a BOM; a file that is not valid
  UTF-8 is read as Windows-1252 (what Excel writes for "CSV" on Windows) with a notice to check the
  accented letters; bytes that are neither are a problem (nothing is replaced silently).
* Separators: comma, semicolon or tab, whichever the header line holds most of.
* Rows keep their spreadsheet row number (the header is row 1); blank rows are skipped, and with
  `skip_notes` so are note rows (first cell starting with `#`, the others empty: citydesk's
  public-records note).
* Every problem, whether the whole file's or one cell's, is a `Problem(row, column, message)`;
  `CsvProblems` is the error that carries a list of them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from citydesk.domain.errors import ValidationError

DELIMITERS = (",", ";", "\t")
SHOWN_IN_MESSAGE = 10  # problems spelled out in a CsvProblems message; `problems` holds them all


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in a CSV file: spreadsheet row (header = 1; 0 = the whole file), column, message."""

    row: int
    column: str
    message: str

    def text(self) -> str:
        """ "Row 7, Date Created: not a date ..." (no row for the whole file, no column for a whole row)."""
        if not self.row:
            return f"{self.column}: {self.message}" if self.column else self.message
        where = f"Row {self.row}, {self.column}" if self.column else f"Row {self.row}"
        return f"{where}: {self.message}"

    def __str__(self) -> str:
        return self.text()


class CsvProblems(ValidationError):
    """A CSV file that cannot be read or imported; `problems` lists every problem (nothing was written)."""

    def __init__(self, problems: Sequence[Problem], message: str | None = None) -> None:
        self.problems = tuple(problems)
        if message is None:
            shown = "; ".join(p.text() for p in self.problems[:SHOWN_IN_MESSAGE])
            more = len(self.problems) - SHOWN_IN_MESSAGE
            message = shown + (f" (and {more} more)" if more > 0 else "")
        super().__init__("file", message)


@dataclass(frozen=True, slots=True)
class CsvTable:
    """A CSV file read into memory: header, data rows with their row numbers, and what reading found.

    When `problems` is not empty the file could not be read and `headers` and `rows` are empty.
    """

    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    encoding: str
    notice: str | None = None
    delimiter: str = ","
    problems: tuple[Problem, ...] = ()

    def check(self) -> CsvTable:
        """The table itself; CsvProblems when the file could not be read."""
        if self.problems:
            raise CsvProblems(self.problems)
        return self


def _refused(problem: str, encoding: str = "", notice: str | None = None) -> CsvTable:
    return CsvTable((), (), encoding, notice, problems=(Problem(0, "", problem),))


def decode(data: bytes, name: str = "the file") -> tuple[str, str, str | None]:
    """The text of a CSV file, its encoding and a notice for the user (None when it is UTF-8 or UTF-16).

    Raises CsvProblems when the bytes are neither UTF-8 nor Windows-1252.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", None
        except UnicodeDecodeError as exc:
            raise CsvProblems(
                [Problem(0, "", f"{name} is not valid UTF-16 text (byte {exc.start + 1} cannot be read).")]
            ) from None
    try:
        return data.decode("utf-8-sig"), "utf-8", None
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise CsvProblems(
            [
                Problem(
                    0,
                    "",
                    f"{name} is neither UTF-8 nor Windows-1252 text (byte {first_bad + 1} cannot be read). "
                    "Save it from the spreadsheet as “CSV UTF-8” and try again.",
                )
            ]
        ) from None
    return (
        text,
        "cp1252",
        f"{name} is not UTF-8; it was read as Windows-1252 (an older Excel CSV). Check that accented "
        "letters look right, or save it as “CSV UTF-8”.",
    )


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: the one the header line holds most of (comma on a tie or none)."""
    first_line = text.split("\n", 1)[0]
    return max(DELIMITERS, key=first_line.count) if first_line else ","


def read_text(
    text: str, *, encoding: str = "utf-8", notice: str | None = None, skip_notes: bool = False
) -> CsvTable:
    """Split CSV text into header and rows (separator sniffed, blank rows skipped; see the module)."""
    text = text.removeprefix("\ufeff")
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        if not header or not any(h.strip() for h in header):
            return _refused("The file is empty: the first row must name the columns.", encoding, notice)
        headers = tuple(h.strip() for h in header)
        seen: set[str] = set()
        for h in headers:
            if h and h in seen:
                return _refused(f"The column {h!r} appears twice in the header row.", encoding, notice)
            seen.add(h)
        rows: list[tuple[int, tuple[str, ...]]] = []
        for line, cells in enumerate(reader, start=2):  # the spreadsheet's row number (header = 1)
            if not any(c.strip() for c in cells):
                continue
            if skip_notes and cells[0].lstrip().startswith("#") and not any(c.strip() for c in cells[1:]):
                continue
            rows.append((line, tuple(cells)))
    except csv.Error as exc:
        return _refused(f"The file is not valid CSV near row {reader.line_num}: {exc}.", encoding, notice)
    return CsvTable(headers, tuple(rows), encoding, notice, delimiter)


def read_bytes(data: bytes, *, name: str = "the file", skip_notes: bool = False) -> CsvTable:
    """Decode and split a CSV file's bytes; a file that cannot be read comes back with its problems."""
    try:
        text, encoding, notice = decode(data, name)
    except CsvProblems as exc:
        return CsvTable((), (), "", problems=exc.problems)
    return read_text(text, encoding=encoding, notice=notice, skip_notes=skip_notes)
