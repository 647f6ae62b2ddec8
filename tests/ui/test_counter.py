"""The counter's status questions (Ctrl+I) and questions answered on the spot (Alt+Q), and the admin's
receipt texts, through the real main window, keyboard only, on a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from helpers_detail import open_main_window, sign_in, unnamed_interactive
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from citydesk.reports.metrics import parse_scope, weekly_metrics
from citydesk.reports.receipt import write_receipt_pdf
from citydesk.services import tickets
from citydesk.services.receipts import set_receipt_texts
from citydesk.store.models import ContactLog, ReceiptText
from citydesk.store.receipts import receipt_data
from citydesk.store.settings import load_settings
from citydesk.ui.app import CitydeskApp
from citydesk.ui.counter.question import QuestionDialog
from citydesk.ui.counter.receipt_texts import ReceiptTextsDialog
from citydesk.ui.counter.status import StatusQuestionDialog
from citydesk.ui.shell import MainWindow
from factories import Office
from receipt_helpers import pdf_text

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot: Any, hub: CitydeskApp, office: Office) -> Iterator[MainWindow]:
    """A clerk's main window."""
    win = open_main_window(qtbot, hub, office.clerk)
    yield win
    if win.counter.active_dialog is not None:
        win.counter.active_dialog.reject()
    win.close()


def key(qtbot: Any, k: Qt.Key, modifiers: Any = Qt.KeyboardModifier.NoModifier) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, k, modifiers)


def type_text(qtbot: Any, text: str) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClicks(target, text)


def open_dialog(qtbot: Any, win: MainWindow, k: Qt.Key, modifiers: Any, kind: type) -> Any:
    qtbot.waitUntil(lambda: win.counter.active_dialog is None and win.isActiveWindow())
    key(qtbot, k, modifiers)
    qtbot.waitUntil(lambda: isinstance(win.counter.active_dialog, kind))
    dialog = win.counter.active_dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def contacts(office: Office) -> list[ContactLog]:
    with office.db.read() as session:
        rows = list(session.scalars(select(ContactLog).order_by(ContactLog.at)))
        session.expunge_all()
    return rows


def week_figures(office: Office) -> tuple[int, int]:
    """This week's status inquiries and questions answered on the spot, as the weekly report counts them."""
    later = office.clock.now() + timedelta(minutes=1)  # the report counts what happened before "now"
    with office.db.read() as session:
        m = weekly_metrics(session, year=2026, week=47, scope=parse_scope(session, "city"), now=later)
    return m.status_inquiries.current, m.questions.current


def jane_ticket(office: Office) -> tickets.TicketCreated:
    created = tickets.create_ticket(office.db, actor=office.clerk, title="Pothole on Elm Street",
                                    channel="phone", category_id=office.pothole, requester_id=office.citizen,
                                    location="12 Elm Street")  # fmt: skip
    tickets.add_note(office.db, actor=office.tech, ticket_id=created.ticket_id,
                     body="A crew is booked for Thursday morning.", public=True)  # fmt: skip
    tickets.add_note(office.db, actor=office.tech, ticket_id=created.ticket_id,
                     body="Budget code 7731: do not tell callers.", public=False)  # fmt: skip
    tickets.change_status(office.db, actor=office.tech, ticket_id=created.ticket_id, status="waiting_parts")
    return created


def test_status_question_by_phone_reads_public_notes_only_and_logs_the_inquiry(
    qtbot: Any, window: MainWindow, office: Office
) -> None:
    created = jane_ticket(office)
    before = week_figures(office)
    dialog = open_dialog(qtbot, window, Qt.Key.Key_I, CTRL, StatusQuestionDialog)
    type_text(qtbot, "(555) 010-2000")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.view is not None and dialog.text.isVisible())
    text = dialog.text.toPlainText()
    for part in (created.number, "Waiting for parts", "Expected: by Monday, November 23, 2026",
                 "A crew is booked for Thursday morning.", "Reported by: 1 person",
                 "Caller: Jane Roe (matched by phone)",
                 "12 Elm Street"):  # fmt: skip
        assert part in text, part
    assert "Budget code" not in text and "7731" not in text
    assert QApplication.focusWidget() is dialog.text  # a screen reader reads the view next
    assert dialog.channel.currentData() == "phone"
    key(qtbot, Qt.Key.Key_L, ALT)
    qtbot.waitUntil(lambda: len(contacts(office)) == 1)
    row = contacts(office)[0]
    assert (row.kind, row.channel, row.ticket_id, row.author_id) == (
        "status_inquiry", "phone", created.ticket_id, office.clerk.user_id)  # fmt: skip
    qtbot.waitUntil(lambda: f"Status inquiry about {created.number} logged" in window.message.text())
    assert week_figures(office) == (before[0] + 1, before[1])
    key(qtbot, Qt.Key.Key_L, CTRL)  # once per question: a second press logs nothing more
    qtbot.waitUntil(lambda: window.hub.runner.in_flight == 0)
    assert len(contacts(office)) == 1
    missing = unnamed_interactive(dialog)
    assert not missing, "interactive widgets without an accessible name: " + ", ".join(missing)


def test_the_read_aloud_view_and_receipt_name_only_the_matched_caller(
    qtbot: Any, window: MainWindow, office: Office, tmp_path: Path
) -> None:
    created = jane_ticket(office)  # Jane Roe reported it; José Núñez (Spanish) calls about the same pothole
    office.clock.advance(minutes=10)
    tickets.add_reporter(office.db, actor=office.clerk, ticket_id=created.ticket_id,
                         requester_id=office.spanish_citizen, channel="walk_in")  # fmt: skip
    dialog = open_dialog(qtbot, window, Qt.Key.Key_I, CTRL, StatusQuestionDialog)
    type_text(qtbot, "555 010 3000")  # José's phone
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.view is not None and dialog.text.isVisible())
    text = dialog.text.toPlainText()
    for part in ("Reported by: 2 people", "Caller: José Núñez (matched by phone)", "In Spanish: ",
                 "A crew is booked for Thursday morning."):  # fmt: skip
        assert part in text, part
    assert "Jane" not in text and "Roe" not in text and "7731" not in text
    # Looked up by number: the caller may be anyone, so nobody is named; several reporters -> English
    dialog.find.setFocus()
    dialog.find.selectAll()
    type_text(qtbot, created.number)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.view is not None and dialog.view.caller_name is None)
    text = dialog.text.toPlainText()
    assert "Reported by: 2 people" in text and "Caller:" not in text and "In Spanish" not in text
    assert "Jane" not in text and "José" not in text and "Núñez" not in text
    # José's receipt slip names José only
    with office.db.read() as session:
        data = receipt_data(session, created.ticket_id, requester_id=office.spanish_citizen)
    slip = pdf_text(write_receipt_pdf(data, "half_letter", tmp_path / "slip.pdf"))
    assert "José Núñez" in slip and "Jane" not in slip and "Roe" not in slip


def test_several_matches_are_listed_to_pick_from(qtbot: Any, window: MainWindow, office: Office) -> None:
    first = jane_ticket(office)
    office.clock.advance(minutes=5)
    second = tickets.create_ticket(office.db, actor=office.clerk, title="Graffiti on the bus shelter",
                                   channel="phone", requester_id=office.citizen)  # fmt: skip
    dialog = open_dialog(qtbot, window, Qt.Key.Key_I, CTRL, StatusQuestionDialog)
    assert dialog.empty_hint.isVisible() and "then press Enter" in dialog.empty_hint.text()
    type_text(qtbot, "jane")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.list.isVisible() and dialog.list.count() == 2)
    assert not dialog.empty_hint.isVisible()  # the list takes its room
    assert [m.number for m in dialog.matches] == [second.number, first.number]  # open ones, newest first
    assert QApplication.focusWidget() is dialog.list
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.view is not None and dialog.view.number == first.number)
    # By number, typed as the caller reads it from the slip.
    dialog.find.setFocus()
    dialog.find.selectAll()
    type_text(qtbot, second.number.lower())
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.view is not None and dialog.view.number == second.number)
    dialog.find.setFocus()
    dialog.find.selectAll()
    type_text(qtbot, "nobody-like-this")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "No request found" in dialog.message.text())
    # Found by its words alone: listed for the clerk to check, never read out at once.
    dialog.find.setFocus()
    dialog.find.selectAll()
    type_text(qtbot, "shelter")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.list.isVisible() and dialog.list.count() == 1)
    assert dialog.matches[0].number == second.number and dialog.matches[0].by_words
    assert "One request mentions “shelter”" in dialog.status_line.text()
    assert QApplication.focusWidget() is dialog.list
    # The number read off the slip with spaces for its hyphens opens at once.
    dialog.find.setFocus()
    dialog.find.selectAll()
    type_text(qtbot, first.number.replace("-", " ").lower())
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.view is not None and dialog.view.number == first.number)
    assert not dialog.list.isVisible()
    assert contacts(office) == []


def test_question_answered_on_the_spot_is_logged_and_counted(
    qtbot: Any, window: MainWindow, office: Office
) -> None:
    before = week_figures(office)
    dialog = open_dialog(qtbot, window, Qt.Key.Key_Q, ALT, QuestionDialog)
    qtbot.waitUntil(lambda: bool(dialog.choices))
    type_text(qtbot, "When is bulk trash pickup on Elm Street?")
    key(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "lamp")  # a keyword of "Streetlight out"
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_End)  # channel: the last one, after-hours dispatch … then back to walk-in
    key(qtbot, Qt.Key.Key_Home)
    key(qtbot, Qt.Key.Key_Down)
    assert dialog.channel.currentData() == "walk_in"
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        key(qtbot, Qt.Key.Key_Return, CTRL)
    (row,) = contacts(office)
    assert (row.kind, row.channel, row.category_id, row.ticket_id) == (
        "question", "walk_in", office.streetlight, None)  # fmt: skip
    assert row.summary == "When is bulk trash pickup on Elm Street?"
    assert week_figures(office) == (before[0], before[1] + 1)
    qtbot.waitUntil(lambda: "Question answered on the spot logged" in window.message.text())
    again = open_dialog(qtbot, window, Qt.Key.Key_Q, ALT, QuestionDialog)
    assert again.channel.currentData() == "walk_in"  # remembered on this PC
    missing = unnamed_interactive(again)
    assert not missing, "interactive widgets without an accessible name: " + ", ".join(missing)


def test_question_with_an_empty_line_or_unknown_category_writes_nothing(
    qtbot: Any, window: MainWindow, office: Office
) -> None:
    dialog = open_dialog(qtbot, window, Qt.Key.Key_Q, ALT, QuestionDialog)
    qtbot.waitUntil(lambda: bool(dialog.choices))
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.form.error_for("summary") != "")
    assert "required" in dialog.form.error_for("summary")
    assert QApplication.focusWidget() is dialog.summary
    type_text(qtbot, "Where do I pay a parking ticket?")
    key(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "zzz unknown")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    assert "no category “zzz unknown”" in dialog.form.error_for("category")
    qtbot.waitUntil(lambda: window.hub.runner.in_flight == 0)
    assert contacts(office) == [] and dialog.isVisible()
    assert dialog.summary.text() == "Where do I pay a parking ticket?"  # what was typed stays


def test_admin_edits_a_spanish_receipt_text_with_a_preview(
    qtbot: Any, window: MainWindow, hub: CitydeskApp, office: Office
) -> None:
    assert not window.counter.receipt_texts.isVisible()  # a clerk is not offered it
    sign_in(hub, office.admin)
    assert window.counter.receipt_texts.isVisible()
    window.counter.receipt_texts.trigger()  # Counter ▸ Receipt texts…
    qtbot.waitUntil(lambda: isinstance(window.counter.active_dialog, ReceiptTextsDialog))
    dialog = window.counter.active_dialog
    qtbot.waitUntil(lambda: dialog.sample is not None)
    dialog.language.setFocus()
    key(qtbot, Qt.Key.Key_End)  # Spanish
    qtbot.waitUntil(lambda: dialog.sample.language == "es")
    assert dialog.fields["heading"].text() == "Hemos recibido su solicitud"
    dialog.fields["heading"].setFocus()
    dialog.fields["heading"].selectAll()
    type_text(qtbot, "Su solicitud ya esta registrada")
    qtbot.waitUntil(lambda: "Su solicitud ya esta registrada" in dialog.preview.accessibleDescription())
    key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: "Receipt texts saved (Spanish): 1 changed" in window.message.text())
    qtbot.waitUntil(lambda: hub.runner.in_flight == 0)  # the saved texts reload into the fields first
    with office.db.read() as session:
        row = session.get(ReceiptText, ("es", "heading"))
        assert row is not None and row.value == "Su solicitud ya esta registrada"
    # A bad placeholder is refused next to its field; nothing is written.
    dialog.fields["closing"].setFocus()
    dialog.fields["closing"].selectAll()
    type_text(qtbot, "Gracias, {nombre}")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: "Unknown placeholder" in dialog.form.error_for("closing"))
    with office.db.read() as session:
        assert session.get(ReceiptText, ("es", "closing")) is None
    # The city's phone for status questions is set here too; a number that cannot be right is refused.
    dialog.fields["closing"].setFocus()
    dialog.fields["closing"].selectAll()
    type_text(qtbot, "Gracias.")
    dialog.phone.setFocus()
    type_text(qtbot, "12")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: "does not look like a phone number" in dialog.form.error_for("phone"))
    with office.db.read() as session:
        assert session.get(ReceiptText, ("es", "closing")) is None
    dialog.phone.selectAll()
    type_text(qtbot, "(555) 010-0311")
    qtbot.waitUntil(
        lambda: "llame al (555) 010-0311" in " ".join(dialog.preview.accessibleDescription().split())
    )
    key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: "Receipt texts saved (Spanish): 2 changed" in window.message.text())
    with office.db.read() as session:
        assert load_settings(session)["city_phone"] == "(555) 010-0311"
        closing = session.get(ReceiptText, ("es", "closing"))
        assert closing is not None and closing.value == "Gracias."
    missing = unnamed_interactive(dialog)
    assert not missing, "interactive widgets without an accessible name: " + ", ".join(missing)


def test_a_non_admin_cannot_save_receipt_texts(qtbot: Any, hub: CitydeskApp, office: Office) -> None:
    sign_in(hub, office.supervisor)
    dialog = ReceiptTextsDialog(hub)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.sample is not None)
    dialog.fields["heading"].setText("Hello there")
    dialog.save()
    qtbot.waitUntil(lambda: "may not manage reference" in dialog.form.general_message)
    with office.db.read() as session:
        assert session.scalars(select(ReceiptText)).first() is None


def test_an_admin_is_told_at_sign_in_while_the_city_phone_is_unset(
    qtbot: Any, hub: CitydeskApp, office: Office
) -> None:
    notices: list[str] = []
    hub.notice.connect(lambda notice: notices.append(notice.title))
    win = open_main_window(qtbot, hub, office.admin)
    qtbot.waitUntil(lambda: "The city's phone number is not set" in notices)
    assert "Receipt texts" in win.notice_label.text() and win.notice_label.isVisible()
    win.close()
    # once set, nobody is told again; a clerk never is
    set_receipt_texts(office.db, actor=office.admin, language="en", values={}, city_phone="(555) 010-9000")
    notices.clear()
    for actor in (office.admin, office.clerk):
        again = open_main_window(qtbot, hub, actor)
        qtbot.waitUntil(lambda w=again: w.hub.runner.in_flight == 0)
        again.close()
    assert notices == []


def test_a_phone_caller_is_never_told_only_to_visit(office: Office, tmp_path: Path) -> None:
    phoned = tickets.create_ticket(office.db, actor=office.clerk, title="Pothole", channel="phone",
                                   requester_id=office.citizen)  # fmt: skip
    walked_in = tickets.create_ticket(office.db, actor=office.clerk, title="Bench", channel="walk_in",
                                      requester_id=office.spanish_citizen)  # fmt: skip
    with office.db.read() as session:
        by_phone = receipt_data(session, phoned.ticket_id)
        in_person = receipt_data(session, walked_in.ticket_id)
    phone_slip = pdf_text(write_receipt_pdf(by_phone, "half_letter", tmp_path / "phone.pdf"))
    visit_slip = pdf_text(write_receipt_pdf(in_person, "half_letter", tmp_path / "visit.pdf"))
    assert "call the number you called today or visit City Hall" in phone_slip
    assert "acuda a City Hall" in visit_slip and "llame" not in visit_slip
    set_receipt_texts(office.db, actor=office.admin, language="en", values={}, city_phone="(555) 010-9000")
    with office.db.read() as session:
        by_phone = receipt_data(session, phoned.ticket_id)
    phone_slip = pdf_text(write_receipt_pdf(by_phone, "half_letter", tmp_path / "phone2.pdf"))
    assert "call (555) 010-9000 or visit City Hall" in phone_slip
