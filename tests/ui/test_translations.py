"""Spanish: the shipped translation loads for a Spanish locale; the main window and detail pane speak it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers_detail import sign_in
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from citydesk.ui.app import CitydeskApp, install_translator, translations_dir
from citydesk.ui.shell import MainWindow
from citydesk.ui.ticket_model import COL_PRIORITY
from factories import Office

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[QTranslator]:
    """The Spanish translator installed for one test, removed afterwards."""
    translator = install_translator(qapp, QLocale("es_MX"))
    assert translator is not None
    yield translator
    qapp.removeTranslator(translator)


def test_spanish_locale_loads_the_translation(spanish: QTranslator) -> None:
    assert Path(spanish.filePath()).name == "citydesk_es.qm"  # es_MX falls back to the language's file
    assert spanish.language() == "es"
    assert QCoreApplication.translate("MainWindow", "My tickets") == "Mis tickets"
    assert QCoreApplication.translate("TicketDetail", "Resolve…") == "Resolver…"


def test_english_locale_installs_nothing(qapp: QApplication) -> None:
    assert install_translator(qapp, QLocale("en_US")) is None
    assert QCoreApplication.translate("MainWindow", "My tickets") == "My tickets"


def test_main_window_and_detail_pane_in_spanish(
    qtbot: Any, spanish: QTranslator, hub: CitydeskApp, office: Office
) -> None:
    sign_in(hub, office.tech)
    QSettings().clear()
    win = MainWindow(hub)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.queues.count() >= 8)
    assert win.queues.item(0).text().startswith("Mis tickets")
    assert win.queues.item(7).text().startswith("Todos")
    menus = [a.text() for a in win.menuBar().actions()]
    assert menus[:2] == ["&Archivo", "&Ver"] and "A&yuda" in menus
    texts = {a.text() for a in win.actions()}
    assert {"&Salir", "&Buscar tickets", "Cambiar de &usuario…"} <= texts
    ticket_menu = next(a.menu() for a in win.menuBar().actions() if a.text() == "&Ticket")
    pane = {a.text() for a in ticket_menu.actions()}
    assert {"Añadir nota", "Tomarlo (asignármelo)", "Resolver…", "Reabrir…", "Escalar…"} <= pane
    assert win.model.headerData(COL_PRIORITY, Qt.Orientation.Horizontal) == "Prioridad"
    assert win.search.placeholderText().startswith("Buscar tickets")


def test_shipped_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    qm = tmp_path / "citydesk_es.qm"
    lrelease = str(Path(sys.executable).with_name("pyside6-lrelease"))
    subprocess.run([lrelease, str(translations_dir() / "citydesk_es.ts"), "-qm", str(qm)], check=True,
                   capture_output=True)  # fmt: skip
    assert qm.read_bytes() == (translations_dir() / "citydesk_es.qm").read_bytes(), (
        "resources/translations/citydesk_es.qm is stale: run scripts/translations.py"
    )
    assert translations_dir() == ROOT / "resources" / "translations"
