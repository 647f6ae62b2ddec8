"""The services' English error messages, shown in Spanish at the desk (ui/error_words.py), and left as
raised when the UI is in English or the message is not one it knows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from citydesk.domain import validation
from citydesk.domain.errors import ValidationError
from citydesk.ui.app import install_translator, remove_translator
from citydesk.ui.error_words import TEMPLATES, error_text
from citydesk.ui.forms import Form


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[QTranslator]:
    translator = install_translator(qapp, QLocale("es_US"))
    assert translator is not None
    yield translator
    remove_translator(qapp, translator)


def raised(fn: Any, *args: Any) -> str:
    with pytest.raises(ValidationError) as caught:
        fn(*args)
    return caught.value.message


def test_known_messages_in_spanish_with_their_values(spanish: QTranslator) -> None:
    assert error_text(raised(validation.title, "")) == "Título: es obligatorio."
    assert error_text(raised(validation.phone, "12")) == (
        "'12' no parece un número de teléfono (de 7 a 15 dígitos)."
    )
    assert error_text(raised(validation.title, "x" * 201)) == (
        "Título: es demasiado largo (201 caracteres; como máximo 200)."
    )
    assert error_text("Something went wrong: OSError: disk full. Nothing was saved; please try again.") == (
        "Algo salió mal: OSError: disk full. No se guardó nada; inténtelo de nuevo."
    )
    assert error_text("The visit's date is more than 7 days ago: check the date.") == (
        "La fecha de la visita es de hace más de 7 días: revise la fecha."
    )
    assert error_text("A brand-new message nobody translated.") == "A brand-new message nobody translated."
    assert all(error_text(t) != t for t in TEMPLATES if "{" not in t)  # every fixed one is translated


def test_english_ui_shows_them_as_raised(qapp: QApplication) -> None:
    assert error_text("Title is required.") == "Title is required."


def test_a_form_shows_the_spanish_next_to_its_field(qtbot: Any, spanish: QTranslator) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    form = Form(holder)
    edit = QLineEdit()
    form.add_row("title", "Título:", edit)
    holder.setLayout(form.layout)
    holder.show()
    form.show_error(ValidationError("title", raised(validation.title, "  ")))
    assert form.error_for("title") == "Título: es obligatorio."
    form.show_error(RuntimeError("boom"))
    assert form.general_message.startswith("Algo salió mal: RuntimeError: boom.")
