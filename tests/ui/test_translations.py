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

from citydesk.ui.app import CitydeskApp, install_translator, remove_translator, translations_dir
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
    remove_translator(qapp, translator)


def test_spanish_locale_loads_the_translation(spanish: QTranslator) -> None:
    assert Path(spanish.filePath()).name == "citydesk_es.qm"  # es_MX falls back to the language's file
    assert spanish.language() == "es"
    assert QCoreApplication.translate("MainWindow", "My tickets") == "Mis tickets"
    assert QCoreApplication.translate("TicketDetail", "Resolve…") == "Resolver…"


def test_qt_own_words_are_spanish_too_and_leave_with_the_translator(qapp: QApplication) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    def cancel_text() -> str:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        try:
            return box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "")
        finally:
            box.deleteLater()

    translator = install_translator(qapp, QLocale("es_US"))
    assert translator is not None
    try:
        assert cancel_text() == "Cancelar"  # Qt's qtbase_es.qm: standard buttons, file dialogs, menus
    finally:
        remove_translator(qapp, translator)
    assert cancel_text() == "Cancel"


def test_errors_of_tasks_and_sign_in_are_translated(spanish: QTranslator) -> None:
    from citydesk.domain.errors import CitydeskError
    from citydesk.ui.tasks import readable

    said = readable(CitydeskError("That user cannot sign in here."))
    assert said == "Ese usuario no puede iniciar sesión aquí."
    said = readable(KeyError("x"))
    assert said.startswith("Algo salió mal: KeyError") and said.endswith("inténtelo de nuevo."), said


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


def _translations_script() -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location("translations_script", ROOT / "scripts" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_ts_is_current_with_the_sources_and_fully_translated() -> None:
    """A string added to the UI without running scripts/translations.py, or without its Spanish, fails."""
    import xml.etree.ElementTree as ET

    ts = translations_dir() / "citydesk_es.ts"
    assert _translations_script().extract("es") == ts.read_text(encoding="utf-8"), (
        "resources/translations/citydesk_es.ts is not current: run scripts/translations.py"
    )
    untranslated = [
        f"{context.findtext('name')}: {message.findtext('source')!r}"
        for context in ET.parse(ts).getroot().findall("context")
        for message in context.findall("message")
        if not message.findtext("translation") or "unfinished" in ET.tostring(message, encoding="unicode")
    ]
    assert not untranslated, "translate these in the .ts:\n" + "\n".join(untranslated)


def test_helper_contexts_follow_imports_and_computed_texts_get_the_domain_words() -> None:
    script = _translations_script()
    ui = ROOT / "src" / "citydesk" / "ui"
    assert script.helper_context(ui / "detail" / "view.py") == "TicketDetail"
    assert script.helper_context(ui / "detail" / "header.py") == "TicketDetail"  # `from …view import tr`
    assert script.helper_context(ui / "requesters" / "form.py") == "Requesters"
    assert script.helper_context(ui / "shell.py") is None  # self.tr only: the class is the context
    dynamic = script.dynamic_tr_contexts()
    assert {"TicketTableModel", "Conflicts"} <= dynamic  # self.tr(HEADERS[col]), tr(REASONS[code])
    assert "TicketDetail" not in dynamic  # the pane's domain words come from ui/words.py


def test_every_domain_code_has_its_words(spanish: QTranslator) -> None:
    from citydesk.domain.channels import Channel, ReplyMethod, RequesterKind
    from citydesk.domain.priorities import Priority
    from citydesk.domain.roles import Role
    from citydesk.domain.statuses import ResolutionReason, Status
    from citydesk.ui import words

    for table, enum in ((words.STATUS, Status), (words.PRIORITY, Priority), (words.CHANNEL, Channel),
                        (words.REPLY, ReplyMethod), (words.REASON, ResolutionReason), (words.ROLE, Role),
                        (words.KIND, RequesterKind), (words.CHANNEL_LETTER, Channel)):  # fmt: skip
        assert set(table) == set(enum), enum
        for code in enum:
            assert QCoreApplication.translate("Words", table[code]) != table[code] or table[code] in (
                "Web", "Intranet", "P3 Normal", "Supervisor"
            ), (enum, code)
    assert [Status(s).label for s in Status] == list(words.STATUS.values())  # the English words match
    assert [Priority(p).meaning for p in Priority] == list(words.PRIORITY_MEANING.values())
    assert [ResolutionReason(r).label for r in ResolutionReason] == list(words.REASON.values())
    assert words.reported_by(3) == "Informado por 3 personas" and words.people(1) == "1 persona"
    from datetime import UTC, datetime, timedelta

    now = datetime(2026, 11, 16, 15, tzinfo=UTC)
    assert words.ago(now - timedelta(hours=3), now) == "hace 3 horas"
    assert words.ago(now - timedelta(seconds=20), now) == "justo ahora"
    assert words.span(timedelta(days=1)) == "1 día"
    assert words.role_label("clerk") == "Empleado de mostrador"
    assert words.kind_label("staff") == "Empleado de la ciudad"
    assert words.long_date_text(now.date()) == "lunes, 16 de noviembre de 2026"
