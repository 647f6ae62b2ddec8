"""`citydesk export-metrics` writes its header row in the city's working language (codes stay codes)."""

from __future__ import annotations

from pathlib import Path

from citydesk.cli import main
from citydesk.services import tickets as svc
from citydesk.services.working_language import set_working_language
from factories import Office


def test_export_metrics_follows_the_working_language(office: Office, tmp_path: Path) -> None:
    svc.create_ticket(office.db, actor=office.clerk, title="Pothole on Main", channel="phone",
                      category_id=office.pothole, requester_id=office.citizen)  # fmt: skip
    set_working_language(office.db, actor=office.admin, language="es")
    office.db.close()
    out = tmp_path / "métricas.csv"
    args = ["export-metrics", str(out), "--week", "2026-W47", "--scope", "city",
            "--database", str(office.db.path)]  # fmt: skip
    assert main(args) == 0
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "sección,elemento,esta_semana,semana_anterior,cambio,detalle"
    assert "summary,opened,1," in "\n".join(lines)  # section and item names are codes
