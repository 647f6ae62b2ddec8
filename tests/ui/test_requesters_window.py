"""The Requesters window, driven by keyboard on a real SQLite file: find, edit, tickets, merge."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
from helpers_detail import CTRL, CTRL_SHIFT, focused, press, sign_in, type_text, unnamed_interactive
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from citydesk.domain.errors import ValidationError
from citydesk.domain.roles import Actor
from citydesk.services import tickets
from citydesk.services.requesters import create_requester
from citydesk.store.models import FieldClock, Requester, TicketReporter, TimelineEntry
from citydesk.ui.app import CitydeskApp
from citydesk.ui.requesters import RequestersWindow
from citydesk.ui.requesters.merge import MergeDialog
from citydesk.ui.shell import MainWindow
from factories import Office


def open_requesters(
    qtbot: Any, hub: CitydeskApp, office: Office, actor: Actor
) -> tuple[MainWindow, RequestersWindow]:
    """The main window signed in as `actor`, and the Requesters window opened with Ctrl+Shift+P."""
    sign_in(hub, actor)
    QSettings().clear()
    main = MainWindow(hub)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.ready, timeout=10_000):
        main.show()
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or main, Qt.Key.Key_P, CTRL_SHIFT)
    qtbot.waitUntil(lambda: main.requesters is not None and main.requesters.isActiveWindow())
    window = main.requesters
    qtbot.waitUntil(lambda: window.list_model.rowCount() > 0)
    assert focused() is window.search
    return main, window


def find(qtbot: Any, window: RequestersWindow, typed: str) -> None:
    """Type into the search box (which has focus), press Enter, and wait for the first match's form."""
    window.search.selectAll()
    type_text(qtbot, typed)
    press(qtbot, Qt.Key.Key_Return)
    # A search may also run while typing (after a pause); wait for the one of the whole text.
    model = window.list_model
    qtbot.waitUntil(
        lambda: model.typed == typed and not model.searching and model.rowCount() > 0, timeout=5000
    )
    first = model.requester_id(0)
    qtbot.waitUntil(
        lambda: window.form.requester is not None and window.form.requester.id == first, timeout=5000
    )
    assert focused() is window.list


def listed_names(window: RequestersWindow) -> list[str]:
    model = window.list_model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def tab_to(qtbot: Any, widget: Any, limit: int = 30) -> None:
    """Press Tab until `widget` has focus (a keyboard user's way there)."""
    for _ in range(limit):
        if focused() is widget:
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget.accessibleName()!r}")


def clock_of(office: Office, requester_id: str, field: str) -> int:
    with office.db.read() as s:
        return int(
            s.scalar(
                select(FieldClock.hlc).where(
                    FieldClock.table_name == "requester",
                    FieldClock.row_id == requester_id,
                    FieldClock.field == field,
                )
            )
        )


def stored_requester(office: Office, requester_id: str) -> Requester:
    with office.db.read() as s:
        row = s.get(Requester, requester_id)
        assert row is not None
        return row


@pytest.fixture
def clerk_window(
    qtbot: Any, hub: CitydeskApp, office: Office
) -> Iterator[tuple[MainWindow, RequestersWindow]]:
    """A clerk's main window and Requesters window over Jane Roe (two tickets) and José Núñez."""
    for title in ("Pothole on Elm", "Broken bench"):
        office.clock.advance(minutes=5)
        tickets.create_ticket(
            office.db, actor=office.clerk, title=title, channel="phone", requester_id=office.citizen
        )
    made = open_requesters(qtbot, hub, office, office.clerk)
    yield made
    made[1].close()
    made[0].close()


def test_find_by_phone_edit_email_and_see_tickets(
    qtbot: Any, clerk_window: tuple[MainWindow, RequestersWindow], office: Office
) -> None:
    main, window = clerk_window
    find(qtbot, window, "555 010 2000")
    assert listed_names(window) == ["Jane Roe"]
    assert window.form.email.text() == "jane@example.org"
    # Her tickets, newest first.
    model = window.tickets_model
    assert [model.data(model.index(r, 1)) for r in range(model.rowCount())] == [
        "Broken bench",
        "Pothole on Elm",
    ]
    assert model.data(model.index(0, 0)) == "CLK-TST-000002" and model.data(model.index(0, 2)) == "New"
    before = clock_of(office, office.citizen, "email")

    # A bad e-mail: the message is next to the field and nothing is saved.
    tab_to(qtbot, window.form.email)
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "jane@example")
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: bool(window.form.form.error_for("email")), timeout=5000)
    assert "mail" in window.form.form.error_for("email").lower()
    assert window.form.form.rows["email"].error.isVisible()
    assert focused() is window.form.email and window.form.email.text() == "jane@example"
    assert stored_requester(office, office.citizen).email == "jane@example.org"
    assert clock_of(office, office.citizen, "email") == before

    # A good one: saved, the field's clock advanced, the error gone.
    office.clock.advance(minutes=1)
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "jane.roe@example.org")
    with qtbot.waitSignal(window.loaded, timeout=5000):
        press(qtbot, Qt.Key.Key_Return, CTRL)
    assert stored_requester(office, office.citizen).email == "jane.roe@example.org"
    assert clock_of(office, office.citizen, "email") > before
    assert clock_of(office, office.citizen, "name") < clock_of(office, office.citizen, "email")
    assert window.form.form.error_for("email") == ""
    assert "saved" in window.message.text()

    # Enter on a ticket opens it in the main window's detail pane.
    tab_to(qtbot, window.tickets)  # focus lands on the newest ticket
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Up)
    with qtbot.waitSignal(main.detail.loaded, timeout=5000) as opened:
        press(qtbot, Qt.Key.Key_Return)
    assert opened.args == [main.detail.ticket_id]
    assert main.detail.view is not None and main.detail.view.detail.number == "CLK-TST-000002"


def test_clerk_is_not_offered_merge(qtbot: Any, clerk_window: tuple[MainWindow, RequestersWindow]) -> None:
    _main, window = clerk_window
    find(qtbot, window, "jane")
    assert not window.merge_button.isVisible()
    assert not window.merge_action.isEnabled()
    press(qtbot, Qt.Key.Key_M, CTRL)
    assert window.merge_dialog is None


def test_anonymous_with_contact_details_is_refused(
    qtbot: Any, clerk_window: tuple[MainWindow, RequestersWindow], office: Office
) -> None:
    _main, window = clerk_window
    find(qtbot, window, "jose")
    tab_to(qtbot, window.form.anonymous)
    press(qtbot, Qt.Key.Key_Space)
    assert window.form.anonymous.isChecked()
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: bool(window.form.form.error_for("name")), timeout=5000)
    assert "anonymous" in window.form.form.error_for("name").lower()
    row = stored_requester(office, office.spanish_citizen)
    assert (row.anonymous, row.name) == (False, "José Núñez")


def test_staff_member_needs_a_department(
    qtbot: Any, clerk_window: tuple[MainWindow, RequestersWindow], office: Office
) -> None:
    _main, window = clerk_window
    find(qtbot, window, "jane")
    assert not window.form.department.isVisible()
    tab_to(qtbot, window.form.kind)
    window.form.kind.setCurrentIndex(window.form.kind.findData("staff"))  # type-to-select on a combo
    assert window.form.department.isVisible()
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: bool(window.form.form.error_for("department")), timeout=5000)
    assert stored_requester(office, office.citizen).kind == "citizen"
    tab_to(qtbot, window.form.department)
    window.form.department.setCurrentIndex(window.form.department.findData(office.it))
    with qtbot.waitSignal(window.loaded, timeout=5000):
        press(qtbot, Qt.Key.Key_S, CTRL)
    row = stored_requester(office, office.citizen)
    assert (row.kind, row.department_id) == ("staff", office.it)
    model = window.list_model
    qtbot.waitUntil(lambda: model.data(model.index(0, 3)) == "Staff (Information Technology)", timeout=5000)


def test_supervisor_merges_two_duplicates(qtbot: Any, hub: CitydeskApp, office: Office) -> None:
    duplicate = create_requester(
        office.db, actor=office.clerk, name="Jane R.", phone="555 010 2000", reply_method="phone"
    ).requester_id
    numbers = []
    for title in ("Tree down", "Water leak", "Noise at night"):
        office.clock.advance(minutes=5)
        numbers.append(
            tickets.create_ticket(
                office.db, actor=office.clerk, title=title, channel="phone", requester_id=duplicate
            ).ticket_id
        )
    kept = tickets.create_ticket(office.db, actor=office.clerk, title="Pothole", channel="phone",
                                 requester_id=office.citizen).ticket_id  # fmt: skip
    main, window = open_requesters(qtbot, hub, office, office.supervisor)
    try:
        find(qtbot, window, "jane r.")
        assert listed_names(window) == ["Jane R."]
        assert window.merge_button.isVisible() and window.merge_button.isEnabled()
        press(qtbot, Qt.Key.Key_M, CTRL)
        qtbot.waitUntil(
            lambda: isinstance(window.merge_dialog, MergeDialog) and window.merge_dialog.isActiveWindow()
        )
        dialog = window.merge_dialog
        assert focused() is dialog.search
        type_text(qtbot, "555-010-2000")
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.results.count() == 1, timeout=5000)
        assert "Jane R." not in dialog.results.item(0).text()  # never offered to merge into itself
        press(qtbot, Qt.Key.Key_Down)
        qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=5000)
        assert dialog.summary.text() == "3 tickets of Jane R. move to Jane Roe; Jane R. is kept as merged."
        with qtbot.waitSignal(dialog.finished, timeout=5000):
            press(qtbot, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(
            lambda: window.form.requester is not None and window.form.requester.id == office.citizen
        )
        qtbot.waitUntil(lambda: window.tickets_model.rowCount() == 4, timeout=5000)
        assert "Merged Jane R. into Jane Roe" in main.message.text()
    finally:
        window.close()
        main.close()

    with office.db.read() as s:
        assert s.get(Requester, duplicate).merged_into == office.citizen  # type: ignore[union-attr]
        reporters = dict(s.execute(select(TicketReporter.ticket_id, TicketReporter.requester_id)).all())
        merged = s.scalars(select(TimelineEntry).where(TimelineEntry.kind == "reporter_merged")).all()
    assert all(reporters[t] == office.citizen for t in [*numbers, kept])
    assert sorted(e.ticket_id for e in merged) == sorted(numbers)
    assert all(e.author_id == office.supervisor.user_id for e in merged)
    # The merged record is no longer offered in search.
    window2 = RequestersWindow(hub)
    qtbot.addWidget(window2)
    with qtbot.waitSignal(window2.list_model.loaded, timeout=5000):
        window2.list_model.search("555 010 2000")
    assert listed_names(window2) == ["Jane Roe"]


def test_the_merge_entry_reads_in_the_ticket_timeline(qtbot: Any, hub: CitydeskApp, office: Office) -> None:
    from citydesk.services.requesters import merge_requesters
    from citydesk.ui.detail import TicketDetailPane

    duplicate = create_requester(
        office.db, actor=office.clerk, name="J. Roe", phone="555 010 2000"
    ).requester_id
    created = tickets.create_ticket(office.db, actor=office.clerk, title="Tree down", channel="phone",
                                    requester_id=duplicate)  # fmt: skip
    merge_requesters(office.db, actor=office.supervisor, source_id=duplicate, target_id=office.citizen)
    sign_in(hub, office.tech)
    pane = TicketDetailPane(hub)
    qtbot.addWidget(pane)
    with qtbot.waitSignal(pane.loaded, timeout=5000):
        pane.set_ticket(created.ticket_id)
    assert any("Merged the duplicate requester J. Roe into Jane Roe" in t for t in pane.timeline.texts())


def test_every_control_of_the_requesters_window_has_an_accessible_name(
    qtbot: Any, hub: CitydeskApp, office: Office
) -> None:
    main, window = open_requesters(qtbot, hub, office, office.supervisor)
    try:
        find(qtbot, window, "jane")
        window.form.kind.setCurrentIndex(window.form.kind.findData("staff"))  # shows the department row
        missing = unnamed_interactive(window)
        assert not missing, "interactive widgets without an accessible name: " + ", ".join(missing)
        window.open_merge()
        qtbot.waitUntil(lambda: window.merge_dialog is not None and window.merge_dialog.isVisible())
        assert window.merge_dialog is not None
        missing = unnamed_interactive(window.merge_dialog)
        assert not missing, "interactive widgets without an accessible name: " + ", ".join(missing)
        window.merge_dialog.reject()
    finally:
        window.close()
        main.close()


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())

    lighter, darker = sorted((luminance(a), luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


R = QPalette.ColorRole
DARK = {
    R.Window: "#202124", R.WindowText: "#e8eaed", R.Base: "#181a1b", R.Text: "#e8eaed",
    R.Button: "#2d2f31", R.ButtonText: "#e8eaed", R.Highlight: "#8ab4f8", R.HighlightedText: "#202124",
}  # fmt: skip
"""The dark palette of `scripts/screenshots.py` (like a system dark mode)."""


@pytest.mark.parametrize("dark", [False, True])
def test_text_of_the_requesters_window_meets_contrast_in_both_palettes(
    qtbot: Any, hub: CitydeskApp, office: Office, dark: bool
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    if dark:
        palette = QPalette()
        for role, colour in DARK.items():
            palette.setColor(role, QColor(colour))
        app.setPalette(palette)
    try:
        sign_in(hub, office.supervisor)
        window = RequestersWindow(hub)
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.loaded, timeout=5000):
            window.show_requester(office.citizen)
        window.form.form.show_error(ValidationError("email", "That e-mail address cannot be right."))
        error = window.form.form.rows["email"].error
        assert error.isVisible()
        labels = (error, window.form.heading, window.tickets_label, window.message, window.found_label)
        pairs = [(label, R.WindowText, R.Window) for label in labels]
        pairs.append((window.form.name, R.Text, R.Base))  # selection colours are the platform's own
        for widget, fore, back in pairs:
            p = widget.palette()
            ratio = _contrast(p.color(fore), p.color(back))
            assert ratio >= 4.5, f"{widget.accessibleName() or type(widget).__name__}: {ratio:.2f}"
    finally:
        app.setPalette(before)


def test_closing_merge_while_a_search_runs_is_harmless(qtbot: Any, hub: CitydeskApp, office: Office) -> None:
    main, window = open_requesters(qtbot, hub, office, office.supervisor)
    try:
        find(qtbot, window, "jose")
        window.open_merge()
        dialog = window.merge_dialog
        assert dialog is not None
        qtbot.waitUntil(dialog.isActiveWindow)
        type_text(qtbot, "jane")
        dialog._find()  # a search in flight, as after a pause in typing
        press(qtbot, Qt.Key.Key_Escape)
        assert window.merge_dialog is None
        QCoreApplication.sendPostedEvents(dialog, QEvent.Type.DeferredDelete)  # gone before the reply
        assert not shiboken6.isValid(dialog)
        qtbot.waitUntil(lambda: hub.runner.in_flight == 0)  # the reply came back (and was ignored)
    finally:
        window.close()
        main.close()


def test_unsaved_edits_survive_choosing_another_requester(
    qtbot: Any, clerk_window: tuple[MainWindow, RequestersWindow], office: Office
) -> None:
    _main, window = clerk_window
    find(qtbot, window, "555 010")  # Jane Roe and José Núñez
    assert listed_names(window) == ["Jane Roe", "José Núñez"]
    tab_to(qtbot, window.form.address)
    type_text(qtbot, "4 Oak Ave")
    window.list.setFocus()
    with qtbot.waitSignal(window.loaded, timeout=5000):
        press(qtbot, Qt.Key.Key_Down)  # José
    assert window.form.address.text() == ""
    with qtbot.waitSignal(window.loaded, timeout=5000):
        press(qtbot, Qt.Key.Key_Up)  # back to Jane: the typed address is still there, not yet saved
    assert window.form.address.text() == "4 Oak Ave"
    assert "unsaved changes to Jane Roe are back" in window.message.text()
    assert stored_requester(office, office.citizen).address is None
    with qtbot.waitSignal(window.loaded, timeout=5000):
        press(qtbot, Qt.Key.Key_S, CTRL)
    assert stored_requester(office, office.citizen).address == "4 Oak Ave"
    assert window.form.address.text() == "4 Oak Ave" and not window.form.is_dirty()
