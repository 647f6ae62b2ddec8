"""The technician's workday in the detail pane, driven by keyboard on real widgets and a real database.

Sign in as a technician, open a ticket, take it, add an internal and a public note, log 30 minutes,
schedule a visit, escalate, resolve as a duplicate of another ticket; reopen as a supervisor. Each
step is checked in the timeline widget and in the database (through the store's read queries).
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from helpers_detail import (
    CTRL,
    CTRL_SHIFT,
    focused,
    new_ticket,
    open_by_key,
    press,
    shortcut,
    show,
    sign_in,
    stored,
    submit_and_wait,
    timeline_has,
    type_text,
    unnamed_interactive,
)
from PySide6.QtCore import Qt

from citydesk.domain.statuses import Status
from citydesk.services import tickets
from citydesk.ui.app import CitydeskApp
from citydesk.ui.detail import TicketDetailPane
from citydesk.ui.detail.dialogs import (
    AssignDialog,
    ChangePriorityDialog,
    ChangeStatusDialog,
    EditDialog,
    LogCallDialog,
)
from citydesk.ui.detail.workflow_dialogs import (
    EscalateDialog,
    RecordTimeDialog,
    RedactDialog,
    ReopenDialog,
    ResolveDialog,
    ScheduleVisitDialog,
)
from factories import Office

# Offscreen windows cannot resize themselves; Qt says so whenever a dialog's layout grows.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


# ---- the workday ----------------------------------------------------------------------------


def test_technician_workday_then_supervisor_reopens(
    qtbot: Any,
    office: Office,
    hub: CitydeskApp,
    pane: TicketDetailPane,
) -> None:
    original = new_ticket(office, "Streetlight out on Oak Avenue", category_id=office.streetlight)
    ticket = new_ticket(office, "Streetlight dark at Oak and 3rd", category_id=office.streetlight)
    sign_in(hub, office.tech)
    announced: list[str] = []
    hub.announce.connect(announced.append)
    show(qtbot, pane, ticket.ticket_id)
    assert pane.header.number.text() == ticket.number
    assert "Reported by 1 person" in pane.header.values["reporters"].text()

    # Take it: Ctrl+T
    pane.timeline.setFocus()
    shortcut(qtbot, pane, Qt.Key.Key_T)
    qtbot.waitUntil(lambda: timeline_has(pane, "Assigned it to Tomás Técnico"), timeout=5000)
    assert stored(office, ticket.ticket_id).assignee_id == office.tech.user_id
    assert f"{ticket.number} is now assigned to you" in announced
    assert not pane.actions_.take.isEnabled()  # already mine

    # Internal note: Ctrl+Shift+N focuses the composer, Ctrl+Enter adds the note
    shortcut(qtbot, pane, Qt.Key.Key_N, CTRL_SHIFT)
    assert focused() is pane.composer
    assert pane.internal_radio.isChecked()
    type_text(qtbot, "Pole 14 has a burnt ballast; needs the bucket truck.")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: timeline_has(pane, "Internal", "burnt ballast"), timeout=5000)
    assert pane.composer.toPlainText() == ""
    assert f"Internal note added to {ticket.number}" in announced

    # Public note: Tab to the visibility choice, arrow to Public, back to the text, Ctrl+Enter
    type_text(qtbot, "A crew will replace the lamp this week.")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is pane.internal_radio
    press(qtbot, Qt.Key.Key_Right)
    assert pane.public_radio.isChecked()
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is pane.composer
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: timeline_has(pane, "Public", "replace the lamp"), timeout=5000)
    notes = [e for e in stored(office, ticket.ticket_id).timeline if e.kind == "note"]
    assert [(n.body, n.public) for n in notes] == [
        ("Pole 14 has a burnt ballast; needs the bucket truck.", False),
        ("A crew will replace the lamp this week.", True),
    ]

    # Log 30 minutes: Ctrl+Shift+T, type over the minutes, Enter
    dialog = open_by_key(qtbot, pane, Qt.Key.Key_T, CTRL_SHIFT, RecordTimeDialog)
    assert focused() is dialog.minutes
    type_text(qtbot, "30")
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: timeline_has(pane, "Recorded 30 min of work"), timeout=5000)
    assert stored(office, ticket.ticket_id).time_spent_minutes == 30

    # Schedule a visit: Ctrl+Shift+V, the date as the city writes it, Tab, the time, Tab, the place, Enter
    dialog = open_by_key(qtbot, pane, Qt.Key.Key_V, CTRL_SHIFT, ScheduleVisitDialog)
    assert focused() is dialog.date
    # the default: the next business day (Tuesday; today is Monday 16 Nov 2026) at 09:00 city time
    assert (dialog.date.date().toString("yyyy-MM-dd"), dialog.time.time().toString("HH:mm")) == (
        "2026-11-17", "09:00")  # fmt: skip
    assert dialog.date.displayFormat() == "MM/dd/yyyy"  # the city writes month/day/year
    type_text(qtbot, "11182026")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.time
    type_text(qtbot, "1030")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.place
    focused().selectAll()  # type: ignore[attr-defined]
    type_text(qtbot, "Pole 14, Oak Avenue at 3rd Street")
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: timeline_has(pane, "Scheduled a visit", "Pole 14, Oak Avenue"), timeout=5000)
    after = stored(office, ticket.ticket_id)
    assert after.visit_at == datetime(2026, 11, 18, 16, 30, tzinfo=UTC)  # 10:30 in Chicago
    assert after.visit_place == "Pole 14, Oak Avenue at 3rd Street"
    assert timeline_has(pane, "Wed 18 Nov 2026, 10:30 CST")
    assert pane.header.values["visit"].isVisible()

    # Escalate: Ctrl+Shift+E, level 1 is offered, Tab to the reason, Ctrl+Enter
    dialog = open_by_key(qtbot, pane, Qt.Key.Key_E, CTRL_SHIFT, EscalateDialog)
    assert dialog.level.value() == 1
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Dark intersection next to the school.")
    submit_and_wait(qtbot, pane, dialog, "Escalated to level 1")
    assert stored(office, ticket.ticket_id).escalation_level == 1

    # Resolve as a duplicate: Ctrl+R, type to pick the reason, Tab to the number, Tab to the note
    dialog = open_by_key(qtbot, pane, Qt.Key.Key_R, CTRL, ResolveDialog)
    assert focused() is dialog.reason
    type_text(qtbot, "Dup")
    assert dialog.reason.currentData() == "duplicate"
    assert dialog.duplicate_of.isVisible() and not dialog.agency.isVisible()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.duplicate_of
    type_text(qtbot, original.number)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.note
    type_text(qtbot, f"Already reported as {original.number}; we will fix it there.")
    submit_and_wait(qtbot, pane, dialog, "Resolved: Duplicate of another request")
    resolved = stored(office, ticket.ticket_id)
    assert resolved.status == Status.RESOLVED
    assert resolved.resolution_reason == "duplicate"
    assert resolved.resolution_ref == original.number
    assert timeline_has(pane, "Public", f"duplicate of {original.number}")
    assert not pane.actions_.resolve.isEnabled()
    assert not pane.actions_.reopen.isVisible()  # a technician never reopens

    # A supervisor reopens: Ctrl+Shift+R, the reason, Ctrl+Enter
    sign_in(hub, office.supervisor)
    assert pane.actions_.reopen.isVisible() and pane.actions_.reopen.isEnabled()
    dialog = open_by_key(qtbot, pane, Qt.Key.Key_R, CTRL_SHIFT, ReopenDialog)
    type_text(qtbot, "The other ticket is about a different pole.")
    submit_and_wait(qtbot, pane, dialog, "Reopened the ticket")
    reopened = stored(office, ticket.ticket_id)
    assert reopened.status == Status.ASSIGNED and reopened.is_open
    assert timeline_has(pane, "Sam Supervisor", "Reopened the ticket", "different pole")
    assert not pane.actions_.reopen.isEnabled()  # no Reopen on an open ticket
    assert f"{ticket.number} reopened" in announced

    kinds = [e.kind for e in stored(office, ticket.ticket_id).timeline]
    assert kinds == [
        "created",
        "assignment",
        "note",
        "note",
        "time_spent",
        "appointment",
        "escalation",
        "resolution",
        "reopen",
    ]
    assert len(pane.timeline.texts()) == len(kinds)


def test_clerk_is_not_offered_what_the_role_forbids(
    qtbot: Any,
    office: Office,
    hub: CitydeskApp,
    pane: TicketDetailPane,
) -> None:
    ticket = new_ticket(office)
    sign_in(hub, office.clerk)
    show(qtbot, pane, ticket.ticket_id)
    a = pane.actions_
    for action in (a.reopen, a.assign, a.escalate, a.redact, a.change_priority, a.take, a.record_time):
        assert not action.isVisible(), action.text()
        assert not action.isEnabled(), action.text()
    for action in (a.add_note, a.log_call, a.resolve):
        assert action.isVisible() and action.isEnabled(), action.text()
    # The shortcut does nothing either.
    pane.timeline.setFocus()
    shortcut(qtbot, pane, Qt.Key.Key_E, CTRL_SHIFT)
    assert pane.active_dialog is None

    # The same ticket, signed in as a supervisor, offers them (status permitting).
    sign_in(hub, office.supervisor)
    for action in (a.assign, a.escalate, a.change_priority, a.take):
        assert action.isVisible() and action.isEnabled(), action.text()
    assert a.reopen.isVisible() and not a.reopen.isEnabled()  # the ticket is open


def test_validation_errors_show_next_to_the_field_and_keep_the_input(
    qtbot: Any,
    office: Office,
    hub: CitydeskApp,
    pane: TicketDetailPane,
) -> None:
    ticket = new_ticket(office)
    sign_in(hub, office.tech)
    show(qtbot, pane, ticket.ticket_id)
    entries_before = len(stored(office, ticket.ticket_id).timeline)

    # An empty note: the message sits under the composer, nothing is written.
    shortcut(qtbot, pane, Qt.Key.Key_N, CTRL_SHIFT)
    type_text(qtbot, "   ")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: pane.note_form.error_for("body") != "", timeout=5000)
    assert pane.note_form.error_for("body") == "Note is required."
    assert pane.note_form.rows["body"].error.isVisible()

    # Referred without an agency: the message is under Agency, the typed note stays.
    dialog = open_by_key(qtbot, pane, Qt.Key.Key_R, CTRL, ResolveDialog)
    type_text(qtbot, "Ref")
    assert dialog.reason.currentData() == "referred"
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.agency
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "The county handles this road.")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: dialog.form.error_for("agency") != "", timeout=5000)
    assert dialog.form.error_for("agency") == "Agency is required."
    assert dialog.agency_row.error.isVisible()
    assert dialog.note.toPlainText() == "The county handles this road."
    assert dialog.isVisible() and focused() is dialog.agency
    # A duplicate of a number that does not exist: the message moves under the number.
    dialog.reason.setFocus()
    press(qtbot, Qt.Key.Key_Up)  # from "Referred" up to "Duplicate"
    assert dialog.reason.currentData() == "duplicate"
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "CLK-TST-999999")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: dialog.form.error_for("duplicate_of") != "", timeout=5000)
    assert "No ticket numbered 'CLK-TST-999999'" in dialog.form.error_for("duplicate_of")
    assert dialog.form.error_for("agency") == ""
    assert dialog.note.toPlainText() == "The county handles this road."
    dialog.reject()
    qtbot.waitUntil(lambda: pane.active_dialog is None)

    # Escalating without a reason.
    dialog = open_by_key(qtbot, pane, Qt.Key.Key_E, CTRL_SHIFT, EscalateDialog)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: dialog.form.error_for("reason") != "", timeout=5000)
    assert dialog.form.error_for("reason") == "Reason is required."
    dialog.reject()

    after = stored(office, ticket.ticket_id)
    assert len(after.timeline) == entries_before
    assert after.status == Status.NEW and after.escalation_level == 0


def test_a_failed_save_keeps_the_note_and_says_why(
    qtbot: Any,
    office: Office,
    hub: CitydeskApp,
    pane: TicketDetailPane,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ticket = new_ticket(office)
    sign_in(hub, office.tech)
    show(qtbot, pane, ticket.ticket_id)

    def broken(*_args: Any, **_kwargs: Any) -> None:
        raise OSError("disk I/O error")

    monkeypatch.setattr(tickets, "add_note", broken)
    shortcut(qtbot, pane, Qt.Key.Key_N, CTRL_SHIFT)
    type_text(qtbot, "Do not lose me")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: pane.note_form.general_message != "", timeout=5000)
    assert "disk I/O error" in pane.note_form.general_message
    assert "Nothing was saved" in pane.note_form.general_message
    assert pane.composer.toPlainText() == "Do not lose me"
    assert not pane.composer.isReadOnly()


def test_draft_note_survives_switching_tickets(
    qtbot: Any,
    office: Office,
    hub: CitydeskApp,
    pane: TicketDetailPane,
) -> None:
    first = new_ticket(office, "Pothole on Elm Street")
    second = new_ticket(office, "Pothole on Birch Road")
    sign_in(hub, office.tech)
    show(qtbot, pane, first.ticket_id)
    shortcut(qtbot, pane, Qt.Key.Key_N, CTRL_SHIFT)
    type_text(qtbot, "Half-written thought about Elm")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Right)  # public
    show(qtbot, pane, second.ticket_id)
    assert pane.composer.toPlainText() == ""
    assert pane.internal_radio.isChecked()
    pane.composer.setFocus()
    type_text(qtbot, "Birch draft")
    show(qtbot, pane, first.ticket_id)
    assert pane.composer.toPlainText() == "Half-written thought about Elm"
    assert pane.public_radio.isChecked()
    show(qtbot, pane, second.ticket_id)
    assert pane.composer.toPlainText() == "Birch draft"
    # Nothing was saved by switching.
    assert all(e.kind != "note" for e in stored(office, first.ticket_id).timeline)
    # Another person signing in on the shared PC does not inherit the drafts.
    sign_in(hub, office.tech2)
    assert pane.composer.toPlainText() == ""
    show(qtbot, pane, first.ticket_id)
    assert pane.composer.toPlainText() == ""


def test_supervisor_redacts_a_note_and_highlight_marks_search_terms(
    qtbot: Any,
    office: Office,
    hub: CitydeskApp,
    pane: TicketDetailPane,
) -> None:
    ticket = new_ticket(office)
    tickets.add_note(
        office.db, actor=office.tech, ticket_id=ticket.ticket_id, body="Caller's PIN is 4242", public=False
    )
    sign_in(hub, office.supervisor)
    show(qtbot, pane, ticket.ticket_id)
    assert not pane.actions_.redact.isEnabled()  # nothing selected yet
    pane.timeline.setFocus()
    press(qtbot, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: pane.timeline.selected_entry() is not None)
    assert pane.actions_.redact.isEnabled()
    pane.actions_.redact.trigger()
    qtbot.waitUntil(lambda: isinstance(pane.active_dialog, RedactDialog))
    dialog = pane.active_dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    type_text(qtbot, "personal data")
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: timeline_has(pane, "[redacted by Sam Supervisor]"), timeout=5000)
    assert not any("4242" in text for text in pane.timeline.texts())
    note = next(e for e in stored(office, ticket.ticket_id).timeline if e.kind == "note")
    assert note.body is None and note.redacted

    pane.set_highlight(("school",))
    assert "background-color:#ffe066" in pane.header.description.text()
    assert "school</span>" in pane.header.description.text()
    html = pane.timeline.timeline_model.rows[0].html(pane.timeline.timeline_model.terms)
    assert "#ffe066" not in html  # the created entry does not mention it


def test_other_dialogs_save_through_the_services(
    qtbot: Any,
    office: Office,
    hub: CitydeskApp,
    pane: TicketDetailPane,
) -> None:
    ticket = new_ticket(office)
    sign_in(hub, office.supervisor)
    show(qtbot, pane, ticket.ticket_id)

    dialog = open_by_key(qtbot, pane, Qt.Key.Key_L, CTRL, LogCallDialog)
    type_text(qtbot, "Called Jane back; she confirmed the spot.")
    submit_and_wait(qtbot, pane, dialog, "Logged a call")

    dialog = open_by_key(qtbot, pane, Qt.Key.Key_A, CTRL_SHIFT, AssignDialog)
    type_text(qtbot, "Ivy")
    assert dialog.target.currentText().startswith("Ivy IT")
    submit_and_wait(qtbot, pane, dialog, "Assigned it to Ivy IT")
    assert stored(office, ticket.ticket_id).assignee_id == office.tech2.user_id

    dialog = open_by_key(qtbot, pane, Qt.Key.Key_S, CTRL_SHIFT, ChangeStatusDialog)
    offered = [dialog.status.itemData(i) for i in range(dialog.status.count())]
    assert "resolved" not in offered and "assigned" not in offered and "closed" not in offered
    type_text(qtbot, "W")  # type to select: the first "Waiting…"
    assert dialog.status.currentData() == "waiting_requester"
    press(qtbot, Qt.Key.Key_Down)
    assert dialog.status.currentData() == "waiting_vendor"
    submit_and_wait(qtbot, pane, dialog, "Changed the status to Waiting for a vendor")

    pane.actions_.change_priority.trigger()
    qtbot.waitUntil(lambda: isinstance(pane.active_dialog, ChangePriorityDialog))
    dialog = pane.active_dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    assert focused() is dialog.radios["P3"]
    assert "target number of business days" in dialog.radios["P3"].accessibleDescription()
    press(qtbot, Qt.Key.Key_Up)  # P2
    submit_and_wait(qtbot, pane, dialog, "Changed the priority to P2 High")
    assert stored(office, ticket.ticket_id).priority == "P2"

    dialog = open_by_key(qtbot, pane, Qt.Key.Key_E, CTRL, EditDialog)
    focused().selectAll()  # type: ignore[attr-defined]
    type_text(qtbot, "Deep pothole on Elm Street")
    submit_and_wait(qtbot, pane, dialog, "Changed the title to “Deep pothole on Elm Street”")
    assert stored(office, ticket.ticket_id).title == "Deep pothole on Elm Street"
    assert pane.header.title.accessibleName() == "Deep pothole on Elm Street"


def test_every_dialog_and_the_pane_name_their_controls(
    qtbot: Any,
    office: Office,
    hub: CitydeskApp,
    pane: TicketDetailPane,
) -> None:
    ticket = new_ticket(office)
    tickets.add_note(office.db, actor=office.tech, ticket_id=ticket.ticket_id, body="Private", public=False)
    sign_in(hub, office.supervisor)
    show(qtbot, pane, ticket.ticket_id)
    assert unnamed_interactive(pane) == []
    view = pane.view
    assert view is not None
    entry = pane.timeline.timeline_model.rows[-1]
    for factory, args in (
        (LogCallDialog, ()),
        (AssignDialog, ()),
        (ChangeStatusDialog, ()),
        (ChangePriorityDialog, ()),
        (EditDialog, ()),
        (EscalateDialog, ()),
        (RecordTimeDialog, ()),
        (ScheduleVisitDialog, ()),
        (ResolveDialog, ()),
        (ReopenDialog, ()),
        (RedactDialog, (entry,)),
    ):
        dialog = factory(hub, view, *args, parent=pane)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert unnamed_interactive(dialog) == [], factory.__name__
        if isinstance(dialog, ResolveDialog):  # the rows that appear for some reasons too
            for index in range(dialog.reason.count()):
                dialog.reason.setCurrentIndex(index)
                assert unnamed_interactive(dialog) == [], dialog.reason.currentText()
        dialog.reject()
        dialog.deleteLater()


# ---- screenshots ------------------------------------------------------------------------------

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def test_screenshots_of_a_busy_ticket(
    qtbot: Any,
    office: Office,
    hub: CitydeskApp,
    pane: TicketDetailPane,
    tmp_path: Path,
) -> None:
    """Renders the pane and the resolve dialog; CITYDESK_SCREENSHOTS=1 writes them to docs/screenshots."""
    db = office.db
    ticket = new_ticket(office)
    tickets.add_reporter(
        db,
        actor=office.clerk,
        ticket_id=ticket.ticket_id,
        requester_id=office.spanish_citizen,
        channel="walk_in",
    )
    tickets.take(db, actor=office.tech, ticket_id=ticket.ticket_id)
    office.clock.advance(hours=1, minutes=12)
    tickets.add_note(
        db,
        actor=office.tech,
        ticket_id=ticket.ticket_id,
        body="Checked the site: the hole is about 40 cm wide and 10 cm deep, right at the crossing.",
        public=False,
    )
    tickets.add_note(
        db,
        actor=office.tech,
        ticket_id=ticket.ticket_id,
        body="Thank you for reporting this pothole. A crew will fill it on Wednesday morning.",
        public=True,
    )
    tickets.record_time(db, actor=office.tech, ticket_id=ticket.ticket_id, minutes=30, note="Site check")
    tickets.schedule_visit(
        db,
        actor=office.tech,
        ticket_id=ticket.ticket_id,
        at=datetime(2026, 11, 18, 14, 30, tzinfo=UTC),
        place="12 Elm Street, by the school crossing",
    )
    office.clock.advance(hours=2)
    tickets.escalate(
        db, actor=office.supervisor, ticket_id=ticket.ticket_id, level=1, reason="Children walk around it."
    )
    tickets.change_priority(db, actor=office.supervisor, ticket_id=ticket.ticket_id, priority="P2")
    office.clock.advance(days=2)
    sign_in(hub, office.tech)
    pane.set_highlight(("pothole",))
    show(qtbot, pane, ticket.ticket_id)
    folder = SCREENSHOTS if os.environ.get("CITYDESK_SCREENSHOTS") else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    assert pane.grab().save(str(folder / "detail-pane.png"))

    dialog = open_by_key(qtbot, pane, Qt.Key.Key_R, CTRL, ResolveDialog)
    type_text(qtbot, "Dup")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "CLK-TST-000001")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Thank you. This is the same pothole as your earlier report.")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: dialog.form.error_for("duplicate_of") != "", timeout=5000)
    dialog.adjustSize()
    assert dialog.grab().save(str(folder / "detail-resolve.png"))
