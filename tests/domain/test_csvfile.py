"""The one CSV reader: encodings, separators, row numbers and problems, from bytes."""

from __future__ import annotations

import pytest

from citydesk.domain.csvfile import CsvProblems, Problem, read_bytes, read_text
from citydesk.domain.errors import ValidationError

TEXT = "Name,Ward\nJosé Núñez,Ward 1\nZoë Brontë,Ward 2\n"
NAMES = [("José Núñez", "Ward 1"), ("Zoë Brontë", "Ward 2")]


def cells(data: bytes, **kwargs: bool) -> list[tuple[str, ...]]:
    table = read_bytes(data, name="people.csv", **kwargs)
    assert table.problems == ()
    return [row for _line, row in table.rows]


def test_utf8() -> None:
    table = read_bytes(TEXT.encode("utf-8"))
    assert (table.headers, table.encoding, table.notice, table.delimiter) == (
        ("Name", "Ward"),
        "utf-8",
        None,
        ",",
    )
    assert [row for _line, row in table.rows] == NAMES
    assert [line for line, _row in table.rows] == [2, 3]


def test_utf8_with_a_byte_order_mark() -> None:
    table = read_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    assert table.headers == ("Name", "Ward") and table.notice is None
    assert [row for _line, row in table.rows] == NAMES


def test_utf16_with_a_byte_order_mark() -> None:
    assert cells(TEXT.encode("utf-16")) == NAMES


def test_windows_1252_reads_accented_names_with_a_notice() -> None:
    table = read_bytes(TEXT.encode("cp1252"), name="people.csv")
    assert [row for _line, row in table.rows] == NAMES  # not "Jos� N��ez"
    assert table.encoding == "cp1252"
    assert table.notice is not None
    assert "people.csv" in table.notice and "Windows-1252" in table.notice


@pytest.mark.parametrize(("separator", "name"), [(";", "semicolon"), ("\t", "tab")])
def test_semicolon_and_tab_files(separator: str, name: str) -> None:
    text = f"Address{separator}Note\n12 Elm St, Apt 4{separator}a, b\n"
    table = read_bytes(text.encode())
    assert table.delimiter == separator, name
    assert table.headers == ("Address", "Note")
    assert [row for _line, row in table.rows] == [("12 Elm St, Apt 4", "a, b")]


def test_a_bad_byte_sequence_is_one_problem_not_garbled_text() -> None:
    table = read_bytes(b"Name\nJos\x81\x8d\n", name="bad.csv")
    assert table.rows == () and table.headers == ()
    assert len(table.problems) == 1
    problem = table.problems[0]
    assert problem.row == 0 and problem.column == ""
    assert "bad.csv is neither UTF-8 nor Windows-1252" in problem.message and "byte 9" in problem.message
    with pytest.raises(CsvProblems) as info:
        table.check()
    assert isinstance(info.value, ValidationError) and info.value.field == "file"
    assert info.value.message == problem.message


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"\n\n", b" , \n"])
def test_an_empty_file(data: bytes) -> None:
    table = read_bytes(data)
    assert [p.message for p in table.problems] == ["The file is empty: the first row must name the columns."]


def test_header_only() -> None:
    table = read_bytes(b"Title,Date Created\r\n")
    assert table.problems == () and table.headers == ("Title", "Date Created") and table.rows == ()


def test_a_column_named_twice() -> None:
    table = read_text("Ward,Address,Ward\n1,2,3\n")
    assert [p.message for p in table.problems] == ["The column 'Ward' appears twice in the header row."]


def test_blank_rows_are_skipped_and_rows_keep_their_spreadsheet_numbers() -> None:
    table = read_text('Name,Note\n\nAnn,"two\nlines"\n , \nBob,\n# public records note,\n')
    assert [(line, row[0]) for line, row in table.rows] == [
        (3, "Ann"),
        (5, "Bob"),
        (6, "# public records note"),
    ]
    notes_skipped = read_text("Name,Note\nAnn,\n# public records note,\n", skip_notes=True)
    assert [row[0] for _line, row in notes_skipped.rows] == ["Ann"]


def test_a_problem_reads_the_same_everywhere() -> None:
    assert Problem(7, "Date Created", "not a date").text() == "Row 7, Date Created: not a date"
    assert str(Problem(4, "", "identical to row 2")) == "Row 4: identical to row 2"
    assert Problem(0, "", "The file is empty.").text() == "The file is empty."
    many = CsvProblems([Problem(i, "x", "bad") for i in range(2, 15)])
    assert many.problems[-1].row == 14
    assert many.message.endswith("Row 11, x: bad (and 3 more)")
