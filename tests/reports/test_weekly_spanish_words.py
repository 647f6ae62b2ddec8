"""The weekly report in Spanish reads Spanish throughout: the week's label, rates and points, the charts'
legends, axis days and notes, the breakdowns' notes, the busiest day, the P1 timelines, the lists'
notes and dates (read back from the PDF with pdftotext). English stays English."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from test_weekly_pdf import pdf_flow, pdf_lines
from weekly_fixture import CityWeek

from citydesk.reports.weekly.pdf import build_weekly_report

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

SPANISH = (
    "2026-W47 (16–22 nov 2026)",
    "3 de 4, 75%", "−25 p. p.",
    "meta 90%", "cumple la meta", "por debajo de la meta", "dh = plazo en días hábiles", "Pothole (5 dh)",
    "(sin categoría)", "lun 16", "abiertas habitualmente (promedio de las 8 semanas anteriores)",
    "abiertas al final de la semana", "Solicitudes resueltas esta semana que tenían fecha de vencimiento",
    "5 días hábiles", "1 día hábil", "Todavía sin registrar",
    "El día de más actividad: lunes 16 nov, con 2 solicitudes", "lun 16 nov",
    "Registrado por Carla Clerk", "Asignado a Tomás Técnico", "En curso (Tomás Técnico)",
    "Escalado al nivel 1", "Resuelto por Tomás Técnico: Hecho", "Responsable: Tomás Técnico", "Resuelto",
    "Entró mié 18 13:00", "primera respuesta tras 20 min",
    "Las 4 solicitudes abiertas más vencidas y después las más antiguas", "Sin asignar", "3 nov",
    "Tres o más solicitudes en los 90 días", "Jane Roe (la misma persona)", "Pothole en 100 Main St",
)  # fmt: skip
ENGLISH = (
    r"\bof \d", r"\bpts\b", r"\bopened\b", r"\bresolved\b", r"\bgoal\b", r"\bbd\b", r"Busiest day",
    r"most past due", r"Not recorded yet", r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d", r"\bNov \d", r"Owner:",
    r"Unassigned", r"Logged by", r"same person", r"Came in", r"business days?", r"no category",
    r"Escalated", r"Three or more",
)  # fmt: skip


def test_the_spanish_report_has_no_english_left(city_week: CityWeek, tmp_path: Path) -> None:
    m = city_week.metrics()
    path = build_weekly_report(m, city_name="City of Testville", scope_label=m.scope_name,
                               out_path=tmp_path / "semana.pdf", language="es")  # fmt: skip
    text = " ".join(pdf_lines(path)) + " " + pdf_flow(path)  # wrapped table cells read whole in the flow
    missing = [words for words in SPANISH if words not in text]
    assert not missing, missing
    left = [pattern for pattern in ENGLISH if re.search(pattern, text)]
    assert not left, left


def test_the_english_report_keeps_its_words(city_week: CityWeek, tmp_path: Path) -> None:
    m = city_week.metrics()
    path = build_weekly_report(m, city_name="City of Testville", scope_label=m.scope_name,
                               out_path=tmp_path / "week.pdf")  # fmt: skip
    text = " ".join(" ".join(pdf_lines(path)).split())
    for words in ("2026-W47 (Nov 16–22, 2026)", "3 of 4, 75%", "−25 pts", "goal 90%", "Mon 16",
                  "Busiest day: Monday Nov 16 with 2 requests", "Logged by Carla Clerk",
                  "Owner: Tomás Técnico", "Jane Roe (same person)", "Pothole (5 bd)",
                  "5 business days"):  # fmt: skip
        assert words in text, words
