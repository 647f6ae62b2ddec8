"""Importing the address list: all or nothing, clear per-row errors, re-import updates, admin only."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from sqlalchemy import select

from citydesk.domain.errors import PermissionDenied
from citydesk.domain.roles import SYSTEM_ACTOR
from citydesk.services.addresses import AddressFileError, import_addresses
from citydesk.store.intake import complete_addresses
from citydesk.store.models import Address
from factories import Office, address_counts

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "addresses.csv"


def test_the_sample_file_imports_with_rows_clocks_and_outbox(office: Office) -> None:
    summary = import_addresses(office.db, actor=office.admin, path=SAMPLE)
    assert (summary.rows, summary.added, summary.updated) == (10, 10, 0)
    assert address_counts(office) == (10, 70, 10)
    with office.db.read() as s:
        row = s.scalar(select(Address).where(Address.external_id == "ADR-0002"))
        assert row is not None
        assert (row.street_key, row.block, row.ward) == ("n main st", 1, "Ward 1")
        park = complete_addresses(s, "city park")
        assert [h.text for h in park] == ["1500 Oak Ave"] and park[0].matched_alias == "City Park"
        assert [h.text for h in complete_addresses(s, "old lib")] == ["310 W 2nd St"]


def test_reimport_updates_by_id_and_by_text(office: Office) -> None:
    import_addresses(office.db, actor=SYSTEM_ACTOR, data="id,address,ward\nA1,1 Elm St,W1\n,2 Elm St,W1\n")
    again = import_addresses(
        office.db, actor=SYSTEM_ACTOR, data="id,address,ward\nA1,1 Elm Street,W1\n,2 elm st,W2\n,3 Elm St,\n"
    )
    assert (again.added, again.updated, again.unchanged) == (1, 2, 0)
    with office.db.read() as s:
        assert sorted(s.scalars(select(Address.text))) == ["1 Elm Street", "2 elm st", "3 Elm St"]
    dry = import_addresses(office.db, actor=SYSTEM_ACTOR, data="address\n4 Elm St\n", dry_run=True)
    assert (dry.added, dry.dry_run) == (1, True)
    assert address_counts(office)[0] == 3


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("id,ward\n1,W1\n", "no address column"),
        ("address,lat\n1 Elm St,41\n", "latitude and longitude columns come together"),
        (
            "Address,Lat,Long\n1 Elm St,41.5,-93\n2 Elm St,north,-93\n",
            "Row 3, latitude: 'north' is not a number",
        ),
        ("address,latitude,longitude\n1 Elm St,95,-93\n", "Row 2, latitude: 95 is out of range"),
        ("address,latitude,longitude\n1 Elm St,41,\n", "give both latitude and longitude"),
        ("address,ward\n,W1\n2 Elm St,W1\n", "Row 2, address: the address is empty"),
        ("address,id\n1 Elm St,X\n2 Elm St,X\n", "Row 3, id: the id 'X' is also on row 2"),
        ("", "The file is empty"),
    ],
)
def test_bad_files_write_nothing_and_say_where(office: Office, data: str, expected: str) -> None:
    with pytest.raises(AddressFileError) as info:
        import_addresses(office.db, actor=office.admin, data=data)
    assert expected in info.value.message
    assert info.value.field == "file"
    assert address_counts(office) == (0, 0, 0)


def test_every_bad_row_is_listed_not_only_the_first(office: Office) -> None:
    data = "address,lat,lon\n1 Elm St,x,1\n2 Elm St,1,y\n3 Elm St,1,1\n,1,1\n"
    with pytest.raises(AddressFileError) as info:
        import_addresses(office.db, actor=office.admin, data=data)
    assert [(p.row, p.column) for p in info.value.problems] == [
        (2, "latitude"),
        (3, "longitude"),
        (5, "address"),
    ]


def test_only_admins_import(office: Office) -> None:
    for actor in (office.clerk, office.supervisor):
        with pytest.raises(PermissionDenied):
            import_addresses(office.db, actor=actor, path=SAMPLE)
    assert address_counts(office) == (0, 0, 0)


@pytest.mark.parametrize(
    ("encoding", "separator", "notice"),
    [("utf-8-sig", ",", False), ("cp1252", ";", True), ("utf-8", "\t", False), ("utf-16", ",", False)],
)
def test_the_file_goes_through_the_one_csv_reader(
    office: Office, tmp_path: Path, encoding: str, separator: str, notice: bool
) -> None:
    """Encodings and separators as for the ticket import: an Excel (Windows-1252) file keeps its accents."""
    path = tmp_path / "calles.csv"
    text = io.StringIO()
    writer = csv.writer(text, delimiter=separator)
    writer.writerows([
        ("Address", "Ward", "Aliases"),
        ("12 Calle Núñez", "Peñasco", "Plaza Mayor; Café Zoë"),
        ("14 Rue Brontë", "Ward 2", ""),
    ])  # fmt: skip
    path.write_bytes(text.getvalue().encode(encoding))
    summary = import_addresses(office.db, actor=office.admin, path=path)
    assert summary.added == 2
    assert (summary.notice is not None) is notice
    if notice:
        assert (
            summary.notice is not None and "calles.csv" in summary.notice and "Windows-1252" in summary.notice
        )
    with office.db.read() as s:
        found = {(a.text, a.ward, tuple(a.aliases)) for a in s.scalars(select(Address))}
    assert found == {
        ("12 Calle Núñez", "Peñasco", ("Plaza Mayor", "Café Zoë")),
        ("14 Rue Brontë", "Ward 2", ()),
    }


def test_bytes_that_are_not_text_are_refused_with_the_shared_problem(office: Office) -> None:
    with pytest.raises(AddressFileError) as info:
        import_addresses(office.db, actor=office.admin, data=b"address\nJos\x81\x8d St\n")
    assert [(p.row, p.column) for p in info.value.problems] == [(0, "")]
    assert "neither UTF-8 nor Windows-1252" in info.value.message
    assert address_counts(office) == (0, 0, 0)
