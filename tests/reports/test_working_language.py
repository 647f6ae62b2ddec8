"""The city's working language: English by default; set to Spanish (a synced city setting, admins only),
the weekly report's headings and the CSV exports' column headings are Spanish, the values stay codes, and
a Spanish export imports back unchanged. The receipt keeps following the requester's language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from csv_helpers import read_export, seed_tickets
from sqlalchemy import func, select
from test_weekly_pdf import pdf_info, pdf_lines
from weekly_fixture import CityWeek

from citydesk.domain.errors import PermissionDenied, ValidationError
from citydesk.reports.csvio.export import PUBLIC_RECORDS_NOTE, TICKET_COLUMNS, export_tickets
from citydesk.reports.csvio.mapping import guess_mapping
from citydesk.reports.csvio.metrics_export import export_metrics
from citydesk.reports.weekly.pdf import SECTIONS, build_weekly_report
from citydesk.reports.working_language import (
    PUBLIC_RECORDS_NOTE_ES,
    REPORT_ES,
    TICKET_COLUMNS_ES,
    working_language,
)
from citydesk.services.working_language import set_working_language
from citydesk.store.models import CitySetting, Outbox
from factories import Office

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def language_of(office: Office) -> str:
    with office.db.read() as session:
        return working_language(session)


def test_english_by_default_spanish_when_set_and_bad_input_writes_nothing(office: Office) -> None:
    assert language_of(office) == "en"
    with office.db.read() as s:
        outbox_before = s.scalar(select(func.count()).select_from(Outbox))
    with pytest.raises(ValidationError, match="working language must be one of en, es; got 'fr'"):
        set_working_language(office.db, actor=office.admin, language="fr")
    with pytest.raises(PermissionDenied):
        set_working_language(office.db, actor=office.clerk, language="es")
    with office.db.read() as s:
        assert s.get(CitySetting, "working_language") is None
        assert s.scalar(select(func.count()).select_from(Outbox)) == outbox_before
    assert set_working_language(office.db, actor=office.admin, language=" ES ") == "es"
    assert language_of(office) == "es"
    with office.db.read() as s:  # a city setting: it syncs to every office like the others
        assert s.scalar(select(func.count()).select_from(Outbox)) == outbox_before + 1


def test_a_spanish_export_keeps_the_codes_and_imports_back(office: Office, tmp_path: Path) -> None:
    numbers = seed_tickets(office)
    set_working_language(office.db, actor=office.admin, language="es")
    out = tmp_path / "tickets.csv"
    with office.db.read() as session:
        export_tickets(session, out, public_records=True)
    rows = read_export(out)
    assert tuple(rows[0]) == tuple(TICKET_COLUMNS_ES[c] for c in TICKET_COLUMNS)
    assert rows[0][:4] == ["número", "creado", "estado", "prioridad"]
    closed = dict(zip(rows[0], next(r for r in rows if r[0] == numbers["closed"]), strict=True))
    assert (closed["estado"], closed["motivo_de_resolución"]) == ("closed", "done")  # codes stay codes
    assert rows[-1] == [PUBLIC_RECORDS_NOTE_ES]
    mapping = guess_mapping(rows[0])
    assert (mapping["estado"], mapping["creado"], mapping["título"]) == ("status", "created_at", "title")
    assert set(mapping.values()) >= {"title", "created_at", "status", "priority", "channel", "requester_name"}
    with office.db.read() as session:  # the language can also be asked for; English is the codes
        export_tickets(session, out, public_records=True, language="en")
    rows = read_export(out)
    assert tuple(rows[0]) == TICKET_COLUMNS and rows[-1] == [PUBLIC_RECORDS_NOTE]


def test_the_metrics_export_headings(city_week: CityWeek, tmp_path: Path) -> None:
    out = tmp_path / "metrics.csv"
    export_metrics(city_week.metrics(), out, language="es")
    rows = read_export(out)
    assert rows[0] == ["sección", "elemento", "esta_semana", "semana_anterior", "cambio", "detalle"]
    assert rows[2][:2] == ["summary", "opened"]  # section and item names are codes


@needs_poppler
def test_the_weekly_report_in_spanish(city_week: CityWeek, tmp_path: Path) -> None:
    m = city_week.metrics()
    path = build_weekly_report(m, city_name="City of Testville", scope_label=m.scope_name,
                               out_path=tmp_path / "semana.pdf", language="es")  # fmt: skip
    lines = pdf_lines(path)
    for heading in SECTIONS:
        assert REPORT_ES[heading] in lines, heading
    text = "\n".join(lines)
    for words in ("Cifra Esta semana Semana anterior Cambio", "Solicitudes abiertas", "Página 1 de",
                  "Datos al 23 nov 2026, 8:00 CST",
                  "City of Testville — Informe semanal de estado — Toda la ciudad",
                  "La semana anterior entraron", "Definiciones", "A tiempo",
                  "Del lunes a las 00:00 al lunes siguiente"):  # fmt: skip
        assert words in text, words
    assert pdf_info(path)["Title"].startswith("Informe semanal de estado 2026-W47")
    assert b"/Lang (es-US)" in path.read_bytes()


def test_every_report_heading_has_its_spanish() -> None:
    missing = [h for h in SECTIONS if h not in REPORT_ES]
    assert not missing, missing
    assert set(TICKET_COLUMNS) <= set(TICKET_COLUMNS_ES)
    assert len(set(TICKET_COLUMNS_ES.values())) == len(TICKET_COLUMNS_ES)  # one heading, one code


@needs_poppler
def test_the_writer_follows_the_city_setting(empty_office: Office, tmp_path: Path) -> None:
    from test_weekly_pdf import REPORT_NOW

    from citydesk.reports.weekly.writer import write_weekly_report

    set_working_language(empty_office.db, actor=empty_office.admin, language="es")
    out = tmp_path / "vacía.pdf"
    written = write_weekly_report(empty_office.db, now=REPORT_NOW, week=(2026, 47), out=out)
    text = " ".join(pdf_lines(written.path))
    for words in ("Informe semanal de estado", "Resumen", "Cifras clave",
                  "Esta semana no entró ningún incidente P1.",
                  "No había solicitudes abiertas al final de la semana.",
                  "Esta semana no hubo problemas recurrentes.",
                  "No hubo nada abierto en toda la semana y no se registraron contactos."):  # fmt: skip
        assert words in text, words
