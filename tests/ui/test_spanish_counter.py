"""The counter in Spanish, driven by the keyboard as a Spanish-speaking clerk would: the walk-in takes as
few keystrokes as in English (the channel letters follow the Spanish words), the status answer is read
in Spanish, and the codes saved are the same codes. Real widgets on a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from helpers_detail import CTRL, open_main_window
from PySide6.QtCore import QLocale, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from test_counter import jane_ticket, key, open_dialog, type_text
from test_counter_intake import ALT, Clerk, open_form, wait_suggestions

from citydesk.domain.channels import Channel
from citydesk.store.models import Ticket
from citydesk.ui.app import CitydeskApp, install_translator, remove_translator
from citydesk.ui.counter.channel_field import CHANNEL_KEYS
from citydesk.ui.counter.status import StatusQuestionDialog
from citydesk.ui.shell import MainWindow
from citydesk.ui.words import channel_letters, date_text, status_label, ui_language
from factories import Office

SPANISH_LETTERS = {
    Channel.WALK_IN: "P",  # Presencial
    Channel.PHONE: "T",  # Teléfono
    Channel.EMAIL: "C",  # Correo electrónico
    Channel.WEB: "W",  # Web
    Channel.INTRANET: "N",  # iNtranet (I is Interno)
    Channel.INTERNAL: "I",  # Interno
    Channel.AFTER_HOURS: "F",  # Fuera de horario
}
ENGLISH_WALK_IN_KEYS = 10  # tests/ui/test_counter_intake.py: the same walk-in in English


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[QTranslator]:
    """The Spanish translator, installed before the windows are made."""
    QSettings().clear()
    translator = install_translator(qapp, QLocale("es_US"))
    assert translator is not None
    yield translator
    remove_translator(qapp, translator)


@pytest.fixture
def spanish_intake(spanish: QTranslator, request: pytest.FixtureRequest) -> MainWindow:
    """The clerk's main window (tests/ui/conftest.py's intake_window), made in Spanish."""
    window: MainWindow = request.getfixturevalue("intake_window")
    return window


def test_the_domain_words_and_letters_follow_the_language(qapp: QApplication) -> None:
    from datetime import date

    assert ui_language() == "en" and channel_letters() == CHANNEL_KEYS
    assert status_label("waiting_parts") == "Waiting for parts"
    assert date_text(date(2026, 11, 23)) == "Mon 23 Nov 2026"
    translator = install_translator(qapp, QLocale("es_US"))
    assert translator is not None
    try:
        assert ui_language() == "es"
        assert channel_letters() == SPANISH_LETTERS
        assert status_label("waiting_parts") == "En espera de piezas"
        assert status_label("some_future_status") == "some_future_status"  # an unknown code stays a code
        assert date_text(date(2026, 11, 23)) == "lun 23 de nov de 2026"
    finally:
        remove_translator(qapp, translator)


def test_walk_in_in_spanish_in_as_few_keystrokes(
    qtbot: Any, spanish_intake: MainWindow, office: Office
) -> None:
    clerk = Clerk(qtbot)
    dialog = open_form(qtbot, clerk, spanish_intake)
    assert dialog.windowTitle() == "Nueva solicitud"
    assert [dialog.channel.itemText(i) for i in range(dialog.channel.count())] == [
        "Teléfono (T)", "Presencial (P)", "Correo electrónico (C)", "Web (W)", "Intranet (N)", "Interno (I)",
        "Despacho fuera de horario (F)",
    ]  # fmt: skip
    assert dialog.channel.toolTip().startswith("Escriba una letra: P presencial, T teléfono")
    assert dialog.channel.currentData() == "phone" and clerk.focused() is dialog.channel
    clerk.type("w")  # Web in Spanish: no longer Walk-in
    assert dialog.channel.currentData() == "web"
    clerk.type("p")  # Presencial
    clerk.keys += 1  # a selection, not text: count it
    assert dialog.channel.currentData() == "walk_in"
    clerk.press(Qt.Key.Key_Tab)
    assert clerk.focused() is dialog.requester.edit
    clerk.press(Qt.Key.Key_W, ALT)  # new requester (the same key in both languages)
    assert clerk.focused() is dialog.person.name
    clerk.type("Ana Ruiz")
    clerk.press(Qt.Key.Key_Tab)
    clerk.type("555-010-4444")
    clerk.press(Qt.Key.Key_L, ALT)  # &Lugar
    clerk.type("120 main")
    wait_suggestions(qtbot, dialog.location)
    clerk.press(Qt.Key.Key_Return)
    assert "En la lista de direcciones de la ciudad" in dialog.location_info.text()
    assert clerk.focused() is dialog.category.edit
    clerk.type("lamp")
    wait_suggestions(qtbot, dialog.category)
    clerk.press(Qt.Key.Key_Return)
    assert "días hábiles" in dialog.category_info.text()
    assert dialog.priority.currentText() == "P3 Normal" and "días hábiles" in dialog.priority_meaning.text()
    clerk.press(Qt.Key.Key_I, ALT)  # Descr&ipción
    assert clerk.focused() is dialog.description
    clerk.type("Oscuro desde el lunes.")  # (QTest types ASCII only)
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        clerk.press(Qt.Key.Key_Return, CTRL)
    print(f"\nwalk-in in Spanish: {clerk.keys} keystrokes beyond the typed text")
    assert clerk.keys == ENGLISH_WALK_IN_KEYS
    assert "Prevista para el" in dialog.result.text()
    with office.db.read() as s:
        t = s.scalar(select(Ticket).where(Ticket.id == saved.args[0]))
    assert t is not None and (t.channel, t.priority, t.status) == ("walk_in", "P3", "new")  # codes stay codes


def test_status_answer_in_spanish(qtbot: Any, spanish: QTranslator, hub: CitydeskApp, office: Office) -> None:
    window = open_main_window(qtbot, hub, office.clerk)
    created = jane_ticket(office)  # Jane Roe prefers English
    dialog = open_dialog(qtbot, window, Qt.Key.Key_I, CTRL, StatusQuestionDialog)
    assert dialog.windowTitle() == "Consulta de estado"
    type_text(qtbot, "(555) 010-2000")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.view is not None and dialog.text.isVisible())
    text = dialog.text.toPlainText()
    for part in (created.number, "Esperando piezas. (En espera de piezas)",
                 "En inglés: «Waiting for parts».",  # Jane's own words, to read to her
                 "Previsto: para el lunes, 23 de noviembre de 2026", "Informado por: 1 persona",
                 "Quien llama: Jane Roe (encontrado por teléfono)", "Lo que podemos decirle a la persona",
                 "A crew is booked for Thursday morning."):  # fmt: skip
        assert part in text, part
    assert dialog.log_button.text() == "&Registrar esta consulta"
    key(qtbot, Qt.Key.Key_R, ALT)  # the Spanish mnemonic logs the inquiry
    qtbot.waitUntil(lambda: f"Consulta de estado sobre {created.number} registrada" in window.message.text())
