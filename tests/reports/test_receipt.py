"""The receipt slip: both layouts, both languages, read back from real PDFs with pdftotext."""

from __future__ import annotations

from pathlib import Path

import pytest

from citydesk.domain.errors import ValidationError
from citydesk.reports.receipt import MM, Layout, slip_layout, write_receipt_pdf
from citydesk.services import tickets
from citydesk.services.requesters import create_requester
from citydesk.services.setup import set_setting
from citydesk.store.receipts import receipt_data
from factories import Office
from receipt_helpers import needs_poppler, pdf_page_size, pdf_text

pytestmark = needs_poppler


def _ticket(office: Office, requester_id: str, **extra: object) -> tickets.TicketCreated:
    fields: dict[str, object] = {
        "title": "Pothole on Elm Street",
        "channel": "walk_in",
        "category_id": office.pothole,
        "requester_id": requester_id,
        "location": "12 Elm Street",
    }
    fields.update(extra)
    return tickets.create_ticket(office.db, actor=office.clerk, **fields)  # type: ignore[arg-type]


def _receipt(office: Office, ticket_id: str, **kw: object):  # type: ignore[no-untyped-def]
    with office.db.read() as session:
        return receipt_data(session, ticket_id, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("layout", list(Layout))
def test_english_slip_prints_number_dates_request_and_how_to_ask(
    office: Office, tmp_path: Path, layout: Layout
) -> None:
    set_setting(office.db, actor=office.admin, key="city_phone", value="(555) 010-0100")
    created = _ticket(office, office.citizen)
    data = _receipt(office, created.ticket_id)
    # Created Monday 16 Nov 2026, 09:00 in Chicago; a pothole's target is 5 business days.
    assert data.due_date is not None and data.due_date.isoformat() == "2026-11-23"
    out = write_receipt_pdf(data, layout, tmp_path / "slip.pdf")
    text = pdf_text(out)
    for part in (
        "City of Testville",
        "City Hall",
        "We have received your request",
        "Your request number",
        created.number,
        "Monday, November 16, 2026",
        "Pothole on Elm Street",
        "Pothole",
        "12 Elm Street",
        "Expected completion",
        "Monday, November 23, 2026",
        "call (555) 010-0100 or visit City Hall and give your number " + created.number,
        "Jane Roe",
    ):
        assert part in text, part
    width, height = pdf_page_size(out)
    if layout is Layout.THERMAL_80:
        assert width == pytest.approx(80 * MM, abs=0.5)
        assert 200 < height < 600  # as tall as its content, not a sheet
    elif layout is Layout.HALF_LETTER:
        assert (width, height) == pytest.approx((612, 792), abs=0.5)
    else:
        assert (width, height) == pytest.approx((595.3, 841.9), abs=0.5)


@pytest.mark.parametrize("layout", [Layout.HALF_LETTER, Layout.THERMAL_80])
def test_spanish_speaker_gets_the_slip_in_spanish(office: Office, tmp_path: Path, layout: Layout) -> None:
    created = _ticket(office, office.spanish_citizen)
    out = write_receipt_pdf(_receipt(office, created.ticket_id), layout, tmp_path / "slip.pdf")
    text = pdf_text(out)
    for part in (
        "Hemos recibido su solicitud",
        "Su número de solicitud",
        created.number,
        "lunes, 16 de noviembre de 2026",
        "Fecha prevista de finalización",
        "lunes, 23 de noviembre de 2026",
        "acuda a City Hall e indique su número " + created.number,
        "Gracias. Conserve este comprobante.",
        "José Núñez",
    ):
        assert part in text, part
    assert "We have received" not in text


def test_language_can_be_chosen_for_the_slip(office: Office, tmp_path: Path) -> None:
    created = _ticket(office, office.spanish_citizen)
    text = pdf_text(write_receipt_pdf(_receipt(office, created.ticket_id, language="en"), "half_letter",
                                      tmp_path / "slip.pdf"))  # fmt: skip
    assert "We have received your request" in text and "Hemos" not in text


def test_anonymous_requester_nothing_identifying(office: Office, tmp_path: Path) -> None:
    anonymous = create_requester(office.db, actor=office.clerk, anonymous=True).requester_id
    created = _ticket(office, anonymous)
    data = _receipt(office, created.ticket_id)
    assert data.requester_name is None
    slip = slip_layout(data, Layout.THERMAL_80)
    assert "For" not in [run.text for run in slip.runs]
    assert "Anonymous" not in slip.plain_text()
    text = pdf_text(write_receipt_pdf(data, Layout.THERMAL_80, tmp_path / "slip.pdf"))
    assert created.number in text and "Jane" not in text


def test_long_title_wraps_inside_the_page(office: Office) -> None:
    created = _ticket(office, office.citizen, title="Very long " * 19 + "end", location="Somewhere " * 25)
    for layout in Layout:
        slip = slip_layout(_receipt(office, created.ticket_id), layout)
        assert all(run.x >= 0 for run in slip.runs)
        right = slip.width - 4 * MM if layout is Layout.THERMAL_80 else slip.width - 54
        from citydesk.reports.receipt import text_width

        assert all(run.x + text_width(run.text, run.bold, run.size) <= right + 0.5 for run in slip.runs)
        assert any(run.text.endswith("…") for run in slip.runs)


def test_bad_layout_and_file_name_are_refused(office: Office, tmp_path: Path) -> None:
    created = _ticket(office, office.citizen)
    data = _receipt(office, created.ticket_id)
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(ValidationError) as err:
        write_receipt_pdf(data, "postcard", folder / "slip.pdf")
    assert err.value.field == "layout"
    with pytest.raises(ValidationError):
        write_receipt_pdf(data, "half_letter", folder / "slip.txt")
    assert list(folder.iterdir()) == []
