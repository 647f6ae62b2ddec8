"""Receipt texts an admin edits: validated, one transaction with its field clock and outbox row."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from citydesk.domain.errors import PermissionDenied, ValidationError
from citydesk.domain.receipt_texts import DEFAULTS, RECEIPT_KEYS, clean_text, date_words, status_words
from citydesk.reports.receipt import write_receipt_pdf
from citydesk.services import tickets
from citydesk.services.receipts import set_receipt_text, set_receipt_texts
from citydesk.store.models import FieldClock, Outbox, ReceiptText
from citydesk.store.receipts import receipt_data
from factories import Office
from receipt_helpers import needs_poppler, pdf_text


def _counts(office: Office) -> tuple[int, int, int]:
    with office.db.read() as session:
        return (
            int(session.scalar(select(func.count()).select_from(ReceiptText)) or 0),
            int(session.scalar(select(func.count()).select_from(Outbox)) or 0),
            int(session.scalar(select(func.count()).select_from(FieldClock)
                                .where(FieldClock.table_name == "receipt_text")) or 0),
        )  # fmt: skip


def test_every_key_has_english_and_spanish_defaults_that_validate() -> None:
    for language in ("en", "es"):
        assert set(DEFAULTS[language]) == set(RECEIPT_KEYS)
        for key, value in DEFAULTS[language].items():
            assert clean_text(key, value) == value


@needs_poppler
def test_admin_edits_a_spanish_text_and_the_next_receipt_prints_it(office: Office, tmp_path: Path) -> None:
    rows, outbox, clocks = _counts(office)
    saved = set_receipt_text(office.db, actor=office.admin, language="es", key="heading",
                             value="  Su solicitud   está registrada ")  # fmt: skip
    assert saved.changed == ("heading",)
    assert _counts(office) == (rows + 1, outbox + 1, clocks + 1)
    with office.db.read() as session:
        row = session.get(ReceiptText, ("es", "heading"))
        assert row is not None and row.value == "Su solicitud está registrada"
        change = session.scalars(select(Outbox).order_by(Outbox.seq.desc())).first()
        assert change is not None
        assert (change.op, change.table_name, change.row_id) == ("insert", "receipt_text", "es:heading")
    created = tickets.create_ticket(
        office.db, actor=office.clerk, title="Farola apagada", channel="walk_in",
        category_id=office.streetlight, requester_id=office.spanish_citizen,
    )  # fmt: skip
    with office.db.read() as session:
        data = receipt_data(session, created.ticket_id)
    text = pdf_text(write_receipt_pdf(data, "thermal_80", tmp_path / "slip.pdf"))
    assert "Su solicitud está registrada" in text and "Hemos recibido" not in text
    # An edit of the same text is an update of its value; the same text again writes nothing.
    rows, outbox, clocks = _counts(office)
    set_receipt_text(office.db, actor=office.admin, language="es", key="heading", value="Registrada")
    assert _counts(office) == (rows, outbox + 1, clocks)
    again = set_receipt_text(office.db, actor=office.admin, language="es", key="heading", value="Registrada")
    assert again.changed == ()
    assert _counts(office) == (rows, outbox + 1, clocks)
    with office.db.read() as session:
        last = session.scalars(select(Outbox).order_by(Outbox.seq.desc())).first()
        assert last is not None and (last.op, last.field) == ("update", "value")


@pytest.mark.parametrize(
    ("language", "key", "value", "field"),
    [
        ("es", "heading", "   ", "heading"),
        ("es", "heading", "Llame al {telefono}", "heading"),
        ("es", "heading", "Número {number", "heading"),
        ("es", "heading", "x" * 401, "heading"),
        ("fr", "heading", "Bonjour", "language"),
        ("es", "footer", "Adiós", "key"),
    ],
)
def test_bad_texts_are_refused_and_nothing_is_written(
    office: Office, language: str, key: str, value: str, field: str
) -> None:
    before = _counts(office)
    with pytest.raises(ValidationError) as err:
        set_receipt_text(office.db, actor=office.admin, language=language, key=key, value=value)
    assert err.value.field == field and err.value.message
    assert _counts(office) == before


def test_a_batch_with_one_bad_text_writes_none(office: Office) -> None:
    before = _counts(office)
    with pytest.raises(ValidationError) as err:
        set_receipt_texts(office.db, actor=office.admin, language="en",
                          values={"heading": "Thanks!", "closing": "{oops}"})  # fmt: skip
    assert err.value.field == "closing"
    assert _counts(office) == before


@pytest.mark.parametrize("who", ["clerk", "tech", "supervisor"])
def test_only_an_admin_edits_receipt_texts(office: Office, who: str) -> None:
    before = _counts(office)
    with pytest.raises(PermissionDenied):
        set_receipt_text(office.db, actor=getattr(office, who), language="en", key="heading", value="Hi")
    assert _counts(office) == before


def test_dates_and_status_in_words() -> None:
    from datetime import date

    assert date_words(date(2026, 11, 25), "es") == "miércoles, 25 de noviembre de 2026"
    assert date_words(date(2026, 11, 25), "en") == "Wednesday, November 25, 2026"
    assert status_words("waiting_parts") == "Waiting for parts"
    assert status_words("in_progress", "es") == "Estamos trabajando en ello"
